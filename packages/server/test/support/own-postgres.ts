/**
 * A PostgreSQL server of this test's own, under /tmp, that the test may stop and start again (the harness's server is
 * shared with other test files, so it must not be stopped). Same binaries as the harness (OTA_PG_BIN), run as the
 * `postgres` user when we are root, listening on a Unix socket in its directory only.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PG_BIN = process.env['OTA_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;
const PORT = 5499;

function run(command: string, args: readonly string[]): void {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stdout}\n${result.stderr}`);
}

export interface OwnPostgres {
  readonly url: string;
  start(): void;
  /** Fast shutdown: open connections are cut, new ones refused (the socket is gone). */
  stop(): void;
  remove(): void;
}

export function ownPostgresAvailable(): boolean {
  return existsSync(join(PG_BIN, 'pg_ctl'));
}

export function createOwnPostgres(): OwnPostgres {
  const dir = mkdtempSync('/tmp/ota-server-pg-');
  if (isRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(PG_BIN, 'initdb'), [
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
  const options = `-k ${dir} -p ${PORT} -c listen_addresses= -c fsync=off -c max_connections=40 -c shared_buffers=16MB`;
  const pgCtl = join(PG_BIN, 'pg_ctl');
  let running = false;
  const server: OwnPostgres = {
    url: `postgresql://postgres@localhost:${PORT}/postgres?host=${encodeURIComponent(dir)}`,
    start: () => {
      run(pgCtl, ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
      running = true;
    },
    stop: () => {
      run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    remove: () => {
      if (running) {
        try {
          server.stop();
        } catch {
          // already stopped
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
