/**
 * Candidate readers: how a compiled path reaches the value(s) a comparison looks at (docs/SEMANTICS.md). Each
 * reader is built once per comparison from the resolved path, with names and keys fixed in its closure, so that
 * checking a record reads own properties only, looks nothing up in tables and allocates nothing.
 */
import type { ResolvedPath } from '../../schema.js';
import { assertNever } from '../../util/assert-never.js';
import { i18nReader } from './i18n.js';
import type { CandidateReader, RecordTest, ValueTest } from './types.js';
import type { Literal } from '../../ast.js';
import { hasOwn, IN_SET_THRESHOLD, nestedEntryTest, oneOf, valueTypeOfPath, type ValueType } from './values.js';

const PRESENCE_TESTS = {
  string: (value: unknown) => typeof value === 'string',
  number: (value: unknown) => typeof value === 'number',
  boolean: (value: unknown) => typeof value === 'boolean',
} as const satisfies Record<ValueType, ValueTest>;

export function presenceTest(valueType: ValueType): ValueTest {
  return PRESENCE_TESTS[valueType];
}

export function readerFor(path: ResolvedPath): CandidateReader {
  const valueType = valueTypeOfPath(path);
  const isPresent = presenceTest(valueType);
  switch (path.kind) {
    case 'scalar':
      return {
        some: (test) => scalarTest(path.name, test),
        someEqual: (values) => scalarOneOfTest(path.name, values, isPresent),
        singleCandidate: true,
        valueType,
        isPresent,
      };
    case 'map': {
      const some = (test: ValueTest): RecordTest => nestedEntryTest(path.name, path.key, test);
      return { some, someEqual: (values) => some(oneOf(values, isPresent)), singleCandidate: true, valueType, isPresent };
    }
    case 'i18n':
      return i18nReader(path.name, path.field.locales, path.target, isPresent);
    default:
      return assertNever(path);
  }
}

/** `record.<name>` as an own property. */
function scalarTest(name: string, test: ValueTest): RecordTest {
  return (record) =>
    typeof record === 'object' &&
    record !== null &&
    test((record as Record<string, unknown>)[name]) &&
    hasOwn(record, name);
}


/**
 * `record.<name>` is one of `values` (distinct, at least one), read and compared in one closure. A value equal to
 * one of them has the field's type, so equality alone implies presence; `hasOwn` runs only for a match.
 */
function scalarOneOfTest(name: string, values: readonly Literal[], isPresent: ValueTest): RecordTest {
  const [first, second] = values;
  if (values.length === 1 && first !== undefined) {
    return (record) =>
      typeof record === 'object' && record !== null && (record as Record<string, unknown>)[name] === first && hasOwn(record, name);
  }
  if (values.length === 2 && first !== undefined && second !== undefined) {
    return (record) => {
      if (typeof record !== 'object' || record === null) return false;
      const value = (record as Record<string, unknown>)[name];
      return (value === first || value === second) && hasOwn(record, name);
    };
  }
  if (values.length > IN_SET_THRESHOLD) return scalarTest(name, oneOf(values, isPresent));
  const list = [...values];
  const count = list.length;
  return (record) => {
    if (typeof record !== 'object' || record === null) return false;
    const value = (record as Record<string, unknown>)[name];
    for (let index = 0; index < count; index += 1) if (value === list[index]) return hasOwn(record, name);
    return false;
  };
}
