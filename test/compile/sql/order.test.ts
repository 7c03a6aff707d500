/**
 * The dialects' order hooks as a search writes them: strings and datetimes by code point whatever the collation,
 * absent values (NULL) first ascending and last descending, on every engine alike.
 */
import { describe, expect, it } from 'vitest';
import { insertRow, type SqlDialectName } from '../../../src/sql.js';
import { toSqlSearch } from '../../../src/search.js';
import { enginesWithTables, inTransaction } from '../../support/engines.js';
import { deviceSchema } from './schemas.js';

const sortedBySerial = (order: 'ASC' | 'DESC'): unknown => ({
  orgId: 'o',
  pagination: {
    sorters: [
      { field: 'serial', order },
      { field: 'score', order: order === 'ASC' ? 'DESC' : 'ASC' },
    ],
  },
});

function orderByOf(dialect: SqlDialectName, request: unknown): string {
  return /ORDER BY (.*) LIMIT/.exec(toSqlSearch(request, { dialect, schema: deviceSchema }).sql)![1]!;
}

describe('ORDER BY per dialect', () => {
  it.each([
    [
      'postgres',
      '"seen" COLLATE "C" DESC NULLS LAST, "rank" ASC NULLS FIRST, "device_id" COLLATE "C" ASC NULLS FIRST',
      '"serial" COLLATE "C" ASC NULLS FIRST, "score" DESC NULLS LAST, "device_id" COLLATE "C" ASC NULLS FIRST',
    ],
    [
      'mysql',
      'CAST(`seen` AS BINARY) DESC, `rank` ASC, CAST(`device_id` AS BINARY) ASC',
      'CAST(`serial` AS BINARY) ASC, `score` DESC, CAST(`device_id` AS BINARY) ASC',
    ],
    [
      'sqlite',
      '"seen" COLLATE BINARY DESC, "rank" ASC, "device_id" COLLATE BINARY ASC',
      '"serial" COLLATE BINARY ASC, "score" DESC, "device_id" COLLATE BINARY ASC',
    ],
  ] as const)('%s: code-point keys for strings and datetimes, NULL the smallest', (dialect, byDefault, bySorters) => {
    expect(orderByOf(dialect, { orgId: 'o' })).toBe(byDefault);
    expect(orderByOf(dialect, sortedBySerial('ASC'))).toBe(bySorters);
  });
});

describe('a search embeds the condition', () => {
  it('its placeholders first, then the scope, the limit and the offset, numbered on', () => {
    const search = toSqlSearch(
      { orgId: 'o1', expression: "serial in ('x', 'y')" },
      { dialect: 'postgres', schema: deviceSchema },
    );
    expect(search.sql).toBe(
      'SELECT "doc" FROM "dev_ice" WHERE "serial" IS NOT NULL AND "serial" IN ($1, $2) AND "org_id" = $3 ORDER BY ' +
        '"seen" COLLATE "C" DESC NULLS LAST, "rank" ASC NULLS FIRST, "device_id" COLLATE "C" ASC NULLS FIRST LIMIT $4 OFFSET $5',
    );
    expect(search.params).toEqual(['x', 'y', 'o1', 10, 0]);
    expect(search.countParams).toEqual(['x', 'y', 'o1']);
  });
});

describe('the order on every engine', () => {
  // Code-point order: 'B' (U+0042) < 'a' < 'a ' < 'é'; a linguistic or case-insensitive collation orders otherwise.
  const serials: readonly (string | null)[] = ['é', 'a ', null, 'B', 'a'];
  const engines = enginesWithTables({ schema: deviceSchema });
  it('absent first ascending and last descending; strings by code point; numbers by value', async () => {
    for (const engine of engines) {
      await inTransaction(
        engine,
        serials.flatMap(
          (serial, index) =>
            insertRow(
              {
                orgId: 'o',
                deviceId: `d${index}`,
                ...(serial === null ? {} : { serial }),
                ...(index === 4 ? {} : { score: 10 - index * 3 }),
                seen: `2026-01-0${index + 1} 00:00:00`,
              },
              { dialect: engine.dialect, schema: deviceSchema },
            ).statements,
        ),
      );
      const page = async (request: unknown): Promise<string[]> => {
        const search = toSqlSearch(request, { dialect: engine.dialect, schema: deviceSchema });
        const rows = await engine.query(search.sql, search.params);
        return rows.map((row) => {
          const doc = row['doc'];
          return String((typeof doc === 'string' ? JSON.parse(doc) : doc).deviceId);
        });
      };
      expect(await page(sortedBySerial('ASC')), engine.dialect).toEqual(['d2', 'd3', 'd4', 'd1', 'd0']);
      expect(await page(sortedBySerial('DESC')), engine.dialect).toEqual(['d0', 'd1', 'd4', 'd3', 'd2']);
      // By score alone: d4 has none (first ascending, last descending); 10, 7, 4, 1 otherwise.
      const byScore = (order: 'ASC' | 'DESC'): unknown => ({
        orgId: 'o',
        pagination: { sorters: [{ field: 'score', order }] },
      });
      expect(await page(byScore('ASC')), engine.dialect).toEqual(['d4', 'd3', 'd2', 'd1', 'd0']);
      expect(await page(byScore('DESC')), engine.dialect).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
      // With a condition: its parameters, then the scope's, bound in order.
      expect(
        await page({
          orgId: 'o',
          expression: "serial in ('a', 'B')",
          pagination: { sorters: [{ field: 'serial' }] },
        }),
        engine.dialect,
      ).toEqual(['d3', 'd4']);
      // The default order: seen descending.
      expect(await page({ orgId: 'o' }), engine.dialect).toEqual(['d4', 'd3', 'd2', 'd1', 'd0']);
    }
  });
});
