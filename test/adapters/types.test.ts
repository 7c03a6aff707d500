/**
 * Type-level tests of the adapters (`tsc --noEmit` checks them; each `// @ts-expect-error` line must be an error):
 * what they return is accepted by each builder's `where` (and Knex's `modify`), in typed queries, joins and
 * compound conditions, and a wrong dialect, option, schema or filter is a compile error, also refused at run time.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import { QueryBuilder, pgTable, text } from 'drizzle-orm/pg-core';
import type { Knex } from 'knex';
import type { Expression as KyselyExpression, Kysely, RawBuilder, SqlBool } from 'kysely';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { otaWhere as drizzleWhere } from '../../src/drizzle.js';
import { otaFilter, type OtaKnexFilter } from '../../src/knex.js';
import { otaWhere, otaWhereOn, type OtaWhereOptions } from '../../src/kysely.js';
import { parse, schemas } from '../../src/index.js';
import { knexFor, kyselyFor } from './composed.js';

interface JobRow {
  org_id: string;
  job_id: string;
  status: string | null;
}
interface Database {
  ota_job: JobRow;
  ota_tenant: { org_id: string; status: string };
}

const tree = parse("status = 'started'");

describe('Kysely', () => {
  it('is an Expression<SqlBool> that every where of a typed Kysely<DB> accepts', () => {
    expectTypeOf(otaWhere(tree, { dialect: 'postgres' })).toEqualTypeOf<RawBuilder<SqlBool>>();
    expectTypeOf(otaWhere(tree, { dialect: 'postgres' })).toMatchTypeOf<KyselyExpression<SqlBool>>();
    const db = kyselyFor('postgres') as unknown as Kysely<Database>;
    const filter = otaWhere("status = 'started'", { dialect: 'postgres', table: 'j' });
    const select = db
      .selectFrom('ota_job as j')
      .innerJoin('ota_tenant as t', 't.org_id', 'j.org_id')
      .select(['j.job_id'])
      .where('j.org_id', '=', 'o1')
      .where(filter)
      .where((eb) => eb.or([filter, eb('t.status', '=', 'live')]))
      .compile();
    expect(select.sql).toContain('"j"."status" = $2');
    db.updateTable('ota_job')
      .set({ status: 'stopped' })
      .where(otaWhere(tree, { dialect: 'postgres' }));
    db.deleteFrom('ota_job').where(otaWhere(tree, { dialect: 'postgres' }));
    expectTypeOf<OtaWhereOptions['dialect']>().toEqualTypeOf<'postgres' | 'mysql' | 'sqlite'>();
  });

  it('otaWhereOn takes only a table or alias of the query', () => {
    const db = kyselyFor('postgres') as unknown as Kysely<Database>;
    const joined = db
      .selectFrom('ota_job as j')
      .innerJoin('ota_tenant as t', 't.org_id', 'j.org_id')
      .select('j.job_id')
      .where((eb) => otaWhereOn(eb, "status = 'started'", { dialect: 'postgres', table: 'j' }));
    expect(joined.compile().sql).toContain('"j"."status" = $1');
    db.selectFrom('ota_job')
      .selectAll()
      .where((eb) => otaWhereOn(eb, tree, { dialect: 'postgres', table: 'ota_job' }));
    db.selectFrom('ota_job as j')
      .selectAll()
      // @ts-expect-error: `x` is no table or alias of this query
      .where((eb) => otaWhereOn(eb, tree, { dialect: 'postgres', table: 'x' }));
    db.selectFrom('ota_job as j')
      .selectAll()
      // @ts-expect-error: `ota_job` is aliased `j` here
      .where((eb) => otaWhereOn(eb, tree, { dialect: 'postgres', table: 'ota_job' }));
  });

  it('refuses a wrong dialect, option, schema or filter', () => {
    // @ts-expect-error: no such dialect
    expect(() => otaWhere(tree, { dialect: 'oracle' })).toThrow(TypeError);
    // @ts-expect-error: the options (with the dialect) are required
    expect(() => otaWhere(tree)).toThrow(TypeError);
    // @ts-expect-error: an unknown option
    expect(() => otaWhere(tree, { dialect: 'postgres', alias: 'j' })).toThrow(TypeError);
    // @ts-expect-error: a schema is a schema object, not its name
    expect(() => otaWhere(tree, { dialect: 'postgres', schema: 'device' })).toThrow(TypeError);
    // @ts-expect-error: a filter is a tree, text or null
    expect(() => otaWhere(42, { dialect: 'postgres' })).toThrow();
    // A schema object is fine.
    expect(() => otaWhere('exists(deviceTags.k)', { dialect: 'postgres', schema: schemas.device! })).not.toThrow();
  });
});

describe('Knex', () => {
  it('is a query callback for where, orWhere, andWhere and modify of a typed builder', () => {
    expectTypeOf(otaFilter(tree, { dialect: 'mysql' })).toEqualTypeOf<OtaKnexFilter>();
    expectTypeOf(otaFilter(tree, { dialect: 'mysql' })).toMatchTypeOf<Knex.QueryCallback<JobRow, JobRow[]>>();
    const knex = knexFor('mysql');
    const query = knex<JobRow>('ota_job')
      .where('org_id', 'o1')
      .where(otaFilter(tree, { dialect: 'mysql' }))
      .orWhere(otaFilter(tree, { dialect: 'mysql' }))
      .andWhere(otaFilter(tree, { dialect: 'mysql' }))
      .modify(otaFilter(tree, { dialect: 'mysql' }))
      .select('job_id');
    expectTypeOf(query).toMatchTypeOf<Knex.QueryBuilder<JobRow>>();
    expect(query.toSQL().sql).toContain('`status` = ?');
  });

  it('refuses a wrong dialect or option', () => {
    // @ts-expect-error: no such dialect
    expect(() => otaFilter(tree, { dialect: 'pg' })).toThrow(TypeError);
    // @ts-expect-error: an unknown option
    expect(() => otaFilter(tree, { dialect: 'mysql', startAt: 2 })).toThrow(TypeError);
  });
});

describe('Drizzle', () => {
  it('is a Drizzle SQL that where, and() and or() accept', () => {
    expectTypeOf(drizzleWhere(tree, { dialect: 'sqlite' })).toEqualTypeOf<SQL>();
    const jobs = pgTable('ota_job', { orgId: text('org_id'), jobId: text('job_id') });
    const query = new QueryBuilder()
      .select({ jobId: jobs.jobId })
      .from(jobs)
      .where(and(eq(jobs.orgId, 'o1'), drizzleWhere(tree, { dialect: 'postgres' })))
      .toSQL();
    expect(query.sql).toContain('"status" = $2');
  });

  it('refuses a wrong dialect or option', () => {
    // @ts-expect-error: no such dialect
    expect(() => drizzleWhere(tree, { dialect: 'mssql' })).toThrow(TypeError);
    // @ts-expect-error: table is a name
    expect(() => drizzleWhere(tree, { dialect: 'sqlite', table: jobsTable() })).toThrow(TypeError);
  });
});

function jobsTable(): unknown {
  return pgTable('ota_job', { orgId: text('org_id') });
}
