// How long `check` takes on each hostile shape (SECURITY.md T2): "well under a second" is measured here, not
// asserted in a timed test. Runs against the build: `npm run build && node scripts/measure-hostile-input.mjs`.
import { performance } from 'node:perf_hooks';
import { check } from '../dist/core.js';
import { HOSTILE_INPUTS } from './hostile-inputs.mjs';

const REPEATS = 5;
console.log('input'.padEnd(52), 'chars'.padStart(10), 'median ms'.padStart(10), 'max ms'.padStart(8), ' diagnostic');
for (const input of HOSTILE_INPUTS) {
  const text = input.text();
  const options = input.limits ? { limits: input.limits } : undefined;
  const times = [];
  let result;
  for (let i = 0; i < REPEATS; i += 1) {
    const started = performance.now();
    result = check(text, options);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const limit = result.diagnostics.find((d) => d.kind === 'limit');
  console.log(
    input.name.padEnd(52),
    String(text.length).padStart(10),
    times[REPEATS >> 1].toFixed(1).padStart(10),
    times[REPEATS - 1].toFixed(1).padStart(8),
    '',
    limit ? limit.message : `NO LIMIT DIAGNOSTIC: ${JSON.stringify(result.diagnostics.slice(0, 1))}`,
  );
}
