/**
 * defineSchema's run-time checks, rule by rule (src/schema/schema.ts): each part of a definition accepted just
 * inside its rule and refused just outside it, with the exact TypeError message callers read.
 */
import { describe, expect, it } from 'vitest';
import { defineSchema, type SchemaDefinition } from '../../src/index.js';

const define = (definition: unknown): unknown => defineSchema(definition as SchemaDefinition);

/** A definition with one field `t`. */
const withField = (field: unknown): unknown => ({ name: 'a', fields: { t: field }, logical: [] });

/** A definition with search rules: the valid base with `overrides` applied. */
const withSearch = (overrides: Record<string, unknown>): unknown => ({
  name: 'a',
  fields: {},
  logical: [],
  search: { id: 'id', order: [], pageSize: { default: 10, max: 100 }, ...overrides },
});

const OPERATOR_LIST = '=, !=, <, <=, >, >=, in, like, exists, not exists, is null, is not null';
const TYPE_LIST = 'string, number, boolean, datetime, i18n, map';

describe('the definition itself', () => {
  it.each([
    [undefined, 'undefined'],
    [[], 'an array'],
    [5, 'number 5'],
    [true, 'boolean true'],
    ['schema', '"schema"'],
  ])('a definition that is not an object (%j) is refused, naming what was found', (definition, found) => {
    expect(() => define(definition)).toThrow(
      new TypeError(`defineSchema: the definition must be an object { name, fields, logical }, found ${found}`),
    );
  });

  it('name, fields, logical and search are the only properties, each accepted', () => {
    const schema = define(withSearch({})) as { name: string; search: unknown; fieldNames: readonly string[] };
    expect(schema.name).toBe('a');
    expect(schema.search).toEqual({ id: 'id', order: [], pageSize: { default: 10, max: 100 } });
    expect(() => define({ name: 'a', fields: {}, logical: [], serch: {} })).toThrow(
      new TypeError(
        'defineSchema: unknown property "serch" (did you mean search?): expected name, fields, logical and search',
      ),
    );
  });

  it.each([
    [5, 'number 5'],
    [null, 'null'],
    [{}, 'an object'],
    [[], 'an array'],
  ])('a name that is not a string (%j) is refused', (name, found) => {
    expect(() => define({ name, fields: {}, logical: [] })).toThrow(
      new TypeError(`defineSchema: name must be a non-empty string, found ${found}`),
    );
  });

  it.each([
    [null, 'null'],
    ['x', '"x"'],
    [undefined, 'undefined'],
  ])('fields that are not an object (%j) are refused', (fields, found) => {
    expect(() => define({ name: 'a', fields, logical: [] })).toThrow(
      new TypeError(`defineSchema a: fields must be an object of field definitions, found ${found}`),
    );
  });

  it.each([
    ['and', '"and"'],
    [['and', 'xor'], '"xor"'],
    [['or', 5], 'number 5'],
    [['and', null], 'null'],
  ])('logical must list and and or only: %j is refused, naming the first bad entry', (logical, found) => {
    expect(() => define({ name: 'a', fields: {}, logical })).toThrow(
      new TypeError(`defineSchema a: logical must be an array of and, or: found ${found}`),
    );
  });

  it.each([[[]], [['and']], [['or']], [['and', 'or']]])('logical %j is accepted', (logical) => {
    expect((define({ name: 'a', fields: {}, logical }) as { logical: unknown }).logical).toEqual(logical);
  });

  it('every field is checked, not only the first', () => {
    expect(() =>
      define({
        name: 'a',
        fields: { ok: { type: 'string', operators: ['='] }, bad: { type: 'string', operators: ['<'] } },
        logical: [],
      }),
    ).toThrow(new TypeError('defineSchema a: field bad: < is allowed on number and datetime fields only'));
  });
});

describe('field names', () => {
  it.each(['1a', 'a-b', 'a.b', '', 'a b', '-a', 'a-', 'and', 'or', 'in', 'like', 'not', 'exists', 'is', 'null'])(
    '%j is not a valid field name',
    (name) => {
      expect(() => define({ name: 'a', fields: { [name]: { type: 'string', operators: [] } }, logical: [] })).toThrow(
        new TypeError(
          `defineSchema a: ${JSON.stringify(name)} is not a valid field name (a letter or _, then letters, digits or _; not a keyword)`,
        ),
      );
    },
  );

  it.each(['a', '_', '_a1', 'A9_z', 'andy', 'order', 'name'])('%j is a valid field name', (name) => {
    const schema = define({ name: 'a', fields: { [name]: { type: 'string', operators: [] } }, logical: [] });
    expect((schema as { fieldNames: readonly string[] }).fieldNames).toEqual([name]);
  });
});

describe('field definitions', () => {
  it.each([
    [null, 'null'],
    [[], 'an array'],
    [7, 'number 7'],
  ])('a field that is not an object (%j) is refused', (field, found) => {
    expect(() => define(withField(field))).toThrow(
      new TypeError(`defineSchema a: field t must be an object { type, operators, … }, found ${found}`),
    );
  });

  it.each([
    [5, 'number 5'],
    [undefined, 'undefined'],
    ['constructor', '"constructor"'],
    ['__proto__', '"__proto__"'],
    ['hasOwnProperty', '"hasOwnProperty"'],
  ])('type %j is unknown (own types only, never the prototype’s)', (type, found) => {
    expect(() => define(withField({ type, operators: [] }))).toThrow(
      new TypeError(`defineSchema a: field t: unknown type ${found}: expected ${TYPE_LIST}`),
    );
  });

  it.each([
    ['string', 'values', ['a']],
    ['string', 'closed', true],
    ['i18n', 'locales', ['fr']],
    ['map', 'values', 'scalar'],
  ])('a %s field takes %s', (type, key, value) => {
    expect(() => define(withField({ type, operators: [], [key]: value }))).not.toThrow();
  });

  it.each([
    ['number', 'values', ['a']],
    ['boolean', 'values', ['a']],
    ['datetime', 'closed', true],
    ['i18n', 'values', ['a']],
    ['map', 'locales', []],
    ['map', 'closed', true],
    ['string', 'locales', []],
  ])('a %s field does not take %s', (type, key, value) => {
    expect(() => define(withField({ type, operators: [], [key]: value }))).toThrow(
      new TypeError(`defineSchema a: field t: unknown property ${JSON.stringify(key)} for a ${type} field`),
    );
  });

  it.each([
    ['=', '"="'],
    [{}, 'an object'],
    [null, 'null'],
  ])('operators must be an array: %j is refused', (operators, found) => {
    expect(() => define(withField({ type: 'string', operators }))).toThrow(
      new TypeError(`defineSchema a: field t: operators must be an array, found ${found}`),
    );
  });

  it.each([
    [5, 'number 5', ''],
    ['between', '"between"', ''],
    ['Like', '"Like"', ' (did you mean like?)'],
  ])('operator %j is unknown', (op, found, hint) => {
    expect(() => define(withField({ type: 'string', operators: ['=', op] }))).toThrow(
      new TypeError(`defineSchema a: field t: unknown operator ${found}${hint}: expected one of ${OPERATOR_LIST}`),
    );
  });

  const ORDERING = ['<', '<=', '>', '>='] as const;
  it.each(ORDERING.flatMap((op) => ['number', 'datetime'].map((type) => [op, type])))(
    'ordering operator %s is allowed on a %s field',
    (op, type) => {
      expect(() => define(withField({ type, operators: [op] }))).not.toThrow();
    },
  );

  it.each(
    ORDERING.flatMap((op) =>
      (
        [
          ['string', {}],
          ['boolean', {}],
          ['i18n', { locales: [] }],
          ['map', {}],
        ] as const
      ).map(([type, extra]) => [op, type, extra] as const),
    ),
  )('ordering operator %s is refused on a %s field', (op, type, extra) => {
    expect(() => define(withField({ type, operators: [op], ...extra }))).toThrow(
      new TypeError(`defineSchema a: field t: ${op} is allowed on number and datetime fields only`),
    );
  });

  it.each([
    ['string', {}],
    ['i18n', { locales: [] }],
    ['map', {}],
  ])('like is allowed on a %s field', (type, extra) => {
    expect(() => define(withField({ type, operators: ['like'], ...extra }))).not.toThrow();
  });

  it.each(['number', 'boolean', 'datetime'])('like is refused on a %s field', (type) => {
    expect(() => define(withField({ type, operators: ['=', 'like'] }))).toThrow(
      new TypeError('defineSchema a: field t: like needs a string, i18n or map field'),
    );
  });

  it.each(['=', '!=', 'in', 'exists', 'not exists', 'is null', 'is not null'])(
    'operator %s is allowed on every field type',
    (op) => {
      for (const field of [
        { type: 'string' },
        { type: 'number' },
        { type: 'boolean' },
        { type: 'datetime' },
        { type: 'i18n', locales: [] },
        { type: 'map' },
      ]) {
        expect(() => define(withField({ ...field, operators: [op] }))).not.toThrow();
      }
    },
  );
});

describe('type-specific properties', () => {
  it.each([[[]], [['a']], [['a', 'b']]])('string values %j are accepted', (values) => {
    expect(() => define(withField({ type: 'string', operators: ['='], values }))).not.toThrow();
  });

  it.each([
    ['a', '"a"'],
    [null, 'null'],
    [['a', 2], 'number 2'],
    [['a', 'b', null], 'null'],
    [[{}], 'an object'],
  ])('string values %j are refused, naming the first value that is not a string', (values, found) => {
    expect(() => define(withField({ type: 'string', operators: ['='], values }))).toThrow(
      new TypeError(`defineSchema a: field t: values must be an array of strings, found ${found}`),
    );
  });

  it.each([[true], [false]])('closed %j is accepted', (closed) => {
    expect(() => define(withField({ type: 'string', operators: ['='], values: ['a'], closed }))).not.toThrow();
  });

  it.each([
    [null, 'null'],
    [1, 'number 1'],
  ])('closed %j is refused', (closed, found) => {
    expect(() => define(withField({ type: 'string', operators: ['='], closed }))).toThrow(
      new TypeError(`defineSchema a: field t: closed must be true or false, found ${found}`),
    );
  });

  it.each(['string', 'scalar'])("a map's values may be %j", (values) => {
    expect(() => define(withField({ type: 'map', operators: ['='], values }))).not.toThrow();
  });

  it.each([
    ['number', '"number"'],
    [['string'], 'an array'],
    [null, 'null'],
  ])("a map's values %j are refused", (values, found) => {
    expect(() => define(withField({ type: 'map', operators: ['='], values }))).toThrow(
      new TypeError(`defineSchema a: field t: values must be 'string' or 'scalar', found ${found}`),
    );
  });

  it.each([[['zh_CN', 'en-US', 'a/b', '9', 'defaultValues', 'Default']], [[]]])('locales %j are valid', (locales) => {
    expect(() => define(withField({ type: 'i18n', operators: ['like'], locales }))).not.toThrow();
  });

  it.each([
    ['zh_CN', '"zh_CN"'],
    [{ zh: 'x' }, 'an object'],
    [null, 'null'],
  ])('locales that are not an array (%j) are refused', (locales, found) => {
    expect(() => define(withField({ type: 'i18n', operators: ['like'], locales }))).toThrow(
      new TypeError(`defineSchema a: field t: locales must be an array of locale names, found ${found}`),
    );
  });

  it.each([
    ['default', '"default"'],
    ['defaultValue', '"defaultValue"'],
    ['', '""'],
    ['a.b', '"a.b"'],
    ['.a', '".a"'],
    ['a.', '"a."'],
    ['a b', '"a b"'],
    [5, 'number 5'],
  ])('locale %j is not a valid locale name', (locale, found) => {
    expect(() => define(withField({ type: 'i18n', operators: ['like'], locales: ['en', locale] }))).toThrow(
      new TypeError(`defineSchema a: field t: ${found} is not a valid locale name`),
    );
  });
});

describe('search rules', () => {
  const where = 'defineSchema a: search';

  it('a full set of rules is kept as given', () => {
    const search = {
      id: 'jobId',
      order: [
        { field: 'createTime', direction: 'desc', type: 'integer' },
        { field: 'score', direction: 'asc', type: 'number' },
      ],
      pageSize: { default: 1, max: 1 },
      sorters: [
        { field: 'name', type: 'string' },
        { field: 'at', type: 'datetime' },
      ],
      table: 'jobs',
    };
    const schema = define({ name: 'a', fields: {}, logical: [], search }) as { search: unknown };
    expect(schema.search).toBe(search);
  });

  it.each([
    [null, 'null'],
    ['x', '"x"'],
    [[], 'an array'],
  ])('rules that are not an object (%j) are refused', (search, found) => {
    expect(() => define({ name: 'a', fields: {}, logical: [], search })).toThrow(
      new TypeError(`${where} must be an object { id, order, pageSize, sorters?, table? }, found ${found}`),
    );
  });

  it.each([
    ['sorter', ' (did you mean sorters?)'],
    ['zzz', ''],
  ])('unknown property %j is refused', (key, hint) => {
    expect(() => define(withSearch({ [key]: 1 }))).toThrow(
      new TypeError(`${where}: unknown property ${JSON.stringify(key)}${hint}`),
    );
  });

  it.each([
    [undefined, 'undefined'],
    ['', '""'],
    ['a.b', '"a.b"'],
    ['1a', '"1a"'],
    ['a-', '"a-"'],
    [5, 'number 5'],
  ])('id %j is not a property name', (id, found) => {
    expect(() => define(withSearch({ id }))).toThrow(
      new TypeError(`${where}.id must be a property name, found ${found}`),
    );
  });

  const ORDER_MESSAGE = `${where}.order must be an array of { field, direction: 'asc' | 'desc', type: string | number | integer | datetime }`;

  it.each(['string', 'number', 'integer', 'datetime'])('an order key may have type %s', (type) => {
    expect(() => define(withSearch({ order: [{ field: 'x', direction: 'asc', type }] }))).not.toThrow();
  });

  it.each([
    ['not an array', { field: 'x', direction: 'asc', type: 'string' }],
    ['a key that is not an object', ['x']],
    ['a key with a bad field', [{ field: 'a.b', direction: 'asc', type: 'string' }]],
    ['a key without a field', [{ direction: 'asc', type: 'string' }]],
    ['a key of an unknown type', [{ field: 'x', direction: 'asc', type: 'date' }]],
    ['a key without a direction', [{ field: 'x', type: 'string' }]],
    ['a key with another direction', [{ field: 'x', direction: 'up', type: 'string' }]],
    [
      'a bad key after a good one',
      [
        { field: 'x', direction: 'desc', type: 'string' },
        { field: 'y', direction: 'DESC', type: 'string' },
      ],
    ],
  ])('order is refused: %s', (_, order) => {
    expect(() => define(withSearch({ order }))).toThrow(new TypeError(ORDER_MESSAGE));
  });

  const PAGE_MESSAGE = `${where}.pageSize must be { default, max }, integers with 1 <= default <= max`;

  it.each([
    [{ default: 1, max: 1 }],
    [{ default: 1, max: 2 }],
    [{ default: 200, max: 200 }],
    [{ default: 1, max: Number.MAX_SAFE_INTEGER }],
  ])('pageSize %j is accepted', (pageSize) => {
    expect(() => define(withSearch({ pageSize }))).not.toThrow();
  });

  it.each([
    [10],
    [null],
    [{ default: 0, max: 10 }],
    [{ default: 1, max: 0 }],
    [{ default: 11, max: 10 }],
    [{ default: 1.5, max: 10 }],
    [{ default: 1, max: 10.5 }],
    [{ default: '1', max: 10 }],
    [{ default: 1, max: 2 ** 53 }],
    [{ default: -1, max: 10 }],
    [{ max: 10 }],
    [{ default: 10 }],
  ])('pageSize %j is refused', (pageSize) => {
    expect(() => define(withSearch({ pageSize }))).toThrow(new TypeError(PAGE_MESSAGE));
  });

  const SORTERS_MESSAGE = `${where}.sorters must be an array of { field, type: string | number | integer | datetime }`;

  it.each([[[]], [[{ field: 'x', type: 'string' }]], [[{ field: 'x', type: 'integer', direction: 'sideways' }]]])(
    'sorters %j are accepted (a sorter has no direction to check)',
    (sorters) => {
      expect(() => define(withSearch({ sorters }))).not.toThrow();
    },
  );

  it.each([
    [null],
    [{ field: 'x', type: 'string' }],
    [[{ field: 'x' }]],
    [[{ type: 'string' }]],
    [[{ field: 'x', type: 'string' }, 'y']],
  ])('sorters %j are refused', (sorters) => {
    expect(() => define(withSearch({ sorters }))).toThrow(new TypeError(SORTERS_MESSAGE));
  });

  it.each([
    ['', '""'],
    [5, 'number 5'],
    [null, 'null'],
  ])('table %j is refused', (table, found) => {
    expect(() => define(withSearch({ table }))).toThrow(
      new TypeError(`${where}.table must be a non-empty string, found ${found}`),
    );
  });
});

describe('the schema defineSchema makes', () => {
  it('is frozen, lists its field names in declaration order, and looks fields up by own name only', () => {
    const fields = {
      zeta: { type: 'number', operators: ['='] },
      alpha: { type: 'string', operators: ['='] },
    } as const;
    const schema = defineSchema({ name: 'ordered', fields, logical: ['and'] });
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.fieldNames)).toBe(true);
    expect(schema.fieldNames).toEqual(['zeta', 'alpha']);
    expect(schema.fields).toBe(fields);
    expect(schema.logical).toEqual(['and']);
    expect(schema.lookup.get('alpha')).toBe(fields.alpha);
    expect(schema.lookup.get('toString')).toBeUndefined();
  });

  it('has no search property at all when the definition has none', () => {
    const schema = defineSchema({ name: 'plain', fields: {}, logical: [] });
    expect(Object.keys(schema).sort()).toEqual(['fieldNames', 'fields', 'logical', 'lookup', 'name']);
  });
});
