/** Creates what the server stores, idempotently: every API's table (createTableSql) and the gateway's tables. */
import { createTableSql } from 'ota-expr';
import { API_ROUTES } from './routes.js';
import { authSql } from './store/auth-sql.js';
import type { Store } from './store/types.js';

export async function createTables(store: Store): Promise<void> {
  for (const route of API_ROUTES) {
    for (const statement of createTableSql(store.dialect, { schema: route.schema })) await store.execute(statement, []);
  }
  for (const statement of authSql(store.dialect).createTables) await store.execute(statement, []);
}
