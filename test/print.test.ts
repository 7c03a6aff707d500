/** docs/LANGUAGE.md §2's printer: one canonical form, lossless, idempotent. */
import { describe, expect, it } from 'vitest';
import { and, comparison, fieldPath, or, parse, print, valueNode } from '../src/index.js';
import { withoutSpans } from './helpers.js';

describe('canonical form', () => {
  it.each([
    ['productKey=\'a\' AND (status = "started")', "productKey = 'a' and status = 'started'"],
    ['(a = 1 or b = 2) and c = 3', '(a = 1 or b = 2) and c = 3'],
    ['a = 1 or (b = 2 and c = 3)', 'a = 1 or b = 2 and c = 3'],
    ['((a = 1))', 'a = 1'],
    ['a <> 1', 'a != 1'],
    ['A IN ( "x" ,"y" )', "A in ('x', 'y')"],
    ['EXISTS ( tags.k )', 'exists(tags.k)'],
    ['NOT   EXISTS(tags.k)', 'not exists(tags.k)'],
    ['f IS NOT NULL', 'f is not null'],
    ['f is NULL', 'f is null'],
    ["name LIKE'x'", "name like 'x'"],
    ['x = TRUE or x = False', 'x = true or x = false'],
    ['x = 1.50 or x = 1E3 or x = -0 or x = 1e-7', 'x = 1.5 or x = 1000 or x = 0 or x = 1e-7'],
    ['p = "it\'s"', "p = 'it''s'"],
    ["p = 'C:\\fw'", "p = 'C:\\\\fw'"],
    ["p = 'a\\\\b'", "p = 'a\\\\b'"],
    ["p = 'line\nbreak'", "p = 'line\nbreak'"],
    ['', ''],
    ['  \u3000 ', ''],
  ])('%j prints %j', (text, printed) => {
    expect(print(parse(text))).toBe(printed);
  });

  it('null prints as the empty string', () => {
    expect(print(null)).toBe('');
  });

  it('integers past 2^53 keep an exponent so that they parse back', () => {
    const ast = comparison(fieldPath('x'), '=', valueNode(2 ** 60));
    expect(print(ast)).toBe('x = 1.152921504606847e+18');
    expect(withoutSpans(parse(print(ast)))).toEqual(withoutSpans(ast));
    expect(withoutSpans(parse(print(comparison(fieldPath('x'), '=', valueNode(1e21)))))).toEqual(
      withoutSpans(comparison(fieldPath('x'), '=', valueNode(1e21))),
    );
  });

  it('builders flatten nested same-kind nodes, so printing needs parentheses only for or inside and', () => {
    const a = comparison(fieldPath('a'), '=', valueNode(1));
    const b = comparison(fieldPath('b'), '=', valueNode(2));
    const c = comparison(fieldPath('c'), '=', valueNode(3));
    expect(print(and([a, and([b, c])]))).toBe('a = 1 and b = 2 and c = 3');
    expect(print(and([or([a, b]), c]))).toBe('(a = 1 or b = 2) and c = 3');
    expect(print(or([and([a, b]), c]))).toBe('a = 1 and b = 2 or c = 3');
  });

  it('is idempotent', () => {
    const text = "(a = 1 OR b <> 'x''y') AND NOT EXISTS(c) and d IN (1,2)";
    const once = print(parse(text));
    expect(print(parse(once))).toBe(once);
  });
});
