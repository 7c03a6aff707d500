/** The APIs ota-expr knows by name: the CLI's `--schema` values. */
import type { ApiDefinition } from '../schema/api.js';
import { otaJobApi } from './ota-job/api.js';

export const APIS: ReadonlyMap<string, ApiDefinition> = /* @__PURE__ */ new Map<string, ApiDefinition>([
  [otaJobApi.schema.name, otaJobApi],
]);

/** The API of every entry point that is not told another: Search OTA Job. */
export const DEFAULT_API: ApiDefinition = otaJobApi;
