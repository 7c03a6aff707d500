/**
 * Kysely: the condition as a `RawBuilder<SqlBool>` made with Kysely's own `sql` tag, so that it is an
 * `Expression<SqlBool>` for `.where(…)` of any query. Values are the tag's parameters (Kysely numbers them within
 * the whole query); names from the layout are `sql.id`, quoted by the query's dialect. The text between them is the
 * compiler's own SQL, never user text.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ApiDefinition } from '../../schema/api.js';
import { adapterTarget, compileParts, templateOf, type AdapterOptions, type SqlPart } from './parts.js';

/** Options of `otaWhere` (Kysely): the dialect of the `Kysely` instance, and those of `toSql`. */
export type OtaWhereOptions = AdapterOptions;

/** Options of `otaWhereOn`: those of `otaWhere`, with `table` one of the query's tables or aliases. */
export type OtaWhereOnOptions<Table extends string> = Omit<OtaWhereOptions, 'table'> & { readonly table?: Table };

const KYSELY_TARGET = adapterTarget('otaWhere');

export function kyselyWhere(input: unknown, options: OtaWhereOptions, defaultApi: ApiDefinition): RawBuilder<SqlBool> {
  const { strings, parts } = compileParts(KYSELY_TARGET, input, options, defaultApi);
  // A column is named several times (its NULL guard, then its test); one immutable `sql.id` serves every place.
  const identifiers = new Map<string, RawBuilder<unknown>>();
  const kyselyPart = (part: SqlPart): unknown => {
    if (part.kind === 'value') return part.value;
    let identifier = identifiers.get(part.name);
    if (identifier === undefined) identifiers.set(part.name, (identifier = sql.id(part.name)));
    return identifier;
  };
  return sql<SqlBool>(templateOf(strings), ...parts.map(kyselyPart));
}
