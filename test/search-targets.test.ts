/**
 * docs/LANGUAGE.md §5 on every target: the seed page's three request samples give the seed's response shape from memory,
 * PostgreSQL, MariaDB, SQLite and mingo alike; bad requests are ExpressionError (99400) from the query builders
 * with the message the in-memory search answers.
 */
import { Query } from 'mingo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTableSql,
  ExpressionError,
  insertRow,
  searchRecords,
  toMongoSearch,
  toSqlSearch,
  type SqlDialectName,
  type SqlParam,
} from '../src/index.js';
import type { JobInfo } from '../src/apis/ota-job/job-info.js';
import { seedJob } from './fixtures/seed-job.js';
import { databases, openMariaDb, openPostgres, openSqlite } from './support/databases.js';

const JOBS: JobInfo[] = [
  seedJob('yourJobId', 1591171274788),
  seedJob('older', 1591171274000, { firmwareName: { defaultValue: 'Firmware1 beta', i18nValue: { zh_CN: '固件' } } }),
  seedJob('tie-b', 1591171270000, { productKey: 'other' }),
  seedJob('tie-a', 1591171270000, { productKey: 'other', name: { defaultValue: 'x', i18nValue: {} } }),
  seedJob('foreign', 1591171279999, { orgId: 'YOURORGID' }),
];

const SAMPLES = [
  { expression: "productKey='yourProductKey'", pagination: { pageNo: 1, pageSize: 5 } },
  { expression: "firmwareName like 'firmware1'", pagination: { pageNo: 1, pageSize: 5 } },
  { expression: "name like 'name' and firmwareName like 'firmware1'" },
];

interface Target {
  readonly name: SqlDialectName;
  run(sql: string, params: readonly (SqlParam | null)[]): Promise<unknown>;
  page(request: Record<string, unknown>): Promise<{ data: unknown[]; pagination: Record<string, unknown> }>;
  close(): Promise<void>;
}

function sqlTarget(
  dialect: SqlDialectName,
  run: (sql: string, params: readonly (SqlParam | null)[]) => Promise<Record<string, unknown>[]>,
  close: () => Promise<void>,
): Target {
  return {
    name: dialect,
    run,
    close,
    page: async (request) => {
      const search = toSqlSearch(request, { dialect });
      const rows = await run(search.sql, search.params);
      const [count] = await run(search.countSql, search.countParams);
      return {
        data: rows.map((row) => (typeof row.doc === 'string' ? JSON.parse(row.doc) : row.doc)),
        pagination: { sortedBy: null, ...search.page, totalSize: Number(count?.total) },
      };
    },
  };
}

const targets: Target[] = [];

beforeAll(async () => {
  const sqlite = openSqlite();
  const sqliteRun = async (sql: string, params: readonly (SqlParam | null)[]) => {
    const statement = sqlite.prepare(sql);
    return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as Record<string, unknown>[];
  };
  targets.push(sqlTarget('sqlite', sqliteRun, async () => void sqlite.close()));
  if (databases.postgres.available) {
    const { client, close } = await openPostgres();
    targets.push(sqlTarget('postgres', async (sql, params) => (await client.query(sql, [...params])).rows, close));
  }
  if (databases.mariadb.available) {
    const { connection, close } = await openMariaDb();
    targets.push(
      sqlTarget(
        'mysql',
        async (sql, params) => (await connection.query(sql, [...params]))[0] as Record<string, unknown>[],
        close,
      ),
    );
  }
  for (const target of targets) {
    for (const statement of createTableSql(target.name)) await target.run(statement, []);
    for (const job of JOBS) {
      const { sql, params } = insertRow(job, { dialect: target.name });
      await target.run(sql, params);
    }
  }
});

afterAll(async () => {
  await Promise.all(targets.map((target) => target.close()));
});

describe('seed samples on every target', () => {
  it.each(SAMPLES)('%j', async (body) => {
    const request = { orgId: 'yourOrgId', ...body };
    const memory = searchRecords(JOBS, request, { requestId: '99344e67-c79b-46bd-91d1-3ce3503ae769' });
    expect(memory).toMatchObject({
      code: 0,
      msg: 'OK',
      requestId: '99344e67-c79b-46bd-91d1-3ce3503ae769',
      pagination: { sortedBy: null },
    });
    if (memory.code !== 0) return;
    expect(memory.data[0]).toEqual(JOBS[0]);
    const expected = { data: JSON.parse(JSON.stringify(memory.data)), pagination: memory.pagination };

    const mongo = toMongoSearch(request);
    const cursor = new Query(mongo.filter).find(JOBS as unknown as Record<string, unknown>[]);
    const total = new Query(mongo.filter).find(JOBS as unknown as Record<string, unknown>[]).all().length;
    expect({
      data: cursor.sort(mongo.sort).skip(mongo.skip).limit(mongo.limit).all(),
      pagination: { sortedBy: null, ...mongo.page, totalSize: total },
    }).toEqual(expected);
    for (const target of targets)
      expect({ target: target.name, ...(await target.page(request)) }).toEqual({ target: target.name, ...expected });
  });
});

describe('bad requests from the query builders', () => {
  it.each([
    [{}, 'orgId is mandatory'],
    [{ orgId: 'o', pagination: { pageNo: 0 } }, 'pagination.pageNo must be an integer of at least 1, found 0'],
    [
      { orgId: 'o', pagination: { pageSize: '10' } },
      'pagination.pageSize must be an integer from 1 to 200, found string "10"',
    ],
    [{ orgId: 'o', expression: 42 }, 'expression must be a string, found 42'],
    [{ orgId: 'o', expression: "status != 'x'" }, 'Do not allow operator op !=, allowed op [=]'],
  ])('%j', (request, message) => {
    for (const build of [() => toSqlSearch(request, { dialect: 'postgres' }), () => toMongoSearch(request)]) {
      let thrown: unknown;
      try {
        build();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ExpressionError);
      expect((thrown as ExpressionError).code).toBe(99400);
      expect((thrown as ExpressionError).message).toBe(message);
    }
    expect(searchRecords([], request)).toMatchObject({ code: 99400, msg: message, data: null });
  });
});
