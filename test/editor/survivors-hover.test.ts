/**
 * `hover` on a string field without known values, on a value whose path names nothing, on `is` followed by
 * `not` somewhere other than right after it, and past the end of the text (`|` marks the pointer).
 */
import { describe, expect, it } from 'vitest';
import { hover } from '../../src/editor.js';

function over(marked: string) {
  const offset = marked.indexOf('|');
  return hover(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

describe('hover', () => {
  it.each([
    ['produc|tKey', { start: 0, end: 10, text: 'productKey: string · =, in' }],
    ["foo = '|x'", { start: 6, end: 9, text: 'a string value of foo' }],
    ["foo in ('|x')", { start: 8, end: 11, text: 'a string value of foo' }],
    ['status i|s  not null', { start: 7, end: 9, text: 'is not null: the field is present and not null' }],
    ['status i|s null and not exists(x)', { start: 7, end: 9, text: 'is null: the field is absent or null' }],
  ])('%s', (marked, expected) => {
    expect(over(marked)).toEqual(expected);
  });

  it('past the end of the text: nothing', () => {
    expect(hover('status', 10)).toBeNull();
  });
});
