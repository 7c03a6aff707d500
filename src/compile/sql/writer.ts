/**
 * Per-call SQL writer state (STYLE pattern 3). `param(value)` is the only way a user value enters SQL: it stores
 * the value and returns the dialect's placeholder, so placeholder numbers cannot drift from the parameter list.
 * One writer per `toSql` call; nothing is shared between calls.
 */
import type { SqlDialect } from './dialect.js';

/** A value that may be bound as a parameter: the language's literals, after the dialect's encoding. */
export type SqlParam = string | number | boolean;

export interface SqlWriter {
  readonly dialect: SqlDialect;
  /** Adds `value` to the parameter list and returns its placeholder (`$3`, `?`). */
  param(value: SqlParam): string;
  /** The parameters in placeholder order. */
  readonly params: readonly SqlParam[];
}

/**
 * `continueAfter`: parameters (already encoded) of SQL this writer's text will follow, e.g. a `toSql` where that a
 * search query embeds, so that numbering goes on after them.
 */
export function createWriter(dialect: SqlDialect, continueAfter: readonly SqlParam[] = []): SqlWriter {
  const params: SqlParam[] = [...continueAfter];
  return {
    dialect,
    params,
    param(value: SqlParam): string {
      params.push(dialect.encodeParam(value));
      // Positional `?` placeholders bind in text order, so callers build SQL strictly left to right and call
      // `param` once per placeholder, even for a repeated value (PostgreSQL gets `$1`, `$2` with equal values).
      return dialect.placeholder(params.length);
    },
  };
}
