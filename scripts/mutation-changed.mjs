// `npm run test:mutation:changed [-- <git ref>] [--list]`: Stryker over only the lines of the core stages changed
// since a git ref (default: $OTA_MUTATION_BASE, else HEAD~1), uncommitted changes included, each stage's lines against
// that stage's own tests (scripts/mutation-stages.mjs). What CI can afford on every change; the full measurement
// (`npm run test:mutation`) is for a schedule. Deleted lines have no mutant; no changed line in a mutated stage
// means nothing to do (exit 0). Then the gate: the changed lines' mutants must score at least the issue's targets
// (95 % of the non-equivalent ones, 90 % raw; docs/mutation-equivalent/ lists the equivalent ones), or exit 1.
// `--list` only prints the ranges.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runStage, stageOf } from './mutation-stages.mjs';

const args = process.argv.slice(2);
const listOnly = args.includes('--list');
const refArgument = args.find((argument) => !argument.startsWith('--'));
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

/** Changed line ranges per stage, from the `+start,count` of each hunk header. */
const byStage = new Map();
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
  const stage = stageOf(file);
  if (count === 0 || stage === undefined) continue;
  const entry = byStage.get(stage) ?? [];
  entry.push(`${file}:${start}-${start + count - 1}`);
  byStage.set(stage, entry);
}

if (byStage.size === 0) {
  process.stdout.write(`test:mutation:changed: no line of a mutated stage changed since ${base}\n`);
  process.exit(0);
}
for (const [stage, ranges] of byStage) {
  process.stdout.write(`test:mutation:changed: ${stage.name}, since ${base}:\n  ${ranges.join('\n  ')}\n`);
}
if (listOnly) process.exit(0);

const reports = [];
let failed = false;
for (const [stage, ranges] of byStage) {
  const report = `changed-${stage.name}`;
  if (!runStage(stage, { mutate: ranges, report })) failed = true;
  const path = `reports/mutation/${report}.json`;
  if (existsSync(`${root}/${path}`)) reports.push(path);
}
if (reports.length > 0) {
  const gate = spawnSync(
    process.execPath,
    [
      'scripts/mutation-summary.mjs',
      '--equivalent',
      'docs/mutation-equivalent',
      '--survivors',
      '--min',
      '95',
      '--min-raw',
      '90',
      ...reports,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (gate.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
