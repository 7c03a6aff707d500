/** The shapes the predicate compiler builds: candidate tests, record tests and the readers that join them. */
import type { Literal } from '../../ast.js';
import type { ValueType } from './values.js';

/** A test of one candidate value. Contract: false for `undefined` and for every value not of the field's type. */
export type ValueTest = (value: unknown) => boolean;
/** A compiled expression, or part of one: true when the record is selected. */
export type RecordTest = (record: unknown) => boolean;

export interface CandidateReader {
  /**
   * A record test that is true when some present candidate passes `test`. Readers rely on the ValueTest contract:
   * they call `test` first and check that the property is an own one only after it passed, which keeps the
   * `hasOwn` call off the path of records that do not match.
   */
  readonly some: (test: ValueTest) => RecordTest;
  /** True when a record has one candidate at most, so that "present and not equal" is one candidate test. */
  readonly singleCandidate: boolean;
  /** The type of a present candidate. */
  readonly valueType: ValueType;
  /** The candidate test "present" (`typeof value === valueType`). */
  readonly isPresent: ValueTest;
  /**
   * The record test "some candidate is one of `values`" (`=` and `in`; values of the field's type, at least one).
   * Same meaning as `some` with an equality test; scalar readers fuse read and comparison into one closure, which
   * V8 runs about twice as fast as a read calling a test (these are the most common comparisons).
   */
  readonly someEqual: (values: readonly Literal[]) => RecordTest;
}
