/**
 * PREDICATE_OPS: one entry per operator (docs/LANGUAGE.md §3, docs/SEMANTICS.md), each turning the candidates of a path and its
 * comparison into a record test once, at compile time. Values are validated before they get here: they have the
 * field's type (ordering operators only on number fields, `like` only on strings).
 */
import type { ComparisonOf, Literal, Operator } from '../../language/ast.js';
import { assertNever } from '../../util/assert-never.js';
import { combine, negate, type Compiled } from './copies/index.js';
import type { PredicateCandidates } from './types.js';
import { equalTo } from './values.js';

export type OperatorCompiler<Op extends Operator> = (
  candidates: PredicateCandidates,
  node: ComparisonOf<Op>,
) => Compiled;

export const PREDICATE_OPS = {
  '=': (candidates, node) => candidates.someEqual([node.value.value]),
  '!=': (candidates, node) => notEqual(candidates, node.value.value),
  '<': (candidates, node) => ordered(candidates, node.value.value, '<'),
  '<=': (candidates, node) => ordered(candidates, node.value.value, '<='),
  '>': (candidates, node) => ordered(candidates, node.value.value, '>'),
  '>=': (candidates, node) => ordered(candidates, node.value.value, '>='),
  in: (candidates, node) => candidates.someEqual(distinct(node.values.map((value) => value.value))),
  like: (candidates, node) => candidates.someLike(node.value.value),
  exists: (candidates) => candidates.some(candidates.isPresent, 'present'),
  'is not null': (candidates) => candidates.some(candidates.isPresent, 'present'),
  'not exists': (candidates) => negate(candidates.some(candidates.isPresent, 'present')),
  'is null': (candidates) => negate(candidates.some(candidates.isPresent, 'present')),
} as const satisfies { readonly [Op in Operator]: OperatorCompiler<Op> };

/** `!=` is `exists and not =` (SEMANTICS); with one candidate that is one test of it. */
function notEqual(candidates: PredicateCandidates, expected: Literal): Compiled {
  if (candidates.singleCandidate) {
    const { isPresent } = candidates;
    return candidates.some((value) => value !== expected && isPresent(value), 'not-equal');
  }
  return combine('all', [
    candidates.some(candidates.isPresent, 'present'),
    negate(candidates.some(equalTo(expected), 'equal')),
  ]);
}

/**
 * An ordering comparison: numbers compare as numbers; datetimes (validated literals of one fixed form) as strings,
 * which orders them in time. The number closures test `typeof` inline, the most common case.
 */
function ordered(candidates: PredicateCandidates, bound: Literal, op: '<' | '<=' | '>' | '>='): Compiled {
  if (candidates.valueType === 'number') {
    const limit = bound as number;
    switch (op) {
      case '<':
        return candidates.some((value) => typeof value === 'number' && value < limit, op);
      case '<=':
        return candidates.some((value) => typeof value === 'number' && value <= limit, op);
      case '>':
        return candidates.some((value) => typeof value === 'number' && value > limit, op);
      case '>=':
        return candidates.some((value) => typeof value === 'number' && value >= limit, op);
      default:
        return assertNever(op);
    }
  }
  const { isPresent } = candidates;
  const limit = bound as string;
  switch (op) {
    case '<':
      return candidates.some((value) => isPresent(value) && (value as string) < limit, `datetime${op}`);
    case '<=':
      return candidates.some((value) => isPresent(value) && (value as string) <= limit, `datetime${op}`);
    case '>':
      return candidates.some((value) => isPresent(value) && (value as string) > limit, `datetime${op}`);
    case '>=':
      return candidates.some((value) => isPresent(value) && (value as string) >= limit, `datetime${op}`);
    default:
      return assertNever(op);
  }
}

function distinct(values: readonly Literal[]): Literal[] {
  return [...new Set(values)];
}
