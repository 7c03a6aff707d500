/**
 * Knex: the condition as a query callback that adds it with `whereRaw`, in parentheses, so that
 * `qb.where(otaFilter(…))`, `qb.orWhere(…)` and `qb.modify(…)` all work. Knex's raw bindings: `?` is a value, `??`
 * an identifier (quoted by the client's dialect): https://knexjs.org/guide/raw.html#raw-parameter-binding. Each value
 * is one scalar binding: Knex expands an array binding into a list, and the compiler never binds one.
 */
import type { Knex } from 'knex';
import type { ApiDefinition } from '../../schema/api.js';
import type { SqlParam } from '../sql/writer.js';
import { adapterTarget, compileParts, type AdapterOptions } from './parts.js';

/** Options of `otaFilter` (Knex): the dialect of the Knex client, and those of `toSql`. */
export type OtaFilterOptions = AdapterOptions;

/** Adds the filter to a Knex query builder: `qb.where(filter)`, `qb.orWhere(filter)` or `qb.modify(filter)`. */
export type OtaKnexFilter = <TRecord extends object, TResult>(builder: Knex.QueryBuilder<TRecord, TResult>) => void;

const KNEX_TARGET = adapterTarget('otaFilter');

export function knexFilter(input: unknown, options: OtaFilterOptions, defaultApi: ApiDefinition): OtaKnexFilter {
  const { strings, parts } = compileParts(KNEX_TARGET, input, options, defaultApi);
  const bindings: (SqlParam | string)[] = [];
  let text = checked(strings[0]!);
  parts.forEach((part, index) => {
    if (part.kind === 'identifier') {
      const problem = knexNameProblem(part.name);
      if (problem !== undefined) throw new TypeError(`otaFilter: the name ${JSON.stringify(part.name)} ${problem}`);
    }
    bindings.push(part.kind === 'value' ? part.value : part.name);
    // Two bindings side by side would read as another token (`?` then `??` is `???`): a space keeps them apart.
    const after = checked(strings[index + 1]!);
    text += `${part.kind === 'value' ? '?' : '??'}${after === '' && index + 1 < parts.length ? ' ' : after}`;
  });
  const condition = `(${text})`;
  return (builder) => {
    builder.whereRaw(condition, bindings);
  };
}

/**
 * Knex reads every `?` of raw text as a binding. The compiler writes none outside placeholders (values never enter
 * the text); escaping one as `\?` would not do, as only Knex's PostgreSQL client turns `\?` back into `?`.
 */
function checked(piece: string): string {
  if (piece.includes('?')) throw new Error(`internal error: a literal ? in the SQL text ${JSON.stringify(piece)}`);
  return piece;
}

/**
 * Knex wraps a `??` binding by its own rules before quoting: a dot splits it into qualified parts, ` as ` makes an
 * alias, and PostgreSQL's client leaves `*` bare and reads `[n]` as an array subscript. Such a name cannot travel as
 * one identifier, so it is refused rather than changed.
 */
function knexNameProblem(name: string): string | undefined {
  if (name.includes('?')) return 'holds a question mark, which Knex reads as a binding';
  if (name.includes('.')) return 'holds a dot, which Knex reads as a qualified name';
  if (/ as /i.test(name)) return 'holds " as ", which Knex reads as an alias';
  if (name === '*' || /\[[0-9]+\]/.test(name)) return 'is read by Knex as a wildcard or an array subscript';
  return undefined;
}
