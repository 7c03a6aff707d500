/**
 * Fills an empty store with the demo dataset: each API whose table has no record of the first demo organisation
 * gets its demo records (one transaction per API), so that a second start, or a start after an interrupted one,
 * loads only what is missing. Whether a table is empty is asked with toSqlSearch's count, like any search.
 */
import { toSqlSearch } from 'ota-expr';
import { DEMO_APIS, DEMO_ORG_IDS, demoRecords } from './demo/index.js';
import { loadRecords } from './load.js';
import { ROUTES_BY_NAME } from './routes.js';
import type { Store } from './store/types.js';

export interface DemoLoadOptions {
  readonly scale?: number;
  readonly seed?: number;
  /** Progress, one line per API loaded. */
  readonly progress?: (line: string) => void;
}

export async function loadDemo(store: Store, options: DemoLoadOptions = {}): Promise<number> {
  let total = 0;
  for (const api of DEMO_APIS) {
    const route = ROUTES_BY_NAME.get(api)!;
    const count = toSqlSearch(
      { orgId: DEMO_ORG_IDS[0], pagination: { pageSize: 1 } },
      { dialect: store.dialect, schema: route.schema },
    );
    const { total: present } = await store.searchPage(count);
    if (present > 0) continue;
    const started = Date.now();
    const records = demoRecords(api, {
      ...(options.scale === undefined ? {} : { scale: options.scale }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    const report = await loadRecords(
      store,
      route,
      records.map((record, index) => ({ line: index + 1, record })),
    );
    if (report.bad.length > 0) {
      throw new Error(`demo records of ${api} were refused: line ${report.bad[0]!.line}: ${report.bad[0]!.message}`);
    }
    total += report.loaded;
    options.progress?.(`demo: ${report.loaded} ${api} records in ${Date.now() - started} ms`);
  }
  if (total > 0) await store.afterBulkLoad();
  return total;
}
