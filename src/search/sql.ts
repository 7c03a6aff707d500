/**
 * `toSqlSearch` (SPEC §5, §7): the page query and the count query of a search, for PostgreSQL, MySQL/MariaDB and
 * SQLite, on the SPEC §6 table (or a mapped one). Both are parameterized; the organisation, the page size and the
 * offset travel as parameters like every user value.
 */
import { toSql } from '../compile/sql/compile.js';
import { columnName, tableName, type SqlMapping } from '../compile/sql/columns.js';
import { SQL_DIALECTS, type SqlDialect, type SqlDialectName } from '../compile/sql/dialects.js';
import { createWriter, type SqlParam } from '../compile/sql/writer.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { validateSearchRequest, type SearchOptions, type ValidSearch } from './request.js';

export interface SqlSearchOptions extends SearchOptions {
  readonly dialect: SqlDialectName;
  readonly mapping?: SqlMapping;
}

export interface SqlSearch {
  /** Selects the `doc` column of one page, newest first, ties by jobId (code-point order). */
  readonly sql: string;
  readonly params: SqlParam[];
  /** Counts every match (the response's totalSize); one row, one column named `total`. */
  readonly countSql: string;
  readonly countParams: SqlParam[];
  /** The validated page, for building the response. */
  readonly page: { readonly pageNo: number; readonly pageSize: number };
}

/** @throws ExpressionError (99400) on a bad request, with the same message the in-memory search answers. */
export function toSqlSearch(request: unknown, options: SqlSearchOptions): SqlSearch {
  const validation = validateSearchRequest(request, options);
  if (!validation.ok) throw new ExpressionError(validation.diagnostics);
  const search = validation.search;
  const dialect = SQL_DIALECTS[options.dialect];
  const compiled = toSql(search.ast, {
    dialect: options.dialect,
    ...(options.schema ? { schema: options.schema } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const column = (key: string): string => dialect.quoteIdent(columnName(key, options.mapping));
  const from = `FROM ${dialect.quoteIdent(tableName(options.mapping))}`;

  const page = createWriter(dialect, compiled.params);
  const pageWhere = whereClause(dialect, compiled.where, column('orgId'), () => page.param(search.orgId));
  const order = `ORDER BY ${column('createTime')} DESC, ${dialect.codePointOrder(column('jobId'))} ASC`;
  const limit = `LIMIT ${page.param(search.pageSize)} OFFSET ${page.param(search.offset)}`;

  const count = createWriter(dialect, compiled.params);
  const countWhere = whereClause(dialect, compiled.where, column('orgId'), () => count.param(search.orgId));
  return {
    sql: `SELECT ${column('doc')} ${from} ${pageWhere} ${order} ${limit}`,
    params: [...page.params],
    countSql: `SELECT COUNT(*) AS total ${from} ${countWhere}`,
    countParams: [...count.params],
    page: pageOf(search),
  };
}

/** The expression's placeholders come first in the text, so that numbering continues after them. */
function whereClause(dialect: SqlDialect, where: string, orgColumn: string, orgParam: () => string): string {
  return `WHERE ${where} AND ${dialect.exactEquals(orgColumn, orgParam)}`;
}

function pageOf(search: ValidSearch): { pageNo: number; pageSize: number } {
  return { pageNo: search.pageNo, pageSize: search.pageSize };
}
