/**
 * docs/LANGUAGE.md §4's syntax diagnostics, exactly: the message, the span it covers and the fix an editor offers,
 * for each common mistake (src/language/mistakes.ts), each token the message names (syntax-error.ts), and each
 * error the grammar's own checks raise (grammar-support.ts).
 */
import { describe, expect, it } from 'vitest';
import { parse, type Diagnostic, type Fix } from '../../src/index.js';
import { parseError } from '../helpers.js';

interface Expected {
  readonly message: string;
  readonly at: readonly [number, number];
  readonly hint?: string;
  readonly fixes?: readonly Fix[];
}

/** The parts of the diagnostic a user sees, hint and fixes only when there are some. */
const seen = (diagnostic: Diagnostic): Expected => ({
  message: diagnostic.message,
  at: [diagnostic.start, diagnostic.end],
  ...(diagnostic.hint === undefined ? {} : { hint: diagnostic.hint }),
  ...(diagnostic.fixes === undefined ? {} : { fixes: diagnostic.fixes }),
});

const replace = (message: string, start: number, end: number, insert: string): Fix[] => [
  { message, edits: [{ start, end, insert }] },
];
const syntax = (column: number, says: string): string => `Syntax error at line 1, column ${column}: ${says}`;
const AND_OR_END = 'expected "and", "or" or the end of the expression, but found';
const FIELD_START = 'expected a field name, "(", "exists", "not" or the end of the expression, but found';
const VALUE = 'expected a value (a quoted string, a number, true or false), but found';
const OPERATOR = 'expected an operator (=, !=, <>, <, <=, >, >=, in, like, is null, is not null), but found';

describe('habits from other languages: write what this language writes instead', () => {
  it.each<[string, Expected]>([
    [
      'a == 1',
      { message: syntax(3, 'write = instead of =='), at: [2, 4], fixes: replace('replace == with =', 2, 4, '=') },
    ],
    [
      'a = 1 ==',
      { message: syntax(7, 'write = instead of =='), at: [6, 8], fixes: replace('replace == with =', 6, 8, '=') },
    ],
    [
      'a = 1 && b = 2',
      { message: syntax(7, 'write and instead of &&'), at: [6, 8], fixes: replace('replace && with and', 6, 8, 'and') },
    ],
    [
      'a = 1 || b = 2',
      { message: syntax(7, 'write or instead of ||'), at: [6, 8], fixes: replace('replace || with or', 6, 8, 'or') },
    ],
  ])('%j', (text, expected) => {
    expect(seen(parseError(text))).toEqual(expected);
  });

  it.each([
    ['a = 1&&b = 2', 5, ' and '],
    ['a = 1 &&b = 2', 6, 'and '],
    ['a = 1&& b = 2', 5, ' and'],
    ['&&a = 1', 0, 'and '],
    ['a = 1&&', 5, ' and'],
    ['a = 1 &&', 6, 'and'],
    ['a = 1\t&&\nb = 2', 6, 'and'],
  ])('%j: the word replacing && gets a space where it would touch its neighbour', (text, start, insert) => {
    expect(parseError(text).fixes).toEqual(replace('replace && with and', start, start + 2, insert));
  });

  it.each([
    ['a = 1||b = 2', 5, ' or '],
    ['a = 1 ||b = 2', 6, 'or '],
    ['a = 1|| b = 2', 5, ' or'],
  ])('%j: the same for ||', (text, start, insert) => {
    expect(parseError(text).fixes).toEqual(replace('replace || with or', start, start + 2, insert));
  });

  it.each([
    ['!a = 1', 0],
    ['a != 1 and !b = 2', 11],
  ])('%j: negation has no ! prefix, and there is no fix to offer', (text, start) => {
    const error = parseError(text);
    expect(error.message).toBe(
      syntax(
        start + 1,
        "negation is written !=, not exists(f) or is not null; EnOS Edge's (!f = 'v') form is not supported",
      ),
    );
    expect([error.start, error.end]).toEqual([start, start + 1]);
    expect(error).not.toHaveProperty('fixes');
  });

  it('"a =!b": a ! right after the operator is a negation too, covering the ! alone', () => {
    const error = parseError('a =!b');
    expect([error.start, error.end]).toEqual([3, 4]);
    expect(error.message).toMatch(/^Syntax error at line 1, column 4: negation is written !=/);
  });

  it.each([
    ['a==1', 1, 3, '==', '='],
    ['a\uFF1D1', 1, 2, '\uFF1D', '='],
  ])('%j: a one-character replacement gets no spaces', (text, start, end, found, ascii) => {
    expect(parseError(text).fixes).toEqual(replace(`replace ${found} with ${ascii}`, start, end, ascii));
  });

  it('"!=" where a field should be is reported as found, not as a negation', () => {
    expect(seen(parseError('!= 1'))).toEqual({ message: syntax(1, `${FIELD_START} "!="`), at: [0, 2] });
  });

  it.each([
    ['a = 1 | b = 2', '|'],
    ['a = 1 & b = 2', '&'],
  ])('%j: a single %s is not a mistake this knows', (text, found) => {
    expect(seen(parseError(text))).toEqual({
      message: syntax(7, `${AND_OR_END} ${JSON.stringify(found)}`),
      at: [6, 7],
    });
  });
});

describe('full-width punctuation of Chinese input methods', () => {
  it.each([
    ['a \uFF1D 1', 2, '\uFF1D', '='],
    ['a in \uFF081, 2)', 5, '\uFF08', '('],
    ['a in (1\uFF0C 2)', 7, '\uFF0C', ','],
    ['a in (1, 2\uFF09', 10, '\uFF09', ')'],
    ['\uFF01a = 1', 0, '\uFF01', '!'],
    ['a \uFF01= 1', 2, '\uFF01', '!'],
  ])('%j: write the ASCII character instead', (text, start, found, ascii) => {
    expect(seen(parseError(text))).toEqual({
      message: syntax(start + 1, `write ${ascii} instead of ${found}`),
      at: [start, start + 1],
      fixes: replace(`replace ${found} with ${ascii}`, start, start + 1, ascii),
    });
  });
});

describe('typographic quotes', () => {
  it.each<[string, Expected]>([
    [
      'a = ‘x’',
      {
        message: 'Typographic quote ‘ is not a string delimiter',
        at: [4, 5],
        hint: "use the ASCII quote ' instead of ‘",
        fixes: [
          {
            message: "replace ‘ and ’ with '",
            edits: [
              { start: 4, end: 5, insert: "'" },
              { start: 6, end: 7, insert: "'" },
            ],
          },
        ],
      },
    ],
    [
      'a = ‘’',
      {
        message: 'Typographic quote ‘ is not a string delimiter',
        at: [4, 5],
        hint: "use the ASCII quote ' instead of ‘",
        fixes: [
          {
            message: "replace ‘ and ’ with '",
            edits: [
              { start: 4, end: 5, insert: "'" },
              { start: 5, end: 6, insert: "'" },
            ],
          },
        ],
      },
    ],
    [
      'a = ”x“',
      {
        message: 'Typographic quote ” is not a string delimiter',
        at: [4, 5],
        hint: 'use the ASCII quote " instead of ”',
        fixes: [
          {
            message: 'replace ” and “ with "',
            edits: [
              { start: 4, end: 5, insert: '"' },
              { start: 6, end: 7, insert: '"' },
            ],
          },
        ],
      },
    ],
    [
      'a like “x',
      {
        message: 'Typographic quote “ is not a string delimiter',
        at: [7, 8],
        hint: 'use the ASCII quote " instead of “',
        fixes: replace('replace “ with "', 7, 8, '"'),
      },
    ],
    [
      'a like ’x',
      {
        message: 'Typographic quote ’ is not a string delimiter',
        at: [7, 8],
        hint: "use the ASCII quote ' instead of ’",
        fixes: replace("replace ’ with '", 7, 8, "'"),
      },
    ],
  ])('%j: a value opening with one', (text, expected) => {
    expect(seen(parseError(text))).toEqual(expected);
  });

  it.each([
    ['a = 1 and‘b', '‘', "'"],
    ['a = 1 and’b', '’', "'"],
    ['a = 1 and“b', '“', '"'],
    ['a = 1 and”b', '”', '"'],
  ])('%j: where no value stands, the quote is still named and replaced', (text, quote, ascii) => {
    expect(seen(parseError(text))).toEqual({
      message: syntax(10, `typographic quote ${quote} is not a string delimiter`),
      at: [9, 10],
      fixes: replace(`replace ${quote} with ${ascii}`, 9, 10, ascii),
    });
  });

  it('the partner is the next typographic quote, whichever it is', () => {
    expect(parseError('a = 1 and’b”').fixes).toEqual([
      {
        message: "replace ’ and ” with '",
        edits: [
          { start: 9, end: 10, insert: "'" },
          { start: 11, end: 12, insert: "'" },
        ],
      },
    ]);
  });
});

describe('invisible characters', () => {
  it.each([
    ['\uFEFFa = 1', 0, 'U+FEFF'],
    ['a = 1\u200B', 5, 'U+200B'],
    ['a\u00AD= 1', 1, 'U+00AD'],
    ['a = 1 \u200D', 6, 'U+200D'],
  ])('%j: named by code point, removed by the fix', (text, start, name) => {
    expect(seen(parseError(text))).toEqual({
      message: syntax(start + 1, `invisible character ${name} (pasted with the text?)`),
      at: [start, start + 1],
      fixes: replace(`remove ${name}`, start, start + 1, ''),
    });
  });
});

describe('a word where a value stands is a string without its quotes', () => {
  it.each([
    ['a = hello', 4, 'hello', VALUE],
    ['a = hello.world-x/y z', 4, 'hello.world-x/y', VALUE],
    ['a = _x9', 4, '_x9', VALUE],
    ['a = Zz', 4, 'Zz', VALUE],
    ['a in (x, 1)', 6, 'x', VALUE],
    ['a in (1, y_2)', 9, 'y_2', VALUE],
    ['a like foo', 7, 'foo', 'expected a quoted string, but found'],
  ])('%j', (text, start, word, expected) => {
    const end = start + word.length;
    expect(seen(parseError(text))).toEqual({
      message: syntax(start + 1, `${expected} ${JSON.stringify(word)}: strings need quotes`),
      at: [start, end],
      fixes: [{ message: `write '${word}'`, edits: [{ start, end, insert: `'${word}'` }] }],
    });
  });

  it.each([
    ['a b', 2, 'b', OPERATOR],
    ['a = 1 x', 6, 'x', AND_OR_END],
    ['a = -x', 4, '-x', VALUE],
    ['a = ,', 4, ',', VALUE],
  ])('%j: not where no value stands, nor for what is not a word', (text, start, found, expected) => {
    expect(seen(parseError(text))).toEqual({
      message: syntax(start + 1, `${expected} ${JSON.stringify(found)}`),
      at: [start, start + found.length],
    });
  });
});

describe('what a syntax error says it expected', () => {
  it.each([
    ['a = 1 and b = 2 or', 19, 'expected a field name, "(", "exists" or "not", but found the end of the expression'],
    ['(a = 1', 7, 'expected ")", "and" or "or", but found the end of the expression'],
    ['a in (1 2)', 9, 'expected "," or ")", but found "2"'],
    ['exists(a', 9, 'expected ")", but found the end of the expression'],
    ['a is', 5, 'expected "not" or "null", but found the end of the expression'],
    ['a is not', 9, 'expected "null", but found the end of the expression'],
    ['not exists a', 12, 'expected "(", but found "a"'],
    ['noT = 1', 5, 'expected "exists", but found "="'],
    ['a = 1 and b', 12, `${OPERATOR} the end of the expression`],
    ['a =', 4, `${VALUE} the end of the expression`],
    ['a in ()', 7, `${VALUE} ")"`],
  ])('%j: %s', (text, column, says) => {
    expect(parseError(text).message).toBe(syntax(column, says));
  });

  it('a line and column after line breaks', () => {
    expect(parseError('a = 1\r\n and\r  b').message).toBe(
      'Syntax error at line 3, column 4: expected an operator (=, !=, <>, <, <=, >, >=, in, like, is null, is not null), but found the end of the expression',
    );
  });
});

describe('what a syntax error says it found: the whole token', () => {
  it.each([
    ["a = 1 'x y'", "'x y'"],
    ["a = 1 'it''s' b", "'it''s'"],
    ["a = 1 'a\\'b' c", "'a\\'b'"],
    ['a = 1 "x""y" c', '"x""y"'],
    ['a = 1 "a\\"b" c', '"a\\"b"'],
    ["a = 1 'unterminated", "'unterminated"],
    ["a = 1 'ends in \\", "'ends in \\"],
    ['a = 1 >=<x', '>=<'],
    ['a = 1 &|<x', '&|<'],
    ['a = 1 x.y-z/w(', 'x.y-z/w'],
    ['a = 1 AZ_09 x', 'AZ_09'],
    ['a = 1 123 x', '123'],
    ['a = 1 😀x', '😀'],
    ['a = 1 \u{10000}\u{10000}', '\u{10000}'],
    ['a = 1 固x', '固'],
    ['a = 1 \uffffx', '\uffff'],
    ['a = 1 éx', 'é'],
    ['a = 1 (x', '('],
  ])('%j: found %j', (text, found) => {
    const error = parseError(text);
    expect(seen(error)).toEqual({
      message: syntax(7, `${AND_OR_END} ${JSON.stringify(found)}`),
      at: [6, 6 + found.length],
    });
  });
});

describe("the grammar's own checks", () => {
  const JSON_SYNTAX = 'numbers are written as in JSON (no leading zeros, digits after "." and after the exponent)';

  it.each(['01', '-01', '1.', '1e', '1e+', '1x', '0x10', '1.5.2', '00'])('%s is not a JSON number', (raw) => {
    expect(seen(parseError(`x = ${raw}`))).toEqual({
      message: `Invalid number ${raw}: ${JSON_SYNTAX}`,
      at: [4, 4 + raw.length],
    });
  });

  it.each(['0', '-0', '10', '-1.05', '1e5', '1E+5', '2.5e-3', '0.0', '9007199254740991', '1.0e308'])(
    '%s is a JSON number',
    (raw) => {
      const ast = parse(`x = ${raw}`);
      expect(ast?.type === 'comparison' && 'value' in ast && ast.value.value).toBe(Number(raw) === 0 ? 0 : Number(raw));
    },
  );

  it('-0 reads as 0', () => {
    const ast = parse('x = -0.0');
    expect(ast?.type === 'comparison' && 'value' in ast && Object.is(ast.value.value, 0)).toBe(true);
  });

  it.each(['1e400', '-1e400', '1.8e308'])('%s is out of range', (raw) => {
    expect(seen(parseError(`x = ${raw}`))).toEqual({
      message: `Number ${raw} is out of range: it is not a finite number`,
      at: [4, 4 + raw.length],
    });
  });

  it.each(['9007199254740992', '-9007199254740992', '12345678901234567890'])(
    'integer %s is out of range, with the fix of quoting it',
    (raw) => {
      const end = 4 + raw.length;
      expect(seen(parseError(`x = ${raw}`))).toEqual({
        message: `Integer ${raw} is out of range: integers are limited to ±9007199254740991 (2^53−1)`,
        at: [4, end],
        hint: 'write it as a string if it is an identifier',
        fixes: [
          {
            message: `write '${raw}'`,
            edits: [
              { start: 4, end: 4, insert: "'" },
              { start: end, end, insert: "'" },
            ],
          },
        ],
      });
    },
  );

  it('a large integer with a fraction or an exponent is not a plain integer', () => {
    expect(parse('x = 9007199254740993.0')).not.toBeNull();
    expect(parse('x = 9007199254740993e0')).not.toBeNull();
  });

  it.each(['x = 01', 'x = 1e400', 'x = 9007199254740992', 'x = null', "x = 'abc", 'x = ‘a’'])(
    '%j is a syntax error',
    (text) => {
      expect(parseError(text).kind).toBe('syntax');
    },
  );

  it.each(['x = null', 'x in (1, NULL)'])('%j: null is not a value', (text) => {
    const start = text.search(/null/i);
    expect(seen(parseError(text))).toEqual({
      message: 'null is not a value: it appears only in "is null" and "is not null"',
      at: [start, start + 4],
      hint: 'write "f is null" or "f is not null"',
    });
  });

  it.each([
    ["a = 'abc", "'", 4, 8],
    ['a = "abc', '"', 4, 8],
    ["a in ('x', 'y", "'", 11, 13],
    ["a = 'x\\", "'", 4, 7],
  ])('%j: unterminated %s string, with the fix of closing it', (text, quote, start, end) => {
    expect(seen(parseError(text))).toEqual({
      message: `Unterminated string: the ${quote} here is never closed`,
      at: [start, start + 1],
      hint: `end the string with ${quote}; write ${quote}${quote} for a ${quote} inside it`,
      fixes: replace(`end the string with ${quote}`, end, end, quote),
    });
  });

  it.each(['and', 'or', 'not', 'in', 'like', 'exists', 'is', 'null', 'true', 'false'])(
    'keyword %s standing alone is not a field, in any case',
    (word) => {
      for (const spelling of [word, word.toUpperCase()]) {
        expect(() => parse(`${spelling} = 1`)).toThrow();
        expect(() => parse(`a = 1 and ${spelling} = 1`)).toThrow();
      }
    },
  );

  it.each([
    'andx',
    'ors',
    'nott',
    'inn',
    'likes',
    'existsx',
    'isx',
    'nulls',
    'truex',
    'falsey',
    'i',
    'an',
    'o',
    'exist',
  ])('%s is a field: not a keyword standing alone', (word) => {
    const ast = parse(`${word} = 1`);
    expect(ast?.type === 'comparison' && ast.path.text).toBe(word);
  });
});
