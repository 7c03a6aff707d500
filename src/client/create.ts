/**
 * `createClient`'s body, generic over the catalogue of APIs: the entry (src/client.ts) binds the built-in schemas,
 * their routes and record types, as every entry binds its APIs.
 */
import { Gateway } from './gateway.js';
import { globalFetch } from './globals.js';
import { allPages, allRecords } from './paging.js';
import { searchPage, type SearchContext } from './search.js';
import { TOKEN_PATH, TokenSource } from './token.js';
import { joinUrl } from './gateway.js';
import type { Catalogue, Client, ClientApi, ClientOptions, ClientSearchRequest } from './types.js';
import type { Schema } from '../schema/schema.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RENEW_BEFORE_MS = 60_000;

export function makeClient<C extends Catalogue>(
  options: ClientOptions,
  apis: ReadonlyMap<string, ClientApi>,
): Client<C> {
  checkOptions(options);
  const fetch = options.fetch ?? globalFetch();
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Strictly increasing: two token requests in one millisecond would repeat an encryption (refused, 1001).
  let last = 0;
  const stamp = (): number => (last = Math.max(Math.floor(now()), last + 1));
  const tokens = new TokenSource({
    url: joinUrl(options.baseUrl, TOKEN_PATH, []),
    appKey: options.appKey,
    appSecret: options.appSecret,
    fetch,
    stamp,
    now,
    timeoutMs,
    renewBeforeMs: options.renewBeforeMs ?? DEFAULT_RENEW_BEFORE_MS,
  });
  const gateway = new Gateway({
    baseUrl: options.baseUrl,
    appSecret: options.appSecret,
    fetch,
    stamp,
    timeoutMs,
    tokens,
  });
  const context: SearchContext = { gateway, validate: options.validate ?? true, limits: options.limits };

  const api = (name: string): ClientApi => {
    const entry = apis.get(name);
    if (entry === undefined)
      throw new TypeError(`Unknown API ${JSON.stringify(name)}; known: ${[...apis.keys()].join(', ')}`);
    return entry;
  };
  // The page fetcher the iterators call, one per walk.
  const fetcher = (entry: ClientApi) => (request: ClientSearchRequest<Schema>) =>
    searchPage<Schema, object>(context, entry, request);

  const client: Client<Catalogue> = {
    search: (name, request) => searchPage(context, api(name), request),
    pages: (name, request) => {
      const entry = api(name);
      return allPages(entry, request, fetcher(entry));
    },
    searchAll: (name, request) => {
      const entry = api(name);
      return allRecords(entry, request, fetcher(entry));
    },
    call: async ({ path, query, body, signal }) =>
      (
        await gateway.send({
          path,
          query: Object.entries(query ?? {}),
          body: body === undefined ? '' : JSON.stringify(body),
          signal,
        })
      ).body,
    accessToken: (signal) => tokens.get(signal),
  };
  // Each method's types are the catalogue's; the run time is the same for every API.
  return Object.freeze(client) as unknown as Client<C>;
}

function checkOptions(options: ClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('createClient: options must be an object');
  for (const name of ['baseUrl', 'appKey', 'appSecret'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '')
      throw new TypeError(`createClient: options.${name} must be a non-empty string`);
  }
  if (!/^https?:\/\//i.test(options.baseUrl))
    throw new TypeError(
      `createClient: options.baseUrl must be an http or https URL, found ${JSON.stringify(options.baseUrl)}`,
    );
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new TypeError('createClient: options.fetch must be a function');
  if (options.now !== undefined && typeof options.now !== 'function')
    throw new TypeError('createClient: options.now must be a function');
  for (const name of ['timeoutMs', 'renewBeforeMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0))
      throw new TypeError(`createClient: options.${name} must be a number of milliseconds, at least 0`);
  }
}
