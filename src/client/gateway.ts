/**
 * Signed calls through an EnOS gateway (SPEC §10, EnOS "Invoking API with Access Token"): each request carries the
 * access token, a timestamp and the signature of `accessToken + paramsData + timestamp + appSecret`. A 1203 answer
 * (the token expired) renews the token and sends the request once more, signed afresh.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { EnosError, RemoteExpressionError } from './errors.js';
import type { AbortSignalLike, FetchLike } from './globals.js';
import { postJson } from './http.js';
import { paramsData, requestSignature } from './signature.js';
import type { TokenSource } from './token.js';

const TOKEN_EXPIRED = 1203;
const INVALID_PARAMETER = 99400;

export interface GatewayOptions {
  readonly baseUrl: string;
  readonly appSecret: string;
  readonly fetch: FetchLike;
  readonly stamp: () => number;
  readonly timeoutMs: number;
  readonly tokens: TokenSource;
}

/** One signed POST. */
export interface GatewayRequest {
  readonly path: string;
  /** Query parameters in the order they are written into the URL (the signature sorts them itself). */
  readonly query: readonly (readonly [string, string])[];
  /** The raw body: exactly these characters are sent and signed. */
  readonly body: string;
  readonly signal?: AbortSignalLike | undefined;
  /** For a 99400 answer: the diagnostics the library finds itself, if any (see RemoteExpressionError). */
  readonly diagnose?: () => readonly Diagnostic[];
}

/** An EnOS answer with code 0: its JSON object and the HTTP status it came with. */
export interface EnosSuccess {
  readonly body: Readonly<Record<string, unknown>>;
  readonly httpStatus: number;
}

export class Gateway {
  constructor(private readonly options: GatewayOptions) {}

  /** Sends `request`, renewing the token once on 1203; resolves with an answer of code 0, else throws. */
  async send(request: GatewayRequest): Promise<EnosSuccess> {
    for (let attempt = 1; ; attempt += 1) {
      const accessToken = await this.options.tokens.get(request.signal);
      const answer = await this.sendOnce(request, accessToken);
      const reply = isObject(answer.body) ? answer.body : undefined;
      const code = reply === undefined ? null : codeOf(reply);
      if (code === 0 && reply !== undefined) return { body: reply, httpStatus: answer.httpStatus };
      if (code === TOKEN_EXPIRED && attempt === 1) {
        this.options.tokens.expired(accessToken);
        continue;
      }
      const failure = {
        msg:
          reply !== undefined && typeof reply.msg === 'string'
            ? reply.msg
            : `unexpected answer (HTTP ${answer.httpStatus}): ${JSON.stringify(answer.body)?.slice(0, 200)}`,
        requestId: reply !== undefined && typeof reply.requestId === 'string' ? reply.requestId : undefined,
        httpStatus: answer.httpStatus,
      };
      if (code === INVALID_PARAMETER) throw new RemoteExpressionError(failure, request.diagnose?.() ?? []);
      throw new EnosError({ ...failure, code });
    }
  }

  private async sendOnce(request: GatewayRequest, accessToken: string) {
    const timestamp = this.options.stamp();
    const signature = await requestSignature({
      accessToken,
      paramsData: paramsData(request.query, request.body),
      timestamp,
      appSecret: this.options.appSecret,
    });
    const url = joinUrl(this.options.baseUrl, request.path, request.query);
    const headers = {
      'content-type': 'application/json;charset=UTF-8',
      'apim-accesstoken': accessToken,
      'apim-timestamp': String(timestamp),
      'apim-signature': signature,
    };
    return postJson(this.options.fetch, url, headers, request.body, {
      timeoutMs: this.options.timeoutMs,
      signal: request.signal,
    });
  }
}

/** `baseUrl` + `path` + the query string; one slash between them whatever the caller wrote. */
export function joinUrl(baseUrl: string, path: string, query: readonly (readonly [string, string])[]): string {
  const base = baseUrl.replace(/\/+$/, '');
  const tail = path.startsWith('/') ? path : `/${path}`;
  const search = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return search === '' ? base + tail : `${base}${tail}?${search}`;
}

/** EnOS's code: `code` on the APIs, `status` on the token service and some gateway answers. */
function codeOf(reply: Readonly<Record<string, unknown>>): number | null {
  if (typeof reply.code === 'number') return reply.code;
  if (typeof reply.status === 'number') return reply.status;
  return null;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
