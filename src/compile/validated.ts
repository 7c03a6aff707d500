/**
 * The first step of every compiler: validate the tree against the schema (SPEC §4) and resolve each comparison's
 * path once, so that compilers never meet an unknown field, a disallowed operator or a wrong-typed value, and never
 * resolve a path twice. Generic over compilers: the predicate, MongoDB and SQL compilers can all start here.
 */
import type { Comparison, Expression, Literal } from '../language/ast.js';
import { INVALID_PARAMETER, type Diagnostic, type Problem } from '../diagnostics/diagnostic.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { resolvePath, type ResolvedPath, type Schema } from '../schema/schema.js';
import { assertNever } from '../util/assert-never.js';
import { validate } from '../schema/validate.js';

/** Each comparison node of a valid tree, mapped to its resolved path (keyed by node identity). */
export type ResolvedPaths = ReadonlyMap<Comparison, ResolvedPath>;

/**
 * Validates `ast` against `schema` and returns every comparison's resolved path.
 *
 * Throws `ExpressionError` (99400) with every error diagnostic when the tree is not valid; warnings (an unknown enum
 * value) do not stop compiling. Trees built by hand are checked for what the parser guarantees but the types do not:
 * known node types and operators, finite numbers (SPEC §1), and an `in` with at least one value.
 *
 * Compilers receive a tree, not text, so the diagnostics' `line` is 1 and `column` is `start + 1` (as if the text
 * were one line); `check(text)` gives exact positions.
 */
export function assertValid(ast: Expression | null, schema: Schema): ResolvedPaths {
  const resolved = new Map<Comparison, ResolvedPath>();
  if (ast === null) return resolved;
  let problems: Problem[];
  try {
    problems = [...validate(ast, schema), ...malformedValues(ast)];
  } catch (cause) {
    // validate() ends its switches in assertNever: a node or operator outside the AST's types lands here.
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ExpressionError([toDiagnostic({ severity: 'error', kind: 'invalid-input', message: `Invalid expression tree: ${message}`, span: ast.span ?? { start: 0, end: 0 } })]);
  }
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw new ExpressionError(errors.map(toDiagnostic).sort((a, b) => a.start - b.start || a.end - b.end));
  }
  collectPaths(ast, schema, resolved);
  return resolved;
}

/**
 * The resolved path of one comparison from `assertValid`'s map. A miss means the caller compiles a node that was
 * not part of the validated tree: a bug, not a user error.
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
      // validate() has accepted every path already; a failure here would be a bug in one of the two.
      if (!resolution.ok) throw new Error(`internal error: ${node.path.text} passed validation but does not resolve`);
      into.set(node, resolution.path);
      return;
    }
    default:
      assertNever(node);
  }
}

/** Problems validate() does not look for because the parser cannot produce them: only hand-built trees have them. */
function malformedValues(node: Expression): Problem[] {
  switch (node.type) {
    case 'and':
    case 'or':
      return node.children.flatMap(malformedValues);
    case 'comparison': {
      if (node.op === 'in' && (!Array.isArray(node.values) || node.values.length === 0)) {
        return [invalid(`in needs at least one value (${node.path.text})`, node.opSpan)];
      }
      const values = node.op === 'in' ? node.values : 'value' in node ? [node.value] : [];
      return values
        .filter((value) => !isLiteral(value.value))
        .map((value) => invalid(`Field ${node.path.text}: values are strings, finite numbers or booleans`, value.span));
    }
    default:
      return assertNever(node);
  }
}

function isLiteral(value: unknown): value is Literal {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function invalid(message: string, at: { start: number; end: number }): Problem {
  return { severity: 'error', kind: 'invalid-input', message, span: at };
}

function toDiagnostic(problem: Problem): Diagnostic {
  const start = Math.max(0, problem.span.start);
  const end = Math.max(start, problem.span.end);
  const diagnostic: Diagnostic = {
    code: INVALID_PARAMETER,
    severity: problem.severity,
    kind: problem.kind,
    message: problem.message,
    start,
    end,
    line: 1,
    column: start + 1,
  };
  return problem.hint === undefined ? diagnostic : { ...diagnostic, hint: problem.hint };
}
