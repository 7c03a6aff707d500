/** docs/LANGUAGE.md §1 (lexical rules) and §2 (grammar), one example per rule, titled by the input text. */
import { describe, expect, it } from 'vitest';
import { parse, print, type Comparison, type Expression } from '../src/index.js';
import { parseError, textAt, withoutSpans } from './helpers.js';

const comparisonOf = (text: string): Comparison => {
  const ast = parse(text);
  if (ast?.type !== 'comparison') throw new Error(`not a comparison: ${text}`);
  return ast;
};
const valueOf = (text: string): unknown => {
  const node = comparisonOf(text);
  return 'value' in node ? node.value.value : undefined;
};

describe('white space and touching tokens (docs/LANGUAGE.md §1)', () => {
  it.each([
    ['\tproductKey\r\n=\n\u00a0"a"\u3000'],
    ["productKey='a'"],
    ["name like'x'"],
    ["productKey\u3000=\u3000'a'"],
  ])('%j parses to one comparison', (text) => {
    expect(parse(text)?.type).toBe('comparison');
  });

  it.each([[''], ['   '], ['\t\r\n\u00a0\u3000']])('blank text %j is null (matches everything)', (text) => {
    expect(parse(text)).toBeNull();
  });
});

describe('keywords (docs/LANGUAGE.md §1)', () => {
  it.each([
    ['a = 1 AND b = 2', 'and'],
    ['a = 1 And b = 2', 'and'],
    ['a = 1 oR b = 2', 'or'],
  ])('%j: keywords in any case', (text, type) => {
    expect(parse(text)?.type).toBe(type);
  });

  it.each([
    ['a IN (1)', 'in'],
    ["a LIKE 'x'", 'like'],
    ['a IS NULL', 'is null'],
    ['a Is Not Null', 'is not null'],
    ['EXISTS(a)', 'exists'],
    ['Not Exists ( a )', 'not exists'],
  ])('%j reads operator %s', (text, op) => {
    expect(comparisonOf(text).op).toBe(op);
  });

  it.each([['a = 1 andx b = 2'], ['a = 1 orb = 2'], ['a = 1 and']])(
    '%j is a syntax error (no keyword inside a word)',
    (text) => {
      expect(parseError(text).kind).toBe('syntax');
    },
  );

  it.each([
    ['and.x = 1', 'and.x'],
    ["name.in like 'x'", 'name.in'],
    ['exists.x = 1', 'exists.x'],
    ['andx = 1', 'andx'],
    ["tags.a-b/c = 'v'", 'tags.a-b/c'],
    ['_x.0.a_b = 1', '_x.0.a_b'],
  ])('%j: a keyword that does not stand alone is part of path %s', (text, path) => {
    expect(comparisonOf(text).path.text).toBe(path);
  });

  it.each([['or = 1'], ['and = 1'], ['null = 1'], ['in = 1']])('%j: a lone keyword is not a field', (text) => {
    expect(parseError(text).start).toBe(0);
  });

  it('"not = 1": not must be followed by exists', () => {
    expect(parseError('not = 1').message).toContain('expected "exists"');
  });

  it.each([
    ['Productkey', 'Productkey'],
    ['productKey', 'productKey'],
  ])('paths are case-sensitive: %s', (path, expected) => {
    expect(comparisonOf(`${path} = 'a'`).path.text).toBe(expected);
  });

  it('a path holds no white space', () => {
    expect(parseError("name .zh_CN like 'x'").kind).toBe('syntax');
  });
});

describe('strings (docs/LANGUAGE.md §1)', () => {
  it.each([
    ["p = 'abc'", 'abc'],
    ['p = "abc"', 'abc'],
    ["p = 'it''s'", "it's"],
    ['p = "say ""hi"""', 'say "hi"'],
    ["p = 'a\\\\b'", 'a\\b'],
    ["p = 'a\\'b'", "a'b"],
    ['p = "a\\"b"', 'a"b'],
    ["p = 'a\\\"b'", 'a"b'],
    ["p = 'C:\\fw'", 'C:\\fw'],
    ["p = '\\n'", '\\n'],
    ["p = ''", ''],
    ['p = ""', ''],
    ["p = 'tab\there'", 'tab\there'],
    ["p = 'line\nbreak\r\n'", 'line\nbreak\r\n'],
    ["p = '固件 🚀'", '固件 🚀'],
    ["p = '%_*.'", '%_*.'],
  ])('%j reads %j', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it.each([
    ["productKey = 'abc", 13],
    ["productKey = 'it''s", 13],
    ['productKey = "abc\\"', 13],
    ["productKey in ('a', 'b)", 20],
    ["a = 'x\\", 4],
  ])('unterminated %j points at its opening quote (%i)', (text, start) => {
    const error = parseError(text);
    expect(error.start).toBe(start);
    expect(error.end).toBe(start + 1);
    expect(error.message).toMatch(/Unterminated string/);
  });

  it.each([['‘'], ['’'], ['“'], ['”']])('typographic quote %s is not a delimiter, and the error says so', (quote) => {
    const text = `firmwareName like ${quote}xxx${quote}`;
    const error = parseError(text);
    expect(error.start).toBe(18);
    expect(error.message).toContain('Typographic quote');
    expect(error.hint).toMatch(/ASCII quote/);
  });
});

describe('numbers and booleans (docs/LANGUAGE.md §1)', () => {
  it.each([
    ['x = 0', 0],
    ['x = -0', 0],
    ['x = 42', 42],
    ['x = -1.5', -1.5],
    ['x = 1E3', 1000],
    ['x = 1.5e+2', 150],
    ['x = 2e-3', 0.002],
    ['x = 9007199254740991', 9007199254740991],
    ['x = -9007199254740991', -9007199254740991],
    ['x = 9007199254740992.0', 9007199254740992],
    ['x = 1e300', 1e300],
  ])('%j reads %d', (text, value) => {
    expect(Object.is(valueOf(text), value)).toBe(true);
  });

  it.each([
    ['x = 9007199254740992'],
    ['x = -9007199254740992'],
    ['x = 1e400'],
    ['x = -1e400'],
    ['x = 01'],
    ['x = 1.'],
    ['x = 1e'],
    ['x = .5'],
    ['x = +1'],
    ['x = 1x'],
    ['x = 0x10'],
  ])('%j is an error covering the number', (text) => {
    const error = parseError(text);
    expect(error.start).toBe(4);
  });

  it.each([
    ['x = true', true],
    ['x = TRUE', true],
    ['x = False', false],
  ])('%j reads %s', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it.each([['productKey = null'], ['x in (null)'], ['x != NULL']])('%j: null is only for is [not] null', (text) => {
    expect(parseError(text).message).toContain('is null');
  });
});

describe('grammar and tree shape (docs/LANGUAGE.md §2)', () => {
  it('and binds tighter than or', () => {
    const ast = parse('a = 1 or b = 2 and c = 3')!;
    expect(ast.type).toBe('or');
    expect((ast as Extract<Expression, { type: 'or' }>).children[1]!.type).toBe('and');
  });

  it('same-kind children are flattened; parentheses leave no node', () => {
    const ast = parse('a = 1 and (b = 2 and (c = 3)) and ((d = 4))')!;
    expect(ast.type).toBe('and');
    expect((ast as Extract<Expression, { type: 'and' }>).children).toHaveLength(4);
    expect(withoutSpans(parse('(a = 1)'))).toEqual(withoutSpans(parse('a = 1')));
  });

  it('<> is read as !=', () => {
    expect(comparisonOf('x <> 1').op).toBe('!=');
  });

  it.each([
    ['x = 1', '='],
    ['x != 1', '!='],
    ['x < 1', '<'],
    ['x <= 1', '<='],
    ['x > 1', '>'],
    ['x >= 1', '>='],
  ])('%j reads operator %s', (text, op) => {
    expect(comparisonOf(text).op).toBe(op);
  });

  it('spans cover path, operator, values and the whole comparison', () => {
    const text = "  name.zh_CN  like  '固件'  ";
    const node = comparisonOf(text);
    expect(textAt(text, node.path.span)).toBe('name.zh_CN');
    expect(textAt(text, node.opSpan)).toBe('like');
    expect(node.op === 'like' && textAt(text, node.value.span)).toBe("'固件'");
    expect(textAt(text, node.span)).toBe("name.zh_CN  like  '固件'");
  });

  it.each([
    ['a IS NOT NULL', 'IS NOT NULL'],
    ['NOT EXISTS (a)', 'NOT EXISTS'],
    ['a in (1, 2)', 'in'],
    ['a <> 1', '<>'],
  ])('operator span of %j covers %j', (text, op) => {
    expect(textAt(text, comparisonOf(text).opSpan)).toBe(op);
  });

  it('keyword spans of and/or nodes point at the keywords', () => {
    const text = 'a = 1 AND b = 2 and c = 3';
    const ast = parse(text)!;
    expect(ast.type === 'and' && ast.keywordSpans.map((s) => textAt(text, s))).toEqual(['AND', 'and']);
  });

  it.each([
    ["or productKey = 'a'"],
    ["(productKey = 'a'"],
    ['productKey in ()'],
    ["productKey = 'a' productKey = 'b'"],
    ["productKey not in ('a')"],
    ["productKey = 'a' && status = 'b'"],
    ["= 'a'"],
    ["productKey in 'a'"],
    ["productKey = 'a';"],
    ['a like 1'],
    ['exists(a = 1)'],
    ['not a = 1'],
    ['a is not'],
    ['()'],
  ])('%j is a syntax error', (text) => {
    expect(parseError(text).kind).toBe('syntax');
  });
});

describe('syntax error messages (docs/LANGUAGE.md §4)', () => {
  it('say what was expected and what was found, with line and column', () => {
    const error = parseError("productKey = 'a'\n  orr status = 'b'");
    expect(error.message).toBe(
      'Syntax error at line 2, column 3: expected "and", "or" or the end of the expression, but found "orr"',
    );
    expect([error.start, error.end, error.line, error.column]).toEqual([19, 22, 2, 3]);
  });

  it('cover an empty span at the end when the text ends too early', () => {
    const text = 'productKey = ';
    const error = parseError(text);
    expect([error.start, error.end]).toEqual([text.length, text.length]);
    expect(error.message).toContain('expected a value');
    expect(error.message).toContain('but found the end of the expression');
  });

  it('name the operators in words when one is missing', () => {
    expect(parseError("productKey 'a'").message).toContain('expected an operator (=, !=');
  });

  it('cover a whole operator-like token', () => {
    const text = 'a = 1 && b = 2';
    expect(textAt(text, parseError(text))).toBe('&&');
  });
});

describe('limits (docs/LANGUAGE.md §4)', () => {
  const nested = (depth: number): string => `${'('.repeat(depth)}a = 1${')'.repeat(depth)}`;

  it('32 open parentheses are allowed', () => {
    expect(print(parse(nested(32)))).toBe('a = 1');
  });

  it('a 33rd is a limit error covering it', () => {
    const error = parseError(nested(33));
    expect(error.kind).toBe('limit');
    expect([error.start, error.end]).toEqual([32, 33]);
    expect(error.message).toContain('32');
  });

  it('10,000 nested parentheses answer with the limit diagnostic, not a stack overflow', () => {
    expect(parseError(nested(10_000), { limits: { maxLength: 100_000 } }).kind).toBe('limit');
  });

  it('the depth limit is configurable', () => {
    expect(parseError(nested(3), { limits: { maxDepth: 2 } }).start).toBe(2);
    expect(parse(nested(40), { limits: { maxDepth: 40 } })).not.toBeNull();
  });

  it('text past 10,000 characters is a limit error covering the excess', () => {
    const text = `productKey = '${'a'.repeat(10_000)}'`;
    const error = parseError(text);
    expect(error.kind).toBe('limit');
    expect([error.start, error.end]).toEqual([10_000, text.length]);
    expect(parseError('x'.repeat(1_000_000)).kind).toBe('limit');
  });

  it('1,000 values in one in are allowed; the 1,001st is a limit error covering it', () => {
    const values = (n: number): string[] => Array.from({ length: n }, (_, i) => `'${i}'`);
    expect(parse(`p in (${values(1000).join(', ')})`)).not.toBeNull();
    const text = `p in (${values(1001).join(',')})`;
    const error = parseError(text);
    expect(error.kind).toBe('limit');
    expect(textAt(text, error)).toBe("'1000'");
  });

  it('100,000 values with a raised length limit still get the list-limit diagnostic', () => {
    const text = `p in (${Array.from({ length: 100_000 }, (_, i) => i).join(',')})`;
    expect(parseError(text, { limits: { maxLength: 2_000_000 } }).kind).toBe('limit');
  });

  it('200 comparisons are allowed; the 201st (exists and is null count) is a limit error covering it', () => {
    const some = (n: number): string[] =>
      Array.from({ length: n }, (_, i) => (i % 2 ? `exists(f${i})` : `f${i} is null`));
    expect(parse(some(200).join(' or '))).not.toBeNull();
    const text = some(201).join(' and ');
    const error = parseError(text);
    expect(error.kind).toBe('limit');
    expect(textAt(text, error)).toBe('exists(f200)'.replace('exists(f200)', text.slice(error.start, error.end)));
    expect(error.start).toBe(text.lastIndexOf(' and ') + 5);
  });

  it('10,000 ands with a raised length limit get the comparison-limit diagnostic', () => {
    const text = Array.from({ length: 10_001 }, (_, i) => `a = ${i}`).join(' and ');
    expect(parseError(text, { limits: { maxLength: 1_000_000 } }).kind).toBe('limit');
  });

  it('all limits are configurable', () => {
    expect(parseError('a = 1 or b = 2', { limits: { maxComparisons: 1 } }).kind).toBe('limit');
    expect(parseError('a in (1, 2)', { limits: { maxInValues: 1 } }).kind).toBe('limit');
    expect(parseError('a = 1', { limits: { maxLength: 3 } }).kind).toBe('limit');
  });
});
