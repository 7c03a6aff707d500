/**
 * The adapters' queries run by each builder itself, through its own driver (Kysely's dialects, Knex's clients,
 * Drizzle's drivers) on SQLite, PostgreSQL and MariaDB: the rows are those `toPredicate` selects. The agreement
 * suite compiles with the builders and runs their SQL through the harness; this proves that the builders' own
 * execution path (parameter binding included) changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, asc, eq } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import * as mysqlCore from 'drizzle-orm/mysql-core';
import { drizzle as drizzleMysql } from 'drizzle-orm/mysql2';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import * as pgCore from 'drizzle-orm/pg-core';
import * as sqliteCore from 'drizzle-orm/sqlite-core';
import fc from 'fast-check';
import knex, { type Knex } from 'knex';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTableSql,
  insertRow,
  print,
  toPredicate,
  type Expression,
  type SqlDialectName,
} from '../../src/index.js';
import { otaWhere as drizzleWhere } from '../../src/drizzle.js';
import { otaFilter } from '../../src/knex.js';
import { otaWhere as kyselyWhere } from '../../src/kysely.js';
import { validExpression } from '../arbitraries/expressions.js';
import { jobInfoRecords } from '../arbitraries/records.js';
import { databases, openMariaDb, openPostgres } from '../support/databases.js';

/** The three builders connected to one engine, each running the same page query its own way. */
interface Connected {
  readonly dialect: SqlDialectName;
  /** Runs a statement of the set-up (DDL, inserts) with `?` or `$n` placeholders. */
  run(sql: string, params: readonly unknown[]): Promise<void>;
  readonly pages: Readonly<Record<'kysely' | 'knex' | 'drizzle', (filter: Expression) => Promise<string[]>>>;
  close(): Promise<void>;
}

interface Db {
  ota_job: { org_id: string; job_id: string };
}

const TENANT = 'org-a';
const [RECORDS] = fc.sample(jobInfoRecords({ minRecords: 60, maxRecords: 60 }), { numRuns: 1, seed: 20261201 });
const EXPRESSIONS = fc.sample(validExpression({ maxDepth: 3 }), { numRuns: 40, seed: 20261202 });

function kyselyPage(db: Kysely<Db>, dialect: SqlDialectName) {
  return async (filter: Expression): Promise<string[]> =>
    (
      await db
        .selectFrom('ota_job')
        .select('job_id')
        .where('org_id', '=', TENANT)
        .where(kyselyWhere(filter, { dialect }))
        .orderBy('job_id')
        .execute()
    ).map((row) => String(row.job_id));
}

function knexPage(db: Knex, dialect: SqlDialectName) {
  return async (filter: Expression): Promise<string[]> =>
    (
      (await db('ota_job')
        .select('job_id')
        .where('org_id', TENANT)
        .where(otaFilter(filter, { dialect }))
        .orderBy('job_id')) as { job_id: unknown }[]
    ).map((row) => String(row.job_id));
}

async function sqlite(): Promise<Connected> {
  // A file, so that Knex's own connection sees the same database as better-sqlite3's.
  const dir = mkdtempSync(join(tmpdir(), 'ota-adapters-'));
  const file = join(dir, 'jobs.sqlite');
  const db = new Database(file);
  const knexDb = knex({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
  const { sqliteTable, text } = sqliteCore;
  const jobs = sqliteTable('ota_job', { orgId: text('org_id'), jobId: text('job_id') });
  const orm = drizzleSqlite(db);
  return {
    dialect: 'sqlite',
    run: async (sql, params) => {
      db.prepare(sql).run(...params);
    },
    pages: {
      kysely: kyselyPage(new Kysely<Db>({ dialect: new SqliteDialect({ database: db }) }), 'sqlite'),
      knex: knexPage(knexDb, 'sqlite'),
      drizzle: async (filter) =>
        orm
          .select({ id: jobs.jobId })
          .from(jobs)
          .where(and(eq(jobs.orgId, TENANT), drizzleWhere(filter, { dialect: 'sqlite' })))
          .orderBy(asc(jobs.jobId))
          .all()
          .map((row) => String(row.id)),
    },
    close: async () => {
      await knexDb.destroy();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgres(): Promise<Connected> {
  const { client, close } = await openPostgres();
  // Kysely's pool interface over the one client (Kysely releases what it takes).
  const pool = { connect: async () => Object.assign(client, { release: () => {} }), end: async () => {} };
  const dialect: Dialect = new PostgresDialect({ pool: pool as never });
  const knexDb = knex({
    client: 'pg',
    connection: {
      host: client.host,
      port: client.port,
      user: client.user ?? 'postgres',
      database: client.database ?? 'postgres',
      ...(client.password === undefined || client.password === null ? {} : { password: client.password }),
    },
  });
  const { pgTable, text } = pgCore;
  const jobs = pgTable('ota_job', { orgId: text('org_id'), jobId: text('job_id') });
  const orm = drizzlePg(client);
  return {
    dialect: 'postgres',
    run: async (sql, params) => {
      await client.query(sql, [...params]);
    },
    pages: {
      kysely: kyselyPage(new Kysely<Db>({ dialect }), 'postgres'),
      knex: knexPage(knexDb, 'postgres'),
      drizzle: async (filter) =>
        (
          await orm
            .select({ id: jobs.jobId })
            .from(jobs)
            .where(and(eq(jobs.orgId, TENANT), drizzleWhere(filter, { dialect: 'postgres' })))
            .orderBy(asc(jobs.jobId))
        ).map((row) => String(row.id)),
    },
    close: async () => {
      await knexDb.destroy();
      await close();
    },
  };
}

async function mariadb(): Promise<Connected> {
  const { connection, close } = await openMariaDb();
  const config = connection.config;
  // Kysely's MySQL pool interface (callback style) over the one connection.
  // mysql2/promise wraps a callback connection, which is what Kysely's MysqlDialect drives.
  const raw = (connection as unknown as { connection: object }).connection;
  const pool = {
    getConnection: (callback: (error: null, value: unknown) => void) =>
      callback(null, Object.assign(raw, { release: () => {} })),
    end: (callback: () => void) => callback(),
  };
  const knexDb = knex({
    client: 'mysql2',
    connection: {
      host: config.host ?? 'localhost',
      ...(config.port === undefined ? {} : { port: config.port }),
      ...(config.socketPath === undefined ? {} : { socketPath: config.socketPath }),
      user: config.user ?? 'root',
      ...(config.password === undefined ? {} : { password: config.password }),
      database: config.database ?? '',
    },
  });
  const { mysqlTable, text } = mysqlCore;
  const jobs = mysqlTable('ota_job', { orgId: text('org_id'), jobId: text('job_id') });
  const orm = drizzleMysql(connection);
  return {
    dialect: 'mysql',
    run: async (sql, params) => {
      await connection.query(sql, [...params]);
    },
    pages: {
      kysely: kyselyPage(new Kysely<Db>({ dialect: new MysqlDialect({ pool: pool as never }) }), 'mysql'),
      knex: knexPage(knexDb, 'mysql'),
      drizzle: async (filter) =>
        (
          await orm
            .select({ id: jobs.jobId })
            .from(jobs)
            .where(and(eq(jobs.orgId, TENANT), drizzleWhere(filter, { dialect: 'mysql' })))
            .orderBy(asc(jobs.jobId))
        ).map((row) => String(row.id)),
    },
    close: async () => {
      await knexDb.destroy();
      await close();
    },
  };
}

const connected: Connected[] = [];

beforeAll(async () => {
  connected.push(await sqlite());
  if (databases.postgres.available) connected.push(await postgres());
  if (databases.mariadb.available) connected.push(await mariadb());
  for (const engine of connected) {
    for (const statement of createTableSql(engine.dialect)) await engine.run(statement, []);
    for (const record of RECORDS!)
      for (const { sql, params } of insertRow(record, { dialect: engine.dialect }).statements)
        await engine.run(sql, params);
  }
});

afterAll(async () => {
  await Promise.all(connected.map((engine) => engine.close()));
});

/** UTF-8 byte order, what the key columns sort by on every engine. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

describe('each builder, on its own driver', () => {
  it('selects the rows toPredicate selects', async () => {
    let nonEmpty = 0;
    for (const ast of EXPRESSIONS) {
      const expected = RECORDS!
        .filter((record) => record.orgId === TENANT && toPredicate(ast)(record))
        .map((record) => record.jobId)
        .sort(byBytes);
      if (expected.length > 0) nonEmpty += 1;
      for (const engine of connected) {
        for (const [adapter, page] of Object.entries(engine.pages))
          expect(await page(ast), `${adapter} on ${engine.dialect}: ${print(ast)}`).toEqual(expected);
      }
    }
    console.info(
      `${EXPRESSIONS.length} expressions × 3 builders on ${connected.map((engine) => engine.dialect).join(', ')}`,
    );
    expect(nonEmpty).toBeGreaterThan(EXPRESSIONS.length / 5);
  });
});
