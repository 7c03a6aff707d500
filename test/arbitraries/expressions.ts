/**
 * Valid expressions for a schema (default: the OTA job schema): and/or trees of comparisons that use only the
 * schema's fields, paths, operators and logical operators, with values of the field's type drawn from the same pool
 * as the records (./strings.ts), so that comparisons hit. Built with the src/language/ast.ts builders.
 *
 * Usage:
 *   validExpression(options?)        fc.Arbitrary<Expression>, valid for options.schema (default otaJobSchema)
 *   validExpressionOrNull(options?)  the same, or null (empty text) now and then
 *   richExpression(options?)         validExpression over richTestSchema (./rich-schema.ts): every operator
 *   comparisonsOf(schema, options?)  the leaf arbitraries, one per (path, operator) the schema allows
 * Options (ExpressionArbitraryOptions): schema, maxDepth (and/or levels, default 4), unstorable (default false:
 * no NUL or lone surrogates in values, as cross-engine tests need), mapKeys (keys of `tags.<key>` paths, default
 * MAP_KEY_POOL).
 */
import fc from 'fast-check';
import {
  and,
  comparison,
  fieldPath,
  or,
  valueNode,
  type Comparison,
  type Expression,
  type Literal,
  type Operator,
  type ValueNode,
} from '../../src/language/ast.js';
import type { FieldSpec, Schema } from '../../src/schema/schema.js';
import { i18nPaths } from '../../src/schema/resolve.js';
import { otaJobSchema } from '../../src/core.js';
import { assertNever } from '../../src/util/assert-never.js';
import { richTestSchema } from './rich-schema.js';
import {
  MAP_KEY_POOL,
  poolDatetime,
  poolNumber,
  poolScalar,
  poolString,
  type StringArbitraryOptions,
} from './strings.js';

export interface ExpressionArbitraryOptions extends StringArbitraryOptions {
  readonly schema?: Schema;
  /** Levels of and/or above the comparisons: 0 gives single comparisons. Default 4. */
  readonly maxDepth?: number;
  /** Keys of map paths (`tags.<key>`); default MAP_KEY_POOL (mingo, for one, refuses `__proto__` in a selector). */
  readonly mapKeys?: readonly string[];
}

/** The paths a field can be written as: `name` for scalars, every i18n path, `tags.<key>` from MAP_KEY_POOL. */
function pathsOf(name: string, field: FieldSpec, mapKeys: readonly string[]): readonly string[] {
  switch (field.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'datetime':
      return [name];
    case 'i18n':
      return i18nPaths(name, field);
    case 'map':
      return mapKeys.map((key) => `${name}.${key}`);
    default:
      return assertNever(field);
  }
}

function valuesOf(field: FieldSpec, options: StringArbitraryOptions): fc.Arbitrary<Literal> {
  switch (field.type) {
    case 'number':
      return poolNumber();
    case 'boolean':
      return fc.boolean();
    case 'string':
      return field.values === undefined
        ? poolString(options)
        : fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...field.values) },
            { weight: 1, arbitrary: poolString(options) },
          );
    case 'datetime':
      return poolDatetime();
    case 'i18n':
      return poolString(options);
    case 'map':
      return field.values === 'scalar' ? poolScalar(options) : poolString(options);
    default:
      return assertNever(field);
  }
}

function comparisonOf(
  path: string,
  op: Operator,
  values: fc.Arbitrary<Literal>,
  options: StringArbitraryOptions,
): fc.Arbitrary<Comparison> {
  const at = fieldPath(path);
  const one: fc.Arbitrary<ValueNode> = values.map((value) => valueNode(value));
  switch (op) {
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return one.map((value) => comparison(at, op, value));
    case 'in':
      // Up to 12 values, so that the predicate's Set path (more than four distinct values) is taken too.
      return fc
        .oneof(
          { weight: 4, arbitrary: fc.array(one, { minLength: 1, maxLength: 4 }) },
          { weight: 1, arbitrary: fc.array(one, { minLength: 5, maxLength: 12 }) },
        )
        .map((list) => comparison(at, 'in', list));
    case 'like':
      return poolString(options).map((pattern) => comparison(at, 'like', valueNode(pattern)));
    case 'exists':
    case 'not exists':
    case 'is null':
    case 'is not null':
      return fc.constant(comparison(at, op));
    default:
      return assertNever(op);
  }
}

/** One arbitrary per (path, operator) the schema allows, each drawing values of the field's type. */
export function comparisonsOf(
  schema: Schema,
  options: Omit<ExpressionArbitraryOptions, 'schema' | 'maxDepth'> = {},
): fc.Arbitrary<Comparison>[] {
  const mapKeys = options.mapKeys ?? MAP_KEY_POOL;
  return schema.fieldNames.flatMap((name) => {
    const field = schema.lookup.get(name)!;
    const values = valuesOf(field, options);
    return pathsOf(name, field, mapKeys).flatMap((path) =>
      field.operators.map((op) => comparisonOf(path, op, values, options)),
    );
  });
}

export function validExpression(options: ExpressionArbitraryOptions = {}): fc.Arbitrary<Expression> {
  const schema = options.schema ?? otaJobSchema;
  const leaves = comparisonsOf(schema, options);
  if (leaves.length === 0) throw new TypeError(`schema ${schema.name} allows no comparison`);
  const leaf: fc.Arbitrary<Expression> = fc.oneof(...leaves);
  const allowsAnd = schema.logical.includes('and');
  const allowsOr = schema.logical.includes('or');
  const level = (depth: number): fc.Arbitrary<Expression> => {
    if (depth === 0 || (!allowsAnd && !allowsOr)) return leaf;
    const below = level(depth - 1);
    const children = fc.array(below, { minLength: 2, maxLength: 3 });
    return fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: allowsAnd ? 2 : 0, arbitrary: children.map((parts) => and(parts)) },
      { weight: allowsOr ? 2 : 0, arbitrary: children.map((parts) => or(parts)) },
    );
  };
  return level(options.maxDepth ?? 4);
}

export function validExpressionOrNull(options: ExpressionArbitraryOptions = {}): fc.Arbitrary<Expression | null> {
  return fc.oneof({ weight: 12, arbitrary: validExpression(options) }, { weight: 1, arbitrary: fc.constant(null) });
}

export function richExpression(options: Omit<ExpressionArbitraryOptions, 'schema'> = {}): fc.Arbitrary<Expression> {
  return validExpression({ ...options, schema: richTestSchema });
}
