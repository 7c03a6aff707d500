/**
 * `toSqlSearch` (docs/LANGUAGE.md §5, §7): the page query and the count query of a search, for PostgreSQL,
 * MySQL/MariaDB and SQLite, on the API's table (layout.ts) or a mapped one. Both are parameterized; the
 * organisation, the page size and the offset travel as parameters like every user value.
 */
import { admit, type CompileTarget } from '../compile/front-door.js';
import { SQL_TARGET, checkDialect, checkMapping, whereOf } from '../compile/sql/compile.js';
import type { SqlDialect } from '../compile/sql/dialect.js';
import { SQL_DIALECTS, type SqlDialectName } from '../compile/sql/dialects/index.js';
import { sqlLayout, type SqlLayout, type SqlMapping } from '../compile/sql/layout.js';
import { createWriter, type SqlParam } from '../compile/sql/writer.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import type { ApiDefinition } from '../schema/api.js';
import { checkOptions } from '../compile/options.js';
import { SEARCH_OPTIONS, searchedApi, searchedSchema, validateRequest, type SearchOptions } from './request.js';

export interface SqlSearchOptions extends SearchOptions {
  readonly dialect: SqlDialectName;
  readonly mapping?: SqlMapping;
}

export interface SqlSearch {
  /** Selects the document column of one page, in the API's order (for OTA jobs: newest first, ties by jobId). */
  readonly sql: string;
  readonly params: SqlParam[];
  /** Counts every match (the response's totalSize); one row, one column named `total`. */
  readonly countSql: string;
  readonly countParams: SqlParam[];
  /** The validated page, for building the response. */
  readonly page: { readonly pageNo: number; readonly pageSize: number };
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
  const api = searchedApi(options, defaultApi);
  const schema = searchedSchema(options, defaultApi);
  const admitted = admit(
    SQL_SEARCH_TARGET,
    search.ast,
    { dialect: options.dialect, schema, ...(options.mapping ? { mapping: options.mapping } : {}) },
    api,
  );
  const dialect = SQL_DIALECTS[options.dialect];
  const layout = sqlLayout(api, schema, options.mapping);
  const expression = whereOf(admitted.ast, admitted.paths, dialect, layout);
  const q = (name: string): string => dialect.quoteIdent(name);
  const from = `FROM ${q(layout.table)}`;

  const page = createWriter(dialect, expression.params);
  const pageWhere = whereClause(dialect, layout, expression.where, () => page.param(search.orgId));
  const limit = `LIMIT ${page.param(search.pageSize)} OFFSET ${page.param(search.offset)}`;

  const count = createWriter(dialect, expression.params);
  const countWhere = whereClause(dialect, layout, expression.where, () => count.param(search.orgId));
  return {
    sql: `SELECT ${q(layout.document.name)} ${from} ${pageWhere} ${orderBy(dialect, layout)} ${limit}`,
    params: [...page.params],
    countSql: `SELECT COUNT(*) AS total ${from} ${countWhere}`,
    countParams: [...count.params],
    page: { pageNo: search.pageNo, pageSize: search.pageSize },
  };
}

const SQL_SEARCH_TARGET: CompileTarget = { ...SQL_TARGET, name: 'toSqlSearch' };

/** The expression's placeholders come first in the text, so that numbering continues after them. */
function whereClause(dialect: SqlDialect, layout: SqlLayout, where: string, scopeParam: () => string): string {
  return `WHERE ${where} AND ${dialect.exactEquals(dialect.quoteIdent(layout.scope.name), scopeParam)}`;
}

function orderBy(dialect: SqlDialect, layout: SqlLayout): string {
  const keys = layout.order.map(({ column, descending, byCodePoint }) => {
    const quoted = dialect.quoteIdent(column.name);
    return `${byCodePoint ? dialect.codePointOrder(quoted) : quoted} ${descending ? 'DESC' : 'ASC'}`;
  });
  return `ORDER BY ${keys.join(', ')}`;
}
