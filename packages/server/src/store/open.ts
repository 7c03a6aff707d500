/** Opens the store a `--database` value names: a PostgreSQL or MySQL/MariaDB URL, else an SQLite file path. */
import { openMysql } from './mysql.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** A connection lost while idle (PostgreSQL): logged by the caller; the pool reconnects on the next query. */
  readonly onIdleError?: (error: Error) => void;
  readonly poolSize?: number;
}

export type StoreKind = 'postgres' | 'mysql' | 'sqlite';

export function storeKind(database: string): StoreKind {
  if (/^postgres(ql)?:\/\//i.test(database)) return 'postgres';
  if (/^(mysql|mariadb):\/\//i.test(database)) return 'mysql';
  return 'sqlite';
}

export function openStore(database: string, options: OpenStoreOptions = {}): Store {
  const kind = storeKind(database);
  const poolSize = options.poolSize === undefined ? {} : { poolSize: options.poolSize };
  switch (kind) {
    case 'postgres':
      return openPostgres({ url: database, onIdleError: options.onIdleError ?? (() => {}), ...poolSize });
    case 'mysql':
      return openMysql({ url: database, ...poolSize });
    case 'sqlite':
      return openSqlite(database.replace(/^sqlite:(\/\/)?/i, ''));
    default: {
      const never: never = kind;
      throw new Error(`unknown store ${String(never)}`);
    }
  }
}
