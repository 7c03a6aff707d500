/** defineSchema checks every part of its input at run time and names the field and the bad value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, defineSchema, type SchemaDefinition } from '../src/index.js';

const define = (definition: unknown): unknown => defineSchema(definition as SchemaDefinition);

describe('defineSchema names what is wrong', () => {
  it.each([
    [null, 'defineSchema: the definition must be an object { name, fields, logical }, found null'],
    [
      { name: 'a', fields: {}, logical: [], extra: 1 },
      'defineSchema: unknown property "extra": expected name, fields, logical and search',
    ],
    [
      { name: 'a', field: {}, logical: [] },
      'defineSchema: unknown property "field" (did you mean fields?): expected name, fields, logical and search',
    ],
    [{ name: '', fields: {}, logical: [] }, 'defineSchema: name must be a non-empty string, found ""'],
    [
      { name: 'a', fields: [], logical: [] },
      'defineSchema a: fields must be an object of field definitions, found an array',
    ],
    [{ name: 'a', fields: {} }, 'defineSchema a: logical must be an array of and, or: found undefined'],
    [{ name: 'a', fields: {}, logical: ['xor'] }, 'defineSchema a: logical must be an array of and, or: found "xor"'],
    [
      { name: 'a', fields: { t: { type: 'date', operators: ['='] } }, logical: [] },
      'defineSchema a: field t: unknown type "date": expected string, number, boolean, datetime, i18n, map',
    ],
    [
      { name: 'a', fields: { t: { type: 'strng', operators: ['='] } }, logical: [] },
      'defineSchema a: field t: unknown type "strng" (did you mean string?): expected string, number, boolean, datetime, i18n, map',
    ],
    [
      { name: 'a', fields: { t: { type: 'string' } }, logical: [] },
      'defineSchema a: field t: operators must be an array, found undefined',
    ],
    [
      { name: 'a', fields: { t: { type: 'string', operators: ['=='] } }, logical: [] },
      'defineSchema a: field t: unknown operator "==" (did you mean =?): expected one of =, !=, <, <=, >, >=, in, like, exists, not exists, is null, is not null',
    ],
    [
      { name: 'a', fields: { t: { type: 'string', operators: ['='], value: ['x'] } }, logical: [] },
      'defineSchema a: field t: unknown property "value" (did you mean values?) for a string field',
    ],
    [
      { name: 'a', fields: { t: { type: 'string', operators: ['='], values: [1] } }, logical: [] },
      'defineSchema a: field t: values must be an array of strings, found number 1',
    ],
    [
      { name: 'a', fields: { t: { type: 'string', operators: ['='], closed: 'yes' } }, logical: [] },
      'defineSchema a: field t: closed must be true or false, found "yes"',
    ],
    [
      { name: 'a', fields: { t: { type: 'i18n', operators: ['like'] } }, logical: [] },
      'defineSchema a: field t: locales must be an array of locale names, found undefined',
    ],
    [
      { name: 'a', fields: { t: { type: 'number', operators: ['='], locales: [] } }, logical: [] },
      'defineSchema a: field t: unknown property "locales" for a number field',
    ],
    [
      { name: 'a', fields: { t: 'string' }, logical: [] },
      'defineSchema a: field t must be an object { type, operators, … }, found "string"',
    ],
  ])('%j', (definition, message) => {
    expect(() => define(definition)).toThrow(new TypeError(message));
  });

  it('a valid definition makes a schema that check uses', () => {
    const schema = defineSchema({
      name: 'ok',
      fields: { t: { type: 'string', operators: ['='], values: ['a'] } },
      logical: ['and'],
    });
    expect(check("t = 'a'", { schema }).ok).toBe(true);
  });

  it('arbitrary JSON never crashes inside: it makes a schema or gets a TypeError that starts with defineSchema', () => {
    const field = fc.record(
      {
        type: fc.oneof(fc.constantFrom('string', 'number', 'boolean', 'i18n', 'map'), fc.jsonValue()),
        operators: fc.oneof(fc.array(fc.constantFrom('=', 'in', 'like', '<', 'exists', '==')), fc.jsonValue()),
        values: fc.jsonValue(),
        locales: fc.oneof(fc.array(fc.constantFrom('zh_CN', 'en_US', 'default', '')), fc.jsonValue()),
        closed: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    const definition = fc.record(
      {
        name: fc.oneof(fc.string(), fc.jsonValue()),
        fields: fc.oneof(
          fc.dictionary(fc.oneof(fc.constantFrom('a', 'b_1', 'in', '__proto__'), fc.string()), field),
          fc.jsonValue(),
        ),
        logical: fc.oneof(fc.subarray(['and', 'or']), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(definition, fc.jsonValue()), (input) => {
        try {
          define(input);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect((error as Error).message).toMatch(/^defineSchema/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
