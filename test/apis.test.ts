/** The built-in APIs are data that the generic stages accept as they are. */
import { describe, expect, it } from 'vitest';
import { APIS, DEFAULT_API } from '../src/apis/index.js';
import { otaJobApi } from '../src/apis/ota-job/api.js';
import { OTA_JOB_COLUMN_KEYS, OTA_JOB_COLUMNS } from '../src/apis/ota-job/row.js';
import { sqlLayout } from '../src/compile/sql/layout.js';
import { apiProblem } from '../src/schema/api.js';
import { defineSchema } from '../src/schema/schema.js';

describe('built-in APIs', () => {
  it.each([...APIS])('%s: its schema passes defineSchema’s checks, and the definition passes apiProblem', (_, api) => {
    expect(() =>
      defineSchema({ name: api.schema.name, fields: api.schema.fields, logical: api.schema.logical }),
    ).not.toThrow();
    expect(apiProblem(api)).toBeUndefined();
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

  it('apiProblem names what is wrong', () => {
    expect(apiProblem(null)).toMatch(/api must be an API definition/);
    expect(apiProblem({ ...otaJobApi, scope: '' })).toBe('api.scope must be a property name');
    expect(apiProblem({ ...otaJobApi, key: ['jobId', 3] })).toBe('api.key must be an array of property names');
    expect(apiProblem({ ...otaJobApi, order: [] })).toMatch(/api.order must be a non-empty array/);
    expect(
      apiProblem({ ...otaJobApi, order: [{ property: 'createTime', direction: 'down', type: 'integer' }] }),
    ).toMatch(/api.order/);
    expect(apiProblem({ ...otaJobApi, table: 1 })).toBe('api.table must be a table name');
  });
});
