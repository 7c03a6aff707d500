/**
 * The EnOS route of every API of the family (docs/LANGUAGE.md §8.2): `POST <path>?action=<action>`. Several APIs
 * share a path and differ by action (OTA jobs and their tasks, firmware and device upgrades), so a route is the pair.
 * The library's schemas carry fields and search rules but no HTTP address; this table is the server's one list.
 */
import { schemas, type Schema } from 'ota-expr';

/** One API as the server exposes it. */
export interface ApiRoute {
  /** The schema's name (`ota-job`), the `--api` value of `load` and the key of `schemas`. */
  readonly name: string;
  readonly path: string;
  readonly action: string;
  readonly schema: Schema;
}

const ADDRESSES: readonly (readonly [name: string, path: string, action: string])[] = [
  ['ota-job', '/connect-service/v2.1/ota-jobs', 'search'],
  ['ota-task', '/connect-service/v2.1/ota-jobs', 'searchTask'],
  ['firmware', '/connect-service/v2.1/ota-firmwares', 'search'],
  ['device-upgrade', '/connect-service/v2.1/ota-firmwares', 'searchDeviceUpgrade'],
  ['device', '/connect-service/v2.4/devices', 'search'],
  ['product', '/connect-service/v2.1/products', 'search'],
  ['thing-model', '/model-service/v2.1/thing-models', 'search'],
  ['asset-node', '/asset-tree-service/v2.1/asset-nodes', 'searchAsset'],
  ['asset-tree', '/asset-tree-service/v2.1/asset-trees', 'search'],
  ['command', '/connect-service/v2.1/commands', 'search'],
  ['event', '/connect-service/v2.1/events', 'search'],
  ['active-alert', '/event-service/v2.1/active-alerts', 'search'],
  ['history-alert', '/event-service/v2.1/history-alerts', 'search'],
  ['alert-rule', '/event-service/v2.1/alert-rules', 'search'],
  ['alert-content', '/event-service/v2.1/alert-contents', 'search'],
  ['alert-severity', '/event-service/v2.1/alert-severities', 'search'],
  ['alert-type', '/event-service/v2.1/alert-types', 'search'],
  ['alert', '/alert-service/v2.1/alerts', 'search'],
];

/** Every API's route, in the order of docs/LANGUAGE.md §8.2. */
export const API_ROUTES: readonly ApiRoute[] = ADDRESSES.map(([name, path, action]) => {
  const schema = schemas[name];
  if (schema === undefined) throw new Error(`ota-expr has no schema named ${name}`);
  return { name, path, action, schema };
});

/** The routes by schema name. */
export const ROUTES_BY_NAME: ReadonlyMap<string, ApiRoute> = new Map(API_ROUTES.map((route) => [route.name, route]));

/** The actions of each path, for the route table of the HTTP server. */
export function routesByPath(): ReadonlyMap<string, ReadonlyMap<string, ApiRoute>> {
  const byPath = new Map<string, Map<string, ApiRoute>>();
  for (const route of API_ROUTES) {
    let actions = byPath.get(route.path);
    if (actions === undefined) byPath.set(route.path, (actions = new Map()));
    actions.set(route.action, route);
  }
  return byPath;
}
