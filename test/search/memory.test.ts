/**
 * `searchRecords` at the edges docs/LANGUAGE.md §5 names: its options, records that are not a list or not records,
 * an expression the compilers refuse after the parse accepted it, and the fallback request id.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpressionError, newRequestId, searchRecords, toMongoSearch, toSqlSearch } from '../../src/index.js';

const job = (jobId: string, extra: Record<string, unknown> = {}) => ({ orgId: 'o1', jobId, createTime: 1, ...extra });

/** An expression nested `levels` deep, alternating `or` and `and` so that no level flattens into its parent. */
function nested(levels: number): string {
  let text = "status = 'started'";
  for (let level = 0; level < levels; level += 1) text = `status = 'started' ${level % 2 ? 'and' : 'or'} (${text})`;
  return text;
}

describe('searchRecords options', () => {
  it.each([[5], [null], [{}]])('a requestId that is not a string (%j) is a TypeError naming it', (requestId) => {
    expect(() => searchRecords([], { orgId: 'o1' }, { requestId: requestId as never })).toThrow(
      new TypeError('searchRecords: requestId must be a string'),
    );
  });

  it('the requestId given is the response’s, on a page and on a failure', () => {
    expect(searchRecords([], { orgId: 'o1' }, { requestId: 'given' })).toMatchObject({ code: 0, requestId: 'given' });
    expect(searchRecords([], {}, { requestId: 'given' })).toMatchObject({ code: 99400, requestId: 'given' });
  });

  it('an unknown option is a TypeError, not a 99400 response', () => {
    expect(() => searchRecords([], { orgId: 'o1' }, { dialect: 'sqlite' } as never)).toThrow(TypeError);
  });
});

describe('searchRecords records', () => {
  it.each([[{ 0: job('a') }], ['jobs'], [null]])('records that are not an array (%j) are none', (records) => {
    expect(searchRecords(records as never, { orgId: 'o1' }, { requestId: 'r' })).toEqual({
      code: 0,
      msg: 'OK',
      requestId: 'r',
      data: [],
      pagination: { sortedBy: null, pageNo: 1, pageSize: 10, totalSize: 0 },
    });
  });

  it('entries that are not records, or lack the organisation, are never returned', () => {
    const records = [null, 'o1', 42, [job('arr')], job('kept'), { jobId: 'no-org' }, job('other', { orgId: 'o2' })];
    const answer = searchRecords(records, { orgId: 'o1' });
    expect(answer).toMatchObject({ code: 0, data: [job('kept')], pagination: { totalSize: 1 } });
  });

  it('the organisation is an own property: one inherited from the prototype does not scope a record in', () => {
    const inherited = Object.create({ orgId: 'o1' }) as Record<string, unknown>;
    inherited.jobId = 'inherited';
    expect(searchRecords([inherited], { orgId: 'o1' })).toMatchObject({ code: 0, data: [] });
  });

  it('a page is the records from offset to offset + pageSize, the last page short', () => {
    const records = ['a', 'b', 'c', 'd', 'e'].map((id) => job(id));
    const ids = (pageNo: number) => {
      const answer = searchRecords(records, { orgId: 'o1', pagination: { pageNo, pageSize: 2 } });
      return answer.code === 0 ? answer.data.map((record) => record.jobId) : answer.msg;
    };
    expect([ids(1), ids(2), ids(3), ids(4)]).toEqual([['a', 'b'], ['c', 'd'], ['e'], []]);
  });
});

describe('an expression the parse accepts and the compilers refuse', () => {
  // Generous limits let the parser build a tree deeper than any compiler takes (256 levels of and/or).
  const limits = { maxDepth: 1000, maxComparisons: 1000 };
  const request = { orgId: 'o1', expression: nested(300) };
  const message = 'Invalid expression tree: the tree nests more than 256 levels deep';

  it('is the 99400 response from searchRecords, never a throw', () => {
    expect(searchRecords([job('a')], request, { requestId: 'r', limits })).toEqual({
      code: 99400,
      msg: message,
      requestId: 'r',
      data: null,
    });
  });

  it('is an ExpressionError (99400) with the same message from the query builders', () => {
    for (const build of [
      () => toMongoSearch(request, { limits }),
      () => toSqlSearch(request, { dialect: 'sqlite', limits }),
    ]) {
      expect(build).toThrow(ExpressionError);
      expect(build).toThrow(message);
    }
  });

  it('a tree within the compilers’ depth is searched as usual', () => {
    expect(
      searchRecords([job('a', { status: 'started' })], { orgId: 'o1', expression: nested(100) }, { limits }),
    ).toMatchObject({
      code: 0,
      pagination: { totalSize: 1 },
    });
  });
});

describe('newRequestId', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is Web Crypto’s random UUID where the runtime has one', () => {
    vi.stubGlobal('crypto', { randomUUID: () => 'from-web-crypto' });
    expect(newRequestId()).toBe('from-web-crypto');
  });

  it.each([
    ['no crypto at all', undefined],
    ['a crypto without randomUUID', {}],
  ])('without Web Crypto (%s) is still a version-4 UUID', (_, crypto) => {
    vi.stubGlobal('crypto', crypto);
    const ids = Array.from({ length: 20 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(20);
  });

  it.each([
    [0, '00000000-0000-4000-a000-000000000000'],
    [1 - 2 ** -53, 'ffffffff-ffff-4fff-afff-ffffffffffff'],
    [0.5, '80000000-8000-4800-a800-800000000000'],
  ])('without Web Crypto, every group is full width whatever the random draw (%d)', (draw, id) => {
    vi.stubGlobal('crypto', undefined);
    vi.spyOn(Math, 'random').mockReturnValue(draw);
    expect(newRequestId()).toBe(id);
  });

  it('a search without a requestId answers with a fresh UUID each time', () => {
    const first = searchRecords([], { orgId: 'o1' });
    const second = searchRecords([], { orgId: 'o1' });
    expect(first.requestId).toMatch(UUID_V4);
    expect(second.requestId).not.toBe(first.requestId);
  });
});
