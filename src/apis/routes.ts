/**
 * Where each built-in API is served on an EnOS gateway (docs/LANGUAGE.md §8.2, SPEC §10): the POST path and the
 * `action` query parameter, by schema name. Data only, like the schemas; the client entry binds it.
 */

/** One API's HTTP route: `POST <path>?action=<action>&orgId=…`. */
export interface ApiRoute {
  /** The path below the gateway's address, starting with `/`. */
  readonly path: string;
  /** The `action` query parameter. */
  readonly action: string;
}

/** The route of every built-in schema, by its name (the keys of `schemas`). */
export const API_ROUTES = /* @__PURE__ */ Object.freeze({
  'ota-job': { path: '/connect-service/v2.1/ota-jobs', action: 'search' },
  'ota-task': { path: '/connect-service/v2.1/ota-jobs', action: 'searchTask' },
  firmware: { path: '/connect-service/v2.1/ota-firmwares', action: 'search' },
  'device-upgrade': { path: '/connect-service/v2.1/ota-firmwares', action: 'searchDeviceUpgrade' },
  device: { path: '/connect-service/v2.4/devices', action: 'search' },
  product: { path: '/connect-service/v2.1/products', action: 'search' },
  'thing-model': { path: '/model-service/v2.1/thing-models', action: 'search' },
  'asset-node': { path: '/asset-tree-service/v2.1/asset-nodes', action: 'searchAsset' },
  'asset-tree': { path: '/asset-tree-service/v2.1/asset-trees', action: 'search' },
  command: { path: '/connect-service/v2.1/commands', action: 'search' },
  event: { path: '/connect-service/v2.1/events', action: 'search' },
  'active-alert': { path: '/event-service/v2.1/active-alerts', action: 'search' },
  'history-alert': { path: '/event-service/v2.1/history-alerts', action: 'search' },
  'alert-rule': { path: '/event-service/v2.1/alert-rules', action: 'search' },
  'alert-content': { path: '/event-service/v2.1/alert-contents', action: 'search' },
  'alert-severity': { path: '/event-service/v2.1/alert-severities', action: 'search' },
  // The overview and the SDK sample say /alert-types; one page says /alert-types/search (enos/APIS.md §4.13).
  'alert-type': { path: '/event-service/v2.1/alert-types', action: 'search' },
  alert: { path: '/alert-service/v2.1/alerts', action: 'search' },
} as const satisfies Record<string, ApiRoute>);
