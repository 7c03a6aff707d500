/**
 * Known values for completion, read from the data the page searches: one search of the largest page the API allows,
 * with an empty expression, and every distinct string each path holds there (the org's product keys, its tag
 * values…). Server mode asks the server itself; static mode, the bundled data.
 */
import { isObject, playgroundApi, type ApiName } from './apis.js';
import type { Backend } from './backend.js';
import { readResponse } from './response.js';

/** Enough to choose from, few enough to read. */
const MAX_VALUES = 50;

export class KnownValues {
  private readonly records = new Map<string, Promise<readonly unknown[]>>();
  private readonly loaded = new Map<string, readonly unknown[]>();

  constructor(private readonly backend: Backend) {}

  /** Starts loading (once per API and org); resolves when completion can offer the values. */
  load(api: ApiName, orgId: string): Promise<readonly unknown[]> {
    const key = `${api}\n${orgId}`;
    let pending = this.records.get(key);
    if (pending === undefined) {
      const pageSize = playgroundApi(api).definition.pageSize.max;
      pending = this.backend
        .search(api, orgId, { expression: '', pagination: { pageNo: 1, pageSize } })
        .then(({ response }) => {
          const read = readResponse(response);
          const records = read.kind === 'page' ? read.records : [];
          this.loaded.set(key, records);
          return records;
        })
        .catch(() => {
          // No values is not an error the page shows: the search itself reports an unreachable server.
          this.records.delete(key);
          return [];
        });
      this.records.set(key, pending);
    }
    return pending;
  }

  /** The values loaded so far for a path: `productKey`, or a map entry `deviceTags.Region`. */
  valuesOf(api: ApiName, orgId: string, path: string): readonly string[] {
    const records = this.loaded.get(`${api}\n${orgId}`) ?? [];
    const segments = path.split('.');
    const values = new Set<string>();
    for (const record of records) {
      const value = segments.reduce<unknown>(
        (at, segment) => (isObject(at) && Object.hasOwn(at, segment) ? at[segment] : undefined),
        record,
      );
      if (typeof value === 'string') values.add(value);
      if (values.size >= MAX_VALUES) break;
    }
    return [...values].sort();
  }
}
