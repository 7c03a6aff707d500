/**
 * docs/LANGUAGE.md §2's printer promises, for every tree: `parse(print(t))` equals t (locations aside), and printing is
 * idempotent. Trees come from test/arbitraries/ast.ts: any path, any operator, strings with quotes, backslashes,
 * astral characters, lone surrogates and the empty string, any finite number, booleans.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, print } from '../../src/index.js';
import { anyExpression, anyExpressionOrNull } from '../arbitraries/ast.js';
import { withoutSpans } from '../helpers.js';

const RUNS = Number(process.env.OTA_ROUNDTRIP_RUNS ?? 1000);
// Arbitrary trees may hold more than the default limits allow (long strings, wide in lists): the round trip is
// about the printer, so the limits are raised out of the way.
const ROOMY = { limits: { maxLength: 1_000_000, maxComparisons: 100_000, maxInValues: 100_000 } };

describe('printer round trip', () => {
  it('parse(print(t)) equals t, locations aside', () => {
    fc.assert(
      fc.property(anyExpressionOrNull({ loneSurrogates: true }), (tree) => {
        expect(withoutSpans(parse(print(tree), ROOMY))).toEqual(withoutSpans(tree));
      }),
      { numRuns: RUNS },
    );
  });

  it('print is idempotent: print(parse(print(t))) is print(t)', () => {
    fc.assert(
      fc.property(anyExpression(), (tree) => {
        const once = print(tree);
        expect(print(parse(once, ROOMY))).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('spans of the reparsed tree cover exactly the printed text of each comparison', () => {
    fc.assert(
      fc.property(anyExpression({ maxDepth: 2 }), (tree) => {
        const text = print(tree);
        const reparsed = parse(text, ROOMY)!;
        expect(reparsed.span).toEqual({ start: 0, end: text.length });
      }),
      { numRuns: Math.min(RUNS, 300) },
    );
  });
});
