/**
 * MySQL / MariaDB through a `mysql2` pool, utf8mb4. JSON documents come back as text (not parsed), like PostgreSQL's.
 * The URL is `mysql://user:password@host:port/database`, or with `?socketPath=/path/to/socket`.
 */
import mysql from 'mysql2/promise';
import type { SqlSearch } from 'ota-expr';
import { redactUrl, type Store, type StoreParam, type StoreRow } from './types.js';

export interface MysqlOptions {
  readonly url: string;
  readonly poolSize?: number;
}

export function openMysql(options: MysqlOptions): Store {
  const url = new URL(options.url);
  const socketPath = url.searchParams.get('socketPath');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const pool = mysql.createPool({
    ...(socketPath === null ? { host: url.hostname || 'localhost' } : { socketPath }),
    ...(url.port === '' ? {} : { port: Number(url.port) }),
    user: decodeURIComponent(url.username || 'root'),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    ...(database === '' ? {} : { database }),
    charset: 'utf8mb4',
    connectionLimit: options.poolSize ?? 10,
    connectTimeout: 3000,
    // Documents as the JSON text the server sends, not parsed (written into the response as they are).
    jsonStrings: true,
  });
  const params = (values: readonly StoreParam[]): StoreParam[] => [...values];
  const rows = async (sql: string, values: readonly StoreParam[]): Promise<StoreRow[]> =>
    (await pool.query(sql, params(values)))[0] as StoreRow[];
  return {
    dialect: 'mysql',
    location: redactUrl(options.url),
    query: rows,
    execute: async (sql, values) => {
      const [result] = await pool.query(sql, params(values));
      return (result as { affectedRows?: number }).affectedRows ?? 0;
    },
    searchPage: async (search: SqlSearch) => {
      const [page, count] = await Promise.all([
        pool.query({ sql: search.sql, rowsAsArray: true }, [...search.params]),
        rows(search.countSql, search.countParams),
      ]);
      return {
        docs: (page[0] as unknown[][]).map((row) => row[0] as string),
        total: Number(count[0]?.['total'] ?? 0),
      };
    },
    transaction: async (work) => {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        const result = await work(async (sql, values) => {
          await connection.query(sql, params(values));
        });
        await connection.commit();
        return result;
      } catch (error) {
        await connection.rollback().catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    // InnoDB keeps its statistics up to date by itself (innodb_stats_auto_recalc).
    afterBulkLoad: async () => {},
    close: async () => {
      await pool.end();
    },
  };
}
