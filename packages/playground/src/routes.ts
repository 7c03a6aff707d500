/**
 * Where each API is served: `POST <path>?action=<action>&orgId=…` (docs/LANGUAGE.md §8.2, the EnOS pages). Used for
 * the `curl` command the page shows; the client signs and sends the same request.
 */
import type { ApiName } from './apis.js';

export interface ApiRoute {
  readonly path: string;
  readonly action: string;
}

export const ROUTES = {
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
  'alert-type': { path: '/event-service/v2.1/alert-types', action: 'search' },
  alert: { path: '/alert-service/v2.1/alerts', action: 'search' },
} as const satisfies Record<ApiName, ApiRoute>;

/** The URL's path and query, as the server routes it. */
export function routeUrl(api: ApiName, orgId: string): string {
  const route: ApiRoute = ROUTES[api];
  return `${route.path}?${new URLSearchParams({ action: route.action, orgId }).toString()}`;
}
