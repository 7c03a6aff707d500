// Per-file mutation scores from Stryker JSON reports (reports/mutation/*.json), as docs/MUTATION.md tabulates them.
//   node scripts/mutation-summary.mjs [--equivalent docs/mutation-equivalent] [--survivors] [--equivalents] [--min %] [--min-raw %] report.json…
// A file in several reports is overlaid mutant by mutant, later reports winning: a `--only` run of some lines (the
// static mutants a `--ignore-static` run left out, a confirmation of new tests) updates those mutants of the stage's
// report and leaves the others. A later report of a file whose source differs replaces the file whole. Killed and timed-out mutants count as detected; compile and
// runtime errors are invalid and left out. `--equivalent` (a file, or a folder of them: one per stage) lists survivors judged equivalent (file, at
// `line:column-line:column`, mutator, replacement, reason): the non-equivalent score leaves them out of the denominator. `--survivors` prints
// every survivor that is not in that list, to judge next.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const equivalentFiles = [];
let showSurvivors = false;
let showEquivalents = false;
let minimum;
let minimumRaw;
const reports = [];
for (let index = 0; index < args.length; index += 1) {
  if (args[index] === '--equivalent') {
    const path = args[++index];
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name.endsWith('.json')) equivalentFiles.push(join(path, name));
    } else equivalentFiles.push(path);
  } else if (args[index] === '--survivors') showSurvivors = true;
  else if (args[index] === '--equivalents') showEquivalents = true;
  else if (args[index] === '--min') minimum = Number(args[++index]);
  else if (args[index] === '--min-raw') minimumRaw = Number(args[++index]);
  else reports.push(args[index]);
}

const where = (l) => `${l.start.line}:${l.start.column}-${l.end.line}:${l.end.column}`;
const key = (path, m) => `${path}:${where(m.location)}:${m.mutatorName}:${m.replacement ?? ''}`;
const files = new Map();
for (const report of reports) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const [rawPath, file] of Object.entries(json.files)) {
    const path = rawPath.replace(/^.*?(src\/)/, '$1');
    const earlier = files.get(path);
    if (earlier === undefined || earlier.source !== file.source) {
      files.set(path, file);
      continue;
    }
    const mutants = new Map(earlier.mutants.map((mutant) => [key(path, mutant), mutant]));
    for (const mutant of file.mutants) mutants.set(key(path, mutant), mutant);
    files.set(path, { ...earlier, mutants: [...mutants.values()] });
  }
}
const equivalent = equivalentFiles.flatMap((path) => JSON.parse(readFileSync(path, 'utf8')));
// A judgement's key, the same as `key` gives its mutant.
const judgementKey = (entry) => `${entry.file}:${entry.at}:${entry.mutator}:${entry.replacement}`;
const judged = new Map(equivalent.map((entry) => [judgementKey(entry), entry]));

const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);
const rows = [];
const total = { mutants: 0, detected: 0, survived: 0, noCoverage: 0, equivalent: 0 };
const open = [];
const matched = new Set();
let ignored = 0;
for (const [path, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const row = { mutants: 0, detected: 0, survived: 0, noCoverage: 0, equivalent: 0 };
  for (const mutant of file.mutants) {
    if (mutant.status === 'Ignored') ignored += 1;
    if (mutant.status === 'CompileError' || mutant.status === 'RuntimeError' || mutant.status === 'Ignored') continue;
    row.mutants += 1;
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') row.detected += 1;
    else {
      if (mutant.status === 'Survived') row.survived += 1;
      else row.noCoverage += 1;
      if (judged.has(key(path, mutant))) {
        row.equivalent += 1;
        matched.add(key(path, mutant));
      } else open.push({ path, mutant, source: file.source });
    }
  }
  for (const name of Object.keys(total)) total[name] += row[name];
  rows.push([path, row]);
}
const line = (name, r) =>
  `| ${name} | ${r.mutants} | ${r.detected} | ${r.survived} | ${r.noCoverage} | ${percent(r.detected, r.mutants)} | ${r.equivalent} | ${percent(r.detected, r.mutants - r.equivalent)} |`;
console.log('| file | mutants | killed | survived | no coverage | raw score | equivalent | non-equivalent score |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [path, row] of rows) console.log(line(`\`${path}\``, row));
console.log(line('**total**', total));
if (ignored > 0) console.log(`\n${ignored} static mutant(s) not run (--ignoreStatic): in no column above.`);
if (showEquivalents) {
  // The judged survivors of these reports, as docs/MUTATION.md lists them; then the judgements of these reports'
  // files that match no survivor (killed now, or moved by an edit: re-judge or drop them).
  console.log('');
  for (const entry of equivalent) {
    if (matched.has(judgementKey(entry)))
      console.log(`- \`${entry.file}\` ${entry.at} ${entry.mutator} → \`${entry.replacement}\`: ${entry.reason}`);
  }
  const stale = equivalent.filter((entry) => files.has(entry.file) && !matched.has(judgementKey(entry)));
  if (stale.length > 0) {
    console.log(`\n${stale.length} judgement(s) matching no survivor of these reports:`);
    for (const entry of stale) console.log(`  ${judgementKey(entry)}`);
  }
}
if (showSurvivors) {
  console.log(`\n${open.length} survivor(s) not judged equivalent:`);
  for (const { path, mutant, source: text } of open) {
    const source = text.split('\n')[mutant.location.start.line - 1]?.trim();
    console.log(`${key(path, mutant)} [${mutant.status}] ${JSON.stringify(mutant.replacement ?? '')}\n    ${source}`);
  }
}
// The gate (`--min` non-equivalent %, `--min-raw` raw %): exit 1 below either.
const score = (part, whole) => (whole === 0 ? 100 : (100 * part) / whole);
const low = [];
if (minimum !== undefined && score(total.detected, total.mutants - total.equivalent) < minimum)
  low.push(`non-equivalent score below ${minimum} %`);
if (minimumRaw !== undefined && score(total.detected, total.mutants) < minimumRaw)
  low.push(`raw score below ${minimumRaw} %`);
if (low.length > 0) {
  console.log(`\nmutation gate failed: ${low.join(', ')}`);
  process.exitCode = 1;
}
