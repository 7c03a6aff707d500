/**
 * The differential suite (docs/LANGUAGE.md §3, §5): for random nasty JobInfo records and random valid expressions, every
 * target selects exactly the same records — the in-memory predicate, PostgreSQL, MariaDB and SQLite through
 * `toSql`, and mingo (standing in for MongoDB, which has no server here) through `toMongo` — and every search
 * target returns the same pages in the same order with the same totalSize.
 *
 * Size: OTA_AGREEMENT_BATCHES batches (default 10; `npm run test:deep` runs 100), each of exactly 200 records and 30
 * expressions, i.e. 300 expressions × 200 records by default. Servers missing → skipped, unless
 * OTA_REQUIRE_DATABASES=1 (CI), which fails the run instead.
 */
import fc from 'fast-check';
import { Query } from 'mingo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTableSql,
  insertRow,
  print,
  searchRecords,
  toMongo,
  toMongoSearch,
  toPredicate,
  toSql,
  toSqlSearch,
  type Expression,
} from '../../src/index.js';
import type { JobInfo } from '../../src/apis/ota-job/job-info.js';
import { validExpression } from '../arbitraries/expressions.js';
import { jobInfoRecords, ORG_IDS } from '../arbitraries/records.js';
import { databases } from '../support/databases.js';
import { mariaDbEngine, postgresEngine, sqliteEngine, type SqlEngine } from '../support/engines.js';

const BATCHES = Number(process.env.OTA_AGREEMENT_BATCHES ?? 10);
const RECORDS_PER_BATCH = 200;
const EXPRESSIONS_PER_BATCH = 30;
const REQUESTS_PER_BATCH = 8;
const SEED = Number(process.env.OTA_AGREEMENT_SEED ?? 20261126);

const engines: SqlEngine[] = [];
const counts = { expressions: 0, pairs: 0, requests: 0, pages: 0 };

type Engines = { postgres: boolean; mariadb: boolean };
const available: Engines = { postgres: databases.postgres.available, mariadb: databases.mariadb.available };

beforeAll(async () => {
  engines.push(sqliteEngine());
  if (available.postgres) engines.push(await postgresEngine());
  if (available.mariadb) engines.push(await mariaDbEngine());
  for (const engine of engines) {
    for (const statement of createTableSql(engine.dialect)) await engine.query(statement, []);
  }
});

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  // The report the closing note quotes: how much was compared.
  console.info(
    `agreement: ${engines.length + 2} targets (predicate, mingo, ${engines.map((e) => e.dialect).join(', ')}); ` +
      `${counts.expressions} expressions × records = ${counts.pairs} pairs; ${counts.requests} search requests, ${counts.pages} pages`,
  );
});

async function load(records: readonly JobInfo[]): Promise<void> {
  for (const engine of engines) {
    await engine.query('DELETE FROM ota_job', []);
    // One transaction per batch keeps 200 inserts fast on every engine.
    await engine.query(engine.dialect === 'mysql' ? 'START TRANSACTION' : 'BEGIN', []);
    for (const record of records) {
      const { sql, params } = insertRow(record, { dialect: engine.dialect });
      await engine.query(sql, params);
    }
    await engine.query('COMMIT', []);
  }
}

function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** What each target selects for one expression, as sorted jobIds (jobIds are unique within a batch). */
async function selections(ast: Expression | null, records: readonly JobInfo[]): Promise<Record<string, string[]>> {
  const predicate = toPredicate(ast);
  const mongo = new Query(toMongo(ast));
  const result: Record<string, string[]> = {
    predicate: sorted(records.filter(predicate).map((r) => r.jobId)),
    mingo: sorted(records.filter((r) => mongo.test(r as unknown as Record<string, unknown>)).map((r) => r.jobId)),
  };
  for (const engine of engines) {
    const { where, params } = toSql(ast, { dialect: engine.dialect });
    const rows = await engine.query(`SELECT job_id FROM ota_job WHERE ${where}`, params);
    result[engine.dialect] = sorted(rows.map((row) => String(row.job_id)));
  }
  return result;
}

interface Page {
  readonly docs: unknown[];
  readonly totalSize: number;
}

function documentOf(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** One page of a search from every target. */
async function pages(
  records: readonly JobInfo[],
  request: Parameters<typeof toSqlSearch>[0],
): Promise<Record<string, Page>> {
  const memory = searchRecords(records, request, { requestId: 'agreement' });
  if (memory.code !== 0) throw new Error(`generated request rejected: ${memory.msg}`);
  const result: Record<string, Page> = { memory: { docs: memory.data, totalSize: memory.pagination.totalSize } };
  const mongo = toMongoSearch(request);
  const matched = new Query(mongo.filter).find(records as unknown as Record<string, unknown>[]);
  const mongoTotal = new Query(mongo.filter).find(records as unknown as Record<string, unknown>[]).all().length;
  result.mingo = { docs: matched.sort(mongo.sort).skip(mongo.skip).limit(mongo.limit).all(), totalSize: mongoTotal };
  for (const engine of engines) {
    const search = toSqlSearch(request, { dialect: engine.dialect });
    const rows = await engine.query(search.sql, search.params);
    const [count] = await engine.query(search.countSql, search.countParams);
    result[engine.dialect] = { docs: rows.map((row) => documentOf(row.doc)), totalSize: Number(count?.total) };
  }
  return result;
}

/** JSON is what every store keeps: undefined properties vanish, as they do in jsonb, JSON columns and BSON. */
function asStored(records: readonly unknown[]): unknown[] {
  return JSON.parse(JSON.stringify(records)) as unknown[];
}

const batch = fc.record({
  records: jobInfoRecords({ minRecords: RECORDS_PER_BATCH, maxRecords: RECORDS_PER_BATCH, wrongTypes: true }),
  expressions: fc.array(validExpression(), { minLength: EXPRESSIONS_PER_BATCH, maxLength: EXPRESSIONS_PER_BATCH }),
  requests: fc.array(
    fc.record({
      orgId: fc.constantFrom(...ORG_IDS),
      expression: fc.option(validExpression({ maxDepth: 2 }).map(print), { nil: undefined }),
      pageSize: fc.integer({ min: 1, max: 40 }),
    }),
    { minLength: REQUESTS_PER_BATCH, maxLength: REQUESTS_PER_BATCH },
  ),
});

const requireAll = process.env.OTA_REQUIRE_DATABASES === '1';

describe('every target agrees', () => {
  it('on the databases this run has', () => {
    if (requireAll) expect(available).toEqual({ postgres: true, mariadb: true });
    expect(engines.length).toBeGreaterThanOrEqual(1);
  });

  it(`selects the same records for random expressions (${BATCHES} batches × ${EXPRESSIONS_PER_BATCH} expressions × ≤${RECORDS_PER_BATCH} records)`, async () => {
    const batches = fc.sample(batch, { numRuns: BATCHES, seed: SEED });
    for (const [index, { records, expressions }] of batches.entries()) {
      await load(records);
      for (const ast of [null, ...expressions]) {
        const selected = await selections(ast, records);
        const expected = selected.predicate;
        for (const [target, ids] of Object.entries(selected)) {
          if (JSON.stringify(ids) !== JSON.stringify(expected)) {
            const only = (a: string[], b: string[]) => a.filter((id) => !b.includes(id));
            const extra = only(ids, expected!);
            const missing = only(expected!, ids);
            const sample = records.find((r) => r.jobId === (extra[0] ?? missing[0]));
            expect.fail(
              `batch ${index} (seed ${SEED}): ${target} disagrees with the predicate on ${JSON.stringify(print(ast))}\n` +
                `extra: ${JSON.stringify(extra)} missing: ${JSON.stringify(missing)}\nrecord: ${JSON.stringify(sample)}`,
            );
          }
        }
        counts.expressions += 1;
        counts.pairs += records.length;
      }
    }
  }, 600_000);

  it('returns the same pages, in the same order, with the same totalSize; walking the pages covers every match once', async () => {
    const batches = fc.sample(batch, { numRuns: Math.max(1, Math.ceil(BATCHES / 2)), seed: SEED + 1 });
    for (const { records, requests } of batches) {
      await load(records);
      for (const { orgId, expression, pageSize } of requests) {
        const seen: string[] = [];
        let total: number;
        for (let pageNo = 1; ; pageNo += 1) {
          const request = {
            orgId,
            ...(expression === undefined ? {} : { expression }),
            pagination: { pageNo, pageSize },
          };
          const answers = await pages(records, request);
          const reference = answers.memory!;
          for (const [target, page] of Object.entries(answers)) {
            expect({ target, request, page: { totalSize: page.totalSize, docs: asStored(page.docs) } }).toEqual({
              target,
              request,
              page: { totalSize: reference.totalSize, docs: asStored(reference.docs) },
            });
          }
          counts.pages += 1;
          total = reference.totalSize;
          const ids = reference.docs.map((doc) => (doc as JobInfo).jobId);
          for (const doc of reference.docs) expect((doc as JobInfo).orgId).toBe(orgId);
          seen.push(...ids);
          if (ids.length === 0) break;
        }
        counts.requests += 1;
        expect(seen).toHaveLength(total);
        expect(new Set(seen).size).toBe(total);
      }
    }
  }, 600_000);
});
