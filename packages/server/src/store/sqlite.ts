/**
 * The embedded store: one SQLite file through better-sqlite3 (synchronous, in-process; nothing to install). WAL mode,
 * so that readers never wait for a writer. Opening checks at once that the file is an SQLite database and writable,
 * so that a corrupt or read-only file is a clear message at start, not a 99500 on the first request.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqlSearch } from 'ota-expr';
import type { Store, StoreParam, StoreRow } from './types.js';

/** Why a database could not be opened: shown as it is, with no stack, and the process exits with code 1. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

/** Statements differ per expression; a bounded cache keeps the common ones prepared without growing forever. */
const CACHE_SIZE = 500;

export function openSqlite(file: string): Store {
  const memory = file === ':memory:';
  if (!memory) checkFile(file);
  let db: SqliteDatabase;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    // Reads the header: a file that is not a database fails here (SQLITE_NOTADB), not on the first request.
    db.pragma('schema_version');
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Takes the write lock and gives it back: a read-only file, or one on a read-only disk, fails here.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
    // A damaged page past the header is found only by reading the pages: quick_check answers rows, not errors.
    const check = memory ? 'ok' : String(db.pragma('quick_check(1)', { simple: true }));
    if (check !== 'ok') {
      db.close();
      throw new StoreOpenError(`cannot open the SQLite database ${file}: the database file is corrupt (${check})`);
    }
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(`cannot open the SQLite database ${file}: ${describeSqliteError(error)}`);
  }
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size >= CACHE_SIZE) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const bind = (params: readonly StoreParam[]): StoreParam[] =>
    params.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
  const all = (sql: string, params: readonly StoreParam[]): StoreRow[] =>
    prepare(sql).all(...bind(params)) as StoreRow[];
  const run = (sql: string, params: readonly StoreParam[]): number => prepare(sql).run(...bind(params)).changes;
  let depth = 0;
  return {
    dialect: 'sqlite',
    location: file,
    query: async (sql, params) => all(sql, params),
    execute: async (sql, params) => run(sql, params),
    searchPage: async (search: SqlSearch) => {
      const docs = (
        prepare(search.sql)
          .raw(true)
          .all(...bind(search.params)) as unknown[][]
      ).map((row) => row[0] as string);
      const count = all(search.countSql, search.countParams)[0];
      return { docs, total: Number(count?.['total'] ?? 0) };
    },
    transaction: async (work) => {
      // better-sqlite3 is synchronous and this connection is the only one: nothing else runs between the
      // statements of `work` unless it awaits something outside the store, which the callers here do not.
      if (depth > 0) throw new Error('nested transaction');
      depth += 1;
      db.exec('BEGIN');
      try {
        const result = await work(async (sql, params) => {
          run(sql, params);
        });
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        depth -= 1;
      }
    },
    afterBulkLoad: async () => {
      db.exec('ANALYZE');
      if (!memory) db.pragma('wal_checkpoint(TRUNCATE)');
    },
    close: async () => {
      db.close();
    },
  };
}

/** The file's own problems, before SQLite sees it: a directory, a read-only file (even for root), a missing folder. */
function checkFile(file: string): void {
  if (existsSync(file)) {
    const stat = statSync(file);
    if (!stat.isFile()) throw new StoreOpenError(`cannot open the SQLite database ${file}: it is not a file`);
    // Root may write anywhere; a file whose mode has no write bit is meant to be read-only all the same.
    if ((stat.mode & 0o222) === 0) {
      throw new StoreOpenError(
        `cannot open the SQLite database ${file}: the file is read-only (the server writes tokens and the replay record)`,
      );
    }
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch {
      throw new StoreOpenError(`cannot open the SQLite database ${file}: no permission to read and write it`);
    }
    return;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new StoreOpenError(`cannot create the folder of ${file}: ${(error as Error).message}`);
  }
}

function describeSqliteError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'the file is not an SQLite database (corrupt, or another kind of file)';
    case 'SQLITE_CORRUPT':
      return 'the database file is corrupt';
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
      return `the file cannot be written (${message})`;
    default:
      return message;
  }
}
