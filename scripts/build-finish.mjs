/**
 * The last build step, after tsup (`npm run build`):
 * - the type declarations, one file per source module under dist/types/ (stable names: `dist/types/core.d.ts`,
 *   `dist/types/schema/schema.d.ts`), emitted by tsc from tsconfig.build.json, and a CommonJS twin of each
 *   (`.d.cts`, its relative imports ending in `.cjs`) for the `require` conditions of package.json's exports;
 * - source maps name their sources relative to the map: tsup's CommonJS conversion lists the chunk itself by its
 *   absolute path (the build machine's), which is rewritten to the file's own name.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'types');

rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
  {
    stdio: 'inherit',
  },
);

function declarations(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarations(path);
    return entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

let count = 0;
for (const file of declarations(out)) {
  const text = readFileSync(file, 'utf8');
  const cjs = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), cjs);
  count += 1;
}
console.log(`types: ${count} declaration files in dist/types (.d.ts and .d.cts)`);

let maps = 0;
for (const name of readdirSync(join(root, 'dist'))) {
  if (!name.endsWith('.map')) continue;
  const path = join(root, 'dist', name);
  const map = JSON.parse(readFileSync(path, 'utf8'));
  if (!map.sources.some((source) => isAbsolute(source))) continue;
  map.sources = map.sources.map((source) =>
    isAbsolute(source) ? relative(dirname(path), source) || basename(source) : source,
  );
  writeFileSync(path, JSON.stringify(map));
  maps += 1;
}
console.log(`maps: ${maps} source maps made relative`);
