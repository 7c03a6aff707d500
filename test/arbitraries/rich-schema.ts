/**
 * A test schema richer than OTA's, so that every operator and every field type gets exercised: string (with and
 * without known values), number (ordering), boolean, i18n and map fields, all allowing every operator their type
 * takes, plus a field named `constructor` (an Object.prototype name). `richRecord` makes matching records.
 */
import fc from 'fast-check';
import type { Operator } from '../../src/language/ast.js';
import { defineSchema } from '../../src/schema/schema.js';
import { i18nValue, type RecordArbitraryOptions } from './records.js';
import { MAP_KEY_POOL, poolDatetime, poolNumber, poolScalar, poolString } from './strings.js';

const PRESENCE: readonly Operator[] = ['exists', 'not exists', 'is null', 'is not null'];
/** Every operator a string-like field can take. */
export const STRING_OPERATORS = ['=', '!=', 'in', 'like', ...PRESENCE] as const satisfies readonly Operator[];
export const NUMBER_OPERATORS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  ...PRESENCE,
] as const satisfies readonly Operator[];
export const DATETIME_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', ...PRESENCE] as const satisfies readonly Operator[];
export const BOOLEAN_OPERATORS = ['=', '!=', 'in', ...PRESENCE] as const satisfies readonly Operator[];

export const richTestSchema = defineSchema({
  name: 'rich-test',
  fields: {
    code: { type: 'string', operators: STRING_OPERATORS },
    kind: { type: 'string', operators: STRING_OPERATORS, values: ['alpha', 'beta'] },
    size: { type: 'number', operators: NUMBER_OPERATORS },
    active: { type: 'boolean', operators: BOOLEAN_OPERATORS },
    title: { type: 'i18n', operators: STRING_OPERATORS, locales: ['zh_CN', 'en_US'] },
    tags: { type: 'map', operators: STRING_OPERATORS },
    attrs: { type: 'map', values: 'scalar', operators: ['=', '!=', 'in', 'like', 'exists', 'not exists'] },
    seen: { type: 'datetime', operators: DATETIME_OPERATORS },
    constructor: { type: 'string', operators: STRING_OPERATORS },
  },
  logical: ['and', 'or'],
});

export type RichTestSchema = typeof richTestSchema;

/** A record for richTestSchema (fields optional, null or undefined; wrong types with `wrongTypes`). */
export type RichRecord = Readonly<Record<string, unknown>>;

function optional<T>(value: fc.Arbitrary<T>, wrongTypes: boolean, wrong: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: value },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: wrongTypes ? 1 : 0, arbitrary: wrong },
  );
}

/**
 * A map object whose keys come from MAP_KEY_POOL, `__proto__` and `constructor` included as own data properties
 * (defined, never assigned, so that `__proto__` does not set the prototype).
 */
function tagMap(options: RecordArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const wrongTypes = options.wrongTypes === true;
  const value = optional(poolString(options), wrongTypes, fc.constantFrom(1, true));
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...MAP_KEY_POOL), value), { selector: ([key]) => key, maxLength: 4 })
    .map((entries) => {
      const map: Record<string, unknown> = {};
      for (const [key, entry] of entries)
        Object.defineProperty(map, key, { value: entry, enumerable: true, writable: true, configurable: true });
      return map;
    });
}

/**
 * A map of scalars: strings, numbers and booleans side by side (`20` and `"20"`, `true` and `1`), nulls and objects
 * too. No arrays: MongoDB matches an array's elements where the other targets see no value (outside the contract).
 */
function attributeMap(options: RecordArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    { weight: 6, arbitrary: poolScalar(options) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, { a: 1 }) },
  );
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...MAP_KEY_POOL), value), { selector: ([key]) => key, maxLength: 4 })
    .map((entries) => {
      const map: Record<string, unknown> = {};
      for (const [key, entry] of entries)
        Object.defineProperty(map, key, { value: entry, enumerable: true, writable: true, configurable: true });
      return map;
    });
}

export function richRecord(options: RecordArbitraryOptions = {}): fc.Arbitrary<RichRecord> {
  const wrongTypes = options.wrongTypes === true;
  const strings = poolString(options);
  const wrongForString = fc.constantFrom<unknown>(0, 1, true);
  const fields = fc.record(
    {
      code: optional(strings, wrongTypes, wrongForString),
      kind: optional(fc.oneof(fc.constantFrom('alpha', 'beta'), strings), wrongTypes, wrongForString),
      size: optional(poolNumber(), wrongTypes, fc.oneof(fc.constantFrom('1', '', true), strings)),
      active: optional(fc.boolean(), wrongTypes, fc.constantFrom<unknown>('true', 0, 1)),
      title: i18nValue(options),
      tags: optional(tagMap(options), wrongTypes, fc.oneof(strings, fc.constant(1))),
      attrs: optional(attributeMap(options), wrongTypes, fc.oneof(strings, fc.constant(1))),
      seen: optional(
        poolDatetime(),
        wrongTypes,
        fc.constantFrom<unknown>(
          '2023-06-15T12:30:00',
          '2023-6-15 12:30:00',
          '2023-02-29 00:00:00',
          '2024-06-31 12:00:00',
          '2024-05-01 24:00:00',
          20230615,
        ),
      ),
      constructor: optional(strings, wrongTypes, wrongForString),
    },
    { requiredKeys: [] },
  );
  // Own data properties on a plain object: copying with defineProperty keeps a generated `constructor` key own.
  return fields.map((generated) => {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(generated)) {
      Object.defineProperty(record, key, {
        value: (generated as Record<string, unknown>)[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return record;
  });
}

export function richRecords(options: RecordArbitraryOptions = {}): fc.Arbitrary<RichRecord[]> {
  return fc.array(richRecord(options), { maxLength: options.maxRecords ?? 20 });
}
