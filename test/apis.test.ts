/** The built-in APIs are data that the generic stages accept as they are. */
import { describe, expect, it } from 'vitest';
import { APIS, DEFAULT_API } from '../src/apis/index.js';
import { otaJobApi } from '../src/apis/ota-job/api.js';
import { OTA_JOB_COLUMN_KEYS, OTA_JOB_COLUMNS } from '../src/apis/ota-job/row.js';
import { sqlLayout } from '../src/compile/sql/layout.js';
import { apiOf } from '../src/schema/api.js';
import { defineSchema } from '../src/schema/schema.js';

describe('built-in APIs', () => {
  it.each([...APIS])('%s: its schema passes defineSchema’s checks, search rules included', (_, api) => {
    const { name, fields, logical, search } = api.schema;
    expect(() => defineSchema({ name, fields, logical, ...(search === undefined ? {} : { search }) })).not.toThrow();
    expect(apiOf(api.schema)).toBe(api);
  });

  it('Search OTA Job is the default', () => {
    expect(DEFAULT_API).toBe(otaJobApi);
    expect(APIS.get('ota-job')).toBe(otaJobApi);
  });

  it('OTA_JOB_COLUMNS is the layout of Search OTA Job, column for column and in table order', () => {
    const layout = sqlLayout(otaJobApi);
    expect(layout.columns.map((column) => column.key)).toEqual(OTA_JOB_COLUMN_KEYS);
    expect(layout.columns.map((column) => column.name)).toEqual(Object.values(OTA_JOB_COLUMNS));
    expect(layout.table).toBe('ota_job');
    expect(layout.primaryKey.map((column) => column.name)).toEqual(['org_id', 'job_id']);
  });

  it('a schema without search rules borrows the default API’s, one object per schema', () => {
    const plain = defineSchema({ name: 'plain', fields: {}, logical: [] });
    expect(apiOf(plain, otaJobApi)).toMatchObject({ schema: plain, id: 'jobId', table: 'ota_job' });
    expect(apiOf(plain, otaJobApi)).toBe(apiOf(plain, otaJobApi));
    expect(() => apiOf(plain)).toThrow(new TypeError('schema plain has no search rules'));
  });
});
