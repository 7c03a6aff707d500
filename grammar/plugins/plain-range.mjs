// plain-range: `range()` returns `{ start, end }`, the AST's `Span`, without the `source` property peggy adds.
//
// What it buys: every span in a tree has one shape (two properties), and no always-undefined `source` is carried
// in each of them (bench/NOTES.md, step 3, measured together with hoist-constants: the fixed cost of a short parse
// fell from 2.83 µs to 1.91 µs with steps 2–3). Spans serialise without a `source` key.
//
// What it relies on: peggy's `range()` helper exactly as peggy 5.1 writes it inside `peg$parse` (its `source` is
// `options.grammarSource` of the parse call, never passed by src/language/parse.ts, so always undefined). It is a
// text pass: it runs after peggy's generateJS, and fails the build if the helper is not there, word for word.
// Run it before strip-runtime, which removes the `peg$source` it reads.
import { generatedText, replaceOnce, setGeneratedText } from './support.mjs';

export const name = 'plain-range';

const PEGGY_RANGE = `  function range() {
    return {
      source: peg$source,
      start: peg$savedPos,
      end: peg$currPos,
    };
  }`;

const PLAIN_RANGE = `  function range() {
    return { start: peg$savedPos, end: peg$currPos };
  }`;

/** Generate stage, after generateJS. */
export function plainRange(ast) {
  const source = generatedText(ast, name);
  setGeneratedText(ast, replaceOnce(name, source, PEGGY_RANGE, PLAIN_RANGE, 'range() without source'));
}

export const passes = [{ stage: 'generate', after: 'generateJS', pass: plainRange }];
