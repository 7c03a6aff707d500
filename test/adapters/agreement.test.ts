/**
 * Each adapter's filter, embedded in a larger query of its own builder (test/adapters/composed.ts: a join with a
 * table whose columns share the records' names, the caller's tenant condition with its own parameter before the
 * filter and two more after it, ordering and a limit), selects on PostgreSQL, MariaDB and SQLite exactly the page
 * that `toPredicate` selects from the same records: for Search OTA Job (aliased `r`) and for the device schema, whose
 * map fields compile to EXISTS over `device_entries` (aliased `e`, the entries' own alias inside the subquery).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTableSql,
  insertRow,
  parse,
  print,
  schemas,
  toPredicate,
  type Expression,
  type Schema,
} from '../../src/index.js';
import { validExpression } from '../arbitraries/expressions.js';
import { familyRecords } from '../arbitraries/family.js';
import { jobInfoRecords } from '../arbitraries/records.js';
import { MAP_KEY_POOL } from '../arbitraries/strings.js';
import { availableEngines, inTransaction, type SqlEngine } from '../support/engines.js';
import { ADAPTERS, TENANT_TABLE, composed, type ComposedCase } from './composed.js';

const BATCHES = Number(process.env.OTA_AGREEMENT_BATCHES ?? 10);
const EXPRESSIONS = 12;
const LIMIT = 7;
/** `org-b` is a closed tenant: the join's own condition (`t.status = 'live'`) removes its rows. */
const TENANTS = [
  { orgId: 'org-a', status: 'live' },
  { orgId: 'ORG-A', status: 'live' },
  { orgId: 'org-b', status: 'closed' },
] as const;

let engines: SqlEngine[] = [];

beforeAll(async () => {
  engines = await availableEngines();
  for (const engine of engines) {
    for (const statement of [
      ...createTableSql(engine.dialect),
      ...createTableSql(engine.dialect, { schema: schemas.device! }),
      ...TENANT_TABLE,
    ])
      await engine.query(statement, []);
    for (const tenant of TENANTS)
      await engine.query(
        `INSERT INTO ota_tenant (org_id, status, product_key) VALUES (${engine.dialect === 'postgres' ? '$1, $2' : '?, ?'}, 'pk')`,
        [tenant.orgId, tenant.status],
      );
  }
});

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
});

/** UTF-8 byte order: what the key columns' collations (C, VARBINARY, BINARY) sort by. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

interface Suite {
  readonly name: string;
  readonly at: ComposedCase;
  readonly id: string;
  readonly records: fc.Arbitrary<readonly Record<string, unknown>[]>;
  readonly expressions: fc.Arbitrary<Expression>;
  readonly schema?: Schema;
}

const SUITES: readonly Suite[] = [
  {
    name: 'ota-job (alias r)',
    at: { table: 'ota_job', idColumn: 'job_id', alias: 'r' },
    id: 'jobId',
    records: jobInfoRecords({ minRecords: 60, maxRecords: 80 }),
    expressions: validExpression({ maxDepth: 3 }),
  },
  {
    name: 'device, map fields (alias e)',
    at: { table: 'device', idColumn: 'asset_id', alias: 'e', schema: schemas.device! },
    id: 'assetId',
    records: familyRecords(schemas.device!, { minRecords: 60, maxRecords: 80 }),
    expressions: validExpression({ schema: schemas.device!, maxDepth: 3, mapKeys: MAP_KEY_POOL }),
    schema: schemas.device!,
  },
];

describe.each(SUITES)('$name', (suite) => {
  it('each adapter, in a join with the caller’s conditions, selects the page toPredicate selects', async () => {
    const counts = { queries: 0, topLevelOr: 0, nonEmptyPages: 0 };
    await fc.assert(
      fc.asyncProperty(
        suite.records,
        fc.array(fc.tuple(suite.expressions, fc.constantFrom(TENANTS[0], TENANTS[0], TENANTS[1], TENANTS[2])), {
          minLength: EXPRESSIONS,
          maxLength: EXPRESSIONS,
        }),
        async (records, cases) => {
          for (const engine of engines) {
            await engine.query(`DELETE FROM ${suite.at.table}`, []);
            if (suite.schema !== undefined) await engine.query(`DELETE FROM ${suite.at.table}_entries`, []);
            await inTransaction(
              engine,
              records.flatMap(
                (record) =>
                  insertRow(record, {
                    dialect: engine.dialect,
                    ...(suite.schema === undefined ? {} : { schema: suite.schema }),
                  }).statements,
              ),
            );
          }
          for (const [ast, tenant] of cases) {
            const selects = toPredicate(ast, suite.schema === undefined ? undefined : { schema: suite.schema });
            const expected = records
              .filter(
                (record) =>
                  record['orgId'] === tenant.orgId &&
                  selects(record) &&
                  tenant.status === 'live' &&
                  record[suite.id] !== 'none',
              )
              .map((record) => String(record[suite.id]))
              .sort(byBytes)
              .slice(0, LIMIT);
            if (ast.type === 'or') counts.topLevelOr += 1;
            if (expected.length > 0) counts.nonEmptyPages += 1;
            for (const engine of engines) {
              for (const adapter of ADAPTERS) {
                const query = composed({
                  adapter,
                  dialect: engine.dialect,
                  filter: ast,
                  tenant: tenant.orgId,
                  limit: LIMIT,
                  at: suite.at,
                });
                const rows = await engine.query(query.sql, query.params);
                expect(
                  rows.map((row) => String(Object.values(row)[0])),
                  `${adapter} on ${engine.dialect}: ${print(ast)}`,
                ).toEqual(expected);
                counts.queries += 1;
              }
            }
          }
        },
      ),
      { numRuns: BATCHES, seed: 20261201, endOnFailure: true },
    );
    console.info(`${suite.name}: ${counts.queries} composed queries on ${engines.length} engines`, counts);
    // A top-level `or` is where precedence could leak rows of other tenants; the run must have met some.
    expect(counts.topLevelOr).toBeGreaterThan(0);
    expect(counts.nonEmptyPages).toBeGreaterThan((BATCHES * EXPRESSIONS) / 8);
  });
});

describe('precedence', () => {
  it('an `or` at the top of the filter leaves the caller’s conditions on every row', async () => {
    const records = ['org-a', 'org-b', 'ORG-A'].flatMap((orgId) => [
      { orgId, jobId: `${orgId}-started`, status: 'started' },
      { orgId, jobId: `${orgId}-pk`, productKey: 'pk' },
      { orgId, jobId: `${orgId}-other`, status: 'stopped' },
    ]);
    for (const engine of engines) {
      await engine.query('DELETE FROM ota_job', []);
      await inTransaction(
        engine,
        records.flatMap((record) => insertRow(record, { dialect: engine.dialect }).statements),
      );
      for (const adapter of ADAPTERS) {
        const query = composed({
          adapter,
          dialect: engine.dialect,
          filter: parse("status = 'started' or productKey = 'pk'"),
          tenant: 'org-a',
          limit: 10,
          at: { table: 'ota_job', idColumn: 'job_id', alias: 'r' },
        });
        const rows = await engine.query(query.sql, query.params);
        expect(
          rows.map((row) => String(Object.values(row)[0])),
          `${adapter} on ${engine.dialect}`,
        ).toEqual(['org-a-pk', 'org-a-started']);
      }
    }
  });
});
