/**
 * `Search Event` (`POST /connect-service/v2.1/events?action=search`): the events devices report. Latest first, no
 * sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const eventSchema = /* @__PURE__ */ trustedSchema({
  name: 'event',
  fields: {
    productKey: { type: 'string', operators: ['=', 'in'] },
    deviceKey: { type: 'string', operators: ['=', 'in'] },
    assetId: { type: 'string', operators: ['=', 'in'] },
    tslEventKey: { type: 'string', operators: ['=', 'in'] },
    tslEventType: { type: 'string', operators: ['=', 'in'] },
  },
  logical: ['and', 'or'],
  // timestamp: the Event struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'eventId',
    order: [{ field: 'timestamp', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 200 },
  },
});

export type EventSchema = typeof eventSchema;
