/**
 * A TEST DOUBLE of an EnOS gateway, for the client's unit tests: node:http, the token service and the signature
 * check of SPEC §10 computed independently with node:crypto, and the searches answered by `searchRecords` over
 * in-memory records. It is not the reference server (packages/server): it exists so that the client's tests need
 * nothing else, and it lets a test count requests, move the clock, expire tokens and script answers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_ROUTES } from '../../src/apis/routes.js';
import { schemas } from '../../src/apis/schemas.js';
import { searchRecords } from '../../src/index.js';

export const APP_KEY = 'double-app-key';
export const APP_SECRET = 'double-app-secret';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface DoubleOptions {
  /** Records per API name; each record must carry its `orgId`. */
  readonly records?: Readonly<Record<string, readonly unknown[]>>;
  /** The organisations the app may read (default: o1, o2). */
  readonly orgIds?: readonly string[];
  /** Token lifetime in seconds (default 7200). */
  readonly tokenLifetimeSeconds?: number;
}

/** A scripted answer: returned instead of the search's own, once, for the next API request. */
export interface Scripted {
  readonly httpStatus: number;
  readonly body: string;
}

export interface GatewayDouble {
  readonly url: string;
  /** The server's clock, in epoch milliseconds; tests move it. */
  now: number;
  readonly tokenRequests: { readonly timestamp: unknown; readonly encryption: unknown }[];
  readonly apiRequests: { readonly url: string; readonly body: string; readonly token: string }[];
  /** Answers given, by code, for assertions. */
  readonly answers: number[];
  /** Every issued token expires now (the next API request with one is answered 1203). */
  expireTokens(): void;
  /** The next answers to API requests, in order, instead of the search's. */
  readonly script: Scripted[];
  close(): Promise<void>;
}

export async function startGatewayDouble(options: DoubleOptions = {}): Promise<GatewayDouble> {
  const orgIds = options.orgIds ?? ['o1', 'o2'];
  const lifetimeMs = (options.tokenLifetimeSeconds ?? 7200) * 1000;
  const tokens = new Map<string, { expiresAt: number }>();
  const seenEncryptions = new Set<string>();
  const routes = new Map(Object.entries(API_ROUTES).map(([name, route]) => [`${route.path}?${route.action}`, name]));

  const double: GatewayDouble = {
    url: '',
    now: Date.now(),
    tokenRequests: [],
    apiRequests: [],
    answers: [],
    script: [],
    expireTokens: () => {
      for (const token of tokens.values()) token.expiresAt = double.now - 1;
    },
    close: async () => {},
  };

  const send = (response: ServerResponse, httpStatus: number, body: unknown): void => {
    const record = body as { code?: number; status?: number };
    double.answers.push(record.code ?? record.status ?? -1);
    response.writeHead(httpStatus, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const refuse = (response: ServerResponse, code: number, msg: string, httpStatus = 401): void =>
    send(response, httpStatus, { code, msg, requestId: randomBytes(8).toString('hex'), data: null });

  const handle = (request: IncomingMessage, response: ServerResponse, raw: string): void => {
    const url = new URL(request.url ?? '/', 'http://double');
    if (url.pathname === '/apim-token-service/v2.0/token/get') {
      const body = JSON.parse(raw) as { appKey?: unknown; encryption?: unknown; timestamp?: unknown };
      double.tokenRequests.push({ timestamp: body.timestamp, encryption: body.encryption });
      const tokenError = (status: number, msg: string) =>
        send(response, 200, { status, msg, business: 'apim-token-service', data: null });
      if (body.appKey !== APP_KEY) return tokenError(1002, 'appKey does not exist');
      if (typeof body.timestamp !== 'number' || Math.abs(body.timestamp - double.now) > 300_000)
        return tokenError(1003, 'encryption not valid');
      if (body.encryption !== sha256(`${APP_KEY}${body.timestamp}${APP_SECRET}`))
        return tokenError(1003, 'encryption not valid');
      if (seenEncryptions.has(body.encryption))
        return tokenError(1001, 'repeated request with a duplicated encryption');
      seenEncryptions.add(body.encryption);
      let token = [...tokens.entries()].find(([, value]) => value.expiresAt > double.now);
      if (token === undefined) {
        token = [randomBytes(32).toString('hex'), { expiresAt: double.now + lifetimeMs }];
        tokens.set(...token);
      }
      return send(response, 200, {
        status: 0,
        msg: 'SUCCESS',
        business: 'apim-token-service',
        data: { accessToken: token[0], expire: Math.floor((token[1].expiresAt - double.now) / 1000) },
      });
    }
    const accessToken = String(request.headers['apim-accesstoken'] ?? '');
    const timestamp = String(request.headers['apim-timestamp'] ?? '');
    const signature = String(request.headers['apim-signature'] ?? '');
    double.apiRequests.push({ url: request.url ?? '', body: raw, token: accessToken });
    if (!accessToken || !timestamp || !signature) return refuse(response, 1202, 'a header is empty');
    const token = tokens.get(accessToken);
    if (token === undefined) return refuse(response, 99403, 'the access token is not valid');
    if (token.expiresAt <= double.now) return refuse(response, 1203, 'the access token has expired');
    if (Math.abs(Number(timestamp) - double.now) > 300_000) return refuse(response, 99403, 'timestamp off');
    // paramsData computed here on its own: query parameters sorted by code unit, name then value, then the body.
    const params = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const paramsData = params.map(([name, value]) => `${name}${value}`).join('') + raw;
    if (signature !== sha256(accessToken + paramsData + timestamp + APP_SECRET))
      return refuse(response, 99403, 'signature not valid');
    const scripted = double.script.shift();
    if (scripted !== undefined) {
      response.writeHead(scripted.httpStatus, { 'content-type': 'application/json' });
      return void response.end(scripted.body);
    }
    const name = routes.get(`${url.pathname}?${url.searchParams.get('action')}`);
    if (name === undefined) return refuse(response, 99404, 'no such API', 404);
    const orgId = url.searchParams.get('orgId') ?? '';
    if (orgId !== '' && !orgIds.includes(orgId)) return refuse(response, 99403, `orgId ${orgId} not allowed`);
    const body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
    const answer = searchRecords(options.records?.[name] ?? [], { ...body, orgId }, { schema: schemas[name]! });
    send(response, 200, answer);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(double, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Devices of two organisations in realistic shapes: `count` in o1, a few in o2. */
export function devices(count: number): unknown[] {
  const regions = ['Shanghai', 'Beijing', 'Berlin'];
  const all: unknown[] = [];
  for (let index = 0; index < count; index += 1) {
    all.push({
      orgId: 'o1',
      assetId: `asset-${String(index).padStart(4, '0')}`,
      productKey: index % 2 === 0 ? 'pk-even' : 'pk-odd',
      deviceKey: `dk-${index}`,
      deviceName: {
        defaultValue: `Inverter ${index}`,
        i18nValue: { zh_CN: `逆变器 ${index}`, en_US: `Inverter ${index}` },
      },
      status: index % 3 === 0 ? 'online' : 'offline',
      deviceTags: { Region: regions[index % 3]! },
      deviceAttributes: { floor: index % 10 },
      createTime: 1_700_000_000_000 + index * 1000,
    });
  }
  for (let index = 0; index < 3; index += 1)
    all.push({ orgId: 'o2', assetId: `other-${index}`, deviceTags: { Region: 'Shanghai' }, createTime: 1 });
  return all;
}
