/**
 * Map entries in SQL, exactly and on every engine: an EXISTS on the entries table correlated by the record's scope
 * and id, the field and key compared exactly, a value in the column of its type, and `!=`, `not exists` meaning
 * "there and different", "not there". The engines select what `toPredicate` selects, and the negation the rest.
 */
import { describe, expect, it } from 'vitest';
import { comparison, fieldPath } from '../../../src/language/ast.js';
import { parse } from '../../../src/language/parse.js';
import { toPredicate } from '../../../src/predicate.js';
import { insertRow, toSql, type SqlDialectName } from '../../../src/sql.js';
import { enginesWithTables, inTransaction } from '../../support/engines.js';
import { deviceSchema } from './schemas.js';

const schema = deviceSchema;

/** The EXISTS of `path`'s field and key as each dialect opens it, with the record's table `table`, alias `alias`. */
function opening(dialect: SqlDialectName, table: string, alias: string): string {
  const q = (name: string): string => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const exact = (column: string): string =>
    dialect === 'postgres'
      ? `${column} = $${column.endsWith(q('field')) ? 1 : 2}`
      : dialect === 'mysql'
        ? `${column} = ? AND CAST(${column} AS BINARY) = CAST(? AS BINARY)`
        : `${column} = ? COLLATE BINARY`;
  return (
    `EXISTS (SELECT 1 FROM ${q('dev_ice_entries')} ${alias} WHERE ${alias}.${q('org_id')} = ${q(table)}.${q('org_id')} ` +
    `AND ${alias}.${q('device_id')} = ${q(table)}.${q('device_id')} AND ${exact(`${alias}.${q('field')}`)} AND ${exact(`${alias}.${q('entry_key')}`)}`
  );
}

describe('the SQL of a map entry', () => {
  it.each([
    [
      "tags.Region = 'China'",
      {
        postgres: [' AND e."text_value" IS NOT NULL AND e."text_value" = $3)', ['tags', 'Region', 'China']],
        mysql: [
          ' AND e.`text_value` IS NOT NULL AND e.`text_value` = ? AND CAST(e.`text_value` AS BINARY) = CAST(? AS BINARY))',
          ['tags', 'tags', 'Region', 'Region', 'China', 'China'],
        ],
        sqlite: [' AND e."text_value" IS NOT NULL AND e."text_value" = ? COLLATE BINARY)', ['tags', 'Region', 'China']],
      },
    ],
    [
      "tags.Region != 'China'",
      {
        postgres: [' AND NOT (e."text_value" IS NOT NULL AND e."text_value" = $3))', ['tags', 'Region', 'China']],
        mysql: [
          ' AND NOT (e.`text_value` IS NOT NULL AND e.`text_value` = ? AND CAST(e.`text_value` AS BINARY) = CAST(? AS BINARY)))',
          ['tags', 'tags', 'Region', 'Region', 'China', 'China'],
        ],
        sqlite: [
          ' AND NOT (e."text_value" IS NOT NULL AND e."text_value" = ? COLLATE BINARY))',
          ['tags', 'Region', 'China'],
        ],
      },
    ],
    [
      "tags.Region in ('a', 'b')",
      {
        postgres: [' AND e."text_value" IS NOT NULL AND e."text_value" IN ($3, $4))', ['tags', 'Region', 'a', 'b']],
        mysql: [
          ' AND e.`text_value` IS NOT NULL AND e.`text_value` IN (?, ?) AND CAST(e.`text_value` AS BINARY) IN (CAST(? AS BINARY), CAST(? AS BINARY)))',
          ['tags', 'tags', 'Region', 'Region', 'a', 'b', 'a', 'b'],
        ],
        sqlite: [
          ' AND e."text_value" IS NOT NULL AND e."text_value" COLLATE BINARY IN (?, ?))',
          ['tags', 'Region', 'a', 'b'],
        ],
      },
    ],
    [
      "tags.Region like 'Ch_'",
      {
        postgres: [
          ` AND e."text_value" IS NOT NULL AND translate(e."text_value", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') LIKE $3)`,
          ['tags', 'Region', '%ch\\_%'],
        ],
        mysql: [
          ` AND e.\`text_value\` IS NOT NULL AND LOCATE(CAST(? AS BINARY), ${[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].reduce((sql, letter) => `REPLACE(${sql}, '${letter}', '${letter.toLowerCase()}')`, 'CAST(e.`text_value` AS BINARY)')}) > 0)`,
          ['tags', 'tags', 'Region', 'Region', 'ch_'],
        ],
        sqlite: [' AND e."text_value" IS NOT NULL AND instr(lower(e."text_value"), ?) > 0)', ['tags', 'Region', 'ch_']],
      },
    ],
    [
      'attrs.floor in (20, true, 1, false)',
      {
        postgres: [
          ' AND ((e."number_value" IS NOT NULL AND e."number_value" IN ($3, $4)) OR (e."boolean_value" IS NOT NULL AND e."boolean_value" IN ($5, $6))))',
          ['attrs', 'floor', 20, 1, true, false],
        ],
        mysql: [
          ' AND ((e.`number_value` IS NOT NULL AND e.`number_value` IN (?, ?)) OR (e.`boolean_value` IS NOT NULL AND e.`boolean_value` IN (?, ?))))',
          ['attrs', 'attrs', 'floor', 'floor', 20, 1, true, false],
        ],
        sqlite: [
          ' AND ((e."number_value" IS NOT NULL AND e."number_value" IN (?, ?)) OR (e."boolean_value" IS NOT NULL AND e."boolean_value" IN (?, ?))))',
          ['attrs', 'floor', 20, 1, 1, 0],
        ],
      },
    ],
    [
      'attrs.floor = true',
      {
        postgres: [' AND e."boolean_value" IS NOT NULL AND e."boolean_value" IN ($3))', ['attrs', 'floor', true]],
        mysql: [
          ' AND e.`boolean_value` IS NOT NULL AND e.`boolean_value` IN (?))',
          ['attrs', 'attrs', 'floor', 'floor', true],
        ],
        sqlite: [' AND e."boolean_value" IS NOT NULL AND e."boolean_value" IN (?))', ['attrs', 'floor', 1]],
      },
    ],
    [
      'exists(tags.Region)',
      {
        postgres: [')', ['tags', 'Region']],
        mysql: [')', ['tags', 'tags', 'Region', 'Region']],
        sqlite: [')', ['tags', 'Region']],
      },
    ],
  ] as const)('%s', (text, expected) => {
    for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) {
      const [tail, params] = expected[dialect];
      expect(toSql(parse(text), { dialect, schema }), dialect).toEqual({
        where: `${opening(dialect, 'dev_ice', 'e')}${tail}`,
        params,
      });
    }
  });

  it.each(['not exists', 'is null'] as const)('%s: NOT EXISTS of the entry', (op) => {
    expect(toSql(comparison(fieldPath('tags.Region'), op), { dialect: 'sqlite', schema })).toEqual({
      where: `NOT ${opening('sqlite', 'dev_ice', 'e')})`,
      params: ['tags', 'Region'],
    });
  });

  it('is not null is exists', () => {
    const exists = toSql(comparison(fieldPath('tags.Region'), 'exists'), { dialect: 'postgres', schema });
    expect(toSql(comparison(fieldPath('tags.Region'), 'is not null'), { dialect: 'postgres', schema })).toEqual(exists);
  });

  it.each([
    ['e', 'ent'],
    ['E', 'ent'],
    ['j', 'e'],
  ])('the records table called %s: the entries alias is %s, so it never hides the record', (table, alias) => {
    expect(toSql(parse("tags.Region = 'x'"), { dialect: 'sqlite', schema, table }).where).toBe(
      `${opening('sqlite', table, alias)} AND ${alias}."text_value" IS NOT NULL AND ${alias}."text_value" = ? COLLATE BINARY)`,
    );
  });

  it('a mapped records table named e gets the other alias too', () => {
    expect(toSql(parse('exists(tags.k)'), { dialect: 'sqlite', schema, mapping: { table: 'e' } }).where).toMatch(
      /^EXISTS \(SELECT 1 FROM "e_entries" ent WHERE ent\."org_id" = "e"\."org_id" /,
    );
  });
});

describe('map entries on every engine', () => {
  const records: readonly Record<string, unknown>[] = [
    { orgId: 'o', deviceId: 'china', tags: { Region: 'China' }, attrs: { floor: 20, ok: true } },
    { orgId: 'o', deviceId: 'china-lower', tags: { Region: 'china', region: 'China' }, attrs: { floor: '20' } },
    { orgId: 'o', deviceId: 'china-space', tags: { Region: 'China ' }, attrs: { floor: 1, ok: false } },
    { orgId: 'o', deviceId: 'wrong-type', tags: { Region: 5 }, attrs: { floor: null } },
    { orgId: 'o', deviceId: 'none', tags: {}, attrs: 'x' },
    // Same id in another scope: the correlation by scope keeps its entries to it.
    { orgId: 'p', deviceId: 'china-lower', tags: { Region: 'Chi_na' }, attrs: { ok: true } },
    { orgId: 'p', deviceId: 'other', tags: { Region: 'CHINA%' } },
  ];
  const expressions = [
    "tags.Region = 'China'",
    "tags.Region != 'China'",
    "tags.Region in ('china', 'China ')",
    "tags.region = 'China'",
    "tags.Region like 'CHI'",
    "tags.Region like 'i_n'",
    "tags.Region like '%'",
    'exists(tags.Region)',
    'not exists(tags.Region)',
    'tags.Region is null',
    'tags.Region is not null',
    'attrs.floor = 20',
    "attrs.floor = '20'",
    'attrs.floor in (1, true)',
    'attrs.ok = true',
    'attrs.ok = false',
    'attrs.ok != true',
    "attrs.floor in ('20', 20)",
    'exists(attrs.floor)',
    "tags.Region = 'China' or attrs.ok = true",
  ];
  const key = (record: Record<string, unknown>): string => `${String(record['orgId'])}/${String(record['deviceId'])}`;

  const engines = enginesWithTables({ schema });

  it('each expression selects what toPredicate selects, and its negation the rest', async () => {
    for (const engine of engines) {
      await inTransaction(
        engine,
        records.flatMap((record) => insertRow(record, { dialect: engine.dialect, schema }).statements),
      );
      const q = (name: string): string => (engine.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
      for (const text of expressions) {
        const { where, params } = toSql(parse(text), { dialect: engine.dialect, schema });
        const select = async (condition: string): Promise<string[]> =>
          (
            await engine.query(
              `SELECT ${q('org_id')} AS o, ${q('device_id')} AS d FROM ${q('dev_ice')} WHERE ${condition}`,
              params,
            )
          )
            .map((row) => `${String(row['o'])}/${String(row['d'])}`)
            .sort();
        const predicate = toPredicate(parse(text), { schema });
        const expected = records
          .filter((record) => predicate(record))
          .map(key)
          .sort();
        expect(await select(where), `${engine.dialect}: ${text}`).toEqual(expected);
        const rest = records
          .map(key)
          .filter((id) => !expected.includes(id))
          .sort();
        expect(await select(`NOT (${where})`), `${engine.dialect}: NOT ${text}`).toEqual(rest);
      }
    }
  });
});
