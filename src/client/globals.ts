/**
 * The web platform globals the client uses (fetch, WebCrypto, TextEncoder, AbortController, timers), read from
 * `globalThis` through minimal structural types. The library is type-checked without the DOM library and without
 * Node's types (its declarations must not pull either into a user's program), so each global is declared here by
 * the few members the client calls; browsers and Node 20 provide all of them.
 */

/** What the client needs of an `AbortSignal`; a real `AbortSignal` is one. */
export interface AbortSignalLike {
  /** Whether the signal has aborted. */
  readonly aborted: boolean;
  /** Why: what the search rejects with. */
  readonly reason?: unknown;
  /** Calls `listener` when the signal aborts. */
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
  /** Stops calling `listener`. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The request the client hands to `fetch`: method `POST`, `headers` a plain object of strings, `body` a string and
 * `signal` an `AbortSignal`. Typed loosely so that the global `fetch` and a test double typed with exact fields are
 * both accepted (the option is a method, whose parameters TypeScript compares both ways).
 */
export interface FetchInit {
  readonly method?: string;
  readonly headers?: unknown;
  readonly body?: unknown;
  readonly signal?: unknown;
}

/** What the client reads of a `fetch` response; a real `Response` is one. */
export interface ResponseLike {
  /** The HTTP status. */
  readonly status: number;
  /** The body as text (EnOS answers with JSON). */
  text(): Promise<string>;
}

/** A `fetch` function: the global one, or any function that answers like it (a test double, a proxying fetch). */
export type FetchLike = {
  // Method syntax on purpose: its parameter is compared bivariantly (see FetchInit). `init` is optional only so
  // that the global fetch's `init?: RequestInit` matches: the client always passes it.
  /** Sends one request, as the global `fetch` does. */
  fetch(url: string, init?: FetchInit): Promise<ResponseLike>;
}['fetch'];

interface SubtleCryptoLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}

interface Globals {
  readonly fetch?: FetchLike;
  readonly crypto?: { readonly subtle?: SubtleCryptoLike };
  readonly TextEncoder?: new () => { encode(text: string): Uint8Array };
  readonly AbortController?: new () => AbortControllerLike;
  readonly DOMException?: new (message: string, name: string) => Error;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const global = globalThis as unknown as Globals;

/** WebCrypto; absent on pages served over plain http from another host than localhost (not a secure context). */
export function webCrypto(): { readonly subtle: SubtleCryptoLike } {
  const subtle = global.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error(
      'ota-expr/client needs WebCrypto (crypto.subtle): Node 20 or newer, or a page served over https or from localhost',
    );
  }
  return { subtle };
}

export function textEncoder(): { encode(text: string): Uint8Array } {
  if (global.TextEncoder === undefined) throw new Error('ota-expr/client needs TextEncoder');
  return new global.TextEncoder();
}

/** The global `fetch`, bound to `globalThis` (a detached `window.fetch` throws "Illegal invocation"). */
export function globalFetch(): FetchLike {
  const fetch = global.fetch;
  if (fetch === undefined)
    throw new Error('ota-expr/client needs fetch: Node 20 or newer, a browser, or options.fetch');
  return (url, init) => fetch.call(globalThis, url, init);
}

export function newAbortController(): AbortControllerLike {
  if (global.AbortController === undefined) throw new Error('ota-expr/client needs AbortController');
  return new global.AbortController();
}

/** A `TimeoutError` as `AbortSignal.timeout` gives it: a DOMException where there is one. */
export function timeoutError(message: string): Error {
  if (global.DOMException !== undefined) return new global.DOMException(message, 'TimeoutError');
  const error = new Error(message);
  error.name = 'TimeoutError';
  return error;
}

/** The reason an aborted signal gives, as `fetch` rejects with it: `AbortError` when the signal names none. */
export function abortReason(signal: AbortSignalLike): unknown {
  if (signal.reason !== undefined) return signal.reason;
  if (global.DOMException !== undefined) return new global.DOMException('This operation was aborted', 'AbortError');
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

export function startTimer(callback: () => void, ms: number): () => void {
  const handle = global.setTimeout(callback, ms);
  return () => global.clearTimeout(handle);
}
