/**
 * `Search Alert Rule` (`POST /event-service/v2.1/alert-rules?action=search`, alert-api 2.3.0 and later): ordered by
 * ruleId, with sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const alertRuleSchema = /* @__PURE__ */ trustedSchema({
  name: 'alert-rule',
  fields: {
    ruleId: { type: 'string', operators: ['=', 'in'] },
    modelId: { type: 'string', operators: ['=', 'in'] },
    measurepointId: { type: 'string', operators: ['=', 'in', 'is null'] },
    deviceStatus: { type: 'string', operators: ['=', 'in', 'is null'] },
    tags: { type: 'map', operators: ['='] },
  },
  logical: ['and', 'or'],
  search: {
    id: 'ruleId',
    order: [],
    pageSize: { default: 10, max: 1000 },
    // orgId is the record's scope, outside the fields.
    sorters: [
      { field: 'ruleId', type: 'string' },
      { field: 'modelId', type: 'string' },
      { field: 'measurepointId', type: 'string' },
      { field: 'deviceStatus', type: 'string' },
      { field: 'orgId', type: 'string' },
    ],
  },
});

export type AlertRuleSchema = typeof alertRuleSchema;
