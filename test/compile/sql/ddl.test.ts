/**
 * The DDL, INSERT statements and rows of a schema's layout, exactly, per dialect: column types and collations,
 * which fields get an index (and in which order and direction), PostgreSQL's trigram indexes, MySQL's inline keys and
 * table options, and the map entries table. The statements also run on every available engine.
 */
import { describe, expect, it } from 'vitest';
import { createTableSql, insertRow, insertRowSql, toRow, type SqlDialectName } from '../../../src/sql.js';
import { defineSchema } from '../../../src/schema/schema.js';
import { deviceSchema } from './schemas.js';
import { availableEngines, inTransaction } from '../../support/engines.js';

const options = { schema: deviceSchema };

describe('createTableSql of a schema with every kind of field', () => {
  it('postgres: "C" keys, trigram indexes on the like columns, CREATE INDEX with NULLS FIRST / LAST', () => {
    expect(createTableSql('postgres', options)).toEqual([
      'CREATE EXTENSION IF NOT EXISTS pg_trgm',
      [
        'CREATE TABLE IF NOT EXISTS "dev_ice" (',
        '  "org_id" text COLLATE "C" NOT NULL,',
        '  "device_id" text COLLATE "C" NOT NULL,',
        '  "model" text,',
        '  "serial" text,',
        '  "note" text,',
        '  "temp" double precision,',
        '  "online" boolean,',
        '  "seen" text COLLATE "C",',
        '  "rank" bigint,',
        '  "score" double precision,',
        '  "title_default" text,',
        '  "title_zh_hans" text,',
        '  "title_en" text,',
        '  "label_default" text,',
        '  "label_fr" text,',
        '  "doc" jsonb NOT NULL,',
        '  PRIMARY KEY ("org_id", "device_id")',
        ')',
      ].join('\n'),
      'CREATE INDEX IF NOT EXISTS "dev_ice_org_id_seen_idx" ON "dev_ice" ("org_id" ASC NULLS FIRST, "seen" DESC NULLS LAST, "rank" ASC NULLS FIRST, "device_id" ASC NULLS FIRST)',
      'CREATE INDEX IF NOT EXISTS "dev_ice_org_id_serial_idx" ON "dev_ice" ("org_id" ASC NULLS FIRST, "serial" ASC NULLS FIRST)',
      'CREATE INDEX IF NOT EXISTS "dev_ice_org_id_temp_idx" ON "dev_ice" ("org_id" ASC NULLS FIRST, "temp" ASC NULLS FIRST)',
      `CREATE INDEX IF NOT EXISTS "dev_ice_note_trgm" ON "dev_ice" USING gin (translate("note", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') gin_trgm_ops)`,
      `CREATE INDEX IF NOT EXISTS "dev_ice_title_default_trgm" ON "dev_ice" USING gin (translate("title_default", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') gin_trgm_ops)`,
      `CREATE INDEX IF NOT EXISTS "dev_ice_title_zh_hans_trgm" ON "dev_ice" USING gin (translate("title_zh_hans", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') gin_trgm_ops)`,
      `CREATE INDEX IF NOT EXISTS "dev_ice_title_en_trgm" ON "dev_ice" USING gin (translate("title_en", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') gin_trgm_ops)`,
      [
        'CREATE TABLE IF NOT EXISTS "dev_ice_entries" (',
        '  "org_id" text COLLATE "C" NOT NULL,',
        '  "device_id" text COLLATE "C" NOT NULL,',
        '  "field" text COLLATE "C" NOT NULL,',
        '  "entry_key" text COLLATE "C" NOT NULL,',
        '  "text_value" text,',
        '  "number_value" double precision,',
        '  "boolean_value" boolean,',
        '  PRIMARY KEY ("org_id", "device_id", "field", "entry_key")',
        ')',
      ].join('\n'),
      'CREATE INDEX IF NOT EXISTS "dev_ice_entries_lookup_idx" ON "dev_ice_entries" ("field", "entry_key", "text_value")',
    ]);
  });

  it('mysql: VARBINARY keys, inline KEYs (DESC where descending), InnoDB utf8mb4_bin tables', () => {
    const options_ = ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';
    expect(createTableSql('mysql', options)).toEqual([
      [
        'CREATE TABLE IF NOT EXISTS `dev_ice` (',
        '  `org_id` VARBINARY(255) NOT NULL,',
        '  `device_id` VARBINARY(255) NOT NULL,',
        '  `model` VARCHAR(255) NULL,',
        '  `serial` VARCHAR(255) NULL,',
        '  `note` VARCHAR(255) NULL,',
        '  `temp` DOUBLE NULL,',
        '  `online` BOOLEAN NULL,',
        '  `seen` VARCHAR(19) NULL,',
        '  `rank` BIGINT NULL,',
        '  `score` DOUBLE NULL,',
        '  `title_default` TEXT NULL,',
        '  `title_zh_hans` TEXT NULL,',
        '  `title_en` TEXT NULL,',
        '  `label_default` TEXT NULL,',
        '  `label_fr` TEXT NULL,',
        '  `doc` JSON NOT NULL,',
        '  PRIMARY KEY (`org_id`, `device_id`),',
        '  KEY `dev_ice_org_id_seen_idx` (`org_id`, `seen` DESC, `rank`, `device_id`),',
        '  KEY `dev_ice_org_id_serial_idx` (`org_id`, `serial`),',
        '  KEY `dev_ice_org_id_temp_idx` (`org_id`, `temp`)',
        `)${options_}`,
      ].join('\n'),
      [
        'CREATE TABLE IF NOT EXISTS `dev_ice_entries` (',
        '  `org_id` VARBINARY(255) NOT NULL,',
        '  `device_id` VARBINARY(255) NOT NULL,',
        '  `field` VARBINARY(64) NOT NULL,',
        '  `entry_key` VARBINARY(255) NOT NULL,',
        '  `text_value` VARCHAR(255) NULL,',
        '  `number_value` DOUBLE NULL,',
        '  `boolean_value` BOOLEAN NULL,',
        '  PRIMARY KEY (`org_id`, `device_id`, `field`, `entry_key`),',
        '  KEY `dev_ice_entries_lookup_idx` (`field`, `entry_key`, `text_value`)',
        `)${options_}`,
      ].join('\n'),
    ]);
  });

  it('sqlite: TEXT / REAL / INTEGER columns, CREATE INDEX with DESC where descending, no extras', () => {
    expect(createTableSql('sqlite', options)).toEqual([
      [
        'CREATE TABLE IF NOT EXISTS "dev_ice" (',
        '  "org_id" TEXT NOT NULL,',
        '  "device_id" TEXT NOT NULL,',
        '  "model" TEXT,',
        '  "serial" TEXT,',
        '  "note" TEXT,',
        '  "temp" REAL,',
        '  "online" INTEGER,',
        '  "seen" TEXT,',
        '  "rank" INTEGER,',
        '  "score" REAL,',
        '  "title_default" TEXT,',
        '  "title_zh_hans" TEXT,',
        '  "title_en" TEXT,',
        '  "label_default" TEXT,',
        '  "label_fr" TEXT,',
        '  "doc" TEXT NOT NULL,',
        '  PRIMARY KEY ("org_id", "device_id")',
        ')',
      ].join('\n'),
      'CREATE INDEX IF NOT EXISTS "dev_ice_org_id_seen_idx" ON "dev_ice" ("org_id", "seen" DESC, "rank", "device_id")',
      'CREATE INDEX IF NOT EXISTS "dev_ice_org_id_serial_idx" ON "dev_ice" ("org_id", "serial")',
      'CREATE INDEX IF NOT EXISTS "dev_ice_org_id_temp_idx" ON "dev_ice" ("org_id", "temp")',
      [
        'CREATE TABLE IF NOT EXISTS "dev_ice_entries" (',
        '  "org_id" TEXT NOT NULL,',
        '  "device_id" TEXT NOT NULL,',
        '  "field" TEXT NOT NULL,',
        '  "entry_key" TEXT NOT NULL,',
        '  "text_value" TEXT,',
        '  "number_value" REAL,',
        '  "boolean_value" INTEGER,',
        '  PRIMARY KEY ("org_id", "device_id", "field", "entry_key")',
        ')',
      ].join('\n'),
      'CREATE INDEX IF NOT EXISTS "dev_ice_entries_lookup_idx" ON "dev_ice_entries" ("field", "entry_key", "text_value")',
    ]);
  });

  it('an order led by a scalar field: that field gets no second index (the order index serves it)', () => {
    const schema = defineSchema({
      name: 'led',
      fields: {
        serial: { type: 'string', operators: ['='] },
        other: { type: 'string', operators: ['='] },
      },
      logical: ['and'],
      search: {
        id: 'id',
        order: [{ field: 'serial', direction: 'asc', type: 'string' }],
        pageSize: { default: 1, max: 2 },
      },
    });
    expect(createTableSql('sqlite', { schema }).slice(1)).toEqual([
      'CREATE INDEX IF NOT EXISTS "led_org_id_serial_idx" ON "led" ("org_id", "serial", "id")',
      'CREATE INDEX IF NOT EXISTS "led_org_id_other_idx" ON "led" ("org_id", "other")',
    ]);
  });

  it('an order by the id alone: the index is named by the scope and the id', () => {
    const schema = defineSchema({
      name: 'bare',
      fields: { code: { type: 'string', operators: ['exists', 'is null', 'not exists', 'is not null'] } },
      logical: ['and'],
      search: { id: 'id', order: [], pageSize: { default: 1, max: 2 }, table: 'Bare Table' },
    });
    expect(createTableSql('postgres', { schema }).slice(2)).toEqual([
      'CREATE INDEX IF NOT EXISTS "Bare Table_org_id_id_idx" ON "Bare Table" ("org_id" ASC NULLS FIRST, "id" ASC NULLS FIRST)',
    ]);
  });
});

describe('insertRowSql and insertRow', () => {
  const columns =
    '"org_id", "device_id", "model", "serial", "note", "temp", "online", "seen", "rank", "score", "title_default", "title_zh_hans", "title_en", "label_default", "label_fr", "doc"';
  it.each([
    [
      'postgres',
      `INSERT INTO "dev_ice" (${columns}) VALUES (${Array.from({ length: 16 }, (_, i) => `$${i + 1}`).join(', ')})`,
    ],
    ['sqlite', `INSERT INTO "dev_ice" (${columns}) VALUES (${Array.from({ length: 16 }, () => '?').join(', ')})`],
    [
      'mysql',
      `INSERT INTO \`dev_ice\` (${columns.replace(/"/g, '`')}) VALUES (${Array.from({ length: 16 }, () => '?').join(', ')})`,
    ],
  ] as const)('%s: every column in layout order, one placeholder each', (dialect, sql) => {
    expect(insertRowSql(dialect, options)).toBe(sql);
  });

  const record = {
    orgId: 'o',
    deviceId: 'd',
    model: 'a',
    serial: 's',
    note: 'n',
    temp: 1.5,
    online: false,
    seen: '2026-01-02 03:04:05',
    rank: 7,
    score: 2,
    title: { defaultValue: 'T', i18nValue: { 'zh-Hans': '标题', en: 'Title' } },
    label: { defaultValue: 'L', i18nValue: { fr: 'Étiquette' } },
    tags: { Region: 'China', bad: 3 },
    attrs: { floor: 20, ok: true, name: 'x', inf: Infinity, none: null },
  };

  it('the row: every column from its property, i18n values, the document', () => {
    expect(toRow(record, options)).toEqual({
      org_id: 'o',
      device_id: 'd',
      model: 'a',
      serial: 's',
      note: 'n',
      temp: 1.5,
      online: false,
      seen: '2026-01-02 03:04:05',
      rank: 7,
      score: 2,
      title_default: 'T',
      title_zh_hans: '标题',
      title_en: 'Title',
      label_default: 'L',
      label_fr: 'Étiquette',
      doc: JSON.stringify(record),
    });
  });

  it.each([
    ['a string number', { temp: '1' }, 'temp'],
    ['an infinite number', { temp: Infinity }, 'temp'],
    ['NaN', { temp: NaN }, 'temp'],
    ['a number as boolean', { online: 0 }, 'online'],
    ['a datetime in another form', { seen: '2026-01-02T03:04:05' }, 'seen'],
    ['a datetime that is no string', { seen: 20260102 }, 'seen'],
    ['an integer key that is not an integer', { rank: 1.5 }, 'rank'],
    ['an integer key beyond the safe integers', { rank: 2 ** 53 }, 'rank'],
    ['an integer key that is a string', { rank: '7' }, 'rank'],
    ['a number sorter that is infinite', { score: -Infinity }, 'score'],
    ['a string that is a number', { serial: 5 }, 'serial'],
    ['an i18n default that is no string', { title: { defaultValue: 1 } }, 'title_default'],
    ['an i18n locale that is no string', { title: { i18nValue: { en: true } } }, 'title_en'],
  ])('%s is absent: NULL', (_title, change, column) => {
    expect((toRow({ ...record, ...change }, options) as Record<string, unknown>)[column]).toBeNull();
  });

  it('the largest safe integer is an integer key; the datetime form is kept', () => {
    expect((toRow({ ...record, rank: -(2 ** 53 - 1) }, options) as Record<string, unknown>)['rank']).toBe(
      -(2 ** 53 - 1),
    );
    expect((toRow({ ...record, online: true }, options) as Record<string, unknown>)['online']).toBe(true);
  });

  it.each([
    [
      'postgres',
      'INSERT INTO "dev_ice_entries" ("org_id", "device_id", "field", "entry_key", "text_value", "number_value", "boolean_value") VALUES ($1, $2, $3, $4, $5, $6, $7), ($8, $9, $10, $11, $12, $13, $14), ($15, $16, $17, $18, $19, $20, $21), ($22, $23, $24, $25, $26, $27, $28)',
      [true, false],
    ],
    [
      'mysql',
      'INSERT INTO `dev_ice_entries` (`org_id`, `device_id`, `field`, `entry_key`, `text_value`, `number_value`, `boolean_value`) VALUES (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)',
      [true, false],
    ],
    [
      'sqlite',
      'INSERT INTO "dev_ice_entries" ("org_id", "device_id", "field", "entry_key", "text_value", "number_value", "boolean_value") VALUES (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)',
      [1, 0],
    ],
  ] as const)('%s: the entries of each map whose values have its type, booleans encoded', (dialect, sql, [yes, no]) => {
    const inserted = insertRow(record, { dialect, schema: deviceSchema });
    expect(inserted.sql).toBe(insertRowSql(dialect, options));
    expect(inserted.params).toEqual(
      Object.values(toRow(record, options)).map((value) => (typeof value === 'boolean' ? (value ? yes : no) : value)),
    );
    expect(inserted.statements).toEqual([
      { sql: inserted.sql, params: inserted.params },
      {
        sql,
        params: [
          ...['o', 'd', 'tags', 'Region', 'China', null, null],
          ...['o', 'd', 'attrs', 'floor', null, 20, null],
          ...['o', 'd', 'attrs', 'ok', null, null, yes],
          ...['o', 'd', 'attrs', 'name', 'x', null, null],
        ],
      },
    ]);
    expect(no).not.toBe(yes);
  });

  it('no map holds an entry of its type: the row alone; a map that is not an object has no entries', () => {
    for (const maps of [
      {},
      { tags: 'x', attrs: [1] },
      { tags: { a: 1, b: true }, attrs: { b: null } },
      { tags: null },
    ]) {
      const inserted = insertRow({ orgId: 'o', deviceId: 'd', ...maps }, { dialect: 'sqlite', schema: deviceSchema });
      expect(inserted.statements).toEqual([{ sql: inserted.sql, params: inserted.params }]);
    }
  });

  it('a schema without maps: the row alone, whatever the record holds', () => {
    const inserted = insertRow({ orgId: 'o', jobId: 'j', tags: { a: 'b' } }, { dialect: 'postgres' });
    expect(inserted.statements).toHaveLength(1);
  });
});

describe('the statements run on every engine', () => {
  it('tables, indexes, a row and its entries', async () => {
    const engines = await availableEngines();
    try {
      for (const engine of engines) {
        for (const statement of createTableSql(engine.dialect, options)) await engine.query(statement, []);
        // Idempotent: a second run changes nothing.
        for (const statement of createTableSql(engine.dialect, options)) await engine.query(statement, []);
        await inTransaction(
          engine,
          insertRow(
            {
              orgId: 'o',
              deviceId: 'd',
              tags: { Region: 'China', region: 'x' },
              attrs: { floor: 20, ok: true },
              seen: '2026-01-02 03:04:05',
              rank: 2 ** 53 - 1,
              online: true,
            },
            { dialect: engine.dialect as SqlDialectName, schema: deviceSchema },
          ).statements,
        );
        const q = (name: string): string => (engine.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
        const entries = await engine.query(`SELECT ${q('entry_key')} AS k FROM ${q('dev_ice_entries')} ORDER BY 1`, []);
        expect(
          entries.map((row) => String(row['k'])),
          engine.dialect,
        ).toEqual(['ok', 'Region', 'floor', 'region'].sort());
        const rows = await engine.query(`SELECT ${q('rank')} AS r, ${q('online')} AS o FROM ${q('dev_ice')}`, []);
        expect(
          rows.map((row) => [String(row['r']), Number(row['o'])]),
          engine.dialect,
        ).toEqual([[String(2 ** 53 - 1), 1]]);
      }
    } finally {
      await Promise.all(engines.map((engine) => engine.close()));
    }
  });
});
