/**
 * Edges of the client that the other tests left open, against a scripted `fetch` (no server): the walk of `pages`
 * at a short or empty page that claims more (a lifetime too large for a double is a row of edges.test.ts), the
 * token whose renewal point is the moment it arrives, a token answer of status 0 without data, the caller's
 * signal after a request has ended, the warnings of an unvalidated search, the request id of a malformed answer,
 * and the signature's order of query parameters on an engine whose sort reads the comparator otherwise than V8's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, EnosError, paramsData, TokenError, type AbortSignalLike } from '../../src/client.js';
import { options, page, scripted, settle, tokenAnswer } from './scripted-fetch.js';

/** A page of `records` with this pagination. */
const pageOf = (records: unknown[], pagination: Record<string, unknown>) =>
  page({ data: records, pagination: { sortedBy: null, pageNo: 1, ...pagination } });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pages ends its walk', () => {
  it('at a short page, even when totalSize claims more records', async () => {
    const records = Array.from({ length: 5 }, (_, index) => ({ assetId: `a${index}` }));
    const gateway = scripted(() => pageOf(records, { pageSize: 10, totalSize: 100 }));
    const client = createClient({ ...options, fetch: gateway.fetch });
    const seen: number[] = [];
    for await (const one of client.pages('device', { orgId: 'o1', pagination: { pageSize: 10 } })) {
      seen.push(one.records.length);
      if (seen.length > 3) break;
    }
    expect(seen).toEqual([5]);
    expect(gateway.api()).toHaveLength(1);
  });

  it('at an empty page, even with a page size of 0 (validate: false) and a totalSize that claims more', async () => {
    const gateway = scripted(() => pageOf([], { pageSize: 0, totalSize: 5 }));
    const client = createClient({ ...options, fetch: gateway.fetch, validate: false });
    let count = 0;
    for await (const _ of client.pages('device', { orgId: 'o1', pagination: { pageSize: 0 } })) if (++count > 3) break;
    expect(count).toBe(1);
    expect(gateway.api().map((request) => JSON.parse(request.body) as unknown)).toEqual([
      { pagination: { pageNo: 1, pageSize: 0 } },
    ]);
  });
});

describe('the token lifetime', () => {
  it('whose renewal point is the very moment it arrives is used to its end, not asked for on every search', async () => {
    let clock = 1_000;
    const gateway = scripted(
      () => page(),
      () => tokenAnswer('t1', 60),
    );
    // Asked at 1,000: it expires at 61,000, and the renewal margin of 60 s puts its renewal at 1,000, now.
    const client = createClient({ ...options, fetch: gateway.fetch, now: () => clock, renewBeforeMs: 60_000 });
    await client.search('device', { orgId: 'o1' });
    await client.search('device', { orgId: 'o1' });
    clock = 60_999;
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(1);
    clock = 61_000;
    await client.search('device', { orgId: 'o1' });
    expect(gateway.tokens()).toHaveLength(2);
  });
});

describe('the token service', () => {
  it('answering status 0 without data is a TokenError carrying its msg, not a TypeError', async () => {
    const gateway = scripted(
      () => page(),
      () => ({ body: { status: 0, msg: 'SUCCESS' } }),
    );
    const error = await settle(createClient({ ...options, fetch: gateway.fetch }).accessToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ code: null, msg: 'SUCCESS', httpStatus: 200 });
  });
});

describe("the caller's signal after the request has ended", () => {
  it('aborting it later aborts none of the fetches the search made', async () => {
    const gateway = scripted(() => page());
    const client = createClient({ ...options, fetch: gateway.fetch });
    const controller = new AbortController();
    await client.search('device', { orgId: 'o1', signal: controller.signal });
    controller.abort(new Error('too late'));
    expect(gateway.sent).toHaveLength(2);
    expect(gateway.sent.map((request) => (request.signal as AbortSignalLike | undefined)?.aborted)).toEqual([
      false,
      false,
    ]);
  });

  it('keeps no listener of the client once the search has answered (a long-lived signal does not pile them up)', async () => {
    const listeners = new Set<() => void>();
    const signal: AbortSignalLike = {
      aborted: false,
      addEventListener: (_type, listener) => void listeners.add(listener),
      removeEventListener: (_type, listener) => void listeners.delete(listener),
    };
    const gateway = scripted(() => page());
    const client = createClient({ ...options, fetch: gateway.fetch });
    for (let i = 0; i < 3; i += 1) await client.search('device', { orgId: 'o1', signal });
    await client.call({ path: '/x', signal });
    expect(listeners.size).toBe(0);
  });
});

describe('search', () => {
  it('without local validation has no warnings', async () => {
    const gateway = scripted(() => page());
    const client = createClient({ ...options, fetch: gateway.fetch, validate: false });
    const result = await client.search('device', { orgId: 'o1', expression: "status = 'online'" });
    expect(result.warnings).toEqual([]);
  });

  it('a malformed answer whose requestId is not a string reports none', async () => {
    const gateway = scripted(() => ({ body: { code: 0, msg: 'OK', requestId: 42, data: null } }));
    const error = await settle(createClient({ ...options, fetch: gateway.fetch }).search('device', { orgId: 'o1' }));
    expect(error).toBeInstanceOf(EnosError);
    expect(error).toMatchObject({ code: null, msg: 'a search answer without data[] and pagination' });
    expect((error as EnosError).requestId).toBeUndefined();
  });
});

/**
 * A stable insertion sort that shifts an element while the comparator says the one before it is greater (> 0): how
 * SpiderMonkey sorts short arrays, and a conforming `Array.prototype.sort` for any consistent comparator. V8's
 * TimSort reads only `< 0`, so only another engine's sort tells a consistent comparator from an inconsistent one.
 */
function insertionSort<T>(this: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < this.length; i += 1) {
    const item = this[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(this[j]!, item) > 0; j -= 1) this[j + 1] = this[j]!;
    this[j + 1] = item;
  }
  return this;
}

describe('paramsData on an engine whose sort reads the comparator with > 0', () => {
  const underInsertionSort = (query: [string, string][]): string => {
    const spy = vi.spyOn(Array.prototype, 'sort').mockImplementation(insertionSort as never);
    try {
      return paramsData(query, '{}');
    } finally {
      spy.mockRestore();
    }
  };

  it('sorts the names in ASCII order', () => {
    expect(
      underInsertionSort([
        ['orgId', 'o1'],
        ['action', 'search'],
        ['b', '2'],
        ['Z', '1'],
      ]),
    ).toBe('Z1actionsearchb2orgIdo1{}');
  });

  it('keeps repeated names in the order given', () => {
    expect(
      underInsertionSort([
        ['k', '1'],
        ['b', 'x'],
        ['k', '2'],
        ['k', '3'],
      ]),
    ).toBe('bxk1k2k3{}');
  });
});
