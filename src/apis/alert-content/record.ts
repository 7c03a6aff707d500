import type { AlertTypeRecord } from '../alert-type/record.js';
import type { I18nString } from '../ota-job/job-info.js';

/**
 * A record of Search Alert Content: EnOS's `AlertContent` struct, with `alertTypeId` and `subAlertTypeId`, the paths
 * the expression reads, beside the struct's `alertType` and `subAlertType` (a store copies their `typeId` up).
 * Other properties are kept as they are, never queried.
 */
export interface AlertContentRecord {
  readonly orgId: string;
  readonly contentId: string;
  readonly contentDesc?: I18nString | null;
  readonly modelId?: string | null;
  readonly alertTypeId?: string | null;
  readonly subAlertTypeId?: string | null;
  readonly alertType?: Partial<AlertTypeRecord> | null;
  readonly subAlertType?: Partial<AlertTypeRecord> | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  readonly updatePerson?: string | null;
  /** Milliseconds since the epoch; searches order by it, latest first. */
  readonly updateTime?: number | null;
  readonly [other: string]: unknown;
}
