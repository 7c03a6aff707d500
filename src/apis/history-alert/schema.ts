/**
 * `Search History Alerts` (`POST /event-service/v2.1/history-alerts?action=search`, alert-api 2.1.0 and later): the
 * fields, operators and rules of Search Active Alerts.
 */
import { trustedSchema } from '../../schema/schema.js';
import { activeAlertSchema } from '../active-alert/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const historyAlertSchema = /* @__PURE__ */ trustedSchema({
  name: 'history-alert',
  fields: activeAlertSchema.fields,
  logical: ['and', 'or'],
  // occurTime: the struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'eventId',
    order: [{ field: 'occurTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
  },
});

export type HistoryAlertSchema = typeof historyAlertSchema;
