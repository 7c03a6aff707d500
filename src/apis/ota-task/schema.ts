/**
 * `Search OTA Task` (Search Device Task, `POST /connect-service/v2.1/ota-jobs?action=searchTask`): the tasks of OTA
 * jobs, one per device. Every field takes `=` and `in`; no sorters, newest update first.
 */
import { trustedSchema } from '../../schema/schema.js';

// Made without defineSchema's checks (see trustedSchema); test/apis/schemas.test.ts runs them on this definition.
export const otaTaskSchema = /* @__PURE__ */ trustedSchema({
  name: 'ota-task',
  fields: {
    jobId: { type: 'string', operators: ['=', 'in'] },
    deviceKey: { type: 'string', operators: ['=', 'in'] },
    fromVersion: { type: 'string', operators: ['=', 'in'] },
    toVersion: { type: 'string', operators: ['=', 'in'] },
    desc: { type: 'string', operators: ['=', 'in'] },
    status: {
      type: 'string',
      operators: ['=', 'in'],
      values: ['init', 'published', 'upgrading', 'succeeded', 'failed'],
    },
  },
  logical: ['and', 'or'],
  // updateTime: TaskInfo's Long, epoch milliseconds, a record property outside the fields.
  search: {
    id: 'taskId',
    order: [{ field: 'updateTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 200 },
  },
});

export type OtaTaskSchema = typeof otaTaskSchema;
