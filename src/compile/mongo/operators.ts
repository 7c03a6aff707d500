/**
 * MONGO_OPS: one entry per operator (docs/LANGUAGE.md §3, docs/SEMANTICS.md), each building the filter for one comparison
 * from its path plan. Presence is `$type` of the field's type, so that a missing, null or wrong-typed value is
 * absent exactly as in the predicate; `$ne` and `$not`, which also match missing fields, only ever appear beside
 * `$type` or around a presence test.
 */
import type { Literal, Operator } from '../../language/ast.js';
import type { ComparisonOf } from '../predicate/operators.js';
import { asciiCaseInsensitiveContainsSource } from '../predicate/values.js';
import type { MongoPathPlan } from './document.js';
import type { MongoCondition, MongoFilter } from './types.js';

export type MongoOperatorCompiler<Op extends Operator> = (plan: MongoPathPlan, node: ComparisonOf<Op>) => MongoFilter;

export const MONGO_OPS = {
  '=': (plan, node) => plan.some({ $eq: node.value.value }),
  '!=': (plan, node) => notEqual(plan, node.value.value),
  // Ordering is validated to number fields and number values; MongoDB's type bracketing then compares numbers only.
  '<': (plan, node) => plan.some({ $lt: node.value.value as number }),
  '<=': (plan, node) => plan.some({ $lte: node.value.value as number }),
  '>': (plan, node) => plan.some({ $gt: node.value.value as number }),
  '>=': (plan, node) => plan.some({ $gte: node.value.value as number }),
  in: (plan, node) => plan.some(oneOf(node.values.map((value) => value.value))),
  like: (plan, node) => plan.some(containsIgnoringAsciiCase(node.value.value)),
  exists: (plan) => present(plan),
  'is not null': (plan) => present(plan),
  'not exists': (plan) => absent(plan),
  'is null': (plan) => absent(plan),
} as const satisfies { readonly [Op in Operator]: MongoOperatorCompiler<Op> };

function present(plan: MongoPathPlan): MongoFilter {
  return plan.some({ $type: plan.typeAlias });
}

/** `$not: { $type }` matches a missing field too, which is what "absent" means here. */
function absent(plan: MongoPathPlan): MongoFilter {
  if (plan.directPath !== undefined) return { [plan.directPath]: { $not: { $type: plan.typeAlias } } };
  return { $nor: [present(plan)] };
}

/** `!=` is `exists and not =`. `$ne` alone would select records where the field is missing. */
function notEqual(plan: MongoPathPlan, expected: Literal): MongoFilter {
  if (plan.directPath !== undefined) return { [plan.directPath]: { $type: plan.typeAlias, $ne: expected } };
  return { $and: [present(plan), { $nor: [plan.some({ $eq: expected })] }] };
}

function oneOf(values: readonly Literal[]): MongoCondition {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? { $eq: distinct[0]! } : { $in: distinct };
}

/** `like ''` is presence; any other pattern is a fully escaped, flag-free regular expression (see values.ts). */
function containsIgnoringAsciiCase(pattern: string): MongoCondition {
  return pattern === '' ? { $type: 'string' } : { $regex: asciiCaseInsensitiveContainsSource(pattern) };
}
