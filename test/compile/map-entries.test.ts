/** Map entries in SQL: the key and the value are bound parameters, never SQL text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparison, defineSchema, fieldPath, toSql, valueNode, type SqlDialectName } from '../../src/index.js';

const schema = defineSchema({
  name: 'mapped',
  fields: {
    tags: { type: 'map', operators: ['=', '!=', 'in', 'like', 'exists', 'not exists'] },
    attrs: { type: 'map', values: 'scalar', operators: ['=', 'in', 'exists'] },
  },
  logical: ['and', 'or'],
  search: { id: 'id', order: [], pageSize: { default: 10, max: 100 } },
});
const DIALECTS: SqlDialectName[] = ['postgres', 'mysql', 'sqlite'];

describe('map entries in SQL', () => {
  it.each(DIALECTS)('%s: tags.Region = China binds the field, the key and the value', (dialect) => {
    const { where, params } = toSql(comparison(fieldPath('tags.Region'), '=', valueNode('China')), { dialect, schema });
    expect(params).toEqual(expect.arrayContaining(['tags', 'Region', 'China']));
    expect(where).not.toMatch(/Region|China/);
    expect(where).toMatch(/^EXISTS \(SELECT 1 FROM ["`]mapped_entries["`] e WHERE /);
  });

  it.each(DIALECTS)('%s: a scalar compares in the column of its type (20 is not "20", true is not 1)', (dialect) => {
    const number = toSql(comparison(fieldPath('attrs.floor'), '=', valueNode(20)), { dialect, schema }).where;
    const text = toSql(comparison(fieldPath('attrs.floor'), '=', valueNode('20')), { dialect, schema }).where;
    const flag = toSql(comparison(fieldPath('attrs.floor'), '=', valueNode(true)), { dialect, schema }).where;
    expect(number).toContain('number_value');
    expect(text).toContain('text_value');
    expect(flag).toContain('boolean_value');
  });

  it('no key and no value ever appears in the SQL text', () => {
    // A marker no SQL text of the compiler holds, so that finding it means a user string leaked into the text.
    const text = fc.stringMatching(/^zq[A-Za-z0-9_\-/]{1,10}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...DIALECTS),
        text,
        text,
        fc.constantFrom('=', '!=', 'like', 'in'),
        (dialect, key, value, op) => {
          const path = fieldPath(`tags.${key}`);
          const node =
            op === 'in'
              ? comparison(path, 'in', [valueNode(value), valueNode(`${value}'`)])
              : comparison(path, op as '=', valueNode(value));
          const { where, params } = toSql(node, { dialect, schema });
          expect(where.includes(key), where).toBe(false);
          expect(where.includes(value), where).toBe(false);
          expect(params).toContain(key);
        },
      ),
      { numRuns: 500 },
    );
  });
});
