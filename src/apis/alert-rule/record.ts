import type { I18nString } from '../ota-job/job-info.js';

/** A record of Search Alert Rule: EnOS's `AlertRule` struct. Other properties are kept as they are, never queried. */
export interface AlertRuleRecord {
  readonly orgId: string;
  readonly ruleId: string;
  readonly ruleDesc?: I18nString | null;
  readonly modelId?: string | null;
  readonly measurepointId?: string | null;
  readonly deviceStatus?: string | null;
  /** The trigger, in EnOS's rule language (`${temperature} = 19`), not this one. */
  readonly condition?: string | null;
  readonly isEnabled?: boolean | null;
  readonly severityId?: string | null;
  readonly severityDesc?: I18nString | null;
  readonly contentId?: string | null;
  readonly contentDesc?: I18nString | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  readonly isRoot?: boolean | null;
  /** `treeId` (`all`: the whole organisation) and `assetId`. */
  readonly scope?: { readonly treeId?: string | null; readonly assetId?: string | null } | null;
  /** Seconds, 60 to 10800; 0 triggers at once. */
  readonly triggeringDelayTimer?: number | null;
  readonly [other: string]: unknown;
}
