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
    },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
