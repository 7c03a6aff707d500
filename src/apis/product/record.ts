import type { I18nString } from '../ota-job/job-info.js';

/** A record of Search Product: EnOS's `Product` struct. Other properties are kept as they are, never queried. */
export interface ProductRecord {
  readonly orgId: string;
  readonly productKey: string;
  readonly productName?: I18nString | null;
  readonly productSecret?: string | null;
  readonly productDesc?: string | null;
  /** `Device` or `Gateway`. */
  readonly productType?: string | null;
  readonly dataFormat?: string | null;
  readonly productTags?: { readonly [key: string]: string | null } | null;
  readonly modelId?: string | null;
  readonly dynamicActiveEnabled?: boolean | null;
  readonly biDirectionalAuth?: boolean | null;
  /** Milliseconds since the epoch; searches order by it, newest first. */
  readonly createTime?: number | null;
  readonly createBy?: string | null;
  readonly updateTime?: number | null;
  readonly updateBy?: string | null;
  readonly [other: string]: unknown;
}
