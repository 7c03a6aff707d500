/**
 * The family's record generator (test/arbitraries/family.ts) gives each schema's records their id, orgId and order
 * properties; and on those records the predicate and mingo (standing in for MongoDB) select the same ones for random
 * valid expressions of every schema: a quick check that the schemas compile alike on both targets.
 */
import fc from 'fast-check';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { print, schemas } from '../../src/core.js';
import { toMongo } from '../../src/mongo.js';
import { toPredicate } from '../../src/predicate.js';
import { validExpression } from '../arbitraries/expressions.js';
import { familyRecords } from '../arbitraries/family.js';
import { ORG_IDS } from '../arbitraries/records.js';
import { MAP_KEY_POOL } from '../arbitraries/strings.js';

/** mingo refuses `__proto__` in a selector (MongoDB itself accepts it), so expressions leave that key out. */
const MINGO_MAP_KEYS = MAP_KEY_POOL.filter((key) => key !== '__proto__');
const EXPRESSIONS = Number(process.env.OTA_FAMILY_EXPRESSIONS ?? 20);

const selected = (records: readonly unknown[], test: (record: unknown) => boolean): number[] =>
  records.flatMap((record, index) => (test(record) ? [index] : []));

describe.each(Object.keys(schemas))('%s', (name) => {
  const schema = schemas[name]!;
  const rules = schema.search!;

  it('records have a unique id, an orgId of the pool and every order property outside the fields', () => {
    fc.assert(
      fc.property(familyRecords(schema, { maxRecords: 30 }), (records) => {
        const ids = records.map((record) => record[rules.id]);
        expect(ids.every((id) => typeof id === 'string')).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        for (const record of records) {
          expect(ORG_IDS).toContain(record.orgId);
          for (const key of rules.order) {
            if (!schema.lookup.has(key.field)) expect(Object.hasOwn(record, key.field)).toBe(true);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it(`toPredicate and mingo select the same records (${EXPRESSIONS} expressions × 100 records)`, () => {
    fc.assert(
      fc.property(
        validExpression({ schema, mapKeys: MINGO_MAP_KEYS }),
        familyRecords(schema, { minRecords: 100, maxRecords: 100 }),
        (ast, records) => {
          const query = new Query(toMongo(ast, { schema }));
          expect(
            selected(records, (record) => query.test(record as Record<string, unknown>)),
            print(ast),
          ).toEqual(selected(records, toPredicate(ast, { schema })));
        },
      ),
      { numRuns: EXPRESSIONS },
    );
  });
});
