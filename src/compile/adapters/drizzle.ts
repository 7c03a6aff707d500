/**
 * Drizzle: the condition as a Drizzle `SQL` made with Drizzle's own `sql` tag, for `.where(…)` of any query (or
 * `and(…)`, `or(…)`). Values are `sql.param`s, numbered by Drizzle within the whole query; names from the layout
 * are `sql.identifier`, quoted by the database's dialect. The text between them is the compiler's own SQL.
 */
import { sql, type SQL, type SQLChunk } from 'drizzle-orm';
import type { ApiDefinition } from '../../schema/api.js';
import { adapterTarget, compileParts, templateOf, type AdapterOptions, type SqlPart } from './parts.js';

/** Options of `otaWhere` (Drizzle): the dialect of the Drizzle database, and those of `toSql`. */
export type OtaDrizzleOptions = AdapterOptions;

const DRIZZLE_TARGET = adapterTarget('otaWhere');

export function drizzleWhere(input: unknown, options: OtaDrizzleOptions, defaultApi: ApiDefinition): SQL {
  const { strings, parts } = compileParts(DRIZZLE_TARGET, input, options, defaultApi);
  return sql(templateOf(strings), ...parts.map(drizzlePart));
}

function drizzlePart(part: SqlPart): SQLChunk {
  return part.kind === 'value' ? sql.param(part.value) : sql.identifier(part.name);
}
