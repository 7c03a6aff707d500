/**
 * The mutation stages (scripts/mutation-stages.mjs, docs/MUTATION.md) measure exactly what stryker.config.mjs says is
 * mutated: every mutated source file in one stage, no stage mutating a file outside the configuration, every test file a
 * stage names present and run by the mutation configuration.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import mutationConfig from '../vitest.mutation.config.js';
import { selects, STAGES, stageOf } from '../scripts/mutation-stages.mjs';

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
