/**
 * A scripted `fetch` for the client's tests (no server): it records every request and answers the token service and
 * the API from functions, and the answers they build.
 */
import type { FetchLike } from '../../src/client.js';

export const BASE = 'https://gw.example';
export const TOKEN_URL = `${BASE}/apim-token-service/v2.0/token/get`;

export interface Sent {
  readonly url: string;
  readonly method: unknown;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly signal: unknown;
}

export type Answer = { readonly status?: number; readonly body: unknown } | 'hang';

/**
 * A fetch that records every request and answers from `api` (searches and calls) and `token` (the token service,
 * default: token "t1" for 7,200 s). A body that is not a string is sent as its JSON.
 */
export function scripted(api: (sent: Sent) => Answer, token: (sent: Sent) => Answer = () => tokenAnswer('t1')) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request: Sent = {
      url,
      method: init?.method,
      headers: init?.headers as Record<string, string>,
      body: init?.body as string,
      signal: init?.signal,
    };
    sent.push(request);
    const answer = url === TOKEN_URL ? token(request) : api(request);
    if (answer === 'hang') return new Promise<never>(() => {});
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return { status: answer.status ?? 200, text: async () => text };
  };
  return {
    fetch,
    sent,
    api: () => sent.filter((request) => request.url !== TOKEN_URL),
    tokens: () => sent.filter((request) => request.url === TOKEN_URL),
  };
}

export const tokenAnswer = (accessToken: string, expire: unknown = 7200) => ({
  body: { status: 0, msg: 'SUCCESS', data: { accessToken, expire } },
});
export const page = (extra: Record<string, unknown> = {}) => ({
  body: {
    code: 0,
    msg: 'OK',
    requestId: 'r1',
    data: [],
    pagination: { sortedBy: null, pageNo: 1, pageSize: 10, totalSize: 0 },
    ...extra,
  },
});

export const options = { baseUrl: BASE, appKey: 'ak', appSecret: 'sk' };

/** Settles to the promise's value or its rejection, for assertions on either. */
export const settle = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value) => value,
    (error: unknown) => error,
  );
