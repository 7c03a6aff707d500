/**
 * The server mode: every search goes to the reference server that served the page, signed with the development app
 * through `ota-expr/client`. The page shows EnOS's answer as it came and the request as it went, so the client is
 * given a `fetch` that records both (its documented seam for proxies and test doubles); searches run one at a time,
 * so each recording belongs to exactly one search.
 *
 * The development app's keys come from the server itself: `GET dev-app.json` beside the page answers
 * `{ appKey, appSecret, orgIds }` (docs: packages/playground/README.md, "What the server provides"). Only a server
 * on a loopback address with its generated development app should answer it; the secret never leaves the machine.
 */
import { TOKEN_PATH, createClient, type FetchInit, type ResponseLike } from 'ota-expr/client';
import { isObject, type ApiName } from './apis.js';
import { Unreachable, type Backend, type SearchBody, type SearchExchange } from './backend.js';
import { curlCommand, type CurlRequest } from './curl.js';
import { routeUrl } from './routes.js';

/** Where the page reads the development app's keys, relative to the page. */
export const DEV_APP_FILE = 'dev-app.json';

export interface DevApp {
  readonly appKey: string;
  readonly appSecret: string;
  readonly orgIds: readonly string[];
}

/** Reads the development app from the server; rejects with a message for the page when it cannot. */
export async function fetchDevApp(): Promise<DevApp> {
  let response: Response;
  try {
    response = await fetch(DEV_APP_FILE, { cache: 'no-store' });
  } catch (error) {
    throw new Error(`the server did not answer (${describe(error)})`, { cause: error });
  }
  if (!response.ok) throw new Error(`the server does not provide ${DEV_APP_FILE} (HTTP ${response.status})`);
  const app: unknown = await response.json().catch(() => null);
  if (
    !isObject(app) ||
    typeof app['appKey'] !== 'string' ||
    typeof app['appSecret'] !== 'string' ||
    !Array.isArray(app['orgIds']) ||
    !app['orgIds'].every((org) => typeof org === 'string')
  )
    throw new Error(`${DEV_APP_FILE} is not { appKey, appSecret, orgIds }`);
  return { appKey: app['appKey'], appSecret: app['appSecret'], orgIds: app['orgIds'] as string[] };
}

interface Recording {
  request?: CurlRequest;
  response?: unknown;
}

export function serverBackend(app: DevApp, baseUrl: string = location.origin): Backend {
  let recording: Recording = {};
  const recordingFetch = async (url: string, init: FetchInit): Promise<ResponseLike> => {
    const isToken = new URL(url).pathname === TOKEN_PATH;
    if (!isToken) recording.request = { url, headers: headersOf(init.headers), body: String(init.body ?? '') };
    const response = await fetch(url, init as RequestInit);
    const text = await response.text();
    if (!isToken) recording.response = parseJson(text);
    return { status: response.status, text: () => Promise.resolve(text) };
  };
  // The page checks the expression itself and shows the server's own answer, 99400 included: not validated locally.
  const client = createClient({
    baseUrl,
    appKey: app.appKey,
    appSecret: app.appSecret,
    fetch: recordingFetch,
    validate: false,
  });
  let queue: Promise<unknown> = Promise.resolve();

  async function searchNow(api: ApiName, orgId: string, body: SearchBody): Promise<SearchExchange> {
    recording = {};
    try {
      await client.search(api, { orgId, expression: body.expression, pagination: body.pagination });
    } catch (error) {
      // An EnOS refusal (99400…) is an answer like any other; only no answer at all is a failure.
      if (recording.response === undefined)
        throw new Unreachable(describe(error), curlCommand(recording.request ?? unsent(baseUrl, api, orgId, body)));
    }
    return { response: recording.response, curl: curlCommand(recording.request ?? unsent(baseUrl, api, orgId, body)) };
  }

  return {
    mode: 'server',
    label: `searching the reference server at ${baseUrl} as the development app`,
    orgIds: app.orgIds,
    search(api, orgId, body) {
      const next = queue.then(() => searchNow(api, orgId, body));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** The request as it would have gone, for a search that failed before it was signed (no token). */
function unsent(baseUrl: string, api: ApiName, orgId: string, body: SearchBody): CurlRequest {
  return {
    url: `${baseUrl}${routeUrl(api, orgId)}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

function headersOf(headers: unknown): Record<string, string> {
  if (!isObject(headers)) return {};
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
