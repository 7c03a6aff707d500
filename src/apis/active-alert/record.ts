import type { I18nString } from '../ota-job/job-info.js';

/**
 * A record of Search Active Alerts: EnOS's `ActiveAlert` struct, with `assetPath`, the path the expression reads, in
 * place of the struct's `assetPaths` array (a store writes one path per record), and the `treeId` and
 * `deviceStatus` the expression reads. Other properties are kept as they are, never queried.
 */
export interface ActiveAlertRecord {
  readonly orgId: string;
  readonly eventId: string;
  readonly assetId?: string | null;
  readonly modelId?: string | null;
  readonly modelIdPath?: string | null;
  readonly measurepointId?: string | null;
  readonly hitRuleId?: string | null;
  readonly value?: unknown;
  /** Milliseconds since the epoch; searches order by it, latest first. */
  readonly occurTime?: number | null;
  readonly localOccurTime?: string | null;
  readonly createTime?: number | null;
  readonly updateTime?: number | null;
  readonly severityId?: string | null;
  readonly severityDesc?: I18nString | null;
  readonly typeId?: string | null;
  readonly typeDesc?: I18nString | null;
  readonly subTypeId?: string | null;
  readonly subTypeDesc?: I18nString | null;
  readonly contentId?: string | null;
  readonly contentDesc?: I18nString | null;
  /** 0 system-recovered, 1 system-triggered, 2 API-recovered, 3 API-inserted. */
  readonly eventType?: number | null;
  readonly tag?: { readonly [key: string]: string | null } | null;
  readonly ruleDesc?: I18nString | null;
  /** `treeId1:/assetId1/assetId2/assetIdx`. */
  readonly assetPath?: string | null;
  readonly treeId?: string | null;
  readonly deviceStatus?: string | null;
  readonly [other: string]: unknown;
}
