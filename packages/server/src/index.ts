/**
 * ota-expr-server: a local stand-in for EnOS's search APIs (docs/LANGUAGE.md §10). `startServer` is the programmatic
 * entry; the signing helpers sign requests the way the server checks them; the demo generator is also browser-safe
 * under `ota-expr-server/demo`.
 */
export { startServer, DEFAULT_DATABASE, type ServerOptions, type StartedServer } from './start.js';
export { type AppConfig, AppsConfigError, checkApps, readAppsFile, isLoopback } from './apps.js';
export { requestSignature, sameDigest, sha256Hex, signedHeaders, sortedParams, tokenEncryption } from './signing.js';
export { demoCount, demoRecords, DEMO_APIS, DEMO_ORG_IDS, type DemoOptions, type DemoRecord } from './demo/index.js';
export { API_ROUTES, ROUTES_BY_NAME, type ApiRoute } from './routes.js';
export { MAX_CLOCK_SKEW_MS, TOKEN_LIFETIME_SECONDS, type TokenAnswer } from './gateway.js';
export { TOKEN_PATH } from './token-route.js';
export { BODY_LIMIT } from './http.js';
export { loadRecords, parseRecords, LoadError, type LoadReport, type BadRecord } from './load.js';
export { openStore } from './store/open.js';
export { StoreOpenError } from './store/sqlite.js';
export type { Store } from './store/types.js';
