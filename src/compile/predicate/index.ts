/**
 * The in-memory predicate compiler (docs/LANGUAGE.md §7 `toPredicate`): validates once, then walks the tree once and returns
 * nested closures. No `eval` or `new Function` (CSP-safe); paths, patterns and code paths are chosen at compile
 * time, so testing a record does no table lookups and allocates nothing. The closures themselves come from
 * copies/index.ts, which keeps V8's caches monomorphic behind the one door.
 */
import type { Comparison, Expression } from '../../language/ast.js';
import type { Schema } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { admit, resolvedPathOf, type CompileTarget, type ResolvedPaths } from '../front-door.js';
import type { ApiDefinition } from '../../schema/api.js';
import { combine, root, type Compiled } from './copies/index.js';
import { PREDICATE_OPS, type OperatorCompiler } from './operators.js';
import { candidatesOf } from './candidates.js';

/** Options of `toPredicate`: the schema to validate against. */
export interface PredicateOptions {
  /** The schema the tree is validated against and its paths resolved with; defaults to `otaJobSchema`. */
  readonly schema?: Schema;
}

/** A compiled expression: true when the record is selected. Never throws, whatever the record is. */
export type Predicate = (record: unknown) => boolean;

const MATCH_EVERYTHING: Predicate = () => true;

function compileNode(node: Expression, paths: ResolvedPaths): Compiled {
  switch (node.type) {
    case 'and':
      return combine(
        'all',
        node.children.map((child) => compileNode(child, paths)),
      );
    case 'or':
      return combine(
        'any',
        node.children.map((child) => compileNode(child, paths)),
      );
    case 'comparison':
      return compileComparison(node, paths);
    default:
      return assertNever(node);
  }
}

function compileComparison(node: Comparison, paths: ResolvedPaths): Compiled {
  // The table's entries are typed per operator; node.op picks the entry made for exactly this node's shape.
  const compile = PREDICATE_OPS[node.op] as OperatorCompiler<typeof node.op>;
  return compile(candidatesOf(resolvedPathOf(paths, node)), node as never);
}

const PREDICATE_TARGET: CompileTarget = { name: 'toPredicate', options: {} };

/**
 * `toPredicate` with the API it falls back on (the entry passes Search OTA Job's). Throws `TypeError` for bad
 * options and `ExpressionError` (99400) when the tree is not valid for the schema.
 */
export function compilePredicate(
  ast: Expression | null,
  options: PredicateOptions | undefined,
  defaultApi: ApiDefinition,
): Predicate {
  const admitted = admit(PREDICATE_TARGET, ast, options, defaultApi);
  if (admitted.ast === null) return MATCH_EVERYTHING;
  // The one check that the record is an object: every comparison below reads it as one without checking again.
  return root(compileNode(admitted.ast, admitted.paths));
}
