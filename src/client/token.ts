/**
 * The access token (SPEC §10; EnOS "Get Access Token"): fetched on first use, cached, renewed a margin before it
 * expires and again whenever the gateway says it has expired (1203). Concurrent callers share one token request
 * (single flight), so a burst of searches on a cold client asks the token service once.
 */
import { TokenError } from './errors.js';
import { abortable, postJson, type Control } from './http.js';
import type { FetchLike } from './globals.js';
import { tokenEncryption } from './signature.js';

/** The token service's route on every EnOS gateway. */
export const TOKEN_PATH = '/apim-token-service/v2.0/token/get';

/** The lifetime EnOS documents ("an initial value of 7,200"), assumed when an answer gives none. */
const DEFAULT_EXPIRE_SECONDS = 7200;
const REPEATED_ENCRYPTION = 1001;

export interface TokenSourceOptions {
  readonly url: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly fetch: FetchLike;
  /** Milliseconds since the epoch, strictly increasing (each token request's timestamp, hence its encryption, is new). */
  readonly stamp: () => number;
  /** Milliseconds since the epoch: the cache's clock. */
  readonly now: () => number;
  readonly timeoutMs: number;
  /** Renew this long before the token expires, so that no request leaves with a token that expires in transit. */
  readonly renewBeforeMs: number;
}

interface CachedToken {
  readonly accessToken: string;
  /** From here on the token is renewed before use. */
  readonly renewAt: number;
}

export class TokenSource {
  private cached: CachedToken | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(private readonly options: TokenSourceOptions) {}

  /**
   * The current token, fetching one when there is none or it is due for renewal. The caller's signal stops the
   * caller's wait only: a shared token request goes on for the others.
   */
  get(signal?: Control['signal']): Promise<string> {
    const cached = this.cached;
    if (cached !== undefined && this.options.now() < cached.renewAt) return Promise.resolve(cached.accessToken);
    this.inFlight ??= this.request().finally(() => {
      this.inFlight = undefined;
    });
    return abortable(this.inFlight, signal);
  }

  /**
   * The gateway refused `accessToken` as expired (1203): forget it, unless a newer one has replaced it already (a
   * burst of refused requests then renews once).
   */
  expired(accessToken: string): void {
    if (this.cached?.accessToken === accessToken) this.cached = undefined;
  }

  /**
   * Asks the token service. A 1001 answer (a repeated encryption) means another client of the same app asked in
   * the same millisecond: asked again, later, with another timestamp.
   */
  private async request(): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.requestOnce(attempt === 1 ? 0 : 1 + Math.floor(Math.random() * 100));
      } catch (error) {
        if (!(error instanceof TokenError && error.code === REPEATED_ENCRYPTION && attempt < 3)) throw error;
      }
    }
  }

  private async requestOnce(laterByMs: number): Promise<string> {
    const { appKey, appSecret } = this.options;
    const timestamp = this.options.stamp() + laterByMs;
    const encryption = await tokenEncryption({ appKey, timestamp, appSecret });
    const body = JSON.stringify({ appKey, encryption, timestamp });
    const answer = await postJson(
      this.options.fetch,
      this.options.url,
      { 'content-type': 'application/json;charset=UTF-8' },
      body,
      { timeoutMs: this.options.timeoutMs },
    );
    const reply = isObject(answer.body) ? answer.body : {};
    const data = isObject(reply.data) ? reply.data : {};
    const status = typeof reply.status === 'number' ? reply.status : typeof reply.code === 'number' ? reply.code : null;
    if (status !== 0 || typeof data.accessToken !== 'string' || data.accessToken === '') {
      throw new TokenError({
        code: status === 0 ? null : status,
        msg:
          typeof reply.msg === 'string'
            ? reply.msg
            : `unexpected answer of the token service (HTTP ${answer.httpStatus})`,
        requestId: typeof reply.requestId === 'string' ? reply.requestId : undefined,
        httpStatus: answer.httpStatus,
      });
    }
    const seconds =
      typeof data.expire === 'number' && Number.isFinite(data.expire) && data.expire >= 0
        ? data.expire
        : DEFAULT_EXPIRE_SECONDS;
    // Counted from when the request left, not when the answer came: never later than the gateway's own count.
    const expiresAt = timestamp + seconds * 1000;
    const early = expiresAt - this.options.renewBeforeMs;
    // A token already inside the margin (the gateway hands out the same token until it expires) is used to its end:
    // asking again before then would return it again, once per search.
    this.cached = { accessToken: data.accessToken, renewAt: early > this.options.now() ? early : expiresAt };
    return data.accessToken;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
