/**
 * `Search Alerts` of the new alert engine (`POST /alert-service/v2.1/alerts?action=search`, EnOS 2.2.0 and later),
 * with three tag maps: the metric's, the rule's and the alert's own. Latest first, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

const TAG_OPERATORS = ['=', 'in', '!=', 'like', 'exists'] as const;

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const alertSchema = /* @__PURE__ */ trustedSchema({
  name: 'alert',
  fields: {
    instanceId: { type: 'string', operators: ['=', 'in', '!='] },
    metricId: { type: 'string', operators: ['=', 'in', '!='] },
    severityId: { type: 'string', operators: ['=', 'in', '!='] },
    typeId: { type: 'string', operators: ['=', 'in', '!='] },
    parentTypeId: { type: 'string', operators: ['=', 'in', '!='] },
    contentId: { type: 'string', operators: ['=', 'in', '!='] },
    ruleId: { type: 'string', operators: ['=', 'in', '!='] },
    alertId: { type: 'string', operators: ['=', 'in', '!='] },
    eventType: { type: 'number', operators: ['=', 'in', '!='] },
    inhibited: { type: 'boolean', operators: ['=', '!='] },
    maskedBy: { type: 'string', operators: ['='] },
    metricTags: { type: 'map', operators: TAG_OPERATORS },
    ruleTags: { type: 'map', operators: TAG_OPERATORS },
    tags: { type: 'map', operators: TAG_OPERATORS },
  },
  logical: ['and', 'or'],
  // occurTime: the AlertVo struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'alertId',
    order: [{ field: 'occurTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
  },
});

export type AlertSchema = typeof alertSchema;
