/**
 * The table functions (docs/LANGUAGE.md §6): DDL, rows and INSERT statements of an API's layout, for any schema.
 * Options are checked at run time like the compilers' (options.ts): a bad one is a TypeError naming it.
 */
import { apiFor, type ApiDefinition } from '../../schema/api.js';
import type { Schema } from '../../schema/schema.js';
import { SCHEMA_OPTIONS, checkOptions, type OptionChecks } from '../options.js';
import { checkDialect, checkMapping } from './compile.js';
import type { SqlDialect } from './dialect.js';
import { SQL_DIALECTS, type SqlDialectName } from './dialects/index.js';
import { insertEntriesStatement, insertStatement, tableStatements } from './ddl.js';
import { sqlLayout, type SqlLayout, type SqlMapping } from './layout.js';
import { entryRowsOf, rowOf, type SqlValue } from './rows.js';

/** Options of the table functions: other table and column names, and the API whose records the table holds. */
export interface SqlTableOptions {
  /** Other table and column names than the layout's defaults. */
  readonly mapping?: SqlMapping;
  /** The API whose records the table holds: its schema's fields and search rules; defaults to Search OTA Job. */
  readonly schema?: Schema;
}

/** Options of `insertRow`: the table options plus the SQL engine to encode the parameters for. */
export interface InsertRowOptions extends SqlTableOptions {
  /** The SQL engine the statement is written for. */
  readonly dialect: SqlDialectName;
}

const TABLE_OPTIONS: OptionChecks = { mapping: checkMapping, ...SCHEMA_OPTIONS };

function layoutOf(what: string, options: SqlTableOptions, defaultApi: ApiDefinition): SqlLayout {
  return sqlLayout(apiFor(options.schema, defaultApi), options.mapping, what);
}

function dialectFor(what: string, name: unknown): SqlDialect {
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
  return tableStatements(
    layoutOf('createTableSql', checkOptions('createTableSql', options, TABLE_OPTIONS), defaultApi),
    dialect,
  );
}

/** A record as a row keyed by column name; NULL for absent and wrong-typed values. */
export function recordRow(
  record: unknown,
  options: SqlTableOptions | undefined,
  defaultApi: ApiDefinition,
): Record<string, SqlValue> {
  return rowOf(layoutOf('toRow', checkOptions('toRow', options, TABLE_OPTIONS), defaultApi), record);
}

/** A statement with its parameters. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: SqlValue[];
}

/**
 * The statements that insert one record: its row (`sql`, `params`), and for a schema with map fields the row's
 * entries (`statements` holds both, in order; run them in one transaction).
 */
export interface InsertedRecord extends SqlStatement {
  readonly statements: readonly SqlStatement[];
}

/** Statements and parameters that insert one record, encoded for the dialect. */
export function insertRecord(record: unknown, options: InsertRowOptions, defaultApi: ApiDefinition): InsertedRecord {
  const checked = checkOptions('insertRow', options, { dialect: checkDialect, ...TABLE_OPTIONS }, ['dialect']);
  const dialect = SQL_DIALECTS[checked.dialect];
  const layout = layoutOf('insertRow', checked, defaultApi);
  const row = rowOf(layout, record);
  const encode = (value: SqlValue): SqlValue => (value === null ? null : dialect.encodeParam(value));
  const main: SqlStatement = {
    sql: insertStatement(layout, dialect),
    params: layout.columns.map((column) => encode(row[column.name]!)),
  };
  const entries = entryRowsOf(layout, record as Readonly<Record<string, unknown>>);
  const statements =
    entries.length === 0
      ? [main]
      : [main, { sql: insertEntriesStatement(layout, dialect, entries.length), params: entries.flat().map(encode) }];
  return { ...main, statements };
}

/** The INSERT statement alone, for callers that bind rows themselves. */
export function insertSql(
  dialectName: SqlDialectName,
  options: SqlTableOptions | undefined,
  defaultApi: ApiDefinition,
): string {
  const dialect = dialectFor('insertRowSql', dialectName);
  return insertStatement(
    layoutOf('insertRowSql', checkOptions('insertRowSql', options, TABLE_OPTIONS), defaultApi),
    dialect,
  );
}
