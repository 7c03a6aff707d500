/** The predicate's generated closure copies are exactly what their template writes (no hand edits, not stale). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('src/compile/predicate/sites.generated.ts is up to date with generate-sites.mjs', () => {
  const generator = fileURLToPath(new URL('../../src/compile/predicate/generate-sites.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [generator, '--check'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
