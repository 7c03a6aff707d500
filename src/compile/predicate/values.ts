/**
 * The predicate's value tests (docs/SEMANTICS.md): equality, `in` sets and `like`, each false for an absent value.
 * Own-property reads are util/own.ts's; case folding and the `like` regular expression are shared with MongoDB
 * (compile/shared/text.ts).
 */
import type { Literal } from '../../language/ast.js';
import type { RecordTest, ValueTest } from './types.js';
import { hasOwn, isContainer } from '../../util/own.js';
import { asciiCaseInsensitiveContainsSource } from '../shared/text.js';

export type { ValueType } from '../../schema/resolve.js';

/**
 * The record test "`record.<name>[key]` passes `test`", both own properties (the key is data: `__proto__` is just a
 * key). Used for map entries. `test` runs before the own-property checks, which only a passing value needs (the
 * ValueTest contract: `test(undefined)` is false).
 */
export function nestedEntryTest(name: string, key: string, test: ValueTest): RecordTest {
  return (record) => {
    const container = record[name];
    return isContainer(container) && test(container[key]) && hasOwn(container, key) && hasOwn(record, name);
  };
}

/**
 * `like` as a candidate test, the cheapest exact one chosen once. An empty pattern is presence; one without ASCII
 * letters needs no folding, so it is a plain `includes`; otherwise the `[aA]` regular expression that MongoDB also
 * gets (V8 runs it several times faster than folding each record, and it allocates nothing).
 */
export function containsIgnoringAsciiCaseTest(pattern: string): KindedTest {
  if (pattern === '') return { test: (value) => typeof value === 'string', kind: 'like:empty' };
  if (!hasAsciiLetter(pattern))
    return { test: (value) => typeof value === 'string' && value.includes(pattern), kind: 'like:includes' };
  const expression = likeExpression(pattern);
  return { test: (value) => typeof value === 'string' && expression.test(value), kind: 'like:regexp' };
}

/** A candidate test and its kind (types.ts TestKind). */
export interface KindedTest {
  readonly test: ValueTest;
  readonly kind: string;
}

export function hasAsciiLetter(pattern: string): boolean {
  return /[A-Za-z]/.test(pattern);
}

/**
 * The regular expression of a `like` pattern with ASCII letters. No `g` or `y` flag: `test` then ignores and never
 * updates lastIndex, so one instance serves every record.
 */
export function likeExpression(pattern: string): RegExp {
  return new RegExp(asciiCaseInsensitiveContainsSource(pattern));
}

/** Above this many values an `in` looks values up in a Set; below it `===` (unrolled up to four) is faster. */
export const IN_SET_THRESHOLD = 4;

/** `x === v`: v has the field's type, so equality implies presence. */
export function equalTo(expected: Literal): ValueTest {
  return (value) => value === expected;
}

/**
 * The candidate test "one of `values`" (distinct, at least one), for readers without a fused form: `===` for one
 * value, a loop for a few, a Set beyond IN_SET_THRESHOLD.
 */
export function oneOf(values: readonly Literal[], isPresent: ValueTest): KindedTest {
  const [first] = values;
  if (values.length === 1 && first !== undefined) return { test: equalTo(first), kind: 'equal' };
  if (values.length > IN_SET_THRESHOLD) {
    // Set.has uses SameValueZero, which agrees with === here: values are finite (validated), so no NaN.
    const set = new Set<unknown>(values);
    return { test: (value) => isPresent(value) && set.has(value), kind: 'in:set' };
  }
  const list = [...values];
  const count = list.length;
  return {
    test: (value) => {
      for (let index = 0; index < count; index += 1) if (value === list[index]) return true;
      return false;
    },
    kind: 'in:list',
  };
}
