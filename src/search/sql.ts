/**
 * `toSqlSearch` (docs/LANGUAGE.md §5, §7): the page query and the count query of a search, for PostgreSQL,
 * MySQL/MariaDB and SQLite, on the API's table (layout.ts) or a mapped one. Both are parameterized; the
 * organisation, the page size and the offset travel as parameters like every user value.
 */
import { admit, type CompileTarget } from '../compile/front-door.js';
import { SQL_TARGET, checkDialect, checkMapping, whereOf } from '../compile/sql/compile.js';
import type { SqlDialect } from '../compile/sql/dialect.js';
import { SQL_DIALECTS, type SqlDialectName } from '../compile/sql/dialects/index.js';
import { orderColumn, sqlLayout, type OrderColumn, type SqlLayout, type SqlMapping } from '../compile/sql/layout.js';
import { createWriter, type SqlParam } from '../compile/sql/writer.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { apiFor, type ApiDefinition } from '../schema/api.js';
import { checkOptions } from '../compile/options.js';
import {
  SEARCH_OPTIONS,
  validateRequest,
  type AppliedSorter,
  type SearchOptions,
  type ValidSearch,
} from './request.js';

/** Options of `toSqlSearch`: the search options plus the SQL engine and other table and column names. */
export interface SqlSearchOptions extends SearchOptions {
  /** The SQL engine to write for. */
  readonly dialect: SqlDialectName;
  /** Other table and column names than the default layout's. */
  readonly mapping?: SqlMapping;
}

/** What `toSqlSearch` returns: the page query, the count query, and the page and sorters for the response. */
export interface SqlSearch {
  /** Selects the document column of one page, in the API's order (for OTA jobs: newest first, ties by jobId). */
  readonly sql: string;
  readonly params: SqlParam[];
  /** Counts every match (the response's totalSize); one row, one column named `total`. */
  readonly countSql: string;
  readonly countParams: SqlParam[];
  /** The validated page, for building the response. */
  readonly page: { readonly pageNo: number; readonly pageSize: number };
  /** The sorters applied, for the response's `sortedBy`. */
  readonly sortedBy: readonly AppliedSorter[] | null;
}

/**
 * @throws TypeError for bad options; ExpressionError (99400) on a bad request, with the same message the in-memory
 * search answers.
 */
export function sqlSearch(request: unknown, options: SqlSearchOptions, defaultApi: ApiDefinition): SqlSearch {
  checkOptions('toSqlSearch', options, { ...SEARCH_OPTIONS, dialect: checkDialect, mapping: checkMapping }, [
    'dialect',
  ]);
  const validation = validateRequest(request, options, defaultApi);
  if (!validation.ok) throw new ExpressionError(validation.diagnostics);
  const search = validation.search;
  const api = apiFor(options.schema, defaultApi);
  const admitted = admit(
    SQL_SEARCH_TARGET,
    search.ast,
    { dialect: options.dialect, schema: api.schema, ...(options.mapping ? { mapping: options.mapping } : {}) },
    api,
  );
  const dialect = SQL_DIALECTS[options.dialect];
  const layout = sqlLayout(api, options.mapping, 'toSqlSearch');
  const expression = whereOf(admitted.ast, admitted.paths, dialect, layout);
  const q = (name: string): string => dialect.quoteIdent(name);
  const from = `FROM ${q(layout.table)}`;

  const page = createWriter(dialect, expression.params);
  const pageWhere = whereClause(dialect, layout, expression.where, () => page.param(search.orgId));
  const limit = `LIMIT ${page.param(search.pageSize)} OFFSET ${page.param(search.offset)}`;

  const count = createWriter(dialect, expression.params);
  const countWhere = whereClause(dialect, layout, expression.where, () => count.param(search.orgId));
  return {
    sql: `SELECT ${q(layout.document.name)} ${from} ${pageWhere} ${orderBy(dialect, pageOrder(layout, search, api))} ${limit}`,
    params: [...page.params],
    countSql: `SELECT COUNT(*) AS total ${from} ${countWhere}`,
    countParams: [...count.params],
    page: { pageNo: search.pageNo, pageSize: search.pageSize },
    sortedBy: search.sortedBy,
  };
}

const SQL_SEARCH_TARGET: CompileTarget = { ...SQL_TARGET, name: 'toSqlSearch' };

/** The expression's placeholders come first in the text, so that numbering continues after them. */
function whereClause(dialect: SqlDialect, layout: SqlLayout, where: string, scopeParam: () => string): string {
  return `WHERE ${where} AND ${dialect.exactEquals(dialect.quoteIdent(layout.scope.name), scopeParam)}`;
}

/** The layout's default order, or the request's sorters then the id. */
function pageOrder(layout: SqlLayout, search: ValidSearch, api: ApiDefinition): readonly OrderColumn[] {
  if (search.sortedBy === null) return layout.order;
  return [...search.order, { field: api.id, direction: 'asc', type: 'string' } as const].map((key) =>
    orderColumn(layout.columnFor(key.field)!, key.direction === 'desc', key.type),
  );
}

/** Absent values (NULL) sort first ascending and last descending on every engine (the dialect's `orderKey`). */
function orderBy(dialect: SqlDialect, order: readonly OrderColumn[]): string {
  const keys = order.map(({ column, descending, byCodePoint }) => {
    const quoted = dialect.quoteIdent(column.name);
    return dialect.orderKey(byCodePoint ? dialect.codePointOrder(quoted) : quoted, descending);
  });
  return `ORDER BY ${keys.join(', ')}`;
}
