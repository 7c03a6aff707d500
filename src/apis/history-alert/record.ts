import type { ActiveAlertRecord } from '../active-alert/record.js';

/** A record of Search History Alerts: an active alert's struct plus how it was recovered. */
export interface HistoryAlertRecord extends ActiveAlertRecord {
  /** Milliseconds since the epoch. */
  readonly recoverTime?: number | null;
  readonly localRecoverTime?: string | null;
  readonly recoverReason?: string | null;
}
