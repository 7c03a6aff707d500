/**
 * docs/LANGUAGE.md §4's diagnostics as data: the exact text of each message, where a diagnostic lands in the text
 * (line and column, with LF, CR and CRLF line ends), the order `check` lists them in, and the error `parse` throws.
 */
import { describe, expect, it } from 'vitest';
import {
  byPosition,
  lineAndColumn,
  locate,
  locateInTree,
  logicalOperatorNotAllowedMessage,
  operatorNotAllowedMessage,
  textTooLongMessage,
  unknownFieldMessage,
  unknownLocaleMessage,
  unknownValueMessage,
  valueTypeMessage,
  type Diagnostic,
  type Problem,
} from '../../src/diagnostics/diagnostic.js';
import { ExpressionError, INVALID_PARAMETER, check, defineSchema, parse } from '../../src/index.js';

const schema = defineSchema({
  name: 'device',
  fields: {
    status: { type: 'string', operators: ['=', 'in'], values: ['started', 'stopped'] },
    count: { type: 'number', operators: ['=', '<'] },
    name: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en_US'] },
  },
  logical: ['and'],
});
const onlyOr = defineSchema({ name: 'o', fields: { a: { type: 'number', operators: ['='] } }, logical: ['or'] });
const noLogic = defineSchema({ name: 'n', fields: { a: { type: 'number', operators: ['='] } }, logical: [] });

const problem = (start: number, end: number, extra: Partial<Problem> = {}): Problem => ({
  severity: 'error',
  kind: 'syntax',
  message: 'm',
  span: { start, end },
  ...extra,
});

describe('message builders give docs/LANGUAGE.md §4 its exact text', () => {
  // The builders run inside the test, not in the table: a title computed at collection would change with the code.
  it.each<[string, () => string, string]>([
    [
      'operator, one allowed',
      () => operatorNotAllowedMessage('=', ['like']),
      'Do not allow operator op =, allowed op [like]',
    ],
    [
      'operator, two allowed',
      () => operatorNotAllowedMessage('like', ['=', 'in']),
      'Do not allow operator op like, allowed op [=, in]',
    ],
    ['unknown field', () => unknownFieldMessage('nme', ['a', 'b']), 'Unknown field nme: supported fields are a, b'],
    [
      'unknown locale',
      () => unknownLocaleMessage('name.fr', 'name', ['name.zh_CN', 'name.en_US']),
      'Unknown locale in name.fr: name supports name.zh_CN, name.en_US',
    ],
    [
      'value type',
      () => valueTypeMessage('count', 'number', "string 'x'"),
      "Field count expects a number value, found string 'x'",
    ],
    [
      'logical operator, none allowed',
      () => logicalOperatorNotAllowedMessage('or', []),
      'Do not allow logical operator or, allowed logical operators [none]',
    ],
    [
      'logical operator, two allowed',
      () => logicalOperatorNotAllowedMessage('or', ['and', 'not']),
      'Do not allow logical operator or, allowed logical operators [and, not]',
    ],
    [
      'unknown value',
      () => unknownValueMessage('status', 'x', ['started', 'stopped']),
      "Unknown value 'x' for status: known values are started, stopped; the expression matches nothing here",
    ],
    [
      'text too long',
      () => textTooLongMessage(12, 10),
      'Text length limit exceeded: the expression is 12 characters long, at most 10 are allowed',
    ],
  ])('%s', (_, message, expected) => {
    expect(message()).toBe(expected);
  });

  it.each([
    ['count = 1 or count = 2', 'Do not allow logical operator or, allowed logical operators [and]', schema],
    ['a = 1 and a = 2', 'Do not allow logical operator and, allowed logical operators [or]', onlyOr],
    ['a = 1 or a = 2', 'Do not allow logical operator or, allowed logical operators [none]', noLogic],
  ])('check(%j) reports %j', (text, message, against) => {
    expect(check(text, { schema: against }).diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('an unknown value is a warning with the known values, a hint and a fix', () => {
    const text = "status = 'startd'";
    const { ok, diagnostics } = check(text, { schema });
    expect(ok).toBe(true);
    expect(diagnostics).toEqual([
      {
        code: INVALID_PARAMETER,
        severity: 'warning',
        kind: 'unknown-value',
        message:
          "Unknown value 'startd' for status: known values are started, stopped; the expression matches nothing here",
        start: 9,
        end: 17,
        line: 1,
        column: 10,
        hint: "did you mean 'started'?",
        fixes: [{ message: "replace with 'started'", edits: [{ start: 9, end: 17, insert: "'started'" }] }],
      },
    ]);
  });

  it('a diagnostic without hint or fixes has neither property', () => {
    const [diagnostic] = check("count = 'x'", { schema }).diagnostics;
    expect(diagnostic).toEqual({
      code: 99400,
      severity: 'error',
      kind: 'value-type',
      message: 'Field count expects a number value, found string "x"',
      start: 8,
      end: 11,
      line: 1,
      column: 9,
    });
    expect(Object.keys(diagnostic!)).not.toContain('hint');
    expect(Object.keys(diagnostic!)).not.toContain('fixes');
  });

  it('an unknown locale names the field and its locales', () => {
    expect(check("name.fr like 'x'", { schema }).diagnostics[0]!.message).toBe(
      'Unknown locale in name.fr: name supports name, name.defaultValue, name.default, name.zh_CN, name.en_US',
    );
  });

  it('an operator that is not allowed lists the allowed ones', () => {
    expect(check("status like 'x'", { schema }).diagnostics[0]!.message).toBe(
      'Do not allow operator op like, allowed op [=, in]',
    );
  });

  it('an unknown field lists the supported ones', () => {
    expect(check('zzzzzz = 1', { schema }).diagnostics[0]!.message).toBe(
      'Unknown field zzzzzz: supported fields are status, count, name',
    );
  });
});

describe('check lists diagnostics by position: start, then end', () => {
  it('sorts by start', () => {
    const text = "count = 'x' and zzzzzz = 1 and status = 'q'";
    expect(check(text, { schema }).diagnostics.map((d) => d.start)).toEqual([8, 16, 40]);
  });

  it.each([
    [{ start: 1, end: 5 }, { start: 2, end: 3 }, -1],
    [{ start: 2, end: 3 }, { start: 1, end: 5 }, 1],
    [{ start: 2, end: 3 }, { start: 2, end: 5 }, -2],
    [{ start: 2, end: 5 }, { start: 2, end: 3 }, 2],
    [{ start: 2, end: 3 }, { start: 2, end: 3 }, 0],
  ])('byPosition(%j, %j) is %i', (a, b, order) => {
    expect(byPosition(a as Diagnostic, b as Diagnostic)).toBe(order);
  });
});

describe('lines end at LF, CR or CRLF; columns count UTF-16 code units', () => {
  it.each([
    ['ab', 0, 1, 1],
    ['ab', 2, 1, 3],
    ['a\nb', 1, 1, 2],
    ['a\nb', 2, 2, 1],
    ['a\rb', 2, 2, 1],
    ['a\r\nb', 2, 1, 3],
    ['a\r\nb', 3, 2, 1],
    ['a\n\nb', 3, 3, 1],
    ['a\r\rb', 3, 3, 1],
    ['a\n\r\nbc', 5, 3, 2],
    ['固件\n😀x', 5, 2, 3],
  ])('%j at offset %i is line %i, column %i', (text, offset, line, column) => {
    expect(lineAndColumn(text, offset)).toEqual({ line, column });
  });

  it.each([
    ["count = 1 and\ncount = 'x'", 2, 9],
    ["count = 1 and\rcount = 'x'", 2, 9],
    ["count = 1 and\r\ncount = 'x'", 2, 9],
    ["count = 1 and\r\n\r\n  count = 'x'", 3, 11],
  ])('check(%j) places the wrong value at line %i, column %i', (text, line, column) => {
    expect(check(text, { schema }).diagnostics.map((d) => [d.line, d.column])).toEqual([[line, column]]);
  });
});

describe('locate: a problem placed in its text', () => {
  it('keeps a span inside the text and adds line and column', () => {
    expect(locate('ab\ncd', problem(3, 5))).toEqual({
      code: 99400,
      severity: 'error',
      kind: 'syntax',
      message: 'm',
      start: 3,
      end: 5,
      line: 2,
      column: 1,
    });
  });

  it.each([
    [-3, 2, 0, 2],
    [-3, -1, 0, 0],
    [7, 9, 5, 5],
    [2, 1, 2, 2],
    [2, 99, 2, 5],
    [5, 5, 5, 5],
  ])('clamps span [%i, %i) to [%i, %i) in a text of five', (start, end, clampedStart, clampedEnd) => {
    const diagnostic = locate('abcde', problem(start, end));
    expect([diagnostic.start, diagnostic.end]).toEqual([clampedStart, clampedEnd]);
    expect(diagnostic.column).toBe(clampedStart + 1);
  });

  it('carries the hint and the fixes when there are some', () => {
    const fixes = [{ message: 'f', edits: [{ start: 0, end: 1, insert: 'x' }] }];
    expect(locate('abc', problem(0, 1, { hint: 'h', fixes, severity: 'warning', kind: 'limit' }))).toEqual({
      code: 99400,
      severity: 'warning',
      kind: 'limit',
      message: 'm',
      start: 0,
      end: 1,
      line: 1,
      column: 1,
      hint: 'h',
      fixes,
    });
  });
});

describe('locateInTree: a problem in a tree without its text is on line 1', () => {
  it.each([
    [4, 9, 4, 9, 5],
    [-2, 3, 0, 3, 1],
    [6, 2, 6, 6, 7],
    [0, 0, 0, 0, 1],
  ])('span [%i, %i) is placed at [%i, %i), column %i', (start, end, placedStart, placedEnd, column) => {
    expect(locateInTree(problem(start, end, { hint: 'h' }))).toEqual({
      code: 99400,
      severity: 'error',
      kind: 'syntax',
      message: 'm',
      start: placedStart,
      end: placedEnd,
      line: 1,
      column,
      hint: 'h',
    });
  });
});

describe('ExpressionError', () => {
  it('carries every diagnostic, the first one as its message, and code 99400', () => {
    let thrown: unknown;
    try {
      parse('a = ');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExpressionError);
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as ExpressionError;
    expect(error.name).toBe('ExpressionError');
    expect(error.code).toBe(99400);
    expect(error.diagnostics).toHaveLength(1);
    expect(error.message).toBe(error.diagnostics[0]!.message);
    expect(String(error)).toBe(`ExpressionError: ${error.diagnostics[0]!.message}`);
  });

  it('without diagnostics says "Invalid expression"', () => {
    const error = new ExpressionError([]);
    expect(error.message).toBe('Invalid expression');
    expect(error.diagnostics).toEqual([]);
    expect(error.code).toBe(INVALID_PARAMETER);
  });

  it('keeps all the diagnostics it is given', () => {
    const diagnostics = [locate('abc', problem(0, 1, { message: 'first' })), locate('abc', problem(1, 2))];
    const error = new ExpressionError(diagnostics);
    expect(error.message).toBe('first');
    expect(error.diagnostics).toBe(diagnostics);
  });
});
