/**
 * The editor's tolerant scanner (src/editor/tokens.ts): every character of any text is in exactly one token, an
 * unterminated string runs to the end (open), a path being typed keeps its trailing dot, and a character the
 * language has no token for is one invalid token, a whole code point wide.
 */
import { describe, expect, it } from 'vitest';
import { tokens, type Token } from '../../src/editor/tokens.js';

const t = (kind: Token['kind'], start: number, end: number): Token => ({ kind, start, end });
const open = (start: number, end: number): Token => ({ kind: 'string', start, end, open: true });

describe('tokens', () => {
  it.each([
    ['😀a', [t('invalid', 0, 2), t('field', 2, 3)]],
    ['#a', [t('invalid', 0, 1), t('field', 1, 2)]],
    ['name. = 1', [t('field', 0, 5), t('space', 5, 6), t('operator', 6, 7), t('space', 7, 8), t('number', 8, 9)]],
    ['tags.a-b/c.', [t('field', 0, 11)]],
    ["a = 'x", [t('field', 0, 1), t('space', 1, 2), t('operator', 2, 3), t('space', 3, 4), open(4, 6)]],
    ['"x\\"', [open(0, 4)]],
    ["'a''", [open(0, 4)]],
    [
      "a\u3000=\u00a0'it''s'",
      [t('field', 0, 1), t('space', 1, 2), t('operator', 2, 3), t('space', 3, 4), t('string', 4, 11)],
    ],
    ['-5e+3x', [t('number', 0, 6)]],
    ['IN(', [t('keyword', 0, 2), t('punctuation', 2, 3)]],
    ['truex true', [t('field', 0, 5), t('space', 5, 6), t('boolean', 6, 10)]],
    ['a<>b', [t('field', 0, 1), t('operator', 1, 3), t('field', 3, 4)]],
  ])('%j', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('until: only the tokens that start before it', () => {
    expect(tokens('a = 1 and b', 5)).toEqual([
      t('field', 0, 1),
      t('space', 1, 2),
      t('operator', 2, 3),
      t('space', 3, 4),
      t('number', 4, 5),
    ]);
    expect(tokens('a = 1', 0)).toEqual([]);
  });
});
