/**
 * `Search Asset Node` (`POST /asset-tree-service/v2.1/asset-nodes?action=searchAsset`, as of EnOS 2.4.4): the nodes
 * of asset trees. Newest first, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const assetNodeSchema = /* @__PURE__ */ trustedSchema({
  name: 'asset-node',
  fields: {
    assetId: { type: 'string', operators: ['=', 'in'] },
    modelId: { type: 'string', operators: ['=', 'in'] },
    rootModelId: { type: 'string', operators: ['=', 'in'] },
    treeId: { type: 'string', operators: ['=', 'in'] },
    productKey: { type: 'string', operators: ['=', 'like'] },
    deviceKey: { type: 'string', operators: ['=', 'like'] },
    // Milliseconds since the epoch, compared as a number (`createTime >= 1639645258000`).
    createTime: { type: 'number', operators: ['=', '<=', '>='] },
    name: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US', 'ja_JP', 'es_ES'] },
    attributes: { type: 'map', values: 'scalar', operators: ['=', 'like'] },
    tags: { type: 'map', operators: ['in', 'like', 'exists'] },
  },
  logical: ['and', 'or'],
  // createTime is a number field here, so the order key has the field's type.
  search: {
    id: 'assetId',
    order: [{ field: 'createTime', direction: 'desc', type: 'number' }],
    pageSize: { default: 100, max: 1000 },
  },
});

export type AssetNodeSchema = typeof assetNodeSchema;
