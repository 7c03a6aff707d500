/**
 * Arbitrary syntax trees: syntactically valid (any path of docs/LANGUAGE.md §1 that is not a bare keyword, any operator, any
 * literal) but not valid for any schema. For round trips (`parse(print(t))` equals t, locations aside) and for
 * the never-throw properties.
 *
 * Usage:
 *   anyExpression(options?)        fc.Arbitrary<Expression>
 *   anyExpressionOrNull(options?)  the same, or null
 *   anyPath(), anyLiteral(options?), anyString(options?)
 * Options (AnyAstOptions): maxDepth (and/or levels, default 4), loneSurrogates (default false: strings are any
 * well-formed Unicode, astral included; true adds lone surrogates).
 */
import fc from 'fast-check';
import {
  and,
  comparison,
  fieldPath,
  OPERATORS,
  or,
  valueNode,
  type Comparison,
  type Expression,
  type FieldPath,
  type Literal,
} from '../../src/language/ast.js';
import { assertNever } from '../../src/util/assert-never.js';
import { STRING_POOL } from './strings.js';

export interface AnyAstOptions {
  readonly maxDepth?: number;
  readonly loneSurrogates?: boolean;
}

/** docs/LANGUAGE.md §1's keywords: reserved as bare field names (docs/DECISIONS.md), fine as segments (`and.x`). */
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'like', 'exists', 'is', 'null', 'true', 'false']);

const FIELD_NAME = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);
const SEGMENT = fc.stringMatching(/^[A-Za-z0-9_\-/]{1,6}$/);
const INTERESTING_PATHS = [
  'and.x',
  'name.in',
  'Not.exists',
  'tags.a-b/c',
  'name.zh_CN',
  'x.0.__proto__',
  '_',
  'constructor',
  'IN_x',
];

/** A field path of docs/LANGUAGE.md §1: a name and up to three segments; a lone keyword (any case) is never produced. */
export function anyPath(): fc.Arbitrary<FieldPath> {
  const generated = fc
    .tuple(FIELD_NAME, fc.array(SEGMENT, { maxLength: 3 }))
    .filter(([name, segments]) => segments.length > 0 || !KEYWORDS.has(name.toLowerCase()))
    .map(([name, segments]) => [name, ...segments].join('.'));
  const keywordLike = fc
    .tuple(fc.constantFrom(...KEYWORDS), SEGMENT)
    .map(([keyword, segment]) => `${keyword.toUpperCase()}.${segment}`);
  return fc
    .oneof(
      { weight: 6, arbitrary: generated },
      { weight: 1, arbitrary: keywordLike },
      { weight: 1, arbitrary: fc.constantFrom(...INTERESTING_PATHS) },
    )
    .map((text) => fieldPath(text));
}

/** Any string: pool strings (quotes, backslashes, astral, empty…), any code points, graphemes, and quote soup. */
export function anyString(options: AnyAstOptions = {}): fc.Arbitrary<string> {
  const quoteSoup = fc.string({
    unit: fc.constantFrom("'", '"', '\\', "''", '\\\\', 'a', ' ', '\n', '\u2018', '\u201c', '😀'),
    maxLength: 8,
  });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...STRING_POOL) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 2, arbitrary: quoteSoup },
    {
      weight: options.loneSurrogates === true ? 1 : 0,
      arbitrary: fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 6 }),
    },
  );
}

/** Finite numbers (integers, safe-integer bounds, any double; never -0), booleans, and any strings. */
export function anyLiteral(options: AnyAstOptions = {}): fc.Arbitrary<Literal> {
  const numbers = fc.oneof(
    fc.integer(),
    fc.constantFrom(0, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 5e-324, 0.1),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  return fc.oneof(
    { weight: 3, arbitrary: anyString(options) },
    { weight: 2, arbitrary: numbers.map((value) => (Object.is(value, -0) ? 0 : value)) },
    { weight: 1, arbitrary: fc.boolean() },
  );
}

function anyComparison(options: AnyAstOptions): fc.Arbitrary<Comparison> {
  const literal = anyLiteral(options).map((value) => valueNode(value));
  return fc.tuple(anyPath(), fc.constantFrom(...OPERATORS)).chain(([path, op]): fc.Arbitrary<Comparison> => {
    switch (op) {
      case '=':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return literal.map((value) => comparison(path, op, value));
      case 'in':
        return fc.array(literal, { minLength: 1, maxLength: 4 }).map((values) => comparison(path, 'in', values));
      case 'like':
        return anyString(options).map((pattern) => comparison(path, 'like', valueNode(pattern)));
      case 'exists':
      case 'not exists':
      case 'is null':
      case 'is not null':
        return fc.constant(comparison(path, op));
      default:
        return assertNever(op);
    }
  });
}

export function anyExpression(options: AnyAstOptions = {}): fc.Arbitrary<Expression> {
  const leaf: fc.Arbitrary<Expression> = anyComparison(options);
  const level = (depth: number): fc.Arbitrary<Expression> => {
    if (depth === 0) return leaf;
    const children = fc.array(level(depth - 1), { minLength: 2, maxLength: 3 });
    return fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: children.map((parts) => and(parts)) },
      { weight: 1, arbitrary: children.map((parts) => or(parts)) },
    );
  };
  return level(options.maxDepth ?? 4);
}

export function anyExpressionOrNull(options: AnyAstOptions = {}): fc.Arbitrary<Expression | null> {
  return fc.oneof({ weight: 12, arbitrary: anyExpression(options) }, { weight: 1, arbitrary: fc.constant(null) });
}
