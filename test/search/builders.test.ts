/**
 * What `toSqlSearch` and `toMongoSearch` hand the caller (docs/LANGUAGE.md §5, §7), exactly: the page and count
 * queries with their parameters, the find form and the pipeline; and the page they select on SQLite (in process).
 */
import { describe, expect, it } from 'vitest';
import {
  createTableSql,
  defineSchema,
  insertRow,
  schemas,
  searchRecords,
  toMongoSearch,
  toSqlSearch,
} from '../../src/index.js';
import { openSqlite } from '../support/databases.js';

describe('toSqlSearch: the queries', () => {
  it('PostgreSQL, Search OTA Job: the expression, then the organisation, then the page, all as parameters', () => {
    expect(
      toSqlSearch(
        { orgId: 'o1', expression: "status = 'started'", pagination: { pageNo: 3, pageSize: 4 } },
        { dialect: 'postgres' },
      ),
    ).toEqual({
      sql:
        'SELECT "doc" FROM "ota_job" WHERE "status" IS NOT NULL AND "status" = $1 AND "org_id" = $2' +
        ' ORDER BY "create_time" DESC NULLS LAST, "job_id" COLLATE "C" ASC NULLS FIRST LIMIT $3 OFFSET $4',
      params: ['started', 'o1', 4, 8],
      countSql:
        'SELECT COUNT(*) AS total FROM "ota_job" WHERE "status" IS NOT NULL AND "status" = $1 AND "org_id" = $2',
      countParams: ['started', 'o1'],
      page: { pageNo: 3, pageSize: 4 },
      sortedBy: null,
    });
  });

  it('SQLite, no expression: the organisation alone; the default page', () => {
    expect(toSqlSearch({ orgId: 'o1' }, { dialect: 'sqlite' })).toEqual({
      sql:
        'SELECT "doc" FROM "ota_job" WHERE 1=1 AND "org_id" = ? COLLATE BINARY' +
        ' ORDER BY "create_time" DESC, "job_id" COLLATE BINARY ASC LIMIT ? OFFSET ?',
      params: ['o1', 10, 0],
      countSql: 'SELECT COUNT(*) AS total FROM "ota_job" WHERE 1=1 AND "org_id" = ? COLLATE BINARY',
      countParams: ['o1'],
      page: { pageNo: 1, pageSize: 10 },
      sortedBy: null,
    });
  });

  it('sorters: each in order with its direction, then the id ascending; sortedBy echoes them', () => {
    const search = toSqlSearch(
      {
        orgId: 'o1',
        pagination: {
          sorters: [
            { field: 'modelId', order: 'DESC' },
            { field: 'deviceStatus', order: 'ASC' },
          ],
        },
      },
      { dialect: 'postgres', schema: schemas['alert-rule'] },
    );
    expect(search.sql).toBe(
      'SELECT "doc" FROM "alert_rule" WHERE 1=1 AND "org_id" = $1 ORDER BY "model_id" COLLATE "C" DESC NULLS LAST,' +
        ' "device_status" COLLATE "C" ASC NULLS FIRST, "rule_id" COLLATE "C" ASC NULLS FIRST LIMIT $2 OFFSET $3',
    );
    expect(search.sortedBy).toEqual([
      { field: 'modelId', order: 'DESC' },
      { field: 'deviceStatus', order: 'ASC' },
    ]);
  });

  it('a number sorter is not compared by code point, a string sorter is', () => {
    const schema = defineSchema({
      name: 'things',
      fields: { name: { type: 'string', operators: ['='] }, size: { type: 'number', operators: ['='] } },
      logical: ['and'],
      search: {
        id: 'thingId',
        order: [],
        pageSize: { default: 5, max: 50 },
        sorters: [
          { field: 'name', type: 'string' },
          { field: 'size', type: 'number' },
        ],
      },
    });
    const search = toSqlSearch(
      { orgId: 'o1', pagination: { sorters: [{ field: 'size', order: 'DESC' }, { field: 'name' }] } },
      { dialect: 'postgres', schema },
    );
    expect(search.sql).toBe(
      'SELECT "doc" FROM "things" WHERE 1=1 AND "org_id" = $1 ORDER BY "size" DESC NULLS LAST,' +
        ' "name" COLLATE "C" ASC NULLS FIRST, "thing_id" COLLATE "C" ASC NULLS FIRST LIMIT $2 OFFSET $3',
    );
    expect(search.params).toEqual(['o1', 5, 0]);
  });

  it('a mapping renames the table and the columns of every clause', () => {
    const search = toSqlSearch(
      { orgId: 'o1', expression: "status = 'started'" },
      {
        dialect: 'sqlite',
        mapping: { table: 'jobs', columns: { orgId: 'tenant', status: 'state', createTime: 'created', doc: 'body' } },
      },
    );
    expect(search.sql).toBe(
      'SELECT "body" FROM "jobs" WHERE "state" IS NOT NULL AND "state" = ? COLLATE BINARY AND "tenant" = ? COLLATE BINARY' +
        ' ORDER BY "created" DESC, "job_id" COLLATE BINARY ASC LIMIT ? OFFSET ?',
    );
    expect(search.countSql).toBe(
      'SELECT COUNT(*) AS total FROM "jobs" WHERE "state" IS NOT NULL AND "state" = ? COLLATE BINARY AND "tenant" = ? COLLATE BINARY',
    );
  });

  it.each([
    [
      { dialect: 'sqlite', mapping: { columns: { nope: 'x' } } },
      'toSqlSearch: mapping.columns: the table of ota-job has no column "nope"',
    ],
    [{ dialect: 'sqlite', mapping: 5 }, 'toSqlSearch: mapping must be an object { table?, columns? }'],
    [undefined, 'toSqlSearch: options are required: { dialect }'],
    [{}, 'toSqlSearch: the dialect option is required'],
    [{ dialect: 'oracle' }, 'toSqlSearch: unknown dialect "oracle": expected postgres, mysql or sqlite'],
    [{ dialect: 'sqlite', requestId: 'r' }, 'toSqlSearch: unknown option "requestId"'],
    [{ dialect: 'sqlite', limits: 5 }, 'toSqlSearch: limits'],
  ])('options %j are a TypeError: %s', (options, message) => {
    expect(() => toSqlSearch({ orgId: 'o1' }, options as never)).toThrow(TypeError);
    expect(() => toSqlSearch({ orgId: 'o1' }, options as never)).toThrow(message);
  });

  it('the page and the count select what searchRecords answers, on SQLite', () => {
    const db = openSqlite();
    try {
      const schema = schemas['alert-rule']!;
      for (const statement of createTableSql('sqlite', { schema })) db.exec(statement);
      const records = [
        { orgId: 'o1', ruleId: 'r1', modelId: 'b', tags: {} },
        { orgId: 'o1', ruleId: 'r2', modelId: 'a', tags: {} },
        { orgId: 'o1', ruleId: 'r3', tags: {} },
        { orgId: 'o2', ruleId: 'r4', modelId: 'a', tags: {} },
        { orgId: 'o1', ruleId: 'r5', modelId: 'b', tags: {} },
      ];
      for (const record of records)
        for (const { sql, params } of insertRow(record, { dialect: 'sqlite', schema }).statements)
          db.prepare(sql).run(...params);
      for (const order of ['ASC', 'DESC'] as const) {
        const request = { orgId: 'o1', pagination: { pageNo: 2, pageSize: 2, sorters: [{ field: 'modelId', order }] } };
        const search = toSqlSearch(request, { dialect: 'sqlite', schema });
        const page = (db.prepare(search.sql).all(...search.params) as { doc: string }[]).map((row) =>
          JSON.parse(row.doc),
        );
        const count = db.prepare(search.countSql).get(...search.countParams) as { total: number };
        const memory = searchRecords(records, request, { schema });
        expect({ data: page, totalSize: count.total }).toEqual({
          data: memory.data,
          totalSize: memory.code === 0 ? memory.pagination.totalSize : -1,
        });
      }
    } finally {
      db.close();
    }
  });
});

describe('toMongoSearch: the find form and the pipeline', () => {
  const typed = (field: string, types: readonly string[]) => ({
    $cond: [{ $in: [{ $type: `$${field}` }, types] }, `$${field}`, null],
  });

  it('Search OTA Job without an expression: the organisation alone, newest first, ties by jobId', () => {
    const organisation = { orgId: { $eq: 'o1' } };
    expect(toMongoSearch({ orgId: 'o1', pagination: { pageNo: 2, pageSize: 5 } })).toEqual({
      filter: organisation,
      sort: { createTime: -1, jobId: 1 },
      skip: 5,
      limit: 5,
      pipeline: [
        { $match: organisation },
        {
          $addFields: {
            __ota_sort_0: {
              $cond: [
                { $in: [{ $type: '$createTime' }, ['double', 'int', 'long', 'decimal']] },
                {
                  $cond: [
                    {
                      $and: [
                        { $eq: ['$createTime', { $trunc: ['$createTime', 0] }] },
                        { $gte: ['$createTime', -9007199254740991] },
                        { $lte: ['$createTime', 9007199254740991] },
                      ],
                    },
                    '$createTime',
                    null,
                  ],
                },
                null,
              ],
            },
            __ota_sort_1: typed('jobId', ['string']),
          },
        },
        { $sort: { __ota_sort_0: -1, __ota_sort_1: 1 } },
        { $skip: 5 },
        { $limit: 5 },
        { $project: { __ota_sort_0: 0, __ota_sort_1: 0 } },
      ],
      page: { pageNo: 2, pageSize: 5 },
      sortedBy: null,
    });
  });

  it('with an expression: the organisation AND the expression’s filter, in find and in $match', () => {
    const search = toMongoSearch({ orgId: 'o1', expression: "status = 'started'" });
    const filter = { $and: [{ orgId: { $eq: 'o1' } }, { status: { $eq: 'started' } }] };
    expect(search.filter).toEqual(filter);
    expect(search.pipeline[0]).toEqual({ $match: filter });
  });

  it('a number key takes every numeric BSON type, finite; a datetime key the strings of its form', () => {
    expect(toMongoSearch({ orgId: 'o1' }, { schema: schemas['asset-node'] }).pipeline[1]).toEqual({
      $addFields: {
        __ota_sort_0: {
          $cond: [
            {
              $and: [
                { $in: [{ $type: '$createTime' }, ['double', 'int', 'long', 'decimal']] },
                { $gte: ['$createTime', -Number.MAX_VALUE] },
                { $lte: ['$createTime', Number.MAX_VALUE] },
              ],
            },
            '$createTime',
            null,
          ],
        },
        __ota_sort_1: typed('assetId', ['string']),
      },
    });
    const datetime = toMongoSearch({ orgId: 'o1' }, { schema: schemas['command'] }).pipeline[1] as {
      $addFields: {
        __ota_sort_0: { $cond: [unknown, { $cond: [{ $regexMatch: { input: string; regex: string } }] }] };
      };
    };
    const check = datetime.$addFields.__ota_sort_0.$cond;
    expect(check[0]).toEqual({ $in: [{ $type: '$createTime' }, ['string']] });
    expect(check[1].$cond[0].$regexMatch.input).toBe('$createTime');
    expect(new RegExp(check[1].$cond[0].$regexMatch.regex).test('2024-02-29 23:59:59')).toBe(true);
    expect(new RegExp(check[1].$cond[0].$regexMatch.regex).test('2023-02-29 23:59:59')).toBe(false);
  });

  it('sorters: their fields and directions, then the id; sortedBy echoes them', () => {
    const search = toMongoSearch(
      { orgId: 'o1', pagination: { sorters: [{ field: 'modelId', order: 'DESC' }, { field: 'deviceStatus' }] } },
      { schema: schemas['alert-rule'] },
    );
    expect(search.sort).toEqual({ modelId: -1, deviceStatus: 1, ruleId: 1 });
    expect(Object.keys(search.sort)).toEqual(['modelId', 'deviceStatus', 'ruleId']);
    expect(search.pipeline[2]).toEqual({ $sort: { __ota_sort_0: -1, __ota_sort_1: 1, __ota_sort_2: 1 } });
    expect(search.sortedBy).toEqual([
      { field: 'modelId', order: 'DESC' },
      { field: 'deviceStatus', order: 'ASC' },
    ]);
  });

  it.each([
    [{ dialect: 'sqlite' }, 'toMongoSearch: unknown option "dialect"'],
    [{ requestId: 'r' }, 'toMongoSearch: unknown option "requestId"'],
  ])('options %j are a TypeError: %s', (options, message) => {
    expect(() => toMongoSearch({ orgId: 'o1' }, options as never)).toThrow(TypeError);
    expect(() => toMongoSearch({ orgId: 'o1' }, options as never)).toThrow(message);
  });
});
