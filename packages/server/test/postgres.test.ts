/**
 * The server on PostgreSQL: two instances on one database serve the same app with one token (tokens, the replay
 * record and the development app are in the store), and a database that goes away under load is 99500 answers, no
 * crash, and normal answers again when it is back, without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../src/index.js';
import { databases, freshPostgresUrl } from './support/databases.js';
import { createOwnPostgres, ownPostgresAvailable, type OwnPostgres } from './support/own-postgres.js';
import { fetchTransport, injectTransport, SignedClient } from './support/requests.js';

const ORG = 'o15427722038191';
const JOBS = `/connect-service/v2.1/ota-jobs?action=search&orgId=${ORG}`;
const BODY = JSON.stringify({ expression: "status = 'started'", pagination: { pageSize: 5 } });

describe.skipIf(!databases.postgres.available)('two instances on one PostgreSQL', () => {
  let a: StartedServer;
  let b: StartedServer;
  let closeDatabase: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const { url, close } = await freshPostgresUrl();
    closeDatabase = close;
    a = await startServer({ port: 0, database: url, demo: { scale: 0.002 }, logger: false });
    b = await startServer({ port: 0, database: url, logger: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await closeDatabase();
  });

  it('share the development app, its token, and the replay record', async () => {
    expect(b.devApp).toEqual(a.devApp);
    const viaA = new SignedClient(fetchTransport(a.url), a.devApp!);
    const viaB = new SignedClient(fetchTransport(b.url), b.devApp!);
    const token = await viaA.accessToken();
    // B answers the same token while it is valid.
    const again = await viaB.requestToken();
    expect((again.body['data'] as { accessToken: string }).accessToken).toBe(token);
    // One token, requests alternating between the instances.
    const totals = new Set<unknown>();
    for (let i = 0; i < 20; i += 1) {
      const answer = await (i % 2 === 0 ? viaA : viaB).post(JOBS, BODY, { token });
      expect(answer.status).toBe(200);
      expect(answer.body['code']).toBe(0);
      totals.add((answer.body['pagination'] as { totalSize: number }).totalSize);
    }
    expect(totals.size).toBe(1);
    // An encryption used at A is a replay at B.
    const timestamp = Date.now();
    expect((await viaA.requestToken(timestamp)).body['status']).toBe(0);
    expect((await viaB.requestToken(timestamp)).body['status']).toBe(1001);
  });
});

describe.skipIf(!databases.postgres.available || !ownPostgresAvailable())('PostgreSQL stopped under load', () => {
  let pg: OwnPostgres;
  let server: StartedServer;

  beforeAll(async () => {
    pg = createOwnPostgres();
    pg.start();
    server = await startServer({ port: 0, database: pg.url, demo: { scale: 0.002 }, logger: false });
  }, 120_000);
  afterAll(async () => {
    await server?.close().catch(() => {});
    pg?.remove();
  });

  it('answers 99500 while it is down, and normally once it is back, without a restart', async () => {
    const client = new SignedClient(injectTransport(server.app), server.devApp!);
    await client.accessToken();
    const counts = new Map<string, number>();
    let phase: 'before' | 'down' | 'after' = 'before';
    let stop = false;
    const worker = async (): Promise<void> => {
      while (!stop) {
        const answer = await client.post(JOBS, BODY);
        const key = `${phase} ${String(answer.status)} ${String(answer.body['code'])}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (answer.body['code'] === 99500) {
          expect(answer.body).toEqual({
            code: 99500,
            msg: 'Internal server error',
            requestId: expect.any(String),
            data: null,
          });
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    await wait(1000);
    pg.stop();
    phase = 'down';
    await wait(1500);
    const health = await server.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    pg.start();
    phase = 'after';
    await wait(2500);
    stop = true;
    await Promise.all(workers);
    const seen = Object.fromEntries(counts);
    expect(seen['before 200 0'] ?? 0, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen['down 500 99500'] ?? 0, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen['after 200 0'] ?? 0, JSON.stringify(seen)).toBeGreaterThan(0);
    // Nothing but pages and 99500: no other failure, no crash.
    for (const key of counts.keys()) expect(key).toMatch(/ (200 0|500 99500)$/);
    const after = await client.post(JOBS, BODY);
    expect(after.body['code']).toBe(0);
    expect((await server.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  }, 60_000);
});
