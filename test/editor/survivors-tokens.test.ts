/** The scanner at the edges: U+FFFF is one code unit wide, and `tokens` stops at the text's end whatever `until`. */
import { describe, expect, it } from 'vitest';
import { tokens } from '../../src/editor/tokens.js';

describe('tokens', () => {
  it('U+FFFF, the last one-unit code point, is an invalid token one unit wide', () => {
    expect(tokens('\uffffa')).toEqual([
      { kind: 'invalid', start: 0, end: 1 },
      { kind: 'field', start: 1, end: 2 },
    ]);
  });

  it('until past the end of the text: only the text’s tokens', () => {
    expect(tokens('a', 5)).toEqual([{ kind: 'field', start: 0, end: 1 }]);
  });
});
