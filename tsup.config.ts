import { defineConfig } from 'tsup';

/**
 * The library: one entry per subpath export in package.json (`ota-expr`, `ota-expr/core`, `/predicate`, `/sql`,
 * `/mongo`, `/search`). Code splitting is on for CommonJS too, so shared modules live in one chunk per format: a
 * `require('ota-expr/sql')` error is `instanceof` the `ExpressionError` of `require('ota-expr')`, and a page that
 * imports `ota-expr/core` loads no compiler code. `platform: 'neutral'` keeps Node built-ins out (the browser entry
 * must run under a strict CSP; test/browser checks it).
 */
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      predicate: 'src/predicate.ts',
      sql: 'src/sql.ts',
      mongo: 'src/mongo.ts',
      search: 'src/search.ts',
      editor: 'src/editor.ts',
      codemirror: 'src/codemirror.ts',
      client: 'src/client.ts',
      kysely: 'src/kysely.ts',
      knex: 'src/knex.ts',
      drizzle: 'src/drizzle.ts',
    },
    format: ['esm', 'cjs'],
    splitting: true,
    // Declarations come from tsc, one file per module (scripts/build-types.mjs), so they have stable names.
    dts: false,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    // The adapters' and the editor's libraries are optional peer dependencies: imported, never bundled.
    external: [/^kysely/, /^knex/, /^drizzle-orm/, /^@codemirror\//, /^@lezer\//],
    // tsup turns split ESM chunks into CommonJS with sucrase, which rewrites a class with fields as
    // `(_class = class …)`: the class would be named `_class` (`err.constructor.name`, `console.log(err)`).
    // keepNames restores every class's and function's own name in the CommonJS files.
    esbuildOptions(options, context) {
      if (context.format === 'cjs') options.keepNames = true;
    },
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
