/** A record of Search OTA Task: EnOS's `TaskInfo` struct. Other properties are kept as they are, never queried. */
export interface OtaTaskRecord {
  readonly orgId: string;
  readonly taskId: string;
  readonly assetId?: string | null;
  readonly productKey?: string | null;
  readonly deviceKey?: string | null;
  readonly jobId?: string | null;
  readonly fromVersion?: string | null;
  readonly toVersion?: string | null;
  /** 0 to 100; negative when the task failed. */
  readonly progress?: number | null;
  readonly desc?: string | null;
  /** `init`, `published`, `upgrading`, `succeeded` or `failed`. */
  readonly status?: string | null;
  /** Milliseconds since the epoch; searches order by it, latest first. */
  readonly updateTime?: number | null;
  readonly [other: string]: unknown;
}
