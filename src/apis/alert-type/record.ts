import type { I18nString } from '../ota-job/job-info.js';

/** A record of Search Alert Type: EnOS's `AlertType` struct. Other properties are kept as they are, never queried. */
export interface AlertTypeRecord {
  readonly orgId: string;
  readonly typeId: string;
  readonly typeDesc?: I18nString | null;
  /** null for a top-level type. */
  readonly parentTypeId?: string | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  readonly updatePerson?: string | null;
  /** Milliseconds since the epoch; searches order by it, latest first. */
  readonly updateTime?: number | null;
  readonly [other: string]: unknown;
}
