// Generates src/language/generated/parser.js (+ .d.ts) from grammar/expression.peggy. The output is a build artefact:
// it is not committed, and `npm ci` regenerates it through the `prepare` script.
//
// After peggy has generated the parser, three speed edits (bench/NOTES.md has what they buy) and three size edits
// (for the browser bundle: bench section 4, test/packaging/size-budget.test.ts) are made to its text. Each edit
// names the exact text it expects; if peggy's output ever differs (a new peggy version), the build fails with a
// message saying which edit no longer applies, rather than emitting a half-edited parser. The result is
// syntax-checked by esbuild before it is written, and the test suite runs against it.
//
// 1. Constants. Peggy's `peg$parse()` rebuilds its constant tables on every call: literal strings (`peg$cN`),
//    character-class regular expressions (`peg$rN`, a new RegExp object per call) and expectation objects
//    (`peg$eN`, made by the `peg$…Expectation` helpers). None depends on the input or the options, so they move to
//    module scope (edit 4 then turns the expectation objects into strings).
// 2. Functions. `peg$parse()` also declares every rule function, action and helper (over a hundred closures) on
//    every call, and they close over the parse state (`input`, `peg$currPos`…). The state becomes module-level
//    `var`s and the functions module-level functions, made once; `peg$parse()` keeps only its statements, which
//    (re)set the state and run the start rule. The parser is therefore not reentrant: no action may call `parse`
//    (none does). Top-level statements of `peg$parse` are told apart by peggy's fixed two-space indentation; the
//    grammar's per-parse initializer follows the same layout and declares one variable per `let`/`const`.
//    Helpers nobody calls are dropped (edit 5).
// 3. `range()` returns `{ start, end }`, the AST's `Span`, without the `source` property peggy adds (always
//    undefined here: no grammarSource is passed when parsing), so every span in a tree has one shape.
// 4. Expectations as keys. Each expectation constant (`peg$eN`) becomes the string src/language/syntax-error.ts looks its
//    words up by (a literal's text, a named rule's name, `end`…) instead of peggy's expectation object, and the
//    helpers that made those objects go.
// 5. Runtime the project does not use. src/language/syntax-error.ts writes the message itself from the expectations and the
//    offset, so peggy's SyntaxError becomes a two-field record (no `format()`, no `buildMessage()` and its escaping
//    helpers, no message built at all) and the line/column machinery (`peg$computeLocation`, its cache), the
//    grammar-facing `location()`/`offset()`/`expected()`/`error()`, the start-rule table, `grammarSource` and
//    `peg$library` are removed. Expectation keys and other string constants are written in where they are used.
// 6. Identical actions. Action and predicate functions with the same parameters and body are made once.
//
// The grammar and src/language/parse.ts also rely on three names of peggy's generated code, asserted below: `peg$currPos`
// (the token rules' `scan()` moves it), `input`, and the `peg$silentFails` option (src/language/parse.ts's fast first pass).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import peggy from 'peggy';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const grammarPath = join(root, 'grammar', 'expression.peggy');
const outDir = join(root, 'src', 'language', 'generated');

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

  // String constants (literals `peg$cN`, expectation keys `peg$eN`) are written in where they are used: bundlers
  // keep a module-level `const` as a variable, and the literal is shorter. Regular expressions stay hoisted.
  const declarations = [];
  for (const line of constants.map((line) => expectationKey(line.slice(2).trimEnd()))) {
    const string = /^const (peg\$[ce]\d+) = ("(?:[^"\\]|\\.)*");$/.exec(line);
    if (string === null) {
      declarations.push(line);
      continue;
    }
    const use = new RegExp(`${string[1].replace('$', '\\$')}(?!\\d)`, 'g');
    if (!use.test(body)) fail(`${string[1]} is never used (inlining constants)`);
    body = body.replace(use, string[2]);
  }
  const hoisted = ['', '// Hoisted out of peg$parse by scripts/build-grammar.mjs: constant for every call.', ...declarations].join('\n');
  return source.slice(0, start) + hoisted + '\n' + body + source.slice(end);
}

/**
 * Edit 4: an expectation constant `const peg$eN = peg$…Expectation(…);` becomes the key src/language/syntax-error.ts looks
 * its words up by: a literal's text (lower case), a named rule's name, `character` for a character class, `any
 * character` for `.`. Other constants are returned unchanged.
 */
function expectationKey(line) {
  if (!line.startsWith('const peg$e')) return line;
  const match = /^(const peg\$e\d+ = )peg\$(literal|class|any|other)Expectation\((.*)\);$/.exec(line);
  if (match === null) fail(`unexpected expectation constant: ${line}`);
  const [, declaration, type, args] = match;
  let values;
  try {
    values = JSON.parse(`[${args}]`);
  } catch {
    fail(`expectation arguments are not JSON: ${line}`);
  }
  const key = { literal: () => values[0].toLowerCase(), other: () => values[0], class: () => 'character', any: () => 'any character' }[type]();
  if (typeof key !== 'string') fail(`no expectation key in ${line}`);
  return `${declaration}${JSON.stringify(key)};`;
}

/**
 * Helpers of peg$parse that nothing calls once stripRuntime has run: peggy's location machinery, its error
 * builders and the grammar-facing `location()`, `offset()`, `expected()`, `error()`. Dropped by hoistFunctions; the
 * build fails if the grammar calls one of them.
 */
const UNUSED_HELPERS = [
  'offset',
  'location',
  'expected',
  'error',
  'peg$getUnicode',
  'peg$computePosDetails',
  'peg$computeLocation',
  'peg$buildSimpleError',
  'peg$buildStructuredError',
];

/** Edit 5: peggy's runtime for things this project does not use (see the header). */
function stripRuntime(source) {
  // The SyntaxError class: only the constructor stays, taking what src/language/parse.ts reads.
  const classStart = source.indexOf('\nclass peg$SyntaxError extends SyntaxError {\n');
  const classEnd = source.indexOf('\n}\n', classStart);
  if (classStart < 0 || classEnd < 0) fail('expected `class peg$SyntaxError extends SyntaxError {` (stripping the runtime)');
  const peggyClass = source.slice(classStart, classEnd + 3);
  for (const part of ['constructor(message, expected, found, location) {', 'format(sources) {', 'static buildMessage(expected, found) {']) {
    if (!peggyClass.includes(part)) fail(`expected \`${part}\` in peg$SyntaxError (stripping the runtime)`);
  }
  source = replaceOnce(
    source,
    peggyClass,
    `
// What src/language/parse.ts reads of a failed parse (scripts/build-grammar.mjs replaced peggy's class): the expectation keys
// recorded at the furthest position reached, and that position. Not an Error: it never leaves src/language/parse.ts.
class peg$SyntaxError {
  constructor(expected, offset) {
    this.expected = expected;
    this.offset = offset;
  }
}
`,
    'SyntaxError without format() and buildMessage()',
  );
  source = replaceOnce(
    source,
    `    throw peg$buildStructuredError(
      peg$maxFailExpected,
      peg$maxFailPos < input.length ? peg$getUnicode(peg$maxFailPos) : null,
      peg$maxFailPos < input.length
        ? peg$computeLocation(peg$maxFailPos, peg$maxFailPos + 1)
        : peg$computeLocation(peg$maxFailPos, peg$maxFailPos)
    );`,
    '    throw new peg$SyntaxError(peg$maxFailExpected, peg$maxFailPos);',
    'a failure reports its expectations and offset only',
  );
  source = replaceOnce(source, 'peg$fail(peg$endExpectation());', 'peg$fail("end");', 'the end expectation as its key');
  // Options and start rules: one start rule, no grammarSource, no resuming at a position, no peg$library.
  source = replaceOnce(
    source,
    `  options = options !== undefined ? options : {};

  const peg$FAILED = {};
  const peg$source = options.grammarSource;

  const peg$startRuleFunctions = {
    Expression: peg$parseExpression,
  };
  let peg$startRuleFunction = peg$parseExpression;
`,
    `  const peg$FAILED = {};
`,
    'one start rule, options always given',
  );
  source = replaceOnce(source, '  let peg$currPos = options.peg$currPos | 0;\n', '  let peg$currPos = 0;\n', 'parsing starts at 0');
  source = replaceOnce(source, '  const peg$posDetailsCache = [{ line: 1, column: 1 }];\n', '', 'no line/column cache');
  source = replaceOnce(
    source,
    '  let peg$maxFailExpected = options.peg$maxFailExpected || [];\n',
    '  let peg$maxFailExpected = [];\n',
    'expectations start empty',
  );
  source = replaceOnce(
    source,
    `  if (options.startRule) {
    if (!(options.startRule in peg$startRuleFunctions)) {
      throw new Error("Can't start parsing from rule \\"" + options.startRule + "\\".");
    }

    peg$startRuleFunction = peg$startRuleFunctions[options.startRule];
  }
`,
    '',
    'one start rule',
  );
  source = replaceOnce(source, '  peg$result = peg$startRuleFunction();\n', '  peg$result = peg$parseExpression();\n', 'one start rule');
  source = replaceOnce(
    source,
    `  if (options.peg$library) {
    return /** @type {any} */ ({
      peg$result,
      peg$currPos,
      peg$FAILED,
      peg$maxFailExpected,
      peg$maxFailPos,
      peg$success,
      peg$throw: peg$success ? undefined : peg$throw,
    });
  }
`,
    '',
    'no peg$library',
  );
  source = replaceOnce(
    source,
    `const peg$allowedStartRules = [
  "Expression"
];

export {
  peg$allowedStartRules as StartRules,
  peg$SyntaxError as SyntaxError,`,
    `export {
  peg$SyntaxError as SyntaxError,`,
    'no StartRules export',
  );
  return source;
}

/** Edit 2: peg$parse's functions and state to module scope (see the header). */
function hoistFunctions(source) {
  const head = '\nfunction peg$parse(input, options) {\n';
  const start = source.indexOf(head);
  if (start < 0) fail('expected `function peg$parse(input, options) {` (hoisting functions)');
  const end = source.indexOf('\n}\n', start);
  const lines = source.slice(start + head.length, end).split('\n');

  // Split the body into top-level statements: each starts on a line indented by exactly two spaces (closing
  // brackets excepted) and runs over the deeper-indented, blank and closing lines after it.
  const statements = [];
  for (const line of lines) {
    const startsStatement = /^ {2}[^ }\])]/.test(line);
    if (!startsStatement && line.trim() !== '' && !/^ {2}/.test(line)) fail(`unexpected indentation in peg$parse: ${line}`);
    const previous = statements[statements.length - 1];
    const previousIsComment = previous !== undefined && previous.every((l) => /^ {2}\/\//.test(l));
    if ((startsStatement && !previousIsComment) || previous === undefined) statements.push([line]);
    else previous.push(line);
  }

  const state = ['input', 'options'];
  const functions = [];
  const dropped = [];
  const perCall = ['  input = input$;', '  options = options$;'];
  for (const statement of statements) {
    const comments = statement.findIndex((line) => !/^ {2}\/\//.test(line));
    const first = statement[Math.max(comments, 0)];
    const fn = /^ {2}function ([\w$]+)\(/.exec(first);
    const declaration = /^ {2}(?:let|const) ([\w$]+)( = |;$)/.exec(first);
    if (fn && UNUSED_HELPERS.includes(fn[1])) {
      dropped.push(fn[1]);
    } else if (fn) {
      functions.push(statement.map((line) => line.slice(2)).join('\n').trimEnd());
    } else if (declaration) {
      if (/^ {2}(?:let|const) [\w$]+ *,/.test(first)) fail(`one variable per declaration expected: ${first.trim()}`);
      state.push(declaration[1]);
      const [, name, rest] = declaration;
      perCall.push(
        ...statement.slice(0, comments),
        rest === ';' ? `  ${name} = undefined;` : first.replace(/^ {2}(?:let|const) /, '  '),
        ...statement.slice(comments + 1),
      );
    } else {
      perCall.push(...statement);
    }
  }
  for (const name of ['peg$currPos', 'peg$silentFails', 'peg$result']) {
    if (!state.includes(name)) fail(`expected peg$parse to declare ${name} (hoisting functions)`);
  }
  if (new Set(state).size !== state.length) fail('a variable of peg$parse is declared twice (hoisting functions)');
  if (dropped.sort().join() !== [...UNUSED_HELPERS].sort().join()) {
    fail(`expected peg$parse to declare [${UNUSED_HELPERS.join(', ')}], found [${dropped.join(', ')}] (dropping helpers)`);
  }
  // Actions and predicates with the same parameters and body (`{ return range(); }` after four keywords…) are
  // made once: later copies are dropped and their calls renamed.
  const firstWithText = new Map();
  const renamed = new Map();
  for (let index = 0; index < functions.length; index += 1) {
    const action = /^function (peg\$f\d+)(\([^)]*\) \{[^]*)$/.exec(functions[index]);
    if (action === null) continue;
    const first = firstWithText.get(action[2]);
    if (first === undefined) firstWithText.set(action[2], action[1]);
    else {
      renamed.set(action[1], first);
      functions.splice(index, 1);
      index -= 1;
    }
  }
  const rename = (text) => text.replace(/peg\$f\d+(?!\d)/g, (name) => renamed.get(name) ?? name);
  const hoisted = [
    '',
    "// peg$parse's state and functions, hoisted to module scope by scripts/build-grammar.mjs (not reentrant).",
    ...state.map((name) => `var ${name};`),
    '',
    rename(functions.join('\n\n')),
    '',
    'function peg$parse(input$, options$) {',
    rename(perCall.join('\n').trimEnd()),
    '}',
  ].join('\n');
  return source.slice(0, start) + hoisted + source.slice(end + 2);
}

let source = generated;
requireText(source, 'let peg$currPos = ', 'the token rules move it in scan()');
requireText(source, 'function peg$parse(input, options) {', 'scan() reads `input`');
requireText(source, 'let peg$silentFails = options.peg$silentFails | 0;', "src/language/parse.ts's first pass sets it");
source = stripRuntime(source);
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

source = hoistFunctions(source);
for (const name of UNUSED_HELPERS) {
  if (new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\(`).test(source)) fail(`${name}() is called but was dropped`);
}
try {
  transformSync(source, { loader: 'js', format: 'esm', logLevel: 'silent' });
} catch (error) {
  fail(`the edited parser is not valid JavaScript: ${error.message}`);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'parser.js'), `// Generated from grammar/expression.peggy by scripts/build-grammar.mjs. Do not edit.\n${source}`);
writeFileSync(
  join(outDir, 'parser.d.ts'),
  `// Generated by scripts/build-grammar.mjs. Do not edit.
import type { Expression } from '../ast.js';
import type { Limits } from '../limits.js';

/** A failed parse: the expectation keys recorded at the furthest offset reached (see scripts/build-grammar.mjs). */
export declare class SyntaxError {
  readonly expected: readonly string[];
  readonly offset: number;
}

export declare function parse(
  input: string,
  options: {
    limits: Limits;
    /** 1 turns off the recording of expectations (a fast first pass; see src/language/parse.ts). */
    peg$silentFails?: number;
  },
): Expression | null;
`,
);
console.log('generated src/language/generated/parser.js');
