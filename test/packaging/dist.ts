/** Shared by the tests that read the build output (packaging, browser, dist scan). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(REPO, 'dist');

/** These tests check what is published, so they need it built; `npm test` builds first, `vitest run` does not. */
export function requireDist(): void {
  for (const file of ['index.js', 'index.cjs', 'core.js', 'cli.js']) {
    if (!existsSync(join(DIST, file)))
      throw new Error(`dist/${file} is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
}
