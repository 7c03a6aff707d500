// A throw-away PostgreSQL server for section 3: initdb and postgres in a fresh directory under /tmp, listening on a
// Unix socket there only. As root, they run as the `postgres` user (initdb refuses root). `stop()` shuts it down
// (fast shutdown, by the pid in postmaster.pid) and removes the directory; it also runs if the process exits.
// OTA_POSTGRES_URL points the bench at a running server instead. OTA_PG_BIN overrides /usr/lib/postgresql/15/bin.

import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const PG_BIN = process.env.OTA_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

function asUser(command, args) {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function idOf(flag) {
  const out = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('user postgres does not exist (needed to run PostgreSQL as root)');
  return Number(out.stdout.trim());
}

export async function startPostgres() {
  if (process.env.OTA_POSTGRES_URL)
    return {
      url: process.env.OTA_POSTGRES_URL,
      config: { connectionString: process.env.OTA_POSTGRES_URL },
      stop: async () => {},
    };
  if (!existsSync(join(PG_BIN, 'postgres'))) throw new Error(`PostgreSQL binaries not found in ${PG_BIN}`);
  const dir = mkdtempSync(join('/tmp', `ota-expr-bench-pg-${process.pid}-`));
  if (isRoot) chownSync(dir, idOf('-u'), idOf('-g'));
  const data = join(dir, 'data');
  const [initCmd, initArgs] = asUser(join(PG_BIN, 'initdb'), [
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
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  }
  const log = join(dir, 'server.log');
  const settings = [
    'listen_addresses=',
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'shared_buffers=256MB',
    'maintenance_work_mem=256MB',
    'work_mem=16MB',
    'max_wal_size=4GB',
    'checkpoint_timeout=30min',
  ].flatMap((s) => ['-c', s]);
  const [cmd, args] = asUser('sh', [
    '-c',
    `exec "$0" "$@" >"${log}" 2>&1`,
    join(PG_BIN, 'postgres'),
    '-D',
    data,
    '-k',
    dir,
    ...settings,
  ]);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const pidFile = join(data, 'postmaster.pid');

  let stopped = false;
  const kill = (signal) => {
    try {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, signal);
    } catch {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  };
  const onExit = () => {
    if (!stopped) {
      kill('SIGQUIT');
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', onExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    kill('SIGINT');
    const timer = setTimeout(() => kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };

  const config = { host: dir, user: 'postgres', database: 'postgres' };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client(config);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (child.exitCode !== null || Date.now() > deadline) {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
        await stop();
        throw new Error(`PostgreSQL did not start: ${error.message}\n${tail}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`, config, stop };
}

/**
 * Index names and scan kinds (with the relation scanned) in an EXPLAIN (FORMAT JSON) plan; `seq` when some relation
 * is read by a sequential scan.
 */
export function planSummary(plan) {
  const indexes = new Set();
  const scans = new Set();
  const walk = (node) => {
    if (node['Index Name']) indexes.add(node['Index Name']);
    if (/Scan/.test(node['Node Type'])) {
      scans.add(`${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan[0].Plan);
  return { indexes: [...indexes], scans: [...scans], seq: [...scans].some((scan) => scan.startsWith('Seq Scan')) };
}

/**
 * Runs a bench section against a fresh server: `measure(client)` returns the section's result. Without a server
 * the section reports that it did not run, under `target`, instead of failing the whole bench.
 */
export async function withPostgresSection(title, target, measure) {
  let server;
  try {
    server = await startPostgres();
  } catch (error) {
    return {
      title,
      markdown: `Not run: ${error.message.split('\n')[0]}`,
      targets: [{ target, met: false, measured: 'not run (no server)' }],
    };
  }
  const client = new pg.Client(server.config);
  try {
    await client.connect();
    return await measure(client);
  } finally {
    await client.end().catch(() => {});
    await server.stop();
  }
}
