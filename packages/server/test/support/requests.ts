/**
 * Test helpers: a signed client over fastify's inject (in-process) or fetch (a real port), and random valid search
 * requests for any schema, built from the records' own values so that they match something.
 */
import type { FastifyInstance } from 'fastify';
import type { Schema } from 'ota-expr';
import { random, type Random } from '../../src/demo/random.js';
import { requestSignature, tokenEncryption } from '../../src/signing.js';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

export interface Credentials {
  readonly appKey: string;
  readonly appSecret: string;
}

export type Transport = (request: {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}) => Promise<{ status: number; text: string }>;

export function injectTransport(app: FastifyInstance): Transport {
  return async ({ method, url, headers, body }) => {
    const response = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
    return { status: response.statusCode, text: response.body };
  };
}

export function fetchTransport(base: string): Transport {
  return async ({ method, url, headers, body }) => {
    const payload = body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) };
    const response = await fetch(`${base}${url}`, { method, headers, ...payload });
    return { status: response.status, text: await response.text() };
  };
}

function parsed(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unparsable: text };
  }
}

let lastTimestamp = 0;
/** Distinct timestamps per process: a token request's encryption must never repeat (that is a replay). */
export function freshTimestamp(): number {
  lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
  return lastTimestamp;
}

export class SignedClient {
  private token: string | undefined;

  constructor(
    private readonly transport: Transport,
    readonly credentials: Credentials,
  ) {}

  async accessToken(): Promise<string> {
    if (this.token !== undefined) return this.token;
    const answer = await this.requestToken();
    const data = answer.body['data'] as { accessToken?: string } | null;
    if (answer.body['status'] !== 0 || !data?.accessToken) throw new Error(`token refused: ${answer.text}`);
    this.token = data.accessToken;
    return this.token;
  }

  async requestToken(timestamp = freshTimestamp(), secret = this.credentials.appSecret): Promise<Answer> {
    const body = JSON.stringify({
      appKey: this.credentials.appKey,
      encryption: tokenEncryption(this.credentials.appKey, timestamp, secret),
      timestamp,
    });
    return this.raw('POST', '/apim-token-service/v2.0/token/get', body, { 'content-type': 'application/json' });
  }

  async raw(method: 'GET' | 'POST', url: string, body: string | Buffer | undefined, headers: Record<string, string>) {
    const response = await this.transport({ method, url, headers, ...(body === undefined ? {} : { body }) });
    return { status: response.status, text: response.text, body: parsed(response.text) };
  }

  /** A signed POST; `tamper` changes the headers after signing. */
  async post(
    url: string,
    body: string | Buffer,
    options: {
      secret?: string;
      timestamp?: number;
      token?: string;
      headers?: Record<string, string>;
      omit?: string[];
    } = {},
  ): Promise<Answer> {
    const accessToken = options.token ?? (await this.accessToken());
    const timestamp = options.timestamp ?? Date.now();
    const query = new URL(url, 'http://x').searchParams;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'apim-accesstoken': accessToken,
      'apim-timestamp': String(timestamp),
      'apim-signature': requestSignature({
        accessToken,
        query,
        body: typeof body === 'string' ? body : new Uint8Array(body),
        timestamp,
        appSecret: options.secret ?? this.credentials.appSecret,
      }),
      ...options.headers,
    };
    for (const name of options.omit ?? []) delete headers[name];
    return this.raw('POST', url, body, headers);
  }

  search(path: string, action: string, orgId: string | undefined, request: unknown): Promise<Answer> {
    const org = orgId === undefined ? '' : `&orgId=${encodeURIComponent(orgId)}`;
    return this.post(`${path}?action=${action}${org}`, JSON.stringify(request));
  }
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

function literal(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function substring(r: Random, text: string): string {
  if (text.length <= 2) return text;
  const start = r.int(text.length - 1);
  return text.slice(start, start + 1 + r.int(Math.min(6, text.length - start)));
}

type Rec = Record<string, unknown>;

/** One comparison on a field of the schema, with a value read from a random record. */
function comparison(r: Random, schema: Schema, records: readonly Rec[]): string {
  const names = Object.keys(schema.fields);
  const name = r.pick(names);
  const spec = schema.fields[name]!;
  const op = r.pick(spec.operators);
  const record = r.pick(records);
  switch (spec.type) {
    case 'i18n': {
      const i18n = record[name] as { defaultValue?: string; i18nValue?: Record<string, string> } | undefined;
      const texts = [i18n?.defaultValue ?? 'x', ...Object.values(i18n?.i18nValue ?? {})];
      const path = r.pick([name, `${name}.zh_CN`, `${name}.en_US`, `${name}.default`, `${name}.defaultValue`]);
      return `${path} like ${quote(substring(r, r.pick(texts)).toUpperCase())}`;
    }
    case 'map': {
      const map = (record[name] ?? {}) as Rec;
      const keys = Object.keys(map);
      const key = keys.length > 0 && r.chance(0.85) ? r.pick(keys) : 'Region';
      const value = map[key] ?? 'East';
      const path = `${name}.${key}`;
      return (
        unary(op, path) ??
        binary(
          r,
          op,
          path,
          value,
          records.map((x) => ((x[name] ?? {}) as Rec)[key]),
        )
      );
    }
    case 'string':
    case 'number':
    case 'boolean':
    case 'datetime': {
      const value = record[name] ?? (spec.type === 'number' ? 1 : spec.type === 'boolean' ? true : 'x');
      return (
        unary(op, name) ??
        binary(
          r,
          op,
          name,
          value,
          records.map((x) => x[name]),
        )
      );
    }
    default: {
      const never: never = spec;
      throw new Error(`unknown field type ${String(never)}`);
    }
  }
}

function unary(op: string, path: string): string | undefined {
  switch (op) {
    case 'exists':
      return `exists(${path})`;
    case 'not exists':
      return `not exists(${path})`;
    case 'is null':
      return `${path} is null`;
    case 'is not null':
      return `${path} is not null`;
    default:
      return undefined;
  }
}

function binary(r: Random, op: string, path: string, value: unknown, others: readonly unknown[]): string {
  const same = others.filter((other) => typeof other === typeof value && other !== null);
  if (op === 'in') {
    const values = [value, ...Array.from({ length: r.int(3) }, () => r.pick(same.length > 0 ? same : [value]))];
    return `${path} in (${values.map(literal).join(', ')})`;
  }
  if (op === 'like') return `${path} like ${quote(substring(r, String(value)))}`;
  return `${path} ${op} ${literal(value)}`;
}

/** A random valid request of the schema's API: 1 to 3 comparisons, pages, and sorters where the API takes them. */
export function randomRequest(r: Random, schema: Schema, records: readonly Rec[], orgId: string): Rec {
  const parts = Array.from({ length: 1 + r.int(3) }, () => comparison(r, schema, records));
  const logical = schema.logical;
  let expression = parts[0]!;
  for (const part of parts.slice(1)) expression = `${expression} ${r.pick(logical)} ${part}`;
  if (logical.includes('and') && logical.includes('or') && parts.length === 3 && r.chance(0.3)) {
    expression = `(${parts[0]} or ${parts[1]}) and ${parts[2]}`;
  }
  const sorters = schema.search?.sorters;
  const pagination: Rec = { pageNo: 1 + r.int(3), pageSize: r.pick([1, 3, 10, 50]) };
  if (sorters !== undefined && r.chance(0.6)) {
    pagination['sorters'] = Array.from({ length: 1 + r.int(2) }, () => ({
      field: r.pick(sorters).field,
      ...(r.chance(0.5) ? { order: r.pick(['ASC', 'DESC']) } : {}),
    }));
  }
  return r.chance(0.1) ? { orgId, pagination } : { orgId, expression, pagination };
}

export { random };
