/**
 * The in-memory predicate compiler (SPEC §7 `toPredicate`): validates once, then walks the tree once and returns
 * nested closures. No `eval` or `new Function` (CSP-safe); paths, patterns and code paths are chosen at compile
 * time, so testing a record does no table lookups and allocates nothing.
 */
import type { Comparison, Expression } from '../../ast.js';
import { otaJobSchema, type Schema } from '../../schema.js';
import { assertNever } from '../../util/assert-never.js';
import { assertValid, resolvedPathOf, type ResolvedPaths } from '../validated.js';
import { PREDICATE_OPS, type OperatorCompiler } from './operators.js';
import { readerFor } from './readers.js';
import type { RecordTest } from './types.js';

export interface PredicateOptions {
  /** The schema the tree is validated against and its paths resolved with; defaults to `otaJobSchema`. */
  readonly schema?: Schema;
}

/** A compiled expression: true when the record is selected. Never throws, whatever the record is. */
export type Predicate = (record: unknown) => boolean;

const MATCH_EVERYTHING: Predicate = () => true;

/**
 * Compiles an expression into a function that tells whether a record is selected (SPEC §3, docs/SEMANTICS.md).
 * `null` (empty text) selects every record. Throws `ExpressionError` (99400) when the tree is not valid for the
 * schema.
 */
export function toPredicate(ast: Expression | null, options?: PredicateOptions): Predicate {
  const paths = assertValid(ast, options?.schema ?? otaJobSchema);
  return ast === null ? MATCH_EVERYTHING : compileNode(ast, paths);
}

function compileNode(node: Expression, paths: ResolvedPaths): RecordTest {
  switch (node.type) {
    case 'and':
      return allOf(node.children.map((child) => compileNode(child, paths)));
    case 'or':
      return anyOf(node.children.map((child) => compileNode(child, paths)));
    case 'comparison':
      return compileComparison(node, paths);
    default:
      return assertNever(node);
  }
}

function compileComparison(node: Comparison, paths: ResolvedPaths): RecordTest {
  // The table's entries are typed per operator; node.op picks the entry made for exactly this node's shape.
  const compile = PREDICATE_OPS[node.op] as OperatorCompiler<typeof node.op>;
  return compile(readerFor(resolvedPathOf(paths, node)), node as never);
}

/** `and`: unrolled for the common small arities so that V8 can inline the children. */
function allOf(tests: readonly RecordTest[]): RecordTest {
  const [first, second, third] = tests;
  if (first === undefined) return MATCH_EVERYTHING;
  if (second === undefined) return first;
  if (tests.length === 2) return (record) => first(record) && second(record);
  if (tests.length === 3 && third !== undefined) return (record) => first(record) && second(record) && third(record);
  const count = tests.length;
  return (record) => {
    for (let index = 0; index < count; index += 1) if (!tests[index]!(record)) return false;
    return true;
  };
}

function anyOf(tests: readonly RecordTest[]): RecordTest {
  const [first, second, third] = tests;
  if (first === undefined) return () => false;
  if (second === undefined) return first;
  if (tests.length === 2) return (record) => first(record) || second(record);
  if (tests.length === 3 && third !== undefined) return (record) => first(record) || second(record) || third(record);
  const count = tests.length;
  return (record) => {
    for (let index = 0; index < count; index += 1) if (tests[index]!(record)) return true;
    return false;
  };
}
