/** The shapes the predicate compiler builds: candidate tests, record tests and the readers that join them. */
import type { Literal } from '../../language/ast.js';
import type { Compiled } from './copies/index.js';
import type { ValueType } from './values.js';

/** A test of one candidate value. Contract: false for `undefined` and for every value not of the field's type. */
export type ValueTest = (value: unknown) => boolean;
/**
 * A record already known to be a non-null object: the compiled predicate checks that once, at its root, so that no
 * comparison repeats it.
 */
export type FieldBag = Readonly<Record<string, unknown>>;
/** A compiled expression, or part of one: true when the record is selected. */
export type RecordTest = (record: FieldBag) => boolean;

/**
 * What a candidate test is (`like:regexp`, `present`, `<`…), so that the closure that calls it can be one that only
 * ever calls tests of that kind (copies/index.ts). Tests of one kind come from one function in the source.
 */
export type TestKind = string;

export interface PredicateCandidates {
  /**
   * A record test (compiled: an opaque part for copies/index.ts) that is true when some present candidate passes
   * `test`. Readers rely on the ValueTest contract: they call `test` first and check that the property is an own
   * one only after it passed, which keeps the `hasOwn` call off the path of records that do not match.
   */
  readonly some: (test: ValueTest, kind: TestKind) => Compiled;
  /** True when a record has one candidate at most, so that "present and not equal" is one candidate test. */
  readonly singleCandidate: boolean;
  /** The type of a present candidate. */
  readonly valueType: ValueType;
  /** The candidate test "present" (`typeof value === valueType`). */
  readonly isPresent: ValueTest;
  /**
   * The record test "some candidate is one of `values`" (`=` and `in`; values of the field's type, at least one,
   * distinct). Same meaning as `some` with an equality test; scalar readers fuse read and comparison into one
   * closure, which V8 runs about twice as fast as a read calling a test (these are the most common comparisons).
   */
  readonly someEqual: (values: readonly Literal[]) => Compiled;
  /** The record test "some present candidate contains `pattern`, ignoring ASCII case" (`like`); fused likewise. */
  readonly someLike: (pattern: string) => Compiled;
}
