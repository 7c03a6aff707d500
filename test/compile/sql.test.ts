/** The SQL each dialect gets (STYLE pattern 8: every dialect side by side), plus the compiler's contracts. */
import { describe, expect, it } from 'vitest';
import { comparison, fieldPath, span, valueNode } from '../../src/language/ast.js';
import {
  createTableSql,
  insertRowSql,
  OTA_JOB_COLUMNS,
  otaJobTableSql,
  toRow,
  toSql,
  type SqlDialectName,
  type SqlMapping,
} from '../../src/sql.js';
import { ExpressionError } from '../../src/diagnostics/expression-error.js';
import { parse } from '../../src/language/parse.js';
import { defineSchema } from '../../src/schema/schema.js';
import { ENGINE_CASES, JOBS, wideSchema } from './sql-fixtures.js';

interface Expected {
  readonly where: string;
  readonly params: readonly unknown[];
}

const DIALECTS: readonly SqlDialectName[] = ['postgres', 'mysql', 'sqlite'];

function expectSql(
  text: string,
  expected: Record<SqlDialectName, Expected>,
  options: { schema?: typeof wideSchema } = {},
): void {
  for (const dialect of DIALECTS) {
    expect(toSql(parse(text), { dialect, ...options }), dialect).toEqual({
      where: expected[dialect].where,
      params: expected[dialect].params,
    });
  }
}

const PG_FOLD = (column: string): string =>
  `translate(${column}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
const MY_FOLD = (column: string): string =>
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].reduce(
    (sql, letter) => `REPLACE(${sql}, '${letter}', '${letter.toLowerCase()}')`,
    `CAST(${column} AS BINARY)`,
  );
const MY_EQ = (column: string): string => `${column} = ? AND CAST(${column} AS BINARY) = CAST(? AS BINARY)`;

const TABLE: readonly [string, Record<SqlDialectName, Expected>, { schema?: typeof wideSchema }?][] = [
  [
    "productKey = 'a'",
    {
      postgres: { where: '"product_key" IS NOT NULL AND "product_key" = $1', params: ['a'] },
      mysql: { where: `\`product_key\` IS NOT NULL AND ${MY_EQ('`product_key`')}`, params: ['a', 'a'] },
      sqlite: { where: '"product_key" IS NOT NULL AND "product_key" = ? COLLATE BINARY', params: ['a'] },
    },
  ],
  [
    "productKey in ('a', 'b')",
    {
      postgres: { where: '"product_key" IS NOT NULL AND "product_key" IN ($1, $2)', params: ['a', 'b'] },
      mysql: {
        where:
          '`product_key` IS NOT NULL AND `product_key` IN (?, ?) AND CAST(`product_key` AS BINARY) IN (CAST(? AS BINARY), CAST(? AS BINARY))',
        params: ['a', 'b', 'a', 'b'],
      },
      sqlite: { where: '"product_key" IS NOT NULL AND "product_key" COLLATE BINARY IN (?, ?)', params: ['a', 'b'] },
    },
  ],
  [
    "name.default like 'X%_\\\\'",
    {
      postgres: {
        where: `"name_default" IS NOT NULL AND ${PG_FOLD('"name_default"')} LIKE $1`,
        params: ['%x\\%\\_\\\\%'],
      },
      mysql: {
        where: `\`name_default\` IS NOT NULL AND LOCATE(CAST(? AS BINARY), ${MY_FOLD('`name_default`')}) > 0`,
        params: ['x%_\\'],
      },
      sqlite: { where: '"name_default" IS NOT NULL AND instr(lower("name_default"), ?) > 0', params: ['x%_\\'] },
    },
  ],
  [
    "name like 'É'",
    {
      postgres: {
        where: ['name_default', 'name_zh_cn', 'name_en_us']
          .map(
            (c) =>
              `("${c}" IS NOT NULL AND ${PG_FOLD(`"${c}"`)} LIKE $${['name_default', 'name_zh_cn', 'name_en_us'].indexOf(c) + 1})`,
          )
          .join(' OR ')
          .replace(/^/, '(')
          .replace(/$/, ')'),
        params: ['%É%', '%É%', '%É%'],
      },
      mysql: {
        where: `(${['name_default', 'name_zh_cn', 'name_en_us'].map((c) => `(\`${c}\` IS NOT NULL AND LOCATE(CAST(? AS BINARY), ${MY_FOLD(`\`${c}\``)}) > 0)`).join(' OR ')})`,
        params: ['É', 'É', 'É'],
      },
      sqlite: {
        where: `(${['name_default', 'name_zh_cn', 'name_en_us'].map((c) => `("${c}" IS NOT NULL AND instr(lower("${c}"), ?) > 0)`).join(' OR ')})`,
        params: ['É', 'É', 'É'],
      },
    },
  ],
  [
    "name.zh_CN like 'x'",
    {
      postgres: {
        where:
          `(("name_zh_cn" IS NOT NULL AND length("name_zh_cn") > 0 AND ${PG_FOLD('"name_zh_cn"')} LIKE $1) OR ` +
          `(("name_zh_cn" IS NULL OR length("name_zh_cn") = 0) AND "name_default" IS NOT NULL AND ${PG_FOLD('"name_default"')} LIKE $2))`,
        params: ['%x%', '%x%'],
      },
      mysql: {
        where:
          `((\`name_zh_cn\` IS NOT NULL AND length(\`name_zh_cn\`) > 0 AND LOCATE(CAST(? AS BINARY), ${MY_FOLD('`name_zh_cn`')}) > 0) OR ` +
          `((\`name_zh_cn\` IS NULL OR length(\`name_zh_cn\`) = 0) AND \`name_default\` IS NOT NULL AND LOCATE(CAST(? AS BINARY), ${MY_FOLD('`name_default`')}) > 0))`,
        params: ['x', 'x'],
      },
      sqlite: {
        where:
          '(("name_zh_cn" IS NOT NULL AND length("name_zh_cn") > 0 AND instr(lower("name_zh_cn"), ?) > 0) OR ' +
          '(("name_zh_cn" IS NULL OR length("name_zh_cn") = 0) AND "name_default" IS NOT NULL AND instr(lower("name_default"), ?) > 0))',
        params: ['x', 'x'],
      },
    },
  ],
  [
    "productKey = 'a' and (status = 'started' or type = 'verify')",
    {
      postgres: {
        where:
          '"product_key" IS NOT NULL AND "product_key" = $1 AND (("status" IS NOT NULL AND "status" = $2) OR ("type" IS NOT NULL AND "type" = $3))',
        params: ['a', 'started', 'verify'],
      },
      mysql: {
        where: `\`product_key\` IS NOT NULL AND ${MY_EQ('`product_key`')} AND ((\`status\` IS NOT NULL AND ${MY_EQ('`status`')}) OR (\`type\` IS NOT NULL AND ${MY_EQ('`type`')}))`,
        params: ['a', 'a', 'started', 'started', 'verify', 'verify'],
      },
      sqlite: {
        where:
          '"product_key" IS NOT NULL AND "product_key" = ? COLLATE BINARY AND (("status" IS NOT NULL AND "status" = ? COLLATE BINARY) OR ("type" IS NOT NULL AND "type" = ? COLLATE BINARY))',
        params: ['a', 'started', 'verify'],
      },
    },
  ],
  [
    "productKey != 'a'",
    {
      postgres: { where: '"product_key" IS NOT NULL AND "product_key" <> $1', params: ['a'] },
      mysql: {
        where: '`product_key` IS NOT NULL AND CAST(`product_key` AS BINARY) <> CAST(? AS BINARY)',
        params: ['a'],
      },
      sqlite: { where: '"product_key" IS NOT NULL AND "product_key" <> ? COLLATE BINARY', params: ['a'] },
    },
    { schema: wideSchema },
  ],
  [
    'not exists(name.en_US)',
    {
      postgres: { where: '("name_en_us" IS NULL OR length("name_en_us") = 0) AND "name_default" IS NULL', params: [] },
      mysql: { where: '(`name_en_us` IS NULL OR length(`name_en_us`) = 0) AND `name_default` IS NULL', params: [] },
      sqlite: { where: '("name_en_us" IS NULL OR length("name_en_us") = 0) AND "name_default" IS NULL', params: [] },
    },
    { schema: wideSchema },
  ],
  [
    'exists(name)',
    {
      postgres: {
        where: '("name_default" IS NOT NULL OR "name_zh_cn" IS NOT NULL OR "name_en_us" IS NOT NULL)',
        params: [],
      },
      mysql: {
        where: '(`name_default` IS NOT NULL OR `name_zh_cn` IS NOT NULL OR `name_en_us` IS NOT NULL)',
        params: [],
      },
      sqlite: {
        where: '("name_default" IS NOT NULL OR "name_zh_cn" IS NOT NULL OR "name_en_us" IS NOT NULL)',
        params: [],
      },
    },
    { schema: wideSchema },
  ],
  [
    'productKey is not null',
    {
      postgres: { where: '"product_key" IS NOT NULL', params: [] },
      mysql: { where: '`product_key` IS NOT NULL', params: [] },
      sqlite: { where: '"product_key" IS NOT NULL', params: [] },
    },
    { schema: wideSchema },
  ],
  ...['exists(name.zh_CN)', 'name.zh_CN is not null'].map(
    (text): [string, Record<SqlDialectName, Expected>, { schema?: typeof wideSchema }] => [
      text,
      {
        postgres: {
          where: '(("name_zh_cn" IS NOT NULL AND length("name_zh_cn") > 0) OR "name_default" IS NOT NULL)',
          params: [],
        },
        mysql: {
          where: '((`name_zh_cn` IS NOT NULL AND length(`name_zh_cn`) > 0) OR `name_default` IS NOT NULL)',
          params: [],
        },
        sqlite: {
          where: '(("name_zh_cn" IS NOT NULL AND length("name_zh_cn") > 0) OR "name_default" IS NOT NULL)',
          params: [],
        },
      },
      { schema: wideSchema },
    ],
  ),
];

describe('expectSql', () => {
  it.each(TABLE.map(([text, expected, options]) => [text, expected, options ?? {}] as const))(
    '%s',
    (text, expected, options) => {
      expectSql(text, expected, options);
    },
  );
});

describe('toSql contracts', () => {
  it.each(DIALECTS)('%s: the empty expression is always true, with no params', (dialect) => {
    expect(toSql(null, { dialect })).toEqual({ where: '1=1', params: [] });
  });

  // Every quoted literal in the SQL is one of the fixed folding constants: no user value ever becomes SQL text.
  const FIXED_LITERAL = /^'(?:[A-Za-z]|ABCDEFGHIJKLMNOPQRSTUVWXYZ|abcdefghijklmnopqrstuvwxyz)'$/;
  it.each(ENGINE_CASES.flatMap((c) => DIALECTS.map((dialect) => [`${dialect}: ${c.text}`, dialect, c] as const)))(
    '%s holds no user value',
    (_title, dialect, testCase) => {
      const { where } = toSql(parse(testCase.text), { dialect, ...(testCase.wide ? { schema: wideSchema } : {}) });
      for (const literal of where.match(/'(?:[^']|'')*'/g) ?? []) expect(literal).toMatch(FIXED_LITERAL);
      expect(where).not.toMatch(/drop table|élan|Default Name|中文/i);
    },
  );

  it('keeps no state between calls', () => {
    const ast = parse("productKey = 'a' or productKey = 'b'");
    const first = toSql(ast, { dialect: 'postgres' });
    const second = toSql(ast, { dialect: 'postgres' });
    expect(second).toEqual(first);
    expect(second.params).not.toBe(first.params);
    expect(first.where).toContain('$2');
    expect(first.where).not.toContain('$3');
  });

  it.each(DIALECTS)('%s: validates against the schema first (99400 with every error)', (dialect) => {
    const ast = parse("nope = 'a' and name = 'x'");
    try {
      toSql(ast, { dialect });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).code).toBe(99400);
      expect((error as ExpressionError).diagnostics.map((d) => d.kind)).toEqual([
        'unknown-field',
        'operator-not-allowed',
      ]);
      expect((error as ExpressionError).diagnostics[1]?.message).toBe('Do not allow operator op =, allowed op [like]');
    }
  });

  it('ignores warnings (an unknown enum value simply matches nothing)', () => {
    expect(toSql(parse("status = 'paused'"), { dialect: 'sqlite' }).params).toEqual(['paused']);
  });

  it('refuses an unknown dialect', () => {
    expect(() => toSql(null, { dialect: 'oracle' as SqlDialectName })).toThrow(TypeError);
  });

  it('refuses a dialect that is not a string, even one that prints as a known name', () => {
    for (const dialect of [['postgres'], { toString: () => 'postgres' }, new String('mysql')]) {
      expect(() => toSql(null, { dialect: dialect as unknown as SqlDialectName })).toThrow(
        /^toSql: unknown dialect .*: expected postgres, mysql or sqlite$/,
      );
    }
  });

  it('a map key that SQL cannot store is refused with a 99400 error on the path', () => {
    const schema = defineSchema({ name: 't', fields: { tags: { type: 'map', operators: ['='] } }, logical: ['and'] });
    const tree = comparison(fieldPath('tags.k\u0000', span(0, 7)), '=', valueNode('v', span(10, 13)));
    expect(() => toSql(tree, { dialect: 'postgres', schema })).toThrow('contains the NUL character U+0000');
  });

  it('compiles number and boolean fields of other schemas (SQLite binds booleans as 1/0)', () => {
    const schema = defineSchema({
      name: 'device',
      fields: {
        state: { type: 'number', operators: ['=', '!=', '<', '>=', 'in'] },
        online: { type: 'boolean', operators: ['='] },
        displayName: { type: 'i18n', operators: ['like'], locales: ['zh-Hans'] },
      },
      logical: ['and', 'or'],
    });
    expect(toSql(parse('state >= 2 and state in (1, 2) and online = true'), { dialect: 'sqlite', schema })).toEqual({
      where:
        '"state" IS NOT NULL AND "state" >= ? AND "state" IS NOT NULL AND "state" IN (?, ?) AND "online" IS NOT NULL AND "online" = ?',
      params: [2, 1, 2, 1],
    });
    expect(toSql(parse('state != 3'), { dialect: 'postgres', schema }).where).toBe(
      '"state" IS NOT NULL AND "state" <> $1',
    );
    expect(toSql(parse("displayName.zh-Hans like 'a'"), { dialect: 'sqlite', schema }).where).toContain(
      '"display_name_zh_hans"',
    );
  });

  it('numbers compare as numbers on MySQL: only strings go through CAST(… AS BINARY)', () => {
    const schema = defineSchema({
      name: 'device',
      fields: { state: { type: 'number', operators: ['=', '!=', 'in'] } },
      logical: ['and'],
    });
    expect(toSql(parse('state != 3 and state = 2 and state in (1, 2)'), { dialect: 'mysql', schema })).toEqual({
      where:
        '`state` IS NOT NULL AND `state` <> ? AND `state` IS NOT NULL AND `state` = ? AND `state` IS NOT NULL AND `state` IN (?, ?)',
      params: [3, 2, 1, 2],
    });
  });

  it('maps and quotes table and column names', () => {
    const mapping: SqlMapping = { columns: { productKey: 'Product"Key', nameDefault: 'title`x' } };
    expect(toSql(parse("productKey = 'a'"), { dialect: 'postgres', mapping }).where).toBe(
      '"Product""Key" IS NOT NULL AND "Product""Key" = $1',
    );
    expect(toSql(parse("name.default like 'a'"), { dialect: 'mysql', mapping }).where).toMatch(
      /^`title``x` IS NOT NULL/,
    );
  });

  it('a top-level or comes parenthesised, so the where can be and-ed into a bigger query', () => {
    expect(toSql(parse("productKey = 'a' or productKey = 'b'"), { dialect: 'sqlite' }).where).toMatch(/^\(.*\)$/);
  });

  it('the NUL diagnostic points at the value', () => {
    const ast = comparison(
      fieldPath('productKey', { start: 0, end: 10 }),
      '=',
      valueNode('\u0000', { start: 13, end: 16 }),
    );
    expect(() => toSql(ast, { dialect: 'mysql' })).toThrow(ExpressionError);
  });
});

describe('the shipped table', () => {
  it('postgres: pg_trgm and a GIN index on exactly the expression like compiles to', () => {
    const statements = createTableSql('postgres');
    expect(statements[0]).toBe('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const { where } = toSql(parse("name.default like 'x'"), { dialect: 'postgres' });
    const expression = PG_FOLD('"name_default"');
    expect(where).toContain(expression);
    expect(statements).toContain(
      `CREATE INDEX IF NOT EXISTS "ota_job_name_default_trgm" ON "ota_job" USING gin (${expression} gin_trgm_ops)`,
    );
    expect(statements).toContain(
      'CREATE INDEX IF NOT EXISTS "ota_job_org_id_create_time_idx" ON "ota_job" ("org_id" ASC NULLS FIRST, "create_time" DESC NULLS LAST, "job_id" ASC NULLS FIRST)',
    );
  });

  it.each(DIALECTS)('%s: every column, the primary key, and a mapped table name', (dialect) => {
    const script = otaJobTableSql(dialect, { table: 'jobs' });
    for (const column of Object.values(OTA_JOB_COLUMNS)) expect(script).toContain(column);
    expect(script).toMatch(/PRIMARY KEY \(["`]org_id["`], ["`]job_id["`]\)/);
    expect(script).toMatch(/CREATE TABLE IF NOT EXISTS ["`]jobs["`]/);
    expect(insertRowSql(dialect)).toMatch(/^INSERT INTO ["`]ota_job["`] \(/);
  });

  it('toRow: columns, NULL for absent and wrong-typed values, doc as JSON', () => {
    const job = JOBS.find((j) => j.jobId === 'wrong-type')!;
    expect(toRow(job)).toMatchObject({
      org_id: 'o1',
      job_id: 'wrong-type',
      name_default: null,
      product_key: null,
      name_zh_cn: null,
    });
    expect(JSON.parse(toRow(job).doc)).toEqual(job);
    expect(toRow(JOBS.find((j) => j.jobId === 'zh-set')!)).toMatchObject({
      name_default: 'Default Name',
      name_zh_cn: '中文名',
      name_en_us: null,
    });
  });

  it('toRow: refuses records without their keys; an order key of the wrong type is absent (NULL)', () => {
    expect(() => toRow({ orgId: 'o', jobId: 1 as unknown as string, createTime: 1 })).toThrow(
      new TypeError('toRow: jobId must be a string (orgId "o")'),
    );
    expect(() => toRow({ jobId: 'j', createTime: 1 } as never)).toThrow(new TypeError('toRow: orgId must be a string'));
    expect(toRow({ orgId: 'o', jobId: 'j', createTime: 1.5 }).create_time).toBeNull();
    expect(toRow({ orgId: 'o', jobId: 'j' } as never).create_time).toBeNull();
  });
});
