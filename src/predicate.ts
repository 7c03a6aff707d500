/** ota-expr/predicate: expressions as in-memory predicates (docs/LANGUAGE.md §3, §7). */
import { DEFAULT_API } from './apis/index.js';
import { compilePredicate, type Predicate, type PredicateOptions } from './compile/predicate/index.js';
import type { Expression } from './language/ast.js';

export type { Predicate, PredicateOptions } from './compile/predicate/index.js';

/**
 * Compiles an expression into a function that tells whether a record is selected. `null` (empty text) selects every
 * record. The predicate never throws, whatever the record is.
 * @throws TypeError for bad options; ExpressionError (99400) when the tree is not valid for the schema.
 * @example
 * ```ts
 * const selected = toPredicate(parse("status = 'started'"));
 * const started = jobs.filter(selected);
 * ```
 */
export function toPredicate(ast: Expression | null, options?: PredicateOptions): Predicate {
  return compilePredicate(ast, options, DEFAULT_API);
}
