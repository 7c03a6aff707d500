/**
 * Database helpers for engine tests. The servers come from global-setup.ts; a test that needs one is skipped when
 * it is unavailable (`describe.skipIf(!databases.postgres.available)`), unless OTA_REQUIRE_DATABASES=1, in which
 * case global setup has already failed the run. SQLite needs no server (better-sqlite3, in memory).
 *
 * Each `withPostgres` / `withMariaDb` call gets a fresh database, dropped afterwards, so test files running in
 * parallel never see each other's tables.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { inject } from 'vitest';
import type { OtaDatabases } from './global-setup.js';
import type { ServerInfo } from './servers.js';

const NOT_CONFIGURED: ServerInfo = { available: false, reason: 'test/support/global-setup.ts did not run' };

function provided(): OtaDatabases {
  try {
    return inject('otaDatabases') ?? { postgres: NOT_CONFIGURED, mariadb: NOT_CONFIGURED };
  } catch {
    return { postgres: NOT_CONFIGURED, mariadb: NOT_CONFIGURED };
  }
}

/** Which servers this run has; `available: false` carries the reason. */
export const databases: OtaDatabases = provided();

function freshName(): string {
  return `ota_t_${randomBytes(6).toString('hex')}`;
}

function serverUrl(info: ServerInfo, engine: string): URL {
  if (!info.available) throw new Error(`${engine} is unavailable: ${info.reason}`);
  return new URL(info.url);
}

/** pg client settings from a URL; a `host` query parameter (a socket directory) overrides the URL's host. */
function pgConfig(url: URL, database: string): pg.ClientConfig {
  return {
    host: url.searchParams.get('host') ?? url.hostname,
    ...(url.port === '' ? {} : { port: Number(url.port) }),
    user: decodeURIComponent(url.username || 'postgres'),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    database,
  };
}

/** A client connected to a fresh PostgreSQL database (UTF8); `close()` disconnects and drops it. */
export async function openPostgres(): Promise<{ client: pg.Client; close(): Promise<void> }> {
  const url = serverUrl(databases.postgres, 'postgres');
  const name = freshName();
  const admin = new pg.Client(pgConfig(url, decodeURIComponent(url.pathname.slice(1)) || 'postgres'));
  await admin.connect();
  const dropAll = async (): Promise<void> => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
    await admin.end();
  };
  try {
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
    const client = new pg.Client(pgConfig(url, name));
    await client.connect();
    return {
      client,
      close: async () => {
        await client.end();
        await dropAll();
      },
    };
  } catch (error) {
    await dropAll();
    throw error;
  }
}

/** Runs `fn` with a client connected to a fresh PostgreSQL database, dropped afterwards. */
export async function withPostgres<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const { client, close } = await openPostgres();
  try {
    return await fn(client);
  } finally {
    await close();
  }
}

function mysqlConfig(url: URL, database?: string): mysql.ConnectionOptions {
  const socketPath = url.searchParams.get('socketPath');
  return {
    ...(socketPath === null ? { host: url.hostname } : { socketPath }),
    ...(url.port === '' ? {} : { port: Number(url.port) }),
    user: decodeURIComponent(url.username || 'root'),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    ...(database === undefined ? {} : { database }),
    charset: 'utf8mb4',
  };
}

/**
 * A connection to a fresh MariaDB/MySQL database whose default collation is utf8mb4_general_ci (case-insensitive,
 * PAD SPACE, like most installations); `close()` disconnects and drops it.
 */
export async function openMariaDb(): Promise<{ connection: mysql.Connection; close(): Promise<void> }> {
  const url = serverUrl(databases.mariadb, 'mariadb');
  const name = freshName();
  const admin = await mysql.createConnection(mysqlConfig(url));
  const dropAll = async (): Promise<void> => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
    await admin.end();
  };
  try {
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    const connection = await mysql.createConnection(mysqlConfig(url, name));
    return {
      connection,
      close: async () => {
        await connection.end();
        await dropAll();
      },
    };
  } catch (error) {
    await dropAll();
    throw error;
  }
}

/** Runs `fn` with a connection to a fresh MariaDB/MySQL database, dropped afterwards. */
export async function withMariaDb<T>(fn: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const { connection, close } = await openMariaDb();
  try {
    return await fn(connection);
  } finally {
    await close();
  }
}

/** A fresh in-memory SQLite database; close it when done. */
export function openSqlite(): SqliteDatabase {
  return new Database(':memory:');
}
