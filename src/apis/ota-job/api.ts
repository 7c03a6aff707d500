/**
 * Search OTA Job as data: records scoped by `orgId`, identified by `jobId`, newest first (`createTime` descending,
 * ties by `jobId` in code-point order), stored in the `ota_job` table (docs/LANGUAGE.md §5, §6).
 */
import type { ApiDefinition } from '../../schema/api.js';
import { otaJobSchema, type OtaJobSchema } from './schema.js';

export const otaJobApi: ApiDefinition<OtaJobSchema> = {
  schema: otaJobSchema,
  scope: 'orgId',
  key: ['jobId'],
  order: [
    { property: 'createTime', direction: 'desc', type: 'integer' },
    { property: 'jobId', direction: 'asc', type: 'string' },
  ],
  table: 'ota_job',
};
