/**
 * The store behind the server: one SQL engine behind one face. Records go in and come out only through the library's
 * statements (createTableSql, insertRow, toSqlSearch); the server's own small tables (tokens, replay record, the
 * development app) are in auth-sql.ts. Values always travel as parameters.
 */
import type { SqlDialectName, SqlSearch } from 'ota-expr';

/** A statement parameter as the drivers take it. */
export type StoreParam = string | number | boolean | null;

/** A row as the driver returns it. */
export type StoreRow = Readonly<Record<string, unknown>>;

/** Runs one statement inside a transaction. */
export type StatementRunner = (sql: string, params: readonly StoreParam[]) => Promise<void>;

/** One page of a search: the documents as JSON text, as stored, and the count of every match. */
export interface StoredPage {
  readonly docs: readonly string[];
  readonly total: number;
}

export interface Store {
  readonly dialect: SqlDialectName;
  /** Where the data is, for messages: a file path or the URL without its password. */
  readonly location: string;
  /** A statement that returns rows. */
  query(sql: string, params: readonly StoreParam[]): Promise<StoreRow[]>;
  /** A statement that changes rows; resolves to how many it changed. */
  execute(sql: string, params: readonly StoreParam[]): Promise<number>;
  /** The page query and the count query of a search. */
  searchPage(search: SqlSearch): Promise<StoredPage>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it rejects. */
  transaction<T>(work: (run: StatementRunner) => Promise<T>): Promise<T>;
  /** After a bulk load: statistics for the planner, and (SQLite) the write-ahead log folded into the file. */
  afterBulkLoad(): Promise<void>;
  close(): Promise<void>;
}

/** The connection URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
