/** The engines, by the names the `dialect` option takes. A new engine is one file beside these and one line here. */
import { mysql } from './mysql.js';
import { postgres } from './postgres.js';
import { sqlite } from './sqlite.js';
import type { SqlDialect } from '../dialect.js';

/** The SQL engines ota-expr compiles to, by the names the `dialect` option takes. */
export const SQL_DIALECTS = Object.freeze({ postgres, mysql, sqlite } satisfies Record<string, SqlDialect>);

/** The name of a supported SQL engine: `'postgres'`, `'mysql'` or `'sqlite'`. */
export type SqlDialectName = keyof typeof SQL_DIALECTS;

export const SQL_DIALECT_NAMES = Object.freeze(Object.keys(SQL_DIALECTS)) as readonly SqlDialectName[];
