/**
 * Values that look like SQL, like another driver's placeholders (`?`, `$1`, `:name`, `??`, `\?`, `@p1`) or like a
 * JSON path stay data through every adapter and engine: a record holding such a string is found by `=`, `in` and
 * `like` on it, by a map field's value and key (a key holds no dot), and no other record is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  comparison,
  createTableSql,
  fieldPath,
  insertRow,
  schemas,
  toPredicate,
  valueNode,
  type Expression,
} from '../../src/index.js';
import { availableEngines, inTransaction, type SqlEngine } from '../support/engines.js';
import { ADAPTERS, TENANT_TABLE, composed, type ComposedCase } from './composed.js';

const HOSTILE = [
  "'; DROP TABLE ota_job; --",
  "' OR '1'='1",
  '?',
  '??',
  '\\?',
  '? ?? ?',
  '$1',
  '$2::text',
  ':name',
  ':name:',
  '@p1',
  '$.productKey',
  '$[0].a',
  '{"$gt": ""}',
  '`x`',
  '"x"',
  '%_',
] as const;

const device = schemas.device!;
const JOBS: ComposedCase = { table: 'ota_job', idColumn: 'job_id', alias: 'r' };
const DEVICES: ComposedCase = { table: 'device', idColumn: 'asset_id', alias: 'd', schema: device };

const jobs = HOSTILE.map((value, index) => ({
  orgId: 'org-a',
  jobId: `job-${index}`,
  productKey: value,
  name: { defaultValue: `fw ${value} end` },
}));
const devices = HOSTILE.map((value, index) => ({
  orgId: 'org-a',
  assetId: `asset-${index}`,
  deviceTags: { [value]: value },
}));

let engines: SqlEngine[] = [];

beforeAll(async () => {
  engines = await availableEngines();
  for (const engine of engines) {
    for (const statement of [
      ...createTableSql(engine.dialect),
      ...createTableSql(engine.dialect, { schema: device }),
      ...TENANT_TABLE,
    ])
      await engine.query(statement, []);
    await engine.query("INSERT INTO ota_tenant (org_id, status) VALUES ('org-a', 'live')", []);
    await inTransaction(engine, [
      ...jobs.flatMap((job) => insertRow(job, { dialect: engine.dialect }).statements),
      ...devices.flatMap((record) => insertRow(record, { dialect: engine.dialect, schema: device }).statements),
    ]);
  }
});

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
});

async function selected(engine: SqlEngine, filter: Expression, at: ComposedCase): Promise<string[][]> {
  const pages: string[][] = [];
  for (const adapter of ADAPTERS) {
    const query = composed({ adapter, dialect: engine.dialect, filter, tenant: 'org-a', limit: 100, at });
    pages.push((await engine.query(query.sql, query.params)).map((row) => String(Object.values(row)[0])));
  }
  return pages;
}

describe('hostile values stay data', () => {
  it.each(HOSTILE.map((value, index) => [value, index] as const))('%s', async (value, index) => {
    const filters: (readonly [Expression, ComposedCase, readonly Record<string, unknown>[], string])[] = [
      [comparison(fieldPath('productKey'), '=', valueNode(value)), JOBS, jobs, 'jobId'],
      [comparison(fieldPath('productKey'), 'in', [valueNode(value), valueNode('?')]), JOBS, jobs, 'jobId'],
      [comparison(fieldPath('name'), 'like', valueNode(value)), JOBS, jobs, 'jobId'],
      // A map key is one path segment: a dot cannot be in one.
      ...(value.includes('.')
        ? []
        : [[comparison(fieldPath(`deviceTags.${value}`), 'exists'), DEVICES, devices, 'assetId'] as const]),
      [comparison(fieldPath('deviceTags.?'), '=', valueNode(value)), DEVICES, devices, 'assetId'],
    ];
    for (const [filter, at, records, id] of filters) {
      const expected = records
        .filter(toPredicate(filter, at.schema === undefined ? undefined : { schema: at.schema }))
        .map((record) => String(record[id]))
        .sort();
      if (filter.type === 'comparison' && filter.op !== 'like' && !filter.path.text.endsWith('.?'))
        expect(expected).toContain(String(records[index]![id]));
      for (const engine of engines) {
        for (const page of await selected(engine, filter, at)) expect(page.sort(), engine.dialect).toEqual(expected);
      }
    }
  });
});
