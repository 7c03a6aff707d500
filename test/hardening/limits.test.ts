/**
 * Size and shape (SECURITY.md T2–T3): huge and deeply nested input gets the limit diagnostic from `check` (never a
 * throw or a stack overflow), with the default limits and with the text-length limit raised so that the other
 * limits are reached. How long each takes is measured by `node scripts/measure-hostile-input.mjs` (bench, not a
 * timed test: CI machines are shared). test/parse.test.ts checks the same shapes through `parse`.
 * Hostile-shape fuzzing runs OTA_HARDENING_RUNS inputs (default 200).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, DEFAULT_LIMITS, type CheckResult, type Limits } from '../../src/index.js';
import { HOSTILE_INPUTS } from '../../scripts/hostile-inputs.mjs';

const RUNS = Number(process.env.OTA_HARDENING_RUNS ?? 200);

function limitDiagnostic(result: CheckResult) {
  expect(result.ok).toBe(false);
  const limit = result.diagnostics.find((d) => d.kind === 'limit');
  expect(limit, JSON.stringify(result.diagnostics.slice(0, 3))).toBeDefined();
  return limit!;
}

describe('the issue’s four shapes get the limit diagnostic', () => {
  it.each(HOSTILE_INPUTS.map((input) => [input.name, input] as const))('%s', (_, input) => {
    const limits: Partial<Limits> | undefined = input.limits;
    const text = input.text();
    const diagnostic = limitDiagnostic(check(text, limits ? { limits } : undefined));
    // The message names the limit's value (docs/LANGUAGE.md §4: "which limit, and its value").
    const value = DEFAULT_LIMITS[input.limit];
    expect(
      [String(value), value.toLocaleString('en-US')].some((spelling) => diagnostic.message.includes(spelling)),
      diagnostic.message,
    ).toBe(true);
    expect(diagnostic.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.end).toBeLessThanOrEqual(text.length);
  });
});

describe('unbalanced and degenerate giants never throw', () => {
  const MB = 1 << 20;
  it.each([
    ['1 MB of (', '('.repeat(MB)],
    ['1 MB of )', ')'.repeat(MB)],
    ['1 MB unterminated string', `productKey = '${'a'.repeat(MB)}`],
    ['1 MB of quotes', "'".repeat(MB)],
    ['1 MB of backslashes in a string', `productKey = '${'\\'.repeat(MB)}'`],
    ['1 MB path', `a${'.b'.repeat(MB / 2)} = 1`],
    ['1 MB number', `productKey = ${'9'.repeat(MB)}`],
    ['1 MB of lone surrogates', '\ud800'.repeat(MB)],
    ['1 MB of not', 'not '.repeat(MB / 4)],
    ['1 MB of and', 'and '.repeat(MB / 4)],
  ])('%s (default limits and unlimited length)', (_, text) => {
    // Default limits: the length limit. Unlimited length: whatever the text deserves (a valid 1 MB string is valid).
    expect(check(text).diagnostics.some((d) => d.kind === 'limit')).toBe(true);
    const result = check(text, { limits: { maxLength: Number.MAX_SAFE_INTEGER } });
    expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
    for (const d of result.diagnostics) expect(d.end).toBeLessThanOrEqual(text.length);
  });
});

describe('hostile shapes, fuzzed: check never throws and reports well-formed diagnostics', () => {
  const unit = fc.constantFrom(
    '(',
    ')',
    "productKey = 'a'",
    ' and ',
    ' or ',
    'not exists(',
    'name like ',
    "'",
    ', ',
    'productKey in (',
    '1',
    '"',
  );
  const shape = fc
    .tuple(fc.array(fc.tuple(unit, fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([runs, unlimited]) => ({ text: runs.map(([piece, count]) => piece.repeat(count)).join(''), unlimited }));

  it('repeated structural tokens, up to tens of thousands of them', () => {
    fc.assert(
      fc.property(shape, ({ text, unlimited }) => {
        const result = check(text, unlimited ? { limits: { maxLength: Number.MAX_SAFE_INTEGER } } : undefined);
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
        for (const d of result.diagnostics) {
          expect(d.start).toBeLessThanOrEqual(d.end);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
