/** ota-expr/knex: a filter as a Knex query callback, for `.where(…)` or `.modify(…)` of a query builder. */
import { DEFAULT_API } from './apis/index.js';
import { knexFilter, type OtaFilterOptions, type OtaKnexFilter } from './compile/adapters/knex.js';
import type { FilterInput } from './compile/adapters/parts.js';

export type { OtaFilterOptions, OtaKnexFilter } from './compile/adapters/knex.js';
export type { AdapterOptions, FilterInput } from './compile/adapters/parts.js';

/**
 * The filter as a callback that adds it to a Knex query with `whereRaw`, parenthesised: `?` bindings for values,
 * `??` for names from the layout. Selects exactly what `toSql` selects. Text is parsed and validated first.
 * @throws TypeError for bad options, or a mapped name Knex would split (a dot, ` as `); ExpressionError (99400) when
 * the text or tree is not valid for the schema.
 * @example
 * ```ts
 * const jobs = await knex('ota_job')
 *   .select('job_id', 'status')
 *   .where('org_id', orgId)
 *   .where(otaFilter(userFilter, { dialect: 'postgres' })) // or .modify(otaFilter(…))
 *   .orderBy('create_time', 'desc')
 *   .limit(10);
 * ```
 */
export function otaFilter(filter: FilterInput, options: OtaFilterOptions): OtaKnexFilter {
  return knexFilter(filter, options, DEFAULT_API);
}
