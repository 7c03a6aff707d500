/**
 * `Search Alert Type` (`POST /event-service/v2.1/alert-types?action=search`, alert-api 2.4.4): latest update first,
 * with sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const alertTypeSchema = /* @__PURE__ */ trustedSchema({
  name: 'alert-type',
  fields: {
    typeId: { type: 'string', operators: ['=', 'in'] },
    parentTypeId: { type: 'string', operators: ['=', 'in'] },
    tags: { type: 'map', operators: ['='] },
  },
  logical: ['and', 'or'],
  // updateTime: the AlertType struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'typeId',
    order: [{ field: 'updateTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
    sorters: [
      { field: 'typeId', type: 'string' },
      { field: 'parentTypeId', type: 'string' },
    ],
  },
});

export type AlertTypeSchema = typeof alertTypeSchema;
