/**
 * The typed syntax tree of an OTA expression (docs/LANGUAGE.md §2). Public API: editors, highlighters and query rewriters use
 * it without private imports. Every node is plain readonly data; the builders at the bottom are the only makers,
 * used by the grammar, the typed query builder and the tests alike.
 */
import { OPERAND_NEEDS, OPERATOR_TABLE, isOperator, operandShape, type OperatorsTaking } from './operators.js';

/** A half-open range `[start, end)` of UTF-16 code units in the expression text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The canonical spelling of every comparison operator (docs/LANGUAGE.md §4); `<>` is read as `!=`. */
export type Operator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'like' | 'exists' | 'not exists' | 'is null' | 'is not null';

/** Operators that take one value on their right (src/language/operators.ts). */
export type ValueOperator = OperatorsTaking<'value'>;
/** Operators that take no value: they test whether the field is present. */
export type PresenceOperator = OperatorsTaking<'none'>;

/** Every operator, in the operator table's order. */
export const OPERATORS = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.keys(OPERATOR_TABLE),
) as readonly Operator[];

/** A literal value: a quoted string, a JSON number, or `true` / `false`. */
export type Literal = string | number | boolean;

/** A literal in the text; `span` covers it including its quotes. */
export interface ValueNode<T extends Literal = Literal> {
  readonly value: T;
  readonly span: Span;
}

/** A field path such as `productKey`, `name.zh_CN` or `tags.k`; `span` covers the whole path. */
export interface FieldPath {
  readonly text: string;
  readonly span: Span;
}

interface ComparisonBase {
  readonly type: 'comparison';
  readonly path: FieldPath;
  /** Covers the operator's words: `=`, `in`, `like`, `is not null`, `not exists`… */
  readonly opSpan: Span;
  /** Covers the whole comparison, from the path (or `not exists`) to its last value or `)`. */
  readonly span: Span;
}

/** `f = v`, `f != v` (also written `f <> v`), `f < v`, `f <= v`, `f > v`, `f >= v`. */
export interface ValueComparison extends ComparisonBase {
  readonly op: ValueOperator;
  readonly value: ValueNode;
}

/** `f in (v1, …, vn)`: one or more values. */
export interface InComparison extends ComparisonBase {
  readonly op: 'in';
  readonly values: readonly ValueNode[];
}

/** `f like 'p'`: the pattern is always a string, every character literal. */
export interface LikeComparison extends ComparisonBase {
  readonly op: 'like';
  readonly value: ValueNode<string>;
}

/** `exists(f)`, `not exists(f)`, `f is null`, `f is not null`. */
export interface PresenceComparison extends ComparisonBase {
  readonly op: PresenceOperator;
}

/** One comparison node: a value, `in`, `like` or presence comparison, told apart by `op`. */
export type Comparison = ValueComparison | InComparison | LikeComparison | PresenceComparison;

/** The comparison node of operator `Op`: what each compiler's entry for `Op` receives. */
export type ComparisonOf<Op extends Operator> = Op extends ValueOperator
  ? ValueComparison
  : Op extends PresenceOperator
    ? PresenceComparison
    : Op extends 'in'
      ? InComparison
      : LikeComparison;

/** Two or more expressions joined by `and`; never has an `and` child (nested ones are flattened into it). */
export interface AndNode {
  readonly type: 'and';
  readonly children: readonly Expression[];
  /** One span per `and` keyword, in text order. */
  readonly keywordSpans: readonly Span[];
  readonly span: Span;
}

/** Two or more expressions joined by `or`; never has an `or` child. Parentheses leave no node of their own. */
export interface OrNode {
  readonly type: 'or';
  readonly children: readonly Expression[];
  readonly keywordSpans: readonly Span[];
  readonly span: Span;
}

/** A parsed expression: an `and` node, an `or` node or a single comparison. */
export type Expression = AndNode | OrNode | Comparison;
/** The two logical operators, `and` and `or`. */
export type LogicalOperator = 'and' | 'or';

const NO_SPAN: Span = Object.freeze({ start: 0, end: 0 });

export function span(start: number, end: number): Span {
  return { start, end };
}

/**
 * Makes a field path node; `at` is its span in the text (default: the empty span at 0).
 * @example
 * ```ts
 * const path = fieldPath('productKey'); // { text: 'productKey', span: { start: 0, end: 0 } }
 * ```
 */
export function fieldPath(text: string, at: Span = NO_SPAN): FieldPath {
  return { text, span: at };
}

/**
 * Makes a literal node; `-0` becomes `0`. `at` is its span in the text (default: the empty span at 0).
 * @example
 * ```ts
 * const value = valueNode('hello'); // { value: 'hello', span: { start: 0, end: 0 } }
 * ```
 */
export function valueNode<T extends Literal>(value: T, at: Span = NO_SPAN): ValueNode<T> {
  // -0 and 0 are one number in the language (docs/LANGUAGE.md §1), so the tree never holds -0.
  const normalized = (typeof value === 'number' && Object.is(value, -0) ? 0 : value) as T;
  return { value: normalized, span: at };
}

/** The spans `comparison` gives the node it makes; each defaults to the empty span at 0. */
export interface ComparisonSpans {
  /** Covers the operator's words. */
  readonly opSpan?: Span;
  /** Covers the whole comparison. */
  readonly span?: Span;
}

/**
 * Makes a value comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`); throws a `TypeError` when the operand does not fit.
 * @example
 * ```ts
 * const node = comparison(fieldPath('status'), '=', valueNode(1));
 * ```
 */
export function comparison(
  path: FieldPath,
  op: ValueOperator,
  value: ValueNode,
  spans?: ComparisonSpans,
): ValueComparison;
/**
 * Makes an `in` comparison from one or more values; throws a `TypeError` on an empty list.
 * @example
 * ```ts
 * const node = comparison(fieldPath('status'), 'in', [valueNode(1), valueNode(2)]);
 * ```
 */
export function comparison(
  path: FieldPath,
  op: 'in',
  values: readonly ValueNode[],
  spans?: ComparisonSpans,
): InComparison;
/**
 * Makes a `like` comparison; the pattern must be a string, or it throws a `TypeError`.
 * @example
 * ```ts
 * const node = comparison(fieldPath('name'), 'like', valueNode('fw'));
 * ```
 */
export function comparison(
  path: FieldPath,
  op: 'like',
  value: ValueNode<string>,
  spans?: ComparisonSpans,
): LikeComparison;
/**
 * Makes a presence test (`exists`, `not exists`, `is null`, `is not null`), which takes no operand.
 * @example
 * ```ts
 * const node = comparison(fieldPath('tags.region'), 'exists');
 * ```
 */
export function comparison(
  path: FieldPath,
  op: PresenceOperator,
  operand?: undefined,
  spans?: ComparisonSpans,
): PresenceComparison;
export function comparison(
  path: FieldPath,
  op: Operator,
  operand?: ValueNode | readonly ValueNode[],
  spans: ComparisonSpans = {},
): Comparison {
  if (!isOperator(op)) throw new TypeError(`unknown operator ${JSON.stringify(op)}`);
  const shape = operandShape(op);
  const fits =
    shape === 'list'
      ? Array.isArray(operand) && operand.length > 0
      : shape === 'none' || (isValueNode(operand) && (shape === 'value' || typeof operand.value === 'string'));
  if (!fits) throw new TypeError(`${op} needs ${OPERAND_NEEDS[shape]}`);
  if (shape === 'none') operand = undefined;
  return comparisonNode(path, op, operand, spans.opSpan ?? NO_SPAN, spans.span ?? NO_SPAN);
}

/**
 * `comparison` without its checks, for the grammar, whose rules already guarantee them: a list for `in`, one value
 * for `=`…`like`, none for presence tests. Every comparison node is made here, so all have one property order.
 * @internal
 */
export function comparisonNode(
  path: FieldPath,
  op: Operator,
  operand: ValueNode | readonly ValueNode[] | undefined,
  opSpan: Span,
  span: Span,
): Comparison {
  const type = 'comparison';
  if (operand === undefined) return { type, path, op: op as PresenceOperator, opSpan, span };
  if (op === 'in') return { type, path, op, opSpan, values: operand as readonly ValueNode[], span };
  return { type, path, op: op as ValueOperator, opSpan, value: operand as ValueNode, span };
}

/**
 * The values a comparison carries: the list of an `in`, the one value of `=`…`like`, none for presence tests. Read
 * off the node's own shape (the operator table decides which shape a node has), so the browser bundle that
 * validates does not carry the table.
 */
export function operandValues(node: Comparison): readonly ValueNode[] {
  if (node.op === 'in') return node.values;
  return 'value' in node ? [node.value] : [];
}

function isValueNode(operand: unknown): operand is ValueNode {
  return typeof operand === 'object' && operand !== null && !Array.isArray(operand) && 'value' in operand;
}

function logical<T extends LogicalOperator>(
  type: T,
  parts: readonly Expression[],
  keywordSpans: readonly Span[],
  at: Span | undefined,
): { type: T; children: Expression[]; keywordSpans: Span[]; span: Span } {
  const children: Expression[] = [];
  const keywords: Span[] = [];
  parts.forEach((part, index) => {
    if (index > 0 && keywordSpans[index - 1]) keywords.push(keywordSpans[index - 1]!);
    if (part.type === type) {
      // A child of the same kind is flattened into its parent (docs/LANGUAGE.md §2): `a and (b and c)` is one `and`.
      const nested = part as AndNode | OrNode;
      children.push(...nested.children);
      keywords.push(...nested.keywordSpans);
    } else {
      children.push(part);
    }
  });
  if (children.length < 2) throw new TypeError(`${type} needs at least two operands`);
  keywords.sort((a, b) => a.start - b.start);
  const whole = at ?? span(children[0]!.span.start, children[children.length - 1]!.span.end);
  return { type, children, keywordSpans: keywords, span: whole };
}

/**
 * `and` / `or` for the grammar: `head`, then the `[keyword span, operand]` pairs that follow it. Gives the node
 * `and` / `or` would, with one loop and no intermediate arrays: an operand of the same type (a parenthesised
 * `b and c` inside an `and`) is flattened into it, and its keyword spans come out in text order without sorting,
 * as each operand lies between the keywords around it.
 * @internal
 */
export function joined(
  type: LogicalOperator,
  head: Expression,
  tail: readonly (readonly [Span, Expression])[],
  at: Span,
): AndNode | OrNode {
  const children: Expression[] = [];
  const keywordSpans: Span[] = [];
  addOperand(type, head, children, keywordSpans);
  for (let i = 0; i < tail.length; i += 1) {
    const pair = tail[i]!;
    keywordSpans.push(pair[0]);
    addOperand(type, pair[1], children, keywordSpans);
  }
  return { type, children, keywordSpans, span: at } as AndNode | OrNode;
}

function addOperand(type: LogicalOperator, part: Expression, children: Expression[], keywordSpans: Span[]): void {
  if (part.type !== type) {
    children.push(part);
    return;
  }
  const nested = part as AndNode | OrNode;
  for (let i = 0; i < nested.children.length; i += 1) children.push(nested.children[i]!);
  for (let i = 0; i < nested.keywordSpans.length; i += 1) keywordSpans.push(nested.keywordSpans[i]!);
}

/**
 * Joins two or more expressions with `and`, flattening `and` children.
 * @example
 * ```ts
 * const both = and([comparison(fieldPath('a'), '=', valueNode(1)), comparison(fieldPath('b'), 'exists')]);
 * ```
 */
export function and(parts: readonly Expression[], keywordSpans: readonly Span[] = [], at?: Span): AndNode {
  return logical('and', parts, keywordSpans, at);
}

/**
 * Joins two or more expressions with `or`, flattening `or` children.
 * @example
 * ```ts
 * const either = or([comparison(fieldPath('a'), '=', valueNode(1)), comparison(fieldPath('b'), 'exists')]);
 * ```
 */
export function or(parts: readonly Expression[], keywordSpans: readonly Span[] = [], at?: Span): OrNode {
  return logical('or', parts, keywordSpans, at);
}
