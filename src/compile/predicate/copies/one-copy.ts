/**
 * @internal Not part of any package entry: bench/filter.mjs bundles this file on its own (a module instance apart
 * from dist's) and runs the same filters through it beside `toPredicate`, so that every bench run shows what the
 * closure copies buy.
 */
import type { Expression } from '../../../language/ast.js';
import { toPredicate } from '../../../predicate.js';
import type { Predicate, PredicateOptions } from '../index.js';
import { withOneCopy } from './index.js';

/** `toPredicate` with a single copy of each closure (every field, reading and combinator shares copy 0). */
export function toPredicateWithOneCopy(ast: Expression | null, options?: PredicateOptions): Predicate {
  return withOneCopy(() => toPredicate(ast, options));
}
