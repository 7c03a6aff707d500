/** ota-expr/mongo: expressions as MongoDB query filters (docs/LANGUAGE.md §6, §7). */
import { DEFAULT_API } from './apis/index.js';
import { compileMongo, type MongoOptions } from './compile/mongo/index.js';
import type { MongoFilter } from './compile/mongo/types.js';
import type { Expression } from './language/ast.js';

export type { MongoCondition, MongoFilter, MongoTypeAlias } from './compile/mongo/types.js';
export type { MongoOptions } from './compile/mongo/index.js';

/**
 * Compiles an expression into a MongoDB filter that selects exactly the documents `toPredicate` selects. `null`
 * (empty text) gives `{}`.
 * @throws TypeError for bad options; ExpressionError (99400) when the tree is not valid for the schema or holds
 * what MongoDB cannot store or compare (a lone surrogate, a map key that would be an operator or another path).
 * @example
 * ```ts
 * const filter = toMongo(parse("status = 'started'"));
 * const jobs = await collection.find(filter).toArray();
 * ```
 */
export function toMongo(ast: Expression | null, options?: MongoOptions): MongoFilter {
  return compileMongo(ast, options, DEFAULT_API);
}
