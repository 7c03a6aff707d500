/**
 * `ota-expr-server` (docs/LANGUAGE.md §10):
 *   ota-expr-server [--host H] [--port N] [--database FILE|URL] [--apps FILE] [--demo] …   starts the server
 *   ota-expr-server load --database FILE|URL --api NAME FILE                               imports records
 * The first line on standard output is `listening on http://HOST:PORT`; logs go to standard error. Exit codes: 0,
 * 1 when the database cannot be opened or a load had bad records, 2 for a usage or configuration mistake.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppsConfigError } from './apps.js';
import { loadRecords, LoadError, parseRecords } from './load.js';
import { API_ROUTES, ROUTES_BY_NAME } from './routes.js';
import { DEFAULT_DATABASE, startServer, type StartedServer } from './start.js';
import { openStore } from './store/open.js';
import { StoreOpenError } from './store/sqlite.js';
import { createTables } from './tables.js';

const USAGE = `usage:
  ota-expr-server [--host H] [--port N] [--database FILE|URL] [--apps FILE] [--demo] [--demo-scale X]
                  [--org ORG_ID]... [--log-level LEVEL] [--static DIR]
  ota-expr-server load [--database FILE|URL] --api NAME FILE

  --host       address to listen on (default 127.0.0.1; another than loopback needs --apps)
  --port       port (default 8080; 0 picks a free one)
  --database   SQLite file (default ${DEFAULT_DATABASE}), or postgres://… / mysql://…
  --apps       JSON array of { "appKey", "appSecret", "orgIds": [...] }; without it a development app is made
  --demo       load the demo dataset (100,000 OTA jobs, 50,000 devices, every API) into empty tables
  --demo-scale fraction of the demo dataset (default 1)
  --org        an organisation the development app may read, besides the demo's (repeatable)
  --log-level  fatal, error, warn, info (default), debug, or silent
  --static     a folder served at / (default: the playground, when built)
  APIs for load --api: ${API_ROUTES.map((route) => route.name).join(', ')}`;

class UsageError extends Error {}

/** Runs the command line; resolves to the exit code (the server's: when it has stopped). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    if (argv[0] === 'load') return await load(argv.slice(1));
    if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return await serve(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ota-expr-server: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof AppsConfigError) {
      process.stderr.write(`ota-expr-server: ${error.message}\n`);
      return 2;
    }
    if (error instanceof StoreOpenError || error instanceof LoadError) {
      process.stderr.write(`ota-expr-server: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`ota-expr-server: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function parse(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function serve(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    host: { type: 'string' },
    port: { type: 'string' },
    database: { type: 'string' },
    apps: { type: 'string' },
    demo: { type: 'boolean' },
    'demo-scale': { type: 'string' },
    org: { type: 'string', multiple: true },
    'log-level': { type: 'string' },
    static: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const port = values['port'] === undefined ? 8080 : Number(values['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0 to 65535');
  const scale = values['demo-scale'] === undefined ? undefined : Number(values['demo-scale']);
  if (scale !== undefined && !(scale > 0 && scale <= 10)) throw new UsageError('--demo-scale must be in (0, 10]');
  const level = (values['log-level'] as string | undefined) ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) {
    throw new UsageError(`unknown --log-level ${level}`);
  }
  const page = staticOption(values['static'] as string | undefined);
  const server = await startServer({
    ...(values['host'] === undefined ? {} : { host: values['host'] as string }),
    port,
    ...(values['database'] === undefined ? {} : { database: values['database'] as string }),
    ...(values['apps'] === undefined ? {} : { apps: values['apps'] as string }),
    ...(values['demo'] === true ? { demo: scale === undefined ? true : { scale } } : {}),
    ...(values['org'] === undefined ? {} : { devOrgIds: values['org'] as string[] }),
    ...page,
    logger: level === 'silent' ? false : { level },
  });
  process.stdout.write(`listening on ${server.url}\n`);
  if (page.staticDir !== undefined) process.stdout.write(`playground: ${server.url}/\n`);
  if (server.devApp !== undefined) {
    process.stdout.write(
      `development app (loopback only; reads ${server.devApp.orgIds.join(', ')}):\n` +
        `  appKey    ${server.devApp.appKey}\n  appSecret ${server.devApp.appSecret}\n`,
    );
  }
  return waitForSignal(server);
}

/** SIGTERM or SIGINT: stop accepting, let requests in flight finish, exit 0; past 4.5 s, cut them and exit 1. */
function waitForSignal(server: StartedServer): Promise<number> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      server.app.log.info(`${signal}: closing`);
      const guard = setTimeout(() => {
        server.app.log.error('requests still in flight after 4.5 s: closing their connections');
        server.app.server.closeAllConnections();
        resolve(1);
      }, 4500);
      guard.unref();
      server.close().then(
        () => {
          clearTimeout(guard);
          resolve(0);
        },
        (error: Error) => {
          clearTimeout(guard);
          process.stderr.write(`ota-expr-server: close failed: ${error.message}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

async function load(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, { database: { type: 'string' }, api: { type: 'string' } });
  const api = values['api'] as string | undefined;
  if (api === undefined) throw new UsageError('load needs --api NAME');
  const route = ROUTES_BY_NAME.get(api);
  if (route === undefined) throw new UsageError(`unknown API ${api}`);
  if (positionals.length !== 1) throw new UsageError('load needs exactly one FILE');
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const store = openStore((values['database'] as string | undefined) ?? DEFAULT_DATABASE);
  try {
    await createTables(store);
    const { records, bad } = parseRecords(text);
    const report = await loadRecords(store, route, records, bad);
    if (report.loaded > 0) await store.afterBulkLoad();
    for (const problem of report.bad) process.stderr.write(`${file}:${problem.line}: ${problem.message}\n`);
    process.stdout.write(
      `loaded ${report.loaded} ${api} records into ${store.location}` +
        (report.bad.length > 0 ? `; ${report.bad.length} bad records skipped` : '') +
        '\n',
    );
    return report.bad.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/**
 * `--static DIR`, or by default the playground of this repository when it has been built (`npm ci` builds it): the
 * page at `/` then searches this server with its development app.
 */
function staticOption(given: string | undefined): { staticDir?: string } {
  if (given !== undefined) return { staticDir: given };
  const playground = fileURLToPath(new URL('../../playground/dist/', import.meta.url));
  return existsSync(join(playground, 'index.html')) ? { staticDir: playground } : {};
}
