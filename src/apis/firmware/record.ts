import type { I18nString } from '../ota-job/job-info.js';

/** A record of Search Firmware: EnOS's `FirmwareInfo` struct. Other properties are kept as they are, never queried. */
export interface FirmwareRecord {
  readonly orgId: string;
  readonly firmwareId: string;
  readonly productKey?: string | null;
  readonly name?: I18nString | null;
  readonly version?: string | null;
  readonly desc?: string | null;
  readonly signMethod?: string | null;
  readonly sign?: string | null;
  readonly fileUrl?: string | null;
  readonly fileSize?: number | null;
  readonly isVerified?: boolean | null;
  readonly enableVerification?: boolean | null;
  /** Milliseconds since the epoch; searches order by it, newest first. */
  readonly createTime?: number | null;
  readonly [other: string]: unknown;
}
