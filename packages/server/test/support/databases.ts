/**
 * Fresh databases on the harness's PostgreSQL and MariaDB servers (test/support/databases.ts of the library), as
 * connection URLs the server takes. Close the server before `close()`, which drops the database.
 */
import { databases, openMariaDb, openPostgres } from '../../../../test/support/databases.js';

export { databases };

export async function freshPostgresUrl(): Promise<{ url: string; close(): Promise<void> }> {
  const { client, close } = await openPostgres();
  const url = new URL((databases.postgres as { url: string }).url);
  url.pathname = `/${client.database ?? ''}`;
  return { url: url.toString(), close };
}

export async function freshMariaDbUrl(): Promise<{ url: string; close(): Promise<void> }> {
  const { connection, close } = await openMariaDb();
  const url = new URL((databases.mariadb as { url: string }).url);
  url.pathname = `/${connection.config.database ?? ''}`;
  return { url: url.toString(), close };
}
