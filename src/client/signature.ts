/**
 * The EnOS gateway's hashes (SPEC §10; EnOS docs "Get Access Token" and "Invoking API with Access Token"): lower-case
 * hex SHA-256 over UTF-8, through WebCrypto (`crypto.subtle`), which browsers and Node 20 both have as a global, so
 * the client needs no Node built-in and no dependency.
 */
import { webCrypto, textEncoder } from './globals.js';

/**
 * Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
 * @example
 * ```ts
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await webCrypto().subtle.digest('SHA-256', textEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * `paramsData`: the URL's query parameters sorted by name in ASCII order, each written name then value with no
 * separator (`k1v1k2v2…`), then the raw request body exactly as sent. Names are compared by UTF-16 code unit (the
 * `<` of strings), which is ASCII order for ASCII names: `Z` before `a`, unlike `localeCompare`. Values are the
 * decoded ones (what the gateway reads from the query string), so percent-encoding never changes the signature.
 * Names that repeat keep the order in which they were given (a stable sort).
 * @example
 * ```ts
 * paramsData(new URL('https://gw/m/v1/b?k3=v3&k1=v1&k2=v2').searchParams, '{"page":1}'); // 'k1v1k2v2k3v3{"page":1}'
 * ```
 */
export function paramsData(query: Iterable<readonly [name: string, value: string]>, body: string): string {
  const sorted = [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([name, value]) => name + value).join('') + body;
}

/**
 * The `apim-signature` header: SHA-256 of `accessToken + paramsData + timestamp + appSecret`.
 * @example
 * ```ts
 * const body = JSON.stringify({ expression: "status = 'started'" });
 * const signature = await requestSignature({
 *   accessToken, appSecret, timestamp: Date.now(),
 *   paramsData: paramsData([['action', 'search'], ['orgId', 'o1']], body),
 * });
 * ```
 */
export function requestSignature(parts: {
  readonly accessToken: string;
  readonly paramsData: string;
  readonly timestamp: number;
  readonly appSecret: string;
}): Promise<string> {
  return sha256Hex(parts.accessToken + parts.paramsData + String(parts.timestamp) + parts.appSecret);
}

/**
 * The token request's `encryption`: SHA-256 of `appKey + timestamp + appSecret`.
 * @example
 * ```ts
 * const timestamp = Date.now();
 * const body = { appKey, timestamp, encryption: await tokenEncryption({ appKey, timestamp, appSecret }) };
 * ```
 */
export function tokenEncryption(parts: {
  readonly appKey: string;
  readonly timestamp: number;
  readonly appSecret: string;
}): Promise<string> {
  return sha256Hex(parts.appKey + String(parts.timestamp) + parts.appSecret);
}
