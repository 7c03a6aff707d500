/**
 * The only SQL the server writes itself: its own three small tables, for the gateway's state (never for records,
 * which go through the library). Tokens and the replay record live in the store, not in one process's memory, so
 * that several instances on one database serve the same apps. Every value is a parameter.
 *
 * - ota_server_token: access tokens, by token, with their app and expiry (epoch ms).
 * - ota_server_replay: every `encryption` a token request used, until its timestamp can no longer be accepted;
 *   inserting one that is there already changes no row, which is how a replay is detected atomically across instances.
 * - ota_server_app: the development app (created once when no apps file is given).
 */
import type { SqlDialectName } from 'ota-expr';

export interface AuthSql {
  readonly createTables: readonly string[];
  /** (appKey, now) → the valid token of the app that lasts longest: token, expires_at. */
  readonly validTokenOfApp: string;
  /** (token, appKey, expiresAt) */
  readonly insertToken: string;
  /** (token) → app_key, expires_at */
  readonly tokenById: string;
  /** (before) deletes tokens expired before then. */
  readonly purgeTokens: string;
  /** (encryption, keepUntil) → 1 row changed, or 0 when the encryption was seen before. */
  readonly recordEncryption: string;
  /** (now) */
  readonly purgeReplay: string;
  /** () → app_key, app_secret */
  readonly developmentApp: string;
  /** (appKey, appSecret) → 1 row changed, or 0 when there is one already. */
  readonly insertDevelopmentApp: string;
  /** () → one row: whether the store answers (GET /health). */
  readonly ping: string;
}

function tables(text: string, big: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ota_server_token (token ${text} PRIMARY KEY, app_key ${text} NOT NULL, expires_at ${big} NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS ota_server_token_app ON ota_server_token (app_key, expires_at)`,
    `CREATE TABLE IF NOT EXISTS ota_server_replay (encryption ${text} PRIMARY KEY, keep_until ${big} NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS ota_server_replay_keep ON ota_server_replay (keep_until)`,
    `CREATE TABLE IF NOT EXISTS ota_server_app (app_key ${text} PRIMARY KEY, app_secret ${text} NOT NULL)`,
  ];
}

const placeholders = (dialect: SqlDialectName, sql: string): string => {
  if (dialect !== 'postgres') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
};

function common(dialect: SqlDialectName): Omit<AuthSql, 'createTables' | 'recordEncryption' | 'insertDevelopmentApp'> {
  const p = (sql: string): string => placeholders(dialect, sql);
  return {
    validTokenOfApp: p(
      'SELECT token, expires_at FROM ota_server_token WHERE app_key = ? AND expires_at > ? ORDER BY expires_at DESC LIMIT 1',
    ),
    insertToken: p('INSERT INTO ota_server_token (token, app_key, expires_at) VALUES (?, ?, ?)'),
    tokenById: p('SELECT app_key, expires_at FROM ota_server_token WHERE token = ?'),
    purgeTokens: p('DELETE FROM ota_server_token WHERE expires_at < ?'),
    purgeReplay: p('DELETE FROM ota_server_replay WHERE keep_until < ?'),
    developmentApp: 'SELECT app_key, app_secret FROM ota_server_app ORDER BY app_key LIMIT 1',
    ping: 'SELECT 1 AS ok',
  };
}

export function authSql(dialect: SqlDialectName): AuthSql {
  switch (dialect) {
    case 'postgres':
      return {
        ...common(dialect),
        createTables: tables('text', 'bigint'),
        recordEncryption:
          'INSERT INTO ota_server_replay (encryption, keep_until) VALUES ($1, $2) ON CONFLICT (encryption) DO NOTHING',
        insertDevelopmentApp:
          'INSERT INTO ota_server_app (app_key, app_secret) VALUES ($1, $2) ON CONFLICT (app_key) DO NOTHING',
      };
    case 'sqlite':
      return {
        ...common(dialect),
        createTables: tables('TEXT', 'INTEGER'),
        recordEncryption: 'INSERT OR IGNORE INTO ota_server_replay (encryption, keep_until) VALUES (?, ?)',
        insertDevelopmentApp: 'INSERT OR IGNORE INTO ota_server_app (app_key, app_secret) VALUES (?, ?)',
      };
    case 'mysql':
      return {
        ...common(dialect),
        // MySQL has no CREATE INDEX IF NOT EXISTS before 8.0.29 (MariaDB has it); the keys go in the table instead.
        createTables: [
          'CREATE TABLE IF NOT EXISTS ota_server_token (token VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY, app_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, expires_at BIGINT NOT NULL, KEY ota_server_token_app (app_key, expires_at))',
          'CREATE TABLE IF NOT EXISTS ota_server_replay (encryption VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY, keep_until BIGINT NOT NULL, KEY ota_server_replay_keep (keep_until))',
          'CREATE TABLE IF NOT EXISTS ota_server_app (app_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PRIMARY KEY, app_secret VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL)',
        ],
        recordEncryption: 'INSERT IGNORE INTO ota_server_replay (encryption, keep_until) VALUES (?, ?)',
        insertDevelopmentApp: 'INSERT IGNORE INTO ota_server_app (app_key, app_secret) VALUES (?, ?)',
      };
    default: {
      const never: never = dialect;
      throw new Error(`unknown dialect ${String(never)}`);
    }
  }
}
