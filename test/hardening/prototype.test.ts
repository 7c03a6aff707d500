/**
 * Prototype lookups (SECURITY.md T7): field paths such as `__proto__`, `constructor`, `tags.__proto__` and
 * `tags.constructor` are either rejected (unknown field or locale, or a compiler that cannot express the key) or
 * handled as plain data: schema lookups, predicate reads and MongoDB keys use own properties only, and nothing is
 * ever written to a prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { check, defineSchema, ExpressionError, parse, toMongo, toPredicate } from '../../src/index.js';
// Through their subpath entries (`ota-expr/sql`, `ota-expr/search`), which the root entry re-exports.
import { toSql } from '../../src/sql.js';
import { searchRecords } from '../../src/search.js';

const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

afterEach(() => {
  // No test may leave anything on Object.prototype (a polluted prototype would also fake later results).
  expect(Object.getOwnPropertyNames(Object.prototype).filter((name) => !BUILTIN_PROTOTYPE_NAMES.has(name))).toEqual([]);
});
const BUILTIN_PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

describe('the OTA schema: inherited names are unknown fields and locales, not schema entries', () => {
  it.each(
    PROTOTYPE_NAMES.flatMap((name) => [
      [`${name} = 'x'`],
      [`exists(${name})`],
      [`name.${name} like 'x'`],
      [`productKey.${name} = 'x'`],
    ]),
  )('%s', (text) => {
    const result = check(text);
    expect(result.ok).toBe(false);
    expect(result.ast).not.toBeNull();
    expect(result.diagnostics.map((d) => d.kind)).toEqual([expect.stringMatching(/^unknown-(field|locale)$/)]);
  });
});

describe('a map field (tags.k): the key is data', () => {
  const schema = defineSchema({
    name: 'tagged',
    fields: { tags: { type: 'map', operators: ['=', 'in', 'like', 'exists', 'not exists', 'is null'] } },
    logical: ['and', 'or'],
  });
  const compile = (text: string) => {
    const result = check(text, { schema });
    expect(result.diagnostics).toEqual([]);
    return result.ast;
  };
  // Parsed from JSON, so `__proto__` is an own key, as it is in a request body.
  const own = (name: string) => JSON.parse(`{"tags": {"${name}": "x"}}`) as unknown;
  const inherited = (name: string) => ({ tags: Object.create({ [name]: 'x' }) as object });

  it.each(PROTOTYPE_NAMES)('tags.%s: the predicate reads own properties only', (name) => {
    const equals = toPredicate(compile(`tags.${name} = 'x'`), { schema });
    const present = toPredicate(compile(`exists(tags.${name})`), { schema });
    const absent = toPredicate(compile(`not exists(tags.${name})`), { schema });
    const contains = toPredicate(compile(`tags.${name} like ''`), { schema });
    for (const record of [{ tags: {} }, inherited(name), {}, { tags: null }, { tags: 'x' }]) {
      expect([equals(record), present(record), absent(record), contains(record)]).toEqual([false, false, true, false]);
    }
    expect([equals(own(name)), present(own(name)), absent(own(name)), contains(own(name))]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it.each(PROTOTYPE_NAMES)('tags.%s: MongoDB gets it as a plain own key of a plain object', (name) => {
    const filter = toMongo(compile(`tags.${name} = 'x'`), { schema });
    expect(Object.getPrototypeOf(filter)).toBe(Object.prototype);
    expect(Object.keys(filter)).toEqual([`tags.${name}`]);
    expect(JSON.parse(JSON.stringify(filter))).toEqual({ [`tags.${name}`]: { $eq: 'x' } });
  });

  it.each(PROTOTYPE_NAMES)('tags.%s: SQL binds the key as a parameter, never as text', (name) => {
    const { where, params } = toSql(compile(`tags.${name} = 'x'`), { dialect: 'postgres', schema });
    expect(params).toContain(name);
    expect(where).not.toContain(name);
  });

  it('a key MongoDB would read as a path (tags.a.b) is refused, not split: a map key is one segment', () => {
    expect(check("tags.a.b = 'x'", { schema }).diagnostics[0]?.message).toBe(
      'Field tags.a.b: a map key is one segment (tags.<key>)',
    );
    expect(() => toMongo(parse("tags.a.b = 'x'"), { schema })).toThrow(ExpressionError);
  });
});

describe('fields named like Object.prototype members, in a schema that defines them', () => {
  const schema = defineSchema({
    name: 'odd',
    fields: {
      constructor: { type: 'string', operators: ['=', 'exists'] },
      toString: { type: 'string', operators: ['=', 'exists'] },
    },
    logical: ['and', 'or'],
  });

  it.each(['constructor', 'toString'])('%s is read from the record’s own properties', (name) => {
    const present = toPredicate(check(`exists(${name})`, { schema }).ast, { schema });
    const equals = toPredicate(check(`${name} = 'x'`, { schema }).ast, { schema });
    // {} inherits constructor and toString (functions): absent, not present.
    expect([present({}), equals({})]).toEqual([false, false]);
    expect([present({ [name]: 'x' }), equals({ [name]: 'x' })]).toEqual([true, true]);
  });

  it('a name the schema does not define is still unknown', () => {
    expect(check("valueOf = 'x'", { schema }).diagnostics[0]?.kind).toBe('unknown-field');
  });
});

describe('search over hostile records', () => {
  it('records with own __proto__ / constructor keys are data and pollute nothing', () => {
    const records = [
      JSON.parse(
        '{"orgId": "o", "jobId": "1", "createTime": 1, "productKey": "p", "__proto__": {"polluted": true}}',
      ) as unknown,
      JSON.parse(
        '{"orgId": "o", "jobId": "2", "createTime": 2, "productKey": "p", "constructor": {"prototype": {"polluted": true}}}',
      ) as unknown,
    ];
    const response = searchRecords(records, { orgId: 'o', expression: "productKey = 'p'" });
    expect(response.code).toBe(0);
    expect(response.data).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
