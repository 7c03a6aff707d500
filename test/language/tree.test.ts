/**
 * The tree's makers and facts (src/language/ast.ts, operators.ts), the printer's corner cases (print.ts), the limits'
 * defaults and overrides (limits.ts) and what `parse` answers for input that is not a string (parse.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  ExpressionError,
  OPERATORS,
  OPERATOR_TABLE,
  and,
  check,
  comparison,
  fieldPath,
  or,
  parse,
  print,
  valueNode,
  type Comparison,
  type Expression,
  type Limits,
  type Operator,
  type ValueComparison,
  type ValueNode,
} from '../../src/index.js';
import { operandValues } from '../../src/language/ast.js';
import { isOperator, operandShape } from '../../src/language/operators.js';
import { parseTextWith, type GeneratedParser } from '../../src/language/parse.js';
import { DEFAULT_LIMITS as LIMITS } from '../../src/language/limits.js';
import { parseError } from '../helpers.js';

// Trees are made inside the tests, never while the file loads: code run at load is evaluated once, before mutation
// testing (docs/MUTATION.md) switches a mutant on, so a tree made then could not show the mutant.
const abc = (): [ValueComparison, ValueComparison, ValueComparison] => [
  comparison(fieldPath('a'), '=', valueNode(1)),
  comparison(fieldPath('b'), '=', valueNode(2)),
  comparison(fieldPath('c'), '=', valueNode(3)),
];
const at = (start: number, end: number): { start: number; end: number } => ({ start, end });

describe('the operator table (docs/LANGUAGE.md §2, §3)', () => {
  it('holds each operator’s operand, ordering flag, form, builder method and aliases', () => {
    expect(OPERATOR_TABLE).toEqual({
      '=': { operand: 'value', ordering: false, form: 'infix', method: 'eq' },
      '!=': { operand: 'value', ordering: false, form: 'infix', method: 'ne', aliases: ['<>'] },
      '<': { operand: 'value', ordering: true, form: 'infix', method: 'lt' },
      '<=': { operand: 'value', ordering: true, form: 'infix', method: 'lte' },
      '>': { operand: 'value', ordering: true, form: 'infix', method: 'gt' },
      '>=': { operand: 'value', ordering: true, form: 'infix', method: 'gte' },
      in: { operand: 'list', ordering: false, form: 'infix', method: 'in' },
      like: { operand: 'pattern', ordering: false, form: 'infix', method: 'like' },
      exists: { operand: 'none', ordering: false, form: 'prefix', method: 'exists' },
      'not exists': { operand: 'none', ordering: false, form: 'prefix', method: 'notExists' },
      'is null': { operand: 'none', ordering: false, form: 'postfix', method: 'isNull' },
      'is not null': { operand: 'none', ordering: false, form: 'postfix', method: 'isNotNull' },
    });
    expect(OPERATORS).toEqual(Object.keys(OPERATOR_TABLE));
    expect(Object.isFrozen(OPERATORS)).toBe(true);
  });

  it.each([
    ['=', 'value'],
    ['like', 'pattern'],
    ['in', 'list'],
    ['is null', 'none'],
  ] as const)('%s takes %s', (op, shape) => {
    expect(operandShape(op)).toBe(shape);
  });

  it.each([['='], ['is not null'], ['not exists']])('%j is an operator', (op) => {
    expect(isOperator(op)).toBe(true);
  });

  it.each([
    ['=='],
    ['<>'],
    ['toString'],
    [['=']],
    [['in']],
    [{ toString: () => 'like' }],
    ['constructor'],
    ['__proto__'],
    [''],
    [1],
    [null],
    [undefined],
    [{}],
  ])('%j is not an operator', (op) => {
    expect(isOperator(op)).toBe(false);
  });
});

describe('comparison: the checked maker', () => {
  it('makes each shape of node, with the empty span at 0 by default', () => {
    expect(comparison(fieldPath('a'), '<', valueNode(1))).toStrictEqual({
      type: 'comparison',
      path: { text: 'a', span: at(0, 0) },
      op: '<',
      opSpan: at(0, 0),
      value: { value: 1, span: at(0, 0) },
      span: at(0, 0),
    });
    expect(comparison(fieldPath('a'), 'in', [valueNode('x')], { opSpan: at(2, 4), span: at(0, 9) })).toStrictEqual({
      type: 'comparison',
      path: { text: 'a', span: at(0, 0) },
      op: 'in',
      opSpan: at(2, 4),
      values: [{ value: 'x', span: at(0, 0) }],
      span: at(0, 9),
    });
    expect(comparison(fieldPath('a', at(1, 2)), 'like', valueNode('x', at(3, 6)), { span: at(1, 6) })).toStrictEqual({
      type: 'comparison',
      path: { text: 'a', span: at(1, 2) },
      op: 'like',
      opSpan: at(0, 0),
      value: { value: 'x', span: at(3, 6) },
      span: at(1, 6),
    });
    expect(comparison(fieldPath('a'), 'exists', undefined, { opSpan: at(0, 6) })).toStrictEqual({
      type: 'comparison',
      path: { text: 'a', span: at(0, 0) },
      op: 'exists',
      opSpan: at(0, 6),
      span: at(0, 0),
    });
  });

  it('a presence test drops an operand passed to it', () => {
    const node = comparison(fieldPath('a'), 'is null', valueNode(1) as unknown as undefined);
    expect(node).not.toHaveProperty('value');
    expect(print(node)).toBe('a is null');
  });

  it.each<[string, () => unknown, string]>([
    [
      'an unknown operator',
      () => comparison(fieldPath('a'), '==' as Operator as '=', valueNode(1)),
      'unknown operator "=="',
    ],
    [
      '= without a value',
      () => comparison(fieldPath('a'), '=', undefined as unknown as ValueNode),
      '= needs one value',
    ],
    [
      '= with a list',
      () => comparison(fieldPath('a'), '=', [valueNode(1)] as unknown as ValueNode),
      '= needs one value',
    ],
    ['= with null', () => comparison(fieldPath('a'), '=', null as unknown as ValueNode), '= needs one value'],
    ['= with a bare literal', () => comparison(fieldPath('a'), '=', 1 as unknown as ValueNode), '= needs one value'],
    [
      '= with an object that is no value node',
      () => comparison(fieldPath('a'), '=', {} as ValueNode),
      '= needs one value',
    ],
    [
      'like with a number',
      () => comparison(fieldPath('a'), 'like', valueNode(1) as unknown as ValueNode<string>),
      'like needs a string value',
    ],
    ['in with no values', () => comparison(fieldPath('a'), 'in', []), 'in needs at least one value'],
    [
      'in with one value node',
      () => comparison(fieldPath('a'), 'in', valueNode(1) as unknown as ValueNode[]),
      'in needs at least one value',
    ],
  ])('%s is a TypeError', (_, make, message) => {
    expect(make).toThrow(new TypeError(message));
  });

  it('valueNode reads -0 as 0 and keeps every other literal', () => {
    expect(Object.is(valueNode(-0).value, 0)).toBe(true);
    expect(valueNode('-0').value).toBe('-0');
    expect(valueNode(false).value).toBe(false);
    expect(valueNode(-1).value).toBe(-1);
  });

  it('operandValues: the list of an in, the one value of =…like, none for a presence test', () => {
    const one = valueNode('x');
    expect(operandValues(comparison(fieldPath('a'), 'in', [one, one]))).toEqual([one, one]);
    expect(operandValues(comparison(fieldPath('a'), 'like', one))).toEqual([one]);
    expect(operandValues(comparison(fieldPath('a'), 'is not null'))).toEqual([]);
  });
});

describe('and / or: the logical makers', () => {
  it('flatten children of the same kind, keeping the keyword spans in text order', () => {
    const [a, b, c] = abc();
    const inner = and([b, c], [at(20, 23)]);
    expect(and([a, inner], [at(10, 13)])).toEqual({
      type: 'and',
      children: [a, b, c],
      keywordSpans: [at(10, 13), at(20, 23)],
      span: at(0, 0),
    });
    const before = or([a, b], [at(5, 7)]);
    expect(or([before, c], [at(15, 17)]).keywordSpans).toEqual([at(5, 7), at(15, 17)]);
    expect(or([c, before], [at(15, 17)]).keywordSpans).toEqual([at(5, 7), at(15, 17)]);
  });

  it('keep a child of the other kind whole', () => {
    const [a, b, c] = abc();
    const inner = or([b, c]);
    expect(and([a, inner]).children).toEqual([a, inner]);
  });

  it('without keyword spans, have none; the span runs from the first child to the last', () => {
    const x = comparison(fieldPath('x'), 'exists', undefined, { span: at(3, 12) });
    const y = comparison(fieldPath('y'), 'exists', undefined, { span: at(17, 26) });
    expect(and([x, y])).toEqual({ type: 'and', children: [x, y], keywordSpans: [], span: at(3, 26) });
    expect(or([x, y], [], at(0, 30)).span).toEqual(at(0, 30));
  });

  it('skip a missing keyword span', () => {
    const [a, b, c] = abc();
    expect(and([a, b, c], [at(6, 9)]).keywordSpans).toEqual([at(6, 9)]);
  });

  it.each<[string, () => Expression]>([
    ['and of nothing', () => and([])],
    ['and of one', () => and([abc()[0]])],
    ['or of one', () => or([abc()[0]])],
  ])('%s is a TypeError', (name, make) => {
    expect(make).toThrow(new TypeError(`${name.slice(0, name.indexOf(' '))} needs at least two operands`));
  });

  it('an and of one and node has its children: two operands after flattening are enough', () => {
    const [a, b] = abc();
    expect(and([and([a, b])]).children).toEqual([a, b]);
  });
});

describe('and / or nodes the parser makes', () => {
  it('a parenthesised and inside an and gives its keywords to the outer one, in text order', () => {
    const text = 'a = 1 and (b = 2 AND c = 3) and d = 4';
    const ast = parse(text);
    expect(ast?.type === 'and' && ast.children).toHaveLength(4);
    expect(ast?.type === 'and' && ast.keywordSpans.map((s) => text.slice(s.start, s.end))).toEqual([
      'and',
      'AND',
      'and',
    ]);
  });

  it('an or inside an and keeps its own keywords', () => {
    const text = 'a = 1 and (b = 2 or c = 3 OR d = 4)';
    const ast = parse(text);
    expect(ast?.type === 'and' && ast.keywordSpans.map((s) => text.slice(s.start, s.end))).toEqual(['and']);
    const inner = ast?.type === 'and' ? ast.children[1] : undefined;
    expect(inner?.type === 'or' && inner.keywordSpans.map((s) => text.slice(s.start, s.end))).toEqual(['or', 'OR']);
  });
});

describe('the printer', () => {
  it.each<[string, () => Comparison]>([
    ['x = 9.007199254740992e+15', () => comparison(fieldPath('x'), '=', valueNode(2 ** 53))],
    ['x = -1.152921504606847e+18', () => comparison(fieldPath('x'), '=', valueNode(-(2 ** 60)))],
    ['x = 1e+21', () => comparison(fieldPath('x'), '=', valueNode(1e21))],
    ['x = 9007199254740991', () => comparison(fieldPath('x'), '=', valueNode(2 ** 53 - 1))],
    ['x = 0.1', () => comparison(fieldPath('x'), '=', valueNode(0.1))],
    ['x != false', () => comparison(fieldPath('x'), '!=', valueNode(false))],
    ['x >= true', () => comparison(fieldPath('x'), '>=', valueNode(true))],
    ["x like 'a''b\\\\c'", () => comparison(fieldPath('x'), 'like', valueNode("a'b\\c"))],
    ["x in (1, 'y')", () => comparison(fieldPath('x'), 'in', [valueNode(1), valueNode('y')])],
    ['x in (1)', () => comparison(fieldPath('x'), 'in', [valueNode(1)])],
    ['not exists(x.y)', () => comparison(fieldPath('x.y'), 'not exists')],
    ['x is not null', () => comparison(fieldPath('x'), 'is not null')],
  ])('%s', (printed, make) => {
    expect(print(make())).toBe(printed);
  });

  it('a hand-built -0 prints as 0', () => {
    const [a] = abc();
    const node: Comparison = { ...a, value: { value: -0, span: at(0, 0) } };
    expect(print(node)).toBe('a = 0');
  });

  it('integers past 2^53 print so that they parse back to the same number', () => {
    for (const value of [2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 70, 1e21, 1.5e300]) {
      const parsed = parse(print(comparison(fieldPath('x'), '=', valueNode(value))));
      expect(parsed?.type === 'comparison' && 'value' in parsed && parsed.value.value).toBe(value);
    }
  });

  it('an or inside an and is parenthesised, wherever it stands', () => {
    const [a, b, c] = abc();
    expect(print(and([a, or([b, c])]))).toBe('a = 1 and (b = 2 or c = 3)');
    expect(print(or([a, and([b, c])]))).toBe('a = 1 or b = 2 and c = 3');
  });
});

describe('limits: defaults, and overrides that leave the rest alone', () => {
  it('the defaults are 10,000 characters, depth 32, 1,000 values, 200 comparisons, and cannot be changed', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxLength: 10_000, maxDepth: 32, maxInValues: 1_000, maxComparisons: 200 });
    expect(LIMITS).toBe(DEFAULT_LIMITS);
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it('an override of one limit keeps the defaults of the others', () => {
    const nested = `${'('.repeat(33)}a = 1${')'.repeat(33)}`;
    expect(parseError(nested, { limits: { maxComparisons: 5 } }).kind).toBe('limit');
    expect(parseError(`a = '${'x'.repeat(10_000)}'`, { limits: { maxDepth: 40 } }).kind).toBe('limit');
    expect(parse(nested, { limits: { maxDepth: 33 } })).not.toBeNull();
  });

  it('undefined and NaN overrides are ignored', () => {
    // JavaScript callers and JSON options may hold anything.
    const limits = { maxDepth: Number.NaN, maxLength: undefined, maxInValues: 'x' } as unknown as Partial<Limits>;
    expect(parseError(`${'('.repeat(33)}a = 1${')'.repeat(33)}`, { limits }).kind).toBe('limit');
    expect(parse(`a in (${Array.from({ length: 1000 }, () => 1).join(',')})`, { limits })).not.toBeNull();
    expect(check('a = 1', { limits }).ok).toBe(false);
    expect(check('a = 1', { limits }).diagnostics[0]!.kind).toBe('unknown-field');
  });

  it('a text of exactly maxLength is read; one more is a limit error over the excess', () => {
    expect(parse('a = 1', { limits: { maxLength: 5 } })).not.toBeNull();
    const error = parseError('a = 12', { limits: { maxLength: 5 } });
    expect([error.kind, error.start, error.end, error.message]).toEqual([
      'limit',
      5,
      6,
      'Text length limit exceeded: the expression is 6 characters long, at most 5 are allowed',
    ]);
  });
});

describe('parse of input that is not a string', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [42, 'number'],
    [{}, 'object'],
    [['a = 1'], 'object'],
  ])('%j is an invalid-input error', (input, found) => {
    let thrown: unknown;
    try {
      parse(input as unknown as string);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExpressionError);
    expect((thrown as ExpressionError).diagnostics).toEqual([
      {
        code: 99400,
        severity: 'error',
        kind: 'invalid-input',
        message: `The expression must be a string, found ${found}`,
        start: 0,
        end: 0,
        line: 1,
        column: 1,
      },
    ]);
  });
});

describe('parse with a given generated parser', () => {
  class FakeSyntaxError extends Error {
    readonly expected: readonly string[] = [];
    readonly offset: number = 0;
  }
  const throwing = (error: unknown): GeneratedParser => ({
    parse: () => {
      throw error;
    },
    SyntaxError: FakeSyntaxError,
  });

  it('the engine running out of stack is the depth limit, over the whole text', () => {
    expect(parseTextWith(throwing(new RangeError('Maximum call stack size exceeded')), 'a = 1', LIMITS)).toEqual({
      ok: false,
      problem: {
        severity: 'error',
        kind: 'limit',
        message: 'Nesting depth limit exceeded: the expression nests too deeply to be parsed',
        span: { start: 0, end: 5 },
      },
    });
  });

  it.each([
    [[], 'expected something else, but found "b"'],
    [['white space'], 'expected something else, but found "b"'],
    [['end', 'mystery'], 'expected the end of the expression or "mystery", but found "b"'],
    [['mystery', 'and', 'field'], 'expected a field name, "and" or "mystery", but found "b"'],
  ])('a syntax error expecting %j says %j', (expected, says) => {
    class Failure extends FakeSyntaxError {
      override readonly expected = expected;
      override readonly offset = 2;
    }
    const parser: GeneratedParser = {
      parse: () => {
        throw new Failure();
      },
      SyntaxError: FakeSyntaxError,
    };
    const outcome = parseTextWith(parser, 'a b', LIMITS);
    expect(outcome.ok === false && outcome.problem.message).toBe(`Syntax error at line 1, column 3: ${says}`);
  });

  it('any other failure of the parser is a bug, thrown as it is', () => {
    const bug = new TypeError('bug');
    expect(() => parseTextWith(throwing(bug), 'a = 1', LIMITS)).toThrow(bug);
  });
});
