/** ota-expr/kysely: a filter as a Kysely expression, for `.where(…)` of the queries a server already builds. */
import type { ExpressionBuilder, RawBuilder, SqlBool } from 'kysely';
import { DEFAULT_API } from './apis/index.js';
import { kyselyWhere, type OtaWhereOnOptions, type OtaWhereOptions } from './compile/adapters/kysely.js';
import type { FilterInput } from './compile/adapters/parts.js';

export type { OtaWhereOnOptions, OtaWhereOptions } from './compile/adapters/kysely.js';
export type { AdapterOptions, FilterInput } from './compile/adapters/parts.js';

/**
 * The filter as a Kysely `Expression<SqlBool>`, made with Kysely's `sql` tag: values as parameters, names from the
 * layout as `sql.id`. Selects exactly what `toSql` selects. Text is parsed and validated with the schema first.
 * @throws TypeError for bad options; ExpressionError (99400) when the text or tree is not valid for the schema.
 * @example
 * ```ts
 * const jobs = await db
 *   .selectFrom('ota_job')
 *   .select(['job_id', 'status'])
 *   .where('org_id', '=', orgId)
 *   .where(otaWhere(userFilter, { dialect: 'postgres' }))
 *   .orderBy('create_time', 'desc')
 *   .limit(10)
 *   .execute();
 * ```
 */
export function otaWhere(filter: FilterInput, options: OtaWhereOptions): RawBuilder<SqlBool> {
  return kyselyWhere(filter, options, DEFAULT_API);
}

/**
 * `otaWhere` inside a `where` callback, typed by the query: `table` must be one of the query's tables or aliases
 * (`'j'` after `selectFrom('ota_job as j')`), so a mistyped alias is a compile error. `eb` only carries the types.
 * @throws TypeError for bad options; ExpressionError (99400) when the text or tree is not valid for the schema.
 * @example
 * ```ts
 * const jobs = await db
 *   .selectFrom('ota_job as j')
 *   .innerJoin('org_member as m', 'm.org_id', 'j.org_id')
 *   .select('j.job_id')
 *   .where((eb) => otaWhereOn(eb, userFilter, { dialect: 'postgres', table: 'j' }))
 *   .execute();
 * ```
 */
export function otaWhereOn<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  filter: FilterInput,
  options: OtaWhereOnOptions<TB & string>,
): RawBuilder<SqlBool> {
  return kyselyWhere(filter, options, DEFAULT_API);
}
