/** A record of Search Event: EnOS's `Event` struct. Other properties are kept as they are, never queried. */
export interface EventRecord {
  readonly orgId: string;
  readonly eventId: string;
  readonly productKey?: string | null;
  readonly deviceKey?: string | null;
  readonly assetId?: string | null;
  readonly tslEventKey?: string | null;
  readonly tslEventType?: string | null;
  readonly output?: string | null;
  /** Milliseconds since the epoch; searches order by it, latest first. */
  readonly timestamp?: number | null;
  readonly localtime?: string | null;
  readonly [other: string]: unknown;
}
