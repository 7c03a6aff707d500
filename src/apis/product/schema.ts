/**
 * `Search Product` (`POST /connect-service/v2.1/products?action=search`, and V2.4): products with their tags.
 * Newest first, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const productSchema = /* @__PURE__ */ trustedSchema({
  name: 'product',
  fields: {
    productKey: { type: 'string', operators: ['=', 'in'] },
    modelId: { type: 'string', operators: ['=', 'in'] },
    productName: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US', 'ja_JP', 'es_ES'] },
    productTags: { type: 'map', operators: ['=', 'exists', 'not exists'] },
  },
  logical: ['and', 'or'],
  // createTime: the Product struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'productKey',
    order: [{ field: 'createTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
  },
});

export type ProductSchema = typeof productSchema;
