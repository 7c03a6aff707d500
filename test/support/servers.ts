/**
 * Starts throw-away PostgreSQL 15 and MariaDB servers for the engine tests (used by global-setup.ts). Each lives
 * in its own directory under /tmp, listens only on a Unix socket there, and is removed at teardown. As root the
 * servers run as the `postgres` / `mysql` users (initdb and mariadbd refuse root); otherwise as the current user.
 * Set OTA_POSTGRES_URL / OTA_MARIADB_URL to use running servers instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

export type ServerInfo =
  { readonly available: true; readonly url: string } | { readonly available: false; readonly reason: string };

export interface RunningServer {
  readonly info: ServerInfo;
  stop(): Promise<void>;
}

const PG_BIN = process.env['OTA_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

function unavailable(reason: string): RunningServer {
  return { info: { available: false, reason }, stop: async () => {} };
}

function userId(name: string): { uid: number; gid: number } | undefined {
  const out = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (out.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Runs a command to completion, as `user` when we are root; throws with its output on failure. Asynchronous, so
 * that PostgreSQL and MariaDB initialise in parallel.
 */
function run(user: string | undefined, command: string, args: readonly string[]): Promise<void> {
  const [file, argv] =
    user !== undefined && isRoot ? ['runuser', ['-u', user, '--', command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} failed (${code ?? signal}):\n${output.split('\n').slice(-30).join('\n')}`));
    });
  });
}

function spawnAs(user: string | undefined, command: string, args: readonly string[]): ChildProcess {
  const [file, argv] =
    user !== undefined && isRoot ? ['runuser', ['-u', user, '--', command, ...args]] : [command, [...args]];
  return spawn(file, argv, { stdio: ['ignore', 'ignore', 'ignore'] });
}

function makeDir(prefix: string, owner: string): string {
  const dir = mkdtempSync(join('/tmp', `${prefix}-${process.pid}-`));
  if (isRoot) {
    const ids = userId(owner);
    if (ids === undefined) throw new Error(`user ${owner} does not exist`);
    chownSync(dir, ids.uid, ids.gid);
  }
  return dir;
}

async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  child: ChildProcess,
  logFile: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited early (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`);
    }
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not become ready in ${timeoutMs} ms:\n${tail(logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

function socketAccepts(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (!existsSync(path)) return resolve(false);
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Stops a server: `signal` to the server's own pid (read from its pid file; the child may be `runuser`), then
 * SIGKILL after a timeout, then waits for the child we spawned to exit.
 */
async function stopChild(
  child: ChildProcess,
  pidFile: string,
  signal: NodeJS.Signals,
  timeoutMs = 20_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const serverPid = readPid(pidFile);
  const send = (sig: NodeJS.Signals): void => {
    try {
      if (serverPid !== undefined) process.kill(serverPid, sig);
      else child.kill(sig);
    } catch {
      // already gone
    }
  };
  send(signal);
  const timer = setTimeout(() => send('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * If this vitest process dies without its teardown (killed, timed out), a detached watchdog stops the server (by
 * the pid in its pid file) and removes its directory. After a normal teardown the directory is gone and the
 * watchdog exits within a second.
 */
const WATCHDOG = `
parent=$0; pidfile=$1; dir=$2; sig=$3
while kill -0 "$parent" 2>/dev/null && [ -d "$dir" ]; do sleep 1; done
[ -d "$dir" ] || exit 0
pid=$(head -n 1 "$pidfile" 2>/dev/null)
[ -n "$pid" ] || pid=$(head -n 1 "$dir/child.pid" 2>/dev/null)
if [ -n "$pid" ]; then
  kill -"$sig" "$pid" 2>/dev/null
  i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 30 ]; do sleep 1; i=$((i+1)); done
  kill -KILL "$pid" 2>/dev/null
fi
rm -rf "$dir"
# An initdb / install-db cut short with its parent may still be writing for a moment.
sleep 3; rm -rf "$dir"
`;

function startWatchdog(pidFile: string, dir: string, signal: 'INT' | 'TERM'): void {
  spawn('sh', ['-c', WATCHDOG, String(process.pid), pidFile, dir, signal], { detached: true, stdio: 'ignore' }).unref();
}

/** Records the spawned child's pid for the watchdog, until the server has written its own pid file. */
function recordChild(child: ChildProcess, dir: string): void {
  if (child.pid !== undefined) writeFileSync(join(dir, 'child.pid'), `${child.pid}\n`);
}

export async function startPostgres(): Promise<RunningServer> {
  const external = process.env['OTA_POSTGRES_URL'];
  if (external) return { info: { available: true, url: external }, stop: async () => {} };
  const postgresBin = join(PG_BIN, 'postgres');
  if (!existsSync(postgresBin)) return unavailable(`PostgreSQL binaries not found in ${PG_BIN}`);
  const user = isRoot ? 'postgres' : undefined;
  const dir = makeDir('ota-expr-pg', 'postgres');
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const pidFile = join(data, 'postmaster.pid');
  startWatchdog(pidFile, dir, 'INT');
  try {
    await run(user, join(PG_BIN, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // Socket only, in our own directory: no port clash with anything else on the machine. fsync off: test data.
  const child = spawnAs(user, 'sh', [
    '-c',
    `exec "$0" "$@" >"${log}" 2>&1`,
    postgresBin,
    '-D',
    data,
    '-k',
    dir,
    '-c',
    'listen_addresses=',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=50',
    '-c',
    'shared_buffers=32MB',
  ]);
  recordChild(child, dir);
  const socket = join(dir, '.s.PGSQL.5432');
  const stop = async (): Promise<void> => {
    // SIGINT: PostgreSQL's "fast" shutdown, which does not wait for connections a test may have leaked.
    await stopChild(child, pidFile, 'SIGINT');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('postgres', () => socketAccepts(socket), child, log);
    await waitForPg(dir);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    info: { available: true, url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}` },
    stop,
  };
}

/** The socket accepts before recovery ends ("the database system is starting up"): wait for a real query. */
async function waitForPg(dir: string): Promise<void> {
  const { default: pg } = await import('pg');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ host: dir, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function findBinary(names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

export async function startMariaDb(): Promise<RunningServer> {
  const external = process.env['OTA_MARIADB_URL'];
  if (external) return { info: { available: true, url: external }, stop: async () => {} };
  const server = findBinary(['mariadbd', 'mysqld']);
  const installDb = findBinary(['mariadb-install-db', 'mysql_install_db']);
  if (server === undefined || installDb === undefined) {
    return unavailable('MariaDB is not installed (run scripts/ci-install-services.sh)');
  }
  const dir = makeDir('ota-expr-mariadb', 'mysql');
  const pidFile = join(dir, 'mysqld.pid');
  startWatchdog(pidFile, dir, 'TERM');
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const socket = join(dir, 'mysqld.sock');
  try {
    // As root, mariadb-install-db drops to --user itself. Root gets a normal (empty) password over the socket.
    await run(undefined, installDb, [
      '--no-defaults',
      ...(isRoot ? ['--user=mysql'] : []),
      `--datadir=${data}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const child = spawnAs(undefined, server, [
    '--no-defaults',
    ...(isRoot ? ['--user=mysql'] : []),
    `--datadir=${data}`,
    `--socket=${socket}`,
    `--pid-file=${pidFile}`, // read by stopChild and the watchdog
    `--log-error=${log}`,
    '--skip-networking',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=32M',
    '--innodb-log-file-size=16M',
    '--innodb-flush-log-at-trx-commit=0',
    '--character-set-server=utf8mb4',
    // A case-insensitive PAD SPACE server default, as most installations have: tables without an explicit
    // collation (the "foreign" ones in the tests) get it, and the compiler must be exact anyway.
    '--collation-server=utf8mb4_general_ci',
  ]);
  recordChild(child, dir);
  const stop = async (): Promise<void> => {
    await stopChild(child, pidFile, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('mariadbd', () => socketAccepts(socket), child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { info: { available: true, url: `mysql://root@localhost/?socketPath=${encodeURIComponent(socket)}` }, stop };
}
