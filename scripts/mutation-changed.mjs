// `npm run test:mutation:changed [-- <git ref>]`: Stryker over only the lines of the core stages changed since a git
// ref (default: $OTA_MUTATION_BASE, else HEAD~1), uncommitted changes included. What CI can afford on every change;
// the full run (`npm run test:mutation`) is for a schedule. Deleted lines have no mutant; a file without a changed
// line in a mutated stage means nothing to do (exit 0). Extra arguments after the ref go to `stryker run`; `--list`
// only prints the ranges.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import config from '../stryker.config.mjs';

const [refArgument, ...strykerArguments] = process.argv.slice(2);
const base = refArgument ?? process.env['OTA_MUTATION_BASE'] ?? 'HEAD~1';
const root = fileURLToPath(new URL('..', import.meta.url));

const diff = spawnSync('git', ['diff', '--unified=0', '--no-color', '--diff-filter=AM', base, '--', 'src'], {
  cwd: root,
  encoding: 'utf8',
});
if (diff.status !== 0) {
  process.stderr.write(`test:mutation:changed: git diff ${base} failed: ${diff.stderr}`);
  process.exit(2);
}

/** Changed line ranges per file, from the `+start,count` of each hunk header. */
const ranges = new Map();
let file = null;
for (const line of diff.stdout.split('\n')) {
  if (line.startsWith('+++ ')) {
    file = line === '+++ /dev/null' ? null : line.slice('+++ b/'.length);
    continue;
  }
  const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
  if (hunk === null || file === null) continue;
  const start = Number(hunk[1]);
  const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
  if (count === 0) continue;
  const list = ranges.get(file) ?? [];
  list.push(`${start}-${start + count - 1}`);
  ranges.set(file, list);
}

/** The config's mutate globs, as one test (negations exclude). */
const globs = config.mutate.map((glob) => ({
  negated: glob.startsWith('!'),
  pattern: new RegExp(
    `^${(glob.startsWith('!') ? glob.slice(1) : glob)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '(?:.*/)?')
      .replace(/\*\*/g, '.*')
      .replace(/\*/g, '[^/]*')}$`,
  ),
}));
const mutated = (path) =>
  globs.some((glob) => !glob.negated && glob.pattern.test(path)) &&
  !globs.some((glob) => glob.negated && glob.pattern.test(path));

const targets = [...ranges]
  .filter(([path]) => mutated(path))
  .flatMap(([path, list]) => list.map((range) => `${path}:${range}`));
if (targets.length === 0) {
  process.stdout.write(`test:mutation:changed: no line of a mutated stage changed since ${base}\n`);
  process.exit(0);
}
process.stdout.write(
  `test:mutation:changed: since ${base}, ${targets.length} changed range(s):\n  ${targets.join('\n  ')}\n`,
);
if (strykerArguments.includes('--list')) process.exit(0);
const run = spawnSync('npx', ['stryker', 'run', '--mutate', targets.join(','), ...strykerArguments], {
  cwd: root,
  stdio: 'inherit',
  env: { OTA_MUTATION_REPORT: 'changed', ...process.env },
});
process.exit(run.status ?? 1);
