/**
 * The table functions (docs/LANGUAGE.md §6): DDL, rows and INSERT statements of an API's layout, for any schema.
 * Options are checked at run time like the compilers' (front-door.ts): a bad one is a TypeError naming it.
 */
import { apiProblem, type ApiDefinition } from '../../schema/api.js';
import type { Schema } from '../../schema/schema.js';
import { isContainer } from '../../util/own.js';
import { listOf, type OptionCheck } from '../front-door.js';
import { checkDialect, checkMapping } from './compile.js';
import type { SqlDialect } from './dialect.js';
import { SQL_DIALECTS, type SqlDialectName } from './dialects/index.js';
import { insertStatement, tableStatements } from './ddl.js';
import { sqlLayout, type SqlLayout, type SqlMapping } from './layout.js';
import { rowOf, type SqlValue } from './rows.js';

export interface SqlTableOptions {
  /** Other table and column names than the layout's defaults. */
  readonly mapping?: SqlMapping;
  /** The schema whose fields get columns; defaults to the API's. */
  readonly schema?: Schema;
  /** The API whose records the table holds (scope, key, order, table name); defaults to Search OTA Job. */
  readonly api?: ApiDefinition;
}

export interface InsertRowOptions extends SqlTableOptions {
  readonly dialect: SqlDialectName;
}

const TABLE_OPTIONS: Readonly<Record<string, OptionCheck>> = {
  mapping: checkMapping,
  schema: (schema) =>
    isContainer(schema) && schema.lookup instanceof Map ? undefined : 'schema must be a schema made by defineSchema',
  api: apiProblem,
};

/** The layout the options describe, after checking them; `what` names the public function in messages. */
export function layoutFor(
  what: string,
  options: unknown,
  defaultApi: ApiDefinition,
  extra: Readonly<Record<string, OptionCheck>> = {},
): SqlLayout {
  const checks = { ...TABLE_OPTIONS, ...extra };
  if (options === undefined || options === null) return sqlLayout(defaultApi);
  if (!isContainer(options)) throw new TypeError(`${what}: options must be an object, found ${typeof options}`);
  for (const [key, value] of Object.entries(options)) {
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (check === undefined)
      throw new TypeError(`${what}: unknown option ${JSON.stringify(key)}: expected ${listOf(Object.keys(checks))}`);
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) throw new TypeError(`${what}: ${problem}`);
  }
  const { api = defaultApi, schema, mapping } = options as SqlTableOptions;
  return sqlLayout(api, schema ?? api.schema, mapping);
}

export function dialectFor(what: string, name: unknown): SqlDialect {
  const problem = checkDialect(name);
  if (problem !== undefined) throw new TypeError(`${what}: ${problem}`);
  return SQL_DIALECTS[name as SqlDialectName];
}

/** The statements that create the table and its indexes, each idempotent, to run in order. */
export function createTable(
  dialectName: SqlDialectName,
  options: SqlTableOptions | undefined,
  defaultApi: ApiDefinition,
): string[] {
  const dialect = dialectFor('createTableSql', dialectName);
  return tableStatements(layoutFor('createTableSql', options, defaultApi), dialect);
}

/** A record as a row keyed by column name; NULL for absent and wrong-typed values. */
export function recordRow(
  record: unknown,
  options: SqlTableOptions | undefined,
  defaultApi: ApiDefinition,
): Record<string, SqlValue> {
  return rowOf(layoutFor('toRow', options, defaultApi), record);
}

/** Statement and parameters that insert one record. */
export function insertRecord(
  record: unknown,
  options: InsertRowOptions,
  defaultApi: ApiDefinition,
): { sql: string; params: SqlValue[] } {
  if (!isContainer(options)) throw new TypeError('insertRow: options are required: { dialect }');
  const { dialect: dialectName, ...rest } = options;
  const dialect = dialectFor('insertRow', dialectName);
  const layout = layoutFor('insertRow', rest, defaultApi);
  const row = rowOf(layout, record);
  return {
    sql: insertStatement(layout, dialect),
    params: layout.columns.map((column) => {
      const value = row[column.name]!;
      return value === null ? null : dialect.encodeParam(value);
    }),
  };
}

/** The INSERT statement alone, for callers that bind rows themselves. */
export function insertSql(
  dialectName: SqlDialectName,
  options: SqlTableOptions | undefined,
  defaultApi: ApiDefinition,
): string {
  return insertStatement(layoutFor('insertRowSql', options, defaultApi), dialectFor('insertRowSql', dialectName));
}
