/**
 * `Search Alert Severity` (`POST /event-service/v2.1/alert-severities?action=search`, alert-api 2.1.0 and later):
 * latest update first, sorted by severityId on request.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const alertSeveritySchema = /* @__PURE__ */ trustedSchema({
  name: 'alert-severity',
  fields: {
    severityId: { type: 'string', operators: ['=', 'in'] },
    tags: { type: 'map', operators: ['='] },
  },
  logical: ['and', 'or'],
  // updateTime: the AlertSeverity struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'severityId',
    order: [{ field: 'updateTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
    sorters: [{ field: 'severityId', type: 'string' }],
  },
});

export type AlertSeveritySchema = typeof alertSeveritySchema;
