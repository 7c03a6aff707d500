// strip-runtime: removes the parts of peggy's runtime this project does not use.
//
// src/language/syntax-error.ts writes the message itself from the expectation keys and the offset of a failed
// parse, so:
// - peggy's SyntaxError class becomes a two-field record `{ expected, offset }` (no `format()`, no
//   `buildMessage()` and its escaping helpers, no message built at all, not an Error: it never leaves
//   src/language/parse.ts), and a failed parse throws it with the furthest offset reached;
// - the line/column machinery goes (`peg$computeLocation`, `peg$computePosDetails`, their cache, `peg$getUnicode`,
//   the error builders), with the grammar-facing `location()`, `offset()`, `expected()` and `error()`;
// - one start rule, no `grammarSource`, no resuming at a position (`options.peg$currPos`,
//   `options.peg$maxFailExpected`), no `peg$library` result and no `StartRules` export.
//
// What it buys: size, for the browser bundle (bench section 4, test/packaging/size-budget.test.ts): the minified
// and gzipped parser loses 1.43 KB of its 4.25 KB (all the passes together: 1.67 KB). No speed change.
//
// What it relies on:
// - The grammar (checked on peggy's AST, in the check stage): no action, predicate or initializer calls
//   `location()`, `offset()`, `expected()` or `error()` (spans come from `range()`, errors are thrown by the
//   grammar's own helpers), nor `peg$parse` (the hoisted parser is not reentrant).
// - The caller always passes an options object (`parse(text, { limits })`), with one start rule; `peg$silentFails`
//   stays an option (src/language/parse.ts's fast first pass sets it), as do `input` and `peg$currPos`, which the
//   grammar's `scan()` reads and moves: asserted here.
// - Peggy 5.1's output, word for word, for each piece it replaces (a text pass after generateJS; anything else
//   fails the build). plain-range must have run first: it removes the last reader of `peg$source`.
import {
  callsFunction,
  declaredFunction,
  generatedText,
  grammarCode,
  misused,
  outputChanged,
  parseFunction,
  replaceOnce,
  requireText,
  setGeneratedText,
  topLevelStatements,
} from './support.mjs';

export const name = 'strip-runtime';

/** Grammar-facing helpers removed by this pass: the grammar must not call them. */
export const GRAMMAR_HELPERS = ['location', 'offset', 'expected', 'error'];

/** Functions of `peg$parse` that nothing calls once the rest of this pass has run; removed. */
export const UNUSED_HELPERS = [
  ...GRAMMAR_HELPERS,
  'peg$getUnicode',
  'peg$computePosDetails',
  'peg$computeLocation',
  'peg$buildSimpleError',
  'peg$buildStructuredError',
];

/** Check stage: the grammar's code calls none of the removed helpers, nor the parser itself. */
export function checkGrammarCode(ast, options, session) {
  for (const { code, location, kind } of grammarCode(ast)) {
    for (const helper of GRAMMAR_HELPERS) {
      if (callsFunction(code, helper)) {
        session.error(
          `grammar/plugins/${name}: this ${kind} calls ${helper}(), which the build removes (spans come from range(); ` +
            "throw the grammar's own errors)",
          location,
        );
      }
    }
    if (callsFunction(code, 'peg$parse')) {
      session.error(
        `grammar/plugins/${name}: this ${kind} calls peg$parse(): the generated parser is not reentrant`,
        location,
      );
    }
  }
}

const PEGGY_CLASS_PARTS = [
  'constructor(message, expected, found, location) {',
  'format(sources) {',
  'static buildMessage(expected, found) {',
];

const RECORD_CLASS = `
// What src/language/parse.ts reads of a failed parse (grammar/plugins/strip-runtime.mjs replaced peggy's class): the
// expectation keys recorded at the furthest position reached, and that position. Not an Error: it never leaves
// src/language/parse.ts.
class peg$SyntaxError {
  constructor(expected, offset) {
    this.expected = expected;
    this.offset = offset;
  }
}
`;

/** Generate stage, after generateJS (and plain-range). */
export function stripRuntime(ast, options) {
  let source = generatedText(ast, name);
  // What stays, and what the grammar and src/language/parse.ts rely on.
  requireText(name, source, 'let peg$currPos = ', 'the token rules move it in scan()');
  requireText(name, source, 'function peg$parse(input, options) {', 'scan() reads `input`');
  requireText(
    name,
    source,
    'let peg$silentFails = options.peg$silentFails | 0;',
    "src/language/parse.ts's first pass sets it",
  );

  // The SyntaxError class: only a constructor stays, taking what src/language/parse.ts reads.
  const classStart = source.indexOf('\nclass peg$SyntaxError extends SyntaxError {\n');
  const classEnd = source.indexOf('\n}\n', classStart);
  if (classStart < 0 || classEnd < 0) outputChanged(name, 'expected `class peg$SyntaxError extends SyntaxError {`');
  const peggyClass = source.slice(classStart, classEnd + 3);
  for (const part of PEGGY_CLASS_PARTS) {
    if (!peggyClass.includes(part)) outputChanged(name, `expected \`${part}\` in peg$SyntaxError`);
  }
  source = replaceOnce(name, source, peggyClass, RECORD_CLASS, 'SyntaxError without format() and buildMessage()');
  source = replaceOnce(
    name,
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

  // Options and start rules: one start rule, no grammarSource, no resuming at a position, no peg$library.
  const startRule = onlyStartRule(options);
  source = replaceOnce(
    name,
    source,
    `  options = options !== undefined ? options : {};

  const peg$FAILED = {};
  const peg$source = options.grammarSource;

  const peg$startRuleFunctions = {
    ${startRule}: peg$parse${startRule},
  };
  let peg$startRuleFunction = peg$parse${startRule};
`,
    `  const peg$FAILED = {};
`,
    'one start rule, options always given',
  );
  source = replaceOnce(
    name,
    source,
    '  let peg$currPos = options.peg$currPos | 0;\n',
    '  let peg$currPos = 0;\n',
    'parsing starts at 0',
  );
  source = replaceOnce(
    name,
    source,
    '  const peg$posDetailsCache = [{ line: 1, column: 1 }];\n',
    '',
    'no line/column cache',
  );
  source = replaceOnce(
    name,
    source,
    '  let peg$maxFailExpected = options.peg$maxFailExpected || [];\n',
    '  let peg$maxFailExpected = [];\n',
    'expectations start empty',
  );
  source = replaceOnce(
    name,
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
  source = replaceOnce(
    name,
    source,
    '  peg$result = peg$startRuleFunction();\n',
    `  peg$result = peg$parse${startRule}();\n`,
    'one start rule',
  );
  source = replaceOnce(
    name,
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
    name,
    source,
    `const peg$allowedStartRules = [
  ${JSON.stringify(startRule)}
];

export {
  peg$allowedStartRules as StartRules,
  peg$SyntaxError as SyntaxError,`,
    `export {
  peg$SyntaxError as SyntaxError,`,
    'no StartRules export',
  );

  source = dropUnusedHelpers(source);
  if (/peg\$source\b/.test(source)) {
    outputChanged(
      name,
      '`peg$source` is still read after its declaration was removed (run plain-range before this pass)',
    );
  }
  for (const helper of UNUSED_HELPERS) {
    if (callsFunction(source, helper)) outputChanged(name, `${helper}() is still called but was removed`);
  }
  setGeneratedText(ast, source);
}

/** The one start rule: peggy's compiler has set `allowedStartRules` (to the first rule when none was given). */
function onlyStartRule(options) {
  const rules = options.allowedStartRules ?? [];
  if (rules.length !== 1)
    misused(name, `expected exactly one start rule, found [${rules.join(', ')}] (allowedStartRules)`);
  return rules[0];
}

/** Removes the top-level functions of `peg$parse` named in UNUSED_HELPERS, each of which must be there once. */
function dropUnusedHelpers(source) {
  const { bodyStart, end } = parseFunction(name, source);
  const statements = topLevelStatements(name, source.slice(bodyStart, end).split('\n'));
  const dropped = [];
  const kept = statements.filter((statement) => {
    const fn = declaredFunction(statement);
    if (fn === undefined || !UNUSED_HELPERS.includes(fn)) return true;
    dropped.push(fn);
    return false;
  });
  if (dropped.sort().join() !== [...UNUSED_HELPERS].sort().join()) {
    outputChanged(
      name,
      `expected peg$parse to declare [${UNUSED_HELPERS.join(', ')}] once each, found [${dropped.join(', ')}]`,
    );
  }
  return source.slice(0, bodyStart) + kept.flat().join('\n') + source.slice(end);
}

export const passes = [
  { stage: 'check', pass: checkGrammarCode },
  { stage: 'generate', after: 'generateJS', pass: stripRuntime },
];
