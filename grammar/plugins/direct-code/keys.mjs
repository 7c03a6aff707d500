// The expectation keys a failed parse reports (src/language/syntax-error.ts turns them into words): what peggy's
// expectation objects would say, as one string each.
//
//   a literal          its text, in lower case          "(" → "(", "AND" → "and"
//   a named rule       its display name                 FieldPath "field" → "field"
//   a character class  "character"
//   `.`                "any character"
//   the end of input   "end"
import { outputChanged } from '../support.mjs';
import { name } from './name.mjs';

/** The key of one of peggy's expectations (`{ type, value }`, as peggy's generateBytecode would intern it). */
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
      return outputChanged(name, `unknown expectation type \`${expectation.type}\``);
  }
}
