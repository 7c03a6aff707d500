/**
 * A bench-only entry, outside src/ so that no package entry can reach it: bench/filter.mjs bundles this file on
 * its own (a module instance apart from dist's) and runs the same filters through it beside `toPredicate`, so that
 * every bench run shows what the closure copies buy.
 */
import { withOneCopy } from '../../src/compile/predicate/copies/index.js';
import type { Predicate, PredicateOptions } from '../../src/compile/predicate/index.js';
import type { Expression } from '../../src/language/ast.js';
import { toPredicate } from '../../src/predicate.js';

/** `toPredicate` with a single copy of each closure (every field, reading and combinator shares copy 0). */
export function toPredicateWithOneCopy(ast: Expression | null, options?: PredicateOptions): Predicate {
  return withOneCopy(() => toPredicate(ast, options));
}
