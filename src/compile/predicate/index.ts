/**
 * The in-memory predicate compiler (SPEC §7 `toPredicate`): validates once, then walks the tree once and returns
 * nested closures. No `eval` or `new Function` (CSP-safe); paths, patterns and code paths are chosen at compile
 * time, so testing a record does no table lookups and allocates nothing.
 */
import type { Comparison, Expression } from '../../language/ast.js';
import { otaJobSchema, type Schema } from '../../schema/schema.js';
import { assertNever } from '../../util/assert-never.js';
import { assertValid, resolvedPathOf, type ResolvedPaths } from '../validated.js';
import { PREDICATE_OPS, type OperatorCompiler } from './operators.js';
import { readerFor } from './readers.js';
import { COMBINATOR_SITES } from './sites.generated.js';
import { SlotTable } from './slots.js';
import type { RecordTest, SiteTest } from './types.js';

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
  if (ast === null) return MATCH_EVERYTHING;
  const { test, site } = compileNode(ast, paths);
  // The one check that the record is an object: every comparison below reads it as one without checking again.
  return combinatorSites(`root(${site})`).root(test);
}

const combinatorSlots = new SlotTable(COMBINATOR_SITES.length);

/**
 * The copy of the combinators for a node whose children run `key`'s sites: the same children's sites always get
 * the same copy, so each of its call sites calls closures of one source site (sites.generated.ts).
 */
function combinatorSites(key: string): (typeof COMBINATOR_SITES)[number] {
  return COMBINATOR_SITES[combinatorSlots.slotOf(key)]!;
}

function compileNode(node: Expression, paths: ResolvedPaths): SiteTest {
  switch (node.type) {
    case 'and':
      return combine('all', node.children.map((child) => compileNode(child, paths)));
    case 'or':
      return combine('any', node.children.map((child) => compileNode(child, paths)));
    case 'comparison':
      return compileComparison(node, paths);
    default:
      return assertNever(node);
  }
}

function compileComparison(node: Comparison, paths: ResolvedPaths): SiteTest {
  // The table's entries are typed per operator; node.op picks the entry made for exactly this node's shape.
  const compile = PREDICATE_OPS[node.op] as OperatorCompiler<typeof node.op>;
  return compile(readerFor(resolvedPathOf(paths, node)), node as never);
}

/**
 * `and` (`all`) and `or` (`any`): two to four children run in an unrolled closure from the copy that their sites
 * choose; more in a loop (the parser's builders never make fewer than two).
 */
function combine(kind: 'all' | 'any', children: readonly SiteTest[]): SiteTest {
  const [a, b, c, d] = children.map((child) => child.test);
  if (children.length === 1) return children[0]!;
  if (children.length > 4) return { test: kind === 'all' ? allInLoop(children) : anyInLoop(children), site: `${kind}Loop` };
  const key = `${kind}${children.length}(${children.map((child) => child.site).join(',')})`;
  const slot = combinatorSlots.slotOf(key);
  const sites = COMBINATOR_SITES[slot]!;
  const site = `combinator${slot}.${kind}${children.length}`;
  switch (children.length) {
    case 2:
      return { test: kind === 'all' ? sites.all2(a!, b!) : sites.any2(a!, b!), site };
    case 3:
      return { test: kind === 'all' ? sites.all3(a!, b!, c!) : sites.any3(a!, b!, c!), site };
    default:
      return { test: kind === 'all' ? sites.all4(a!, b!, c!, d!) : sites.any4(a!, b!, c!, d!), site };
  }
}

function allInLoop(children: readonly SiteTest[]): RecordTest {
  const tests = children.map((child) => child.test);
  const count = tests.length;
  return (record) => {
    for (let index = 0; index < count; index += 1) if (!tests[index]!(record)) return false;
    return true;
  };
}

function anyInLoop(children: readonly SiteTest[]): RecordTest {
  const tests = children.map((child) => child.test);
  const count = tests.length;
  return (record) => {
    for (let index = 0; index < count; index += 1) if (tests[index]!(record)) return true;
    return false;
  };
}
