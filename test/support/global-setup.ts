/**
 * vitest globalSetup: starts throw-away PostgreSQL and MariaDB servers (servers.ts) once per run, hands their
 * connection URLs to the tests through `provide` (read them with test/support/databases.ts), and stops them at
 * teardown.
 *
 * Environment:
 * - OTA_DATABASES: `auto` (default: start both when some selected test file imports support/databases or support/engines, so a
 *   run of unrelated tests pays nothing), `all`, `none`, or a comma list of `postgres`, `mariadb`.
 * - OTA_REQUIRE_DATABASES=1: a server that cannot start fails the run (CI); otherwise its tests are skipped.
 * - OTA_POSTGRES_URL / OTA_MARIADB_URL: use these running servers instead of starting one.
 * - OTA_PG_BIN: PostgreSQL binaries (default /usr/lib/postgresql/15/bin).
 */
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startMariaDb, startPostgres, type RunningServer, type ServerInfo } from './servers.js';

export interface OtaDatabases {
  readonly postgres: ServerInfo;
  readonly mariadb: ServerInfo;
}

declare module 'vitest' {
  export interface ProvidedContext {
    otaDatabases: OtaDatabases;
  }
}

type Engine = keyof OtaDatabases;
const STARTERS: Record<Engine, () => Promise<RunningServer>> = { postgres: startPostgres, mariadb: startMariaDb };

async function wanted(project: TestProject): Promise<Set<Engine>> {
  const setting = (process.env['OTA_DATABASES'] ?? 'auto').trim().toLowerCase();
  if (setting === 'auto' || setting === '') {
    return (await someTestUsesDatabases(project)) ? new Set(['postgres', 'mariadb']) : new Set();
  }
  if (setting === 'all') return new Set(['postgres', 'mariadb']);
  if (setting === 'none') return new Set();
  return new Set(
    setting
      .split(',')
      .map((name) => name.trim())
      .filter((name): name is Engine => name === 'postgres' || name === 'mariadb'),
  );
}

/**
 * Whether a test file of this run imports support/databases or support/engines. The CLI's file filters are read from vitest's
 * (internal) `filenamePattern`; when anything here fails, the answer is yes, never a silently skipped server.
 */
async function someTestUsesDatabases(project: TestProject): Promise<boolean> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const specifications = await project.vitest.globTestSpecifications(filters);
    return specifications.some((specification) =>
      /support\/(databases|engines)\.js/.test(readFileSync(specification.moduleId, 'utf8')),
    );
  } catch {
    return true;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = process.env['OTA_REQUIRE_DATABASES'] === '1';
  const engines = await wanted(project);
  const started: RunningServer[] = [];
  const infos = {} as Record<Engine, ServerInfo>;
  await Promise.all(
    (Object.keys(STARTERS) as Engine[]).map(async (engine) => {
      if (!engines.has(engine)) {
        infos[engine] = {
          available: false,
          reason: `not started (OTA_DATABASES=${process.env['OTA_DATABASES'] ?? 'auto'})`,
        };
        return;
      }
      try {
        const server = await STARTERS[engine]();
        started.push(server);
        infos[engine] = server.info;
      } catch (error) {
        infos[engine] = { available: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  const teardown = async (): Promise<void> => {
    await Promise.all(started.map((server) => server.stop()));
  };
  const missing = (Object.keys(infos) as Engine[]).filter((engine) => !infos[engine].available);
  for (const engine of missing) {
    const info = infos[engine];
    if (!info.available && engines.has(engine)) console.warn(`[ota-expr] ${engine} unavailable: ${info.reason}`);
  }
  if (required && missing.length > 0) {
    await teardown();
    const reasons = missing.map((engine) => {
      const info = infos[engine];
      return `${engine}: ${info.available ? '' : info.reason}`;
    });
    throw new Error(`OTA_REQUIRE_DATABASES=1 but some database servers are unavailable:\n${reasons.join('\n')}`);
  }
  project.provide('otaDatabases', infos);
  return teardown;
}
