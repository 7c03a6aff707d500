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
  // A column is named several times (its NULL guard, then its test); one immutable identifier serves every place.
  const identifiers = new Map<string, SQLChunk>();
  const drizzlePart = (part: SqlPart): SQLChunk => {
    if (part.kind === 'value') return sql.param(part.value);
    let identifier = identifiers.get(part.name);
    if (identifier === undefined) identifiers.set(part.name, (identifier = sql.identifier(part.name)));
    return identifier;
  };
  return sql(templateOf(strings), ...parts.map(drizzlePart));
}
