/**
 * The order of search pages (docs/LANGUAGE.md §5): each sort key compared by its declared type, a value of another
 * type (or out of the type's range) being absent, absent values first ascending and last descending, the id last and
 * always ascending; strings by code point. Checked in memory and on MongoDB's pipeline (mingo), which must agree.
 */
import { Aggregator } from 'mingo';
import { describe, expect, it } from 'vitest';
import { compareSearchOrder, schemas, searchRecords, toMongoSearch, type Schema } from '../../src/index.js';
import { compareCodePoints } from '../../src/search/order.js';

type Row = Record<string, unknown>;

/**
 * The ids of the page `request` gets from memory, after checking that MongoDB's pipeline returns the same page
 * (unless `mingo` is false: mingo compares strings by UTF-16 unit, where MongoDB compares UTF-8 bytes).
 */
function pageIds(schema: Schema, records: readonly Row[], request: Record<string, unknown>, mingo = true): unknown[] {
  const memory = searchRecords(records, { orgId: 'o1', pagination: { pageSize: 100 }, ...request }, { schema });
  if (memory.code !== 0) throw new Error(memory.msg);
  const pipeline = toMongoSearch({ orgId: 'o1', pagination: { pageSize: 100 }, ...request }, { schema }).pipeline;
  if (mingo) expect(new Aggregator(pipeline as never[]).run(records as never[]), 'mongo pipeline').toEqual(memory.data);
  const id = schema.search!.id;
  return memory.data.map((record) => (record as Row)[id]);
}

/** Records of one API, each with `value` at `field` (absent where `value` is the ABSENT marker). */
const ABSENT = Symbol('absent');
function recordsOf(schema: Schema, field: string, values: readonly (readonly [string, unknown])[]): Row[] {
  const id = schema.search!.id;
  return values.map(([key, value]) => ({ orgId: 'o1', [id]: key, ...(value === ABSENT ? {} : { [field]: value }) }));
}

describe('an integer key (Search OTA Job: createTime, newest first)', () => {
  const schema = schemas['ota-job']!;
  const records = recordsOf(schema, 'createTime', [
    ['a', 5],
    ['b', 5.5],
    ['c', '7'],
    ['d', null],
    ['e', ABSENT],
    ['f', 2 ** 53],
    ['g', 2 ** 53 - 1],
    ['h', -(2 ** 53 - 1)],
    ['i', -(2 ** 53)],
    ['j', 5],
    ['k', 0],
    ['l', true],
    ['m', 10],
    ['n', 9],
    ['o', Number.POSITIVE_INFINITY],
    ['p', Number.NaN],
    ['q', Number.NEGATIVE_INFINITY],
  ]);

  // Safe integers descending (10 before 9: as numbers), then every absent one by jobId.
  const NEWEST_FIRST = ['g', 'm', 'n', 'a', 'j', 'k', 'h', 'b', 'c', 'd', 'e', 'f', 'i', 'l', 'o', 'p', 'q'];

  it('orders safe integers newest first, ties by id; fractions, strings, unsafe or non-finite numbers and absence last', () => {
    expect(pageIds(schema, records, {})).toEqual(NEWEST_FIRST);
  });

  it('compareSearchOrder is the same order as a comparator', () => {
    const sorted = [...records].sort(compareSearchOrder).map((record) => record.jobId);
    expect(sorted).toEqual(NEWEST_FIRST);
    expect(compareSearchOrder(records[0], records[0])).toBe(0);
  });
});

describe('a number key (Search Asset Node: createTime, newest first)', () => {
  const schema = schemas['asset-node']!;

  it('orders finite numbers of any kind, fractions included; strings and booleans are absent', () => {
    const records = recordsOf(schema, 'createTime', [
      ['a', 1.5],
      ['b', -2],
      ['c', '3'],
      ['d', 1.25],
      ['e', false],
      ['f', 2 ** 60],
    ]);
    expect(pageIds(schema, records, {})).toEqual(['f', 'a', 'd', 'b', 'c', 'e']);
  });

  it('an infinite or NaN number (a BSON double MongoDB can hold) is absent too, on the pipeline as in memory', () => {
    const records = recordsOf(schema, 'createTime', [
      ['a', Number.POSITIVE_INFINITY],
      ['b', 1],
      ['c', Number.NaN],
      ['d', Number.NEGATIVE_INFINITY],
      ['e', Number.MAX_VALUE],
      ['f', -Number.MAX_VALUE],
    ]);
    expect(pageIds(schema, records, {})).toEqual(['e', 'b', 'f', 'a', 'c', 'd']);
  });
});

describe('a datetime key (Search Command: createTime, EnOS local time, newest first)', () => {
  const schema = schemas['command']!;

  it('orders the YYYY-MM-DD HH:mm:ss strings that are real times; other strings and numbers are absent', () => {
    const records = recordsOf(schema, 'createTime', [
      ['a', '2024-01-02 03:04:05'],
      ['b', '2024-02-29 00:00:00'],
      ['c', '2023-02-29 00:00:00'],
      ['d', '2024-01-02T03:04:05'],
      ['e', 20240102030405],
      ['f', '2024-01-02 03:04:06'],
      ['g', ' 2025-01-01 00:00:00'],
    ]);
    expect(pageIds(schema, records, {})).toEqual(['b', 'f', 'a', 'c', 'd', 'e', 'g']);
  });
});

describe('string sorters (Search Alert Rule: modelId, deviceStatus)', () => {
  const schema = schemas['alert-rule']!;
  const records: Row[] = [
    { orgId: 'o1', ruleId: 'r1', modelId: 'b', deviceStatus: 'x' },
    { orgId: 'o1', ruleId: 'r2', modelId: 'a', deviceStatus: 'y' },
    { orgId: 'o1', ruleId: 'r3', modelId: '\uffff', deviceStatus: 'x' },
    { orgId: 'o1', ruleId: 'r4', modelId: '😀', deviceStatus: 'y' },
    { orgId: 'o1', ruleId: 'r5', modelId: 5, deviceStatus: 'x' },
    { orgId: 'o1', ruleId: 'r6', deviceStatus: 'y' },
    { orgId: 'o1', ruleId: 'r0', modelId: 'b', deviceStatus: 'y' },
  ];
  const sorted = (sorters: readonly Row[], mingo = true) =>
    pageIds(
      schema,
      mingo ? records.filter((record) => record.ruleId !== 'r4') : records,
      {
        pagination: { pageSize: 100, sorters },
      },
      mingo,
    );

  it.each([
    ['ASC: absent (and non-string) first, then by code point', 'ASC', ['r5', 'r6', 'r2', 'r0', 'r1', 'r3', 'r4']],
    ['DESC: by code point backwards, absent last', 'DESC', ['r4', 'r3', 'r0', 'r1', 'r2', 'r5', 'r6']],
  ])('%s; ties by ruleId ascending either way', (_, order, ids) => {
    expect(sorted([{ field: 'modelId', order }], false)).toEqual(ids);
    // The same order on MongoDB's pipeline, without the character mingo compares by UTF-16 unit.
    expect(sorted([{ field: 'modelId', order }])).toEqual(ids.filter((id) => id !== 'r4'));
  });

  it('the next sorter breaks ties of the one before, before the id does', () => {
    expect(
      sorted([
        { field: 'deviceStatus', order: 'DESC' },
        { field: 'modelId', order: 'ASC' },
      ]),
    ).toEqual(['r6', 'r2', 'r0', 'r5', 'r1', 'r3']);
  });

  it('no sorters is the API’s default order: the id alone', () => {
    expect(sorted([])).toEqual(['r0', 'r1', 'r2', 'r3', 'r5', 'r6']);
  });
});

describe('compareCodePoints: the boundaries of the surrogate range D800–DFFF', () => {
  // E000–FFFF are above the surrogates as UTF-16 units but below every code point the surrogates encode.
  it.each([
    ['\ud800', '\ue000', 1],
    ['\ue000', '\ud800', -1],
    ['\udfff', '\ue000', 1],
    ['\ue000', '\udfff', -1],
    ['\ud7ff', '\ud800', -1],
    ['\ud800', '\ud7ff', 1],
    ['\udfff', '\ud800', 1],
    ['x\ud800', 'x\uffff', 1],
    ['ab', 'a', 1],
    ['', '', 0],
  ])('%j vs %j: %d', (a, b, sign) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });

  it('the difference of two BMP units is their distance, as Array.prototype.sort takes it', () => {
    expect(compareCodePoints('a', 'c')).toBe(-2);
    expect(compareCodePoints('abc', 'a')).toBe(2);
  });
});
