import type { I18nString } from '../ota-job/job-info.js';

/** A record of Search Command: EnOS's `Command` struct. Other properties are kept as they are, never queried. */
export interface CommandRecord {
  readonly orgId: string;
  readonly commandId: string;
  readonly productKey?: string | null;
  readonly deviceKey?: string | null;
  readonly assetId?: string | null;
  /** `YYYY-MM-DD HH:mm:ss`, the device's local time; searches order by it, newest first. */
  readonly createTime?: string | null;
  readonly createLocaltime?: string | null;
  /** 1: measurement point setting; 2: service invocation. */
  readonly commandType?: number | null;
  readonly commandName?: I18nString | null;
  readonly timeout?: number | null;
  readonly pendingTtl?: number | null;
  /** 1 created, 2 canceled, 3 expired, 4 released, 5 sent, 6 failed, 7 response timed out. */
  readonly state?: number | null;
  readonly tslIdentifier?: string | null;
  readonly inputData?: { readonly [key: string]: unknown } | null;
  readonly outputData?: { readonly [key: string]: unknown } | null;
  readonly [other: string]: unknown;
}
