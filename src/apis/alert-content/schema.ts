/**
 * `Search Alert Content` (`POST /event-service/v2.1/alert-contents?action=search`, alert-api 2.1.0 and later): latest
 * update first, with sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const alertContentSchema = /* @__PURE__ */ trustedSchema({
  name: 'alert-content',
  fields: {
    contentId: { type: 'string', operators: ['=', 'in'] },
    modelId: { type: 'string', operators: ['=', 'in'] },
    // Stored at these paths: the struct keeps them as alertType.typeId and subAlertType.typeId.
    alertTypeId: { type: 'string', operators: ['=', 'in'] },
    subAlertTypeId: { type: 'string', operators: ['=', 'in'] },
    contentDesc: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US', 'ja_JP', 'es_ES'] },
    tags: { type: 'map', operators: ['='] },
  },
  logical: ['and', 'or'],
  // updateTime: the AlertContent struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'contentId',
    order: [{ field: 'updateTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
    sorters: [
      { field: 'contentId', type: 'string' },
      { field: 'modelId', type: 'string' },
      { field: 'alertTypeId', type: 'string' },
      { field: 'subAlertTypeId', type: 'string' },
    ],
  },
});

export type AlertContentSchema = typeof alertContentSchema;
