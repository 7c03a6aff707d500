/**
 * PostgreSQL through a `pg` pool. Documents come back as the JSON text PostgreSQL sends (jsonb is not parsed), so
 * that the server writes them into the response without a parse and a stringify per record. A connection lost while
 * idle is logged, not thrown (an unhandled pool error would end the process); a query while the database is away
 * fails fast (connection timeout) and the caller answers 99500; the pool reconnects by itself when it is back.
 */
import pg from 'pg';
import type { SqlSearch } from 'ota-expr';
import { gate } from './gate.js';
import { redactUrl, type Store, type StoreParam, type StoreRow } from './types.js';

const JSON_OIDS = new Set([114, 3802]); // json, jsonb

/** Text as it comes for JSON columns; pg's own parsers for every other type. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    JSON_OIDS.has(oid) && format !== 'binary'
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  readonly url: string;
  readonly onIdleError: (error: Error) => void;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

export function openPostgres(options: PostgresOptions): Store {
  const size = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: size,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    // A runaway statement is cut by the server, not left holding a connection.
    statement_timeout: 15_000,
    types,
  });
  pool.on('error', options.onIdleError);
  const queue = gate(size);
  const params = (values: readonly StoreParam[]): StoreParam[] => [...values];
  return {
    dialect: 'postgres',
    location: redactUrl(options.url),
    query: async (sql, values) => (await queue.run(() => pool.query(sql, params(values)))).rows as StoreRow[],
    execute: async (sql, values) => (await queue.run(() => pool.query(sql, params(values)))).rowCount ?? 0,
    searchPage: async (search: SqlSearch) => {
      const [page, count] = await Promise.all([
        queue.run(() => pool.query({ text: search.sql, values: [...search.params], rowMode: 'array' })),
        queue.run(() => pool.query(search.countSql, [...search.countParams])),
      ]);
      return {
        docs: (page.rows as unknown[][]).map((row) => row[0] as string),
        total: Number((count.rows[0] as StoreRow | undefined)?.['total'] ?? 0),
      };
    },
    transaction: async (work) => {
      // A transaction holds its connection throughout; it waits at the gate like a query would, for one slot.
      return queue.run(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await work(async (sql, values) => {
            await client.query(sql, params(values));
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      });
    },
    // Autovacuum analyses the tables in its own time; a search right after a load may plan without statistics.
    afterBulkLoad: async () => {
      await queue.run(() => pool.query('ANALYZE'));
    },
    close: async () => {
      await pool.end();
    },
  };
}
