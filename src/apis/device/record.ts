import type { I18nString } from '../ota-job/job-info.js';

/** A record of Search Device: EnOS's `Device` struct. Other properties are kept as they are, never queried. */
export interface DeviceRecord {
  readonly orgId: string;
  readonly assetId: string;
  readonly modelId?: string | null;
  readonly modelIdPath?: string | null;
  readonly productKey?: string | null;
  readonly productName?: I18nString | null;
  /** `Device` or `Gateway`. */
  readonly productType?: string | null;
  readonly dataFormat?: string | null;
  readonly deviceKey?: string | null;
  readonly deviceName?: I18nString | null;
  readonly deviceSecret?: string | null;
  readonly deviceDesc?: string | null;
  readonly timezone?: string | null;
  readonly firmwareVersion?: string | null;
  /** Attribute values as the thing model defines them: strings, numbers or booleans are queried. */
  readonly deviceAttributes?: { readonly [attributeId: string]: unknown } | null;
  readonly deviceTags?: { readonly [key: string]: string | null } | null;
  /** Milliseconds since the epoch; searches order by it, newest first. */
  readonly createTime?: number | null;
  /** `online`, `offline`, `inactive` or `disabled` (the filter writes `disable`). */
  readonly status?: string | null;
  readonly activeTime?: number | null;
  readonly lastOnlineTime?: number | null;
  readonly lastOfflineTime?: number | null;
  readonly measurepointLastUpdate?: number | null;
  readonly eventLastUpdate?: number | null;
  readonly attributeLastUpdate?: number | null;
  readonly featureLastUpdate?: number | null;
  readonly [other: string]: unknown;
}
