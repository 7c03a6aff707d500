/**
 * toMongo: the filters for examples, the refusals, and two properties: on random valid expressions and random
 * records, mingo running the filter selects exactly what toPredicate selects; and the `like` regular expression
 * matches exactly when the ASCII-folded text contains the ASCII-folded pattern.
 */
import { fc, test } from '@fast-check/vitest';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { comparison, fieldPath, valueNode, type Expression } from '../../src/language/ast.js';
import { toMongo } from '../../src/mongo.js';
import { toPredicate } from '../../src/predicate.js';
import { asciiCaseInsensitiveContainsSource, containsIgnoringAsciiCase } from '../../src/compile/shared/text.js';
import { ExpressionError } from '../../src/diagnostics/expression-error.js';
import { parse } from '../../src/language/parse.js';
import { print } from '../../src/language/print.js';
import { defineSchema, type Schema } from '../../src/schema/schema.js';
import { otaJobSchema } from '../../src/core.js';
import { validExpression } from '../arbitraries/expressions.js';
import { jobInfoRecords } from '../arbitraries/records.js';
import { richRecords, richTestSchema } from '../arbitraries/rich-schema.js';
import { MAP_KEY_POOL, poolString } from '../arbitraries/strings.js';

const ZH = 'name.i18nValue.zh_CN';
const EN = 'name.i18nValue.en_US';
const DEFAULT = 'name.defaultValue';

const OTA_FILTERS: readonly (readonly [string, Record<string, unknown>])[] = [
  ["productKey = 'a'", { productKey: { $eq: 'a' } }],
  ["productKey in ('a', 'b', 'a')", { productKey: { $in: ['a', 'b'] } }],
  ["productKey in ('a')", { productKey: { $eq: 'a' } }],
  ["status = 'started'", { status: { $eq: 'started' } }],
  [
    "name like 'Ab%'",
    {
      $or: [
        { [DEFAULT]: { $regex: '[aA][bB]\\x25' } },
        { [ZH]: { $regex: '[aA][bB]\\x25' } },
        { [EN]: { $regex: '[aA][bB]\\x25' } },
      ],
    },
  ],
  [
    "name like ''",
    { $or: [{ [DEFAULT]: { $type: 'string' } }, { [ZH]: { $type: 'string' } }, { [EN]: { $type: 'string' } }] },
  ],
  ["name.defaultValue like 'é1'", { [DEFAULT]: { $regex: 'é1' } }],
  ["name.default like '.*'", { [DEFAULT]: { $regex: '\\x2e\\x2a' } }],
  [
    "name.zh_CN like 'x'",
    {
      $or: [
        { [ZH]: { $type: 'string', $ne: '', $regex: '[xX]' } },
        { $nor: [{ [ZH]: { $type: 'string', $ne: '' } }], [DEFAULT]: { $regex: '[xX]' } },
      ],
    },
  ],
  [
    "productKey = 'a' and (status = 'started' or type = 'verify')",
    { $and: [{ productKey: { $eq: 'a' } }, { $or: [{ status: { $eq: 'started' } }, { type: { $eq: 'verify' } }] }] },
  ],
];

const RICH_FILTERS: readonly (readonly [string, Record<string, unknown>])[] = [
  ["code != 'a'", { code: { $type: 'string', $ne: 'a' } }],
  ['size != 1', { size: { $type: 'number', $ne: 1 } }],
  ['active != true', { active: { $type: 'bool', $ne: true } }],
  ['size < 1.5', { size: { $lt: 1.5 } }],
  ['size <= 1', { size: { $lte: 1 } }],
  ['size > -1', { size: { $gt: -1 } }],
  ['size >= 0', { size: { $gte: 0 } }],
  ['exists(code)', { code: { $type: 'string' } }],
  ['code is not null', { code: { $type: 'string' } }],
  ['not exists(size)', { size: { $not: { $type: 'number' } } }],
  ['active is null', { active: { $not: { $type: 'bool' } } }],
  ["tags.a-b/c = 'v'", { 'tags.a-b/c': { $eq: 'v' } }],
  ['not exists(tags.k)', { 'tags.k': { $not: { $type: 'string' } } }],
  ["title.default != 'x'", { 'title.defaultValue': { $type: 'string', $ne: 'x' } }],
  [
    "title != 'x'",
    {
      $and: [
        {
          $or: [
            { 'title.defaultValue': { $type: 'string' } },
            { 'title.i18nValue.zh_CN': { $type: 'string' } },
            { 'title.i18nValue.en_US': { $type: 'string' } },
          ],
        },
        {
          $nor: [
            {
              $or: [
                { 'title.defaultValue': { $eq: 'x' } },
                { 'title.i18nValue.zh_CN': { $eq: 'x' } },
                { 'title.i18nValue.en_US': { $eq: 'x' } },
              ],
            },
          ],
        },
      ],
    },
  ],
  [
    'not exists(title.en_US)',
    {
      $nor: [
        {
          $or: [
            { 'title.i18nValue.en_US': { $type: 'string', $ne: '' } },
            {
              $nor: [{ 'title.i18nValue.en_US': { $type: 'string', $ne: '' } }],
              'title.defaultValue': { $type: 'string' },
            },
          ],
        },
      ],
    },
  ],
];

describe('toMongo: filters for examples', () => {
  it('null (empty text) is {}', () => expect(toMongo(null)).toEqual({}));
  it.each(OTA_FILTERS)('%s', (text, expected) => expect(toMongo(parse(text))).toEqual(expected));
  it.each(RICH_FILTERS)('%s', (text, expected) =>
    expect(toMongo(parse(text), { schema: richTestSchema })).toEqual(expected),
  );

  it('puts a hostile field name in as an own key, never as a prototype', () => {
    const schema = defineSchema({
      name: 'proto',
      fields: { ['__proto__']: { type: 'string', operators: ['='] } },
      logical: ['and'],
    });
    const filter = toMongo(parse("__proto__ = 'x'"), { schema });
    expect(Object.getPrototypeOf(filter)).toBe(Object.prototype);
    expect(Object.hasOwn(filter, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(filter, '__proto__')?.value).toEqual({ $eq: 'x' });
  });

  it('keeps user text out of keys and operators: values stay values', () => {
    const filter = toMongo(parse("productKey = '$where' and name like '$or'"));
    expect(filter).toEqual({
      $and: [
        { productKey: { $eq: '$where' } },
        { $or: ['name.defaultValue', ZH, EN].map((path) => ({ [path]: { $regex: '\\x24[oO][rR]' } })) },
      ],
    });
  });
});

describe('toMongo refuses what MongoDB cannot express safely (ExpressionError 99400)', () => {
  const mapSchema = defineSchema({
    name: 'map',
    fields: { tags: { type: 'map', operators: ['=', 'exists'] } },
    logical: ['and'],
  });
  const REFUSED: readonly { title: string; ast: Expression; schema?: Schema }[] = [
    { title: 'tags.a.b (a dot in the key)', ast: parse("tags.a.b = 'x'")!, schema: mapSchema },
    {
      title: 'tags.$where (hand-built)',
      ast: comparison(fieldPath('tags.$where'), '=', valueNode('x')),
      schema: mapSchema,
    },
    { title: 'tags.<NUL> (hand-built)', ast: comparison(fieldPath('tags.a\u0000b'), 'exists'), schema: mapSchema },
    { title: 'tags. (empty key, hand-built)', ast: comparison(fieldPath('tags.'), 'exists'), schema: mapSchema },
    { title: 'a lone surrogate in a value', ast: comparison(fieldPath('productKey'), '=', valueNode('\ud800')) },
    { title: 'a lone surrogate in a like pattern', ast: comparison(fieldPath('name'), 'like', valueNode('x\udc00')) },
    { title: "an invalid tree: productKey like 'a'", ast: parse("productKey like 'a'")! },
  ];
  it.each(REFUSED)('$title', ({ ast, schema }) => {
    expect(() => toMongo(ast, schema === undefined ? {} : { schema })).toThrow(ExpressionError);
    try {
      toMongo(ast, schema === undefined ? {} : { schema });
    } catch (error) {
      expect((error as ExpressionError).code).toBe(99400);
    }
  });

  it('accepts NUL inside values (escaped as \\x00 in a regular expression)', () => {
    expect(toMongo(parse("name.default like 'a\u0000'"))).toEqual({ [DEFAULT]: { $regex: '[aA]\\x00' } });
  });
});

/** mingo refuses `__proto__` in a selector (MongoDB itself accepts it), so that key is left out here. */
const MINGO_MAP_KEYS = MAP_KEY_POOL.filter((key) => key !== '__proto__');

function selectedIndexes(records: readonly unknown[], test: (record: unknown) => boolean): number[] {
  return records.flatMap((record, index) => (test(record) ? [index] : []));
}

function mingoTest(filter: Record<string, unknown>): (record: unknown) => boolean {
  const query = new Query(filter);
  return (record) => query.test(record as Record<string, unknown>);
}

describe('toMongo selects what toPredicate selects (mingo as the MongoDB engine)', () => {
  test.prop([validExpression({ schema: otaJobSchema }), jobInfoRecords({ wrongTypes: true })], { numRuns: 200 })(
    'OTA schema: random valid expressions over nasty JobInfo records',
    (ast, records) => {
      expect(selectedIndexes(records, mingoTest(toMongo(ast))), print(ast)).toEqual(
        selectedIndexes(records, toPredicate(ast)),
      );
    },
  );

  test.prop([validExpression({ schema: richTestSchema, mapKeys: MINGO_MAP_KEYS }), richRecords({ wrongTypes: true })], {
    numRuns: 200,
  })('rich test schema: every operator and field type', (ast, records) => {
    const options = { schema: richTestSchema };
    expect(selectedIndexes(records, mingoTest(toMongo(ast, options))), print(ast)).toEqual(
      selectedIndexes(records, toPredicate(ast, options)),
    );
  });
});

describe('ordering on a datetime field', () => {
  it('keeps the presence test beside the bound: a string that is not a datetime is absent, not smaller', () => {
    const filter = toMongo(parse("seen < '2025-01-01 00:00:00'"), { schema: richTestSchema });
    const test = mingoTest(filter);
    expect(test({ seen: '2024-06-01 12:00:00' })).toBe(true);
    expect(test({ seen: '0000' })).toBe(false);
    expect(test({ seen: '2026-01-01 00:00:00' })).toBe(false);
    expect(test({})).toBe(false);
  });
});

describe('the like regular expression', () => {
  const text = fc.oneof(
    poolString(),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  );

  test.prop([text, text], { numRuns: 300 })(
    'matches s exactly when ASCII-folded s contains ASCII-folded p',
    (pattern, candidate) => {
      const expression = new RegExp(asciiCaseInsensitiveContainsSource(pattern));
      expect(expression.test(candidate)).toBe(containsIgnoringAsciiCase(candidate, pattern));
    },
  );

  test.prop([text, fc.nat(), text, text], { numRuns: 200 })(
    'finds a case variant of p placed anywhere in s',
    (pattern, seed, before, after) => {
      const variant = pattern.replace(/[a-z]/gi, (letter, index: number) =>
        (seed >> (index % 30)) & 1 ? letter.toUpperCase() : letter.toLowerCase(),
      );
      expect(new RegExp(asciiCaseInsensitiveContainsSource(pattern)).test(before + variant + after)).toBe(true);
    },
  );

  it('folds exactly A–Z and a–z: the ends of both ranges become classes, their neighbours @ [ ` { stay \\xHH', () => {
    expect(asciiCaseInsensitiveContainsSource('AZaz@[`{')).toBe('[aA][zZ][aA][zZ]\\x40\\x5b\\x60\\x7b');
    const filter = toMongo(parse("name.default like 'Zz'"));
    expect(filter).toEqual({ [DEFAULT]: { $regex: '[zZ][zZ]' } });
    expect(mingoTest(filter)({ name: { defaultValue: 'zZ' } })).toBe(true);
    expect(mingoTest(toMongo(parse("name.default like '['")))({ name: { defaultValue: '{' } })).toBe(false);
  });

  it('uses no flags, quantifiers, groups or alternation: every ASCII non-alphanumeric is \\xHH', () => {
    const source = asciiCaseInsensitiveContainsSource('a.*+?^$|()[]{}\\/ -\'"%_#\n\u0000É😀9');
    expect(source).toBe(
      '[aA]\\x2e\\x2a\\x2b\\x3f\\x5e\\x24\\x7c\\x28\\x29\\x5b\\x5d\\x7b\\x7d\\x5c\\x2f\\x20\\x2d\\x27\\x22\\x25\\x5f\\x23\\x0a\\x00É😀9',
    );
  });
});
