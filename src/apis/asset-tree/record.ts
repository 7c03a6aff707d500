import type { I18nString } from '../ota-job/job-info.js';

/** A record of Search Asset Tree: EnOS's `AssetTree` struct. Other properties are kept as they are, never queried. */
export interface AssetTreeRecord {
  readonly orgId: string;
  readonly treeId: string;
  readonly name?: I18nString | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  /** The root asset (an `Asset` struct). */
  readonly asset?: { readonly [property: string]: unknown } | null;
  readonly [other: string]: unknown;
}
