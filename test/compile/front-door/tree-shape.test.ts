/**
 * The shape of a hand-built or JSON tree (src/compile/tree-shape.ts), rule by rule: each part accepted just inside
 * its rule and refused just outside it, with the exact message, and placed at the span of the node it is about.
 */
import { describe, expect, it } from 'vitest';
import { ExpressionError, parse, toPredicate, type Diagnostic, type Expression } from '../../../src/index.js';
import { MAX_TREE_DEPTH, treeShapeProblems } from '../../../src/compile/tree-shape.js';

const PREFIX = 'Invalid expression tree: ';

/** The messages of the problems of `tree`, without the common prefix. */
const messages = (tree: unknown): string[] =>
  treeShapeProblems(tree).map((problem) => {
    expect(problem).toMatchObject({ severity: 'error', kind: 'invalid-input' });
    expect(problem.message.startsWith(PREFIX)).toBe(true);
    return problem.message.slice(PREFIX.length);
  });

/** What a compiler throws for `tree`: its diagnostics. */
function refusal(tree: unknown): readonly Diagnostic[] {
  try {
    toPredicate(tree as Expression);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return (error as ExpressionError).diagnostics;
  }
  throw new Error('expected the tree to be refused');
}

const SPAN = { start: 0, end: 1 };
const leaf = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'comparison',
  path: { text: 'productKey', span: SPAN },
  op: '=',
  opSpan: SPAN,
  value: { value: 'a', span: SPAN },
  span: SPAN,
  ...extra,
});
const join = (type: string, children: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type,
  children,
  keywordSpans: [],
  span: SPAN,
  ...extra,
});

describe('what is not a node at all', () => {
  it('null is no filter: no problem', () => {
    expect(treeShapeProblems(null)).toEqual([]);
  });

  it.each([
    [undefined, 'undefined'],
    [7, 'number 7'],
    [true, 'boolean true'],
    [1n, 'bigint 1'],
    [[], 'an array'],
    [() => 1, 'function'],
    [Symbol('s'), 'symbol'],
  ])('the tree %s is refused, naming what it is', (tree, found) => {
    expect(messages(tree)).toEqual([`the tree is ${found}, not an expression node`]);
  });

  it.each([
    ['x'.repeat(40), `"${'x'.repeat(40)}"`],
    ['x'.repeat(41), `"${'x'.repeat(40)}…"`],
  ])('a string is text to parse first; past 40 characters it is cut', (text, shown) => {
    expect(messages(text)).toEqual([
      `expected an expression tree, found the string ${shown}: parse the text first (parse or check)`,
    ]);
  });

  it('what is not a node, or a string, is placed at the start: it has no span', () => {
    for (const tree of [7, 'text', [1]]) {
      expect(treeShapeProblems(tree).map((problem) => problem.span)).toEqual([{ start: 0, end: 0 }]);
    }
  });

  it('a child that is not a node is named by where it is', () => {
    expect(messages(join('or', [leaf(), join('and', [leaf(), null])]))).toEqual([
      'children[1].children[1] is null, not an expression node',
    ]);
  });
});

describe('spans', () => {
  it.each([
    [{ start: 0, end: 0 }],
    [{ start: 3, end: 3 }],
    [{ start: 0, end: 9 }],
    [{ start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER }],
  ])('%j is a span', (span) => {
    expect(messages(leaf({ span }))).toEqual([]);
  });

  it.each([
    [undefined],
    [null],
    [[0, 1]],
    [{ start: -1, end: 1 }],
    [{ start: 2, end: 1 }],
    [{ start: 0, end: -1 }],
    [{ start: 0.5, end: 1 }],
    [{ start: 0, end: 1.5 }],
    [{ start: '0', end: 1 }],
    [{ start: 0, end: 2 ** 53 }],
    [{ start: 0 }],
    [{ end: 1 }],
  ])('%j is not a span', (span) => {
    expect(messages(leaf({ span }))).toEqual(['span must be { start, end } with 0 <= start <= end']);
  });

  it('a problem is placed at the span of its node; a node without one is placed at 0', () => {
    const tree = join('and', [leaf({ op: 'between', span: { start: 4, end: 9 } }), leaf({ span: 'x' })], {
      span: { start: 2, end: 12 },
    });
    expect(treeShapeProblems(tree).map((problem) => [problem.message.slice(PREFIX.length), problem.span])).toEqual([
      ['children[0] has operator "between", which the language does not have', { start: 4, end: 9 }],
      ['children[1]: span must be { start, end } with 0 <= start <= end', { start: 0, end: 0 }],
    ]);
  });

  it('compilers report shape problems sorted by position, at their spans', () => {
    const tree = join('or', [
      leaf({ op: '~', span: { start: 8, end: 9 } }),
      leaf({ op: '~', span: { start: 3, end: 4 } }),
    ]);
    expect(refusal(tree).map((d) => [d.message.slice(PREFIX.length), d.start, d.end, d.column])).toEqual([
      ['children[1] has operator "~", which the language does not have', 3, 4, 4],
      ['children[0] has operator "~", which the language does not have', 8, 9, 9],
    ]);
  });

  it('a value with a bad span is named, and its own problem placed at its node', () => {
    const tree = leaf({ span: { start: 5, end: 6 }, value: { value: Number.NaN, span: { start: -1, end: 0 } } });
    expect(treeShapeProblems(tree).map((problem) => [problem.message.slice(PREFIX.length), problem.span])).toEqual([
      ['value: span must be { start, end } with 0 <= start <= end', { start: 5, end: 6 }],
      ['value is number NaN: values are a string, a finite number or a boolean', { start: 5, end: 6 }],
    ]);
  });

  it('a value problem is placed at the value’s own span when it has one', () => {
    const tree = leaf({ span: { start: 0, end: 9 }, value: { value: null, span: { start: 7, end: 9 } } });
    expect(treeShapeProblems(tree)[0]?.span).toEqual({ start: 7, end: 9 });
  });
});

describe('and / or', () => {
  it.each(['and', 'or'])('%s with two children or more is a node', (type) => {
    expect(messages(join(type, [leaf(), leaf()]))).toEqual([]);
    expect(messages(join(type, [leaf(), leaf(), leaf()]))).toEqual([]);
  });

  it.each([[[]], [[leaf()]], [undefined], [{ 0: leaf(), 1: leaf(), length: 2 }]])(
    'children %j are refused',
    (children) => {
      expect(messages(join('and', children))).toEqual(['and needs an array of at least two children']);
    },
  );

  it.each([[[SPAN, { start: 2, end: 5 }]], [[]]])('keywordSpans %j are spans', (keywordSpans) => {
    expect(messages(join('or', [leaf(), leaf()], { keywordSpans }))).toEqual([]);
  });

  it.each([[undefined], [SPAN], [[SPAN, { start: 1, end: 0 }]], [[null]]])(
    'keywordSpans %j are refused',
    (keywordSpans) => {
      expect(messages(join('or', [leaf(), leaf()], { keywordSpans }))).toEqual([
        'keywordSpans must be an array of spans',
      ]);
    },
  );

  it('children are checked in order, each named by its index, at any depth', () => {
    const tree = join('and', [leaf({ op: 1 }), join('or', [leaf(), leaf({ type: 'not' })]), leaf({ op: 2 })]);
    expect(messages(tree)).toEqual([
      'children[0] has operator number 1, which the language does not have',
      'children[1].children[1] has type "not": expected and, or or comparison',
      'children[2] has operator number 2, which the language does not have',
    ]);
  });

  it.each([
    [undefined, 'undefined'],
    ['And', '"And"'],
    [null, 'null'],
  ])('type %j is not a node type', (type, found) => {
    expect(messages(leaf({ type }))).toEqual([`the tree has type ${found}: expected and, or or comparison`]);
  });
});

describe('depth', () => {
  /** `levels` nested `and`s, the innermost with two comparisons. */
  function nested(levels: number): Record<string, unknown> {
    let tree: Record<string, unknown> = join('and', [leaf(), leaf()]);
    for (let level = 1; level < levels; level += 1) tree = join(level % 2 === 0 ? 'and' : 'or', [tree, leaf()]);
    return tree;
  }

  it(`${MAX_TREE_DEPTH} is the bound`, () => {
    expect(MAX_TREE_DEPTH).toBe(256);
  });

  it(`${MAX_TREE_DEPTH} nested and/or nodes are a tree (and compile)`, () => {
    expect(messages(nested(MAX_TREE_DEPTH))).toEqual([]);
    expect(typeof toPredicate(nested(MAX_TREE_DEPTH) as unknown as Expression)).toBe('function');
  });

  it(`${MAX_TREE_DEPTH + 1} nested and/or nodes are refused, once`, () => {
    expect(messages(nested(MAX_TREE_DEPTH + 1))).toEqual([`the tree nests more than ${MAX_TREE_DEPTH} levels deep`]);
  });
});

describe('comparisons', () => {
  it('a parsed comparison of every operand shape is a node', () => {
    for (const text of ["productKey = 'a'", "productKey in ('a', 'b')", "name like 'x'", 'exists(productKey)']) {
      expect(messages(parse(text))).toEqual([]);
    }
  });

  it.each([
    [undefined],
    ['productKey'],
    [{ text: 1, span: SPAN }],
    [{ text: 'productKey' }],
    [{ text: 'productKey', span: { start: 1, end: 0 } }],
  ])('path %j is refused', (path) => {
    expect(messages(leaf({ path }))).toEqual(['path must be { text, span } with a string text']);
  });

  it('opSpan must be a span', () => {
    expect(messages(leaf({ opSpan: { start: 1 } }))).toEqual(['opSpan must be a span']);
  });

  it('an unknown operator is the last problem of its node: its operand is not checked', () => {
    expect(messages(leaf({ op: 'between', opSpan: null, value: 5 }))).toEqual([
      'opSpan must be a span',
      'the tree has operator "between", which the language does not have',
    ]);
  });

  it.each([
    ['=', undefined, '= needs one value'],
    ['!=', 'a', '!= needs one value'],
    ['like', null, 'like needs a string value'],
  ])('%s with value %j', (op, value, message) => {
    expect(messages(leaf({ op, value }))).toEqual([message]);
  });

  it.each([
    ['x', 'a string, a finite number or a boolean', true],
    [false, 'a string, a finite number or a boolean', true],
    [-1.5, 'a string, a finite number or a boolean', true],
    [Number.POSITIVE_INFINITY, 'a string, a finite number or a boolean', false],
    [Number.NEGATIVE_INFINITY, 'a string, a finite number or a boolean', false],
    [null, 'a string, a finite number or a boolean', false],
    [{}, 'a string, a finite number or a boolean', false],
  ])('= takes literal %s: %s', (value, _, ok) => {
    const problems = messages(leaf({ value: { value, span: SPAN } }));
    expect(problems.length === 0).toBe(ok);
  });

  it.each([
    [1, 'number 1'],
    [true, 'boolean true'],
    [undefined, 'undefined'],
  ])('like takes a string only: %s is refused', (value, found) => {
    expect(messages(leaf({ op: 'like', value: { value, span: SPAN } }))).toEqual([
      `value is ${found}: values are a string`,
    ]);
  });

  it.each([[undefined], [[]], ['a'], [{ length: 1, 0: { value: 'a', span: SPAN } }]])(
    'in with values %j needs at least one value',
    (values) => {
      expect(messages(leaf({ op: 'in', values, value: undefined }))).toEqual(['in needs at least one value']);
    },
  );

  it('each value of an in is checked and named by its index', () => {
    const values = [{ value: 'a', span: SPAN }, 'b', { value: [], span: SPAN }, { value: 2, span: SPAN }];
    expect(messages(leaf({ op: 'in', values }))).toEqual([
      'in needs at least one value',
      'values[2] is an array: values are a string, a finite number or a boolean',
    ]);
  });

  it('exists, not exists, is null and is not null take no value: whatever sits there is not checked', () => {
    for (const op of ['exists', 'not exists', 'is null', 'is not null']) {
      expect(messages(leaf({ op, value: 'anything', values: 5 }))).toEqual([]);
    }
  });

  it('problems of a comparison inside a tree are prefixed with where it is', () => {
    const tree = join('and', [
      leaf(),
      leaf({
        path: null,
        opSpan: null,
        op: 'in',
        values: [
          { value: 'x', span: null },
          { value: Number.NaN, span: SPAN },
        ],
      }),
    ]);
    expect(messages(tree)).toEqual([
      'children[1]: path must be { text, span } with a string text',
      'children[1]: opSpan must be a span',
      'children[1].values[0]: span must be { start, end } with 0 <= start <= end',
      'children[1].values[1] is number NaN: values are a string, a finite number or a boolean',
    ]);
  });
});
