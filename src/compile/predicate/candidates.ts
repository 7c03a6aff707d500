/**
 * Candidate readers: how a compiled path reaches the value(s) a comparison looks at (docs/SEMANTICS.md). Each
 * reader is built once per comparison from the resolved path, with names and keys fixed in its closure, so that
 * checking a record reads own properties only, looks nothing up in tables and allocates nothing. Scalar fields'
 * record tests come from copies/index.ts (scalarTests), which keeps V8's property loads monomorphic however many
 * filters a process compiles; map entries' from there too (mapEntryTest).
 */
import type { Literal } from '../../language/ast.js';
import { DATETIME_FORM, valueTypeOf, type ResolvedPath } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import { mapEntryTest, scalarTests, type Compiled, type ScalarTests } from './copies/index.js';
import { i18nReader } from './i18n.js';
import type { PredicateCandidates, ValueTest } from './types.js';
import {
  containsIgnoringAsciiCaseTest,
  hasAsciiLetter,
  IN_SET_THRESHOLD,
  likeExpression,
  oneOf,
  type ValueType,
} from './values.js';

const PRESENCE_TESTS = {
  string: (value: unknown) => typeof value === 'string',
  number: (value: unknown) => typeof value === 'number',
  boolean: (value: unknown) => typeof value === 'boolean',
  datetime: (value: unknown) => typeof value === 'string' && DATETIME_FORM.test(value),
  scalar: (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean',
} as const satisfies Record<ValueType, ValueTest>;

export function presenceTest(valueType: ValueType): ValueTest {
  return PRESENCE_TESTS[valueType];
}

export function candidatesOf(path: ResolvedPath): PredicateCandidates {
  const valueType = valueTypeOf(path);
  const isPresent = presenceTest(valueType);
  switch (path.kind) {
    case 'scalar': {
      const tests = scalarTests(path.name);
      return {
        some: (test) => tests.passes(test),
        someEqual: (values) => scalarOneOfTest(tests, values),
        someLike: (pattern) => scalarLikeTest(tests, pattern),
        singleCandidate: true,
        valueType,
        isPresent,
      };
    }
    case 'map': {
      const some = (test: ValueTest): Compiled => mapEntryTest(path.name, path.key, test);
      return {
        some,
        someEqual: (values) => some(oneOf(values, isPresent).test),
        someLike: (pattern) => some(containsIgnoringAsciiCaseTest(pattern).test),
        singleCandidate: true,
        valueType,
        isPresent,
      };
    }
    case 'i18n':
      return i18nReader(path.name, path.field.locales, path.target, isPresent);
    default:
      return assertNever(path);
  }
}

/**
 * `record.<name>` is one of `values` (distinct, at least one), read and compared in one closure: unrolled `===`
 * up to IN_SET_THRESHOLD (four) values, a Set beyond. A value equal to one of them has the field's type, so
 * equality alone implies presence; `hasOwn` runs only for a match.
 */
function scalarOneOfTest(tests: ScalarTests, values: readonly Literal[]): Compiled {
  const [a, b, c, d] = values;
  if (values.length > IN_SET_THRESHOLD) {
    // Set.has uses SameValueZero, which agrees with === here: values are finite (validated), so no NaN.
    return tests.inSet(new Set<unknown>(values));
  }
  switch (values.length) {
    case 1:
      return tests.equalsOne(a!);
    case 2:
      return tests.equalsTwo(a!, b!);
    case 3:
      return tests.equalsThree(a!, b!, c!);
    default:
      return tests.equalsFour(a!, b!, c!, d!);
  }
}

/** `record.<name> like pattern` (a string field): presence, `includes`, or the ASCII-folding expression. */
function scalarLikeTest(tests: ScalarTests, pattern: string): Compiled {
  if (pattern === '') return tests.isString();
  if (!hasAsciiLetter(pattern)) return tests.includes(pattern);
  return tests.matches(likeExpression(pattern));
}
