/**
 * Corners of the SQL rows and options that the other tests leave open: a datetime value that is not a string is
 * absent (NULL) even when it converts to a valid time, and `toSqlFragments` names the function of the mapping it
 * refuses as `toSql` does.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import { insertRow, toRow, toSqlFragments, type SqlMapping } from '../../../src/sql.js';
import { deviceSchema } from './schemas.js';

const TIME = '2024-03-01 10:00:00';
const seenOf = (record: unknown): unknown =>
  (toRow(record, { schema: deviceSchema }) as Record<string, unknown>)['seen'];

describe('a datetime column holds strings of the datetime form only', () => {
  it.each([
    ['an array holding a time', [TIME]],
    ['an object that converts to a time', { toString: (): string => TIME }],
  ])('%s is absent: NULL', (_label, seen) => {
    const record = { orgId: 'o1', deviceId: 'd1', seen };
    expect(seenOf(record)).toBeNull();
    const { params } = insertRow(record, { dialect: 'sqlite', schema: deviceSchema });
    expect(params).not.toContain(seen);
  });

  it('the time itself is stored', () => {
    expect(seenOf({ orgId: 'o1', deviceId: 'd1', seen: TIME })).toBe(TIME);
  });
});

describe('toSqlFragments refuses a mapping as toSql does', () => {
  it('a column the table does not have', () => {
    const mapping: SqlMapping = { columns: { prductKey: 'x' } };
    expect(() => toSqlFragments(parse("productKey = 'a'"), { dialect: 'postgres', mapping })).toThrow(
      new TypeError(
        'toSql: mapping.columns: the table of ota-job has no column "prductKey" (did you mean productKey?); its columns are orgId, jobId, productKey, firmwareId, firmwareVersion, type, status, createTime, nameDefault, nameZhCn, nameEnUs, firmwareNameDefault, firmwareNameZhCn, firmwareNameEnUs, doc',
      ),
    );
  });
});
