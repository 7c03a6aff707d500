/**
 * The MongoDB filter compiler (docs/LANGUAGE.md §7 `toMongo`, §6: documents in the JobInfo shape, paths as they are). The
 * result only ever holds operators this module writes; user text appears only as `$eq`/`$ne`/`$in` values and,
 * escaped, inside `$regex`.
 */
import { operandValues, type Comparison, type Expression } from '../../language/ast.js';
import type { ApiDefinition } from '../../schema/api.js';
import type { Schema } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { hasLoneSurrogate } from '../shared/text.js';
import { admit, resolvedPathOf, type CompileTarget, type ResolvedPaths } from '../front-door.js';
import { unsafeKeyMessage, unsafeKeys } from './document.js';
import { MONGO_OPS, type MongoOperatorCompiler } from './operators.js';
import { candidatesOf } from './candidates.js';
import type { MongoFilter } from './types.js';

export type { MongoCondition, MongoFilter, MongoTypeAlias } from './types.js';

/** Options of `toMongo`: the schema to validate against. */
export interface MongoOptions {
  /** The schema the tree is validated against and its paths resolved with; defaults to `otaJobSchema`. */
  readonly schema?: Schema;
}

/**
 * What MongoDB cannot do with a comparison the schema accepts: a string holding a lone surrogate (MongoDB stores
 * UTF-8, so such a value could only be compared after being silently replaced), and a map key that would be an
 * operator or another path (document.ts).
 */
const MONGO_TARGET: CompileTarget = {
  name: 'toMongo',
  options: {},
  refuse: (node, path) => [
    ...operandValues(node)
      .filter((value) => typeof value.value === 'string' && hasLoneSurrogate(value.value))
      .map((value) => ({
        message: `Field ${node.path.text}: the value holds a lone UTF-16 surrogate, which MongoDB cannot store or compare`,
        span: value.span,
      })),
    ...unsafeKeys(path).map((segment) => ({
      message: unsafeKeyMessage(node.path.text, segment),
      span: node.path.span,
    })),
  ],
};

/**
 * Compiles an expression into a MongoDB query filter that selects exactly the documents `toPredicate` selects
 * (docs/SEMANTICS.md). `null` (empty text) gives `{}`. Throws `ExpressionError` (99400) when the tree is not valid
 * for the schema or holds what MongoDB refuses (MONGO_TARGET).
 */
export function compileMongo(
  ast: Expression | null,
  options: MongoOptions | undefined,
  defaultApi: ApiDefinition,
): MongoFilter {
  const admitted = admit(MONGO_TARGET, ast, options, defaultApi);
  return admitted.ast === null ? {} : compileNode(admitted.ast, admitted.paths);
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
  return compile(candidatesOf(resolvedPathOf(paths, node), node), node as never);
}
