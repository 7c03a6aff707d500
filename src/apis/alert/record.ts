/**
 * A record of Search Alerts (new alert engine): EnOS's `AlertVo` struct as far as the page shows it. Other properties
 * are kept as they are, never queried.
 */
export interface AlertRecord {
  readonly orgId: string;
  readonly alertId: string;
  /** 0 rule-recovered, 1 rule-triggered, 2 API-recovered, 3 API-created, 4 discrete, 5 disordered. */
  readonly eventType?: number | null;
  /** `model_measurepoint`, `device_status` or `model_event`. */
  readonly dataSource?: string | null;
  readonly instanceId?: string | null;
  readonly metricId?: string | null;
  readonly severityId?: string | null;
  readonly typeId?: string | null;
  readonly parentTypeId?: string | null;
  readonly contentId?: string | null;
  readonly ruleId?: string | null;
  /** Milliseconds since the epoch; searches order by it, latest first. */
  readonly occurTime?: number | null;
  readonly localOccurTime?: string | null;
  readonly recoverTime?: number | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  /** `metricTags.assetTreePath` holds the tree ids of the alert's asset. */
  readonly metricTags?: { readonly [key: string]: string | null } | null;
  readonly ruleTags?: { readonly [key: string]: string | null } | null;
  readonly inhibited?: boolean | null;
  readonly maskedBy?: string | null;
  readonly [other: string]: unknown;
}
