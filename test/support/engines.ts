/** The SQL engines behind one face, for tests that run the same statements on every engine. */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { createTableSql, type SqlDialectName, type SqlParam, type SqlTableOptions } from '../../src/index.js';
import { databases, openMariaDb, openPostgres, openSqlite } from './databases.js';

/** One SQL engine behind a common face: run a statement with parameters, get rows. */
export interface SqlEngine {
  readonly dialect: SqlDialectName;
  query(sql: string, params: readonly (SqlParam | null)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function postgresEngine(): Promise<SqlEngine> {
  const { client, close } = await openPostgres();
  return { dialect: 'postgres', query: async (sql, params) => (await client.query(sql, [...params])).rows, close };
}

export async function mariaDbEngine(): Promise<SqlEngine> {
  const { connection, close } = await openMariaDb();
  return {
    dialect: 'mysql',
    query: async (sql, params) => (await connection.query(sql, [...params]))[0] as Record<string, unknown>[],
    close,
  };
}

export function sqliteEngine(): SqlEngine {
  const db: SqliteDatabase = openSqlite();
  return {
    dialect: 'sqlite',
    query: async (sql, params) =>
      /^\s*select/i.test(sql)
        ? (db.prepare(sql).all(...params) as Record<string, unknown>[])
        : (db.prepare(sql).run(...params), []),
    close: async () => {
      db.close();
    },
  };
}

/** SQLite always, PostgreSQL and MariaDB when this run has them (CI requires them: global-setup.ts). */
export async function availableEngines(): Promise<SqlEngine[]> {
  const engines: SqlEngine[] = [sqliteEngine()];
  if (databases.postgres.available) engines.push(await postgresEngine());
  if (databases.mariadb.available) engines.push(await mariaDbEngine());
  return engines;
}

/** Runs `statements` as one transaction, in the engine's own words. */
export async function inTransaction(
  engine: SqlEngine,
  statements: readonly { sql: string; params: readonly (SqlParam | null)[] }[],
): Promise<void> {
  await engine.query(engine.dialect === 'mysql' ? 'START TRANSACTION' : 'BEGIN', []);
  for (const { sql, params } of statements) await engine.query(sql, params);
  await engine.query('COMMIT', []);
}

/**
 * Opens every available engine before the file's tests, creates the tables of `options.schema` (default: Search OTA
 * Job) in each, and closes them after: the engines, filled in as they are opened.
 */
export function enginesWithTables(options?: SqlTableOptions): readonly SqlEngine[] {
  const engines: SqlEngine[] = [];
  beforeAll(async () => {
    engines.push(...(await availableEngines()));
    for (const engine of engines) {
      for (const statement of createTableSql(engine.dialect, options)) await engine.query(statement, []);
    }
  });
  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.close()));
  });
  return engines;
}
