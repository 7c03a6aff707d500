/**
 * ota-expr/client against the reference server (packages/server, in-process, SQLite, demo data): every built-in
 * API answers the page `searchRecords` gives over the same demo records; builder trees; paging to the end; the
 * server's refusals as typed errors; a token the server expired (1203) renewed once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_ROUTES,
  createClient,
  EnosError,
  RemoteExpressionError,
  type ApiName,
  type EnosClient,
} from '../../src/client.js';
import { queryBuilder, schemas } from '../../src/core.js';
import { searchRecords } from '../../src/search.js';
import { demoRecords, startServer, type StartedServer } from '../../packages/server/src/index.js';

const SCALE = 0.004;
let server: StartedServer;
let client: EnosClient;
let orgId: string;
let dir: string;
let serverClockAhead = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ota-client-e2e-'));
  server = await startServer({
    port: 0,
    database: join(dir, 'db.sqlite'),
    demo: { scale: SCALE },
    logger: false,
    tokenLifetimeSeconds: 2,
    now: () => Date.now() + serverClockAhead,
  });
  const app = server.devApp!;
  orgId = app.orgIds[0]!;
  client = createClient({ baseUrl: server.url, appKey: app.appKey, appSecret: app.appSecret });
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the client against the reference server', () => {
  it.each(Object.keys(API_ROUTES) as ApiName[])(
    '%s: the page searchRecords gives over the demo records',
    async (name) => {
      const request = { orgId, pagination: { pageNo: 1, pageSize: 7 } };
      const page = await client.search(name, request);
      const expected = searchRecords(demoRecords(name, { scale: SCALE }), request, { schema: schemas[name] });
      expect(expected.code).toBe(0);
      if (expected.code !== 0) return;
      expect(page.pagination).toEqual(expected.pagination);
      expect(page.records).toEqual(expected.data);
      expect(page.pagination.totalSize).toBeGreaterThan(0);
    },
  );

  it('a builder tree over map fields, and searchAll to the last page', async () => {
    const q = queryBuilder(schemas.device);
    const first = (await client.search('device', { orgId, pagination: { pageSize: 1 } })).records[0]!;
    const filter = q.or(
      q.where('productKey').eq(first.productKey ?? ''),
      q.where('deviceKey').eq(first.deviceKey ?? ''),
    );
    const page = await client.search('device', { orgId, expression: filter });
    expect(page.records.map((device) => device.assetId)).toContain(first.assetId);
    const all = [];
    for await (const device of client.searchAll('device', { orgId, pagination: { pageSize: 50 } }))
      all.push(device.assetId);
    const total = (await client.search('device', { orgId })).pagination.totalSize;
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
  });

  it("99400 from the server is a RemoteExpressionError; another organisation's orgId is EnosError 99403", async () => {
    const unchecked = createClient({ baseUrl: server.url, ...server.devApp!, validate: false });
    const error = await unchecked.search('ota-job', { orgId, expression: "name = 'x'" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteExpressionError);
    expect(error).toMatchObject({ code: 99400, msg: 'Do not allow operator op =, allowed op [like]' });
    expect((error as RemoteExpressionError).diagnostics[0]).toMatchObject({
      kind: 'operator-not-allowed',
      start: 5,
      end: 6,
    });
    const denied = await client.search('ota-job', { orgId: 'o-not-mine' }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(EnosError);
    expect(denied).toMatchObject({ code: 99403 });
    expect([401, 403]).toContain((denied as EnosError).httpStatus);
    expect((denied as EnosError).requestId).toMatch(/./);
  });

  it('a token the server has expired (1203) is renewed and the search sent again', async () => {
    const fresh = createClient({ baseUrl: server.url, ...server.devApp! });
    const token = await fresh.accessToken();
    serverClockAhead = 3_000; // the server's 2 s token is over; the client, on its own clock, still trusts it
    try {
      const page = await fresh.search('ota-job', { orgId });
      expect(page.pagination.totalSize).toBeGreaterThan(0);
      expect(await fresh.accessToken()).not.toBe(token);
    } finally {
      serverClockAhead = 0;
    }
  });
});
