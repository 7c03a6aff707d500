/** The APIs ota-expr knows by name: the CLI's `--schema` values, one per built-in schema (./schemas.ts). */
import { apiOf, type ApiDefinition } from '../schema/api.js';
import { otaJobApi } from './ota-job/api.js';
import { schemas } from './schemas.js';

// Built inside a pure function, so that a bundle that does not read APIS drops it with every schema it names.
export const APIS: ReadonlyMap<string, ApiDefinition> = /* @__PURE__ */ (() =>
  new Map<string, ApiDefinition>(Object.entries(schemas).map(([name, schema]) => [name, apiOf(schema)])))();

/** The API of every entry point that is not told another: Search OTA Job. */
export const DEFAULT_API: ApiDefinition = otaJobApi;
