/** The engines, by the names the `dialect` option takes. A new engine is one file beside these and one line here. */
import { mysql } from './mysql.js';
import { postgres } from './postgres.js';
import { sqlite } from './sqlite.js';
import type { SqlDialect } from '../dialect.js';

export const SQL_DIALECTS = Object.freeze({ postgres, mysql, sqlite } satisfies Record<string, SqlDialect>);

export type SqlDialectName = keyof typeof SQL_DIALECTS;

export const SQL_DIALECT_NAMES = Object.freeze(Object.keys(SQL_DIALECTS)) as readonly SqlDialectName[];
