// Small functions the direct-code pass's generated code calls, each emitted only when used.
//
// Tried and left out (bench/NOTES.md, issue #18): helpers for every terminal (one-character literals, class tests,
// lookaheads, named rules) with the rules written as single expressions: 15 % smaller, but the parser lost most of
// its gain, as V8 stops inlining calls in a large rule function once its inlining budget is spent.
export const RUNTIME = {
  // An ASCII word in either case, each letter a class [xX] (the keywords): `| 32` folds exactly A–Z onto a–z (and
  // NaN, past the end, onto 32). A mismatch records "character" where that letter's class would have, as peggy
  // would. Keywords are tried after every comparison, and fail on their first letter: one call, no code per letter.
  peg$word: `function peg$word(word) {
  for (let i = 0; i < word.length; i++) {
    if ((input.charCodeAt(peg$currPos + i) | 32) !== word.charCodeAt(i)) {
      if (peg$silentFails === 0) {
        peg$currPos += i;
        peg$fail("character");
        peg$currPos -= i;
      }
      return peg$FAILED;
    }
  }
  peg$currPos += word.length;
  return true;
}`,
};
