/**
 * One POST of JSON, bounded in time and abortable: the caller's signal aborts it, and `timeoutMs` rejects it with a
 * `TimeoutError` even when a `fetch` ignores its signal (the race below), so a hung connection never hangs a search.
 */
import { EnosError } from './errors.js';
import {
  abortReason,
  newAbortController,
  startTimer,
  timeoutError,
  type AbortSignalLike,
  type FetchLike,
} from './globals.js';

/** How one HTTP exchange is bounded. */
export interface Control {
  /** Milliseconds before the exchange is given up (response body included); 0 or less: no limit. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignalLike | undefined;
}

/** An answer whose body is JSON. */
export interface JsonAnswer {
  readonly httpStatus: number;
  readonly body: unknown;
}

export async function postJson(
  fetch: FetchLike,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  control: Control,
): Promise<JsonAnswer> {
  const { text, httpStatus } = await bounded(control, (signal) =>
    fetch(url, { method: 'POST', headers, body, signal }).then(async (response) => ({
      httpStatus: response.status,
      text: await response.text(),
    })),
  );
  try {
    return { httpStatus, body: JSON.parse(text) as unknown };
  } catch {
    const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    throw new EnosError({
      code: null,
      msg: `HTTP ${httpStatus} from ${url} with a body that is not JSON: ${shown}`,
      requestId: undefined,
      httpStatus,
    });
  }
}

/**
 * Runs `work` with a signal that aborts on the caller's signal or at the timeout, and rejects as soon as either
 * happens, with the caller's reason or a `TimeoutError`.
 */
export async function bounded<T>(control: Control, work: (signal: AbortSignalLike) => Promise<T>): Promise<T> {
  const outer = control.signal;
  if (outer?.aborted) throw abortReason(outer);
  const controller = newAbortController();
  let reject: (reason: unknown) => void = () => {};
  const aborted = new Promise<never>((_, rejectWith) => (reject = rejectWith));
  const abort = (reason: unknown): void => {
    controller.abort(reason);
    reject(reason);
  };
  const onOuterAbort = (): void => abort(abortReason(outer!));
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const stopTimer =
    control.timeoutMs > 0
      ? startTimer(() => abort(timeoutError(`EnOS request timed out after ${control.timeoutMs} ms`)), control.timeoutMs)
      : () => {};
  try {
    return await Promise.race([work(controller.signal), aborted]);
  } finally {
    stopTimer();
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** Waits for `promise` unless `signal` aborts first (the promise itself goes on: it may be shared). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignalLike | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return bounded({ timeoutMs: 0, signal }, () => promise);
}
