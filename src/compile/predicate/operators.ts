/**
 * PREDICATE_OPS: one entry per operator (SPEC §3, docs/SEMANTICS.md), each turning a candidate reader and its
 * comparison into a record test once, at compile time. Values are validated before they get here: they have the
 * field's type (ordering operators only on number fields, `like` only on strings).
 */
import type {
  InComparison,
  LikeComparison,
  Literal,
  Operator,
  PresenceComparison,
  ValueComparison,
} from '../../language/ast.js';
import { combine, negate, type Compiled } from './copies/index.js';
import type { CandidateReader } from './types.js';
import { equalTo } from './values.js';

/** The node an operator's entry receives. */
export type ComparisonOf<Op extends Operator> = Op extends ValueComparison['op']
  ? ValueComparison
  : Op extends 'in'
    ? InComparison
    : Op extends 'like'
      ? LikeComparison
      : PresenceComparison;

export type OperatorCompiler<Op extends Operator> = (reader: CandidateReader, node: ComparisonOf<Op>) => Compiled;

export const PREDICATE_OPS = {
  '=': (reader, node) => reader.someEqual([node.value.value]),
  '!=': (reader, node) => notEqual(reader, node.value.value),
  '<': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value < bound, '<');
  },
  '<=': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value <= bound, '<=');
  },
  '>': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value > bound, '>');
  },
  '>=': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value >= bound, '>=');
  },
  in: (reader, node) => reader.someEqual(distinct(node.values.map((value) => value.value))),
  like: (reader, node) => reader.someLike(node.value.value),
  exists: (reader) => reader.some(reader.isPresent, 'present'),
  'is not null': (reader) => reader.some(reader.isPresent, 'present'),
  'not exists': (reader) => negate(reader.some(reader.isPresent, 'present')),
  'is null': (reader) => negate(reader.some(reader.isPresent, 'present')),
} as const satisfies { readonly [Op in Operator]: OperatorCompiler<Op> };

/** `!=` is `exists and not =` (SEMANTICS); with one candidate that is one test of it. */
function notEqual(reader: CandidateReader, expected: Literal): Compiled {
  if (reader.singleCandidate) {
    const { valueType } = reader;
    return reader.some((value) => typeof value === valueType && value !== expected, 'not-equal');
  }
  return combine('all', [reader.some(reader.isPresent, 'present'), negate(reader.some(equalTo(expected), 'equal'))]);
}

function distinct(values: readonly Literal[]): Literal[] {
  return [...new Set(values)];
}
