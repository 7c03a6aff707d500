/**
 * PREDICATE_OPS: one entry per operator (SPEC §3, docs/SEMANTICS.md), each turning a candidate reader and its
 * comparison into a record test once, at compile time. Values are validated before they get here: they have the
 * field's type (ordering operators only on number fields, `like` only on strings).
 */
import type { InComparison, LikeComparison, Literal, Operator, PresenceComparison, ValueComparison } from '../../ast.js';
import type { CandidateReader, RecordTest, ValueTest } from './types.js';
import { asciiCaseInsensitiveContainsSource, equalTo } from './values.js';

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
  '=': (reader, node) => reader.someEqual([node.value.value]),
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
  in: (reader, node) => reader.someEqual(distinct(node.values.map((value) => value.value))),
  like: (reader, node) => reader.some(containsIgnoringAsciiCaseTest(node.value.value)),
  exists: (reader) => reader.some(reader.isPresent),
  'is not null': (reader) => reader.some(reader.isPresent),
  'not exists': (reader) => not(reader.some(reader.isPresent)),
  'is null': (reader) => not(reader.some(reader.isPresent)),
} as const satisfies { readonly [Op in Operator]: OperatorCompiler<Op> };


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

function distinct(values: readonly Literal[]): Literal[] {
  return [...new Set(values)];
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
