// Mutation testing of the core stages (docs/MUTATION.md). Run through scripts/mutation-stages.mjs, which gives each
// stage its sources and its own tests: `npm run test:mutation` (every stage, for a schedule),
// `npm run test:mutation:changed` (only the lines changed since a git ref: CI). `npx stryker run` alone mutates
// everything against the whole mutation suite, which takes many hours.
// @ts-check
// OTA_MUTATION_REPORT names the report files (reports/mutation/<name>.json and .html; default `mutation`), so per-stage
// runs keep their reports side by side.
const report = process.env['OTA_MUTATION_REPORT'] ?? 'mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // Every stage that decides behaviour. Not: the generated parser and token table (build outputs of grammar/), the
  // API schemas (data, src/apis), the CLI (src/cli: argument plumbing over these stages), the CodeMirror extension
  // (src/codemirror: tested in Chromium against the built bundle, which a source mutant never reaches) and the entry
  // points (re-exports).
  mutate: [
    'src/language/**/*.ts',
    '!src/language/generated/**',
    'src/schema/**/*.ts',
    'src/diagnostics/**/*.ts',
    'src/builder/**/*.ts',
    'src/compile/**/*.ts',
    // Generated: twelve identical copies of the predicate's reading closures, the copy a field reads through chosen
    // per process in first-compiled order; a mutant in one copy is reached or not depending on which tests ran
    // before (docs/MUTATION.md). Its template is tested through every predicate test; its freshness by a test.
    '!src/compile/predicate/copies/sites.generated.ts',
    'src/search/**/*.ts',
    'src/editor/**/*.ts',
    '!src/editor/lexical-table.ts',
    'src/client/**/*.ts',
    'src/util/**/*.ts',
  ],
  // vitest does not type-check, so no `// @ts-nocheck` headers: the sources that are not mutated stay byte-identical
  // (test/compile/predicate-sites.test.ts compares the generated closures with their generator).
  disableTypeChecks: false,
  // Shared machine: one test runner, one core.
  concurrency: 1,
  coverageAnalysis: 'perTest',
  // A mutant that loops is a timeout (counted as killed) after its covering tests' dry-run time × 2 + 5 s.
  timeoutMS: 5_000,
  timeoutFactor: 2,
  // The sandbox needs no build output (tests that read dist/ are excluded by vitest.mutation.config.ts).
  // Nor the sandboxes of other stages running side by side (scripts/mutation-stages.mjs: one per stage).
  ignorePatterns: ['dist', 'bench/.cache', 'coverage', 'reports', '.tmp', 'packages/*/data', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 95, low: 90, break: null },
};

export default config;
