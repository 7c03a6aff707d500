// `npm run bench` (about 10 minutes) or `npm run bench -- --quick` (about a minute, smaller inputs, fewer rounds).
// Builds the package, runs each section in its own Node process (so that one section's JIT state and garbage
// cannot colour another's), prints the tables, and writes them with the machine, the Node version and the date to
// bench/RESULTS.md (a full run) or bench/.cache/RESULTS-quick.md (a quick run, not committed).
//
//   npm run bench [-- --quick] [-- --skip-build] [-- --only parse,bundle] [-- --assemble]

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, type as osType, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOCK } from './lib/measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1].split(',') : undefined;

const SECTIONS = [
  { key: 'parse', file: 'parse.mjs' },
  { key: 'filter', file: 'filter.mjs' },
  { key: 'sql', file: 'sql.mjs' },
  { key: 'bundle', file: 'bundle.mjs' },
  { key: 'family', file: 'family.mjs' },
  { key: 'adapters', file: 'adapters.mjs' },
  { key: 'editor', file: 'editor.mjs' },
  { key: 'server', file: 'server.mjs' },
];

const started = Date.now();
// --assemble: rewrite the results file from the sections' last JSON (bench/.cache), e.g. after editing NOTES.md.
const assemble = argv.includes('--assemble');
if (!assemble && !argv.includes('--skip-build')) {
  console.log('> npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const cache = join(here, '.cache');
mkdirSync(cache, { recursive: true });
const results = [];
for (const section of SECTIONS) {
  if (only && !only.includes(section.key)) continue;
  const out = join(cache, `${section.key}.json`);
  if (assemble) {
    results.push(JSON.parse(readFileSync(out, 'utf8')));
    continue;
  }
  const t0 = Date.now();
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      join(here, section.file),
      ...(quick ? ['--quick'] : []),
      '--json',
      out,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (child.status !== 0) {
    results.push({
      title: section.file,
      markdown: `Failed (exit ${child.status ?? child.signal}); see the console output.`,
      targets: [],
    });
    continue;
  }
  const result = JSON.parse(readFileSync(out, 'utf8'));
  result.seconds = (Date.now() - t0) / 1000;
  writeFileSync(out, JSON.stringify(result));
  results.push(result);
}

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const cpu = cpus();
const previousMinutes = () => {
  try {
    return /took ([0-9.]+) min/.exec(
      readFileSync(join(here, quick ? '.cache/RESULTS-quick.md' : 'RESULTS.md'), 'utf8'),
    )?.[1];
  } catch {
    return undefined;
  }
};
const minutes = assemble ? (previousMinutes() ?? '?') : ((Date.now() - started) / 60000).toFixed(1);
const mark = (met) => (met === null || met === undefined ? 'report' : met ? '**met**' : '**not met**');
const lines = [
  `# Benchmark results${quick ? ' (quick run: smaller inputs, fewer rounds; not the committed figures)' : ''}`,
  '',
  `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM (${(freemem() / 2 ** 30).toFixed(0)} GB free at the end), ${osType()} ${release()}`,
  `- Node ${process.version}; date ${new Date().toISOString()}; commit ${commit}; \`npm run bench${quick ? ' -- --quick' : ''}\` took ${minutes} min`,
  `- **Shared machine**: ${cpu.length} cores shared with other engineers' builds and test runs while this ran, so absolute figures are noisy and lower than on a quiet machine. Prefer the ratios: each is measured within one run, contenders interleaved round by round on the same inputs, and is the median of per-round ratios.`,
  `- Clock: ${CLOCK === 'cpu' ? "CPU time of the benchmark process (user + system), so that time spent descheduled by the neighbours is not counted; V8's helper threads (GC, compiler) are" : 'wall time'} (\`BENCH_CLOCK=wall\` for wall time). Section 3 is wall time by nature (the server does the work).`,
  '- Inputs are distinct within every measurement: every round of section 1 reads texts never read before in the run; section 2 reads 1,000,000 distinct records; section 3 runs each query text once. ota-expr caches no compiled filter, so there are no cached figures to separate.',
  '',
  '## Targets',
  '',
  '| target | status | measured |',
  '|---|---|---|',
  ...results.flatMap((r) => (r.targets ?? []).map((t) => `| ${t.target} | ${mark(t.met)} | ${t.measured} |`)),
  '',
  ...results.flatMap((r) => [
    `## ${r.title}`,
    '',
    r.markdown,
    '',
    r.seconds ? `_(section ran in ${r.seconds.toFixed(0)} s)_` : '',
    '',
  ]),
];
const notesFile = join(here, 'NOTES.md');
try {
  lines.push(readFileSync(notesFile, 'utf8').trim(), '');
} catch {
  // no notes
}
const file = quick ? join(cache, 'RESULTS-quick.md') : join(here, 'RESULTS.md');
writeFileSync(file, `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`);
console.log(`\nwrote ${file} (${minutes} min)`);
