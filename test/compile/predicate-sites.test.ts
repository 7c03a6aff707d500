/**
 * The predicate's closure copies (src/compile/predicate/copies/): the generated file is exactly what its template
 * writes, copies/index.ts is the only door to it, and the single-copy compiler the bench measures selects what
 * `toPredicate` selects.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { toPredicateWithOneCopy } from '../../bench/lib/one-copy.js';
import { toPredicate } from '../../src/predicate.js';
import { richExpression } from '../arbitraries/expressions.js';
import { richRecords, richTestSchema } from '../arbitraries/rich-schema.js';

const RUNS = Number(process.env.OTA_FUZZ_RUNS ?? 300);
const src = fileURLToPath(new URL('../../src/', import.meta.url));

it('src/compile/predicate/copies/sites.generated.ts is up to date with generate-sites.mjs', () => {
  const generator = join(src, 'compile/predicate/copies/generate-sites.mjs');
  const run = spawnSync(process.execPath, [generator, '--check'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

it('only copies/index.ts imports sites.generated.ts and slots.ts, and nothing in src/ imports one-copy.ts', () => {
  const importers = (pattern: RegExp): string[] =>
    readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|mjs)$/.test(file))
      .filter((file) => pattern.test(readFileSync(join(src, file), 'utf8')))
      .map((file) => relative(src, join(src, file)).split('\\').join('/'));
  expect(importers(/from '[^']*(sites\.generated|slots)\.js'/)).toEqual(['compile/predicate/copies/index.ts']);
  expect(importers(/from '[^']*one-copy\.js'/)).toEqual([]);
});

it('toPredicateWithOneCopy (the bench row "one copy") selects exactly what toPredicate selects', () => {
  fc.assert(
    fc.property(richExpression(), richRecords({ wrongTypes: true }), (ast, records) => {
      const options = { schema: richTestSchema };
      const copies = toPredicate(ast, options);
      const one = toPredicateWithOneCopy(ast, options);
      for (const record of records) expect(one(record)).toBe(copies(record));
    }),
    { numRuns: RUNS },
  );
});
