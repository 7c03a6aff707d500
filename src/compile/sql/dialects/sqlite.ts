/**
 * SQLite 3.38 and later. `=` and IN use the column's collating sequence, which a mapped table may declare NOCASE or
 * RTRIM; an explicit `COLLATE BINARY` wins: https://www.sqlite.org/datatype3.html#collation. On a BINARY column it
 * keeps the index usable.
 */
import { foldAsciiCase } from '../../shared/text.js';
import type { SqlDialect } from '../dialect.js';
import { placeholderList, quoteWith } from './common.js';

export const sqlite: SqlDialect = {
  name: 'sqlite',
  placeholder: () => '?',
  quoteIdent: quoteWith('"'),
  // SQLite has no boolean type; drivers such as better-sqlite3 refuse to bind JavaScript booleans.
  encodeParam: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value),
  exactEquals: (column, param) => `${column} = ${param()} COLLATE BINARY`,
  exactIn: (column, params) => `${column} COLLATE BINARY IN (${placeholderList(params)})`,
  exactNotEquals: (column, param) => `${column} <> ${param()} COLLATE BINARY`,
  // lower() folds ASCII only in SQLite builds without ICU: https://www.sqlite.org/lang_corefunc.html#lower
  // (the engine test checks that É stays É). instr() is a literal search: no wildcards, nothing to escape.
  contains: (column, pattern, bind) => `instr(lower(${column}), ${bind(foldAsciiCase(pattern))}) > 0`,
  // BINARY compares UTF-8 bytes with memcmp(): code-point order, whatever collation a mapped column declares.
  codePointOrder: (column) => `${column} COLLATE BINARY`,
  // NULL sorts as smaller than every value here, as the language wants (absent first ascending, last descending).
  orderKey: (expression, descending) => `${expression} ${descending ? 'DESC' : 'ASC'}`,
  indexColumn: (column, descending) => (descending ? `${column} DESC` : column),

  columnTypes: {
    key: 'TEXT NOT NULL',
    string: 'TEXT',
    text: 'TEXT',
    number: 'REAL',
    boolean: 'INTEGER',
    datetime: 'TEXT',
    integer: 'INTEGER',
    json: 'TEXT NOT NULL',
    entryField: 'TEXT NOT NULL',
    entryKey: 'TEXT NOT NULL',
  },
  setup: [],
  tableOptions: '',
  inlineIndexes: false,
  extraIndexes: () => [],
};
