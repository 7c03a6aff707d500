/**
 * The client at the edges of SPEC §10 and of its own options, against a scripted `fetch` (no server): the defaults
 * (timeout, renewal margin), the timestamps it signs, the answers EnOS may give (status instead of code, no msg, a
 * body that is not JSON), the token service's answers (lifetime, refusals, repeated encryptions), the pages the
 * iterators stop at, and runtimes that lack a web global.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  ENOS_ERROR_CODES,
  EnosError,
  ExpressionError,
  RemoteExpressionError,
  TokenError,
  type AbortSignalLike,
  type FetchLike,
} from '../../src/client.js';
import {
  BASE,
  options,
  page,
  scripted,
  settle,
  TOKEN_URL,
  tokenAnswer,
  type Answer,
  type Sent,
} from './scripted-fetch.js';

const DEVICES_URL = `${BASE}/connect-service/v2.4/devices?action=search&orgId=o1`;
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('createClient refuses bad options with a TypeError naming them', () => {
  it.each([
    [null, 'createClient: options must be an object'],
    ['https://gw', 'createClient: options must be an object'],
    [{ baseUrl: BASE, appKey: 'ak' }, 'createClient: options.appSecret must be a non-empty string'],
    [{ baseUrl: BASE, appKey: 5, appSecret: 'sk' }, 'createClient: options.appKey must be a non-empty string'],
    [
      { ...options, baseUrl: 'gw.example' },
      'createClient: options.baseUrl must be an http or https URL, found "gw.example"',
    ],
    [
      { ...options, baseUrl: 'xhttps://gw' },
      'createClient: options.baseUrl must be an http or https URL, found "xhttps://gw"',
    ],
    [{ ...options, now: 5 }, 'createClient: options.now must be a function'],
    [
      { ...options, timeoutMs: Number.NaN },
      'createClient: options.timeoutMs must be a number of milliseconds, at least 0',
    ],
    [{ ...options, timeoutMs: '100' }, 'createClient: options.timeoutMs must be a number of milliseconds, at least 0'],
    [
      { ...options, renewBeforeMs: -1 },
      'createClient: options.renewBeforeMs must be a number of milliseconds, at least 0',
    ],
    [
      { ...options, renewBeforeMs: Number.POSITIVE_INFINITY },
      'createClient: options.renewBeforeMs must be a number of milliseconds, at least 0',
    ],
  ])('%j', (bad, message) => {
    expect(() => createClient(bad as never)).toThrow(new TypeError(message));
  });

  it.each([
    { ...options, baseUrl: 'HTTPS://GW.EXAMPLE' },
    { ...options, baseUrl: 'http://gw.example' },
    { ...options, timeoutMs: 0, renewBeforeMs: 0 },
  ])('accepts %j', (good) => {
    expect(() => createClient({ ...good, fetch: scripted(() => page()).fetch })).not.toThrow();
  });
});

describe('defaults', () => {
  it('a request is given up after 30 s by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let reached: () => void = () => {};
    const hanging = new Promise<void>((resolve) => (reached = resolve));
    const gateway = scripted(() => {
      reached();
      return 'hang';
    });
    const result = settle(createClient({ ...options, fetch: gateway.fetch }).search('device', { orgId: 'o1' }));
    await hanging;
    let settled = false;
    void result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toMatchObject({ name: 'TimeoutError', message: 'EnOS request timed out after 30000 ms' });
  });

  it('timeoutMs 0 never gives a request up; the caller’s signal still ends it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let reached: () => void = () => {};
    const hanging = new Promise<void>((resolve) => (reached = resolve));
    const gateway = scripted(() => {
      reached();
      return 'hang';
    });
    const controller = new AbortController();
    const result = settle(
      createClient({ ...options, fetch: gateway.fetch, timeoutMs: 0 }).search('device', {
        orgId: 'o1',
        signal: controller.signal,
      }),
    );
    await hanging;
    let settled = false;
    void result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(settled).toBe(false);
    controller.abort(new Error('enough'));
    expect(await result).toMatchObject({ message: 'enough' });
  });

  it('the token is renewed 60 s before it expires by default', async () => {
    let clock = 1_700_000_000_000;
    let issued = 0;
    const gateway = scripted(
      () => page(),
      () => tokenAnswer(`t${(issued += 1)}`),
    );
    const client = createClient({ ...options, fetch: gateway.fetch, now: () => clock });
    await client.search('device', { orgId: 'o1' });
    clock += 7200_000 - 60_000 - 2;
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(1);
    clock += 2;
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(2);
    expect(gateway.api().map((request) => request.headers['apim-accesstoken'])).toEqual(['t1', 't1', 't2']);
  });
});

describe('what is signed and sent', () => {
  it('timestamps are whole milliseconds of the clock, strictly increasing even when it stands still', async () => {
    const gateway = scripted(() => page());
    const client = createClient({ ...options, fetch: gateway.fetch, now: () => 1_700_000_000_000.75 });
    await client.search('device', { orgId: 'o1' });
    await client.search('device', { orgId: 'o1' });
    const [token] = gateway.tokens();
    expect(JSON.parse(token!.body)).toEqual({
      appKey: 'ak',
      encryption: sha256('ak1700000000000sk'),
      timestamp: 1_700_000_000_000,
    });
    expect(token!.headers).toEqual({ 'content-type': 'application/json;charset=UTF-8' });
    expect(gateway.api().map((request) => request.headers['apim-timestamp'])).toEqual([
      '1700000000001',
      '1700000000002',
    ]);
  });

  it('a search: the URL, the headers, the body, and the signature over query, body, timestamp and secret', async () => {
    const gateway = scripted(() => page());
    const client = createClient({ ...options, fetch: gateway.fetch, now: () => 1000 });
    await client.search('device', { orgId: 'o1', expression: "productKey = 'p'", query: { b: '2', a: '1' } });
    const [request] = gateway.api();
    const body = JSON.stringify({ expression: "productKey = 'p'" });
    expect(request).toMatchObject({ url: `${DEVICES_URL}&b=2&a=1`, body, method: 'POST' });
    expect(gateway.tokens()[0]).toMatchObject({ method: 'POST' });
    expect(request!.headers).toEqual({
      'content-type': 'application/json;charset=UTF-8',
      'apim-accesstoken': 't1',
      'apim-timestamp': '1001',
      'apim-signature': sha256(`t1a1actionsearchb2orgIdo1${body}1001sk`),
    });
  });

  it('call without query or body: the bare path, an empty body, signed as such', async () => {
    const gateway = scripted(() => ({ body: { code: 0, msg: 'OK', data: { ok: true } } }));
    const client = createClient({ ...options, baseUrl: `${BASE}//`, fetch: gateway.fetch, now: () => 1000 });
    expect(await client.call({ path: 'some/api' })).toEqual({ code: 0, msg: 'OK', data: { ok: true } });
    const [request] = gateway.api();
    expect(request).toMatchObject({ url: `${BASE}/some/api`, body: '' });
    expect(request!.headers['apim-signature']).toBe(sha256('t11001sk'));
  });

  it('call with a query and a body: the query in the given order, the body as JSON', async () => {
    const gateway = scripted(() => ({ body: { code: 0 } }));
    const client = createClient({ ...options, fetch: gateway.fetch });
    await client.call({ path: '/x', query: { z: '1', 'a b': '2&3' }, body: { n: 1 } });
    expect(gateway.api()[0]).toMatchObject({ url: `${BASE}/x?z=1&a%20b=2%263`, body: '{"n":1}' });
  });
});

describe('EnOS answers', () => {
  const call = (answers: Answer[]) => {
    const gateway = scripted(() => answers.shift() ?? page());
    return { gateway, result: settle(createClient({ ...options, fetch: gateway.fetch }).call({ path: '/x' })) };
  };

  it('status 0 (the token service’s field, some gateway answers) is success like code 0', async () => {
    expect(await call([{ body: { status: 0, data: 1 } }]).result).toEqual({ status: 0, data: 1 });
  });

  it('a 1203 given as status renews the token and sends again', async () => {
    const { gateway, result } = call([{ status: 401, body: { status: 1203, msg: 'expired' } }, { body: { code: 0 } }]);
    expect(await result).toEqual({ code: 0 });
    expect(gateway.tokens()).toHaveLength(2);
    expect(gateway.api()).toHaveLength(2);
  });

  it.each([
    [{ code: 5 }, 'EnOS 5: unexpected answer (HTTP 200): {"code":5}'],
    [null, 'unexpected answer (HTTP 200): null'],
    [[1], 'unexpected answer (HTTP 200): [1]'],
    [{ code: '0', msg: 'OK' }, 'OK'],
    [{ msg: 42, requestId: 7 }, 'unexpected answer (HTTP 200): {"msg":42,"requestId":7}'],
  ])('%j: EnosError %s, no requestId', async (body, message) => {
    const error = await call([{ body }]).result;
    expect(error).toBeInstanceOf(EnosError);
    expect(error).toMatchObject({ message, requestId: undefined, httpStatus: 200 });
  });

  it('an unexpected answer is quoted to its first 200 characters', async () => {
    const body = { code: 7, text: 'x'.repeat(300) };
    const error = (await call([{ body }]).result) as EnosError;
    expect(error.msg).toBe(`unexpected answer (HTTP 200): ${JSON.stringify(body).slice(0, 200)}`);
  });

  it.each([
    ['x'.repeat(200), 'x'.repeat(200)],
    ['y'.repeat(201), `${'y'.repeat(200)}…`],
  ])('a body that is not JSON is quoted to 200 characters (%#)', async (text, shown) => {
    const error = await call([{ status: 502, body: text }]).result;
    expect(error).toMatchObject({
      code: null,
      httpStatus: 502,
      message: `HTTP 502 from ${BASE}/x with a body that is not JSON: ${shown}`,
    });
  });

  it('99400: a RemoteExpressionError with the library’s own diagnostics for the expression, or EnOS’s message', async () => {
    const refusal = { body: { code: 99400, msg: 'refused', requestId: 'r4' } };
    const gateway = scripted(() => refusal);
    const client = createClient({ ...options, fetch: gateway.fetch, validate: false });
    const withExpression = await settle(client.search('device', { orgId: 'o1', expression: "deviceName = 'x'" }));
    expect(withExpression).toBeInstanceOf(RemoteExpressionError);
    expect((withExpression as RemoteExpressionError).diagnostics.map((d) => d.kind)).toEqual(['operator-not-allowed']);
    const without = await settle(client.search('device', { orgId: 'o1' }));
    expect(without).toMatchObject({ msg: 'refused', requestId: 'r4', httpStatus: 200 });
    expect((without as RemoteExpressionError).diagnostics).toEqual([
      {
        code: 99400,
        severity: 'error',
        kind: 'invalid-input',
        message: 'refused',
        start: 0,
        end: 0,
        line: 1,
        column: 1,
      },
    ]);
  });

  it('99400 on call: a RemoteExpressionError holding EnOS’s message (call has no expression to check)', async () => {
    const error = await call([{ body: { code: 99400, msg: 'bad body', requestId: 'rc' } }]).result;
    expect(error).toBeInstanceOf(RemoteExpressionError);
    expect(error).toMatchObject({
      msg: 'bad body',
      requestId: 'rc',
      diagnostics: [{ kind: 'invalid-input', message: 'bad body' }],
    });
  });

  it('99400 for an expression with warnings only: the diagnostic is EnOS’s message, not the warnings', async () => {
    const gateway = scripted(() => ({ body: { code: 99400, msg: 'refused' } }));
    const client = createClient({ ...options, fetch: gateway.fetch, validate: false });
    const error = await settle(client.search('device', { orgId: 'o1', expression: "status = 'sleeping'" }));
    expect((error as RemoteExpressionError).diagnostics.map((d) => [d.severity, d.kind, d.message])).toEqual([
      ['error', 'invalid-input', 'refused'],
    ]);
  });

  it('a page whose pagination is not an object is an EnosError', async () => {
    const broken = scripted(() => ({ body: { code: 0, data: [], pagination: 'p' } }));
    expect(
      await settle(createClient({ ...options, fetch: broken.fetch }).search('device', { orgId: 'o1' })),
    ).toMatchObject({
      code: null,
      msg: 'a search answer without data[] and pagination',
      requestId: undefined,
    });
  });

  it('a page without a requestId has the empty one; a malformed page’s error keeps EnOS’s', async () => {
    const gateway = scripted(() => page({ requestId: undefined }));
    expect(await createClient({ ...options, fetch: gateway.fetch }).search('device', { orgId: 'o1' })).toMatchObject({
      requestId: '',
      records: [],
    });
    const broken = scripted(() => ({ body: { code: 0, requestId: 'rb', data: [], pagination: null } }));
    expect(
      await settle(createClient({ ...options, fetch: broken.fetch }).search('device', { orgId: 'o1' })),
    ).toMatchObject({
      code: null,
      msg: 'a search answer without data[] and pagination',
      requestId: 'rb',
    });
  });
});

describe('ENOS_ERROR_CODES', () => {
  it('says what each documented code means, and cannot be changed', () => {
    expect(ENOS_ERROR_CODES).toEqual({
      1001: 'repeated request with a duplicated encryption',
      1002: 'the appKey does not exist',
      1003: 'the encryption is not valid',
      1004: 'invalid parameter',
      1005: 'internal service exception',
      1202: 'a parameter is empty',
      1203: 'the access token has expired',
      1204: 'failed to refresh the access token',
      99400: 'invalid request parameter',
      99403: 'forbidden: signature, token, timestamp or organisation refused',
      99404: 'no such API',
      99500: 'internal error of the service',
    });
    expect(Object.isFrozen(ENOS_ERROR_CODES)).toBe(true);
  });

  it('an error names itself: EnosError, TokenError, RemoteExpressionError', () => {
    const answer = { code: 1003, msg: 'bad', requestId: 'r', httpStatus: 401 };
    expect(new EnosError(answer)).toMatchObject({ name: 'EnosError', message: 'EnOS 1003: bad', ...answer });
    expect(new TokenError(answer)).toMatchObject({ name: 'TokenError', message: 'EnOS 1003: bad', ...answer });
    expect(new EnosError({ ...answer, code: null })).toMatchObject({ message: 'bad', code: null });
    expect(new RemoteExpressionError(answer, [])).toMatchObject({
      name: 'RemoteExpressionError',
      code: 99400,
      msg: 'bad',
      requestId: 'r',
      httpStatus: 401,
    });
  });
});

describe('the local check', () => {
  it('the limits option applies to the local check and to the diagnostics of a refusal', async () => {
    const gateway = scripted(() => ({ body: { code: 99400, msg: 'refused' } }));
    const limits = { maxLength: 10 };
    const local = await settle(
      createClient({ ...options, fetch: gateway.fetch, limits }).search('device', {
        orgId: 'o1',
        expression: "productKey = 'abc'",
      }),
    );
    expect(local).toBeInstanceOf(ExpressionError);
    expect((local as ExpressionError).diagnostics.map((d) => d.kind)).toEqual(['limit']);
    expect(gateway.api()).toEqual([]);
    const remote = await settle(
      createClient({ ...options, fetch: gateway.fetch, limits, validate: false }).search('device', {
        orgId: 'o1',
        expression: "productKey = 'abc'",
      }),
    );
    expect((remote as RemoteExpressionError).diagnostics.map((d) => d.kind)).toEqual(['limit']);
  });
});

describe('the token service', () => {
  const search = async (token: (sent: Sent) => Answer, now?: () => number) => {
    const gateway = scripted(() => page(), token);
    const client = createClient({ ...options, fetch: gateway.fetch, ...(now ? { now } : {}) });
    return { gateway, client, result: await settle(client.search('device', { orgId: 'o1' })) };
  };

  it.each([
    ['no expire', tokenAnswer('t', undefined)],
    ['a negative one', tokenAnswer('t', -5)],
    ['NaN', tokenAnswer('t', Number.NaN)],
    ['a string', tokenAnswer('t', '100')],
    // JSON.parse reads 1e400 as Infinity: not a lifetime either, rather than forever.
    ['one too large for a double', { body: '{"status":0,"msg":"SUCCESS","data":{"accessToken":"t","expire":1e400}}' }],
  ])('with %s, a token lives the documented 7,200 s', async (_, answer) => {
    let clock = 1_700_000_000_000;
    const gateway = scripted(
      () => page(),
      () => answer,
    );
    const client = createClient({ ...options, fetch: gateway.fetch, now: () => clock, renewBeforeMs: 0 });
    await client.search('device', { orgId: 'o1' });
    clock += 7200_000 - 2;
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(1);
    clock += 2;
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(2);
  });

  it('a lifetime of 0 s is asked for again on the next search', async () => {
    let clock = 1_700_000_000_000;
    const gateway = scripted(
      () => page(),
      () => tokenAnswer('t', 0),
    );
    const client = createClient({ ...options, fetch: gateway.fetch, now: () => clock });
    await client.search('device', { orgId: 'o1' });
    clock += 1;
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(2);
  });

  it('code instead of status is read too', async () => {
    const { result } = await search(() => ({ body: { code: 0, data: { accessToken: 'viaCode' } } }));
    expect(result).toMatchObject({ records: [] });
  });

  it.each([
    [{ status: 0, data: { accessToken: '' } }, null, 'unexpected answer of the token service (HTTP 200)'],
    [{ status: 0, msg: 'SUCCESS', data: null }, null, 'SUCCESS'],
    [{ status: 0, data: { accessToken: 5 } }, null, 'unexpected answer of the token service (HTTP 200)'],
    [{ status: 1002, msg: 'no app', requestId: 'rt' }, 1002, 'no app'],
    [{ status: 1002, msg: 'no app', requestId: 5 }, 1002, 'no app'],
    [[], null, 'unexpected answer of the token service (HTTP 200)'],
    [{ status: '0', data: { accessToken: 't' } }, null, 'unexpected answer of the token service (HTTP 200)'],
  ])('%j: a TokenError with code %j and message %j; nothing is searched', async (body, code, msg) => {
    const { gateway, result } = await search(() => ({ body }));
    expect(result).toBeInstanceOf(TokenError);
    expect(result).toMatchObject({
      name: 'TokenError',
      code,
      msg,
      httpStatus: 200,
      requestId: (body as { requestId?: unknown }).requestId === 'rt' ? 'rt' : undefined,
    });
    expect(gateway.api()).toEqual([]);
  });

  it('a repeated encryption (1001) is asked again twice, later each time, then is the error', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { gateway, result } = await search(
      () => ({ body: { status: 1001, msg: 'repeated' } }),
      () => 1000,
    );
    expect(result).toMatchObject({ name: 'TokenError', code: 1001 });
    expect(gateway.tokens().map((request) => (JSON.parse(request.body) as { timestamp: number }).timestamp)).toEqual([
      1000,
      1001 + 51,
      1002 + 51,
    ]);
  });

  it('a repeated encryption then a token: the search goes on', async () => {
    const answers: Answer[] = [{ body: { status: 1001 } }, tokenAnswer('second')];
    const { gateway, result } = await search(() => answers.shift()!);
    expect(result).toMatchObject({ records: [] });
    expect(gateway.api()[0]!.headers['apim-accesstoken']).toBe('second');
  });

  it('only the token service’s 1001 is asked again: a fetch failing with an error coded 1001 is not', async () => {
    let tokenRequests = 0;
    const fetch: FetchLike = async (url) => {
      if (url === TOKEN_URL) tokenRequests += 1;
      throw Object.assign(new Error('socket closed'), { code: 1001 });
    };
    const error = await settle(createClient({ ...options, fetch }).accessToken());
    expect(error).toMatchObject({ message: 'socket closed' });
    expect(tokenRequests).toBe(1);
  });

  it('another refusal is not asked again', async () => {
    const { gateway } = await search(() => ({ body: { status: 1003, msg: 'bad' } }));
    expect(gateway.tokens()).toHaveLength(1);
  });

  it('a token service that does not answer is given up after timeoutMs', async () => {
    const gateway = scripted(
      () => page(),
      () => 'hang',
    );
    const error = await settle(createClient({ ...options, fetch: gateway.fetch, timeoutMs: 20 }).accessToken());
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'EnOS request timed out after 20 ms' });
  });

  it('the timeout of an answered request is stopped: its fetch is never aborted afterwards', async () => {
    const gateway = scripted(() => page());
    await createClient({ ...options, fetch: gateway.fetch, timeoutMs: 20 }).search('device', { orgId: 'o1' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(gateway.sent.map((sent) => (sent.signal as AbortSignal).aborted)).toEqual([false, false]);
  });

  it('accessToken(signal): an aborted signal stops the wait', async () => {
    const gateway = scripted(() => page());
    const client = createClient({ ...options, fetch: gateway.fetch });
    expect(await settle(client.accessToken(AbortSignal.abort(new Error('stop'))))).toMatchObject({ message: 'stop' });
    expect(await client.accessToken()).toBe('t1');
  });

  it('a 1203 for an old token does not drop the newer one another request fetched meanwhile', async () => {
    let issued = 0;
    let stale = true;
    const gateway = scripted(
      (sent) => {
        if (sent.headers['apim-accesstoken'] === 't1' && stale) {
          stale = false;
          return { body: { code: 1203, msg: 'expired' } };
        }
        return page();
      },
      () => tokenAnswer(`t${(issued += 1)}`),
    );
    const client = createClient({ ...options, fetch: gateway.fetch });
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(2);
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(2);
    expect(gateway.api().map((request) => request.headers['apim-accesstoken'])).toEqual(['t1', 't2', 't2']);
  });
});

describe('pages', () => {
  const pageOf = (count: number, pagination: Record<string, unknown>) =>
    page({ data: Array.from({ length: count }, (_, i) => ({ i })), pagination: { sortedBy: null, ...pagination } });

  const walk = async (answers: Answer[], request: Record<string, unknown> = {}) => {
    const gateway = scripted(() => answers.shift() ?? pageOf(0, { pageNo: 99, pageSize: 10, totalSize: 0 }));
    const client = createClient({ ...options, fetch: gateway.fetch });
    let records = 0;
    for await (const found of client.pages('device', { orgId: 'o1', ...request })) records += found.records.length;
    return { records, sent: gateway.api().map((sent) => JSON.parse(sent.body) as unknown) };
  };

  it('stops when the pages cover totalSize, even if the last is full', async () => {
    const { sent, records } = await walk(
      [pageOf(2, { pageNo: 1, pageSize: 2, totalSize: 4 }), pageOf(2, { pageNo: 2, pageSize: 2, totalSize: 4 })],
      { pagination: { pageSize: 2 } },
    );
    expect(records).toBe(4);
    expect(sent).toEqual([{ pagination: { pageNo: 1, pageSize: 2 } }, { pagination: { pageNo: 2, pageSize: 2 } }]);
  });

  it('goes on while the pages are full and totalSize says more', async () => {
    const { sent } = await walk(
      [
        pageOf(2, { pageNo: 1, pageSize: 2, totalSize: 5 }),
        pageOf(2, { pageNo: 2, pageSize: 2, totalSize: 5 }),
        pageOf(1, { pageNo: 3, pageSize: 2, totalSize: 5 }),
      ],
      { pagination: { pageSize: 2 } },
    );
    expect(sent).toHaveLength(3);
  });

  it('stops at an empty page whatever totalSize says', async () => {
    const { sent } = await walk([pageOf(0, { pageNo: 1, pageSize: 2, totalSize: 50 })], {
      pagination: { pageSize: 2 },
    });
    expect(sent).toHaveLength(1);
  });

  it.each([[0], [-1], [1.5], ['2'], [null]])(
    'a page size the gateway gives that is not a positive integer (%j) is the one asked for',
    async (pageSize) => {
      const { sent } = await walk(
        [pageOf(2, { pageNo: 1, pageSize, totalSize: 3 }), pageOf(1, { pageNo: 2, pageSize, totalSize: 3 })],
        { pagination: { pageSize: 2 } },
      );
      expect(sent).toEqual([{ pagination: { pageNo: 1, pageSize: 2 } }, { pagination: { pageNo: 2, pageSize: 2 } }]);
    },
  );

  it('from the requested page, keeping the request’s expression and sorters', async () => {
    const { sent } = await walk([pageOf(1, { pageNo: 4, pageSize: 1000, totalSize: 3001 })], {
      expression: "productKey = 'p'",
      pagination: { pageNo: 4 },
    });
    expect(sent).toEqual([{ expression: "productKey = 'p'", pagination: { pageNo: 4, pageSize: 1000 } }]);
  });
});

describe('a runtime without a web global', () => {
  const search = (extra: Record<string, unknown> = {}) => {
    const gateway = scripted(() => page());
    return settle(createClient({ ...options, fetch: gateway.fetch, ...extra }).search('device', { orgId: 'o1' }));
  };

  it('no fetch and no options.fetch: createClient says what is needed', () => {
    vi.stubGlobal('fetch', undefined);
    expect(() => createClient(options)).toThrow(
      new Error('ota-expr/client needs fetch: Node 20 or newer, a browser, or options.fetch'),
    );
  });

  it('the global fetch is called on globalThis (a detached window.fetch would throw)', async () => {
    const receivers: unknown[] = [];
    const calls: string[] = [];
    vi.stubGlobal('fetch', function (this: unknown, url: string) {
      receivers.push(this);
      calls.push(url);
      return Promise.resolve({ status: 200, text: async () => JSON.stringify(tokenAnswer('g').body) });
    });
    expect(await createClient(options).accessToken()).toBe('g');
    expect(receivers).toEqual([globalThis]);
    expect(calls).toEqual([TOKEN_URL]);
  });

  it.each([
    ['no crypto', undefined],
    ['a crypto without subtle', {}],
  ])('no WebCrypto (%s): the search says what is needed', async (_, crypto) => {
    vi.stubGlobal('crypto', crypto);
    expect(await search()).toMatchObject({
      message:
        'ota-expr/client needs WebCrypto (crypto.subtle): Node 20 or newer, or a page served over https or from localhost',
    });
  });

  it.each([
    ['TextEncoder', 'ota-expr/client needs TextEncoder'],
    ['AbortController', 'ota-expr/client needs AbortController'],
  ])('no %s: the search says so', async (name, message) => {
    vi.stubGlobal(name, undefined);
    expect(await search()).toMatchObject({ message });
  });

  it('no DOMException: a timeout is still an Error named TimeoutError', async () => {
    const gateway = scripted(() => 'hang');
    const client = createClient({ ...options, fetch: gateway.fetch, timeoutMs: 20 });
    vi.stubGlobal('DOMException', undefined);
    const error = await settle(client.search('device', { orgId: 'o1' }));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'EnOS request timed out after 20 ms' });
  });

  it('with DOMException: a timeout is a DOMException, as AbortSignal.timeout gives', async () => {
    const gateway = scripted(() => 'hang');
    const error = await settle(
      createClient({ ...options, fetch: gateway.fetch, timeoutMs: 20 }).search('device', { orgId: 'o1' }),
    );
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'TimeoutError' });
  });

  /** A signal of another realm or library: aborted, with no reason, listeners counted. */
  const foreignSignal = (aborted: boolean) => {
    const listeners = new Set<() => void>();
    const signal: AbortSignalLike & { fire(): void; readonly listeners: Set<() => void> } = {
      aborted,
      listeners,
      addEventListener: (_type, listener) => void listeners.add(listener),
      removeEventListener: (_type, listener) => void listeners.delete(listener),
      fire() {
        (this as { aborted: boolean }).aborted = true;
        for (const listener of [...listeners]) listener();
      },
    };
    return signal;
  };

  const RealDOMException = DOMException;

  it.each([
    ['with DOMException', true],
    ['without', false],
  ])('an aborted signal without a reason rejects with an AbortError (%s)', async (_, domException) => {
    if (!domException) vi.stubGlobal('DOMException', undefined);
    const gateway = scripted(() => page());
    const error = await settle(
      createClient({ ...options, fetch: gateway.fetch }).search('device', { orgId: 'o1', signal: foreignSignal(true) }),
    );
    expect(error).toMatchObject({ name: 'AbortError', message: 'This operation was aborted' });
    expect(error instanceof RealDOMException).toBe(domException);
    expect(gateway.sent).toEqual([]);
  });

  it('a search removes the listener it put on the caller’s signal, and a later abort changes nothing', async () => {
    const gateway = scripted(() => page());
    const signal = foreignSignal(false);
    const client = createClient({ ...options, fetch: gateway.fetch });
    expect(await client.search('device', { orgId: 'o1', signal })).toMatchObject({ records: [] });
    expect(signal.listeners.size).toBe(0);
    signal.fire();
    expect(gateway.api()).toHaveLength(1);
  });

  it('a signal aborted while the request is out rejects with its reason, or AbortError without one', async () => {
    const signal = foreignSignal(false);
    let reached: () => void = () => {};
    const out = new Promise<void>((resolve) => (reached = resolve));
    const gateway = scripted(() => {
      reached();
      return 'hang';
    });
    const result = settle(createClient({ ...options, fetch: gateway.fetch }).search('device', { orgId: 'o1', signal }));
    await out;
    signal.fire();
    expect(await result).toMatchObject({ name: 'AbortError' });
    expect((gateway.api()[0]!.signal as AbortSignal).aborted).toBe(true);
  });
});
