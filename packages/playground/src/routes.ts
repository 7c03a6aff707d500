/** The URL of an API's search: `POST <path>?action=<action>&orgId=…` (`API_ROUTES`, as the client sends it). */
import { API_ROUTES, type ApiRoute } from 'ota-expr/client';
import type { ApiName } from './apis.js';

export function routeOf(api: ApiName): ApiRoute {
  return API_ROUTES[api];
}

/** The URL's path and query, as the server routes it. */
export function routeUrl(api: ApiName, orgId: string): string {
  const route = routeOf(api);
  return `${route.path}?${new URLSearchParams({ action: route.action, orgId }).toString()}`;
}
