/**
 * EnOS refusals as typed errors: a request the schema refuses is an ExpressionError before anything is sent; a
 * 99400 answer is a RemoteExpressionError (an ExpressionError), with the library's diagnostics where it finds the
 * problem; every other code is an EnosError with code, msg, requestId and httpStatus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  ENOS_ERROR_CODES,
  EnosError,
  ExpressionError,
  RemoteExpressionError,
  TokenError,
} from '../../src/client.js';
import { ExpressionError as CoreExpressionError } from '../../src/core.js';
import { APP_KEY, APP_SECRET, devices, startGatewayDouble, type GatewayDouble } from './gateway-double.js';

let gateway: GatewayDouble;
beforeAll(async () => {
  gateway = await startGatewayDouble({ records: { device: devices(5) } });
});
afterAll(() => gateway.close());

const client = (validate = true) =>
  createClient({ baseUrl: gateway.url, appKey: APP_KEY, appSecret: APP_SECRET, validate });

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

describe('refused locally: nothing is sent', () => {
  it('an operator the field does not allow: ExpressionError with located diagnostics', async () => {
    const before = gateway.apiRequests.length + gateway.tokenRequests.length;
    const error = await rejection(
      client().search('device', { orgId: 'o1', expression: "deviceName = 'x' or productKey like 'p'" }),
    );
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toBeInstanceOf(CoreExpressionError);
    expect(error).not.toBeInstanceOf(RemoteExpressionError);
    const { diagnostics, code } = error as ExpressionError;
    expect(code).toBe(99400);
    expect(diagnostics.map((d) => [d.kind, d.start, d.end])).toEqual([
      ['operator-not-allowed', 11, 12],
      ['operator-not-allowed', 31, 35],
    ]);
    expect(diagnostics[0]!.message).toBe('Do not allow operator op =, allowed op [like]');
    expect(gateway.apiRequests.length + gateway.tokenRequests.length).toBe(before);
  });

  it.each([
    [{ orgId: '' }, 'orgId is mandatory'],
    [{ orgId: 'o1', pagination: { pageNo: 0 } }, 'pagination.pageNo must be an integer of at least 1, found 0'],
    [
      { orgId: 'o1', pagination: { pageSize: 1001 } },
      'pagination.pageSize must be an integer from 1 to 1000, found 1001',
    ],
  ])('%j: the same message the server would give', async (request, message) => {
    const error = await rejection(client().search('device', request));
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).message).toBe(message);
    expect((error as ExpressionError).diagnostics[0]!.kind).toBe('invalid-input');
  });
});

describe('refused by the gateway', () => {
  it('99400 with validate: false: RemoteExpressionError carrying the library diagnostics, msg and requestId', async () => {
    const error = await rejection(client(false).search('device', { orgId: 'o1', expression: "deviceName = 'x'" }));
    expect(error).toBeInstanceOf(RemoteExpressionError);
    expect(error).toBeInstanceOf(ExpressionError);
    const remote = error as RemoteExpressionError;
    expect(remote).toMatchObject({
      code: 99400,
      msg: 'Do not allow operator op =, allowed op [like]',
      httpStatus: 200,
    });
    expect(remote.requestId).toMatch(/./);
    expect(remote.diagnostics.map((d) => [d.kind, d.start, d.end])).toEqual([['operator-not-allowed', 11, 12]]);
  });

  it('99400 the library does not find: one invalid-input diagnostic holding EnOS msg', async () => {
    gateway.script.push({
      httpStatus: 200,
      body: JSON.stringify({ code: 99400, msg: 'expression too complex for this tenant', requestId: 'r9', data: null }),
    });
    const error = await rejection(client().search('device', { orgId: 'o1', expression: "productKey = 'a'" }));
    expect(error).toBeInstanceOf(RemoteExpressionError);
    expect(error).toMatchObject({ message: 'expression too complex for this tenant', requestId: 'r9' });
    expect((error as RemoteExpressionError).diagnostics).toEqual([
      expect.objectContaining({
        code: 99400,
        kind: 'invalid-input',
        message: 'expression too complex for this tenant',
      }),
    ]);
  });

  it("99403: another organisation's orgId", async () => {
    const error = await rejection(client().search('device', { orgId: 'o3' }));
    expect(error).toBeInstanceOf(EnosError);
    expect(error).not.toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ name: 'EnosError', code: 99403, msg: 'orgId o3 not allowed', httpStatus: 401 });
    expect((error as EnosError).message).toBe('EnOS 99403: orgId o3 not allowed');
  });

  it('99500 and any other code: EnosError with that code', async () => {
    gateway.script.push({
      httpStatus: 500,
      body: JSON.stringify({ code: 99500, msg: 'internal error', requestId: 'r5', data: null }),
    });
    await expect(client().search('device', { orgId: 'o1' })).rejects.toMatchObject({
      code: 99500,
      requestId: 'r5',
      httpStatus: 500,
    });
    gateway.script.push({ httpStatus: 200, body: JSON.stringify({ code: 12345, msg: 'new code', data: null }) });
    await expect(client().search('device', { orgId: 'o1' })).rejects.toMatchObject({
      code: 12345,
      requestId: undefined,
    });
  });

  it('an answer that is not EnOS JSON (a proxy page): EnosError with code null and the HTTP status', async () => {
    gateway.script.push({ httpStatus: 502, body: '<html>Bad gateway</html>' });
    const error = await rejection(client().search('device', { orgId: 'o1' }));
    expect(error).toBeInstanceOf(EnosError);
    expect(error).toMatchObject({ code: null, httpStatus: 502 });
    expect((error as EnosError).message).toMatch(/HTTP 502 .* not JSON: <html>Bad gateway<\/html>/);
    gateway.script.push({ httpStatus: 200, body: '[1, 2]' });
    await expect(client().search('device', { orgId: 'o1' })).rejects.toMatchObject({ code: null, httpStatus: 200 });
  });

  it('a code-0 answer without data[] is an EnosError, not a crash later', async () => {
    gateway.script.push({ httpStatus: 200, body: JSON.stringify({ code: 0, msg: 'OK', requestId: 'r', data: null }) });
    await expect(client().search('device', { orgId: 'o1' })).rejects.toMatchObject({ code: null });
  });

  it('documents the codes it knows', () => {
    expect(Object.keys(ENOS_ERROR_CODES).map(Number)).toEqual([
      1001, 1002, 1003, 1004, 1005, 1202, 1203, 1204, 99400, 99403, 99404, 99500,
    ]);
  });
});
