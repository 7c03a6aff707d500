/**
 * The vitest configuration Stryker runs (stryker.config.mjs, `npm run test:mutation`, docs/MUTATION.md).
 *
 * The unit configuration without the tests that cannot see a source mutant or break under Stryker's instrumentation:
 * - tests that read the build output (dist/): packaging, the browser, the dist scan, the generated docs, the README's
 *   shell blocks, the README's endpoint block (run as a child importing the built package) and the CLI's
 *   spawned-binary block (skipped: dist/ is not copied to the sandbox; the in-process CLI tests stay);
 * - the grammar plugins' fixture tests (they test build scripts, not src/);
 * - the workspaces' own suites (packages/*: not a core stage);
 * - the client's README and end-to-end suites (they run the built client against the built server);
 * `OTA_MUTATION=1` turns off the TypeScript language-service completion tests (test/builder.test.ts: the service
 * reads the instrumented sources) and makes test/support/mutation-setup.ts fix fast-check's seed.
 *
 * The database servers stay by default: the SQL compilers' behaviour is proven on PostgreSQL and MariaDB.
 * `OTA_MUTATION_ENGINES=0` runs without them (SQLite, in process, stays): about 3 x faster per mutant, what the
 * per-stage runs of docs/MUTATION.md used outside the SQL dialects. The property suites run at their default sizes
 * unless their own variables (OTA_FUZZ_RUNS…) say otherwise.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Read by test/support/global-setup.ts in this (the runner's) process.
if (process.env['OTA_MUTATION_ENGINES'] === '0') process.env['OTA_DATABASES'] = 'none';

// Spread, not mergeConfig: mergeConfig concatenates arrays, and `include` must replace the unit configuration's.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // A stage's own tests (scripts/mutation-stages.mjs sets OTA_MUTATION_TESTS), chosen here and not with Stryker's
    // --testFiles: with a test filter Stryker switches even a static mutant on only after the modules have loaded, so
    // module-level code (tables, patterns, dialect objects) never sees it and every such mutant survives.
    include: process.env['OTA_MUTATION_TESTS']?.split(',') ?? ['test/**/*.test.ts'],
    exclude: [
      'test/packaging/**',
      'test/browser/**',
      'test/grammar-plugins/**',
      'test/hardening/dist-scan.test.ts',
      'test/docs.test.ts',
      'test/readme.test.ts',
      'test/search-endpoint.test.ts',
      'test/client/readme.test.ts',
      'test/client/server.e2e.test.ts',
      '**/node_modules/**',
    ],
    setupFiles: ['test/support/mutation-setup.ts'],
    // OTA_MUTATION_ISOLATE=0: one module graph for all the files of a run instead of one per file (the dry run's
    // overhead falls from 47 s to 15 s), but a static mutant (module-level code, evaluated once) is then never
    // re-evaluated and survives falsely: confirm such survivors with the default (docs/MUTATION.md).
    isolate: process.env['OTA_MUTATION_ISOLATE'] !== '0',
    env: { OTA_MUTATION: '1' },
  },
});
