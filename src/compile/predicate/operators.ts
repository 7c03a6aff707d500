/**
 * PREDICATE_OPS: one entry per operator (SPEC §3, docs/SEMANTICS.md), each turning a candidate reader and its
 * comparison into a record test once, at compile time. Values are validated before they get here: they have the
 * field's type (ordering operators only on number fields, `like` only on strings).
 */
import type { InComparison, LikeComparison, Literal, Operator, PresenceComparison, ValueComparison } from '../../ast.js';
import type { CandidateReader, RecordTest, ValueTest } from './types.js';
import { asciiCaseInsensitiveContainsSource } from './values.js';

/** Above this many values an `in` looks values up in a Set; below it a loop of `===` is faster. */
const IN_SET_THRESHOLD = 8;

/** The node an operator's entry receives. */
export type ComparisonOf<Op extends Operator> = Op extends ValueComparison['op']
  ? ValueComparison
  : Op extends 'in'
    ? InComparison
    : Op extends 'like'
      ? LikeComparison
      : PresenceComparison;

export type OperatorCompiler<Op extends Operator> = (reader: CandidateReader, node: ComparisonOf<Op>) => RecordTest;

export const PREDICATE_OPS = {
  '=': (reader, node) => reader.some(equalTo(node.value.value)),
  '!=': (reader, node) => notEqual(reader, node.value.value),
  '<': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value < bound);
  },
  '<=': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value <= bound);
  },
  '>': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value > bound);
  },
  '>=': (reader, node) => {
    const bound = node.value.value as number;
    return reader.some((value) => typeof value === 'number' && value >= bound);
  },
  in: (reader, node) => reader.some(oneOf(node.values.map((value) => value.value), reader.isPresent)),
  like: (reader, node) => reader.some(containsIgnoringAsciiCaseTest(node.value.value)),
  exists: (reader) => reader.some(reader.isPresent),
  'is not null': (reader) => reader.some(reader.isPresent),
  'not exists': (reader) => not(reader.some(reader.isPresent)),
  'is null': (reader) => not(reader.some(reader.isPresent)),
} as const satisfies { readonly [Op in Operator]: OperatorCompiler<Op> };

/** `x === v`: v has the field's type, so equality implies presence. */
function equalTo(expected: Literal): ValueTest {
  return (value) => value === expected;
}

/** `!=` is `exists and not =` (SEMANTICS); with one candidate that is one test of it. */
function notEqual(reader: CandidateReader, expected: Literal): RecordTest {
  if (reader.singleCandidate) {
    const { valueType } = reader;
    return reader.some((value) => typeof value === valueType && value !== expected);
  }
  const present = reader.some(reader.isPresent);
  const equal = reader.some(equalTo(expected));
  return (record) => present(record) && !equal(record);
}

function oneOf(values: readonly Literal[], isPresent: ValueTest): ValueTest {
  const distinct = [...new Set(values)];
  if (distinct.length === 1) return equalTo(distinct[0]!);
  if (distinct.length > IN_SET_THRESHOLD) {
    // Set.has uses SameValueZero, which agrees with === here: values are finite (validated), so no NaN.
    const set = new Set<unknown>(distinct);
    return (value) => isPresent(value) && set.has(value);
  }
  const count = distinct.length;
  return (value) => {
    for (let index = 0; index < count; index += 1) if (value === distinct[index]) return true;
    return false;
  };
}

/**
 * `like`: chooses the cheapest exact test once. An empty pattern is presence; one without ASCII letters needs no
 * folding, so it is a plain `includes`; otherwise the `[aA]` regular expression that MongoDB also gets (V8 runs it
 * several times faster than folding each record, and it allocates nothing).
 */
function containsIgnoringAsciiCaseTest(pattern: string): ValueTest {
  if (pattern === '') return (value) => typeof value === 'string';
  if (!/[A-Za-z]/.test(pattern)) return (value) => typeof value === 'string' && value.includes(pattern);
  // No `g` or `y` flag: `test` then ignores and never updates lastIndex, so one instance serves every record.
  const expression = new RegExp(asciiCaseInsensitiveContainsSource(pattern));
  return (value) => typeof value === 'string' && expression.test(value);
}

function not(test: RecordTest): RecordTest {
  return (record) => !test(record);
}
