/**
 * The bin as users run it: a child process on a free port (first stdout line `listening on …`, then the development
 * keys), signed requests over a real socket, SIGTERM during load (requests in flight finish, new ones are refused,
 * exit 0 within 5 s), and clear refusals to start: a corrupt or read-only SQLite file, a public address without apps.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, startChild, type Child } from './support/child.js';
import { fetchTransport, SignedClient } from './support/requests.js';

const ORG = 'o15427722038191';
const JOBS = `/connect-service/v2.1/ota-jobs?action=search&orgId=${ORG}`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ota-server-process-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the server as a child process', () => {
  let child: Child;

  beforeAll(async () => {
    child = await startChild(['--demo', '--demo-scale', '0.01', '--database', join(dir, 'child.sqlite')]);
  });
  afterAll(async () => {
    if (child.process.exitCode === null) child.process.kill('SIGKILL');
  });

  it('prints the URL first, then the development keys, and answers signed searches', async () => {
    expect(child.stdout().split('\n')[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(child.stdout()).toMatch(/appKey\s+dev-[0-9a-f]+\n\s+appSecret\s+[0-9a-f]{48}\n/);
    const client = new SignedClient(fetchTransport(child.url), child.devApp!);
    const answer = await client.post(JOBS, JSON.stringify({ expression: "status = 'started'" }));
    expect(answer.body).toMatchObject({ code: 0, msg: 'OK', pagination: { sortedBy: null, pageNo: 1, pageSize: 10 } });
    expect((answer.body['data'] as unknown[]).length).toBe(10);
    const health = await fetch(`${child.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'sqlite' });
    // Structured logs on standard error carry the requestId.
    expect(child.stderr()).toContain(`"requestId":"${answer.body['requestId'] as string}"`);
  });

  it("serves the built playground at / and the development app's keys beside it (the README's first command)", async () => {
    const playgroundBuilt = existsSync(
      join(dirname(fileURLToPath(import.meta.url)), '../../playground/dist/index.html'),
    );
    expect(playgroundBuilt, 'packages/playground/dist: npm run build (npm ci) builds it').toBe(true);
    expect(child.stdout().split('\n')[1]).toBe(`playground: ${child.url}/`);
    const page = await fetch(`${child.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const keys = await (await fetch(`${child.url}/dev-app.json`)).json();
    expect(keys).toEqual({
      appKey: child.devApp!.appKey,
      appSecret: child.devApp!.appSecret,
      orgIds: expect.any(Array),
    });
  });

  it('on SIGTERM during load: requests in flight finish, new connections are refused, exit 0 within 5 s', async () => {
    const client = new SignedClient(fetchTransport(child.url), child.devApp!);
    await client.accessToken();
    const body = JSON.stringify({
      expression: "name like 'a' or firmwareName like 'e'",
      pagination: { pageSize: 200 },
    });
    const outcomes: string[] = [];
    const finishedInFlight: number[] = [];
    let signalled = Number.POSITIVE_INFINITY;
    let stop = false;
    const worker = async (): Promise<void> => {
      while (!stop) {
        const started = Date.now();
        try {
          const answer = await client.post(JOBS, body);
          outcomes.push(answer.body['code'] === 0 ? 'ok' : `code ${String(answer.status)}`);
          if (answer.body['code'] === 0 && started < signalled && Date.now() > signalled) finishedInFlight.push(1);
        } catch {
          outcomes.push('refused');
          return;
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const okBefore = outcomes.filter((o) => o === 'ok').length;
    signalled = Date.now();
    child.process.kill('SIGTERM');
    const code = await child.exited;
    const took = Date.now() - signalled;
    stop = true;
    await Promise.all(workers);
    expect(code).toBe(0);
    expect(took).toBeLessThan(5000);
    expect(okBefore).toBeGreaterThan(0);
    // Requests in flight when the signal came were answered in full after it.
    expect(finishedInFlight.length).toBeGreaterThan(0);
    // Every request either had its full answer or was refused at connect: none was cut in the middle (that would
    // be a fetch failure counted as 'refused' too, so check that no answer was a 5xx and the log says so).
    expect(outcomes.filter((o) => o !== 'ok' && o !== 'refused' && o !== 'code 503')).toEqual([]);
    const refusedAfter = await fetch(`${child.url}/health`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(refusedAfter).toBe('refused');
  });
});

describe('refusing to start', () => {
  it('a corrupt SQLite file: a clear message, exit 1', async () => {
    const file = join(dir, 'corrupt.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const run = await runBin(['--port', '0', '--database', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot open the SQLite database .*corrupt\.sqlite: the file is not an SQLite database/);
    expect(run.stdout).toBe('');
  });

  it('a truncated SQLite file (valid header, missing pages): exit 1', async () => {
    const good = join(dir, 'good.sqlite');
    const made = await runBin(['load', '--database', good, '--api', 'ota-job', join(dir, 'none.ndjson')]);
    expect(made.code).toBe(2); // the file to load is missing; the database was not even opened
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(good);
    db.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (hex(randomblob(3000)));');
    for (let i = 0; i < 8; i += 1) db.exec('INSERT INTO t SELECT hex(randomblob(3000)) FROM t');
    db.close();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    // Overwrite the middle of the file: the header is intact, the b-tree pages are not.
    bytes.fill(0xff, 4096 * 3, bytes.length - 4096 * 2);
    writeFileSync(good, bytes);
    const run = await runBin(['--port', '0', '--database', good], 20_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot open the SQLite database .*(corrupt|malformed|not an SQLite)/);
  });

  it('a read-only SQLite file: a clear message, exit 1', async () => {
    const file = join(dir, 'readonly.sqlite');
    const first = await runBin(['load', '--database', file, '--api', 'ota-job', '/dev/null']);
    expect(first.code).toBe(0);
    chmodSync(file, 0o444);
    const run = await runBin(['--port', '0', '--database', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/readonly\.sqlite: the file is read-only/);
  });

  it('a public address without an apps file: exit 2', async () => {
    const run = await runBin(['--host', '0.0.0.0', '--port', '0', '--database', join(dir, 'public.sqlite')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/loopback only/);
  });

  it('a bad apps file, a bad option: exit 2', async () => {
    const apps = join(dir, 'apps.json');
    writeFileSync(apps, JSON.stringify([{ appKey: 'a', appSecret: 'short', orgIds: ['o1'] }]));
    const badApps = await runBin(['--apps', apps, '--port', '0', '--database', join(dir, 'apps.sqlite')]);
    expect(badApps.code).toBe(2);
    expect(badApps.stderr).toMatch(/entry 0: appSecret must be a string of at least 8 characters/);
    const badOption = await runBin(['--colour', 'blue']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/Unknown option '--colour'/);
  });
});
