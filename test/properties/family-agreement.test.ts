/**
 * The differential suite over every schema of the EnOS family: for each of the 18 schemas, random nasty records of
 * its shape (test/arbitraries/family.ts) and random valid expressions; the in-memory predicate, PostgreSQL, MariaDB
 * and SQLite (through `toSql`, on the tables `createTableSql` makes) and mingo (standing in for MongoDB, which has
 * no server here) must select exactly the same records, and every search target (SQL pages, MongoDB's pipeline)
 * must return the same pages as `searchRecords`, sorters included where the API takes them.
 *
 * Size per schema: OTA_FAMILY_BATCHES batches (default 1; `npm run test:deep` 10) of 200 records × 150 expressions and
 * 12 search requests.
 */
import fc from 'fast-check';
import { Aggregator, Query } from 'mingo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTableSql,
  insertRow,
  print,
  schemas,
  searchRecords,
  toMongo,
  toMongoSearch,
  toPredicate,
  toSql,
  toSqlSearch,
  type Expression,
  type Schema,
} from '../../src/index.js';
import { validExpression } from '../arbitraries/expressions.js';
import { familyRecords, type FamilyRecord } from '../arbitraries/family.js';
import { ORG_IDS } from '../arbitraries/records.js';
import { MAP_KEY_POOL } from '../arbitraries/strings.js';
import { availableEngines, inTransaction, type SqlEngine } from '../support/engines.js';

const BATCHES = Number(process.env.OTA_FAMILY_BATCHES ?? 1);
const RECORDS = 200;
const EXPRESSIONS = 150;
const REQUESTS = 12;
/** mingo refuses `__proto__` in a selector (MongoDB accepts it); every other hostile key is in. */
const MINGO_KEYS = MAP_KEY_POOL.filter((key) => key !== '__proto__');

let engines: SqlEngine[] = [];
const report: string[] = [];

beforeAll(async () => {
  engines = await availableEngines();
});

afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  console.info(`family agreement (${engines.length + 2} targets each):\n${report.join('\n')}`);
});

function tableOf(schema: Schema): string {
  return schema.search?.table ?? schema.name.replace(/-/g, '_');
}

async function load(schema: Schema, records: readonly FamilyRecord[]): Promise<void> {
  for (const engine of engines) {
    await engine.query(`DELETE FROM ${quote(engine, tableOf(schema))}`, []);
    if (hasMaps(schema)) await engine.query(`DELETE FROM ${quote(engine, `${tableOf(schema)}_entries`)}`, []);
    await inTransaction(
      engine,
      records.flatMap((record) => insertRow(record, { dialect: engine.dialect, schema }).statements),
    );
  }
}

function quote(engine: SqlEngine, name: string): string {
  return engine.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

function hasMaps(schema: Schema): boolean {
  return schema.fieldNames.some((name) => schema.lookup.get(name)!.type === 'map');
}

function documentOf(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** A request on this schema: an expression, a page, and sorters drawn from the API's list (or junk, ignored elsewhere). */
function requests(schema: Schema): fc.Arbitrary<Record<string, unknown>[]> {
  const sorterFields = (schema.search?.sorters ?? []).map((sorter) => sorter.field);
  const sorters =
    sorterFields.length === 0
      ? fc.constantFrom(undefined, [{ field: 'anything', order: 'DESC' }])
      : fc.oneof(
          fc.constant(undefined),
          fc
            .subarray(sorterFields)
            .chain((fields) =>
              fc.tuple(
                ...fields.map((field) =>
                  fc.record({ field: fc.constant(field), order: fc.constantFrom('ASC', 'DESC') }),
                ),
              ),
            ),
        );
  const maxPage = schema.search?.pageSize.max ?? 200;
  return fc.array(
    fc.record({
      orgId: fc.constantFrom(...ORG_IDS),
      expression: validExpression({ schema, maxDepth: 2, mapKeys: MINGO_KEYS }).map(print),
      pagination: fc.record({
        pageNo: fc.integer({ min: 1, max: 3 }),
        pageSize: fc.constantFrom(1, 7, 40, maxPage),
        sorters,
      }),
    }),
    { minLength: REQUESTS, maxLength: REQUESTS },
  );
}

describe.each(Object.keys(schemas))('%s', (name) => {
  const schema = schemas[name]!;
  const id = schema.search!.id;

  beforeAll(async () => {
    for (const engine of engines)
      for (const statement of createTableSql(engine.dialect, { schema })) await engine.query(statement, []);
  });

  it('every target selects the same records and returns the same pages', async () => {
    const counts = { expressions: 0, pairs: 0, selecting: 0, pages: 0 };
    const arbitrary = fc.tuple(
      familyRecords(schema, { maxRecords: RECORDS, minRecords: RECORDS }),
      fc.array(validExpression({ schema, maxDepth: 3, mapKeys: MINGO_KEYS }), {
        minLength: EXPRESSIONS,
        maxLength: EXPRESSIONS,
      }),
      requests(schema),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([records, expressions, searches]) => {
        await load(schema, records);
        for (const ast of expressions as Expression[]) {
          const expected = records
            .filter(toPredicate(ast, { schema }))
            .map((record) => String(record[id]))
            .sort();
          const mongo = new Query(toMongo(ast, { schema }));
          const mingo = records
            .filter((record) => mongo.test(record as Record<string, unknown>))
            .map((record) => String(record[id]))
            .sort();
          expect(mingo, `mingo: ${print(ast)}`).toEqual(expected);
          for (const engine of engines) {
            const { where, params } = toSql(ast, { dialect: engine.dialect, schema });
            const rows = await engine.query(
              `SELECT ${quote(engine, snake(id))} AS id FROM ${quote(engine, tableOf(schema))} WHERE ${where}`,
              params,
            );
            expect(rows.map((row) => String(row.id)).sort(), `${engine.dialect}: ${print(ast)}`).toEqual(expected);
          }
          counts.expressions += 1;
          counts.pairs += records.length;
          if (expected.length > 0 && expected.length < records.length) counts.selecting += 1;
        }
        for (const request of searches) {
          const memory = searchRecords(records, request, { schema });
          if (memory.code !== 0) throw new Error(`${memory.msg} for ${JSON.stringify(request)}`);
          const pipeline = toMongoSearch(request, { schema }).pipeline;
          expect(
            new Aggregator(pipeline as never[]).run(records as never[]),
            `mongo pipeline: ${JSON.stringify(request)}`,
          ).toEqual(memory.data);
          for (const engine of engines) {
            const search = toSqlSearch(request, { dialect: engine.dialect, schema });
            const page = (await engine.query(search.sql, search.params)).map((row) =>
              documentOf(row[Object.keys(row)[0]!]),
            );
            expect(page, `${engine.dialect}: ${JSON.stringify(request)}`).toEqual(memory.data);
            expect(search.sortedBy).toEqual(memory.pagination.sortedBy);
          }
          counts.pages += 1;
        }
      }),
      { numRuns: BATCHES, seed: 20261201, endOnFailure: true },
    );
    report.push(
      `  ${name}: ${counts.expressions} expressions × ${RECORDS} records = ${counts.pairs} pairs (${counts.selecting} selecting some but not all), ${counts.pages} pages`,
    );
    // An agreement on expressions that select nothing (or everything) would say little.
    expect(counts.selecting).toBeGreaterThan(counts.expressions / 4);
  });
});

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
