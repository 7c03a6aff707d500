/**
 * Corners of the searches that the other tests leave open: `validateSearchRequest` names itself in a bad option's
 * TypeError, and a datetime sort value that is not a string is absent even when it converts to a valid time.
 */
import { Aggregator } from 'mingo';
import { describe, expect, it } from 'vitest';
import { schemas, searchRecords, toMongoSearch, validateSearchRequest, type SearchOptions } from '../../src/index.js';

describe('validateSearchRequest: a bad option is a TypeError naming the function', () => {
  it.each([
    [{ requestId: 'r' }, 'validateSearchRequest: unknown option "requestId": expected schema or limits'],
    [{ schema: 1 }, 'validateSearchRequest: schema must be a schema made by defineSchema'],
  ])('%j', (options, message) => {
    expect(() => validateSearchRequest({ orgId: 'o1' }, options as SearchOptions)).toThrow(new TypeError(message));
  });
});

describe('a datetime sort key (Search Command: createTime, newest first)', () => {
  const schema = schemas['command']!;
  const TIME = '2024-01-02 03:04:05';
  const records = [
    { orgId: 'o1', commandId: 'a', createTime: '2024-01-01 00:00:00' },
    { orgId: 'o1', commandId: 'b', createTime: [TIME] },
    { orgId: 'o1', commandId: 'c', createTime: { toString: (): string => TIME } },
    { orgId: 'o1', commandId: 'd', createTime: TIME },
  ];
  const request = { orgId: 'o1', pagination: { pageSize: 10 } };

  it('a value that only converts to a time is absent: last, newest first, ties by id', () => {
    const page = searchRecords(records, request, { schema });
    expect(page.code === 0 && page.data.map((record) => record.commandId)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('MongoDB’s pipeline agrees for the array', () => {
    const plain = records.filter((record) => record.commandId !== 'c');
    const pipeline = toMongoSearch(request, { schema }).pipeline;
    const ids = new Aggregator(pipeline as never[]).run(plain as never[]).map((record) => record['commandId']);
    expect(ids).toEqual(['d', 'a', 'b']);
  });
});
