/**
 * The parser against the frozen one of before issue #18 (test/fixtures/reference-parser/, generated once from the
 * grammar and plugin of that time): on valid, invalid, mutated and random texts, both run through the same steps of
 * src/language/parse.ts (the two passes, syntax-error.ts's message, the limits), and must give the same outcome:
 * the same tree with the same spans, or the same diagnostic at the same place. `check` is compared too (the same
 * tree validated against the same schema).
 *
 * OTA_DIFF_RUNS sets the texts per property (default 1,000; about 12 properties): `OTA_DIFF_RUNS=10000` runs
 * 120,000 texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as reference from './fixtures/reference-parser/parser.js';
import { corpus, invalidCorpus } from '../bench/lib/corpus.mjs';
import { check, otaJobSchema, print } from '../src/index.js';
import { resolveLimits, type Limits } from '../src/language/limits.js';
import { parseText, parseTextWith } from '../src/language/parse.js';
import { validate } from '../src/schema/validate.js';
import { richExpression, validExpression } from './arbitraries/expressions.js';
import { anyExpression } from './arbitraries/ast.js';

const RUNS = Number(process.env.OTA_DIFF_RUNS ?? 1000);

/** Both parsers on one text: the same outcome, and `check` gives the reference parse's validation. */
function agree(text: string, limits: Limits = resolveLimits(undefined)): void {
  const expected = parseTextWith(reference, text, limits);
  expect(parseText(text, limits)).toEqual(expected);
  if (limits === resolveLimits(undefined) && expected.ok) {
    const result = check(text);
    expect(result.ast).toEqual(expected.ast);
    expect(result.diagnostics.map(({ kind, start, end, message }) => ({ kind, start, end, message }))).toEqual(
      validate(expected.ast, otaJobSchema)
        .map((problem) => ({
          kind: problem.kind,
          start: problem.span.start,
          end: problem.span.end,
          message: problem.message,
        }))
        .sort((a, b) => a.start - b.start || a.end - b.end),
    );
  }
}

const TOKENS = [
  ...[' ', '  ', '\t', '\n', '\r\n', '\u3000', '\u00a0', '(', ')', ',', "'", '"', '\\', "''", '""', '\\\\'],
  ...['=', '!=', '<>', '<', '<=', '>', '>=', '==', '&&', '||', '!', 'and', 'AND', 'Or', 'not', 'NOT', 'in', 'In'],
  ...['like', 'LIKE', 'exists', 'EXISTS', 'is', 'null', 'NULL', 'true', 'False', '-', '.', '/', '_', '0', '01', '1e9'],
  ...['1.5', '1.', '1e', '-7', '9007199254740993', '1e999', 'x', 'productKey', 'name', 'name.zh_CN', 'status'],
  ...['tags.a-b/c', 'and.x', 'andx', '‘', '’', '“', '”', '固件', '🚀', '\ud800', '__proto__', 'K', '\u212a'],
];

/** A valid text in one of the corpus's styles (quotes, keyword case, spacing, parentheses). */
const corpusText = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => corpus(seed, 1)[0]!.text);

/** Edits of a valid text: characters or tokens deleted, inserted, swapped, a tail cut off. */
function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.record({
    kind: fc.constantFrom('delete', 'insert', 'swap', 'cut', 'replace'),
    at: fc.nat(),
    token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 2, unit: 'grapheme' })),
  });
  return fc.tuple(valid, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) =>
    edits.reduce((current, { kind, at: raw, token }) => {
      const at = current.length === 0 ? 0 : raw % current.length;
      switch (kind) {
        case 'delete':
          return current.slice(0, at) + current.slice(at + 1);
        case 'insert':
          return current.slice(0, at) + token + current.slice(at);
        case 'swap':
          return (
            current.slice(0, at) + current.slice(at + 1, at + 2) + current.slice(at, at + 1) + current.slice(at + 2)
          );
        case 'cut':
          return current.slice(0, at);
        case 'replace':
          return current.slice(0, at) + token + current.slice(at + token.length);
      }
    }, text),
  );
}

const printed = validExpression().map(print);
const properties: [string, fc.Arbitrary<string>][] = [
  ['valid expressions, printed', printed],
  ['valid expressions over every operator, printed', richExpression().map(print)],
  ['arbitrary trees, printed', anyExpression().map(print)],
  ['corpus texts (quote styles, keyword case, parentheses)', corpusText],
  ['mutations of printed valid expressions', mutated(printed)],
  ['mutations of corpus texts', mutated(corpusText)],
  ['sequences of the language tokens', fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''))],
  ['arbitrary strings', fc.string({ maxLength: 120 })],
  ['full-Unicode strings, lone surrogates included', fc.string({ unit: 'binary', maxLength: 80 })],
];

describe('the parser agrees with the reference parser of before issue #18', () => {
  it.each(properties)('on %s', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (text) => agree(text)),
      { numRuns: RUNS },
    );
  });

  it('on texts near and past the limits (depth, comparisons, list length, text length)', () => {
    const limits = fc.record({
      maxLength: fc.integer({ min: 0, max: 300 }),
      maxDepth: fc.integer({ min: 0, max: 4 }),
      maxInValues: fc.integer({ min: 0, max: 4 }),
      maxComparisons: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.oneof(printed, corpusText, mutated(corpusText)), limits, (text, given) =>
        agree(text, resolveLimits(given)),
      ),
      { numRuns: RUNS },
    );
  });

  it('on the bench corpus and its syntax errors', () => {
    const seen = new Set<string>();
    for (const { text } of [...corpus(7, RUNS, seen), ...invalidCorpus(8, RUNS, seen)]) agree(text);
  });

  it('on hostile nesting (no stack overflow; the same depth error)', () => {
    for (const depth of [31, 32, 33, 1000, 20_000]) {
      agree(`${'('.repeat(depth)}a = 1${')'.repeat(depth)}`);
      agree(`${'('.repeat(depth)}a = 1`);
      agree(`${'('.repeat(depth)}a = 1${')'.repeat(depth)}`, resolveLimits({ maxDepth: 100_000, maxLength: 100_000 }));
    }
    agree(Array.from({ length: 250 }, (_, i) => `f${i} = ${i}`).join(' and '));
    agree(`a in (${Array.from({ length: 1001 }, (_, i) => i).join(',')})`);
  });
});
