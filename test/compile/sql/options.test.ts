/**
 * The options of `toSql`, `toSqlFragments` and the table functions: each bad one is a TypeError naming it; `table`
 * qualifies every column; `startAt` numbers PostgreSQL's placeholders; a mapping renames columns and tables.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import {
  createTableSql,
  insertRow,
  insertRowSql,
  toRow,
  toSql,
  toSqlFragments,
  type SqlDialectName,
  type SqlMapping,
} from '../../../src/sql.js';
import { deviceSchema } from './schemas.js';

const productKey = parse("productKey = 'a'");
const COLUMNS =
  'orgId, jobId, productKey, firmwareId, firmwareVersion, type, status, createTime, nameDefault, nameZhCn, nameEnUs, firmwareNameDefault, firmwareNameZhCn, firmwareNameEnUs, doc';

describe('a bad mapping is a TypeError naming what is wrong', () => {
  it.each([
    [1, 'mapping must be an object { table?, columns? }'],
    ['x', 'mapping must be an object { table?, columns? }'],
    [[], 'mapping must be an object { table?, columns? }'],
    [{ tabel: 'x' }, 'unknown mapping key "tabel": expected table or columns'],
    [{ table: '' }, 'mapping.table must be a non-empty string without NUL'],
    [{ table: 'a\u0000' }, 'mapping.table must be a non-empty string without NUL'],
    [{ table: 3 }, 'mapping.table must be a non-empty string without NUL'],
    [{ columns: 1 }, 'mapping.columns must be an object of column names'],
    [{ columns: null }, 'mapping.columns must be an object of column names'],
    [{ columns: { productKey: '' } }, 'mapping.columns.productKey must be a non-empty string without NUL'],
    [
      { columns: { status: 'ok', productKey: 'p\u0000' } },
      'mapping.columns.productKey must be a non-empty string without NUL',
    ],
    [{ columns: { productKey: 5 } }, 'mapping.columns.productKey must be a non-empty string without NUL'],
    [
      { columns: { productKe: 'x' } },
      `mapping.columns: the table of ota-job has no column "productKe" (did you mean productKey?); its columns are ${COLUMNS}`,
    ],
    [
      { columns: { zzzzzzzzzzzz: 'x' } },
      `mapping.columns: the table of ota-job has no column "zzzzzzzzzzzz"; its columns are ${COLUMNS}`,
    ],
  ])('%j', (mapping, message) => {
    expect(() => toSql(productKey, { dialect: 'postgres', mapping: mapping as SqlMapping })).toThrow(
      new TypeError(`toSql: ${message}`),
    );
    expect(() => createTableSql('sqlite', { mapping: mapping as SqlMapping })).toThrow(
      new TypeError(`createTableSql: ${message}`),
    );
    expect(() => insertRowSql('sqlite', { mapping: mapping as SqlMapping })).toThrow(
      new TypeError(`insertRowSql: ${message}`),
    );
    expect(() => toRow({ orgId: 'o', jobId: 'j' }, { mapping: mapping as SqlMapping })).toThrow(
      new TypeError(`toRow: ${message}`),
    );
    expect(() => insertRow({ orgId: 'o', jobId: 'j' }, { dialect: 'mysql', mapping: mapping as SqlMapping })).toThrow(
      new TypeError(`insertRow: ${message}`),
    );
  });

  it('a column left undefined, or named only on the prototype, keeps its default name', () => {
    const inherited = Object.create({ productKey: 'pk' }) as Record<string, string>;
    for (const columns of [{ productKey: undefined }, inherited, {}]) {
      expect(toSql(productKey, { dialect: 'postgres', mapping: { columns } }).where).toBe(
        '"product_key" IS NOT NULL AND "product_key" = $1',
      );
    }
    expect(toSql(productKey, { dialect: 'postgres', mapping: { columns: { productKey: 'pk' } } }).where).toBe(
      '"pk" IS NOT NULL AND "pk" = $1',
    );
  });

  it('a mapping of the table alone renames the table, not the columns', () => {
    expect(toSql(productKey, { dialect: 'sqlite', mapping: { table: 'jobs' } })).toEqual(
      toSql(productKey, { dialect: 'sqlite' }),
    );
    expect(createTableSql('sqlite', { mapping: { table: 'jobs' } })[0]).toMatch(
      /^CREATE TABLE IF NOT EXISTS "jobs" \(\n {2}"org_id" TEXT NOT NULL,\n {2}"job_id" TEXT NOT NULL,\n {2}"product_key" TEXT,/,
    );
  });

  it('a mapped table and columns rename the DDL, the row and the INSERT', () => {
    const mapping: SqlMapping = { table: 'Jobs', columns: { nameZhCn: 'zh', doc: 'body', orgId: 'tenant' } };
    const statements = createTableSql('sqlite', { mapping });
    expect(statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS "Jobs" \(\n {2}"tenant" TEXT NOT NULL,\n/);
    expect(statements[0]).toContain('\n  "zh" TEXT,\n');
    expect(statements[0]).toContain('\n  "body" TEXT NOT NULL,\n  PRIMARY KEY ("tenant", "job_id")\n)');
    expect(statements[1]).toBe(
      'CREATE INDEX IF NOT EXISTS "Jobs_tenant_create_time_idx" ON "Jobs" ("tenant", "create_time" DESC, "job_id")',
    );
    const row = toRow({ orgId: 'o', jobId: 'j', name: { i18nValue: { zh_CN: '中' } } }, { mapping });
    expect(row).toMatchObject({ tenant: 'o', zh: '中', body: expect.any(String) });
    expect(insertRowSql('postgres', { mapping })).toMatch(/^INSERT INTO "Jobs" \("tenant", "job_id", /);
  });
});

describe('table qualifies every column', () => {
  it.each(['', 'a\u0000', 3])('a table of %j is refused', (table) => {
    expect(() => toSql(productKey, { dialect: 'postgres', table: table as string })).toThrow(
      new TypeError(`toSql: table must be a non-empty string without NUL, found ${JSON.stringify(table)}`),
    );
  });

  it.each([
    ['postgres', '"j"', 'translate(', " 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"],
    ['sqlite', '"j"', 'lower(', ''],
  ] as const)('%s: the fallback of a locale, both columns qualified, the name quoted', (dialect, j, ..._folding) => {
    const { where } = toSql(parse("name.zh_CN like 'a'"), { dialect, table: 'j' });
    expect(where.match(/"[a-z_]+"/g)).toEqual(
      ['zh', 'zh', 'zh', 'zh', 'zh', 'default', 'default']
        .map((c) => `"name_${c === 'zh' ? 'zh_cn' : c}"`)
        .flatMap((c) => [j, c]),
    );
  });

  it('a table name with the quote character is quoted by doubling it', () => {
    expect(toSql(productKey, { dialect: 'postgres', table: 'My "T"' }).where).toBe(
      '"My ""T"""."product_key" IS NOT NULL AND "My ""T"""."product_key" = $1',
    );
    expect(toSql(productKey, { dialect: 'mysql', table: 'a`b' }).where).toBe(
      '`a``b`.`product_key` IS NOT NULL AND `a``b`.`product_key` = ? AND CAST(`a``b`.`product_key` AS BINARY) = CAST(? AS BINARY)',
    );
  });
});

describe('startAt', () => {
  it.each([1.5, '2', 0, -1, Number.MAX_SAFE_INTEGER + 1])('%j is refused', (startAt) => {
    expect(() => toSql(productKey, { dialect: 'postgres', startAt: startAt as number })).toThrow(
      new TypeError(`toSql: startAt must be an integer of at least 1, found ${String(startAt)}`),
    );
  });

  it('numbers PostgreSQL placeholders on from it; 1 is the default; positional ? are unaffected', () => {
    const two = parse("productKey = 'a' or status = 'started'");
    expect(toSql(two, { dialect: 'postgres', startAt: 1 })).toEqual(toSql(two, { dialect: 'postgres' }));
    expect(toSql(two, { dialect: 'postgres', startAt: 7 }).where).toBe(
      '(("product_key" IS NOT NULL AND "product_key" = $7) OR ("status" IS NOT NULL AND "status" = $8))',
    );
    expect(toSql(two, { dialect: 'sqlite', startAt: 7 })).toEqual(toSql(two, { dialect: 'sqlite' }));
    expect(toSql(two, { dialect: 'mysql', startAt: 7 })).toEqual(toSql(two, { dialect: 'mysql' }));
  });
});

describe('toSqlFragments', () => {
  const text = "productKey in ('a', 'b') and name.zh_CN like 'x'";
  it.each(['postgres', 'mysql', 'sqlite'] as const)(
    '%s: the text of toSql cut at its placeholders, whatever startAt',
    (dialect: SqlDialectName) => {
      const { where, params } = toSql(parse(text), { dialect });
      for (const startAt of [1, 12]) {
        const fragments = toSqlFragments(parse(text), { dialect, startAt, table: 'j' });
        expect(fragments.params).toEqual(params);
        expect(fragments.strings).toHaveLength(params.length + 1);
        const joined = fragments.strings
          .join(dialect === 'postgres' ? '$' : '?')
          .replaceAll('"j".', '')
          .replaceAll('`j`.', '');
        expect(joined).toBe(where.replace(/\$\d+/g, '$'));
      }
    },
  );

  it('the empty expression and a condition that ends with a value', () => {
    expect(toSqlFragments(null, { dialect: 'mysql' })).toEqual({ strings: ['1=1'], params: [] });
    expect(toSqlFragments(productKey, { dialect: 'postgres' })).toEqual({
      strings: ['"product_key" IS NOT NULL AND "product_key" = ', ''],
      params: ['a'],
    });
  });
});

describe('the table functions check their options', () => {
  it('an unknown dialect or option is a TypeError naming the function', () => {
    expect(() => createTableSql('oracle' as SqlDialectName)).toThrow(
      new TypeError('createTableSql: unknown dialect "oracle": expected postgres, mysql or sqlite'),
    );
    expect(() => insertRowSql('oracle' as SqlDialectName)).toThrow(
      new TypeError('insertRowSql: unknown dialect "oracle": expected postgres, mysql or sqlite'),
    );
    expect(() => createTableSql('sqlite', { bogus: 1 } as never)).toThrow(
      new TypeError('createTableSql: unknown option "bogus": expected mapping or schema'),
    );
    expect(() => insertRow({ orgId: 'o', jobId: 'j' }, {} as never)).toThrow(
      new TypeError('insertRow: the dialect option is required'),
    );
    expect(() => toRow(null)).toThrow(new TypeError('toRow: a record object is required'));
    expect(() => toRow({ orgId: 'o', deviceId: 1 }, { schema: deviceSchema })).toThrow(
      new TypeError('toRow: deviceId must be a string (orgId "o")'),
    );
  });

  it('toRow names where an unstorable string is, keys included', () => {
    const base = { orgId: 'o', jobId: 'j' };
    expect(() => toRow({ ...base, a: { b: [1, { c: 'x\uD800' }] } })).toThrow(
      new TypeError(
        'toRow: record orgId "o", jobId "j": the value at a.b[1].c contains a lone UTF-16 surrogate, which has no UTF-8 encoding',
      ),
    );
    expect(() => toRow({ ...base, a: { 'k\u0000': 1 } })).toThrow(
      new TypeError(
        'toRow: record orgId "o", jobId "j": the property name at a contains the NUL character U+0000, which SQL databases cannot store',
      ),
    );
    expect(() => toRow({ ...base, 'k\u0000': 1 })).toThrow(
      new TypeError(
        'toRow: record orgId "o", jobId "j": the property name at (root) contains the NUL character U+0000, which SQL databases cannot store',
      ),
    );
    expect(() => toRow({ ...base, list: ['\u0000'] })).toThrow(
      new TypeError(
        'toRow: record orgId "o", jobId "j": the value at list[0] contains the NUL character U+0000, which SQL databases cannot store',
      ),
    );
  });
});
