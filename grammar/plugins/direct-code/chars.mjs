// Character sets for the direct-code pass: what a peggy class node matches, which characters an expression can start
// with (for the choice dispatch), and the JavaScript condition that tests a UTF-16 code unit against a set.
//
// A set is a sorted list of disjoint, non-adjacent inclusive ranges of code units, `[[from, to], …]`. A class is
// turned into one exactly as peggy's generated code reads it (one code unit, no `i` or `u` flag: the pass refuses
// those, see direct-code.mjs), so the condition matches what peggy's `peg$rN.test(input.charAt(pos))` matches.
import { misused } from '../support.mjs';
import { name } from './name.mjs';

/** A set from a list of possibly overlapping ranges. */
export function normalize(ranges) {
  const sorted = ranges.map(([from, to]) => [from, to]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else out.push(range);
  }
  return out;
}

export function union(a, b) {
  return normalize([...a, ...b]);
}

/** The code units a class node lists, not inverted (its `inverted` flag is the caller's business). */
export function classRanges(node) {
  if (node.ignoreCase || node.unicode) misused(name, 'a class with the `i` or `u` flag is not supported');
  return normalize(
    node.parts.map((part) => {
      if (typeof part === 'string') {
        if (part.length !== 1) misused(name, `class part ${JSON.stringify(part)} is not one code unit`);
        return [part.charCodeAt(0), part.charCodeAt(0)];
      }
      if (part.type === 'classEscape' || !Array.isArray(part))
        misused(name, 'class escapes (\\p{…}) are not supported');
      return [part[0].charCodeAt(0), part[1].charCodeAt(0)];
    }),
  );
}

/** A condition testing the code unit in variable `c` (NaN past the end, which no range holds). */
export function inSet(set, c) {
  if (set.length === 0) return 'false';
  return set
    .map(([from, to]) => {
      if (from === to) return `${c} === ${from}`;
      if (to === from + 1) return `${c} === ${from} || ${c} === ${to}`;
      return `(${c} >= ${from} && ${c} <= ${to})`;
    })
    .join(' || ');
}

/**
 * Tests of code units against sets for one generated module. A set with three or more ranges below 128 is looked up
 * in a table of 128 entries, one bit per set (one load instead of a chain of comparisons: white space, name
 * characters), and its ranges above 127 are compared; smaller sets are compared directly.
 */
export class CharTests {
  constructor() {
    this.bits = new Map();
  }

  test(set, c) {
    const ascii = normalize(set.filter(([from]) => from < 128).map(([from, to]) => [from, Math.min(to, 127)]));
    if (ascii.length < 3) return inSet(set, c);
    const key = JSON.stringify(ascii);
    if (!this.bits.has(key)) this.bits.set(key, { bit: 1 << this.bits.size, ascii });
    const { bit } = this.bits.get(key);
    const rest = set.filter(([, to]) => to >= 128).map(([from, to]) => [Math.max(from, 128), to]);
    // A set of ASCII members all below `0` (white space) answers for digits and letters with one comparison.
    const high = ascii[ascii.length - 1][1];
    const lookup = `${high < 48 ? `${c} <= ${high} && ` : ''}(peg$ascii[${c}] & ${bit}) !== 0`;
    return `(${c} < 128 ? ${lookup} : ${rest.length === 0 ? 'false' : `(${inSet(rest, c)})`})`;
  }

  /** The table's declaration, or nothing when no set uses it. */
  declarations() {
    if (this.bits.size === 0) return [];
    if (this.bits.size > 30) misused(name, 'more than 30 character sets in the lookup table');
    const ranges = [...this.bits.values()].flatMap(({ bit, ascii }) => ascii.map(([from, to]) => [bit, from, to]));
    return [
      '// The character sets of the grammar below 128, one bit each (grammar/plugins/direct-code/chars.mjs).',
      `const peg$ascii = new ${this.bits.size > 15 ? 'Uint32Array' : this.bits.size > 7 ? 'Uint16Array' : 'Uint8Array'}(128);`,
      `for (const [bit, from, to] of ${JSON.stringify(ranges)}) for (let c = from; c <= to; c++) peg$ascii[c] |= bit;`,
    ];
  }
}
