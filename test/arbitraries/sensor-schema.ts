/**
 * A schema written only with `defineSchema` — string (free and with known values), number with ordering operators,
 * boolean, datetime, and i18n with three locales — and an API around it, so that tests can show that a new schema gets DDL,
 * rows, queries and searches (its own page sizes and sorters) on every engine with no SQL written for it.
 */
import fc from 'fast-check';
import { defineSchema } from '../../src/schema/schema.js';
import { CREATE_TIMES, ORG_IDS } from './records.js';
import { MAP_KEY_POOL, NUMBER_POOL, poolDatetime, poolScalar, poolString } from './strings.js';

export const sensorSchema = defineSchema({
  name: 'sensor-test',
  fields: {
    serial: { type: 'string', operators: ['=', '!=', 'in', 'like', 'exists', 'not exists'] },
    model: { type: 'string', operators: ['=', 'in'], values: ['m1', 'm2'] },
    reading: { type: 'number', operators: ['=', '!=', '<', '>=', 'in', 'exists', 'is null'] },
    online: { type: 'boolean', operators: ['=', '!=', 'exists'] },
    installed: { type: 'datetime', operators: ['=', '!=', '<', '<=', '>', '>=', 'exists', 'is null'] },
    label: { type: 'i18n', operators: ['like', '=', 'is not null'], locales: ['zh_CN', 'en_US', 'ja_JP'] },
    tags: { type: 'map', operators: ['=', '!=', 'in', 'like', 'exists', 'not exists'] },
    attrs: { type: 'map', values: 'scalar', operators: ['=', '!=', 'in', 'exists', 'not exists'] },
  },
  logical: ['and', 'or'],
  // Newest first, then the id; sorters on two fields, so that a request can reorder the pages.
  search: {
    id: 'sensorId',
    order: [{ field: 'createTime', direction: 'desc', type: 'integer' }],
    pageSize: { default: 10, max: 50 },
    sorters: [
      { field: 'reading', type: 'number' },
      { field: 'installed', type: 'datetime' },
    ],
    table: 'sensor',
  },
});

export type SensorRecord = Readonly<Record<string, unknown>> & { readonly sensorId: string };

/** Present, missing, null, or of the wrong type (stored as NULL, i.e. absent). */
function sometimes(value: fc.Arbitrary<unknown>, wrong: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrong },
  );
}

const text = fc.oneof({ weight: 4, arbitrary: poolString() }, { weight: 1, arbitrary: fc.constant('') });
const label = fc.record(
  {
    defaultValue: sometimes(text, fc.constant(1)),
    i18nValue: sometimes(fc.record({ zh_CN: text, en_US: text, ja_JP: text }, { requiredKeys: [] }), fc.constant('x')),
  },
  { requiredKeys: [] },
);

/**
 * Values that trap SQL engines: case and trailing-space variants (MariaDB's default collations fold them), quotes,
 * backslashes and LIKE's wildcards.
 */
const MAP_TEXT = fc.constantFrom('China', 'china', 'China ', "O'Brien", 'a\\b', '50%', 'a_b', '"q"', '');

/** A map of hostile keys (case variants, `-`, `/`, digits first, `__proto__`) to values, nulls and arrays among them. */
function entries(value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = fc.constantFrom(...MAP_KEY_POOL, 'Region', 'region', '1st');
  const entry = fc.oneof(
    { weight: 6, arbitrary: value },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, { x: 1 }) },
  );
  return fc.uniqueArray(fc.tuple(keys, entry), { selector: ([key]) => key, maxLength: 4 }).map((pairs) => {
    const map: Record<string, unknown> = {};
    for (const [key, each] of pairs)
      Object.defineProperty(map, key, { value: each, enumerable: true, writable: true, configurable: true });
    return map;
  });
}

const sensorFields = fc.record(
  {
    orgId: fc.constantFrom(...ORG_IDS),
    createTime: fc.constantFrom(...CREATE_TIMES),
    serial: sometimes(poolString(), fc.constantFrom(1, true)),
    model: sometimes(fc.constantFrom('m1', 'm2', 'M1', 'm1 '), fc.constant(2)),
    reading: sometimes(fc.constantFrom(...NUMBER_POOL), fc.constantFrom('1', true)),
    online: sometimes(fc.boolean(), fc.constantFrom(0, 1, 'true')),
    // Malformed datetimes are absent: another separator, no padding, ISO's T, a date alone, a number.
    installed: sometimes(
      poolDatetime(),
      fc.constantFrom(
        '2023-06-15T12:30:00',
        '2023-6-15 12:30:00',
        '2023-02-29 00:00:00',
        '2024-06-31 12:00:00',
        '2024-05-01 24:00:00',
        '2023-06-15',
        'x',
        20230615,
      ),
    ),
    label: sometimes(label, fc.constant('label')),
    tags: sometimes(entries(fc.oneof(MAP_TEXT, poolString())), fc.constant('tags')),
    attrs: sometimes(entries(fc.oneof(poolScalar(), MAP_TEXT)), fc.constantFrom(1, 'attrs')),
  },
  { requiredKeys: ['orgId', 'createTime'] },
);

/** Records with unique sensorIds. */
export function sensorRecords(minLength: number, maxLength: number): fc.Arbitrary<SensorRecord[]> {
  return fc
    .array(sensorFields, { minLength, maxLength })
    .map((records) => records.map((fields, index) => ({ ...fields, sensorId: `s${index}` })));
}
