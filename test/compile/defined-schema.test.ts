/**
 * A schema made only with `defineSchema` (test/arbitraries/sensor-schema.ts) gets a table, rows, WHERE clauses and
 * paged searches on PostgreSQL, MariaDB and SQLite from the layout the schema implies: no SQL is written for it
 * here. Every engine selects what `toPredicate` selects, and every page equals `searchRecords`'s.
 */
import fc from 'fast-check';
import { Aggregator } from 'mingo';
import { describe, expect, it } from 'vitest';
import {
  createTableSql,
  insertRow,
  print,
  searchRecords,
  toMongoSearch,
  toPredicate,
  toSql,
  toSqlSearch,
  type Expression,
} from '../../src/index.js';
import { validExpressionOrNull } from '../arbitraries/expressions.js';
import { ORG_IDS } from '../arbitraries/records.js';
import { MAP_KEY_POOL } from '../arbitraries/strings.js';
import { sensorRecords, sensorSchema, type SensorRecord } from '../arbitraries/sensor-schema.js';
import { enginesWithTables, inTransaction } from '../support/engines.js';

const RUNS = Number(process.env.OTA_AGREEMENT_BATCHES ?? 10);
const options = { schema: sensorSchema };

/** mingo (standing in for MongoDB) refuses `__proto__` in a selector; every other hostile key is in. */
const MINGO_KEYS = MAP_KEY_POOL.filter((key) => key !== '__proto__');

/** No sorters, or one or two of the schema's (absent values must sort alike everywhere). */
const SORTERS = fc.oneof(
  fc.constant(undefined),
  fc.constant([]),
  fc.subarray([
    { field: 'reading', order: 'DESC' as const },
    { field: 'installed' },
    { field: 'reading', order: 'ASC' as const },
  ]),
);

const engines = enginesWithTables(options);

async function load(records: readonly SensorRecord[]): Promise<void> {
  for (const engine of engines) {
    await engine.query('DELETE FROM sensor', []);
    await engine.query('DELETE FROM sensor_entries', []);
    await inTransaction(
      engine,
      records.flatMap((record) => insertRow(record, { dialect: engine.dialect, ...options }).statements),
    );
  }
}

function ids(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((row) => String(row.sensor_id)).sort();
}

describe('a schema written only with defineSchema', () => {
  it('gets a table with a column per path, the primary key and the search indexes', () => {
    const [create, ...indexes] = createTableSql('sqlite', options);
    for (const column of [
      'org_id',
      'sensor_id',
      'serial',
      'model',
      'reading',
      'online',
      'installed',
      'create_time',
      'label_default',
      'label_zh_cn',
      'label_en_us',
      'label_ja_jp',
      'doc',
    ]) {
      expect(create).toContain(`"${column}"`);
    }
    expect(create).toContain('PRIMARY KEY ("org_id", "sensor_id")');
    expect(indexes).toContain(
      'CREATE INDEX IF NOT EXISTS "sensor_org_id_create_time_idx" ON "sensor" ("org_id", "create_time" DESC, "sensor_id")',
    );
    // serial and reading serve lookups; model (two known values) and online (a boolean) would not pay for an index.
    expect(indexes).toContain('CREATE INDEX IF NOT EXISTS "sensor_org_id_serial_idx" ON "sensor" ("org_id", "serial")');
    expect(indexes).toContain(
      'CREATE INDEX IF NOT EXISTS "sensor_org_id_reading_idx" ON "sensor" ("org_id", "reading")',
    );
    expect(indexes.join('\n')).not.toMatch(/model|online/);
  });

  it('engines select what toPredicate selects, and search pages equal searchRecords', async () => {
    let compared = 0;
    let selected = 0;
    await fc.assert(
      fc.asyncProperty(
        sensorRecords(40, 80),
        fc.array(validExpressionOrNull({ schema: sensorSchema, maxDepth: 3, mapKeys: MINGO_KEYS }), {
          minLength: 20,
          maxLength: 30,
        }),
        fc.constantFrom(...ORG_IDS),
        fc.integer({ min: 1, max: 3 }),
        SORTERS,
        async (records, expressions: (Expression | null)[], orgId, pageNo, sorters) => {
          await load(records);
          for (const ast of expressions) {
            const expected = records
              .filter(toPredicate(ast, { schema: sensorSchema }))
              .map((record) => record.sensorId)
              .sort();
            for (const engine of engines) {
              const { where, params } = toSql(ast, { dialect: engine.dialect, ...options });
              expect(
                ids(await engine.query(`SELECT sensor_id FROM sensor WHERE ${where}`, params)),
                `${engine.dialect}: ${where}`,
              ).toEqual(expected);
            }
            const request = { orgId, expression: print(ast), pagination: { pageNo, pageSize: 7, sorters } };
            const inMemory = searchRecords(records, request, options);
            if (inMemory.code !== 0) throw new Error(inMemory.msg);
            const mongo = toMongoSearch(request, options);
            expect(mongo.sortedBy).toEqual(inMemory.pagination.sortedBy);
            // mingo stands in for MongoDB (no server here); the pipeline is exact on every record.
            expect(new Aggregator(mongo.pipeline as never[]).run(records as never[]), 'mongo pipeline').toEqual(
              inMemory.data,
            );
            for (const engine of engines) {
              const search = toSqlSearch(request, { dialect: engine.dialect, ...options });
              const page = (await engine.query(search.sql, search.params)).map((row) =>
                typeof row.doc === 'string' ? JSON.parse(row.doc) : row.doc,
              );
              const [{ total }] = (await engine.query(search.countSql, search.countParams)) as [{ total: unknown }];
              expect(page, `${engine.dialect}: ${search.sql}`).toEqual(inMemory.data);
              expect(search.sortedBy).toEqual(inMemory.pagination.sortedBy);
              expect(Number(total), engine.dialect).toBe(inMemory.pagination.totalSize);
            }
            compared += 1;
            if (expected.length > 0) selected += 1;
          }
        },
      ),
      { numRuns: RUNS, seed: 20261201 },
    );
    // Most expressions must select something, or agreement would say little.
    expect(compared).toBeGreaterThan(RUNS * 10);
    expect(selected / compared).toBeGreaterThan(0.3);
    if (process.env.OTA_REQUIRE_DATABASES === '1')
      expect(engines.map((engine) => engine.dialect).sort()).toEqual(['mysql', 'postgres', 'sqlite']);
  });
});
