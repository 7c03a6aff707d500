/**
 * `pages` and `searchAll`: every page from the first (or the requested one) to the last, in the API's largest page
 * size unless told another, one request per page, fetched only when the consumer asks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, ExpressionError, type EnosClient } from '../../src/client.js';
import { schemas } from '../../src/core.js';
import { searchRecords } from '../../src/search.js';
import { APP_KEY, APP_SECRET, devices, startGatewayDouble, type GatewayDouble } from './gateway-double.js';

const DEVICES = devices(2_345);
let gateway: GatewayDouble;
let client: EnosClient;
let sent: number;

beforeAll(async () => {
  gateway = await startGatewayDouble({ records: { device: DEVICES, 'ota-job': [] } });
  client = createClient({ baseUrl: gateway.url, appKey: APP_KEY, appSecret: APP_SECRET });
});
afterAll(() => gateway.close());
beforeEach(() => {
  sent = gateway.apiRequests.length;
});
const requests = () =>
  gateway.apiRequests.slice(sent).map((request) => JSON.parse(request.body) as { pagination: unknown });

describe('searchAll', () => {
  it("yields every match in the search order, in pages of the API's largest size (device: 1,000)", async () => {
    const all = [];
    for await (const device of client.searchAll('device', { orgId: 'o1' })) all.push(device.assetId);
    const expected = searchRecords(
      DEVICES,
      { orgId: 'o1', pagination: { pageSize: 1000, pageNo: 1 } },
      { schema: schemas.device },
    );
    expect(all).toHaveLength(2_345);
    expect(new Set(all).size).toBe(2_345);
    expect(all.slice(0, 1000)).toEqual(
      expected.code === 0 ? expected.data.map((d) => (d as { assetId: string }).assetId) : [],
    );
    expect(requests().map((r) => r.pagination)).toEqual([
      { pageNo: 1, pageSize: 1000 },
      { pageNo: 2, pageSize: 1000 },
      { pageNo: 3, pageSize: 1000 },
    ]);
  });

  it('stops at the last page when it is full (no empty page asked for)', async () => {
    let count = 0;
    for await (const _ of client.searchAll('device', {
      orgId: 'o1',
      expression: "productKey = 'pk-even'",
      pagination: { pageSize: 173 },
    }))
      count += 1;
    expect(count).toBe(1_173);
    expect(requests()).toHaveLength(Math.ceil(1_173 / 173));
    let exact = 0;
    for await (const _ of client.searchAll('device', { orgId: 'o2', pagination: { pageSize: 3 } })) exact += 1;
    expect(exact).toBe(3);
    expect(requests()).toHaveLength(Math.ceil(1_173 / 173) + 1);
  });

  it('one request for no match', async () => {
    const all = [];
    for await (const job of client.searchAll('ota-job', { orgId: 'o1' })) all.push(job);
    expect(all).toEqual([]);
    expect(requests()).toEqual([{ pagination: { pageNo: 1, pageSize: 200 } }]);
  });

  it('breaking out sends nothing more', async () => {
    let count = 0;
    for await (const _ of client.searchAll('device', { orgId: 'o1', pagination: { pageSize: 10 } }))
      if (++count === 15) break;
    expect(requests()).toHaveLength(2);
  });

  it('a page size past the API maximum is refused before any request', async () => {
    const iterator = client.searchAll('ota-job', { orgId: 'o1', pagination: { pageSize: 201 } });
    await expect(iterator.next()).rejects.toThrow(ExpressionError);
    await expect(client.searchAll('ota-job', { orgId: 'o1', pagination: { pageSize: 201 } }).next()).rejects.toThrow(
      'pagination.pageSize must be an integer from 1 to 200, found 201',
    );
    expect(requests()).toEqual([]);
  });
});

describe('pages', () => {
  it('starts at the requested page and reports each pagination', async () => {
    const seen = [];
    for await (const page of client.pages('device', { orgId: 'o1', pagination: { pageNo: 3, pageSize: 1000 } }))
      seen.push([page.pagination.pageNo, page.records.length, page.pagination.totalSize]);
    expect(seen).toEqual([[3, 345, 2_345]]);
  });

  it('trusts the page size the gateway applied when it differs from the one asked for', async () => {
    // A gateway that caps pages at 100 whatever is asked: the iterator must go on past the short first page.
    gateway.script.push(
      ...[1, 2].map((pageNo) => ({
        httpStatus: 200,
        body: JSON.stringify({
          code: 0,
          msg: 'OK',
          requestId: `r${pageNo}`,
          data: Array.from({ length: pageNo === 1 ? 100 : 50 }, (_, i) => ({ orgId: 'o1', assetId: `${pageNo}-${i}` })),
          pagination: { sortedBy: null, pageNo, pageSize: 100, totalSize: 150 },
        }),
      })),
    );
    let count = 0;
    for await (const _ of client.searchAll('device', { orgId: 'o1' })) count += 1;
    expect(count).toBe(150);
    expect(requests()).toHaveLength(2);
  });
});
