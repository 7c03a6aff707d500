/**
 * toMongo's exact filters where test/compile/mongo.test.ts shows none: datetime and scalar-map presence, i18n
 * readings with several candidates, `in` collapsing duplicates; the refusals with their messages and spans; and
 * filters that a caller may change without changing any other filter.
 */
import { describe, expect, it } from 'vitest';
import { comparison, fieldPath, valueNode, type Expression } from '../../../src/language/ast.js';
import { ExpressionError } from '../../../src/diagnostics/expression-error.js';
import { parse } from '../../../src/language/parse.js';
import { toMongo, type MongoOptions } from '../../../src/mongo.js';
import { DATETIME_SOURCE } from '../../../src/schema/resolve.js';
import { defineSchema } from '../../../src/schema/schema.js';
import { richTestSchema, STRING_OPERATORS } from '../../arbitraries/rich-schema.js';

const options = { schema: richTestSchema };
const DATETIME = { $type: 'string', $regex: DATETIME_SOURCE };
const SCALAR = { $type: ['string', 'number', 'bool'] };
const T_DEFAULT = 'title.defaultValue';
const T_ZH = 'title.i18nValue.zh_CN';
const T_EN = 'title.i18nValue.en_US';
const NON_EMPTY = { $type: 'string', $ne: '' };

const FILTERS: readonly (readonly [string, Record<string, unknown>])[] = [
  // A datetime is a string of one form: presence is both, and an ordering carries both beside its bound.
  ['exists(seen)', { seen: DATETIME }],
  ['seen is not null', { seen: DATETIME }],
  ['not exists(seen)', { seen: { $not: DATETIME } }],
  ['seen is null', { seen: { $not: DATETIME } }],
  ["seen < '2025-01-01 00:00:00'", { seen: { ...DATETIME, $lt: '2025-01-01 00:00:00' } }],
  ["seen <= '2025-01-01 00:00:00'", { seen: { ...DATETIME, $lte: '2025-01-01 00:00:00' } }],
  ["seen > '2025-01-01 00:00:00'", { seen: { ...DATETIME, $gt: '2025-01-01 00:00:00' } }],
  ["seen >= '2025-01-01 00:00:00'", { seen: { ...DATETIME, $gte: '2025-01-01 00:00:00' } }],
  ["seen = '2025-01-01 00:00:00'", { seen: { $eq: '2025-01-01 00:00:00' } }],
  ["seen != '2025-01-01 00:00:00'", { seen: { ...DATETIME, $ne: '2025-01-01 00:00:00' } }],
  // A number's bound alone implies its type (MongoDB compares numbers with numbers only).
  ['size < 0', { size: { $lt: 0 } }],
  // A map of scalars: present is any of the three types.
  ['exists(attrs.k)', { 'attrs.k': SCALAR }],
  ['not exists(attrs.k)', { 'attrs.k': { $not: SCALAR } }],
  ['attrs.k != 1', { 'attrs.k': { ...SCALAR, $ne: 1 } }],
  ["attrs.k in (1, '1', true, 1)", { 'attrs.k': { $in: [1, '1', true] } }],
  ["code in ('a', 'a')", { code: { $eq: 'a' } }],
  ["code like ''", { code: { $type: 'string' } }],
  ["code like 'a1'", { code: { $regex: '[aA]1' } }],
  ['exists(tags.k)', { 'tags.k': { $type: 'string' } }],
  ['exists(active)', { active: { $type: 'bool' } }],
  // title.default is one candidate at one place; title.zh_CN falls back to defaultValue; bare title is any.
  ['exists(title.default)', { [T_DEFAULT]: { $type: 'string' } }],
  ['not exists(title.default)', { [T_DEFAULT]: { $not: { $type: 'string' } } }],
  ["title.default = 'x'", { [T_DEFAULT]: { $eq: 'x' } }],
  [
    "title.zh_CN = 'x'",
    {
      $or: [{ [T_ZH]: { ...NON_EMPTY, $eq: 'x' } }, { $nor: [{ [T_ZH]: NON_EMPTY }], [T_DEFAULT]: { $eq: 'x' } }],
    },
  ],
  [
    "title.zh_CN != 'x'",
    {
      $and: [
        {
          $or: [
            { [T_ZH]: { ...NON_EMPTY, $type: 'string' } },
            { $nor: [{ [T_ZH]: NON_EMPTY }], [T_DEFAULT]: { $type: 'string' } },
          ],
        },
        {
          $nor: [
            {
              $or: [
                { [T_ZH]: { ...NON_EMPTY, $eq: 'x' } },
                { $nor: [{ [T_ZH]: NON_EMPTY }], [T_DEFAULT]: { $eq: 'x' } },
              ],
            },
          ],
        },
      ],
    },
  ],
  ['exists(title)', { $or: [T_DEFAULT, T_ZH, T_EN].map((path) => ({ [path]: { $type: 'string' } })) }],
  ['not exists(title)', { $nor: [{ $or: [T_DEFAULT, T_ZH, T_EN].map((path) => ({ [path]: { $type: 'string' } })) }] }],
  ["title in ('a', 'b')", { $or: [T_DEFAULT, T_ZH, T_EN].map((path) => ({ [path]: { $in: ['a', 'b'] } })) }],
  ["code = 'a' or size = 1", { $or: [{ code: { $eq: 'a' } }, { size: { $eq: 1 } }] }],
];

describe('toMongo: exact filters', () => {
  it.each(FILTERS)('%s', (text, expected) => expect(toMongo(parse(text), options)).toEqual(expected));

  it('bare title on a schema with three locales is any of defaultValue and all three', () => {
    const schema = defineSchema({
      name: 'three',
      fields: { title: { type: 'i18n', operators: STRING_OPERATORS, locales: ['zh_CN', 'en_US', 'ja_JP'] } },
      logical: ['and'],
    });
    expect(toMongo(parse("title = 'x'"), { schema })).toEqual({
      $or: [T_DEFAULT, T_ZH, T_EN, 'title.i18nValue.ja_JP'].map((path) => ({ [path]: { $eq: 'x' } })),
    });
  });

  it('accepts a map key with $ anywhere but at its start, and other punctuation', () => {
    expect(toMongo(comparison(fieldPath('tags.a$'), '=', valueNode('x')), options)).toEqual({
      'tags.a$': { $eq: 'x' },
    });
    expect(toMongo(comparison(fieldPath('tags.a-b/c'), 'exists'), options)).toEqual({
      'tags.a-b/c': { $type: 'string' },
    });
  });
});

describe('toMongo: filters are the caller’s to change', () => {
  it('no two places of a filter share a condition object', () => {
    const filter = toMongo(parse("title like 'x'"), options) as { $or: Record<string, { $regex?: string }>[] };
    const [first, second] = filter.$or.map((entry) => Object.values(entry)[0]);
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
  });

  it.each([
    ['exists(seen)', 'seen'],
    ['not exists(seen)', 'seen'],
    ['exists(code)', 'code'],
    ['not exists(code)', 'code'],
    ["code != 'a'", 'code'],
    ["seen < '2025-01-01 00:00:00'", 'seen'],
    ['exists(title.default)', T_DEFAULT],
  ])('changing the filter of %s changes no later filter', (text, path) => {
    const before = toMongo(parse(text), options);
    const condition = before[path] as Record<string, unknown>;
    const inner = (condition['$not'] ?? condition) as Record<string, unknown>;
    inner['$type'] = 'changed';
    inner['$regex'] = 'changed';
    const after = toMongo(parse(text), options);
    expect(JSON.stringify(after)).not.toContain('changed');
  });

  it('changing the filter of title.zh_CN changes no later filter', () => {
    const before = toMongo(parse("title.zh_CN = 'x'"), options) as { $or: Record<string, unknown>[] };
    (before.$or[0]![T_ZH] as Record<string, unknown>)['$ne'] = 'changed';
    const nor = (before.$or[1]!['$nor'] as Record<string, Record<string, unknown>>[])[0]!;
    nor[T_ZH]!['$type'] = 'changed';
    expect(JSON.stringify(toMongo(parse("title.zh_CN = 'x'"), options))).not.toContain('changed');
  });
});

function refusal(ast: Expression): ExpressionError {
  try {
    toMongo(ast, options);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('toMongo accepted the tree');
}

describe('toMongo: refusals say what and where', () => {
  it.each([
    ['$where', 'tags.$where'],
    ['a\u0000b', 'tags.a\u0000b'],
    ['', 'tags.'],
    ['$', 'tags.$'],
  ])('the unsafe map key %j, at the path', (key, path) => {
    const ast = comparison(fieldPath(path, { start: 2, end: 2 + path.length }), '=', valueNode('x'), {
      opSpan: { start: 20, end: 21 },
    });
    const error = refusal(ast);
    expect(error.code).toBe(99400);
    expect(error.diagnostics).toMatchObject([
      {
        code: 99400,
        severity: 'error',
        message: `Field path ${path} cannot be queried in MongoDB: ${JSON.stringify(key)} is not a safe key (a key must not be empty, start with $, or hold . or NUL)`,
        start: 2,
        end: 2 + path.length,
      },
    ]);
  });

  it('a lone surrogate, at the value that holds it, once per such value', () => {
    const text = "tags.k = 'a\ud800' and code in ('b', 'c\udc00') and code != 'd'";
    const error = refusal(parse(text)!);
    expect(error.diagnostics.map(({ message, start, end }) => ({ message, start, end }))).toEqual([
      {
        message: 'Field tags.k: the value holds a lone UTF-16 surrogate, which MongoDB cannot store or compare',
        start: 9,
        end: 13,
      },
      {
        message: 'Field code: the value holds a lone UTF-16 surrogate, which MongoDB cannot store or compare',
        start: 32,
        end: 36,
      },
    ]);
  });

  it('names toMongo in the TypeError for bad options', () => {
    expect(() => toMongo(null, 3 as unknown as MongoOptions)).toThrow(
      new TypeError('toMongo: options must be an object, found number'),
    );
  });
});
