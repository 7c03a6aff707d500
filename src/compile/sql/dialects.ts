/**
 * The three SQL dialects as small objects of hooks (STYLE pattern 3). Everything an engine does differently lives
 * here; the compiler picks one object from `SQL_DIALECTS` once and never tests which dialect it has. Each hook that
 * dodges an engine trap says which and links the manual.
 */
import type { SqlParam } from './writer.js';

export type SqlDialectName = 'postgres' | 'mysql' | 'sqlite';

/** Builds a placeholder for the next parameter; called once per placeholder, left to right. */
export type ParamFn = () => string;

export interface SqlDialect {
  readonly name: SqlDialectName;
  /** The placeholder of the n-th parameter (1-based). */
  placeholder(n: number): string;
  /** A quoted identifier; the quote character inside the name is doubled. */
  quoteIdent(name: string): string;
  /** How a literal travels as a parameter (SQLite has no boolean type). */
  encodeParam(value: SqlParam): SqlParam;
  /** `column = value`, exact: case-sensitive, no trailing-space padding. `column` is known to be non-null. */
  exactEquals(column: string, param: ParamFn): string;
  /** `column in (values)`, exact as `exactEquals`; `column` is known to be non-null. */
  exactIn(column: string, params: readonly ParamFn[]): string;
  /** `column != value`, exact; `column` is known to be non-null. */
  exactNotEquals(column: string, param: ParamFn): string;
  /**
   * `column` contains the pattern, folding ASCII A–Z only (SPEC §3 `like`). `param` is called once with the text
   * to bind, already shaped for this hook by `likeParam`. `column` is known to be non-null.
   */
  containsIgnoringAsciiCase(column: string, param: ParamFn): string;
  /** The parameter value `containsIgnoringAsciiCase` binds for the user pattern `pattern`. */
  likeParam(pattern: string): string;
  /**
   * A sort key for `column` that orders strings by Unicode code point, whatever the column's collation, so that
   * search pages agree across engines (src/search/order.ts). `column` is known to be non-null.
   */
  codePointOrder(column: string): string;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** Folds ASCII A–Z to a–z and nothing else (docs/SEMANTICS.md `like`). */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}

function quoteWith(quote: string): (name: string) => string {
  return (name) => `${quote}${name.split(quote).join(quote + quote)}${quote}`;
}

function list(params: readonly ParamFn[], wrap: (placeholder: string) => string = (p) => p): string {
  return params.map((param) => wrap(param())).join(', ');
}

export const postgres: SqlDialect = {
  name: 'postgres',
  placeholder: (n) => `$${n}`,
  quoteIdent: quoteWith('"'),
  encodeParam: (value) => value,
  // Text equality under PostgreSQL's deterministic collations (the default ones) holds only for identical strings:
  // https://www.postgresql.org/docs/15/collation.html#COLLATION-NONDETERMINISTIC. Plain `=` keeps the b-tree index.
  exactEquals: (column, param) => `${column} = ${param()}`,
  exactIn: (column, params) => `${column} IN (${list(params)})`,
  exactNotEquals: (column, param) => `${column} <> ${param()}`,
  // Trap: ILIKE and lower() fold every letter the database locale knows (É/é under UTF-8), not only ASCII:
  // https://www.postgresql.org/docs/15/functions-matching.html#FUNCTIONS-LIKE. translate() maps exactly A–Z, and
  // the pattern is folded in JavaScript. LIKE (not strpos) so that the pg_trgm GIN index on the very same
  // translate(...) expression serves it: https://www.postgresql.org/docs/15/pgtrgm.html#PGTRGM-INDEX. The pattern
  // escapes `\`, `%`, `_` with LIKE's default escape character, the backslash, so every user character is literal.
  containsIgnoringAsciiCase: (column, param) => `${postgresFold(column)} LIKE ${param()}`,
  likeParam: (pattern) => `%${foldAsciiCase(pattern).replace(/[\\%_]/g, '\\$&')}%`,
  // Trap: ORDER BY uses the column's collation, linguistic under en_US.UTF-8. "C" orders UTF-8 bytes, i.e. code
  // points: https://www.postgresql.org/docs/15/collation.html. The shipped DDL declares the key columns "C", so the
  // search index still serves this order.
  codePointOrder: (column) => `${column} COLLATE "C"`,
};

/** The ASCII-only folding expression; `table.ts` builds the trigram indexes on exactly this text. */
export function postgresFold(column: string): string {
  return `translate(${column}, '${UPPER}', '${LOWER}')`;
}

/**
 * MySQL / MariaDB. Traps: `_ci` collations fold case and accents, and PAD SPACE collations (every MariaDB
 * collation but the `_nopad_` ones, `utf8mb4_bin` included) make `'a' = 'a '` true:
 * https://mariadb.com/kb/en/character-sets-and-collations/#pad-and-no-pad-collations,
 * https://dev.mysql.com/doc/refman/8.0/en/charset-binary-collations.html#charset-binary-collations-trailing-space-comparisons.
 * A mapped foreign table may use any collation, so the compiler does not rely on the shipped DDL's.
 */
export const mysql: SqlDialect = {
  name: 'mysql',
  placeholder: () => '?',
  quoteIdent: quoteWith('`'),
  encodeParam: (value) => value,
  // The collation-aware `=` finds candidates through the column's index (its matches are a superset of the exact
  // ones under any collation); the byte comparison of binary strings, where trailing spaces count, keeps the exact.
  exactEquals: (column, param) => `${column} = ${param()} AND ${binary(column)} = ${binary(param())}`,
  exactIn: (column, params) => `${column} IN (${list(params)}) AND ${binary(column)} IN (${list(params, binary)})`,
  exactNotEquals: (column, param) => `${binary(column)} <> ${binary(param())}`,
  // LOWER() and `_ci` LIKE fold non-ASCII letters; LOWER() leaves binary strings alone. On the column's bytes,
  // REPLACE maps exactly A–Z (UTF-8 never uses ASCII bytes inside a multi-byte character), and LOCATE on binary
  // strings is a case-sensitive byte search that needs no wildcard escaping:
  // https://mariadb.com/kb/en/locate/, https://dev.mysql.com/doc/refman/8.0/en/string-functions.html#function_locate.
  containsIgnoringAsciiCase: (column, param) => `LOCATE(${binary(param())}, ${mysqlFold(binary(column))}) > 0`,
  likeParam: (pattern) => foldAsciiCase(pattern),
  // Byte order of UTF-8 is code-point order; a mapped `_ci` or PAD SPACE column would order case-insensitively or
  // tie 'a' with 'a '.
  codePointOrder: (column) => binary(column),
};

function binary(sql: string): string {
  return `CAST(${sql} AS BINARY)`;
}

function mysqlFold(sql: string): string {
  let folded = sql;
  for (let index = 0; index < UPPER.length; index += 1) {
    folded = `REPLACE(${folded}, '${UPPER[index]}', '${LOWER[index]}')`;
  }
  return folded;
}

/**
 * SQLite. `=` and IN use the column's collating sequence, which a mapped table may declare NOCASE or RTRIM; an
 * explicit `COLLATE BINARY` wins: https://www.sqlite.org/datatype3.html#collation. On a BINARY column it keeps the
 * index usable.
 */
export const sqlite: SqlDialect = {
  name: 'sqlite',
  placeholder: () => '?',
  quoteIdent: quoteWith('"'),
  // SQLite has no boolean type; drivers such as better-sqlite3 refuse to bind JavaScript booleans.
  encodeParam: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value),
  exactEquals: (column, param) => `${column} = ${param()} COLLATE BINARY`,
  exactIn: (column, params) => `${column} COLLATE BINARY IN (${list(params)})`,
  exactNotEquals: (column, param) => `${column} <> ${param()} COLLATE BINARY`,
  // lower() folds ASCII only in SQLite builds without ICU: https://www.sqlite.org/lang_corefunc.html#lower
  // (the engine test checks that É stays É). instr() is a literal search: no wildcards, nothing to escape.
  containsIgnoringAsciiCase: (column, param) => `instr(lower(${column}), ${param()}) > 0`,
  likeParam: (pattern) => foldAsciiCase(pattern),
  // BINARY compares UTF-8 bytes with memcmp(): code-point order, whatever collation a mapped column declares.
  codePointOrder: (column) => `${column} COLLATE BINARY`,
};

export const SQL_DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = Object.freeze({ postgres, mysql, sqlite });
