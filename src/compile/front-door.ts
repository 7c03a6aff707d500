/**
 * The one way into every compiler (`toPredicate`, `toSql`, `toMongo`, and any later one). In order:
 * 1. the options (options.ts): known keys only, each checked at run time; a bad one is a `TypeError` naming it;
 * 2. the tree's shape (tree-shape.ts): what a hand-built or JSON tree may get wrong;
 * 3. the tree against the schema (docs/LANGUAGE.md §4), and the target's own refusals (a string SQL cannot store, a
 *    path a target has no place for).
 * Every problem of steps 2 and 3 comes back at once, sorted, as one `ExpressionError` (99400); warnings (an unknown
 * enum value) do not stop compiling. A tree that passes has every comparison's path resolved once, so compilers
 * never meet an unknown field, a disallowed operator or a wrong-typed value, and never resolve a path twice.
 */
import type { Comparison, Expression } from '../language/ast.js';
import { byPosition, locateInTree, type Problem } from '../diagnostics/diagnostic.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import type { Schema } from '../schema/schema.js';
import { resolvePath, type ResolvedPath } from '../schema/resolve.js';
import { validate } from '../schema/validate.js';
import { assertNever } from '../util/assert-never.js';
import { apiFor, type ApiDefinition } from '../schema/api.js';
import { checkOptions, checkSchema, type OptionChecks } from './options.js';
import { treeShapeProblems } from './tree-shape.js';

/** Each comparison node of an admitted tree, mapped to its resolved path (keyed by node identity). */
export type ResolvedPaths = ReadonlyMap<Comparison, ResolvedPath>;

/** A problem a target finds in a valid comparison: placed like any other problem. */
export type Refusal = Omit<Problem, 'severity' | 'kind'>;

export interface CompileTarget {
  /** The public function's name, used in messages: `toSql`. */
  readonly name: string;
  /** Every option the target accepts besides `schema`, with its check. */
  readonly options: OptionChecks;
  /** Options without which the target cannot run; with any, the options object itself is required. */
  readonly required?: readonly string[];
  /** What this target cannot compile in a comparison the schema accepts. */
  readonly refuse?: (node: Comparison, path: ResolvedPath) => readonly Refusal[];
}

export interface Admitted<Options> {
  readonly ast: Expression | null;
  /** The API of `options.schema` (its own rules, or the default's), else the default API. */
  readonly api: ApiDefinition;
  /** `options.schema`, else the API's schema. */
  readonly schema: Schema;
  readonly paths: ResolvedPaths;
  /** The caller's options, checked (an empty object when none were given). */
  readonly options: Options;
}

/**
 * Admits `ast` for `target`, validated against `options.schema`, else that of `defaultApi` (the entry points pass
 * Search OTA Job's, so that generic code never names an API).
 * @throws TypeError for bad options; ExpressionError (99400) with every problem of the tree.
 */
export function admit<Options extends object>(
  target: CompileTarget,
  ast: unknown,
  options: Options | undefined,
  defaultApi: ApiDefinition,
): Admitted<Options> {
  const checked = checkOptions(target.name, options, { schema: checkSchema, ...target.options }, target.required);
  const api = apiFor((checked as { readonly schema?: Schema }).schema, defaultApi);
  const schema = api.schema;
  const shape = treeShapeProblems(ast);
  if (shape.length > 0) throw new ExpressionError(shape.map(locateInTree).sort(byPosition));
  const tree = ast as Expression | null;
  const paths = new Map<Comparison, ResolvedPath>();
  if (tree === null) return { ast: null, api, schema, paths, options: checked };
  const problems = validate(tree, schema)
    .filter((problem) => problem.severity === 'error')
    .map((problem) => (problem.kind === 'unknown-field' ? withSchemaNote(problem, schema) : problem));
  collectPaths(tree, schema, paths);
  if (target.refuse !== undefined) {
    for (const [node, path] of paths) {
      for (const refusal of target.refuse(node, path))
        problems.push({ severity: 'error', kind: 'invalid-input', ...refusal });
    }
  }
  if (problems.length > 0) throw new ExpressionError(problems.map(locateInTree).sort(byPosition));
  return { ast: tree, api, schema, paths, options: checked };
}

/**
 * A compiler is often called without `{ schema }` by mistake, on a tree written for another API: its unknown-field
 * message says which schema it checked. (`check` keeps EnOS's own message: it is what a server answers.)
 */
function withSchemaNote(problem: Problem, schema: Schema): Problem {
  return { ...problem, message: `${problem.message} in schema ${schema.name}; pass { schema } for another API` };
}

/**
 * The resolved path of one comparison from `admit`'s map. A miss means the caller compiles a node that was not
 * part of the admitted tree: a bug, not a user error.
 */
export function resolvedPathOf(paths: ResolvedPaths, node: Comparison): ResolvedPath {
  const path = paths.get(node);
  if (path === undefined) throw new Error(`internal error: path ${node.path.text} was not validated`);
  return path;
}

function collectPaths(node: Expression, schema: Schema, into: Map<Comparison, ResolvedPath>): void {
  switch (node.type) {
    case 'and':
    case 'or':
      for (const child of node.children) collectPaths(child, schema, into);
      return;
    case 'comparison': {
      const resolution = resolvePath(schema, node.path.text);
      if (resolution.ok) into.set(node, resolution.path);
      return;
    }
    default:
      assertNever(node);
  }
}
