/**
 * The gateway refuses whoever does not belong: bad signatures, expired tokens, replays, stale timestamps, mixed-up
 * apps, other organisations and missing headers each get their code; and under concurrent load from many apps and
 * organisations no response ever holds a record of an organisation the request did not ask for and may not read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRecords, startServer, type AppConfig, type StartedServer } from '../src/index.js';
import { loadRecords } from '../src/load.js';
import { ROUTES_BY_NAME } from '../src/routes.js';
import { openStore } from '../src/store/open.js';
import { createTables } from '../src/tables.js';
import { injectTransport, random, SignedClient } from './support/requests.js';

const ORGS = Array.from({ length: 10 }, (_, i) => `org${i}`);
const APPS: AppConfig[] = Array.from({ length: 8 }, (_, i) => ({
  appKey: `app-${i}`,
  appSecret: `secret-of-app-${i}-${'x'.repeat(i)}`,
  orgIds: [ORGS[i]!, ORGS[(i + 3) % ORGS.length]!, ...(i % 2 === 0 ? [ORGS[(i + 7) % ORGS.length]!] : [])],
}));
const JOBS = '/connect-service/v2.1/ota-jobs';
const url = (orgId: string): string => `${JOBS}?action=search&orgId=${orgId}`;

describe('the gateway', () => {
  let server: StartedServer;
  let dir: string;
  let clock = Date.now();
  const clients = new Map<string, SignedClient>();
  const client = (index: number): SignedClient => clients.get(APPS[index]!.appKey)!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ota-server-security-'));
    const database = join(dir, 'db.sqlite');
    // 3,000 OTA jobs spread over ten organisations, so that every org has records another may not see.
    const store = openStore(database);
    await createTables(store);
    const jobs = demoRecords('ota-job', { scale: 0.03 }).map((job, i) => ({ ...job, orgId: ORGS[i % ORGS.length]! }));
    const report = await loadRecords(
      store,
      ROUTES_BY_NAME.get('ota-job')!,
      jobs.map((record, i) => ({ line: i + 1, record })),
    );
    expect(report.bad).toEqual([]);
    await store.close();
    server = await startServer({ port: 0, database, apps: APPS, logger: false, now: () => clock });
    for (const app of APPS) clients.set(app.appKey, new SignedClient(injectTransport(server.app), app));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues one token per app while it is valid, with the time it has left', async () => {
    const first = await client(0).requestToken(clock);
    expect(first.body).toMatchObject({ status: 0, msg: 'SUCCESS', business: 'apim-token-service' });
    expect((first.body['data'] as { expire: number }).expire).toBe(7200);
    clock += 10_000;
    const second = await client(0).requestToken(clock);
    expect(second.body['data']).toEqual({
      accessToken: (first.body['data'] as { accessToken: string }).accessToken,
      expire: 7190,
    });
    const other = await client(1).requestToken(clock);
    expect((other.body['data'] as { accessToken: string }).accessToken).not.toBe(
      (first.body['data'] as { accessToken: string }).accessToken,
    );
  });

  it('refuses bad token requests with the documented codes', async () => {
    const post = (body: unknown) =>
      client(0).raw('POST', '/apim-token-service/v2.0/token/get', JSON.stringify(body), {
        'content-type': 'application/json',
      });
    expect((await post({ appKey: 'nobody', encryption: 'a'.repeat(64), timestamp: clock })).body).toMatchObject({
      status: 1002,
    });
    expect((await post({ appKey: 'app-0', encryption: 'a'.repeat(64), timestamp: clock })).body).toMatchObject({
      status: 1003,
    });
    expect((await post({ appKey: 'app-0', timestamp: clock })).body).toMatchObject({ status: 1202 });
    expect((await post({ appKey: '', encryption: 'x', timestamp: clock })).body).toMatchObject({ status: 1202 });
    // The right encryption with a timestamp 6 minutes off: refused before it is recorded.
    expect((await client(0).requestToken(clock - 6 * 60_000)).body).toMatchObject({ status: 1003 });
    expect((await client(0).requestToken(clock + 6 * 60_000)).body).toMatchObject({ status: 1003 });
    // A replayed encryption.
    const time = clock + 1;
    expect((await client(2).requestToken(time)).body).toMatchObject({ status: 0 });
    expect((await client(2).requestToken(time)).body).toMatchObject({
      status: 1001,
      msg: 'repeated request with a duplicated encryption',
    });
    // The encryption of app 0 made with app 1's secret.
    expect((await client(0).requestToken(clock + 2, APPS[1]!.appSecret)).body).toMatchObject({ status: 1003 });
  });

  it('refuses API requests that are not signed right', async () => {
    const body = JSON.stringify({ expression: "status = 'started'" });
    const ok = await client(0).post(url('org0'), body, { timestamp: clock });
    expect(ok.body).toMatchObject({ code: 0 });
    const refused = async (answer: Promise<{ status: number; body: Record<string, unknown> }>, code: number) => {
      const { status, body: got } = await answer;
      expect({ status, code: got['code'], data: got['data'] }).toEqual({ status: 401, code, data: null });
      expect(got['requestId']).toEqual(expect.any(String));
    };
    await refused(client(0).post(url('org0'), body, { timestamp: clock, secret: 'wrong-secret' }), 99403);
    // App 0's token signed with app 1's secret.
    await refused(client(0).post(url('org0'), body, { timestamp: clock, secret: APPS[1]!.appSecret }), 99403);
    // App 1 using app 0's token with its own secret.
    const tokenOf0 = await client(0).accessToken();
    await refused(client(1).post(url('org1'), body, { timestamp: clock, token: tokenOf0 }), 99403);
    await refused(client(0).post(url('org0'), body, { timestamp: clock, token: 'f'.repeat(64) }), 99403);
    await refused(client(0).post(url('org0'), body, { timestamp: clock, token: "x' OR 1=1 --" }), 99403);
    await refused(client(0).post(url('org0'), body, { timestamp: clock - 6 * 60_000 }), 99403);
    await refused(client(0).post(url('org0'), body, { timestamp: clock + 6 * 60_000 }), 99403);
    await refused(
      client(0).post(url('org0'), body, { timestamp: clock, headers: { 'apim-timestamp': 'yesterday' } }),
      99403,
    );
    for (const header of ['apim-accesstoken', 'apim-timestamp', 'apim-signature']) {
      await refused(client(0).post(url('org0'), body, { timestamp: clock, omit: [header] }), 1202);
    }
    // Signed, then changed: the body, a query parameter.
    const signed = await client(0).post(url('org0'), body, { timestamp: clock, omit: [] });
    expect(signed.body['code']).toBe(0);
    const token = await client(0).accessToken();
    const { requestSignature } = await import('../src/signing.js');
    const signature = requestSignature({
      accessToken: token,
      query: new URL(url('org0'), 'http://x').searchParams,
      body,
      timestamp: clock,
      appSecret: APPS[0]!.appSecret,
    });
    const headers = {
      'content-type': 'application/json',
      'apim-accesstoken': token,
      'apim-timestamp': String(clock),
      'apim-signature': signature,
    };
    expect((await client(0).raw('POST', url('org0'), body, headers)).body['code']).toBe(0);
    expect((await client(0).raw('POST', url('org0'), body.replace('started', 'stopped'), headers)).status).toBe(401);
    expect((await client(0).raw('POST', url('org3'), body, headers)).status).toBe(401);
  });

  it("refuses another organisation's orgId with 99403", async () => {
    const answer = await client(0).post(url('org1'), '{}', { timestamp: clock });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 99403, data: null });
  });

  it('answers 1203 to an expired token, and a new token works', async () => {
    const expired = new SignedClient(injectTransport(server.app), APPS[5]!);
    const first = await expired.requestToken(clock);
    const token = (first.body['data'] as { accessToken: string }).accessToken;
    clock += 7201 * 1000;
    const answer = await expired.post(url('org5'), '{}', { timestamp: clock, token });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 1203, msg: 'the access token has expired', data: null });
    const renewed = await expired.requestToken(clock);
    const fresh = (renewed.body['data'] as { accessToken: string }).accessToken;
    expect(fresh).not.toBe(token);
    expect((await expired.post(url('org5'), '{}', { timestamp: clock, token: fresh })).body['code']).toBe(0);
    // The other clients' tokens expired too: forget them.
    for (const app of APPS) clients.set(app.appKey, new SignedClient(injectTransport(server.app), app));
  });

  it('a server without apps refuses to listen beyond loopback', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, database: ':memory:', logger: false })).rejects.toThrow(
      /loopback only/,
    );
  });

  it('never answers with a record of another organisation (10,000 concurrent random requests)', async () => {
    clock = Date.now();
    const r = random(2024);
    let records = 0;
    let refusals = 0;
    let pages = 0;
    const one = async (): Promise<void> => {
      const appIndex = r.int(APPS.length);
      const app = APPS[appIndex]!;
      const orgId = r.chance(0.85) ? r.pick(app.orgIds) : r.pick(ORGS);
      const allowed = app.orgIds.includes(orgId);
      const body = JSON.stringify({
        expression: r.pick(["status = 'started'", "type = 'upgrade'", "name like 'a'", '', "firmwareName like '1'"]),
        pagination: { pageNo: 1 + r.int(5), pageSize: r.pick([10, 20, 50]) },
      });
      const answer = await client(appIndex).post(url(orgId), body, { timestamp: clock });
      if (!allowed) {
        expect(answer.status).toBe(403);
        expect(answer.body['data']).toBeNull();
        refusals += 1;
        return;
      }
      expect(answer.body['code']).toBe(0);
      const data = answer.body['data'] as { orgId: string }[];
      for (const record of data) {
        if (record.orgId !== orgId) throw new Error(`org ${orgId} got a record of ${record.orgId}`);
      }
      records += data.length;
      pages += 1;
    };
    const TOTAL = 10_000;
    const CONCURRENCY = 64;
    let started = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started < TOTAL) {
          started += 1;
          await one();
        }
      }),
    );
    expect(pages + refusals).toBe(TOTAL);
    expect(refusals).toBeGreaterThan(300);
    expect(records).toBeGreaterThan(50_000);
  }, 120_000);
});
