/**
 * Search OTA Job as an API: records scoped by `orgId`, identified by `jobId`, newest first (`createTime` descending,
 * ties by `jobId` in code-point order), stored in the `ota_job` table (docs/LANGUAGE.md §5, §6).
 */
import { apiOf } from '../../schema/api.js';
import { otaJobSchema } from './schema.js';

export const otaJobApi = /* @__PURE__ */ apiOf(otaJobSchema);
