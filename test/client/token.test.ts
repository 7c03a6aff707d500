/**
 * The access token: fetched once and cached, shared by concurrent first calls (single flight), renewed before it
 * expires (the client's clock) and when the gateway answers 1203, never with a repeated encryption. Against the
 * gateway test double (./gateway-double.ts) over real HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, EnosError, TokenError } from '../../src/client.js';
import { APP_KEY, APP_SECRET, devices, startGatewayDouble, type GatewayDouble } from './gateway-double.js';

let gateway: GatewayDouble;
let clock: number;

beforeEach(async () => {
  gateway = await startGatewayDouble({ records: { device: devices(30) } });
  clock = gateway.now;
});
afterEach(() => gateway.close());

/** Moves the client's and the gateway's clocks together. */
function advance(ms: number): void {
  clock += ms;
  gateway.now = clock;
}

const client = (options: { appSecret?: string; renewBeforeMs?: number } = {}) =>
  createClient({
    baseUrl: gateway.url,
    appKey: APP_KEY,
    appSecret: options.appSecret ?? APP_SECRET,
    now: () => clock,
    ...(options.renewBeforeMs === undefined ? {} : { renewBeforeMs: options.renewBeforeMs }),
  });

describe('the access token', () => {
  it('is requested once and reused by later searches', async () => {
    const c = client();
    for (let i = 0; i < 3; i += 1) await c.search('device', { orgId: 'o1' });
    expect(gateway.tokenRequests).toHaveLength(1);
    expect(new Set(gateway.apiRequests.map((request) => request.token)).size).toBe(1);
  });

  it('is requested once for many concurrent first searches (single flight)', async () => {
    const c = client();
    const pages = await Promise.all(Array.from({ length: 20 }, () => c.search('device', { orgId: 'o1' })));
    expect(pages.every((page) => page.pagination.totalSize === 30)).toBe(true);
    expect(gateway.tokenRequests).toHaveLength(1);
  });

  it('is renewed once the renewal margin before its expiry is reached (the injected clock)', async () => {
    const c = client({ renewBeforeMs: 60_000 });
    await c.search('device', { orgId: 'o1' });
    advance(7200_000 - 60_000 - 1);
    await c.search('device', { orgId: 'o1' });
    expect(gateway.tokenRequests).toHaveLength(1);
    advance(2);
    await c.search('device', { orgId: 'o1' });
    expect(gateway.tokenRequests).toHaveLength(2);
  });

  it('a token handed out inside the margin is used to its end, not asked for again on every search', async () => {
    const c = client({ renewBeforeMs: 60_000 });
    await c.search('device', { orgId: 'o1' });
    advance(7200_000 - 30_000); // the gateway hands out the same token, with 30 s left
    await c.search('device', { orgId: 'o1' });
    await c.search('device', { orgId: 'o1' });
    expect(gateway.tokenRequests).toHaveLength(2);
    advance(30_001);
    await c.search('device', { orgId: 'o1' });
    expect(gateway.tokenRequests).toHaveLength(3);
    expect(new Set(gateway.apiRequests.map((request) => request.token)).size).toBe(2);
  });

  it('is renewed when the gateway answers 1203, and the search is sent again and succeeds', async () => {
    const c = client();
    await c.search('device', { orgId: 'o1' });
    gateway.expireTokens();
    const page = await c.search('device', { orgId: 'o1', pagination: { pageSize: 5 } });
    expect(page.records).toHaveLength(5);
    expect(gateway.answers.filter((code) => code === 1203)).toHaveLength(1);
    expect(gateway.tokenRequests).toHaveLength(2);
    const [first, , again] = gateway.apiRequests.map((request) => request.token);
    expect(again).not.toBe(first);
  });

  it('a burst of 1203 answers renews the token once', async () => {
    const c = client();
    await c.search('device', { orgId: 'o1' });
    gateway.expireTokens();
    await Promise.all(Array.from({ length: 10 }, () => c.search('device', { orgId: 'o1' })));
    expect(gateway.tokenRequests).toHaveLength(2);
  });

  it('a second 1203 in a row is an EnosError with code 1203 (renewed once only)', async () => {
    const c = client();
    const expired = {
      httpStatus: 401,
      body: JSON.stringify({ code: 1203, msg: 'expired', requestId: 'r1', data: null }),
    };
    gateway.script.push(expired, expired);
    const error = await c.search('device', { orgId: 'o1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnosError);
    expect(error).toMatchObject({ code: 1203, msg: 'expired', requestId: 'r1', httpStatus: 401 });
    expect(gateway.tokenRequests).toHaveLength(2);
  });

  it('token requests never repeat a timestamp, hence an encryption, even on a frozen clock', async () => {
    const c = client();
    await c.search('device', { orgId: 'o1' });
    for (let i = 0; i < 3; i += 1) {
      gateway.expireTokens();
      await c.search('device', { orgId: 'o1' });
    }
    const timestamps = gateway.tokenRequests.map((request) => request.timestamp);
    expect(new Set(timestamps).size).toBe(timestamps.length);
    expect(gateway.answers).not.toContain(1001);
  });

  it('two clients of one app asking in the same millisecond both get the token (1001 is asked again, later)', async () => {
    const [a, b] = [client(), client()];
    const tokens = await Promise.all([a.accessToken(), b.accessToken()]);
    expect(tokens[0]).toBe(tokens[1]);
    expect(gateway.answers).toContain(1001);
    expect(gateway.tokenRequests).toHaveLength(3);
  });

  it('a refused token request is a TokenError with the token service code, and is not cached', async () => {
    const c = client({ appSecret: 'wrong' });
    const error = await c.search('device', { orgId: 'o1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toBeInstanceOf(EnosError);
    expect(error).toMatchObject({ code: 1003, msg: 'encryption not valid', httpStatus: 200 });
    await c.search('device', { orgId: 'o1' }).catch(() => {});
    expect(gateway.tokenRequests).toHaveLength(2);
    expect(gateway.apiRequests).toHaveLength(0);
  });

  it('an unknown appKey is TokenError 1002', async () => {
    const c = createClient({ baseUrl: gateway.url, appKey: 'nobody', appSecret: APP_SECRET, now: () => clock });
    await expect(c.accessToken()).rejects.toMatchObject({ name: 'TokenError', code: 1002 });
  });

  it('accessToken() gives the cached token', async () => {
    const c = client();
    const token = await c.accessToken();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(await c.accessToken()).toBe(token);
    expect(gateway.tokenRequests).toHaveLength(1);
  });
});
