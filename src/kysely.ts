/** ota-expr/kysely: a filter as a Kysely expression, for `.where(…)` of the queries a server already builds. */
import type { RawBuilder, SqlBool } from 'kysely';
import { DEFAULT_API } from './apis/index.js';
import { kyselyWhere, type OtaWhereOptions } from './compile/adapters/kysely.js';
import type { FilterInput } from './compile/adapters/parts.js';

export type { OtaWhereOptions } from './compile/adapters/kysely.js';
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
