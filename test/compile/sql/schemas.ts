/** Schemas the SQL tests of this folder share. */
import { defineSchema } from '../../../src/schema/schema.js';

/** One field of each kind, and search rules whose order and sorters name properties outside the fields. */
export const deviceSchema = defineSchema({
  name: 'dev-ice',
  fields: {
    deviceId: { type: 'string', operators: ['=', 'in'] },
    model: { type: 'string', operators: ['=', 'in'], values: ['a', 'b'] },
    serial: { type: 'string', operators: ['=', 'in'] },
    note: { type: 'string', operators: ['like', 'exists'] },
    temp: { type: 'number', operators: ['<', '<=', '>', '>=', '=', '!=', 'in', 'is null'] },
    online: { type: 'boolean', operators: ['='] },
    seen: { type: 'datetime', operators: ['>'] },
    title: { type: 'i18n', operators: ['like'], locales: ['zh-Hans', 'en'] },
    label: { type: 'i18n', operators: ['=', '!='], locales: ['fr'] },
    tags: { type: 'map', operators: ['=', '!=', 'in', 'like', 'exists', 'not exists', 'is null', 'is not null'] },
    attrs: { type: 'map', values: 'scalar', operators: ['=', '!=', 'in', 'exists'] },
  },
  logical: ['and', 'or'],
  search: {
    id: 'deviceId',
    order: [
      { field: 'seen', direction: 'desc', type: 'datetime' },
      { field: 'rank', direction: 'asc', type: 'integer' },
    ],
    sorters: [
      { field: 'score', type: 'number' },
      { field: 'rank', type: 'integer' },
      { field: 'serial', type: 'string' },
    ],
    pageSize: { default: 10, max: 100 },
  },
});
