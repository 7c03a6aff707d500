/**
 * The EnOS gateway's hashes (docs/LANGUAGE.md §10; EnOS docs "Get Access Token", "Invoking API with Access Token"):
 * lower-case hex SHA-256. Exported so that scripts and tests sign requests the way the server checks them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The token request's `encryption`: SHA-256 of `appKey + timestamp + appSecret`. */
export function tokenEncryption(appKey: string, timestamp: number | string, appSecret: string): string {
  return sha256Hex(`${appKey}${timestamp}${appSecret}`);
}

/**
 * `paramsData` without the body: the query parameters sorted by name in ASCII (UTF-16 code unit) order, each written
 * name then value (`k1v1k2v2…`). Values are the decoded ones; a repeated name keeps its given order (a stable sort).
 */
export function sortedParams(query: Iterable<readonly [name: string, value: string]>): string {
  const sorted = [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([name, value]) => name + value).join('');
}

/**
 * The `apim-signature` header: SHA-256 of `accessToken + paramsData + timestamp + appSecret`, where paramsData is
 * the sorted query parameters then the raw body. The body is hashed as the bytes received, so that a body that is
 * not UTF-8 is still signed (and then refused as a bad request, not as a bad signature).
 */
export function requestSignature(parts: {
  readonly accessToken: string;
  readonly query: Iterable<readonly [name: string, value: string]>;
  readonly body: string | Uint8Array;
  readonly timestamp: number | string;
  readonly appSecret: string;
}): string {
  const hash = createHash('sha256');
  hash.update(parts.accessToken + sortedParams(parts.query), 'utf8');
  if (typeof parts.body === 'string') hash.update(parts.body, 'utf8');
  else hash.update(parts.body);
  hash.update(`${parts.timestamp}${parts.appSecret}`, 'utf8');
  return hash.digest('hex');
}

/**
 * Whether two lower-case hex digests are equal, in time that does not depend on where they differ
 * (crypto.timingSafeEqual). A value of another length is unequal at once: lengths are not secret.
 */
export function sameDigest(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The headers of a signed API request, for scripts and tests: what a client sends with `accessToken`.
 * @example
 * ```ts
 * const headers = signedHeaders({ accessToken, appSecret, url: '/connect-service/v2.1/ota-jobs?action=search&orgId=o1', body });
 * ```
 */
export function signedHeaders(parts: {
  readonly accessToken: string;
  readonly appSecret: string;
  /** The request's path and query string, or a whole URL. */
  readonly url: string;
  readonly body: string;
  readonly timestamp?: number;
}): Record<string, string> {
  const timestamp = parts.timestamp ?? Date.now();
  const query = new URL(parts.url, 'http://localhost').searchParams;
  return {
    'content-type': 'application/json',
    'apim-accesstoken': parts.accessToken,
    'apim-timestamp': String(timestamp),
    'apim-signature': requestSignature({
      accessToken: parts.accessToken,
      query,
      body: parts.body,
      timestamp,
      appSecret: parts.appSecret,
    }),
  };
}
