/**
 * Searches through the gateway test double (./gateway-double.ts, which verifies every signature independently
 * with node:crypto): text and builder filters, the page and its typed records, sorters, extra query parameters,
 * timeouts and aborts, and `call` for any other API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type FetchLike } from '../../src/client.js';
import { queryBuilder, schemas } from '../../src/core.js';
import { searchRecords } from '../../src/search.js';
import { APP_KEY, APP_SECRET, devices, startGatewayDouble, type GatewayDouble } from './gateway-double.js';

const DEVICES = devices(45);
const RULES = Array.from({ length: 12 }, (_, index) => ({
  orgId: 'o1',
  ruleId: `rule-${String(index).padStart(2, '0')}`,
  modelId: index % 2 === 0 ? 'inverter' : 'meter',
  tags: { level: String(index % 3) },
}));

let gateway: GatewayDouble;
beforeAll(async () => {
  gateway = await startGatewayDouble({ records: { device: DEVICES, 'alert-rule': RULES } });
});
afterAll(() => gateway.close());

const client = (extra: { fetch?: FetchLike; timeoutMs?: number; baseUrl?: string } = {}) =>
  createClient({ baseUrl: gateway.url, appKey: APP_KEY, appSecret: APP_SECRET, ...extra });

describe('client.search', () => {
  it('answers the page the in-memory search gives, records and pagination', async () => {
    const request = { orgId: 'o1', expression: "deviceTags.Region = 'Shanghai' and status in ('online', 'offline')" };
    const page = await client().search('device', { ...request, pagination: { pageNo: 2, pageSize: 4 } });
    const expected = searchRecords(
      DEVICES,
      { ...request, pagination: { pageNo: 2, pageSize: 4 } },
      { schema: schemas.device },
    );
    expect(expected.code).toBe(0);
    if (expected.code !== 0) return;
    expect(page.records).toEqual(expected.data);
    expect(page.pagination).toEqual(expected.pagination);
    expect(page.requestId).toMatch(/./);
    expect(page.warnings).toEqual([]);
    expect(page.records.every((device) => device.orgId === 'o1')).toBe(true);
  });

  it('takes a builder tree, sent as its printed text', async () => {
    const q = queryBuilder(schemas.device);
    const filter = q.and(q.where('deviceTags.Region').eq('Berlin'), q.where('deviceAttributes.floor').in([1, 2, 3]));
    const page = await client().search('device', { orgId: 'o1', expression: filter });
    const sent = JSON.parse(gateway.apiRequests.at(-1)!.body) as { expression: string };
    expect(sent.expression).toBe("deviceTags.Region = 'Berlin' and deviceAttributes.floor in (1, 2, 3)");
    expect(page.records.length).toBeGreaterThan(0);
    expect(page.records.every((device) => device.deviceTags?.Region === 'Berlin')).toBe(true);
  });

  it('sends no expression and no pagination when there are none: the API defaults', async () => {
    const page = await client().search('device', { orgId: 'o1', expression: null });
    expect(gateway.apiRequests.at(-1)!.body).toBe('{}');
    expect(page.pagination).toMatchObject({ pageNo: 1, pageSize: 10, totalSize: 45 });
  });

  it('passes sorters where the API takes them (alert-rule) and echoes sortedBy', async () => {
    const page = await client().search('alert-rule', {
      orgId: 'o1',
      pagination: { pageSize: 3, sorters: [{ field: 'modelId', order: 'DESC' }] },
    });
    expect(page.pagination.sortedBy).toEqual([{ field: 'modelId', order: 'DESC' }]);
    expect(page.records.map((rule) => rule.ruleId)).toEqual(['rule-01', 'rule-03', 'rule-05']);
  });

  it('returns warnings of the local check (an unknown enum value) and still searches', async () => {
    const page = await client().search('device', { orgId: 'o1', expression: "status = 'sleeping'" });
    expect(page.records).toEqual([]);
    expect(page.warnings.map((warning) => warning.kind)).toEqual(['unknown-value']);
  });

  it('signs extra query parameters with action and orgId, and writes them into the URL', async () => {
    await client().search('device', { orgId: 'o1', query: { Zone: 'east', b: 'x y&z' } });
    const url = gateway.apiRequests.at(-1)!.url;
    expect(url).toBe('/connect-service/v2.4/devices?action=search&orgId=o1&Zone=east&b=x%20y%26z');
  });

  it('refuses query parameters the client sets itself (action, orgId)', async () => {
    await expect(client().search('device', { orgId: 'o1', query: { orgId: 'o2' } })).rejects.toThrow(
      'search: query.orgId is set by the client; give orgId in the request',
    );
    await expect(client().search('device', { orgId: 'o1', query: { action: 'delete' } })).rejects.toThrow(TypeError);
  });

  it('works with a baseUrl ending in a slash', async () => {
    const page = await client({ baseUrl: `${gateway.url}/` }).search('device', { orgId: 'o1' });
    expect(page.pagination.totalSize).toBe(45);
  });

  it('an unknown API name is a TypeError naming the known ones (for JavaScript callers)', async () => {
    const c = client();
    const search = c.search as (name: string, request: { orgId: string }) => Promise<unknown>;
    expect(() => search('devices', { orgId: 'o1' })).toThrow(/Unknown API "devices"; known: ota-job, ota-task/);
  });
});

describe('timeouts and aborts', () => {
  // A fetch that answers the token request and then never answers (and ignores its signal).
  const hanging = (): FetchLike => {
    const real = globalThis.fetch;
    return (url, init) => (url.includes('/token/get') ? real(url, init as RequestInit) : new Promise<never>(() => {}));
  };

  it('a request that takes longer than timeoutMs rejects with a TimeoutError', async () => {
    const started = Date.now();
    const error = await client({ fetch: hanging(), timeoutMs: 100 })
      .search('device', { orgId: 'o1' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'EnOS request timed out after 100 ms' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("the caller's AbortSignal stops a search, with the signal's reason", async () => {
    const controller = new AbortController();
    const pending = client({ fetch: hanging() }).search('device', { orgId: 'o1', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 50);
    await expect(pending).rejects.toThrow('user left');
  });

  it('an already aborted signal sends nothing', async () => {
    const before = gateway.apiRequests.length;
    const error = await client()
      .search('device', { orgId: 'o1', signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(gateway.apiRequests.length).toBe(before);
  });

  it('the real fetch is aborted too (its signal is passed on)', async () => {
    let seen: unknown;
    const spy: FetchLike = (url, init) => {
      seen = init?.signal;
      return globalThis.fetch(url, init as RequestInit);
    };
    await client({ fetch: spy }).search('device', { orgId: 'o1' });
    expect(seen).toBeInstanceOf(AbortSignal);
  });
});

describe('client.call: any gateway API, signed', () => {
  it('answers EnOS JSON with code 0', async () => {
    const answer = await client().call({
      path: '/connect-service/v2.4/devices',
      query: { action: 'search', orgId: 'o1' },
      body: { pagination: { pageSize: 1 } },
    });
    expect(answer).toMatchObject({ code: 0, msg: 'OK', pagination: { pageSize: 1, totalSize: 45 } });
  });

  it('an unknown path is EnosError 99404 with HTTP 404', async () => {
    await expect(client().call({ path: '/nowhere', query: { action: 'x' } })).rejects.toMatchObject({
      name: 'EnosError',
      code: 99404,
      httpStatus: 404,
    });
  });
});

describe('createClient options', () => {
  it.each([
    [{}, /options.baseUrl must be a non-empty string/],
    [{ baseUrl: 'ftp://x', appKey: 'a', appSecret: 's' }, /http or https URL/],
    [{ baseUrl: 'http://x', appKey: '', appSecret: 's' }, /options.appKey/],
    [{ baseUrl: 'http://x', appKey: 'a', appSecret: 's', timeoutMs: -1 }, /options.timeoutMs/],
    [{ baseUrl: 'http://x', appKey: 'a', appSecret: 's', fetch: 'no' }, /options.fetch/],
  ])('refuses %j with a TypeError', (options, message) => {
    expect(() => createClient(options as never)).toThrow(message);
    expect(() => createClient(options as never)).toThrow(TypeError);
  });
});
