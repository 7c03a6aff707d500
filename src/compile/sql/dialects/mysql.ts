/**
 * MySQL 8 / MariaDB 10.6 and later. Traps: `_ci` collations fold case and accents, and PAD SPACE collations (every
 * MariaDB collation but the `_nopad_` ones, `utf8mb4_bin` included) make `'a' = 'a '` true:
 * https://mariadb.com/kb/en/character-sets-and-collations/#pad-and-no-pad-collations,
 * https://dev.mysql.com/doc/refman/8.0/en/charset-binary-collations.html#charset-binary-collations-trailing-space-comparisons.
 * A mapped foreign table may use any collation, so the compiler does not rely on the shipped DDL's.
 */
import { foldAsciiCase } from '../../shared/text.js';
import type { SqlDialect } from '../dialect.js';
import { LOWER, UPPER, placeholderList, quoteWith } from './common.js';

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

export const mysql: SqlDialect = {
  name: 'mysql',
  placeholder: () => '?',
  quoteIdent: quoteWith('`'),
  encodeParam: (value) => value,
  // The collation-aware `=` finds candidates through the column's index (its matches are a superset of the exact
  // ones under any collation); the byte comparison of binary strings, where trailing spaces count, keeps the exact.
  exactEquals: (column, param) => `${column} = ${param()} AND ${binary(column)} = ${binary(param())}`,
  exactIn: (column, params) =>
    `${column} IN (${placeholderList(params)}) AND ${binary(column)} IN (${placeholderList(params, binary)})`,
  exactNotEquals: (column, param) => `${binary(column)} <> ${binary(param())}`,
  // LOWER() and `_ci` LIKE fold non-ASCII letters; LOWER() leaves binary strings alone. On the column's bytes,
  // REPLACE maps exactly A–Z (UTF-8 never uses ASCII bytes inside a multi-byte character), and LOCATE on binary
  // strings is a case-sensitive byte search that needs no wildcard escaping:
  // https://mariadb.com/kb/en/locate/, https://dev.mysql.com/doc/refman/8.0/en/string-functions.html#function_locate.
  contains: (column, pattern, bind) =>
    `LOCATE(${binary(bind(foldAsciiCase(pattern)))}, ${mysqlFold(binary(column))}) > 0`,
  // Byte order of UTF-8 is code-point order; a mapped `_ci` or PAD SPACE column would order case-insensitively or
  // tie 'a' with 'a '.
  codePointOrder: (column) => binary(column),
  // NULL sorts as smaller than every value here, as the language wants (absent first ascending, last descending).
  orderKey: (expression, descending) => `${expression} ${descending ? 'DESC' : 'ASC'}`,
  indexColumn: (column, descending) => (descending ? `${column} DESC` : column),

  // utf8mb4_bin: byte order, no case or accent folding. It is still PAD SPACE on MariaDB, which the WHERE hooks
  // handle; `_nopad_bin` (MariaDB) and `_0900_bin` (MySQL) exist on one engine only. Keys (scope, id, map keys) are
  // VARBINARY: a binary string never pads, so the primary key tells 'a' from 'a ' (under PAD SPACE they collide),
  // and 255 bytes keep the composite keys far under InnoDB's 3072-byte limit. i18n values are TEXT (not indexed: no
  // B-tree serves an infix search).
  columnTypes: {
    key: 'VARBINARY(255) NOT NULL',
    string: 'VARCHAR(255) NULL',
    text: 'TEXT NULL',
    number: 'DOUBLE NULL',
    boolean: 'BOOLEAN NULL',
    datetime: 'VARCHAR(19) NULL',
    integer: 'BIGINT NULL',
    json: 'JSON NOT NULL',
    entryField: 'VARBINARY(64) NOT NULL',
    entryKey: 'VARBINARY(255) NOT NULL',
  },
  setup: [],
  tableOptions: ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
  inlineIndexes: true,
  extraIndexes: () => [],
};
