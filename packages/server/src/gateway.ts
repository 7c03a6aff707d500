/**
 * The EnOS gateway's authentication (docs/LANGUAGE.md §10): the token endpoint and the signature on every API
 * request. The tokens and the replay record are in the store, so instances on one database share them; a token,
 * once issued, never changes, so each instance may remember the ones it has seen (bounded) without asking again.
 */
import { randomBytes } from 'node:crypto';
import type { AppConfig } from './apps.js';
import { requestSignature, sameDigest, tokenEncryption } from './signing.js';
import { authSql, type AuthSql } from './store/auth-sql.js';
import type { Store } from './store/types.js';

/** How far a request's timestamp may be from the server's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** A token's lifetime, as EnOS's `expire: 7200`. */
export const TOKEN_LIFETIME_SECONDS = 7200;
/** Expired tokens are kept this long, so that their use is answered 1203 (renew) rather than "not valid". */
const EXPIRED_TOKEN_GRACE_MS = 24 * 60 * 60 * 1000;
const TOKEN_CACHE_SIZE = 10_000;
const TOKEN_PATTERN = /^[0-9a-f]{64}$/;
const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;

/** The token endpoint's answer, in EnOS's token-service form. */
export type TokenAnswer =
  | {
      readonly status: 0;
      readonly msg: 'SUCCESS';
      readonly business: 'apim-token-service';
      readonly data: { readonly accessToken: string; readonly expire: number };
    }
  | {
      readonly status: TokenErrorCode;
      readonly msg: string;
      readonly business: 'apim-token-service';
      readonly data: null;
    };

/** The token service's documented codes. */
export type TokenErrorCode = 1001 | 1002 | 1003 | 1202;

/** Why an API request is refused before it is read: 1202 a header is missing, 1203 renew the token, else 99403. */
export type RefusalCode = 1202 | 1203 | 99403;

export type Verification =
  | { readonly ok: true; readonly app: AppConfig }
  | { readonly ok: false; readonly code: RefusalCode; readonly msg: string };

export interface GatewayOptions {
  readonly store: Store;
  readonly apps: readonly AppConfig[];
  /** Token lifetime in seconds (default 7200). */
  readonly tokenLifetimeSeconds?: number;
  /** The clock, in epoch milliseconds (tests move it). */
  readonly now?: () => number;
}

/** The parts of an API request the signature covers. */
export interface SignedRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
}

export class Gateway {
  private readonly sql: AuthSql;
  private readonly apps: ReadonlyMap<string, AppConfig>;
  private readonly lifetimeMs: number;
  private readonly now: () => number;
  private readonly known = new Map<string, { readonly appKey: string; readonly expiresAt: number }>();

  constructor(private readonly options: GatewayOptions) {
    this.sql = authSql(options.store.dialect);
    this.apps = new Map(options.apps.map((app) => [app.appKey, app]));
    this.lifetimeMs = (options.tokenLifetimeSeconds ?? TOKEN_LIFETIME_SECONDS) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** `POST /apim-token-service/v2.0/token/get` with `{ appKey, encryption, timestamp }`. */
  async token(body: unknown): Promise<TokenAnswer> {
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
    const { appKey, encryption, timestamp } = fields as Record<string, unknown>;
    for (const [name, value] of [
      ['appKey', appKey],
      ['encryption', encryption],
      ['timestamp', timestamp],
    ] as const) {
      if (value === undefined || value === null || value === '') return tokenError(1202, `${name} is empty`);
    }
    if (typeof appKey !== 'string') return tokenError(1002, 'appKey does not exist');
    const app = this.apps.get(appKey);
    if (app === undefined) return tokenError(1002, 'appKey does not exist');
    const time = readTimestamp(timestamp);
    if (time === undefined) return tokenError(1003, 'encryption not valid: timestamp must be epoch milliseconds');
    const now = this.now();
    if (Math.abs(now - time) > MAX_CLOCK_SKEW_MS) {
      return tokenError(1003, 'encryption not valid: timestamp is more than 5 minutes from the server clock');
    }
    if (typeof encryption !== 'string' || !HEX_DIGEST.test(encryption)) {
      return tokenError(1003, 'encryption not valid');
    }
    const expected = tokenEncryption(appKey, String(timestamp), app.appSecret);
    if (!sameDigest(expected, encryption.toLowerCase())) return tokenError(1003, 'encryption not valid');
    // Recorded until its timestamp would be refused anyway; a second insert of it changes nothing: a replay.
    const keepUntil = Math.max(now, time) + MAX_CLOCK_SKEW_MS + 60_000;
    const fresh = await this.options.store.execute(this.sql.recordEncryption, [expected, keepUntil]);
    if (fresh === 0) return tokenError(1001, 'repeated request with a duplicated encryption');
    const token = await this.tokenOf(appKey, now);
    return {
      status: 0,
      msg: 'SUCCESS',
      business: 'apim-token-service',
      data: { accessToken: token.token, expire: Math.floor((token.expiresAt - now) / 1000) },
    };
  }

  /** The valid token of the app (the same one while it lasts), or a new one. */
  private async tokenOf(appKey: string, now: number): Promise<{ token: string; expiresAt: number }> {
    const rows = await this.options.store.query(this.sql.validTokenOfApp, [appKey, now + 1000]);
    const row = rows[0];
    if (row !== undefined) return { token: String(row['token']), expiresAt: Number(row['expires_at']) };
    const token = randomBytes(32).toString('hex');
    const expiresAt = now + this.lifetimeMs;
    await this.options.store.execute(this.sql.insertToken, [token, appKey, expiresAt]);
    return { token, expiresAt };
  }

  /** Checks the headers `apim-accesstoken`, `apim-timestamp` and `apim-signature` of an API request. */
  async verify(request: SignedRequest): Promise<Verification> {
    const header = (name: string): string | undefined => {
      const value = request.headers[name];
      return typeof value === 'string' && value.length > 0 ? value : undefined;
    };
    const accessToken = header('apim-accesstoken');
    const timestamp = header('apim-timestamp');
    const signature = header('apim-signature');
    for (const [name, value] of [
      ['apim-accesstoken', accessToken],
      ['apim-timestamp', timestamp],
      ['apim-signature', signature],
    ] as const) {
      if (value === undefined) return refuse(1202, `header ${name} is empty`);
    }
    const time = readTimestamp(timestamp);
    const now = this.now();
    if (time === undefined) return refuse(99403, 'apim-timestamp must be epoch milliseconds');
    if (Math.abs(now - time) > MAX_CLOCK_SKEW_MS) {
      return refuse(99403, 'apim-timestamp is more than 5 minutes from the server clock');
    }
    const token = TOKEN_PATTERN.test(accessToken!) ? await this.lookUp(accessToken!) : undefined;
    if (token === undefined) return refuse(99403, 'the access token is not valid');
    if (token.expiresAt <= now) return refuse(1203, 'the access token has expired');
    const app = this.apps.get(token.appKey);
    if (app === undefined) return refuse(99403, 'the access token is not valid');
    const expected = requestSignature({
      accessToken: accessToken!,
      query: request.query,
      body: request.body,
      timestamp: timestamp!,
      appSecret: app.appSecret,
    });
    if (!sameDigest(expected, signature!.toLowerCase())) return refuse(99403, 'the signature is not valid');
    return { ok: true, app };
  }

  private async lookUp(token: string): Promise<{ appKey: string; expiresAt: number } | undefined> {
    const known = this.known.get(token);
    if (known !== undefined) return known;
    const row = (await this.options.store.query(this.sql.tokenById, [token]))[0];
    if (row === undefined) return undefined;
    const found = { appKey: String(row['app_key']), expiresAt: Number(row['expires_at']) };
    if (this.known.size >= TOKEN_CACHE_SIZE) this.known.clear();
    this.known.set(token, found);
    return found;
  }

  /** Deletes replay entries that can no longer matter and tokens long expired. */
  async purge(): Promise<void> {
    const now = this.now();
    await this.options.store.execute(this.sql.purgeReplay, [now]);
    await this.options.store.execute(this.sql.purgeTokens, [now - EXPIRED_TOKEN_GRACE_MS]);
  }
}

/** Epoch milliseconds from a number or a string of digits; anything else is no timestamp. */
function readTimestamp(value: unknown): number | undefined {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

function tokenError(status: TokenErrorCode, msg: string): TokenAnswer {
  return { status, msg, business: 'apim-token-service', data: null };
}

function refuse(code: RefusalCode, msg: string): Verification {
  return { ok: false, code, msg };
}

/** The development app: created once per store, so that its keys stay the same across restarts. */
export async function developmentApp(store: Store, orgIds: readonly string[]): Promise<AppConfig> {
  const sql = authSql(store.dialect);
  const existing = (await store.query(sql.developmentApp, []))[0];
  let row = existing;
  if (row === undefined) {
    await store.execute(sql.insertDevelopmentApp, [
      `dev-${randomBytes(6).toString('hex')}`,
      randomBytes(24).toString('hex'),
    ]);
    // Two instances starting together may both insert; both then read the same first one.
    row = (await store.query(sql.developmentApp, []))[0];
  }
  if (row === undefined) throw new Error('the development app could not be stored');
  return { appKey: String(row['app_key']), appSecret: String(row['app_secret']), orgIds };
}
