import type { I18nString } from '../ota-job/job-info.js';

/**
 * A record of Search Alert Severity: EnOS's `AlertSeverity` struct. Other properties are kept as they are, never
 * queried.
 */
export interface AlertSeverityRecord {
  readonly orgId: string;
  readonly severityId: string;
  readonly severityDesc?: I18nString | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  readonly updatePerson?: string | null;
  /** Milliseconds since the epoch; searches order by it, latest first. */
  readonly updateTime?: number | null;
  readonly [other: string]: unknown;
}
