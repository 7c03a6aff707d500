/**
 * Candidate readers: how a compiled path reaches the value(s) a comparison looks at (docs/SEMANTICS.md). Each
 * reader is built once per comparison from the resolved path, with names and keys fixed in its closure, so that
 * checking a record reads own properties only, looks nothing up in tables and allocates nothing.
 */
import type { ResolvedPath } from '../../schema.js';
import { assertNever } from '../../util/assert-never.js';
import { i18nReader } from './i18n.js';
import type { CandidateReader, RecordTest, ValueTest } from './types.js';
import { hasOwn, nestedEntryTest, valueTypeOfPath, type ValueType } from './values.js';

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
      return { some: (test) => scalarTest(path.name, test), singleCandidate: true, valueType, isPresent };
    case 'map':
      return { some: (test) => nestedEntryTest(path.name, path.key, test), singleCandidate: true, valueType, isPresent };
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

