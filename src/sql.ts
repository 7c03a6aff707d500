/** ota-expr/sql: expressions as parameterized SQL, and the tables they query (docs/LANGUAGE.md §6, §7). */
import { DEFAULT_API } from './apis/index.js';
import { OTA_JOB_COLUMN_KEYS, OTA_JOB_COLUMNS, type OtaJobRow } from './apis/ota-job/row.js';
import {
  compileSql,
  compileSqlFragments,
  type SqlFragments,
  type SqlWhere,
  type ToSqlOptions,
} from './compile/sql/compile.js';
import type { SqlDialectName } from './compile/sql/dialects/index.js';
import type { SqlMapping } from './compile/sql/layout.js';
import {
  createTable,
  insertRecord,
  insertSql,
  recordRow,
  type InsertedRecord,
  type InsertRowOptions,
  type SqlTableOptions,
} from './compile/sql/table.js';
import type { Expression } from './language/ast.js';

export type { SqlFragments, SqlWhere, ToSqlOptions } from './compile/sql/compile.js';
export { ALWAYS_TRUE } from './compile/sql/compile.js';
export type { ParamFn, SqlDialect } from './compile/sql/dialect.js';
export type { SqlDialectName } from './compile/sql/dialects/index.js';
export { SQL_DIALECTS } from './compile/sql/dialects/index.js';
export type {
  Candidate,
  ColumnSource,
  ColumnType,
  EntryTable,
  LayoutColumn,
  LayoutIndex,
  OrderColumn,
  SqlLayout,
  SqlMapping,
} from './compile/sql/layout.js';
export type { SqlValue } from './compile/sql/rows.js';
export type { InsertedRecord, InsertRowOptions, SqlStatement, SqlTableOptions } from './compile/sql/table.js';
export type { SqlParam } from './compile/sql/writer.js';
export type { OtaJobColumnKey, OtaJobRow } from './apis/ota-job/row.js';
export { OTA_JOB_COLUMNS, OTA_JOB_COLUMN_KEYS } from './apis/ota-job/row.js';

/**
 * A WHERE condition and its parameters. Values only ever travel as parameters; identifiers come from the layout.
 * @throws TypeError for bad options; ExpressionError (99400) when the tree is not valid for the schema or holds
 * what SQL cannot store (NUL, lone surrogates) or query (map entries).
 * @example
 * ```ts
 * const { where, params } = toSql(parse("status = 'started'"), { dialect: 'sqlite' });
 * const docs = db.prepare(`SELECT doc FROM ota_job WHERE ${where}`).all(...params);
 * ```
 */
export function toSql(ast: Expression | null, options: ToSqlOptions): SqlWhere {
  return compileSql(ast, options, DEFAULT_API);
}

/**
 * The condition of `toSql` as text pieces around its values, for template tags and drivers with other placeholders:
 * `strings.length === params.length + 1`, and no user value is in `strings`.
 * @example
 * ```ts
 * const { strings, params } = toSqlFragments(parse("status = 'started'"), { dialect: 'postgres' });
 * const query = Prisma.sql(strings, ...params); // or sql(strings, ...params) with postgres.js
 * ```
 */
export function toSqlFragments(ast: Expression | null, options: ToSqlOptions): SqlFragments {
  return compileSqlFragments(ast, options, DEFAULT_API);
}

/**
 * The statements that create the API's table and its indexes (default: `ota_job`), each idempotent, in order.
 * @example
 * ```ts
 * for (const statement of createTableSql('sqlite')) db.exec(statement);
 * ```
 */
export function createTableSql(dialect: SqlDialectName, options?: SqlTableOptions): string[] {
  return createTable(dialect, options, DEFAULT_API);
}

/**
 * The `ota_job` DDL as one script (statements separated by `;`), e.g. for migrations or `psql -f`.
 * @example
 * ```ts
 * writeFileSync('migrations/001_ota_job.sql', otaJobTableSql('postgres'));
 * ```
 */
export function otaJobTableSql(dialect: SqlDialectName, mapping?: SqlMapping): string {
  return `${createTable(dialect, mapping === undefined ? undefined : { mapping }, DEFAULT_API).join(';\n\n')};\n`;
}

/**
 * `INSERT INTO <table> (...) VALUES (...)`, columns in layout order; bind `insertRow`'s params or `rowParams`.
 * @example
 * ```ts
 * const insert = db.prepare(insertRowSql('sqlite'));
 * insert.run(...rowParams(toRow(job)));
 * ```
 */
export function insertRowSql(dialect: SqlDialectName, options?: SqlTableOptions): string {
  return insertSql(dialect, options, DEFAULT_API);
}

/**
 * Statement and parameters (encoded for the dialect) that insert one record; with map fields, `statements` also holds
 * the insert of its entries (run them all, in one transaction).
 * @example
 * ```ts
 * const { statements } = insertRow(job, { dialect: 'sqlite' });
 * for (const { sql, params } of statements) db.prepare(sql).run(...params);
 * ```
 */
export function insertRow(record: unknown, options: InsertRowOptions): InsertedRecord {
  return insertRecord(record, options, DEFAULT_API);
}

/**
 * A record as a row keyed by column name: NULL for absent and wrong-typed values, the whole record as JSON in `doc`.
 * An integer order key (createTime) that is not a safe integer is absent too: NULL, like any wrong-typed value.
 * @throws TypeError naming the property when the scope or key is not a string, or a string of the record cannot be
 * stored (NUL, lone surrogate).
 * @example
 * ```ts
 * const row = toRow({ orgId: 'o1', jobId: 'j1', createTime: 1709280000000, status: 'started' });
 * row.status; // 'started'
 * ```
 */
export function toRow(record: unknown, options?: SqlTableOptions): OtaJobRow {
  return recordRow(record, options, DEFAULT_API) as OtaJobRow;
}

/**
 * An `ota_job` row's values in column order, for `insertRowSql`.
 * @example
 * ```ts
 * db.prepare(insertRowSql('sqlite')).run(...rowParams(toRow(job)));
 * ```
 */
export function rowParams(row: OtaJobRow): (string | number | null)[] {
  return OTA_JOB_COLUMN_KEYS.map((key) => row[OTA_JOB_COLUMNS[key]]);
}
