/**
 * MONGO_OPS: one entry per operator (docs/LANGUAGE.md §3, docs/SEMANTICS.md), each building the filter for one comparison
 * from its candidates. Presence is `$type` of the field's type, so that a missing, null or wrong-typed value is
 * absent exactly as in the predicate; `$ne` and `$not`, which also match missing fields, only ever appear beside
 * `$type` or around a presence test.
 */
import type { ComparisonOf, Literal, Operator } from '../../language/ast.js';
import { asciiCaseInsensitiveContainsSource } from '../shared/text.js';
import type { MongoCandidates } from './document.js';
import type { MongoCondition, MongoFilter } from './types.js';

export type MongoOperatorCompiler<Op extends Operator> = (
  candidates: MongoCandidates,
  node: ComparisonOf<Op>,
) => MongoFilter;

export const MONGO_OPS = {
  '=': (candidates, node) => candidates.some({ $eq: node.value.value }),
  '!=': (candidates, node) => notEqual(candidates, node.value.value),
  // Ordering is validated to number and datetime fields. MongoDB's type bracketing compares numbers with numbers
  // only; a datetime bound is a string, which compares with any string, so the form check goes beside it.
  '<': (candidates, node) => ordered(candidates, { $lt: node.value.value as number | string }),
  '<=': (candidates, node) => ordered(candidates, { $lte: node.value.value as number | string }),
  '>': (candidates, node) => ordered(candidates, { $gt: node.value.value as number | string }),
  '>=': (candidates, node) => ordered(candidates, { $gte: node.value.value as number | string }),
  in: (candidates, node) => candidates.some(oneOf(node.values.map((value) => value.value))),
  like: (candidates, node) => candidates.some(containsIgnoringAsciiCase(node.value.value)),
  exists: (candidates) => present(candidates),
  'is not null': (candidates) => present(candidates),
  'not exists': (candidates) => absent(candidates),
  'is null': (candidates) => absent(candidates),
} as const satisfies { readonly [Op in Operator]: MongoOperatorCompiler<Op> };

function ordered(candidates: MongoCandidates, condition: MongoCondition): MongoFilter {
  return candidates.some(candidates.orderingNeedsPresence ? { ...candidates.presence, ...condition } : condition);
}

function present(candidates: MongoCandidates): MongoFilter {
  return candidates.some(candidates.presence);
}

/** `$not: { $type }` matches a missing field too, which is what "absent" means here. */
function absent(candidates: MongoCandidates): MongoFilter {
  if (candidates.directPath !== undefined) return { [candidates.directPath]: { $not: { ...candidates.presence } } };
  return { $nor: [present(candidates)] };
}

/** `!=` is `exists and not =`. `$ne` alone would select records where the field is missing. */
function notEqual(candidates: MongoCandidates, expected: Literal): MongoFilter {
  if (candidates.directPath !== undefined)
    return { [candidates.directPath]: { ...candidates.presence, $ne: expected } };
  return { $and: [present(candidates), { $nor: [candidates.some({ $eq: expected })] }] };
}

function oneOf(values: readonly Literal[]): MongoCondition {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? { $eq: distinct[0]! } : { $in: distinct };
}

/** `like ''` is presence; any other pattern is a fully escaped, flag-free regular expression (see values.ts). */
function containsIgnoringAsciiCase(pattern: string): MongoCondition {
  return pattern === '' ? { $type: 'string' } : { $regex: asciiCaseInsensitiveContainsSource(pattern) };
}
