/**
 * Bad input of every kind the issue lists (and more): each answered in EnOS's error form `{ code, msg, requestId,
 * data: null }` with the right HTTP status, none leaking a stack trace or SQL text, and the server still serving
 * after each. Signed correctly, so that what is judged is the input, not the authentication.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../src/index.js';
import { injectTransport, SignedClient } from './support/requests.js';

const ORG = 'o15427722038191';
const JOBS = `/connect-service/v2.1/ota-jobs?action=search&orgId=${ORG}`;
const RULES = `/event-service/v2.1/alert-rules?action=search&orgId=${ORG}`;
const COMMANDS = `/connect-service/v2.1/commands?action=search&orgId=${ORG}`;
const DEVICES = `/connect-service/v2.4/devices?action=search&orgId=${ORG}`;
// Stack frames, SQL (upper-case keywords, quoted identifiers), driver names and source paths.
const LEAK = /\n\s+at |\bSELECT |\bINSERT INTO|\bFROM "|\bWHERE |node_modules|\.[jt]s:\d|SQLITE|sqlite_|stack trace/;

interface Case {
  readonly name: string;
  readonly url?: string;
  readonly body: string | Buffer;
  readonly headers?: Record<string, string>;
  readonly status: number;
  readonly code: number;
  readonly msg?: RegExp;
}

const deep = (depth: number, open: string, close: string, inner = '1'): string =>
  open.repeat(depth) + inner + close.repeat(depth);
const json = (value: unknown): string => JSON.stringify(value);
const expression = (text: string): string => json({ expression: text });

const CASES: Case[] = [
  { name: 'malformed JSON', body: '{"expression":', status: 400, code: 99400, msg: /not valid JSON/ },
  { name: 'JSON with a trailing comma', body: '{"expression":"",}', status: 400, code: 99400, msg: /not valid JSON/ },
  { name: 'a JSON array body', body: '[]', status: 400, code: 99400, msg: /must be a JSON object, found an array/ },
  { name: 'a JSON string body', body: '"productKey = \'a\'"', status: 400, code: 99400, msg: /found a string/ },
  { name: 'a JSON number body', body: '42', status: 400, code: 99400, msg: /found a number/ },
  { name: 'a JSON null body', body: 'null', status: 400, code: 99400, msg: /found null/ },
  { name: 'a 2 MiB body', body: json({ expression: 'x'.repeat(2 * 1024 * 1024) }), status: 413, code: 99400 },
  { name: '100,000-deep array nesting', body: deep(100_000, '[', ']'), status: 400, code: 99400 },
  {
    name: '100,000-deep object nesting in the expression',
    body: `{"expression":${deep(100_000, '{"a":', '}')}}`,
    status: 200,
    code: 99400,
    msg: /expression must be a string/,
  },
  { name: 'text/plain content type', body: '{}', headers: { 'content-type': 'text/plain' }, status: 415, code: 99400 },
  {
    name: 'form content type',
    body: 'expression=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 99400,
  },
  {
    name: 'non-UTF-8 bytes',
    body: Buffer.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    status: 400,
    code: 99400,
    msg: /not valid UTF-8/,
  },
  { name: 'pageNo 0', body: json({ pagination: { pageNo: 0 } }), status: 200, code: 99400, msg: /pageNo/ },
  { name: 'pageNo -1', body: json({ pagination: { pageNo: -1 } }), status: 200, code: 99400, msg: /pageNo/ },
  { name: 'pageNo 1.5', body: json({ pagination: { pageNo: 1.5 } }), status: 200, code: 99400, msg: /pageNo/ },
  { name: 'pageNo as a string', body: json({ pagination: { pageNo: '1' } }), status: 200, code: 99400, msg: /pageNo/ },
  { name: 'pageSize 0', body: json({ pagination: { pageSize: 0 } }), status: 200, code: 99400, msg: /pageSize/ },
  { name: 'pageSize 201', body: json({ pagination: { pageSize: 201 } }), status: 200, code: 99400, msg: /1 to 200/ },
  { name: 'pageSize 1e9', body: '{"pagination":{"pageSize":1e9}}', status: 200, code: 99400, msg: /pageSize/ },
  { name: 'pageSize true', body: json({ pagination: { pageSize: true } }), status: 200, code: 99400, msg: /pageSize/ },
  { name: 'pagination an array', body: json({ pagination: [] }), status: 200, code: 99400, msg: /pagination/ },
  { name: 'pagination a string', body: json({ pagination: 'x' }), status: 200, code: 99400, msg: /pagination/ },
  {
    name: 'sorters not an array',
    url: RULES,
    body: json({ pagination: { sorters: 'ruleId' } }),
    status: 200,
    code: 99400,
    msg: /sorters must be an array/,
  },
  {
    name: 'a sorter that is not an object',
    url: RULES,
    body: json({ pagination: { sorters: ['ruleId'] } }),
    status: 200,
    code: 99400,
    msg: /sorters\[0\]/,
  },
  {
    name: 'a sorter on a field not listed',
    url: RULES,
    body: json({ pagination: { sorters: [{ field: 'condition' }] } }),
    status: 200,
    code: 99400,
    msg: /field must be one of/,
  },
  {
    name: 'a sorter order in lower case',
    url: RULES,
    body: json({ pagination: { sorters: [{ field: 'ruleId', order: 'asc' }] } }),
    status: 200,
    code: 99400,
    msg: /ASC or DESC/,
  },
  { name: 'expression a number', body: json({ expression: 42 }), status: 200, code: 99400, msg: /must be a string/ },
  { name: 'a syntax error', body: expression('name like'), status: 200, code: 99400, msg: /expected/i },
  { name: 'an unknown field', body: expression("colour = 'red'"), status: 200, code: 99400, msg: /colour/ },
  {
    name: 'an operator not allowed',
    body: expression("name = 'x'"),
    status: 200,
    code: 99400,
    msg: /^Do not allow operator op =, allowed op \[like\]$/,
  },
  {
    name: 'an unknown locale',
    body: expression("name.fr_FR like 'x'"),
    status: 200,
    code: 99400,
    msg: /fr_FR/,
  },
  { name: 'typographic quotes', body: expression('name like ‘x’'), status: 200, code: 99400 },
  {
    name: 'text past 10,000 characters',
    body: expression(`productKey in (${Array.from({ length: 1200 }, (_, i) => `'k${i}'`).join(', ')})`),
    status: 200,
    code: 99400,
  },
  {
    name: '33 nested parentheses',
    body: expression(deep(33, '(', ')', "productKey = 'a'")),
    status: 200,
    code: 99400,
    msg: /nesting|depth/i,
  },
  {
    name: '1,001 values in one in',
    body: expression(`productKey in (${Array.from({ length: 1001 }, (_, i) => `'${i}'`).join(',')})`),
    status: 200,
    code: 99400,
  },
  {
    name: '201 comparisons',
    body: expression(Array.from({ length: 201 }, (_, i) => `productKey = '${i}'`).join(' or ')),
    status: 200,
    code: 99400,
    msg: /comparisons|200/,
  },
  {
    name: 'a datetime that is no calendar time',
    url: COMMANDS,
    body: expression("createTime >= '2023-02-29 10:00:00'"),
    status: 200,
    code: 99400,
  },
  {
    name: 'a map key of two segments',
    url: DEVICES,
    body: expression("deviceTags.a.b = 'x'"),
    status: 200,
    code: 99400,
    msg: /one segment/,
  },
  { name: 'a NUL in a value', body: expression("productKey = 'a\u0000b'"), status: 200, code: 99400 },
  { name: 'a lone surrogate in a value', body: expression("productKey = '\ud800'"), status: 200, code: 99400 },
  {
    name: 'an unknown API',
    url: `/connect-service/v2.1/widgets?action=search&orgId=${ORG}`,
    body: '{}',
    status: 404,
    code: 99404,
  },
  {
    name: 'an unknown action',
    url: `/connect-service/v2.1/ota-jobs?action=delete&orgId=${ORG}`,
    body: '{}',
    status: 404,
    code: 99404,
  },
  { name: 'no action', url: `/connect-service/v2.1/ota-jobs?orgId=${ORG}`, body: '{}', status: 404, code: 99404 },
  {
    name: 'two actions',
    url: `/connect-service/v2.1/ota-jobs?action=search&action=searchTask&orgId=${ORG}`,
    body: '{}',
    status: 404,
    code: 99404,
  },
  {
    name: 'missing orgId',
    url: '/connect-service/v2.1/ota-jobs?action=search',
    body: '{}',
    status: 200,
    code: 99400,
    msg: /^orgId is mandatory$/,
  },
  {
    name: 'an empty orgId',
    url: '/connect-service/v2.1/ota-jobs?action=search&orgId=',
    body: '{}',
    status: 200,
    code: 99400,
    msg: /orgId is mandatory/,
  },
  {
    name: 'orgId twice',
    url: `${JOBS}&orgId=${ORG}`,
    body: '{}',
    status: 200,
    code: 99400,
    msg: /orgId must be given once/,
  },
];

describe('bad input', () => {
  let server: StartedServer;
  let client: SignedClient;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ota-server-bad-'));
    server = await startServer({ port: 0, database: join(dir, 'db.sqlite'), demo: { scale: 0.001 }, logger: false });
    client = new SignedClient(injectTransport(server.app), server.devApp!);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stillServing = async (): Promise<void> => {
    const answer = await client.post(JOBS, expression("status = 'started'"));
    expect(answer.status).toBe(200);
    expect(answer.body['code']).toBe(0);
  };

  it(`has at least 30 kinds (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const answer = await client.post(c.url ?? JOBS, c.body, c.headers === undefined ? {} : { headers: c.headers });
    expect({ status: answer.status, code: answer.body['code'] }, answer.text.slice(0, 300)).toEqual({
      status: c.status,
      code: c.code,
    });
    expect(Object.keys(answer.body).sort()).toEqual(['code', 'data', 'msg', 'requestId']);
    expect(answer.body['data']).toBeNull();
    expect(answer.body['requestId']).toMatch(/^[0-9a-f-]{36}$/);
    const msg = answer.body['msg'] as string;
    expect(typeof msg).toBe('string');
    expect(msg).not.toMatch(LEAK);
    if (c.msg !== undefined) expect(msg).toMatch(c.msg);
    await stillServing();
  });

  it('a GET on a search path, and an unknown path', async () => {
    for (const url of [JOBS, '/nothing/here', '/connect-service/v2.1/ota-jobs/']) {
      const answer = await client.raw('GET', url, undefined, {});
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 99404, data: null, requestId: expect.any(String) });
    }
    await stillServing();
  });

  it('keys named __proto__ and constructor are data, not prototypes', async () => {
    const answer = await client.post(
      JOBS,
      '{"__proto__":{"pagination":{"pageSize":0}},"constructor":{"prototype":{}},"pagination":{"pageSize":2}}',
    );
    expect(answer.body).toMatchObject({ code: 0, pagination: { pageSize: 2 } });
    expect(({} as Record<string, unknown>)['pagination']).toBeUndefined();
  });

  it('an empty body is a search with no filter', async () => {
    const answer = await client.post(JOBS, '');
    expect(answer.body).toMatchObject({ code: 0, pagination: { pageNo: 1, pageSize: 10 } });
  });

  it('malformed HTTP and oversized headers on a real socket get the error form, and the server keeps serving', async () => {
    const port = Number(new URL(server.url).port);
    const rawExchange = (text: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        socket.on('end', () => resolve(out));
        socket.on('error', reject);
        setTimeout(() => {
          socket.destroy();
          resolve(out);
        }, 3000);
      });
    const garbage = await rawExchange('BLAH /\x01 HTTP/9\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 99400, data: null });
    const huge = await rawExchange(`POST ${JOBS} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    expect(huge).toContain('"code":99400');
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'sqlite' });
  });
});

describe('slow clients', () => {
  it('a body or headers that never finish arriving: 408 in the error form, the connection closed', async () => {
    const server = await startServer({ port: 0, database: ':memory:', logger: false, requestTimeoutMs: 1000 });
    try {
      const port = Number(new URL(server.url).port);
      const slow = (text: string): Promise<{ ms: number; out: string }> =>
        new Promise((resolve) => {
          const started = Date.now();
          const socket = connect(port, '127.0.0.1', () => socket.write(text));
          let out = '';
          socket.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
          socket.on('close', () => resolve({ ms: Date.now() - started, out }));
        });
      const body = await slow(
        `POST ${JOBS} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      );
      const headers = await slow(`POST ${JOBS} HTTP/1.1\r\nHost: x\r\nX-Slow: 1`);
      for (const { ms, out } of [body, headers]) {
        expect(out).toMatch(/^HTTP\/1\.1 408/);
        expect(JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 99400, data: null });
        expect(ms).toBeLessThan(5000);
      }
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
