/**
 * The WHERE of each operator, exactly: the candidates of a bare i18n name and of a locale (with its fallback), the
 * ordering operators, numbers and booleans outside the string hooks. Then the same operators on every engine, on
 * fields of every type, against `toPredicate` and negated.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import { toPredicate } from '../../../src/predicate.js';
import { insertRow, toSql } from '../../../src/sql.js';
import { enginesWithTables, inTransaction } from '../../support/engines.js';
import { wideSchema } from '../sql-fixtures.js';
import { deviceSchema } from './schemas.js';

describe('the candidates of an i18n path (postgres)', () => {
  it.each([
    [
      "name != 'x'",
      '("name_default" IS NOT NULL OR "name_zh_cn" IS NOT NULL OR "name_en_us" IS NOT NULL) AND ("name_default" IS NULL OR ("name_default" IS NOT NULL AND "name_default" <> $1)) AND ("name_zh_cn" IS NULL OR ("name_zh_cn" IS NOT NULL AND "name_zh_cn" <> $2)) AND ("name_en_us" IS NULL OR ("name_en_us" IS NOT NULL AND "name_en_us" <> $3))',
    ],
    [
      "name.zh_CN != 'x'",
      '(("name_zh_cn" IS NOT NULL AND length("name_zh_cn") > 0 AND "name_zh_cn" <> $1) OR (("name_zh_cn" IS NULL OR length("name_zh_cn") = 0) AND "name_default" IS NOT NULL AND "name_default" <> $2))',
    ],
    ['name is null', '"name_default" IS NULL AND "name_zh_cn" IS NULL AND "name_en_us" IS NULL'],
    ['not exists(name)', '"name_default" IS NULL AND "name_zh_cn" IS NULL AND "name_en_us" IS NULL'],
    ['name.zh_CN is null', '("name_zh_cn" IS NULL OR length("name_zh_cn") = 0) AND "name_default" IS NULL'],
    [
      "name = 'x'",
      '(("name_default" IS NOT NULL AND "name_default" = $1) OR ("name_zh_cn" IS NOT NULL AND "name_zh_cn" = $2) OR ("name_en_us" IS NOT NULL AND "name_en_us" = $3))',
    ],
    [
      "name in ('x', 'y')",
      '(("name_default" IS NOT NULL AND "name_default" IN ($1, $2)) OR ("name_zh_cn" IS NOT NULL AND "name_zh_cn" IN ($3, $4)) OR ("name_en_us" IS NOT NULL AND "name_en_us" IN ($5, $6)))',
    ],
    [
      "name.zh_CN in ('x')",
      '(("name_zh_cn" IS NOT NULL AND length("name_zh_cn") > 0 AND "name_zh_cn" IN ($1)) OR (("name_zh_cn" IS NULL OR length("name_zh_cn") = 0) AND "name_default" IS NOT NULL AND "name_default" IN ($2)))',
    ],
    ["name.default = 'x'", '"name_default" IS NOT NULL AND "name_default" = $1'],
    ['not exists(productKey)', '"product_key" IS NULL'],
    ['productKey is null', '"product_key" IS NULL'],
  ])('%s', (text, where) => {
    expect(toSql(parse(text), { dialect: 'postgres', schema: wideSchema }).where).toBe(where);
  });
});

describe('numbers, datetimes and booleans (sqlite)', () => {
  it.each([
    // A field that is also the record's id reads the id's column.
    ["deviceId = 'd'", '"device_id" IS NOT NULL AND "device_id" = ? COLLATE BINARY', ['d']],
    ['temp = 1', '"temp" IS NOT NULL AND "temp" = ?', [1]],
    ['temp != 1', '"temp" IS NOT NULL AND "temp" <> ?', [1]],
    ['temp in (1, 2.5)', '"temp" IS NOT NULL AND "temp" IN (?, ?)', [1, 2.5]],
    ['temp < 1', '"temp" IS NOT NULL AND "temp" < ?', [1]],
    ['temp <= 1', '"temp" IS NOT NULL AND "temp" <= ?', [1]],
    ['temp > 1', '"temp" IS NOT NULL AND "temp" > ?', [1]],
    ['temp >= 1', '"temp" IS NOT NULL AND "temp" >= ?', [1]],
    ['temp is null', '"temp" IS NULL', []],
    ["seen > '2026-01-01 00:00:00'", '"seen" IS NOT NULL AND "seen" > ?', ['2026-01-01 00:00:00']],
    ['online = true', '"online" IS NOT NULL AND "online" = ?', [1]],
    ['online = false', '"online" IS NOT NULL AND "online" = ?', [0]],
    [
      "label = 'x'",
      '(("label_default" IS NOT NULL AND "label_default" = ? COLLATE BINARY) OR ("label_fr" IS NOT NULL AND "label_fr" = ? COLLATE BINARY))',
      ['x', 'x'],
    ],
  ])('%s', (text, where, params) => {
    expect(toSql(parse(text), { dialect: 'sqlite', schema: deviceSchema })).toEqual({ where, params });
  });

  it('postgres and mysql bind booleans as booleans', () => {
    expect(toSql(parse('online = true'), { dialect: 'postgres', schema: deviceSchema }).params).toEqual([true]);
    expect(toSql(parse('online = false'), { dialect: 'mysql', schema: deviceSchema }).params).toEqual([false]);
  });
});

describe('every operator on every engine', () => {
  const records: readonly Record<string, unknown>[] = [
    { orgId: 'o', deviceId: 'cold', temp: -1.5, online: false, seen: '2026-01-01 00:00:00', serial: 'A1' },
    { orgId: 'o', deviceId: 'one', temp: 1, online: true, seen: '2026-01-01 00:00:01', serial: 'a1' },
    { orgId: 'o', deviceId: 'warm', temp: 2.5, seen: '2025-12-31 23:59:59', serial: 'a1 ' },
    { orgId: 'o', deviceId: 'hot', temp: 40, online: true, seen: '2026-1-1 00:00:00', serial: 'b' },
    { orgId: 'o', deviceId: 'none', temp: '7', online: 'yes', label: { defaultValue: 'x', i18nValue: { fr: '' } } },
    { orgId: 'o', deviceId: 'fr', label: { defaultValue: 'y', i18nValue: { fr: 'x' } } },
  ];
  const expressions = [
    'temp = 1',
    'temp != 1',
    'temp in (1, 2.5)',
    'temp < 1',
    'temp <= 1',
    'temp > 1',
    'temp >= 1',
    'temp >= 2.5 and temp <= 2.5',
    'temp is null',
    "seen > '2026-01-01 00:00:00'",
    'online = true',
    'online = false',
    "serial = 'a1'",
    "serial in ('A1', 'b')",
    "label = 'x'",
    "label.fr = 'x'",
    "label.default = 'x'",
    "note like 'x' or temp < 0",
  ];

  const engines = enginesWithTables({ schema: deviceSchema });

  it('each selects what toPredicate selects, and its negation the rest', async () => {
    for (const engine of engines) {
      await inTransaction(
        engine,
        records.flatMap((record) => insertRow(record, { dialect: engine.dialect, schema: deviceSchema }).statements),
      );
      const q = (name: string): string => (engine.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
      for (const text of expressions) {
        const { where, params } = toSql(parse(text), { dialect: engine.dialect, schema: deviceSchema });
        const select = async (condition: string): Promise<string[]> =>
          (await engine.query(`SELECT ${q('device_id')} AS d FROM ${q('dev_ice')} WHERE ${condition}`, params))
            .map((row) => String(row['d']))
            .sort();
        const predicate = toPredicate(parse(text), { schema: deviceSchema });
        const expected = records
          .filter((record) => predicate(record))
          .map((record) => String(record['deviceId']))
          .sort();
        expect(await select(where), `${engine.dialect}: ${text}`).toEqual(expected);
        const rest = records
          .map((record) => String(record['deviceId']))
          .filter((id) => !expected.includes(id))
          .sort();
        expect(await select(`NOT (${where})`), `${engine.dialect}: NOT ${text}`).toEqual(rest);
      }
    }
  });
});
