/**
 * One example per option and error of the adapters: each writes the very condition `toSql` writes (placeholders
 * aside, and Knex's parentheses), qualifies columns by `table`, follows `mapping` and `schema`, takes text as `check`
 * does, and refuses what `toSql` refuses with the same errors under its own name.
 */
import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  parse,
  schemas,
  toSql,
  toSqlFragments,
  type Expression,
  type SqlDialectName,
} from '../../src/index.js';
import { otaWhere as drizzleWhere } from '../../src/drizzle.js';
import { otaFilter } from '../../src/knex.js';
import { otaWhere as kyselyWhere } from '../../src/kysely.js';
import { sensorSchema } from '../arbitraries/sensor-schema.js';
import { knexFor, kyselyFor } from './composed.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { MySqlDialect } from 'drizzle-orm/mysql-core';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { SQL } from 'drizzle-orm';

type Options = Parameters<typeof kyselyWhere>[1];

/** The condition each adapter writes, compiled by its builder: `{ sql, params }` of the WHERE alone. */
const conditionOf = {
  kysely(filter: Expression | string | null, options: Options) {
    const query = kyselyFor(options.dialect)
      .selectFrom('ota_job')
      .selectAll()
      .where(kyselyWhere(filter, options))
      .compile();
    return { sql: query.sql.replace(/^select \* from \S+ where /, ''), params: query.parameters };
  },
  knex(filter: Expression | string | null, options: Options) {
    const query = knexFor(options.dialect)('ota_job').where(otaFilter(filter, options)).toSQL().toNative();
    return { sql: query.sql.replace(/^select \* from \S+ where /, ''), params: query.bindings };
  },
  drizzle(filter: Expression | string | null, options: Options) {
    const query = drizzleDialect(options.dialect).sqlToQuery(drizzleWhere(filter, options));
    return { sql: query.sql, params: query.params };
  },
};

function drizzleDialect(dialect: SqlDialectName): { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } } {
  switch (dialect) {
    case 'postgres':
      return new PgDialect();
    case 'mysql':
      return new MySqlDialect();
    case 'sqlite':
      return new SQLiteSyncDialect();
    default:
      return dialect satisfies never;
  }
}

const ADAPTER_NAMES = { kysely: 'otaWhere', knex: 'otaFilter', drizzle: 'otaWhere' } as const;
/** The adapters themselves, for the errors they throw before any builder is involved. */
const ADAPTER_FUNCTIONS = { kysely: kyselyWhere, knex: otaFilter, drizzle: drizzleWhere } as const;
const TEXT = "productKey in ('a', 'b') or name.zh_CN like 'fw' and status = 'started'";

describe.each(Object.keys(conditionOf) as (keyof typeof conditionOf)[])('%s', (adapter) => {
  const condition = conditionOf[adapter];
  const name = ADAPTER_NAMES[adapter];
  const adapt = ADAPTER_FUNCTIONS[adapter];

  it.each(['postgres', 'mysql', 'sqlite'] as const)('writes the condition toSql writes (%s)', (dialect) => {
    const expected = toSql(parse(TEXT), { dialect });
    const { sql, params } = condition(TEXT, { dialect });
    // Knex quotes with backticks on SQLite, where toSql writes double quotes; both are SQLite identifiers.
    const written = adapter === 'knex' && dialect === 'sqlite' ? sql.replace(/`/g, '"') : sql;
    // Knex's where(callback) groups in parentheses, around those of the adapter's whereRaw (needed by modify).
    expect(written).toBe(adapter === 'knex' ? `((${expected.where}))` : expected.where);
    expect(params).toEqual(expected.params);
  });

  it('takes a tree as well as text, and null as always true', () => {
    expect(condition(parse(TEXT), { dialect: 'postgres' })).toEqual(condition(TEXT, { dialect: 'postgres' }));
    expect(condition(null, { dialect: 'postgres' }).sql).toBe(adapter === 'knex' ? '((1=1))' : '1=1');
    expect(condition('  ', { dialect: 'postgres' }).sql).toBe(adapter === 'knex' ? '((1=1))' : '1=1');
  });

  it('qualifies every column by table, the entries subquery included', () => {
    const { sql } = condition("status = 'started' and name like 'x'", { dialect: 'postgres', table: 'j' });
    expect(sql).toContain('"j"."status" = $1');
    expect(sql).toContain('translate("j"."name_zh_cn"');
    expect(sql).not.toMatch(/[^.]"status"/);
    const maps = condition("deviceTags.region = 'eu'", { dialect: 'postgres', table: 'e', schema: schemas.device! });
    expect(maps.sql).toContain('FROM "device_entries" ent WHERE ent."org_id" = "e"."org_id"');
  });

  it('follows mapping and schema', () => {
    const mapping = { table: 'jobs', columns: { status: 'job_state' } };
    expect(condition("status = 'started'", { dialect: 'mysql', mapping }).sql).toContain('`job_state`');
    const tags = condition("deviceTags.region = 'eu'", { dialect: 'sqlite', schema: schemas.device! });
    expect(tags.params).toEqual(['deviceTags', 'region', 'eu']);
  });

  it('refuses bad options with a TypeError naming the function and the option', () => {
    expect(() => adapt(TEXT, { dialect: 'oracle' as SqlDialectName })).toThrow(
      new TypeError(`${name}: unknown dialect "oracle": expected postgres, mysql or sqlite`),
    );
    expect(() => adapt(TEXT, { dialect: 'postgres', tabel: 'j' } as Options)).toThrow(
      new TypeError(`${name}: unknown option "tabel": expected schema, dialect, mapping or table`),
    );
    expect(() => adapt(TEXT, { dialect: 'postgres', table: '' })).toThrow(
      new TypeError(`${name}: table must be a non-empty string without NUL, found ""`),
    );
    expect(() => adapt(TEXT, {} as Options)).toThrow(new TypeError(`${name}: the dialect option is required`));
    // The caller's mistake first, even when the user's text is wrong too.
    expect(() => adapt("name = 'x'", { dialect: 'db2' as SqlDialectName })).toThrow(TypeError);
  });

  it('answers a bad text or tree with the ExpressionError (99400) toSql and check give', () => {
    const thrown = (run: () => unknown): ExpressionError => {
      try {
        run();
      } catch (error) {
        if (error instanceof ExpressionError) return error;
        throw error;
      }
      throw new Error('did not throw');
    };
    const fromText = thrown(() => condition("name = 'x'", { dialect: 'postgres' }));
    expect(fromText.code).toBe(99400);
    expect(fromText.message).toBe('Do not allow operator op =, allowed op [like]');
    expect(fromText.diagnostics[0]).toMatchObject({ start: 5, end: 6, line: 1, column: 6 });
    expect(thrown(() => condition("status = 'started' and", { dialect: 'postgres' })).code).toBe(99400);
    const tree = parse("name like 'x'")!;
    const fromTree = thrown(() => condition(tree, { dialect: 'postgres', schema: schemas.device! }));
    expect(fromTree.message).toBe(thrown(() => toSql(tree, { dialect: 'postgres', schema: schemas.device! })).message);
    // What SQL cannot store is refused as toSql refuses it.
    expect(thrown(() => condition("productKey = 'a\u0000b'", { dialect: 'sqlite' })).code).toBe(99400);
    expect(thrown(() => condition({ type: 'nonsense' } as unknown as Expression, { dialect: 'sqlite' })).code).toBe(
      99400,
    );
  });

  it('validates text with the schema it is given', () => {
    expect(condition("serial = 'a'", { dialect: 'postgres', schema: sensorSchema }).params).toEqual(['a']);
    expect(() => condition("serial = 'a'", { dialect: 'postgres' })).toThrow(ExpressionError);
  });
});

describe('Knex', () => {
  it('adds the filter parenthesised with where, orWhere and modify', () => {
    const query = knexFor('postgres')('ota_job')
      .where('org_id', 'o1')
      .modify(otaFilter("status = 'started' or type = 'verify'", { dialect: 'postgres' }))
      .orWhere(otaFilter("productKey = 'p'", { dialect: 'postgres' }))
      .toSQL()
      .toNative();
    expect(query.sql).toBe(
      'select * from "ota_job" where "org_id" = $1 and ((("status" IS NOT NULL AND "status" = $2) OR ("type" IS NOT NULL AND "type" = $3)))' +
        ' or (("product_key" IS NOT NULL AND "product_key" = $4))',
    );
    expect(query.bindings).toEqual(['o1', 'started', 'verify', 'p']);
  });

  it('refuses a mapped name that Knex would split or read as a binding', () => {
    for (const [column, why] of [
      ['state.v1', 'holds a dot'],
      ['state as s', 'holds " as "'],
      ['state?', 'holds a question mark'],
      ['*', 'wildcard'],
    ] as const) {
      expect(() =>
        otaFilter("status = 'started'", { dialect: 'postgres', mapping: { columns: { status: column } } }),
      ).toThrow(new RegExp(`^otaFilter: the name .* ${why.replace(/[?*.]/g, '\\$&')}`));
    }
    // Kysely and Drizzle quote any name themselves.
    const odd = { columns: { status: 'state.v1 as "x"?' } };
    expect(
      kyselyFor('postgres')
        .selectFrom('t')
        .selectAll()
        .where(kyselyWhere("status = 'a'", { dialect: 'postgres', mapping: odd }))
        .compile().sql,
    ).toContain('"state.v1 as ""x""?" = $1');
    expect(
      new PgDialect().sqlToQuery(drizzleWhere("status = 'a'", { dialect: 'postgres', mapping: odd })).sql,
    ).toContain('"state.v1 as ""x""?" = $1');
  });
});

describe('toSql and toSqlFragments', () => {
  it('qualify columns by table too, for builders without an adapter', () => {
    const tree = parse("exists(deviceTags.k) or status = 'online'");
    const { where } = toSql(tree, { dialect: 'mysql', schema: schemas.device!, table: 'd' });
    expect(where).toContain('`d`.`status` IS NOT NULL');
    expect(where).toContain('e.`org_id` = `d`.`org_id`');
    const { strings } = toSqlFragments(tree, { dialect: 'postgres', schema: schemas.device!, table: 'd' });
    expect(strings.join('?')).toContain('"d"."status" = ?');
    expect(() => toSql(tree, { dialect: 'sqlite', schema: schemas.device!, table: 'a\u0000' })).toThrow(
      new TypeError('toSql: table must be a non-empty string without NUL, found "a\\u0000"'),
    );
  });
});
