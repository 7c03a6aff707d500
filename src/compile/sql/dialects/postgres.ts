/** PostgreSQL (15 and later). */
import { foldAsciiCase } from '../../shared/text.js';
import type { SqlDialect } from '../dialect.js';
import { LOWER, UPPER, placeholderList, quoteWith } from './common.js';

const quoteIdent = quoteWith('"');

/** The ASCII-only folding expression `like` compiles to; the trigram indexes are built on exactly this text. */
export function postgresFold(column: string): string {
  return `translate(${column}, '${UPPER}', '${LOWER}')`;
}

export const postgres: SqlDialect = {
  name: 'postgres',
  placeholder: (n) => `$${n}`,
  quoteIdent,
  encodeParam: (value) => value,
  // Text equality under PostgreSQL's deterministic collations (the default ones) holds only for identical strings:
  // https://www.postgresql.org/docs/15/collation.html#COLLATION-NONDETERMINISTIC. Plain `=` keeps the b-tree index.
  exactEquals: (column, param) => `${column} = ${param()}`,
  exactIn: (column, params) => `${column} IN (${placeholderList(params)})`,
  exactNotEquals: (column, param) => `${column} <> ${param()}`,
  // Trap: ILIKE and lower() fold every letter the database locale knows (É/é under UTF-8), not only ASCII:
  // https://www.postgresql.org/docs/15/functions-matching.html#FUNCTIONS-LIKE. translate() maps exactly A–Z, and
  // the pattern is folded in JavaScript. LIKE (not strpos) so that the pg_trgm GIN index on the very same
  // translate(...) expression serves it: https://www.postgresql.org/docs/15/pgtrgm.html#PGTRGM-INDEX. The pattern
  // escapes `\`, `%`, `_` with LIKE's default escape character, the backslash, so every user character is literal.
  contains: (column, pattern, bind) =>
    `${postgresFold(column)} LIKE ${bind(`%${foldAsciiCase(pattern).replace(/[\\%_]/g, '\\$&')}%`)}`,
  // Trap: ORDER BY uses the column's collation, linguistic under en_US.UTF-8. "C" orders UTF-8 bytes, i.e. code
  // points: https://www.postgresql.org/docs/15/collation.html. The key columns are declared "C", so the search
  // index still serves this order.
  codePointOrder: (column) => `${column} COLLATE "C"`,
  // Trap: PostgreSQL's NULL sorts as larger than every value (NULLS LAST ascending, NULLS FIRST descending); the others
  // sort it as smaller: https://www.postgresql.org/docs/15/queries-order.html.
  orderKey: (expression, descending) => `${expression} ${descending ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`,
  indexColumn: (column, descending) => `${column} ${descending ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`,

  columnTypes: {
    key: 'text COLLATE "C" NOT NULL',
    string: 'text',
    text: 'text',
    number: 'double precision',
    boolean: 'boolean',
    datetime: 'text COLLATE "C"',
    integer: 'bigint',
    json: 'jsonb NOT NULL',
    entryField: 'text COLLATE "C" NOT NULL',
    entryKey: 'text COLLATE "C" NOT NULL',
  },
  // pg_trgm ships with the server (contrib) and is a trusted extension since PostgreSQL 13.
  setup: ['CREATE EXTENSION IF NOT EXISTS pg_trgm'],
  tableOptions: '',
  inlineIndexes: false,
  // An expression index is used only for the very same expression, so these index postgresFold(column):
  // https://www.postgresql.org/docs/15/indexes-expressional.html.
  extraIndexes: (layout) =>
    layout.likeColumns.map(
      (column) =>
        `CREATE INDEX IF NOT EXISTS ${quoteIdent(`${layout.table}_${column.name}_trgm`)} ON ${quoteIdent(layout.table)} ` +
        `USING gin (${postgresFold(quoteIdent(column.name))} gin_trgm_ops)`,
    ),
};
