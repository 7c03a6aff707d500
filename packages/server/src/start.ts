/**
 * `startServer`: opens the store (creating its tables), loads the demo data when asked, sets up the gateway's apps
 * (the apps given, or the development app), and listens. Secure by default: without apps the server listens on a
 * loopback address only, and there is no way to turn authentication off.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { SqlSearch, SqlSearchOptions } from 'ota-expr';
import { AppsConfigError, checkApps, isLoopback, readAppsFile, type AppConfig } from './apps.js';
import { DEMO_ORG_IDS } from './demo/index.js';
import { loadDemo } from './demo-load.js';
import { developmentApp, Gateway } from './gateway.js';
import { buildApp } from './http.js';
import { openStore } from './store/open.js';
import type { Store } from './store/types.js';
import { createTables } from './tables.js';

export interface ServerOptions {
  /** Default 127.0.0.1. Another than a loopback address needs `apps`. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** An SQLite file (created on first start), or a postgres:// or mysql:// URL. Default: packages/server/data/ota-expr.sqlite. */
  readonly database?: string;
  /** An apps file, or the apps themselves; without them the server creates a development app (loopback only). */
  readonly apps?: string | readonly AppConfig[];
  /** Organisations the development app may read besides the demo's. */
  readonly devOrgIds?: readonly string[];
  /** Load the demo dataset into tables that have none of it; `scale` below 1 for fewer records (tests). */
  readonly demo?: boolean | { readonly scale?: number; readonly seed?: number };
  /** Logs as JSON lines on standard error (default true), or a level. */
  readonly logger?: boolean | { readonly level: string };
  /** Files served at `/` (the playground). */
  readonly staticDir?: string;
  /** Token lifetime in seconds (default 7200). */
  readonly tokenLifetimeSeconds?: number;
  /** A request whose headers and body have not all arrived by then is answered 408 and its connection closed (30 s). */
  readonly requestTimeoutMs?: number;
  /** Database connections per instance (PostgreSQL, MySQL; default 10). */
  readonly poolSize?: number;
  /** The clock (epoch ms), for tests. */
  readonly now?: () => number;
  /**
   * Replaces toSqlSearch (default). For benchmarks only: bench/server.mjs measures the library's overhead against
   * the same server answering from SQL written by hand for each expression.
   */
  readonly compileSearch?: (request: unknown, options: SqlSearchOptions) => SqlSearch;
}

export interface StartedServer {
  /** `http://HOST:PORT`. */
  readonly url: string;
  /** Stops accepting, lets requests in flight finish, then closes the store. */
  close(): Promise<void>;
  /** The development app, when no apps were given. */
  readonly devApp?: { readonly appKey: string; readonly appSecret: string; readonly orgIds: string[] };
  readonly app: FastifyInstance;
}

/** Where the page at `/` reads the development app's keys (packages/playground/src/backend-server.ts). */
export const DEV_APP_FILE = 'dev-app.json';

/** Where the database is when `database` is not given: the package's data folder (git-ignored). */
export const DEFAULT_DATABASE = fileURLToPath(new URL('../data/ota-expr.sqlite', import.meta.url));
const PURGE_EVERY_MS = 60_000;

export async function startServer(options: ServerOptions = {}): Promise<StartedServer> {
  const host = options.host ?? '127.0.0.1';
  const given =
    options.apps === undefined
      ? undefined
      : typeof options.apps === 'string'
        ? readAppsFile(options.apps)
        : checkApps(options.apps);
  if (given === undefined && !isLoopback(host)) {
    throw new AppsConfigError(
      `without an apps file the server has only a development app, and listens on loopback only; give apps to listen on ${host}`,
    );
  }
  // Until fastify's logger exists (the demo load comes first), lines in the same JSON form on standard error.
  let log: (level: 'info' | 'warn', message: string) => void =
    options.logger === false
      ? () => {}
      : (level, msg) =>
          process.stderr.write(`${JSON.stringify({ level: level === 'info' ? 30 : 40, time: Date.now(), msg })}\n`);
  const store: Store = openStore(options.database ?? DEFAULT_DATABASE, {
    onIdleError: (error) => log('warn', `idle database connection lost: ${error.message}`),
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
  });
  try {
    await createTables(store);
    if (options.demo !== undefined && options.demo !== false) {
      const demo = options.demo === true ? {} : options.demo;
      await loadDemo(store, {
        ...demo,
        progress: (line) => log('info', line),
      });
    }
    const devApp =
      given === undefined ? await developmentApp(store, [...DEMO_ORG_IDS, ...(options.devOrgIds ?? [])]) : undefined;
    const apps = given ?? [devApp!];
    const gateway = new Gateway({
      store,
      apps,
      ...(options.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: options.tokenLifetimeSeconds }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    const app = await buildApp({
      store,
      gateway,
      logger: options.logger ?? true,
      ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
      ...(options.compileSearch === undefined ? {} : { compileSearch: options.compileSearch }),
      ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
    });
    if (devApp !== undefined && options.staticDir !== undefined) {
      // The page served at / (the playground) signs its searches with the development app. Only a development app
      // is served, and a development app exists only on a loopback address; its keys are printed at start anyway.
      const keys = { appKey: devApp.appKey, appSecret: devApp.appSecret, orgIds: [...devApp.orgIds] };
      app.get(`/${DEV_APP_FILE}`, async (_request, reply) => reply.header('cache-control', 'no-store').send(keys));
    }
    log = (level, message) => app.log[level](message);
    await app.listen({ host, port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 8080);
    const purge = setInterval(() => {
      gateway.purge().catch((error: Error) => log('warn', `purge failed: ${error.message}`));
    }, PURGE_EVERY_MS);
    purge.unref();
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      app,
      ...(devApp === undefined
        ? {}
        : { devApp: { appKey: devApp.appKey, appSecret: devApp.appSecret, orgIds: [...devApp.orgIds] } }),
      close: () =>
        (closing ??= (async () => {
          clearInterval(purge);
          await app.close();
          await store.close();
        })()),
    };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
