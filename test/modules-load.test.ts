/**
 * Every mutated source module loads (scripts/mutation-stages.mjs runs this file in every stage). A module that throws
 * while loading (a module-level table or pattern gone wrong) makes each test file importing it fail to load, and
 * Stryker's vitest runner counts only tests, so such a mutant would pass for a survivor: here the failure is a failed
 * test. The imports are literal so that vitest's `related` (Stryker runs the tests related to the mutated file)
 * finds this file for every module.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { selects } from '../scripts/mutation-stages.mjs';

const MODULES: readonly (readonly [string, () => Promise<unknown>])[] = [
  ['src/builder/builder.ts', () => import('../src/builder/builder.js')],
  ['src/client/create.ts', () => import('../src/client/create.js')],
  ['src/client/errors.ts', () => import('../src/client/errors.js')],
  ['src/client/gateway.ts', () => import('../src/client/gateway.js')],
  ['src/client/globals.ts', () => import('../src/client/globals.js')],
  ['src/client/http.ts', () => import('../src/client/http.js')],
  ['src/client/paging.ts', () => import('../src/client/paging.js')],
  ['src/client/search.ts', () => import('../src/client/search.js')],
  ['src/client/signature.ts', () => import('../src/client/signature.js')],
  ['src/client/token.ts', () => import('../src/client/token.js')],
  ['src/client/types.ts', () => import('../src/client/types.js')],
  ['src/compile/adapters/drizzle.ts', () => import('../src/compile/adapters/drizzle.js')],
  ['src/compile/adapters/knex.ts', () => import('../src/compile/adapters/knex.js')],
  ['src/compile/adapters/kysely.ts', () => import('../src/compile/adapters/kysely.js')],
  ['src/compile/adapters/parts.ts', () => import('../src/compile/adapters/parts.js')],
  ['src/compile/front-door.ts', () => import('../src/compile/front-door.js')],
  ['src/compile/mongo/candidates.ts', () => import('../src/compile/mongo/candidates.js')],
  ['src/compile/mongo/document.ts', () => import('../src/compile/mongo/document.js')],
  ['src/compile/mongo/i18n.ts', () => import('../src/compile/mongo/i18n.js')],
  ['src/compile/mongo/index.ts', () => import('../src/compile/mongo/index.js')],
  ['src/compile/mongo/operators.ts', () => import('../src/compile/mongo/operators.js')],
  ['src/compile/mongo/types.ts', () => import('../src/compile/mongo/types.js')],
  ['src/compile/options.ts', () => import('../src/compile/options.js')],
  ['src/compile/predicate/candidates.ts', () => import('../src/compile/predicate/candidates.js')],
  ['src/compile/predicate/copies/index.ts', () => import('../src/compile/predicate/copies/index.js')],
  ['src/compile/predicate/copies/slots.ts', () => import('../src/compile/predicate/copies/slots.js')],
  ['src/compile/predicate/i18n.ts', () => import('../src/compile/predicate/i18n.js')],
  ['src/compile/predicate/index.ts', () => import('../src/compile/predicate/index.js')],
  ['src/compile/predicate/operators.ts', () => import('../src/compile/predicate/operators.js')],
  ['src/compile/predicate/types.ts', () => import('../src/compile/predicate/types.js')],
  ['src/compile/predicate/values.ts', () => import('../src/compile/predicate/values.js')],
  ['src/compile/shared/text.ts', () => import('../src/compile/shared/text.js')],
  ['src/compile/sql/compile.ts', () => import('../src/compile/sql/compile.js')],
  ['src/compile/sql/ddl.ts', () => import('../src/compile/sql/ddl.js')],
  ['src/compile/sql/dialect.ts', () => import('../src/compile/sql/dialect.js')],
  ['src/compile/sql/dialects/common.ts', () => import('../src/compile/sql/dialects/common.js')],
  ['src/compile/sql/dialects/index.ts', () => import('../src/compile/sql/dialects/index.js')],
  ['src/compile/sql/dialects/mysql.ts', () => import('../src/compile/sql/dialects/mysql.js')],
  ['src/compile/sql/dialects/postgres.ts', () => import('../src/compile/sql/dialects/postgres.js')],
  ['src/compile/sql/dialects/sqlite.ts', () => import('../src/compile/sql/dialects/sqlite.js')],
  ['src/compile/sql/fragments.ts', () => import('../src/compile/sql/fragments.js')],
  ['src/compile/sql/layout.ts', () => import('../src/compile/sql/layout.js')],
  ['src/compile/sql/map-entries.ts', () => import('../src/compile/sql/map-entries.js')],
  ['src/compile/sql/rows.ts', () => import('../src/compile/sql/rows.js')],
  ['src/compile/sql/table.ts', () => import('../src/compile/sql/table.js')],
  ['src/compile/sql/writer.ts', () => import('../src/compile/sql/writer.js')],
  ['src/compile/tree-shape.ts', () => import('../src/compile/tree-shape.js')],
  ['src/diagnostics/code-frame.ts', () => import('../src/diagnostics/code-frame.js')],
  ['src/diagnostics/diagnostic.ts', () => import('../src/diagnostics/diagnostic.js')],
  ['src/diagnostics/expression-error.ts', () => import('../src/diagnostics/expression-error.js')],
  ['src/editor/complete.ts', () => import('../src/editor/complete.js')],
  ['src/editor/context.ts', () => import('../src/editor/context.js')],
  ['src/editor/fixes.ts', () => import('../src/editor/fixes.js')],
  ['src/editor/hover.ts', () => import('../src/editor/hover.js')],
  ['src/editor/meanings.ts', () => import('../src/editor/meanings.js')],
  ['src/editor/schema-items.ts', () => import('../src/editor/schema-items.js')],
  ['src/editor/tokens.ts', () => import('../src/editor/tokens.js')],
  ['src/language/ast.ts', () => import('../src/language/ast.js')],
  ['src/language/grammar-support.ts', () => import('../src/language/grammar-support.js')],
  ['src/language/limits.ts', () => import('../src/language/limits.js')],
  ['src/language/mistakes.ts', () => import('../src/language/mistakes.js')],
  ['src/language/operators.ts', () => import('../src/language/operators.js')],
  ['src/language/parse.ts', () => import('../src/language/parse.js')],
  ['src/language/print.ts', () => import('../src/language/print.js')],
  ['src/language/syntax-error.ts', () => import('../src/language/syntax-error.js')],
  ['src/schema/api.ts', () => import('../src/schema/api.js')],
  ['src/schema/check.ts', () => import('../src/schema/check.js')],
  ['src/schema/describe.ts', () => import('../src/schema/describe.js')],
  ['src/schema/resolve.ts', () => import('../src/schema/resolve.js')],
  ['src/schema/schema.ts', () => import('../src/schema/schema.js')],
  ['src/schema/validate.ts', () => import('../src/schema/validate.js')],
  ['src/search/memory.ts', () => import('../src/search/memory.js')],
  ['src/search/mongo.ts', () => import('../src/search/mongo.js')],
  ['src/search/order.ts', () => import('../src/search/order.js')],
  ['src/search/request.ts', () => import('../src/search/request.js')],
  ['src/search/response.ts', () => import('../src/search/response.js')],
  ['src/search/sql.ts', () => import('../src/search/sql.js')],
  ['src/util/assert-never.ts', () => import('../src/util/assert-never.js')],
  ['src/util/did-you-mean.ts', () => import('../src/util/did-you-mean.js')],
  ['src/util/own.ts', () => import('../src/util/own.js')],
];

it.each(MODULES)('%s loads', async (_, load) => {
  await expect(load()).resolves.toBeTypeOf('object');
});

it('lists every module the mutation configuration mutates', async () => {
  const root = new URL('..', import.meta.url).pathname;
  // A plain-JS configuration without types: its one field read here, typed here.
  const config: string = '../stryker.config.mjs';
  const { default: stryker } = (await import(config)) as { default: { mutate: string[] } };
  const mutated = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .map((entry) =>
      relative(root, join(root, 'src', entry))
        .split('\\')
        .join('/'),
    )
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts') && selects(stryker.mutate, path))
    .sort();
  expect(MODULES.map(([path]) => path)).toEqual(mutated);
});
