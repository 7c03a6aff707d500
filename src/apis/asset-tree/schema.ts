/**
 * `Search Asset Tree` (`POST /asset-tree-service/v2.1/asset-trees?action=search`, as of EnOS 2.4.4): asset trees by
 * id, name and tags. Ordered by treeId alone, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const assetTreeSchema = /* @__PURE__ */ trustedSchema({
  name: 'asset-tree',
  fields: {
    treeId: { type: 'string', operators: ['=', 'in'] },
    name: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US', 'ja_JP', 'es_ES'] },
    tags: { type: 'map', operators: ['=', '!=', 'exists'] },
  },
  logical: ['and', 'or'],
  search: { id: 'treeId', order: [], pageSize: { default: 100, max: 1000 } },
});

export type AssetTreeSchema = typeof assetTreeSchema;
