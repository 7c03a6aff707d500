/**
 * `Search Active Alerts` (`POST /event-service/v2.1/active-alerts?action=search`, alert-api 2.2.0 and later): the
 * alerts of the old alert service, with their tags under the singular `tag.<key>`. Latest first, no sorters.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const activeAlertSchema = /* @__PURE__ */ trustedSchema({
  name: 'active-alert',
  fields: {
    modelId: { type: 'string', operators: ['=', 'in', '!='] },
    assetId: { type: 'string', operators: ['=', 'in', '!='] },
    measurepointId: { type: 'string', operators: ['=', 'in', '!='] },
    severityId: { type: 'string', operators: ['=', 'in', '!='] },
    typeId: { type: 'string', operators: ['=', 'in', '!='] },
    subTypeId: { type: 'string', operators: ['=', 'in', '!='] },
    contentId: { type: 'string', operators: ['=', 'in', '!='] },
    eventId: { type: 'string', operators: ['=', 'in', '!='] },
    treeId: { type: 'string', operators: ['=', 'in', '!='] },
    hitRuleId: { type: 'string', operators: ['=', 'in', '!='] },
    eventType: { type: 'number', operators: ['=', 'in', '!='] },
    deviceStatus: { type: 'string', operators: ['=', 'in'] },
    // One path of the alert's asset (`treeId1:/assetId1/assetId2`), stored at this path (the struct has assetPaths[]).
    assetPath: { type: 'string', operators: ['like'] },
    tag: { type: 'map', operators: ['=', 'in', '!=', 'exists'] },
  },
  logical: ['and', 'or'],
  // occurTime: the ActiveAlert struct's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'eventId',
    order: [{ field: 'occurTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 1000 },
  },
});

export type ActiveAlertSchema = typeof activeAlertSchema;
