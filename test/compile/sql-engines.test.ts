/**
 * The SQL compiler on real engines: PostgreSQL 15 and MariaDB (started by test/support/global-setup.ts) and
 * SQLite (better-sqlite3). One case per engine trap (test/compile/sql-fixtures.ts), each also checked negated:
 * `NOT (where)` must select exactly the other rows, which holds only if `where` is never UNKNOWN.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type mysql from 'mysql2/promise';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparison, fieldPath, valueNode } from '../../src/language/ast.js';
import { toPredicate } from '../../src/predicate.js';
import { createTableSql, insertRow, toRow, toSql, type SqlDialectName, type SqlMapping } from '../../src/sql.js';
import { toSqlSearch } from '../../src/search.js';
import { ExpressionError } from '../../src/diagnostics/expression-error.js';
import { parse } from '../../src/language/parse.js';
import { databases, openMariaDb, openPostgres, openSqlite } from '../support/databases.js';
import { ALL_IDS, ENGINE_CASES, JOBS, wideSchema, type EngineCase } from './sql-fixtures.js';

type Row = Record<string, unknown>;

interface Engine {
  readonly dialect: SqlDialectName;
  exec(sql: string, params?: readonly unknown[]): Promise<void>;
  rows(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

async function postgresEngine(): Promise<Engine> {
  const { client, close } = await openPostgres();
  const c: pg.Client = client;
  return {
    dialect: 'postgres',
    exec: async (sql, params = []) => void (await c.query(sql, [...params])),
    rows: async (sql, params = []) => (await c.query(sql, [...params])).rows as Row[],
    close,
  };
}

async function mariaDbEngine(): Promise<Engine> {
  const { connection, close } = await openMariaDb();
  const c: mysql.Connection = connection;
  // execute(): server-side prepared statements, so values really travel as bound parameters.
  return {
    dialect: 'mysql',
    exec: async (sql, params = []) => void (await c.execute(sql, [...params] as never[])),
    rows: async (sql, params = []) => (await c.execute(sql, [...params] as never[]))[0] as Row[],
    close,
  };
}

async function sqliteEngine(): Promise<Engine> {
  const db: SqliteDatabase = openSqlite();
  return {
    dialect: 'sqlite',
    exec: async (sql, params = []) => void db.prepare(sql).run(...params),
    rows: async (sql, params = []) => db.prepare(sql).all(...params) as Row[],
    close: async () => void db.close(),
  };
}

const ENGINES: readonly { name: string; available: boolean; reason: string; open: () => Promise<Engine> }[] = [
  { name: 'postgres', ...availability(databases.postgres), open: postgresEngine },
  { name: 'mariadb', ...availability(databases.mariadb), open: mariaDbEngine },
  { name: 'sqlite', available: true, reason: '', open: sqliteEngine },
];

function availability(info: { available: boolean; reason?: string }): { available: boolean; reason: string } {
  return { available: info.available, reason: info.reason ?? '' };
}

function compile(testCase: EngineCase, dialect: SqlDialectName, mapping?: SqlMapping) {
  return toSql(parse(testCase.text), {
    dialect,
    ...(testCase.wide ? { schema: wideSchema } : {}),
    ...(mapping ? { mapping } : {}),
  });
}

async function selectIds(
  engine: Engine,
  where: string,
  params: readonly unknown[],
  table = 'ota_job',
  idColumn = 'job_id',
): Promise<string[]> {
  const q = engine.dialect === 'mysql' ? '`' : '"';
  const rows = await engine.rows(`SELECT ${q}${idColumn}${q} AS id FROM ${q}${table}${q} WHERE ${where}`, params);
  return rows.map((row) => String(row['id'])).sort();
}

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

describe('the fixtures agree with the in-memory predicate', () => {
  it.each(ENGINE_CASES.map((c) => [c.text, c] as const))('%s', (_text, testCase) => {
    const predicate = toPredicate(parse(testCase.text), testCase.wide ? { schema: wideSchema } : {});
    expect(sorted(JOBS.filter((job) => predicate(job)).map((job) => job.jobId))).toEqual(sorted(testCase.ids));
  });
});

for (const spec of ENGINES) {
  describe.skipIf(!spec.available)(`${spec.name}${spec.available ? '' : ` (unavailable: ${spec.reason})`}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await spec.open();
      for (const statement of createTableSql(engine.dialect)) await engine.exec(statement);
      for (const job of JOBS) {
        const { sql, params } = insertRow(job, { dialect: engine.dialect });
        await engine.exec(sql, params);
      }
    });
    afterAll(async () => {
      await engine?.close();
    });

    it.each(ENGINE_CASES.map((c) => [c.text, c] as const))('%s', async (_text, testCase) => {
      const { where, params } = compile(testCase, engine.dialect);
      expect(await selectIds(engine, where, params), testCase.trap).toEqual(sorted(testCase.ids));
      // Two-valued: the negation selects exactly the rest.
      const rest = ALL_IDS.filter((id) => !testCase.ids.includes(id));
      expect(await selectIds(engine, `NOT (${where})`, params), `NOT: ${testCase.trap}`).toEqual(sorted(rest));
    });

    it('the empty expression selects every row', async () => {
      const { where, params } = toSql(null, { dialect: engine.dialect });
      expect(await selectIds(engine, where, params)).toEqual(sorted(ALL_IDS));
    });

    it('an SQL-looking value leaves the table intact', async () => {
      const { where, params } = toSql(parse("productKey = 'x''); drop table ota_job; --'"), {
        dialect: engine.dialect,
      });
      expect(where).not.toContain('drop');
      expect(await selectIds(engine, where, params)).toEqual([]);
      expect(await selectIds(engine, '1=1', [])).toHaveLength(ALL_IDS.length);
    });

    it('stores wrong-typed values as NULL', async () => {
      const rows = await engine.rows(
        `SELECT * FROM ota_job WHERE job_id = ${engine.dialect === 'postgres' ? '$1' : '?'}`,
        ['wrong-type'],
      );
      expect(rows[0]?.['name_default']).toBeNull();
      expect(rows[0]?.['product_key']).toBeNull();
    });

    it('doc holds the whole JobInfo', async () => {
      const rows = await engine.rows(
        `SELECT doc FROM ota_job WHERE job_id = ${engine.dialect === 'postgres' ? '$1' : '?'}`,
        ['zh-set'],
      );
      const doc = rows[0]?.['doc'];
      expect(typeof doc === 'string' ? JSON.parse(doc) : doc).toEqual(JOBS.find((j) => j.jobId === 'zh-set'));
    });
  });
}

describe('values no engine can store', () => {
  const dialects: SqlDialectName[] = ['postgres', 'mysql', 'sqlite'];
  it.each(dialects)('%s: NUL in a value is a 99400 error, not a driver crash', (dialect) => {
    const ast = parse("productKey = 'a\u0000b'");
    expect(() => toSql(ast, { dialect })).toThrow(ExpressionError);
    try {
      toSql(ast, { dialect });
    } catch (error) {
      expect((error as ExpressionError).code).toBe(99400);
      expect((error as ExpressionError).message).toMatch(/NUL/);
      expect((error as ExpressionError).diagnostics[0]).toMatchObject({ start: 13, end: 18, kind: 'invalid-input' });
    }
  });
  it.each(dialects)('%s: a lone surrogate in a like pattern is a 99400 error', (dialect) => {
    const ast = comparison(fieldPath('name'), 'like', valueNode('x\uD800'));
    expect(() => toSql(ast, { dialect })).toThrow(/lone UTF-16 surrogate/);
  });
  it('toRow refuses NUL anywhere in the record, naming where', () => {
    expect(() => toRow({ orgId: 'o', jobId: 'j', createTime: 1, name: { defaultValue: 'a\u0000' } })).toThrow(
      /name\.defaultValue.*NUL/,
    );
    expect(() => toRow({ orgId: 'o', jobId: 'j', createTime: 1, extra: ['\uDC00'] })).toThrow(/extra\[0\].*surrogate/);
  });
  it.skipIf(!databases.postgres.available)('postgres really rejects NUL (why the check exists)', async () => {
    const { client, close } = await openPostgres();
    try {
      await expect(client.query('SELECT $1::text AS t', ['a\u0000b'])).rejects.toThrow();
    } finally {
      await close();
    }
  });
});

describe.skipIf(!databases.postgres.available)('postgres: the traps are real, and the indexes serve', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await postgresEngine();
    for (const statement of createTableSql('postgres')) await engine.exec(statement);
    for (const job of JOBS)
      await engine.exec(insertRow(job, { dialect: 'postgres' }).sql, insertRow(job, { dialect: 'postgres' }).params);
    await engine.exec('ANALYZE ota_job');
  });
  afterAll(async () => engine?.close());

  it('ILIKE and lower() fold É under UTF-8 (so the compiler uses translate)', async () => {
    expect(await engine.rows("SELECT 'É' ILIKE 'é' AS i, lower('É') AS l")).toEqual([{ i: true, l: 'é' }]);
  });

  async function plan(text: string, extra = ''): Promise<string> {
    const { where, params } = toSql(parse(text), { dialect: 'postgres' });
    await engine.exec('SET enable_seqscan = off');
    const rows = await engine.rows(`EXPLAIN SELECT job_id FROM ota_job WHERE ${extra}${where}`, params);
    await engine.exec('RESET enable_seqscan');
    return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
  }

  it('like uses the trigram index on the same translate() expression', async () => {
    expect(await plan("name.default like 'élan'")).toContain('ota_job_name_default_trgm');
  });
  it('like on a locale uses the locale and the default trigram indexes', async () => {
    const text = await plan("name.zh_CN like 'default'");
    expect(text).toContain('ota_job_name_zh_cn_trgm');
    expect(text).toContain('ota_job_name_default_trgm');
  });
  it('= uses the (org_id, product_key) index', async () => {
    expect(await plan("productKey = 'pk'", "org_id = 'o1' AND ")).toContain('ota_job_org_id_product_key_idx');
  });
  it('a search page reads the order index in its order (NULLS LAST included): no Sort', async () => {
    const search = toSqlSearch({ orgId: 'o1', expression: "status = 'started'" }, { dialect: 'postgres' });
    await engine.exec('SET enable_seqscan = off');
    const rows = await engine.rows(`EXPLAIN ${search.sql}`, search.params);
    await engine.exec('RESET enable_seqscan');
    const text = rows.map((row) => String(row['QUERY PLAN'])).join('\n');
    expect(text).toContain('ota_job_org_id_create_time_idx');
    expect(text).not.toMatch(/\bSort\b/);
  });
});

describe.skipIf(!databases.mariadb.available)(
  'mariadb: the traps are real, and a foreign case-insensitive table is exact',
  () => {
    let engine: Engine;
    const mapping: SqlMapping = {
      table: 'Jobs CI',
      columns: { productKey: 'Product`Key', nameDefault: 'nm', nameZhCn: 'nm_zh', nameEnUs: 'nm_en' },
    };
    beforeAll(async () => {
      engine = await mariaDbEngine();
      // No collation given: the database default, utf8mb4_general_ci (case- and accent-insensitive, PAD SPACE).
      await engine.exec(
        'CREATE TABLE `Jobs CI` (id VARCHAR(20), `Product``Key` VARCHAR(50), nm TEXT, nm_zh TEXT, nm_en TEXT, KEY pk_idx (`Product``Key`))',
      );
      const rows: [string, string | null, string | null, string | null][] = [
        ['a', 'pk', 'Élan', null],
        ['b', 'PK', 'élan', '  '],
        ['c', 'pk ', 'ELAN', ''],
        ['d', 'pK', 'Straße', null],
      ];
      for (const [id, pk, nm, zh] of rows)
        await engine.exec('INSERT INTO `Jobs CI` (id, `Product``Key`, nm, nm_zh) VALUES (?, ?, ?, ?)', [
          id,
          pk,
          nm,
          zh,
        ]);
    });
    afterAll(async () => engine?.close());

    it("a _ci PAD SPACE collation makes 'a' = 'A ' true (why the compiler adds a binary comparison)", async () => {
      expect(await engine.rows("SELECT 'a' = 'A ' AS eq, 'É' = 'e' AS accent")).toEqual([{ eq: 1, accent: 1 }]);
    });
    it.each([
      ["productKey = 'pk'", ['a']],
      ["productKey = 'pk '", ['c']],
      ["productKey in ('PK', 'pK')", ['b', 'd']],
      ["name like 'élan'", ['b']],
      ["name like 'elan'", ['c']],
      ["name like 'ss'", []],
      ["name.zh_CN like '  '", ['b']],
      ["name.zh_CN like 'elan'", ['c']],
    ] as const)('%s', async (text, ids) => {
      const { where, params } = toSql(parse(text), { dialect: 'mysql', mapping });
      expect(await selectIds(engine, where, params, 'Jobs CI', 'id')).toEqual([...ids]);
    });
  },
);

describe('sqlite: a foreign NOCASE / RTRIM table is exact', () => {
  let engine: Engine;
  const mapping: SqlMapping = {
    table: 'jobs',
    columns: { productKey: 'pk', nameDefault: 'nm', nameZhCn: 'nm_zh', nameEnUs: 'nm_en' },
  };
  beforeAll(async () => {
    engine = await sqliteEngine();
    await engine.exec(
      'CREATE TABLE jobs (id TEXT, pk TEXT COLLATE NOCASE, nm TEXT COLLATE RTRIM, nm_zh TEXT, nm_en TEXT)',
    );
    await engine.exec('CREATE INDEX jobs_pk ON jobs (pk)');
    for (const [id, pk, nm] of [
      ['a', 'pk', 'Élan'],
      ['b', 'PK', 'élan'],
      ['c', 'pk ', 'x '],
    ]) {
      await engine.exec('INSERT INTO jobs (id, pk, nm) VALUES (?, ?, ?)', [id, pk, nm]);
    }
  });
  afterAll(async () => engine?.close());

  it('lower() folds ASCII only in this build (no ICU)', async () => {
    expect(await engine.rows("SELECT lower('ÉA') AS l")).toEqual([{ l: 'Éa' }]);
  });
  it.each([
    ["productKey = 'pk'", ['a']],
    ["productKey in ('PK')", ['b']],
    ["name.default like 'élan'", ['b']],
    ["name.default like 'x '", ['c']],
  ] as const)('%s', async (text, ids) => {
    const { where, params } = toSql(parse(text), { dialect: 'sqlite', mapping });
    expect(await selectIds(engine, where, params, 'jobs', 'id')).toEqual([...ids]);
  });
});
