/**
 * The larger query each adapter's filter is embedded in, built with the adapter's own builder and compiled by it
 * for one engine (no connection: the SQL and parameters then run on the harness's real servers):
 *
 *   SELECT r.<id> AS id FROM <records> AS r JOIN ota_tenant AS t ON t.org_id = r.org_id
 *   WHERE r.org_id = <tenant> AND <filter> AND t.status = 'live' AND r.<id> <> 'none'
 *   ORDER BY r.<id> LIMIT <limit>
 *
 * `ota_tenant` has columns named like the records' (`status`, `product_key`), so an unqualified column would be
 * ambiguous: the filter must qualify its columns by the alias (the adapters' `table` option).
 */
import { and, asc, eq, ne, type SQL } from 'drizzle-orm';
import * as mysqlCore from 'drizzle-orm/mysql-core';
import * as pgCore from 'drizzle-orm/pg-core';
import * as sqliteCore from 'drizzle-orm/sqlite-core';
import knex, { type Knex } from 'knex';
import {
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Dialect,
} from 'kysely';
import type { Expression, Schema, SqlDialectName, SqlParam } from '../../src/index.js';
import { otaWhere as drizzleWhere } from '../../src/drizzle.js';
import { otaFilter } from '../../src/knex.js';
import { otaWhere as kyselyWhere } from '../../src/kysely.js';

export const ADAPTERS = ['kysely', 'knex', 'drizzle'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** The records' table and id column, the alias the query gives the table, and the schema to compile with. */
export interface ComposedCase {
  readonly table: string;
  readonly idColumn: string;
  readonly alias: string;
  readonly schema?: Schema;
}

export interface ComposedQuery {
  readonly sql: string;
  readonly params: readonly (SqlParam | null)[];
}

export const TENANT_TABLE = [
  'CREATE TABLE ota_tenant (org_id VARCHAR(64) NOT NULL, status VARCHAR(16) NOT NULL, product_key VARCHAR(64))',
];

/** A filter-less stand-in for the records' tables, as the builders' schemas (Kysely's DB, Drizzle's tables) see them. */
type Db = Record<string, Record<string, string>>;

function kyselyDialect(dialect: SqlDialectName): Dialect {
  const driver = (): DummyDriver => new DummyDriver();
  switch (dialect) {
    case 'postgres':
      return {
        createAdapter: () => new PostgresAdapter(),
        createDriver: driver,
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      };
    case 'mysql':
      return {
        createAdapter: () => new MysqlAdapter(),
        createDriver: driver,
        createIntrospector: (db) => new MysqlIntrospector(db),
        createQueryCompiler: () => new MysqlQueryCompiler(),
      };
    case 'sqlite':
      return {
        createAdapter: () => new SqliteAdapter(),
        createDriver: driver,
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      };
    default:
      return dialect satisfies never;
  }
}

/** A Kysely instance that compiles for `dialect` and never connects. */
export function kyselyFor(dialect: SqlDialectName): Kysely<Db> {
  return new Kysely<Db>({ dialect: kyselyDialect(dialect) });
}

const KNEX_CLIENTS: Record<SqlDialectName, string> = { postgres: 'pg', mysql: 'mysql2', sqlite: 'better-sqlite3' };

/** A Knex instance that compiles for `dialect` and never connects. */
export function knexFor(dialect: SqlDialectName): Knex {
  return knex({ client: KNEX_CLIENTS[dialect], useNullAsDefault: true });
}

export interface ComposeInput {
  readonly adapter: AdapterName;
  readonly dialect: SqlDialectName;
  readonly filter: Expression | string | null;
  readonly tenant: string;
  readonly limit: number;
  readonly at: ComposedCase;
}

/** The composed query of `input`, compiled by the adapter's builder for the engine. */
export function composed(input: ComposeInput): ComposedQuery {
  const { adapter, dialect, filter, tenant, limit, at } = input;
  const options = { dialect, table: at.alias, ...(at.schema === undefined ? {} : { schema: at.schema }) };
  switch (adapter) {
    case 'kysely': {
      const r = at.alias;
      const query = kyselyFor(dialect)
        .selectFrom(`${at.table} as ${r}`)
        .innerJoin('ota_tenant as t', 't.org_id', `${r}.org_id`)
        .select(`${r}.${at.idColumn} as id`)
        .where(`${r}.org_id`, '=', tenant)
        .where(kyselyWhere(filter, options))
        .where('t.status', '=', 'live')
        .where(`${r}.${at.idColumn}`, '<>', 'none')
        .orderBy(`${r}.${at.idColumn}`)
        .limit(limit)
        .compile();
      return { sql: query.sql, params: query.parameters as SqlParam[] };
    }
    case 'knex': {
      const r = at.alias;
      const query = knexFor(dialect)(`${at.table} as ${r}`)
        .join('ota_tenant as t', 't.org_id', `${r}.org_id`)
        .select(`${r}.${at.idColumn} as id`)
        .where(`${r}.org_id`, tenant)
        .where(otaFilter(filter, options))
        .where('t.status', 'live')
        .modify((builder) => builder.whereNot(`${r}.${at.idColumn}`, 'none'))
        .orderBy(`${r}.${at.idColumn}`)
        .limit(limit)
        .toSQL()
        .toNative();
      return { sql: query.sql, params: query.bindings as SqlParam[] };
    }
    case 'drizzle':
      return drizzleQuery(
        dialect,
        (records, tenants) => [
          eq(records.orgId, tenant),
          drizzleWhere(filter, options),
          eq(tenants.status, 'live'),
          ne(records.id, 'none'),
        ],
        at,
        limit,
      );
    default:
      return adapter satisfies never;
  }
}

type DrizzleColumn = Parameters<typeof eq>[0];
type Conditions = (
  records: { readonly orgId: DrizzleColumn; readonly id: DrizzleColumn },
  tenants: { readonly status: DrizzleColumn },
) => SQL[];

/** The composed query in Drizzle: each core's builder takes only its own tables, so one branch per engine. */
function drizzleQuery(dialect: SqlDialectName, conditions: Conditions, at: ComposedCase, limit: number): ComposedQuery {
  switch (dialect) {
    case 'postgres': {
      const { alias, pgTable, text, QueryBuilder } = pgCore;
      const records = alias(pgTable(at.table, { orgId: text('org_id'), id: text(at.idColumn) }), at.alias);
      const tenants = alias(pgTable('ota_tenant', { orgId: text('org_id'), status: text('status') }), 't');
      const query = new QueryBuilder()
        .select({ id: records.id })
        .from(records)
        .innerJoin(tenants, eq(tenants.orgId, records.orgId))
        .where(and(...conditions(records, tenants)))
        .orderBy(asc(records.id))
        .limit(limit)
        .toSQL();
      return { sql: query.sql, params: query.params as SqlParam[] };
    }
    case 'mysql': {
      const { alias, mysqlTable, text, QueryBuilder } = mysqlCore;
      const records = alias(mysqlTable(at.table, { orgId: text('org_id'), id: text(at.idColumn) }), at.alias);
      const tenants = alias(mysqlTable('ota_tenant', { orgId: text('org_id'), status: text('status') }), 't');
      const query = new QueryBuilder()
        .select({ id: records.id })
        .from(records)
        .innerJoin(tenants, eq(tenants.orgId, records.orgId))
        .where(and(...conditions(records, tenants)))
        .orderBy(asc(records.id))
        .limit(limit)
        .toSQL();
      return { sql: query.sql, params: query.params as SqlParam[] };
    }
    case 'sqlite': {
      const { alias, sqliteTable, text, QueryBuilder } = sqliteCore;
      const records = alias(sqliteTable(at.table, { orgId: text('org_id'), id: text(at.idColumn) }), at.alias);
      const tenants = alias(sqliteTable('ota_tenant', { orgId: text('org_id'), status: text('status') }), 't');
      const query = new QueryBuilder()
        .select({ id: records.id })
        .from(records)
        .innerJoin(tenants, eq(tenants.orgId, records.orgId))
        .where(and(...conditions(records, tenants)))
        .orderBy(asc(records.id))
        .limit(limit)
        .toSQL();
      return { sql: query.sql, params: query.params as SqlParam[] };
    }
    default:
      return dialect satisfies never;
  }
}
