/**
 * The README's "serve a search endpoint" example, run as written: the block is taken from README.md, started as a
 * process against a fresh database on the test PostgreSQL server, and asked the seed page's three request samples.
 * It reaches the database through a TCP proxy that the test can stop, so that the database goes away under the
 * running server (ECONNREFUSED for new connections, broken idle ones) without stopping the shared test server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql, insertRow } from '../src/index.js';
import type { JobInfo } from '../src/apis/ota-job/job-info.js';
import { seedJob } from './fixtures/seed-job.js';
import { databases, openPostgres } from './support/databases.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function readmeEndpointBlock(): string {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### Serve a search endpoint'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README has no js block under "Serve a search endpoint"');
  return match[1]!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A TCP port that forwards to the database; `stop()` refuses new connections and cuts the open ones. */
class DatabaseProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = 0): Promise<number> {
    const server = createServer((client) => {
      const upstream = this.target.host.startsWith('/')
        ? connect(`${this.target.host}/.s.PGSQL.${this.target.port}`)
        : connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve) => {
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe.skipIf(!databases.postgres.available)('README: serve a search endpoint', () => {
  let close: () => Promise<void> = async () => {};
  let server: ChildProcess | undefined;
  let proxy: DatabaseProxy;
  let proxyPort = 0;
  let serverLog = '';
  let base = '';

  beforeAll(async () => {
    const opened = await openPostgres();
    close = opened.close;
    const { client } = opened;
    for (const statement of createTableSql('postgres')) await client.query(statement);
    const jobs = [
      seedJob('yourJobId', 1591171274788),
      seedJob('otherJob', 1591171274000, {
        productKey: 'other',
        firmwareName: { defaultValue: 'firmware2', i18nValue: {} },
      }),
      seedJob('foreignJob', 1591171275000, { orgId: 'YourOrgId' }),
    ];
    for (const job of jobs) {
      const { sql, params } = insertRow(job, { dialect: 'postgres' });
      await client.query(sql, params);
    }
    mkdirSync(`${root}.tmp`, { recursive: true });
    const file = `${root}.tmp/readme-endpoint-${process.pid}.mjs`;
    writeFileSync(file, readmeEndpointBlock());
    const port = await freePort();
    const params = client as unknown as { host: string; port: number; user: string; database: string };
    proxy = new DatabaseProxy({ host: params.host, port: params.port });
    proxyPort = await proxy.start();
    server = spawn(process.execPath, [file], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        PGHOST: '127.0.0.1',
        PGPORT: String(proxyPort),
        PGUSER: params.user,
        PGDATABASE: params.database,
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      serverLog += chunk.toString('utf8');
    });
    base = `http://127.0.0.1:${port}/connect-service/v2.1/ota-jobs?action=search`;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      try {
        await fetch(base, { method: 'POST', body: '{}' });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error('the README endpoint did not start');
  });

  afterAll(async () => {
    server?.kill();
    await proxy?.stop();
    await close();
  });

  const post = async (query: string, body: unknown): Promise<Record<string, unknown>> =>
    (await (await fetch(`${base}${query}`, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<
      string,
      unknown
    >;

  it.each([
    [{ expression: "productKey='yourProductKey'", pagination: { pageNo: 1, pageSize: 5 } }, ['yourJobId'], 5],
    [{ expression: "firmwareName like 'firmware1'", pagination: { pageNo: 1, pageSize: 5 } }, ['yourJobId'], 5],
    [{ expression: "name like 'name' and firmwareName like 'firmware1'" }, ['yourJobId'], 10],
  ])('seed sample %j', async (body, jobIds, pageSize) => {
    const answer = await post('&orgId=yourOrgId', body);
    expect(answer).toMatchObject({
      code: 0,
      msg: 'OK',
      pagination: { sortedBy: null, pageNo: 1, pageSize, totalSize: jobIds.length },
    });
    expect((answer.data as JobInfo[]).map((job) => job.jobId)).toEqual(jobIds);
    expect((answer.data as JobInfo[])[0]).toEqual(seedJob('yourJobId', 1591171274788));
  });

  it('answers bad requests with the 99400 form', async () => {
    expect(await post('&orgId=yourOrgId', { expression: "name = 'x'" })).toMatchObject({
      code: 99400,
      msg: 'Do not allow operator op =, allowed op [like]',
      data: null,
    });
    expect(await post('', {})).toMatchObject({ code: 99400, msg: 'orgId is mandatory' });
    expect(await post('&orgId=yourOrgId', { pagination: { pageSize: 201 } })).toMatchObject({ code: 99400 });
  });

  it('answers 99500 while the database is unreachable, and keeps serving when it is back', async () => {
    const body = { expression: "productKey='yourProductKey'" };
    expect(await post('&orgId=yourOrgId', body)).toMatchObject({ code: 0 }); // the pool holds an idle connection
    await proxy.stop(); // the idle connection breaks; new ones are refused (ECONNREFUSED)
    await new Promise((resolve) => setTimeout(resolve, 100));
    const failed = await post('&orgId=yourOrgId', body);
    expect(failed).toEqual({ code: 99500, msg: 'Internal server error', requestId: expect.any(String), data: null });
    expect(server?.exitCode).toBeNull();
    expect(serverLog).toMatch(/failed: .*ECONNREFUSED/);
    await proxy.start(proxyPort);
    expect(await post('&orgId=yourOrgId', body)).toMatchObject({ code: 0, data: [{ jobId: 'yourJobId' }] });
    expect(server?.exitCode).toBeNull();
  });
});
