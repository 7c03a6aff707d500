/**
 * `complete` where nothing can follow, or where the path names nothing: no items, and still the range of the word
 * under the cursor, which an editor replaces (`|` marks the cursor). Also a cursor inside a complete string, the
 * keys of a map without a `values` callback, and the shape of an item without a detail.
 */
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/editor.js';
import { schemas } from '../../src/core.js';

function at(marked: string, options?: Parameters<typeof complete>[2]) {
  const offset = marked.indexOf('|');
  return complete(marked.slice(0, offset) + marked.slice(offset + 1), offset, options);
}

describe('no items, the word under the cursor still the range', () => {
  it.each([
    [') ab|', 2, 4],
    ["name like 'ab|", 10, 13],
    ['not ex|', 4, 6],
    ['foo ab|', 4, 6],
    ['foo is nu|', 7, 9],
    ["foo = 'ab|", 6, 9],
    ["foo in ('ab|", 8, 11],
  ])('%s', (marked, from, to) => {
    expect(at(marked)).toStrictEqual({ from, to, items: [] });
  });

  it('deviceTags.a| with no values callback: no keys, the range after the dot', () => {
    expect(at('deviceTags.a|', { schema: schemas.device })).toStrictEqual({ from: 11, to: 12, items: [] });
  });
});

describe('a cursor inside a complete string', () => {
  it("status = 'st|arted': the known values, replacing the whole string", () => {
    expect(at("status = 'st|arted'")).toMatchObject({
      from: 9,
      to: 18,
      items: [{ insert: "'started'" }, { insert: "'stopped'" }],
    });
  });
});

describe('an item without a detail', () => {
  it('productKey in |: ( has no detail property at all', () => {
    expect(at('productKey in |')).toStrictEqual({
      from: 14,
      to: 14,
      items: [{ label: '(', kind: 'keyword', insert: '(' }],
    });
  });
});
