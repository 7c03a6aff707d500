import type { I18nString } from '../ota-job/job-info.js';

/**
 * A record of Search Asset Node: EnOS's `Asset` struct, plus what the expression reads that the struct leaves out
 * (rootModelId, treeId, productKey, deviceKey and createTime: a store keeps them on the node). Other properties are
 * kept as they are, never queried.
 */
export interface AssetNodeRecord {
  readonly orgId: string;
  readonly assetId: string;
  readonly name?: I18nString | null;
  readonly description?: string | null;
  /** Attribute values as the model defines them: strings, numbers or booleans are queried. */
  readonly attributes?: { readonly [attributeId: string]: unknown } | null;
  readonly timezone?: string | null;
  readonly modelId?: string | null;
  readonly modelIdPath?: string | null;
  readonly tags?: { readonly [key: string]: string | null } | null;
  /** `"0"`: a device asset; `"1"`: a logical asset. */
  readonly label?: string | null;
  readonly inValid?: boolean | null;
  readonly rootModelId?: string | null;
  readonly treeId?: string | null;
  readonly productKey?: string | null;
  readonly deviceKey?: string | null;
  /** Milliseconds since the epoch; searches order by it, newest first. */
  readonly createTime?: number | null;
  readonly [other: string]: unknown;
}
