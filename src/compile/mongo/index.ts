/**
 * The MongoDB filter compiler (SPEC §7 `toMongo`, §6: documents in the JobInfo shape, paths as they are). The
 * result only ever holds operators this module writes; user text appears only as `$eq`/`$ne`/`$in` values and,
 * escaped, inside `$regex`.
 */
import type { Comparison, Expression, ValueNode } from '../../language/ast.js';
import { INVALID_PARAMETER, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { ExpressionError } from '../../diagnostics/expression-error.js';
import { otaJobSchema, type Schema } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { hasLoneSurrogate } from '../predicate/values.js';
import { assertValid, resolvedPathOf, type ResolvedPaths } from '../validated.js';
import { MONGO_OPS, type MongoOperatorCompiler } from './operators.js';
import { planFor } from './paths.js';
import type { MongoFilter } from './types.js';

export type { MongoCondition, MongoFilter, MongoTypeAlias } from './types.js';

export interface MongoOptions {
  /** The schema the tree is validated against and its paths resolved with; defaults to `otaJobSchema`. */
  readonly schema?: Schema;
}

/**
 * Compiles an expression into a MongoDB query filter that selects exactly the documents `toPredicate` selects
 * (docs/SEMANTICS.md). `null` (empty text) gives `{}`. Throws `ExpressionError` (99400) when the tree is not valid
 * for the schema, when a map key or locale cannot be a MongoDB key, or when a string value holds a lone surrogate
 * (MongoDB stores UTF-8, so such a value could only be compared after being silently replaced).
 */
export function toMongo(ast: Expression | null, options?: MongoOptions): MongoFilter {
  const paths = assertValid(ast, options?.schema ?? otaJobSchema);
  if (ast === null) return {};
  assertStorableStrings(ast);
  return compileNode(ast, paths);
}

function compileNode(node: Expression, paths: ResolvedPaths): MongoFilter {
  switch (node.type) {
    case 'and':
      return { $and: node.children.map((child) => compileNode(child, paths)) };
    case 'or':
      return { $or: node.children.map((child) => compileNode(child, paths)) };
    case 'comparison':
      return compileComparison(node, paths);
    default:
      return assertNever(node);
  }
}

function compileComparison(node: Comparison, paths: ResolvedPaths): MongoFilter {
  // The table's entries are typed per operator; node.op picks the entry made for exactly this node's shape.
  const compile = MONGO_OPS[node.op] as MongoOperatorCompiler<typeof node.op>;
  return compile(planFor(resolvedPathOf(paths, node), node), node as never);
}

function assertStorableStrings(ast: Expression): void {
  const problems: Diagnostic[] = [];
  const visit = (node: Expression): void => {
    switch (node.type) {
      case 'and':
      case 'or':
        node.children.forEach(visit);
        return;
      case 'comparison':
        for (const value of valuesOf(node)) {
          if (typeof value.value === 'string' && hasLoneSurrogate(value.value)) {
            problems.push({
              code: INVALID_PARAMETER,
              severity: 'error',
              kind: 'invalid-input',
              message: `Field ${node.path.text}: the value holds a lone UTF-16 surrogate, which MongoDB cannot store or compare`,
              start: value.span.start,
              end: value.span.end,
              line: 1,
              column: value.span.start + 1,
            });
          }
        }
        return;
      default:
        assertNever(node);
    }
  };
  visit(ast);
  if (problems.length > 0) throw new ExpressionError(problems);
}

function valuesOf(node: Comparison): readonly ValueNode[] {
  switch (node.op) {
    case 'in':
      return node.values;
    case 'exists':
    case 'not exists':
    case 'is null':
    case 'is not null':
      return [];
    default:
      return [node.value];
  }
}
