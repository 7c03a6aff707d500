/** ota-expr/drizzle: a filter as a Drizzle `SQL` condition, for `.where(…)`, `and(…)` and `or(…)`. */
import type { SQL } from 'drizzle-orm';
import { DEFAULT_API } from './apis/index.js';
import { drizzleWhere, type OtaDrizzleOptions } from './compile/adapters/drizzle.js';
import type { FilterInput } from './compile/adapters/parts.js';

export type { OtaDrizzleOptions } from './compile/adapters/drizzle.js';
export type { AdapterOptions, FilterInput } from './compile/adapters/parts.js';

/**
 * The filter as a Drizzle `SQL` condition, made with Drizzle's `sql` tag: values as `sql.param`, names from the
 * layout as `sql.identifier`. Selects exactly what `toSql` selects. Text is parsed and validated first.
 * @throws TypeError for bad options; ExpressionError (99400) when the text or tree is not valid for the schema.
 * @example
 * ```ts
 * const jobs = await db
 *   .select({ jobId: otaJob.jobId })
 *   .from(otaJob)
 *   .where(and(eq(otaJob.orgId, orgId), otaWhere(userFilter, { dialect: 'postgres' })))
 *   .orderBy(desc(otaJob.createTime))
 *   .limit(10);
 * ```
 */
export function otaWhere(filter: FilterInput, options: OtaDrizzleOptions): SQL {
  return drizzleWhere(filter, options, DEFAULT_API);
}
