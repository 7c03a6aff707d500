/** describeSchema: a schema as data, for every field type (src/schema/describe.ts). */
import { describe, expect, it } from 'vitest';
import { defineSchema, describeSchema, otaJobSchema } from '../src/index.js';

describe('describeSchema', () => {
  it('describes the OTA job schema: fields in order, operators, known values, locales and paths', () => {
    const description = describeSchema(otaJobSchema);
    expect(description.name).toBe('ota-job');
    expect(description.logical).toEqual(['and', 'or']);
    expect(description.fields.map((field) => field.name)).toEqual(otaJobSchema.fieldNames);
    expect(description.fields[2]).toEqual({
      name: 'firmwareVersion',
      type: 'string',
      paths: ['firmwareVersion'],
      operators: ['=', 'in'],
      valueTypes: ['string'],
      knownValues: [],
      closed: false,
      locales: [],
      format: null,
    });
    expect(description.fields.find((field) => field.name === 'status')).toMatchObject({
      operators: ['='],
      knownValues: ['started', 'stopped'],
    });
    expect(description.fields.find((field) => field.name === 'name')).toMatchObject({
      type: 'i18n',
      paths: ['name', 'name.defaultValue', 'name.default', 'name.zh_CN', 'name.en_US'],
      locales: ['zh_CN', 'en_US'],
      valueTypes: ['string'],
    });
  });

  it('describes every field type', () => {
    const schema = defineSchema({
      name: 'every-type',
      fields: {
        s: { type: 'string', operators: ['=', 'like'], values: ['a'], closed: true },
        n: { type: 'number', operators: ['<', '>='] },
        b: { type: 'boolean', operators: ['=', 'exists'] },
        d: { type: 'datetime', operators: ['<', '='] },
        t: { type: 'i18n', operators: ['like'], locales: ['fr_FR'] },
        tags: { type: 'map', operators: ['=', 'exists'] },
        attrs: { type: 'map', operators: ['='], values: 'scalar' },
      },
      logical: ['and'],
    });
    const byName = Object.fromEntries(describeSchema(schema).fields.map((field) => [field.name, field]));
    expect(byName['s']).toMatchObject({ knownValues: ['a'], closed: true, valueTypes: ['string'] });
    expect(byName['n']).toMatchObject({ valueTypes: ['number'], operators: ['<', '>='] });
    expect(byName['b']).toMatchObject({ valueTypes: ['boolean'] });
    expect(byName['d']).toMatchObject({ type: 'datetime', valueTypes: ['string'], format: 'YYYY-MM-DD HH:mm:ss' });
    expect(byName['t']).toMatchObject({ paths: ['t', 't.defaultValue', 't.default', 't.fr_FR'], locales: ['fr_FR'] });
    expect(byName['tags']).toMatchObject({ paths: ['tags.<key>'], valueTypes: ['string'] });
    expect(byName['attrs']).toMatchObject({ valueTypes: ['string', 'number', 'boolean'] });
  });

  it('is frozen plain data that survives JSON', () => {
    const description = describeSchema(otaJobSchema);
    expect(Object.isFrozen(description)).toBe(true);
    expect(Object.isFrozen(description.fields[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });
});
