/**
 * Corners of parse.ts, syntax-error.ts and ast.ts that the other language tests leave open: the token a syntax
 * message quotes when a double-quoted string ends in a backslash, `or` without keyword spans, the two passes of the
 * parser (the fast one alone for a valid text; the described one's answer when only the fast one fails), and the
 * problem of a grammar check without a hint.
 */
import { describe, expect, it } from 'vitest';
import { comparison, fieldPath, or, valueNode, type Expression } from '../../src/index.js';
import { DEFAULT_LIMITS as LIMITS } from '../../src/language/limits.js';
import { parseText, parseTextWith, type GeneratedParser } from '../../src/language/parse.js';
import { parseError } from '../helpers.js';

const at = (start: number, end: number) => ({ start, end });

describe('the token a syntax message quotes', () => {
  it('a double-quoted string cut short after a backslash is quoted whole, backslash included', () => {
    const text = 'a = 1 "abc\\';
    const diagnostic = parseError(text);
    expect(diagnostic.message).toBe(
      'Syntax error at line 1, column 7: expected "and", "or" or the end of the expression, but found "\\"abc\\\\"',
    );
    expect([diagnostic.start, diagnostic.end]).toEqual([6, text.length]);
  });

  it('so does a single-quoted one', () => {
    const text = "a = 1 'abc\\";
    const diagnostic = parseError(text);
    expect([diagnostic.start, diagnostic.end]).toEqual([6, text.length]);
  });
});

describe('or without keyword spans', () => {
  it('has none, as and has none', () => {
    const x = comparison(fieldPath('a', at(0, 1)), '=', valueNode(1, at(4, 5)), { span: at(0, 5) });
    const y = comparison(fieldPath('b', at(9, 10)), '=', valueNode(2, at(13, 14)), { span: at(9, 14) });
    expect(or([x, y])).toEqual({ type: 'or', children: [x, y], keywordSpans: [], span: at(0, 14) });
  });
});

describe('the two passes of the parser', () => {
  class FakeSyntaxError extends Error {
    readonly expected: readonly string[] = ['end'];
    readonly offset: number = 0;
  }
  const tree: Expression = comparison(fieldPath('a', at(0, 1)), 'exists', undefined, { span: at(0, 1) });
  type Options = Parameters<GeneratedParser['parse']>[1];

  it('a valid text is parsed once, with the bookkeeping of error messages off', () => {
    const calls: Options[] = [];
    const parser: GeneratedParser = {
      parse: (_input, options) => {
        calls.push(options);
        return tree;
      },
      SyntaxError: FakeSyntaxError,
    };
    expect(parseTextWith(parser, 'exists(a)', LIMITS)).toEqual({ ok: true, ast: tree });
    expect(calls).toEqual([{ limits: LIMITS, peg$silentFails: 1 }]);
  });

  it('when only the fast pass fails, the described pass answers, and its tree is the result', () => {
    const calls: Options[] = [];
    const parser: GeneratedParser = {
      parse: (_input, options) => {
        calls.push(options);
        if (options.peg$silentFails !== undefined) throw new FakeSyntaxError();
        return tree;
      },
      SyntaxError: FakeSyntaxError,
    };
    expect(parseTextWith(parser, 'exists(a)', LIMITS)).toEqual({ ok: true, ast: tree });
    expect(calls).toEqual([{ limits: LIMITS, peg$silentFails: 1 }, { limits: LIMITS }]);
  });
});

describe('a grammar check without a hint', () => {
  it('gives a problem with no hint property at all', () => {
    expect(parseText('a = 1e999', LIMITS)).toStrictEqual({
      ok: false,
      problem: {
        severity: 'error',
        kind: 'syntax',
        message: 'Number 1e999 is out of range: it is not a finite number',
        span: at(4, 9),
      },
    });
  });
});
