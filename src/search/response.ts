import type { AppliedSorter } from './request.js';

/** The EnOS response shape (docs/LANGUAGE.md §5, the seed page's "Return Sample"). */
export interface SearchPage<T> {
  readonly code: 0;
  readonly msg: 'OK';
  readonly requestId: string;
  readonly data: T[];
  readonly pagination: {
    /** The sorters applied (`[{ field, order }]`), or null where the API takes none or the request gave none. */
    readonly sortedBy: readonly AppliedSorter[] | null;
    readonly pageNo: number;
    readonly pageSize: number;
    /** Every match, not only this page's. */
    readonly totalSize: number;
  };
}

/** The response to a bad request: code 99400, the message, and no data. */
export interface SearchFailure {
  readonly code: 99400;
  readonly msg: string;
  readonly requestId: string;
  readonly data: null;
}

/** EnOS's response to a search: a page of records, or the 99400 failure. */
export type SearchResponse<T = unknown> = SearchPage<T> | SearchFailure;

/**
 * A fresh request id; callers that have one from their gateway pass it in instead.
 * @example
 * ```ts
 * const response = searchRecords(jobs, request, { requestId: newRequestId() });
 * ```
 */
export function newRequestId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  // Only for runtimes without Web Crypto: an id needs to be unique per request, not unguessable.
  const hex = (n: number): string =>
    Math.floor(Math.random() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}
