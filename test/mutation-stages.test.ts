/**
 * The mutation stages (scripts/mutation-stages.mjs, docs/MUTATION.md) measure exactly what stryker.config.mjs says is
 * mutated: every mutated source file in one stage, no stage mutating a file outside the configuration, every test file a
 * stage names present and run by the mutation configuration.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import mutationConfig from '../vitest.mutation.config.js';
import { selects, STAGES, stageOf, staticLinesOf } from '../scripts/mutation-stages.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
// A plain-JS configuration without types: its one field read here, typed here.
const STRYKER_CONFIG: string = '../stryker.config.mjs';
const { default: strykerConfig } = (await import(STRYKER_CONFIG)) as { default: { mutate: string[] } };

function filesUnder(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { recursive: true, encoding: 'utf8' })
    .map((entry) => relative(ROOT, join(ROOT, directory, entry)))
    .filter((path) => path.endsWith('.ts'));
}

const SOURCES = filesUnder('src');
const MUTATED = SOURCES.filter((path) => selects(strykerConfig.mutate, path));

describe('mutation stages', () => {
  it('the configuration mutates the core stages and not the build outputs, schemas data, CLI or entries', () => {
    expect(MUTATED).toContain('src/language/parse.ts');
    expect(MUTATED).toContain('src/client/signature.ts');
    expect(MUTATED).toContain('src/compile/adapters/knex.ts');
    for (const path of [
      'src/language/generated/parser.d.ts',
      'src/compile/predicate/copies/sites.generated.ts',
      'src/editor/lexical-table.ts',
      'src/apis/device/api.ts',
      'src/cli/run.ts',
      'src/core.ts',
    ])
      expect(MUTATED, path).not.toContain(path);
  });

  it.each(SOURCES)('%s is in one stage exactly when it is mutated', (path) => {
    const stages = STAGES.filter((stage) => selects(stage.mutate, path)).map((stage) => stage.name);
    expect(stages).toEqual(MUTATED.includes(path) ? [stageOf(path)!.name] : []);
  });

  it.each(STAGES.map((stage) => [stage.name, stage] as const))(
    '%s: its named test files exist, and the mutation configuration runs them',
    (_, stage) => {
      const excluded = (mutationConfig.test?.exclude ?? []).filter((glob) => !glob.includes('node_modules'));
      for (const test of stage.tests.filter((entry) => !entry.includes('*'))) {
        expect(existsSync(join(ROOT, test)), test).toBe(true);
        expect(selects(excluded, test), `${test} is excluded by vitest.mutation.config.ts`).toBe(false);
      }
    },
  );
});

// A Stryker JSON report of one file, with mutants given as [line, status].
function report(source: string, mutants: readonly (readonly [number, string])[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'ota-mutation-'));
  const path = join(directory, 'report.json');
  const files = {
    'src/x.ts': {
      source,
      mutants: mutants.map(([line, status], index) => ({
        id: String(index),
        mutatorName: 'StringLiteral',
        replacement: '""',
        status,
        location: { start: { line, column: 1 }, end: { line, column: 5 } },
      })),
    },
  };
  writeFileSync(path, JSON.stringify({ files }));
  return path;
}

function summaryTotal(...reports: string[]): string {
  const output = execFileSync('node', [join(ROOT, 'scripts/mutation-summary.mjs'), ...reports], { encoding: 'utf8' });
  return output.split('\n').find((line) => line.startsWith('| **total**'))!;
}

describe('completing an --ignore-static report', () => {
  const base = report('a\nb\nc', [
    [1, 'Killed'],
    [2, 'Ignored'],
    [3, 'Survived'],
  ]);

  it('--static-from runs the lines of the static mutants it left out, and no others', () => {
    expect(staticLinesOf(base)).toEqual(['src/x.ts:2-2']);
  });

  it('the summary overlays a later report of the same source mutant by mutant', () => {
    expect(summaryTotal(base)).toBe('| **total** | 2 | 1 | 1 | 0 | 50.0 % | 0 | 50.0 % |');
    const statics = report('a\nb\nc', [[2, 'Killed']]);
    expect(summaryTotal(base, statics)).toBe('| **total** | 3 | 2 | 1 | 0 | 66.7 % | 0 | 66.7 % |');
  });

  it('a later report of a changed source replaces the file whole', () => {
    const changed = report('a\nB\nc', [[2, 'Killed']]);
    expect(summaryTotal(base, changed)).toBe('| **total** | 1 | 1 | 0 | 0 | 100.0 % | 0 | 100.0 % |');
  });
});
