// `npm run test:mutation [-- <stage> …] [--list] [--ignore-static] [--only <file[:lines]>,…] [--static-from <report>]`: the full mutation run, one stage at a time (docs/MUTATION.md).
// Each stage mutates its own sources and runs only its own test files (a lower bound of what the whole suite kills:
// a mutant of the parser would otherwise run all 1,900 tests, 17 hours for the core stages on a 2-core machine).
// Reports go to reports/mutation/<stage>.json and .html; `scripts/mutation-summary.mjs` adds them up.
// Environment: OTA_MUTATION_CONCURRENCY (default 2: the test runner processes), OTA_MUTATION_TIMEOUT_MS (Stryker's
// timeoutMS, 5000 by default), and the property sizes below, which a caller may override.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The stages. `engines`: whether the database servers are started (the SQL stages: their behaviour is proven on
 * PostgreSQL and MariaDB); elsewhere SQLite (in process) stays and the servers would only cost time.
 * Every glob of stryker.config.mjs's `mutate` is in exactly one stage (test/mutation-stages.test.ts checks). A stage's
 * tests include a folder of its own (test/<stage>/, test/compile/<stage>/) for tests written against its mutants.
 */
const STAGE_LIST = [
  {
    name: 'language',
    mutate: ['src/language/**/*.ts', '!src/language/generated/**'],
    tests: [
      'test/language/**/*.test.ts',
      'test/parse.test.ts',
      'test/print.test.ts',
      'test/properties/round-trip.test.ts',
      'test/properties/never-throw.test.ts',
      'test/hardening/limits.test.ts',
      'test/vectors.test.ts',
      'test/cli-fixes.test.ts',
    ],
  },
  {
    name: 'diagnostics',
    mutate: ['src/diagnostics/**/*.ts'],
    tests: [
      'test/diagnostics/**/*.test.ts',
      'test/code-frame.test.ts',
      'test/parse.test.ts',
      'test/cli.test.ts',
      'test/cli-fixes.test.ts',
    ],
  },
  {
    name: 'schema',
    mutate: ['src/schema/**/*.ts', 'src/util/**/*.ts'],
    tests: [
      'test/schema/**/*.test.ts',
      'test/validate.test.ts',
      'test/define-schema.test.ts',
      'test/describe.test.ts',
      'test/apis.test.ts',
      'test/apis/schemas.test.ts',
      'test/compile/defined-schema.test.ts',
      'test/vectors.test.ts',
    ],
  },
  {
    name: 'builder',
    mutate: ['src/builder/**/*.ts'],
    tests: [
      'test/builder/**/*.test.ts',
      'test/builder.test.ts',
      'test/builder.types.test.ts',
      'test/builder.readme.test.ts',
    ],
  },
  {
    name: 'front-door',
    mutate: ['src/compile/front-door.ts', 'src/compile/tree-shape.ts', 'src/compile/options.ts'],
    tests: [
      'test/compile/front-door/**/*.test.ts',
      'test/compile/front-door.test.ts',
      'test/hardening/options.test.ts',
      'test/hardening/prototype.test.ts',
      'test/hardening/injection.test.ts',
    ],
  },
  {
    name: 'predicate',
    mutate: [
      'src/compile/predicate/**/*.ts',
      '!src/compile/predicate/copies/sites.generated.ts',
      'src/compile/shared/**/*.ts',
    ],
    tests: [
      'test/compile/predicate/**/*.test.ts',
      'test/compile/predicate.test.ts',
      'test/compile/predicate-sites.test.ts',
      'test/compile/mongo.test.ts',
      'test/vectors.test.ts',
    ],
  },
  {
    name: 'sql',
    engines: true,
    mutate: ['src/compile/sql/**/*.ts'],
    tests: [
      'test/compile/sql/**/*.test.ts',
      'test/compile/sql.test.ts',
      'test/compile/sql-engines.test.ts',
      'test/compile/composable-sql.test.ts',
      'test/compile/map-entries.test.ts',
      'test/hardening/injection.test.ts',
      'test/properties/agreement.test.ts',
    ],
  },
  {
    name: 'mongo',
    mutate: ['src/compile/mongo/**/*.ts'],
    tests: [
      'test/compile/mongo/**/*.test.ts',
      'test/compile/mongo.test.ts',
      'test/compile/mongo.types.test.ts',
      'test/properties/agreement.test.ts',
    ],
  },
  {
    name: 'adapters',
    engines: true,
    mutate: ['src/compile/adapters/**/*.ts'],
    tests: ['test/adapters/*.test.ts'],
  },
  {
    name: 'search',
    engines: true,
    mutate: ['src/search/**/*.ts'],
    tests: [
      'test/search/**/*.test.ts',
      'test/search.test.ts',
      'test/search-targets.test.ts',
      'test/apis/family-vectors.test.ts',
      'test/properties/family-agreement.test.ts',
    ],
  },
  {
    name: 'editor',
    mutate: ['src/editor/**/*.ts', '!src/editor/lexical-table.ts'],
    tests: ['test/editor/*.test.ts'],
  },
  {
    name: 'client',
    mutate: ['src/client/**/*.ts'],
    // The README and end-to-end suites are left out by vitest.mutation.config.ts (they run the built packages).
    tests: ['test/client/*.test.ts'],
  },
];

// Every stage also runs test/modules-load.test.ts: a mutant that makes a module throw while loading fails the test
// files importing it before they have a test, which Stryker's vitest runner would count as a survivor.
export const STAGES = STAGE_LIST.map((stage) => ({ ...stage, tests: [...stage.tests, 'test/modules-load.test.ts'] }));

// The property suites at reduced sizes: every mutant of a stage runs them, and the fixed seed
// (test/support/mutation-setup.ts) keeps a run repeatable at any size.
const PROPERTY_SIZES = {
  OTA_FUZZ_RUNS: '100',
  OTA_ROUNDTRIP_RUNS: '200',
  OTA_HARDENING_RUNS: '50',
  OTA_AGREEMENT_BATCHES: '2',
};

/** Whether a path is selected by a list of Stryker globs (`**`, `*`; a `!` glob excludes). */
export function selects(globs, path) {
  const compiled = globs.map((glob) => ({
    negated: glob.startsWith('!'),
    pattern: new RegExp(
      `^${(glob.startsWith('!') ? glob.slice(1) : glob)
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\/|\*\*|\*/g, (star) => (star === '**/' ? '(?:.*/)?' : star === '**' ? '.*' : '[^/]*'))}$`,
    ),
  }));
  return (
    compiled.some((glob) => !glob.negated && glob.pattern.test(path)) &&
    !compiled.some((glob) => glob.negated && glob.pattern.test(path))
  );
}

/** The stage whose sources include this path, or undefined. */
export function stageOf(path) {
  return STAGES.find((stage) => selects(stage.mutate, path));
}

/**
 * Runs Stryker over one stage: its tests, its database setting, its own sandbox (so that stages can run side by side).
 * `mutate` narrows the mutated code (`file[:lines]` entries); `report` names reports/mutation/<report>.json.
 */
export function runStage(stage, { mutate = stage.mutate, report = stage.name, ignoreStatic = false } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const concurrency = process.env['OTA_MUTATION_CONCURRENCY'] ?? '2';
  const started = Date.now();
  process.stdout.write(`\n== ${stage.name} ==\n`);
  const run = spawnSync(
    'nice',
    [
      '-n',
      '10',
      'npx',
      'stryker',
      'run',
      '--concurrency',
      concurrency,
      '--mutate',
      mutate.join(','),
      ...(ignoreStatic ? ['--ignoreStatic'] : []),
      // OTA_MUTATION_TIMEOUT_MS: a longer timeout, to tell a mutant that hangs from a loaded machine's slow run.
      ...(process.env['OTA_MUTATION_TIMEOUT_MS'] === undefined
        ? []
        : ['--timeoutMS', process.env['OTA_MUTATION_TIMEOUT_MS']]),
      '--tempDirName',
      `.stryker-tmp-${stage.name}`,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...PROPERTY_SIZES,
        ...process.env,
        OTA_MUTATION_REPORT: report,
        // The stage's tests, as vitest.mutation.config.ts's include (not --testFiles: see there).
        OTA_MUTATION_TESTS: stage.tests.join(','),
        ...(stage.engines === true ? {} : { OTA_MUTATION_ENGINES: '0' }),
      },
    },
  );
  process.stdout.write(`== ${stage.name}: ${Math.round((Date.now() - started) / 1000)} s, exit ${run.status} ==\n`);
  return run.status === 0;
}

/**
 * The `file:lines` of the static mutants a `--ignore-static` report left out (status Ignored), one range per mutant:
 * running only these completes that report (scripts/mutation-summary.mjs overlays the two, mutant by mutant).
 */
export function staticLinesOf(reportPath) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const ranges = new Set();
  for (const [path, file] of Object.entries(report.files))
    for (const mutant of file.mutants)
      if (mutant.status === 'Ignored')
        ranges.add(`${path.replace(/^.*?(src\/)/, '$1')}:${mutant.location.start.line}-${mutant.location.end.line}`);
  return [...ranges];
}

function optionValue(args, name) {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args.splice(index, 2)[1];
}

function main() {
  const args = process.argv.slice(2);
  // `--only <file[:lines]>,…`: mutate only these (one stage given): confirm that a new test kills its mutants.
  const onlyList = optionValue(args, '--only');
  // `--static-from <report>`: the static mutants that report's `--ignore-static` run left out (and the `--only` lines).
  const staticFrom = optionValue(args, '--static-from');
  const only =
    staticFrom === undefined
      ? onlyList
      : [...staticLinesOf(staticFrom), ...(onlyList === undefined ? [] : onlyList.split(','))].join(',');
  const names = args.filter((argument) => !argument.startsWith('--'));
  const unknown = names.filter((name) => !STAGES.some((stage) => stage.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `test:mutation: no stage ${unknown.join(', ')} (stages: ${STAGES.map((s) => s.name).join(', ')})\n`,
    );
    process.exit(2);
  }
  const chosen = names.length === 0 ? STAGES : names.map((name) => STAGES.find((stage) => stage.name === name));
  if (args.includes('--list')) {
    for (const stage of chosen)
      process.stdout.write(`${stage.name}: ${stage.mutate.join(' ')}\n  ${stage.tests.join(' ')}\n`);
    return;
  }
  // `--ignore-static`: leave out the static mutants (module-level code), which each run all of the stage's tests.
  const ignoreStatic = args.includes('--ignore-static');
  let failed = 0;
  for (const stage of chosen) {
    const options = {
      ignoreStatic,
      ...(only === undefined
        ? {}
        : { mutate: only.split(','), report: `${stage.name}-${staticFrom === undefined ? 'only' : 'static'}` }),
    };
    if (!runStage(stage, options)) failed += 1;
  }
  process.exit(failed === 0 ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
