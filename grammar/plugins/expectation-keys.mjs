// expectation-keys: each expectation constant (`peg$eN`) becomes the string src/language/syntax-error.ts looks its
// words up by, instead of peggy's expectation object, and the helpers that built those objects go:
//
//   a literal          its text, in lower case          "(" → "(", "AND" → "and"
//   a named rule       its display name                 FieldPath "field" → "field"
//   a character class  "character"
//   `.`                "any character"
//   the end of input   "end"
//
// What it buys: size (the five `peg$…Expectation` helpers and the object literals go: 178 bytes of the minified and
// gzipped parser, after strip-runtime), and a failed parse reports plain strings, so src/language/syntax-error.ts
// needs no knowledge of peggy's expectation objects. No speed change on valid text.
//
// What it relies on: the keys are computed from peggy's AST (`ast.expectations`, which peggy's generateBytecode
// fills from the grammar's literal, class, any and named-rule nodes, in the order of their `peg$eN` numbers); the
// generated text is only checked against them: one `const peg$eN = peg$<type>Expectation(…);` line per entry, of
// the matching type, and `peg$fail(peg$endExpectation())` once. A text pass after generateJS; run strip-runtime
// first (its `expected()` helper builds an expectation object too).
import { callsFunction, generatedText, misused, outputChanged, replaceOnce, setGeneratedText } from './support.mjs';

export const name = 'expectation-keys';

/** Peggy's helper that builds each type of expectation of `ast.expectations`. */
const HELPER_OF_TYPE = { literal: 'literal', class: 'class', any: 'any', rule: 'other' };

/** The key src/language/syntax-error.ts looks an expectation up by. */
export function expectationKey(expectation) {
  switch (expectation.type) {
    case 'literal':
      return expectation.value.toLowerCase();
    case 'rule':
      return expectation.value;
    case 'class':
      return 'character';
    case 'any':
      return 'any character';
    default:
      return outputChanged(name, `unknown expectation type \`${expectation.type}\` in peggy's AST`);
  }
}

/** The helpers, three lines each and a blank line after, as peggy 5.1 writes them inside peg$parse. */
const HELPER =
  /^ {2}function (peg\$(?:literal|class|any|end|other)Expectation)\(([^)]*)\) \{\n {4}return (\{[^\n]*\});\n {2}\}\n\n/gm;
const HELPERS = [
  'peg$anyExpectation',
  'peg$classExpectation',
  'peg$endExpectation',
  'peg$literalExpectation',
  'peg$otherExpectation',
];

/** Generate stage, after generateJS (and strip-runtime). */
export function expectationKeys(ast) {
  if (!Array.isArray(ast.expectations))
    misused(name, "no `ast.expectations`: the pass runs after peggy's generateBytecode");
  let source = generatedText(ast, name);

  const lines = [...source.matchAll(/^ {2}const peg\$e(\d+) = (.*);$/gm)];
  if (lines.length !== ast.expectations.length) {
    outputChanged(
      name,
      `expected ${ast.expectations.length} \`const peg$eN = …;\` lines (one per entry of ast.expectations), found ${lines.length}`,
    );
  }
  for (const line of lines) {
    const index = Number(line[1]);
    const expectation = ast.expectations[index];
    if (expectation === undefined) outputChanged(name, `peg$e${index} has no entry in ast.expectations`);
    const helper = HELPER_OF_TYPE[expectation.type];
    if (helper === undefined || !line[2].startsWith(`peg$${helper}Expectation(`)) {
      outputChanged(
        name,
        `peg$e${index} is \`${line[2]}\`, expected a peg$${helper ?? '?'}Expectation(…) call for a ${expectation.type} expectation`,
      );
    }
    source = replaceOnce(
      name,
      source,
      `${line[0]}\n`,
      `  const peg$e${index} = ${JSON.stringify(expectationKey(expectation))};\n`,
      `peg$e${index}`,
    );
  }
  source = replaceOnce(
    name,
    source,
    'peg$fail(peg$endExpectation());',
    'peg$fail("end");',
    'the end expectation as its key',
  );

  const helpers = [...source.matchAll(HELPER)].map((match) => match[1]).sort();
  if (helpers.join() !== HELPERS.join())
    outputChanged(name, `expected the five expectation helpers, found [${helpers.join(', ')}]`);
  source = source.replace(HELPER, '');
  for (const helper of HELPERS) {
    if (callsFunction(source, helper))
      outputChanged(name, `${helper}() is still called but was removed (run strip-runtime first)`);
  }
  setGeneratedText(ast, source);
}

export const passes = [{ stage: 'generate', after: 'generateJS', pass: expectationKeys }];
