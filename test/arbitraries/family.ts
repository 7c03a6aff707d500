/**
 * Nasty records for any schema with search rules (the EnOS family, src/apis/), derived from the schema alone: each
 * field gets values of its type from the shared pools (./strings.ts), so generated expressions hit them, and the
 * near misses every target must agree on — wrong types, null beside missing, empty strings and maps, map keys that
 * differ only in case, values equal up to case or a trailing space, numbers at ±2^53 and fractions, `true`, `1` and
 * `"true"`, well-formed and malformed datetimes, i18n values with missing or empty translations. Every record has its
 * id (unique in a batch), an orgId from a small pool, and the record properties its order keys name.
 *
 * Usage:
 *   familyRecord(schema, options?)   one record (its id not unique)
 *   familyRecords(schema, options?)  an array with unique ids
 * Options (FamilyRecordOptions):
 *   maxRecords / minRecords: the array's length bounds (default 0 to 20).
 *   wrongTypes: true (default) also puts values of another type in the fields; false keeps every present value of
 *               its field's type (absent ones stay: missing or null).
 *   untypedSortValues: false (default) gives every order-key property outside the fields a value of its type, from
 *               a small pool so that ties happen; true also leaves it missing, null or of another type now and then.
 *   unstorable: as in ./strings.ts (default false: no NUL or lone surrogates).
 * Records never hold arrays, which are outside the contract (MongoDB matches their elements).
 */
import fc from 'fast-check';
import type { FieldSpec, Schema, SortKey } from '../../src/schema/schema.js';
import { assertNever } from '../../src/util/assert-never.js';
import { CREATE_TIMES, ORG_IDS } from './records.js';
import {
  MAP_KEY_POOL,
  poolDatetime,
  poolNumber,
  poolScalar,
  poolString,
  type StringArbitraryOptions,
} from './strings.js';

export interface FamilyRecordOptions extends StringArbitraryOptions {
  readonly maxRecords?: number;
  readonly minRecords?: number;
  readonly wrongTypes?: boolean;
  readonly untypedSortValues?: boolean;
}

export type FamilyRecord = Readonly<Record<string, unknown>>;

/** Absent values: a property holding null, or undefined (a missing property comes from the record's optional keys). */
const ABSENT = fc.constantFrom<unknown>(null, undefined);

/** Numbers beyond the pool: both sides of 2^53, fractions, tiny and negative ones. */
const EDGE_NUMBERS: readonly number[] = [2 ** 53, -(2 ** 53), 2 ** 53 - 1, 2 ** 53 + 2, 0.1, 0.5, -0.5, 1e-7, 20];

/**
 * Datetimes that are not present values: another form (T, no zero padding, milliseconds, no seconds, padding), the
 * right form naming no calendar date or time (2023-02-29, month 13, 24:00:00), numbers.
 */
const MALFORMED_DATETIMES: readonly unknown[] = [
  '2023-06-15T12:30:00',
  '2023-6-15 12:30:00',
  '2023-06-15 12:30:00.000',
  '2023-06-15 12:30',
  ' 2023-06-15 12:30:00',
  '2023-06-15 12:30:00 ',
  '2023-02-29 00:00:00',
  '2023-13-01 00:00:00',
  '2023-06-15 24:00:00',
  '',
  20230615,
  1_686_832_200_000,
];

/** A value of the field's type, or absent, or (with wrongTypes) of another type. */
function orAbsent(
  typed: fc.Arbitrary<unknown>,
  wrong: fc.Arbitrary<unknown>,
  wrongTypes: boolean,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: typed },
    { weight: 1, arbitrary: ABSENT },
    { weight: wrongTypes ? 2 : 0, arbitrary: wrong },
  );
}

/** ASCII case variants and a trailing space: values that `=` must tell apart and `like` may not. */
function nearMisses(values: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...values), fc.constantFrom('upper', 'lower', 'space'))
    .map(([value, how]) =>
      how === 'upper' ? value.toUpperCase() : how === 'lower' ? value.toLowerCase() : `${value} `,
    );
}

/** A plain object with own data properties only (`__proto__` and `constructor` included as keys, never as setters). */
function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** Up to four entries, empty included, keys from MAP_KEY_POOL (`k` and `K`, `-` and `/`, Object.prototype names). */
function mapOf(value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...MAP_KEY_POOL), value), { selector: ([key]) => key, maxLength: 4 })
    .map(ownObject);
}

function fieldValue(field: FieldSpec, options: FamilyRecordOptions): fc.Arbitrary<unknown> {
  const wrongTypes = options.wrongTypes ?? true;
  const strings = poolString(options);
  const notAString = fc.constantFrom<unknown>(0, 1, -1.5, true, false, {});
  switch (field.type) {
    case 'string': {
      const known = field.values ?? [];
      const typed =
        known.length === 0
          ? strings
          : fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom(...known) },
              { weight: 2, arbitrary: nearMisses(known) },
              { weight: 2, arbitrary: strings },
            );
      return orAbsent(typed, notAString, wrongTypes);
    }
    case 'number':
      return orAbsent(
        fc.oneof({ weight: 3, arbitrary: poolNumber() }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS) }),
        fc.constantFrom<unknown>('1', '20', '', '0', true, false, {}),
        wrongTypes,
      );
    case 'boolean':
      return orAbsent(fc.boolean(), fc.constantFrom<unknown>(1, 0, 'true', 'false', 'True', ''), wrongTypes);
    case 'datetime':
      return orAbsent(poolDatetime(), fc.constantFrom(...MALFORMED_DATETIMES), wrongTypes);
    case 'i18n':
      return i18nOf(field.locales, options);
    case 'map': {
      const entry =
        field.values === 'scalar'
          ? fc.oneof(
              { weight: 6, arbitrary: poolScalar(options) },
              { weight: 1, arbitrary: ABSENT },
              { weight: wrongTypes ? 1 : 0, arbitrary: fc.constantFrom<unknown>({}, { v: 1 }) },
            )
          : orAbsent(strings, fc.constantFrom<unknown>(1, 20, true, {}), wrongTypes);
      return orAbsent(mapOf(entry), fc.oneof(strings, fc.constantFrom<unknown>(1, true)), wrongTypes);
    }
    default:
      return assertNever(field);
  }
}

/**
 * `{ defaultValue, i18nValue }` with every part optional, null or empty: the field's locales, a locale no path reads
 * (`fr_FR`) and one differing from a real one only in case (`zh_cn`), each missing, null, empty or a pool string.
 */
function i18nOf(locales: readonly string[], options: FamilyRecordOptions): fc.Arbitrary<unknown> {
  const wrongTypes = options.wrongTypes ?? true;
  const strings = poolString(options);
  const text = fc.oneof(
    { weight: 4, arbitrary: strings },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: ABSENT },
    { weight: wrongTypes ? 1 : 0, arbitrary: fc.constantFrom<unknown>(1, true, {}) },
  );
  const keys = [...locales, 'fr_FR', ...(locales.includes('zh_CN') ? ['zh_cn'] : [])];
  const translations = fc
    .uniqueArray(fc.tuple(fc.constantFrom(...keys), text), { selector: ([key]) => key, maxLength: keys.length })
    .map(ownObject);
  const value = fc.record(
    { defaultValue: text, i18nValue: orAbsent(translations, fc.oneof(strings, fc.constant(1)), wrongTypes) },
    { requiredKeys: [] },
  );
  return orAbsent(value, fc.oneof(strings, fc.constantFrom<unknown>(1, true)), wrongTypes);
}

/** A sort value for an order key outside the fields: a small pool of its type, so that equal values are common. */
function sortValue(key: SortKey, options: FamilyRecordOptions): fc.Arbitrary<unknown> {
  let typed: fc.Arbitrary<unknown>;
  switch (key.type) {
    case 'integer':
      typed = fc.constantFrom(...CREATE_TIMES);
      break;
    case 'number':
      typed = fc.constantFrom(0, 1.5, -1, 10);
      break;
    case 'datetime':
      typed = poolDatetime();
      break;
    case 'string':
      typed = fc.constantFrom('a', 'A', 'b', '');
      break;
    default:
      return assertNever(key.type);
  }
  if (options.untypedSortValues !== true) return typed;
  return fc.oneof(
    { weight: 6, arbitrary: typed },
    { weight: 1, arbitrary: ABSENT },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('3', true, {}) },
  );
}

/** Ids: pool strings (so that `modelId in (…)` on an id field hits) or a prefix in several cases and a number. */
const ID = fc.oneof(
  poolString(),
  fc.tuple(fc.constantFrom('id', 'Id', 'ID', 'id_', 'id-'), fc.nat(99)).map(([prefix, n]) => `${prefix}${n}`),
);

function rulesOf(schema: Schema) {
  const rules = schema.search;
  if (rules === undefined) throw new TypeError(`schema ${schema.name} has no search rules`);
  return rules;
}

/** One record of `schema`; its id is a string but not unique (familyRecords makes it so). */
export function familyRecord(schema: Schema, options: FamilyRecordOptions = {}): fc.Arbitrary<FamilyRecord> {
  const rules = rulesOf(schema);
  const fields = fc.record(
    Object.fromEntries(
      schema.fieldNames
        .filter((name) => name !== rules.id)
        .map((name) => [name, fieldValue(schema.lookup.get(name)!, options)]),
    ),
    { requiredKeys: [] },
  );
  const outside = rules.order.filter((key) => !schema.lookup.has(key.field) && key.field !== rules.id);
  const sortValues = fc.record(Object.fromEntries(outside.map((key) => [key.field, sortValue(key, options)])), {
    requiredKeys: options.untypedSortValues === true ? [] : outside.map((key) => key.field),
  });
  return fc
    .record({ orgId: fc.constantFrom(...ORG_IDS), id: ID, fields, sortValues })
    .map(({ orgId, id, fields: values, sortValues: sorts }) =>
      ownObject([['orgId', orgId], [rules.id, id], ...Object.entries(values), ...Object.entries(sorts)]),
    );
}

/** Records of `schema` with unique ids: an id met before in the batch gets the record's index appended. */
export function familyRecords(schema: Schema, options: FamilyRecordOptions = {}): fc.Arbitrary<FamilyRecord[]> {
  const id = rulesOf(schema).id;
  return fc
    .array(familyRecord(schema, options), { minLength: options.minRecords ?? 0, maxLength: options.maxRecords ?? 20 })
    .map((records) => {
      const seen = new Set<unknown>();
      return records.map((record, index) => {
        let unique = record[id];
        for (let n = index; seen.has(unique); n++) unique = `${String(record[id])}~${n}`;
        seen.add(unique);
        return unique === record[id] ? record : ownObject([...Object.entries(record), [id, unique]]);
      });
    });
}
