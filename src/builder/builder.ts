/**
 * The typed query builder: clients build filters in code and the TypeScript compiler enforces the schema's rules
 * (fields and paths, each field's operators, value types, known enum values, logical operators) before a request
 * is sent. Every type here is derived from the schema value made by `defineSchema`; there is no hand-written type
 * per schema.
 *
 * What it builds is exactly what `parse(print(built))` returns, spans included: spans are laid out as the printer
 * writes the text (docs/LANGUAGE.md §2's canonical form), so a built filter can go straight to `print`, `check`'s callers,
 * `toSql`, `toMongo` or `toPredicate`, and diagnostics computed on it point into `print(built)`.
 */
import {
  OPERATORS,
  and,
  comparisonNode,
  fieldPath,
  or,
  span,
  valueNode,
  type AndNode,
  type Comparison,
  type Expression,
  type Literal,
  type LogicalOperator,
  type Operator,
  type OrNode,
  type Span,
  type ValueNode,
} from '../language/ast.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { isReservedWord } from '../language/grammar-support.js';
import { resolveLimits, type Limits } from '../language/limits.js';
import { parse } from '../language/parse.js';
import { print, printLiteral } from '../language/print.js';
import type { FieldSpec, Schema } from '../schema/schema.js';
import { isCalendarDatetime, resolvePath, valueTypeOf, type ValueType } from '../schema/resolve.js';
import { assertNever } from '../util/assert-never.js';
import { OPERATOR_TABLE, operandShape, type OperatorTable } from '../language/operators.js';

// --- Types derived from the schema ----------------------------------------------------------------------------

/** The method a field handle offers for each operator (docs/LANGUAGE.md §4's canonical spellings). */
export const BUILDER_METHODS = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(OPERATORS.map((op) => [op, OPERATOR_TABLE[op].method])),
) as { readonly [O in Operator]: OperatorTable[O]['method'] };

/** The type of `BUILDER_METHODS`: each operator's builder method name, as a literal type. */
export type MethodOf = typeof BUILDER_METHODS;

/**
 * Phantom brand: a filter remembers, in its type only, the schema it was built for, so that `and`/`or` of one
 * builder refuse filters of another schema (and parsed, unchecked trees). Nothing is stored at run time: a filter
 * is a plain AST node, deep-equal to what `parse` returns. The function type makes the brand invariant in `S`.
 */
declare const builtFor: unique symbol;

/** A filter built by `queryBuilder(schema)`: an AST node (`N`) usable wherever an `Expression` is. */
export type Filter<S extends Schema, N extends Expression = Expression> = N & {
  /** The schema the filter was built for, in its type only: nothing is stored at run time. */
  readonly [builtFor]: (schema: S) => S;
};

/** Every path a schema accepts: scalar names; i18n `name`, `name.defaultValue`, `name.default`, `name.<locale>`;
 * map `tags.<key>`. */
export type PathOf<S extends Schema> = {
  [N in keyof S['fields'] & string]: PathsOfField<N, S['fields'][N]>;
}[keyof S['fields'] & string];

/** The paths of one field `N` with definition `F`: the name itself, an i18n field's locale paths, or a map's keys. */
export type PathsOfField<N extends string, F> = F extends {
  readonly type: 'i18n';
  readonly locales: readonly (infer L extends string)[];
}
  ? N | `${N}.defaultValue` | `${N}.default` | `${N}.${L}`
  : F extends { readonly type: 'map' }
    ? `${N}.${string}`
    : N;

/** The field a path belongs to: the text before the first dot. */
export type FieldNameOf<P extends string> = P extends `${infer N}.${string}` ? N : P;

/** The definition of the field that path `P` belongs to in schema `S`. */
export type FieldOf<S extends Schema, P extends string> = S['fields'][FieldNameOf<P>];

/**
 * The values a field takes. Known values of a string field come first so that editors offer them; `string & {}`
 * keeps other strings acceptable (docs/LANGUAGE.md §4: an unknown value is a warning) without collapsing the union into `string`,
 * which would hide the completions. A field marked `closed: true` accepts its known values only.
 */
export type ValueOf<F> = F extends { readonly type: 'number' }
  ? number
  : F extends { readonly type: 'boolean' }
    ? boolean
    : F extends { readonly type: 'datetime' }
      ? DatetimeString
      : F extends { readonly type: 'map'; readonly values: 'scalar' }
        ? string | number | boolean
        : F extends { readonly type: 'string'; readonly values: readonly (infer V extends string)[] }
          ? F extends { readonly closed: true }
            ? V
            : V | (string & {})
          : string;

/** A datetime as EnOS writes it, `'2024-03-01 08:00:00'`; the builder checks the calendar at run time. */
export type DatetimeString = `${number}-${number}-${number} ${number}:${number}:${number}`;

/** Every operator method with its signature; a field handle keeps the ones its field allows. */
export interface OperatorMethods<V, R> {
  /** `path = value` */
  eq(value: V): R;
  /** `path != value` */
  ne(value: V): R;
  /** `path < value` */
  lt(value: V): R;
  /** `path <= value` */
  lte(value: V): R;
  /** `path > value` */
  gt(value: V): R;
  /** `path >= value` */
  gte(value: V): R;
  /** `path in (v1, …, vn)`: one value or more. */
  in(values: readonly [V, ...V[]]): R;
  /** `path like 'pattern'`: contains, ignoring ASCII case; every character literal. */
  like(pattern: string): R;
  /** `exists(path)` */
  exists(): R;
  /** `not exists(path)` */
  notExists(): R;
  /** `path is null` */
  isNull(): R;
  /** `path is not null` */
  isNotNull(): R;
}

/**
 * The handle `where(path)` returns: only the methods of the operators the field allows, so a forbidden operator is
 * "Property 'eq' does not exist on type 'FieldHandle<"name", "like", string, …>'" rather than a deep type error.
 * Type arguments, in the order error messages show them: the path, the allowed operators, the value type, the schema.
 */
export type FieldHandle<P extends string, Ops extends Operator, V, S extends Schema> = {
  readonly [O in Ops as MethodOf[O]]: OperatorMethods<V, Filter<S, Comparison>>[MethodOf[O]];
} & { readonly path: P };

/**
 * `and` and `or`, taking any number of filters, so that a list of conditions needs no special case: none gives
 * `null` (no filter: every record), one gives that filter, two or more join them. The builder keeps those the
 * schema's `logical` lists.
 */
export interface LogicalMethods<S extends Schema> {
  /** `a and b and …`; nested `and`s are flattened (docs/LANGUAGE.md §2). With no filter: `null`, every record. */
  and(): null;
  /** `and` of one filter: that filter itself. */
  and<F extends Filter<S>>(only: F): F;
  /** `and` of two filters or more: an `and` node; nested `and`s are flattened. */
  and(first: Filter<S>, second: Filter<S>, ...rest: readonly Filter<S>[]): Filter<S, AndNode>;
  /** `and` of a list of filters of any length: `null` for none, the filter for one, an `and` node for more. */
  and(...filters: readonly Filter<S>[]): Filter<S> | null;
  /** `a or b or …`; nested `or`s are flattened, and an `or` inside an `and` is printed in parentheses. With no
   * filter: `null`, every record. */
  or(): null;
  /** `or` of one filter: that filter itself. */
  or<F extends Filter<S>>(only: F): F;
  /** `or` of two filters or more: an `or` node; nested `or`s are flattened. */
  or(first: Filter<S>, second: Filter<S>, ...rest: readonly Filter<S>[]): Filter<S, OrNode>;
  /** `or` of a list of filters of any length: `null` for none, the filter for one, an `or` node for more. */
  or(...filters: readonly Filter<S>[]): Filter<S> | null;
}

/** What `queryBuilder(schema)` returns; `or` is absent when the schema's `logical` is `['and']`, and so on. */
export type QueryBuilder<S extends Schema> = {
  readonly schema: S;
  /** Starts a comparison on one of the schema's paths. */
  where<P extends { [N in keyof S['fields'] & string]: PathsOfField<N, S['fields'][N]> }[keyof S['fields'] & string]>(
    path: P,
  ): FieldHandle<P, FieldOf<S, P>['operators'][number], ValueOf<FieldOf<S, P>>, S>;
} & { readonly [K in S['logical'][number]]: LogicalMethods<S>[K] };

/** Options of `queryBuilder`: the limits every built filter must respect. */
export interface QueryBuilderOptions {
  /**
   * The limits the built text must respect (docs/LANGUAGE.md §4; default: the defaults). Crossing one throws the same
   * `ExpressionError` that parsing the printed text would, so a filter that would be refused is never sent.
   */
  readonly limits?: Partial<Limits>;
}

// --- Run time -------------------------------------------------------------------------------------------------

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_\-/]+)*$/;

/**
 * Makes a builder for `schema`. The run-time checks repeat the type-level rules, for JavaScript callers and casts:
 * an unknown path, a forbidden operator (its method is missing), a value of the wrong type, a non-finite number or a
 * value outside a closed enum throws a `TypeError`; crossing a limit throws `ExpressionError`.
 * @example
 * ```ts
 * const q = queryBuilder(otaJobSchema);
 * const filter = q.and(q.where('status').eq('started'), q.where('name.en_US').like('fw'));
 * print(filter); // "status = 'started' and name.en_US like 'fw'"
 * ```
 */
export function queryBuilder<S extends Schema>(schema: S, options: QueryBuilderOptions = {}): QueryBuilder<S> {
  const limits = resolveLimits(options.limits);
  const builder: Record<string, unknown> = {
    schema,
    where: (path: string) => fieldHandle(schema, limits, path),
  };
  for (const type of schema.logical) {
    builder[type] = (...parts: readonly Expression[]) => combine(type, parts, limits);
  }
  // The object's shape is exactly the mapped type: `where`, `schema`, and one method per allowed logical operator.
  return Object.freeze(builder) as QueryBuilder<S>;
}

function fieldHandle(schema: Schema, limits: Limits, path: string): Record<string, unknown> {
  if (typeof path !== 'string' || !PATH.test(path) || (!path.includes('.') && isReservedWord(path))) {
    throw new TypeError(`${JSON.stringify(path)} is not a field path`);
  }
  const resolution = resolvePath(schema, path);
  if (!resolution.ok) {
    throw new TypeError(
      `Unknown path ${path} for schema ${schema.name}; supported: ${resolution.supported.join(', ')}`,
    );
  }
  const field = resolution.path.field;
  const expected = valueTypeOf(resolution.path);
  const checked = (value: unknown): Literal => checkValue(path, field, expected, value);
  const handle: Record<string, unknown> = { path };
  for (const op of field.operators) {
    handle[BUILDER_METHODS[op]] = (operand?: unknown) => {
      const node = buildComparison(path, op, operand, checked);
      return withinLimits(node, limits);
    };
  }
  return Object.freeze(handle);
}

function checkValue(path: string, field: FieldSpec, expected: ValueType, value: unknown): Literal {
  const type = typeof value;
  const fits =
    expected === 'scalar'
      ? type === 'string' || type === 'number' || type === 'boolean'
      : expected === 'datetime'
        ? type === 'string'
        : type === expected;
  if (!fits) throw new TypeError(`${path} takes ${expected} values, found ${type}`);
  if (expected === 'datetime' && !isCalendarDatetime(value as string)) {
    throw new TypeError(`${path} takes datetimes written 'YYYY-MM-DD HH:mm:ss', found ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    // The language has no NaN or Infinity (docs/LANGUAGE.md §1): printed, they would not parse back.
    throw new TypeError(`${path}: ${String(value)} is not a finite number`);
  }
  if (field.type === 'string' && field.closed === true && field.values?.includes(value as string) !== true) {
    throw new TypeError(
      `${path} takes one of ${(field.values ?? []).map((v) => `'${v}'`).join(', ')}, found ${JSON.stringify(value)}`,
    );
  }
  return value as Literal;
}

/** Lays out one comparison as the printer writes it, so that every span points into `print(node)`. */
function buildComparison(
  path: string,
  op: Operator,
  operand: unknown,
  checked: (value: unknown) => Literal,
): Comparison {
  const pathEnd = path.length;
  const opStart = pathEnd + 1;
  const opEnd = opStart + op.length;
  const pathNode = fieldPath(path, span(0, pathEnd));
  const opSpan = span(opStart, opEnd);
  const shape = operandShape(op);
  switch (shape) {
    case 'value':
    case 'pattern': {
      if (shape === 'pattern' && typeof operand !== 'string')
        throw new TypeError(`${op} takes a string pattern, found ${typeof operand}`);
      const value = shape === 'pattern' ? (operand as string) : checked(operand);
      const valueEnd = opEnd + 1 + printLiteral(value).length;
      return comparisonNode(pathNode, op, valueNode(value, span(opEnd + 1, valueEnd)), opSpan, span(0, valueEnd));
    }
    case 'list': {
      if (!Array.isArray(operand) || operand.length === 0)
        throw new TypeError(`${op} takes a non-empty array of values`);
      // `path in (v1, v2)`: the list starts after "in (" and values are separated by ", ".
      let offset = opEnd + 2;
      const values = (operand as readonly unknown[]).map((raw, index) => {
        const value = checked(raw);
        if (index > 0) offset += 2;
        const start = offset;
        offset += printLiteral(value).length;
        return valueNode(value, span(start, offset));
      });
      return comparisonNode(pathNode, op, values, opSpan, span(0, offset + 1));
    }
    case 'none': {
      if (OPERATOR_TABLE[op].form === 'postfix') return comparisonNode(pathNode, op, undefined, opSpan, span(0, opEnd));
      // `exists(path)` / `not exists(path)`: the operator comes first.
      const pathStart = op.length + 1;
      return comparisonNode(
        fieldPath(path, span(pathStart, pathStart + pathEnd)),
        op,
        undefined,
        span(0, op.length),
        span(0, pathStart + pathEnd + 1),
      );
    }
    default:
      return assertNever(shape);
  }
}

/**
 * Joins filters as the printer writes them: children are moved to their offsets in the joined text (one more for the
 * parenthesis the printer puts around an `or` inside an `and`), keywords sit between them.
 */
function combine(type: LogicalOperator, parts: readonly Expression[], limits: Limits): Expression | null {
  // findIndex, not find: an `undefined` part is found as `undefined`, which find would read as "none found".
  const bad = parts.findIndex((part) => typeof part !== 'object' || part === null || !('span' in part));
  if (bad >= 0) throw new TypeError(`${type} takes filters made by this builder, found ${typeof parts[bad]}`);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  const moved: Expression[] = [];
  const keywords: Span[] = [];
  let offset = 0;
  parts.forEach((part, index) => {
    if (index > 0) {
      keywords.push(span(offset + 1, offset + 1 + type.length));
      offset += type.length + 2;
    }
    const parenthesised = type === 'and' && part.type === 'or';
    const length = print(part).length;
    moved.push(shift(part, parenthesised ? offset + 1 : offset));
    offset += parenthesised ? length + 2 : length;
  });
  const whole = span(0, offset);
  return withinLimits(type === 'and' ? and(moved, keywords, whole) : or(moved, keywords, whole), limits);
}

function shift<N extends Expression>(node: N, by: number): N;
function shift(node: Expression, by: number): Expression {
  if (by === 0) return node;
  const at = (s: Span): Span => span(s.start + by, s.end + by);
  switch (node.type) {
    case 'and':
    case 'or':
      return {
        type: node.type,
        children: node.children.map((child) => shift(child, by)),
        keywordSpans: node.keywordSpans.map(at),
        span: at(node.span),
      } as AndNode | OrNode;
    case 'comparison':
      return shiftComparison(node, at);
    default:
      return assertNever(node);
  }
}

function shiftComparison(node: Comparison, at: (s: Span) => Span): Comparison {
  const move = <T extends Literal>(value: ValueNode<T>): ValueNode<T> => valueNode(value.value, at(value.span));
  const operand = node.op === 'in' ? node.values.map(move) : 'value' in node ? move(node.value) : undefined;
  return comparisonNode(
    fieldPath(node.path.text, at(node.path.span)),
    node.op,
    operand,
    at(node.opSpan),
    at(node.span),
  );
}

/**
 * docs/LANGUAGE.md §4's limits, counted as the parser counts them. Past one, the printed text is parsed so that the error is
 * the parser's own diagnostic, message and span included.
 */
function withinLimits<N extends Expression>(node: N, limits: Limits): N {
  const length = node.span.end;
  const inValues = node.type === 'comparison' && node.op === 'in' ? node.values.length : 0;
  if (
    length > limits.maxLength ||
    inValues > limits.maxInValues ||
    depth(node) > limits.maxDepth ||
    comparisons(node) > limits.maxComparisons
  ) {
    parse(print(node), { limits });
    // Unreachable while the counts above agree with the parser; a plain error keeps a disagreement visible.
    throw new ExpressionError([]);
  }
  return node;
}

/** Parentheses open at the deepest point of the printed text: one per `or` inside an `and`. */
function depth(node: Expression): number {
  switch (node.type) {
    case 'comparison':
      return 0;
    case 'and':
      return Math.max(...node.children.map((child) => (child.type === 'or' ? 1 : 0) + depth(child)));
    case 'or':
      return Math.max(...node.children.map(depth));
    default:
      return assertNever(node);
  }
}

function comparisons(node: Expression): number {
  return node.type === 'comparison' ? 1 : node.children.reduce((sum, child) => sum + comparisons(child), 0);
}
