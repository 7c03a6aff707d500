// The small functions the direct-code pass's terminals call (emitted only when used). Each is a few lines, so V8
// inlines it at its hot call sites; as calls, the terminals cost a few bytes each instead of a block of code.
export const RUNTIME = {
  // A one-code-unit literal that is its own expectation key: moves past it and returns it, or records it and fails.
  peg$char: `function peg$char(code, text) {
  if (input.charCodeAt(peg$currPos) === code) {
    peg$currPos++;
    return text;
  }
  if (peg$silentFails === 0) peg$fail(text);
  return peg$FAILED;
}`,
  // A longer literal that is its own key.
  peg$chars: `function peg$chars(text) {
  if (input.startsWith(text, peg$currPos)) {
    peg$currPos += text.length;
    return text;
  }
  if (peg$silentFails === 0) peg$fail(text);
  return peg$FAILED;
}`,
  // One code unit of a class, `ok` being its test on the next code unit (false past the end).
  peg$one: `function peg$one(ok) {
  if (ok) {
    peg$currPos++;
    return true;
  }
  if (peg$silentFails === 0) peg$fail("character");
  return peg$FAILED;
}`,
  // An ASCII word in either case, each letter a class [xX]: \`| 32\` folds exactly A–Z onto a–z (and NaN, past the
  // end, onto 32). A mismatch records "character" where that letter's class would have, as peggy would.
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
  // Recording off for a named rule or a lookahead; gives the position (where a lookahead returns to).
  peg$silence: `function peg$silence() {
  peg$silentFails++;
  return peg$currPos;
}`,
  // The end of a named rule: recording back on and, if it failed, its display name recorded where it started.
  peg$named: `function peg$named(_, result, name) {
  peg$silentFails--;
  if (result === peg$FAILED && peg$silentFails === 0) peg$fail(name);
  return result;
}`,
  // The end of \`&e\` and \`!e\`: recording back on, the position back where the lookahead started.
  peg$and: `function peg$and(start, result) {
  peg$silentFails--;
  if (result === peg$FAILED) return peg$FAILED;
  peg$currPos = start;
  return undefined;
}`,
  peg$not: `function peg$not(start, result) {
  peg$silentFails--;
  if (result === peg$FAILED) return undefined;
  peg$currPos = start;
  return peg$FAILED;
}`,
  peg$optional: `function peg$optional(result) {
  return result === peg$FAILED ? null : result;
}`,
};
