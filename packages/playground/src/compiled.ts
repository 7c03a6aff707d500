/**
 * What the expression compiles to on every target, as the text each output tab shows. Pure: the same request and
 * API always give the same texts, which the browser tests compare with Node's `toSql`/`toMongo`/`print`.
 */
import { ExpressionError, check, print, type CheckResult } from 'ota-expr/core';
import { toMongoSearch, toSqlSearch } from 'ota-expr/search';
import { toMongo } from 'ota-expr/mongo';
import { toSql, type SqlDialectName } from 'ota-expr/sql';
import type { PlaygroundApi } from './apis.js';
import type { SearchBody } from './backend.js';

export const OUTPUT_TABS = ['postgres', 'mysql', 'sqlite', 'mongo', 'pipeline', 'print', 'tree'] as const;
export type OutputTab = (typeof OUTPUT_TABS)[number];

export const OUTPUT_LABELS: Readonly<Record<OutputTab, string>> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  sqlite: 'SQLite',
  mongo: 'MongoDB filter',
  pipeline: 'MongoDB pipeline',
  print: 'Canonical',
  tree: 'Tree',
};

export type Outputs = Readonly<Record<OutputTab, string>>;

export function compileOutputs(
  api: PlaygroundApi,
  orgId: string,
  body: SearchBody,
  checked: CheckResult = check(body.expression, { schema: api.definition.schema }),
): Outputs {
  const schema = api.definition.schema;
  const request = { orgId, expression: body.expression, pagination: body.pagination };
  const ast = checked.ast;
  const sql = (dialect: SqlDialectName): string =>
    attempt(checked, () => {
      const where = toSql(ast, { dialect, schema });
      const search = toSqlSearch(request, { dialect, schema });
      return [
        '-- WHERE (toSql)',
        where.where,
        `-- params: ${JSON.stringify(where.params)}`,
        '',
        '-- the page (toSqlSearch)',
        search.sql,
        `-- params: ${JSON.stringify(search.params)}`,
        '',
        '-- the total',
        search.countSql,
        `-- params: ${JSON.stringify(search.countParams)}`,
      ].join('\n');
    });
  return {
    postgres: sql('postgres'),
    mysql: sql('mysql'),
    sqlite: sql('sqlite'),
    mongo: attempt(checked, () => json(toMongo(ast, { schema }))),
    pipeline: attempt(checked, () => json(toMongoSearch(request, { schema }).pipeline)),
    print: checked.ast === null ? '(empty: matches every record)' : print(checked.ast),
    tree: json(checked.ast),
  };
}

/** The compilers throw ExpressionError on an invalid expression or request: the tab says why instead. */
function attempt(checked: CheckResult, compile: () => string): string {
  if (!checked.ok) return `-- not compiled: the expression has errors\n${messages(checked)}`;
  try {
    return compile();
  } catch (error) {
    if (error instanceof ExpressionError) return `-- not compiled (99400): ${error.message}`;
    throw error;
  }
}

function messages(checked: CheckResult): string {
  return checked.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `-- ${d.code} line ${d.line}, column ${d.column}: ${d.message}`)
    .join('\n');
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
