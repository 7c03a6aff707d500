/** `applyFix`: every edit of a fix, each at the offsets of the text it was found in, whatever their lengths. */
import { describe, expect, it } from 'vitest';
import { applyFix, type Fix } from '../../src/editor.js';

describe('applyFix', () => {
  it.each([
    [
      'a shorter edit before a longer one',
      'abcdef',
      [
        [0, 1, ''],
        [3, 4, 'XYZ'],
      ],
      'bcXYZef',
    ],
    [
      'insertions that lengthen the text',
      'status = started',
      [
        [9, 9, "'"],
        [16, 16, "'"],
      ],
      "status = 'started'",
    ],
    [
      'a deletion after an insertion',
      'a  b',
      [
        [0, 0, '('],
        [1, 3, ' '],
        [4, 4, ')'],
      ],
      '(a b)',
    ],
    ['no edits', 'same', [], 'same'],
  ] as const)('%s', (_, text, edits, expected) => {
    const fix: Fix = { message: 'm', edits: edits.map(([start, end, insert]) => ({ start, end, insert })) };
    expect(applyFix(text, fix)).toBe(expected);
  });

  it('leaves the fix as it was: its edits keep their order', () => {
    const edits = [
      { start: 0, end: 0, insert: '[' },
      { start: 3, end: 3, insert: ']' },
    ];
    const fix: Fix = { message: 'wrap', edits };
    expect(applyFix('abc', fix)).toBe('[abc]');
    expect(fix.edits).toEqual([
      { start: 0, end: 0, insert: '[' },
      { start: 3, end: 3, insert: ']' },
    ]);
    expect(applyFix('abc', fix)).toBe('[abc]');
  });
});
