// Generates src/generated/parser.js (+ .d.ts) from grammar/expression.peggy. The output is a build artefact:
// it is not committed, and `npm ci` regenerates it through the `prepare` script.
//
// After peggy has generated the parser, two speed edits are made to its text (bench/RESULTS.md has what they buy).
// Each edit names the exact text it expects; if peggy's output ever differs (a new peggy version), the build fails
// with a message saying which edit no longer applies, rather than emitting a half-edited parser.
//
// 1. Hoisting. Peggy's `peg$parse()` rebuilds its constant tables on every call: literal strings (`peg$cN`),
//    character-class regular expressions (`peg$rN`, a new RegExp object per call) and expectation objects
//    (`peg$eN`, made by the `peg$…Expectation` helpers). None depends on the input or the options, so they move to
//    module scope, with the five pure helpers that make them. Rule functions stay where they are: they close over
//    the parse state.
// 2. `range()` returns `{ start, end }`, the AST's `Span`, without the `source` property peggy adds (always
//    undefined here: no grammarSource is passed when parsing), so every span in a tree has one shape.
//
// The grammar and src/parse.ts also rely on three names of peggy's generated code, asserted below: `peg$currPos`
// (the token rules' `scan()` moves it), `input`, and the `peg$silentFails` option (src/parse.ts's fast first pass).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import peggy from 'peggy';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const grammarPath = join(root, 'grammar', 'expression.peggy');
const outDir = join(root, 'src', 'generated');

const generated = peggy.generate(readFileSync(grammarPath, 'utf8'), {
  output: 'source',
  format: 'es',
  grammarSource: 'grammar/expression.peggy',
  allowedStartRules: ['Expression'],
});

function fail(message) {
  console.error(`scripts/build-grammar.mjs: ${message}. Peggy's output changed (peggy ${peggy.VERSION}); update this script.`);
  process.exit(1);
}

function requireText(source, text, why) {
  if (!source.includes(text)) fail(`expected \`${text}\` in the generated parser (${why})`);
}

/** Replaces exactly one occurrence of `from`; fails the build when there is not exactly one. */
function replaceOnce(source, from, to, why) {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) fail(`expected exactly one \`${from.trim().split('\n')[0]}\` (${why})`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

function hoistConstants(source) {
  const start = source.indexOf('\nfunction peg$parse(input, options) {\n');
  if (start < 0) fail('expected `function peg$parse(input, options) {` (hoisting)');
  const end = source.indexOf('\n}\n', start);
  let body = source.slice(start, end);

  // The constant tables: one declaration per line, two-space indent, right inside peg$parse.
  const constant = /^ {2}const peg\$[cre]\d+ = .*;\n/gm;
  const constants = body.match(constant) ?? [];
  if (!constants.some((line) => line.startsWith('  const peg$e'))) fail('found no `const peg$eN = …;` lines (hoisting)');
  for (const line of constants) {
    if (/\b(input|options|peg\$currPos|peg\$savedPos)\b/.test(line)) fail(`constant depends on the parse state: ${line.trim()}`);
  }
  body = body.replace(constant, '');

  // The expectation helpers the `peg$eN` lines call: pure functions of their arguments, three lines each.
  const helper = /^ {2}function (peg\$(?:literal|class|any|end|other)Expectation)\(([^)]*)\) \{\n {4}return (\{[^\n]*\});\n {2}\}\n\n/gm;
  const helpers = [...body.matchAll(helper)];
  const names = helpers.map((match) => match[1]).sort();
  const expected = ['peg$anyExpectation', 'peg$classExpectation', 'peg$endExpectation', 'peg$literalExpectation', 'peg$otherExpectation'];
  if (names.join() !== expected.join()) fail(`expected the five expectation helpers, found [${names.join(', ')}] (hoisting)`);
  body = body.replace(helper, '');

  const hoisted = [
    '',
    '// Hoisted out of peg$parse by scripts/build-grammar.mjs: constant for every call.',
    ...helpers.map((match) => `function ${match[1]}(${match[2]}) {\n  return ${match[3]};\n}`),
    ...constants.map((line) => line.slice(2).trimEnd()),
  ].join('\n');
  return source.slice(0, start) + hoisted + '\n' + body + source.slice(end);
}

let source = generated;
requireText(source, 'let peg$currPos = ', 'the token rules move it in scan()');
requireText(source, 'function peg$parse(input, options) {', 'scan() reads `input`');
requireText(source, 'let peg$silentFails = options.peg$silentFails | 0;', "src/parse.ts's first pass sets it");
source = hoistConstants(source);
source = replaceOnce(
  source,
  `  function range() {
    return {
      source: peg$source,
      start: peg$savedPos,
      end: peg$currPos,
    };
  }`,
  `  function range() {
    return { start: peg$savedPos, end: peg$currPos };
  }`,
  'range() without source',
);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'parser.js'), `// Generated from grammar/expression.peggy by scripts/build-grammar.mjs. Do not edit.\n${source}`);
writeFileSync(
  join(outDir, 'parser.d.ts'),
  `// Generated by scripts/build-grammar.mjs. Do not edit.
import type { Expression } from '../ast.js';
import type { Limits } from '../limits.js';

export interface PeggyLocation {
  readonly source: unknown;
  readonly start: { readonly offset: number; readonly line: number; readonly column: number };
  readonly end: { readonly offset: number; readonly line: number; readonly column: number };
}

export type PeggyExpectation =
  | { readonly type: 'literal'; readonly text: string; readonly ignoreCase: boolean }
  | { readonly type: 'class'; readonly parts: readonly unknown[]; readonly inverted: boolean; readonly ignoreCase: boolean }
  | { readonly type: 'any' }
  | { readonly type: 'end' }
  | { readonly type: 'other'; readonly description: string };

export declare class SyntaxError extends Error {
  readonly expected: readonly PeggyExpectation[] | null;
  readonly found: string | null;
  readonly location: PeggyLocation;
}

export declare const StartRules: readonly string[];
export declare function parse(
  input: string,
  options: {
    limits: Limits;
    startRule?: string;
    /** 1 turns off the recording of expectations (a fast first pass; see src/parse.ts). */
    peg$silentFails?: number;
  },
): Expression | null;
`,
);
console.log('generated src/generated/parser.js');
