/**
 * `check` never throws, whatever the string (docs/LANGUAGE.md §7), and every diagnostic it returns lies inside the text.
 * Inputs: arbitrary strings, full-Unicode strings (lone surrogates included), strings built from the language's own
 * tokens, and mutations of valid expressions (characters deleted, inserted, swapped).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, ExpressionError, parse, type CheckResult } from '../../src/index.js';

const RUNS = Number(process.env.OTA_FUZZ_RUNS ?? 300);

const VALID_EXPRESSIONS = [
  "productKey = 'yourProductKey'",
  "firmwareName like 'firmware1'",
  "name like 'name' and firmwareName like 'firmware1'",
  "productKey in ('pk1', 'pk2') and name.zh_CN like '固件'",
  "(type = 'verify' or status = \"started\") and firmwareId in ('a', 'b''c')",
  "name.en_US like 'it\\'s' or firmwareName.default like '%_\\\\'",
];

const TOKENS = [
  ' ',
  '\t',
  '\n',
  '\u3000',
  '\u00a0',
  '(',
  ')',
  ',',
  "'",
  '"',
  '\\',
  "''",
  '=',
  '!=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'OR',
  'not',
  'in',
  'like',
  'exists',
  'is',
  'null',
  'true',
  'FALSE',
  '-',
  '.',
  '0',
  '1e9',
  '1.5',
  '-7',
  'productKey',
  'name',
  'name.zh_CN',
  'status',
  'tags.a-b/c',
  '‘',
  '”',
  '固件',
  '🚀',
  '\ud800',
  '__proto__',
];

function assertWellFormed(text: string, result: CheckResult): void {
  expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.code).toBe(99400);
    expect(diagnostic.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.end).toBeGreaterThanOrEqual(diagnostic.start);
    expect(diagnostic.end).toBeLessThanOrEqual(text.length);
    expect(diagnostic.message.length).toBeGreaterThan(0);
    expect(diagnostic.kind).not.toBe('invalid-input');
  }
  const starts = result.diagnostics.map((d) => d.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

/** parse agrees with check: it throws an ExpressionError exactly when check reports a syntax or limit error. */
function assertParseAgrees(text: string, result: CheckResult): void {
  const syntaxBroken = result.diagnostics.some((d) => d.kind === 'syntax' || d.kind === 'limit');
  let thrown: unknown;
  try {
    parse(text);
  } catch (error) {
    thrown = error;
  }
  if (syntaxBroken) expect(thrown).toBeInstanceOf(ExpressionError);
  else expect(thrown).toBeUndefined();
}

const mutation = fc
  .tuple(
    fc.constantFrom(...VALID_EXPRESSIONS),
    fc.array(
      fc.record({
        kind: fc.constantFrom('delete', 'insert', 'swap'),
        at: fc.nat(),
        token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 2, unit: 'grapheme' })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((current, edit) => {
      const at = current.length === 0 ? 0 : edit.at % current.length;
      switch (edit.kind) {
        case 'delete':
          return current.slice(0, at) + current.slice(at + 1);
        case 'insert':
          return current.slice(0, at) + edit.token + current.slice(at);
        case 'swap':
          return at + 1 < current.length
            ? current.slice(0, at) + current[at + 1] + current[at] + current.slice(at + 2)
            : current;
      }
    }, text),
  );

describe('check never throws', () => {
  const properties: [string, fc.Arbitrary<string>][] = [
    ['arbitrary strings', fc.string({ maxLength: 200 })],
    ['full-Unicode strings, lone surrogates included', fc.string({ unit: 'binary', maxLength: 120 })],
    [
      'sequences of the language tokens',
      fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join('')),
    ],
    ['mutations of valid expressions', mutation],
  ];

  it.each(properties)('on %s', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const result = check(text);
        assertWellFormed(text, result);
        assertParseAgrees(text, result);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([[null], [undefined], [42], [{}]])(
    'on a non-string (%j) from untyped callers: a diagnostic, not a throw',
    (value) => {
      const result = check(value as unknown as string);
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]?.kind).toBe('invalid-input');
    },
  );
});
