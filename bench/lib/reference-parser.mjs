// The parser of before issue #18 (test/fixtures/reference-parser/, frozen), for the A/B rows of section 1: bundled
// by esbuild with today's src/language/parse.ts (the same two passes and messages) and src/schema/validate.ts, so
// that the rows differ only by the generated parser.
import { buildSync } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `{ parse, check }` running the reference parser, each throwing or answering as ota-expr's `parse` and `check`. */
export async function loadReference() {
  const dir = join(root, 'bench', '.cache');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'reference-entry.ts');
  writeFileSync(
    entry,
    `import * as reference from '../../test/fixtures/reference-parser/parser.js';
import { parseTextWith } from '../../src/language/parse.js';
import { DEFAULT_LIMITS } from '../../src/language/limits.js';
import { validate } from '../../src/schema/validate.js';
import { otaJobSchema } from '../../src/core.js';
export function parse(text: string) {
  const outcome = parseTextWith(reference, text, DEFAULT_LIMITS);
  if (!outcome.ok) throw new Error(outcome.problem.message);
  return outcome.ast;
}
export function check(text: string) {
  const outcome = parseTextWith(reference, text, DEFAULT_LIMITS);
  if (!outcome.ok) return { ok: false, ast: null, diagnostics: [outcome.problem] };
  const diagnostics = validate(outcome.ast, otaJobSchema).sort((a, b) => a.span.start - b.span.start);
  return { ok: !diagnostics.some((d) => d.severity === 'error'), ast: outcome.ast, diagnostics };
}
`,
  );
  const out = join(dir, 'reference-parser.mjs');
  buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'error' });
  return import(`${pathToFileURL(out).href}?${Date.now()}`);
}
