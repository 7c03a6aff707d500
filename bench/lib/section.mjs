// Shared plumbing of the section scripts: each runs alone (`node --expose-gc bench/parse.mjs --quick`) or under
// bench/run.mjs, which starts each section in its own process and collects its result as JSON.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function options(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--json');
  return { quick: argv.includes('--quick'), json: at >= 0 ? argv[at + 1] : undefined };
}

export function isMain(url) {
  return process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];
}

/** Prints the section; with `--json FILE`, also writes the result there for bench/run.mjs. */
export function emit(result) {
  const { json } = options();
  if (json !== undefined) writeFileSync(json, JSON.stringify(result));
  console.log(`\n## ${result.title}\n\n${result.markdown}\n`);
  if (result.targets?.length) {
    for (const t of result.targets)
      console.log(`- ${t.met === null ? 'report' : t.met ? 'MET' : 'NOT MET'}: ${t.target}: ${t.measured}`);
  }
}
