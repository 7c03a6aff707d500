/**
 * toPredicate against docs/LANGUAGE.md §3 and docs/SEMANTICS.md, one row per rule, each titled by its expression text: the
 * records it must select and the records it must not.
 */
import { describe, expect, it } from 'vitest';
import { and, comparison, fieldPath, valueNode, type Expression } from '../../src/language/ast.js';
import { toPredicate } from '../../src/predicate.js';
import { ExpressionError } from '../../src/diagnostics/expression-error.js';
import { parse } from '../../src/language/parse.js';
import { defineSchema, type Schema } from '../../src/schema/schema.js';
import { otaJobSchema } from '../../src/core.js';
import { richTestSchema } from '../arbitraries/rich-schema.js';

interface Case {
  readonly text: string;
  readonly selects: readonly unknown[];
  readonly rejects: readonly unknown[];
}

function expectSelection(schema: Schema, { text, selects, rejects }: Case): void {
  const predicate = toPredicate(parse(text), { schema });
  for (const record of selects) expect(predicate(record), `${text} should select ${show(record)}`).toBe(true);
  for (const record of rejects) expect(predicate(record), `${text} should reject ${show(record)}`).toBe(false);
}

function show(record: unknown): string {
  return JSON.stringify(record) ?? String(record);
}

const named = (defaultValue: unknown, translations?: Record<string, unknown>): unknown =>
  translations === undefined ? { name: { defaultValue } } : { name: { defaultValue, i18nValue: translations } };
const nameIn = (translations: Record<string, unknown>): unknown => ({ name: { i18nValue: translations } });

// --- docs/LANGUAGE.md §3 on the OTA schema -----------------------------------------------------------------------------------

const OTA_CASES: readonly Case[] = [
  {
    text: "productKey = 'a'",
    selects: [{ productKey: 'a' }, { productKey: 'a', other: 1 }],
    rejects: [
      { productKey: 'A' },
      { productKey: 'a ' },
      { productKey: ' a' },
      { productKey: null },
      { productKey: undefined },
      {},
      { productKey: ['a'] },
    ],
  },
  {
    text: "productKey = 'É'",
    selects: [{ productKey: 'É' }],
    rejects: [{ productKey: 'é' }, { productKey: 'E\u0301' }],
  },
  {
    text: "productKey = ''",
    selects: [{ productKey: '' }],
    rejects: [{}, { productKey: null }, { productKey: ' ' }],
  },
  {
    text: "firmwareVersion in ('1.0', '2.0')",
    selects: [{ firmwareVersion: '1.0' }, { firmwareVersion: '2.0' }],
    rejects: [{ firmwareVersion: '1.00' }, { firmwareVersion: '3.0' }, {}, { firmwareVersion: null }],
  },
  {
    text: "firmwareId in ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')",
    selects: [{ firmwareId: 'a' }, { firmwareId: 'j' }],
    rejects: [{ firmwareId: 'A' }, { firmwareId: 'k' }, {}, { firmwareId: 1 }],
  },
  { text: "type = 'verify'", selects: [{ type: 'verify' }], rejects: [{ type: 'Verify' }, { type: 'upgrade' }, {}] },
  { text: "status = 'paused'", selects: [], rejects: [{ status: 'paused ' }, { status: 'started' }, {}] },
  {
    text: "name like 'inv'",
    selects: [
      named('Inverter'),
      named('x', { zh_CN: 'INV' }),
      named(null, { en_US: 'my inverter' }),
      nameIn({ zh_CN: 'iNv' }),
    ],
    rejects: [
      named('in v'),
      nameIn({ es_ES: 'inverter' }),
      { name: null },
      {},
      { name: 'inverter' },
      named(['inverter']),
    ],
  },
  {
    text: "name like ''",
    selects: [named(''), nameIn({ zh_CN: '' }), nameIn({ en_US: 'x' })],
    rejects: [
      { name: {} },
      { name: null },
      {},
      nameIn({ es_ES: 'x' }),
      named(null, { zh_CN: null, en_US: undefined }),
      named(1),
    ],
  },
  { text: "name like '%'", selects: [named('100%')], rejects: [named('100'), named('')] },
  { text: "name like '_'", selects: [named('a_b')], rejects: [named('ab'), named('a-b')] },
  { text: "name like 'a%b'", selects: [named('xA%By')], rejects: [named('axxb'), named('ab')] },
  { text: "name like '.*'", selects: [named('a.*b')], rejects: [named('abc'), named('.')] },
  { text: "name like '\\\\'", selects: [named('C:\\fw')], rejects: [named('C:/fw')] },
  { text: "name like 'C:\\fw'", selects: [named('c:\\FW\\v2')], rejects: [named('C:fw'), named('C:\\\\fw')] },
  { text: "name like 'it''s'", selects: [named("IT'S")], rejects: [named('its'), named('it"s')] },
  { text: "name like 'ABC'", selects: [named('xabcx'), named('AbC')], rejects: [named('ab c'), named('ÀBC')] },
  { text: "name like 'é'", selects: [named('café')], rejects: [named('CAFÉ'), named('cafe\u0301')] },
  { text: "name like 'É'", selects: [named('CAFÉ')], rejects: [named('café')] },
  { text: "name like 'ss'", selects: [named('STRASSE')], rejects: [named('straße'), named('STRAẞE')] },
  { text: "name like 'ß'", selects: [named('straße')], rejects: [named('STRASSE'), named('strasse')] },
  { text: "name like 'i'", selects: [named('I')], rejects: [named('İ'), named('ı')] },
  { text: "name like 'k'", selects: [named('K')], rejects: [named('\u212a')] },
  { text: "name like 's'", selects: [named('S')], rejects: [named('ſ')] },
  { text: "name like '固件'", selects: [named('新固件升级')], rejects: [named('固 件')] },
  { text: "name like '😀'", selects: [named('fw😀v2')], rejects: [named('fw😁'), named('\ud83d')] },
  { text: "name like ' '", selects: [named('a b'), named('trailing ')], rejects: [named('ab'), named('a\u00a0b')] },
  {
    text: "name.defaultValue like 'x'",
    selects: [named('x'), named('X', { zh_CN: 'y' })],
    rejects: [named('y', { zh_CN: 'x', en_US: 'x' }), nameIn({ zh_CN: 'x' })],
  },
  { text: "name.default like 'x'", selects: [named('X')], rejects: [nameIn({ en_US: 'x' })] },
  {
    text: "name.zh_CN like 'x'",
    selects: [
      nameIn({ zh_CN: 'x' }),
      named('y', { zh_CN: 'X' }),
      named('x', { zh_CN: '' }),
      named('x', { zh_CN: null }),
      named('x', { zh_CN: undefined }),
      named('x', {}),
      named('x'),
      { name: { defaultValue: 'x', i18nValue: null } },
      named('x', { zh_CN: 5 }),
      named('x', { en_US: 'y' }),
    ],
    rejects: [
      named('x', { zh_CN: 'y' }),
      named('y', { zh_CN: '' }),
      nameIn({ en_US: 'x' }),
      nameIn({ es_ES: 'x' }),
      {},
      { name: null },
    ],
  },
  {
    text: "name.en_US like 'x'",
    selects: [nameIn({ en_US: 'x' }), named('x', { en_US: '' }), named('x', { zh_CN: 'y' })],
    rejects: [named('x', { en_US: 'y' }), nameIn({ zh_CN: 'x' })],
  },
  {
    text: "firmwareName like 'fw'",
    selects: [{ firmwareName: { defaultValue: 'FW' } }],
    rejects: [named('fw'), { firmwareName: { i18nValue: { es_ES: 'fw' } } }],
  },
  {
    text: "productKey = 'a' and status = 'started'",
    selects: [{ productKey: 'a', status: 'started' }],
    rejects: [{ productKey: 'a' }, { status: 'started' }, { productKey: 'a', status: 'stopped' }],
  },
  {
    text: "productKey = 'a' or productKey = 'b'",
    selects: [{ productKey: 'a' }, { productKey: 'b' }],
    rejects: [{ productKey: 'c' }, {}],
  },
  {
    text: "(productKey = 'a' or name like 'x') and (status = 'started' or type = 'verify') and firmwareId in ('f')",
    selects: [
      { productKey: 'a', status: 'started', firmwareId: 'f' },
      { ...(named('X') as object), type: 'verify', firmwareId: 'f' },
    ],
    rejects: [
      { productKey: 'a', status: 'started' },
      { productKey: 'a', firmwareId: 'f' },
      { name: { defaultValue: 'y' }, type: 'verify', firmwareId: 'f' },
    ],
  },
  {
    text: "productKey = 'a' or productKey = 'b' or productKey = 'c' or productKey = 'd'",
    selects: [{ productKey: 'd' }],
    rejects: [{ productKey: 'e' }],
  },
];

describe('toPredicate on the OTA schema (docs/LANGUAGE.md §3)', () => {
  it.each(OTA_CASES)('$text', (row) => expectSelection(otaJobSchema, row));
});

// --- Every operator and rule of docs/SEMANTICS.md on the rich test schema ----------------------------------------

const title = (defaultValue: unknown, translations?: Record<string, unknown>): unknown =>
  translations === undefined ? { title: { defaultValue } } : { title: { defaultValue, i18nValue: translations } };

const RICH_CASES: readonly Case[] = [
  {
    text: "code != 'a'",
    selects: [{ code: 'b' }, { code: 'A' }, { code: '' }],
    rejects: [{ code: 'a' }, {}, { code: null }, { code: undefined }, { code: 5 }, { code: true }],
  },
  { text: "code <> 'a'", selects: [{ code: 'b' }], rejects: [{ code: 'a' }, {}] },
  {
    text: 'size = 1',
    selects: [{ size: 1 }, { size: 1.0 }],
    rejects: [{ size: '1' }, { size: true }, {}, { size: 2 }],
  },
  { text: 'size = 0', selects: [{ size: 0 }, { size: -0 }], rejects: [{ size: '0' }, { size: false }, { size: null }] },
  { text: 'size != 1', selects: [{ size: 2 }, { size: 0 }], rejects: [{ size: 1 }, {}, { size: null }, { size: '2' }] },
  {
    text: 'size < 10',
    selects: [{ size: 9.5 }, { size: -1e300 }],
    rejects: [{ size: 10 }, { size: 11 }, { size: '1' }, {}, { size: null }, { size: false }],
  },
  { text: 'size <= 10', selects: [{ size: 10 }, { size: 0 }], rejects: [{ size: 10.0001 }, {}, { size: '10' }] },
  { text: 'size > 10', selects: [{ size: 10.5 }], rejects: [{ size: 10 }, {}, { size: true }] },
  { text: 'size >= -2.5e-8', selects: [{ size: -2.5e-8 }, { size: 0 }], rejects: [{ size: -1 }, {}] },
  {
    text: 'size in (1, 2, 3)',
    selects: [{ size: 2 }],
    rejects: [{ size: 4 }, { size: '2' }, {}, Object.create({ size: 2 })],
  },
  {
    text: "code in ('x', 'y')",
    selects: [{ code: 'y' }],
    rejects: [{ code: 'X' }, Object.create({ code: 'x' }), null, 'x'],
  },
  { text: "code in ('x', 'x')", selects: [{ code: 'x' }], rejects: [Object.create({ code: 'x' })] },
  {
    text: "code in ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')",
    selects: [{ code: 'i' }, { code: 'a' }],
    rejects: [{ code: 'I' }, { code: 'j' }, Object.create({ code: 'a' }), { code: ['a'] }],
  },
  { text: "tags.k in ('a', 'b')", selects: [{ tags: { k: 'b' } }], rejects: [{ tags: Object.create({ k: 'a' }) }] },
  {
    text: 'active = true',
    selects: [{ active: true }],
    rejects: [{ active: false }, { active: 'true' }, { active: 1 }, {}],
  },
  {
    text: 'active != true',
    selects: [{ active: false }],
    rejects: [{ active: true }, {}, { active: 0 }, { active: null }],
  },
  { text: 'active in (false)', selects: [{ active: false }], rejects: [{ active: true }, { active: 0 }] },
  { text: "kind = 'alpha'", selects: [{ kind: 'alpha' }], rejects: [{ kind: 'Alpha' }] },
  { text: "code like 'ab'", selects: [{ code: 'xABy' }], rejects: [{ code: 'a b' }, {}, { code: 12 }] },
  { text: "code like ''", selects: [{ code: '' }, { code: 'x' }], rejects: [{}, { code: null }, { code: 0 }] },
  { text: "code like '10'", selects: [{ code: 'x10' }], rejects: [{ code: 10 }, { code: '1 0' }] },
  {
    text: 'exists(code)',
    selects: [{ code: '' }, { code: 'x' }],
    rejects: [{}, { code: null }, { code: undefined }, { code: 0 }, { code: {} }],
  },
  { text: 'code is not null', selects: [{ code: '' }], rejects: [{}, { code: null }, { code: false }] },
  {
    text: 'not exists(code)',
    selects: [{}, { code: null }, { code: undefined }, { code: 0 }, { code: [] }],
    rejects: [{ code: '' }, { code: 'x' }],
  },
  { text: 'code is null', selects: [{}, { code: null }, { code: 1 }], rejects: [{ code: '' }] },
  { text: 'exists(size)', selects: [{ size: 0 }], rejects: [{ size: '0' }, {}, { size: null }] },
  { text: 'active is null', selects: [{}, { active: 'false' }], rejects: [{ active: false }] },
  {
    text: "tags.k = 'v'",
    selects: [{ tags: { k: 'v' } }, { tags: { k: 'v', K: 'w' } }],
    rejects: [
      { tags: { K: 'v' } },
      { tags: {} },
      {},
      { tags: null },
      { tags: 'k' },
      { tags: ['v'] },
      { tags: { k: null } },
    ],
  },
  {
    text: 'exists(tags.k)',
    selects: [{ tags: { k: '' } }],
    rejects: [{ tags: { k: null } }, { tags: {} }, { tags: { k: 1 } }],
  },
  {
    text: 'not exists(tags.k)',
    selects: [{ tags: { k: null } }, { tags: {} }, {}, { tags: 'x' }],
    rejects: [{ tags: { k: 'v' } }],
  },
  { text: "tags.a-b/c like 'X'", selects: [{ tags: { 'a-b/c': 'x' } }], rejects: [{ tags: { a: { 'b/c': 'x' } } }] },
  { text: "tags.k != 'v'", selects: [{ tags: { k: 'w' } }], rejects: [{ tags: { k: 'v' } }, { tags: {} }] },
  { text: "tags.0 = 'v'", selects: [{ tags: { 0: 'v' } }], rejects: [{ tags: ['v'] }] },
  {
    text: "title = 'x'",
    selects: [title('x'), title('y', { zh_CN: 'x' }), title(null, { en_US: 'x' })],
    rejects: [title('X'), title('y', { es_ES: 'x' }), {}],
  },
  {
    text: "title != 'x'",
    selects: [title('y'), title('y', { zh_CN: 'z' }), title(null, { en_US: 'y' })],
    rejects: [
      title('x'),
      title('y', { zh_CN: 'x' }),
      title('x', { zh_CN: 'y' }),
      {},
      title(null),
      title(null, { es_ES: 'y' }),
    ],
  },
  {
    text: "title.zh_CN != 'x'",
    selects: [title('x', { zh_CN: 'y' }), title('y', { zh_CN: '' }), title('y')],
    rejects: [title('x', { zh_CN: '' }), title('y', { zh_CN: 'x' }), title(null, { zh_CN: '' }), {}],
  },
  {
    text: "title.zh_CN = ''",
    selects: [title('', { zh_CN: '' }), title('')],
    rejects: [title('x', { zh_CN: '' }), title(null, { zh_CN: '' }), {}],
  },
  {
    text: 'exists(title)',
    selects: [title(''), title(null, { en_US: '' })],
    rejects: [title(null), title(null, { es_ES: 'x' }), { title: {} }, {}, { title: 'x' }],
  },
  {
    text: 'not exists(title.zh_CN)',
    selects: [title(null, { zh_CN: '' }), title(null), {}, title(1, { zh_CN: 2 })],
    rejects: [title('', { zh_CN: '' }), title(null, { zh_CN: 'x' }), title('d')],
  },
  {
    text: 'title.en_US is not null',
    selects: [title('d', { en_US: null }), title(null, { en_US: 'e' })],
    rejects: [title(null, { en_US: '' })],
  },
  {
    text: "title in ('a', 'b')",
    selects: [title('a'), title(null, { zh_CN: 'b' })],
    rejects: [title('c', { es_ES: 'a' })],
  },
  { text: "title.default in ('a')", selects: [title('a', { zh_CN: 'b' })], rejects: [title(null, { zh_CN: 'a' })] },
  {
    text: "constructor = 'x'",
    selects: [JSON.parse('{"constructor":"x"}')],
    rejects: [{}, Object.create({ constructor: 'x' })],
  },
  { text: 'not exists(constructor)', selects: [{}, Object.create(null)], rejects: [JSON.parse('{"constructor":""}')] },
  {
    text: "tags.__proto__ = 'x'",
    selects: [JSON.parse('{"tags":{"__proto__":"x"}}')],
    rejects: [{ tags: {} }, { tags: Object.create({ __proto__: 'x' }) }],
  },
  {
    text: 'exists(tags.__proto__)',
    selects: [JSON.parse('{"tags":{"__proto__":""}}')],
    rejects: [{ tags: {} }, { tags: Object.create(null) }],
  },
  { text: 'not exists(tags.__proto__)', selects: [{ tags: {} }], rejects: [JSON.parse('{"tags":{"__proto__":"x"}}')] },
  { text: 'exists(tags.toString)', selects: [{ tags: { toString: 's' } }], rejects: [{ tags: {} }] },
  { text: 'not exists(tags.constructor)', selects: [{ tags: {} }], rejects: [{ tags: { constructor: 'c' } }] },
  {
    text: "code = 'x'",
    selects: [Object.assign(Object.create(null) as object, { code: 'x' })],
    rejects: [Object.create({ code: 'x' }), null, undefined, 'x', 42, ['x'], { code: new String('x') }],
  },
  {
    text: "title like 'x'",
    selects: [{ title: Object.assign(Object.create(null) as object, { defaultValue: 'x' }) }],
    rejects: [
      { title: Object.create({ defaultValue: 'x' }) },
      { title: { i18nValue: Object.create({ zh_CN: 'x' }) } },
      { title: Object.create({ i18nValue: { zh_CN: 'x' } }) },
    ],
  },
  {
    text: "title.zh_CN = 'd'",
    selects: [{ title: { defaultValue: 'd', i18nValue: Object.create({ zh_CN: 'x' }) } }],
    rejects: [{ title: { defaultValue: 'x', i18nValue: Object.create({ zh_CN: 'd' }) } }],
  },
  // like folds exactly A–Z onto a–z: the ends of both ranges fold, their neighbours (@ [ ` {) stay themselves.
  { text: "code like 'AZaz'", selects: [{ code: 'azAZ' }, { code: '-AzaZ-' }], rejects: [{ code: 'az' }] },
  { text: "code like 'Z'", selects: [{ code: 'z' }], rejects: [{ code: 'y' }] },
  { text: "code like 'z'", selects: [{ code: 'Z' }], rejects: [{ code: '{' }] },
  { text: "code like 'x@'", selects: [{ code: 'X@' }], rejects: [{ code: 'x`' }] },
  { text: "code like 'x['", selects: [{ code: 'X[' }], rejects: [{ code: 'x{' }] },
  { text: "code like 'x`'", selects: [{ code: 'X`' }], rejects: [{ code: 'x@' }] },
  { text: "code like 'x{'", selects: [{ code: 'X{' }], rejects: [{ code: 'x[' }] },
  { text: "tags.k like 'aZ'", selects: [{ tags: { k: 'Az' } }], rejects: [{ tags: { k: 'a' } }] },
  { text: "title like 'Zz'", selects: [title('x', { zh_CN: 'zZ' })], rejects: [title('z', { zh_CN: 'z' })] },
  // in with five or more values (a Set lookup) on map and i18n paths, not only on scalar fields.
  {
    text: "tags.k in ('a', 'b', 'c', 'd', 'e')",
    selects: [{ tags: { k: 'e' } }, { tags: { k: 'a' } }],
    rejects: [{ tags: { k: 'f' } }, { tags: { k: 'A' } }, { tags: {} }, { tags: Object.create({ k: 'a' }) }],
  },
  {
    text: "title in ('a', 'b', 'c', 'd', 'e')",
    selects: [title('e'), title('z', { zh_CN: 'c' })],
    rejects: [title('z', { zh_CN: 'y' }), title('E'), {}],
  },
  {
    text: "title.zh_CN in ('a', 'b', 'c', 'd', 'e')",
    selects: [title('z', { zh_CN: 'd' })],
    rejects: [title('d', { zh_CN: 'z' }), title('z')],
  },
  {
    text: "title.default in ('a', 'b', 'c', 'd', 'e')",
    selects: [title('b', { zh_CN: 'z' })],
    rejects: [title('z', { zh_CN: 'b' })],
  },
];

describe('toPredicate: every operator and rule of docs/SEMANTICS.md (rich test schema)', () => {
  it.each(RICH_CASES)('$text', (row) => expectSelection(richTestSchema, row));
});

describe('toPredicate: everything else', () => {
  it('null (empty text) selects every record', () => {
    const predicate = toPredicate(null);
    for (const record of [{}, null, undefined, 1, 'x', { productKey: 'a' }]) expect(predicate(record)).toBe(true);
  });

  it('never throws on any record, getters that throw aside', () => {
    const predicate = toPredicate(parse("code = 'x' or title like 'y' or tags.k like '' or not exists(size)"), {
      schema: richTestSchema,
    });
    for (const record of [
      null,
      undefined,
      0,
      '',
      Symbol('s'),
      () => 1,
      [],
      new Map(),
      new Date(0),
      { title: [] },
      { tags: new Map([['k', 'x']]) },
    ]) {
      expect(typeof predicate(record)).toBe('boolean');
    }
  });

  it('a schema field named __proto__ reads an own property only', () => {
    const schema = defineSchema({
      name: 'proto',
      fields: { ['__proto__']: { type: 'string', operators: ['=', 'exists'] } },
      logical: ['and'],
    });
    expect(toPredicate(parse("__proto__ = 'x'"), { schema })(JSON.parse('{"__proto__":"x"}'))).toBe(true);
    expect(toPredicate(parse('exists(__proto__)'), { schema })({})).toBe(false);
  });

  it('does not share regular expression state between records', () => {
    const predicate = toPredicate(parse("name like 'ab'"));
    const record = named('xxab');
    expect([predicate(record), predicate(record), predicate(record)]).toEqual([true, true, true]);
  });
});

describe('toPredicate refuses invalid trees with ExpressionError 99400', () => {
  const INVALID: readonly { title: string; ast: Expression; schema?: Schema }[] = [
    { title: "unknown field: foo = 'a'", ast: parse("foo = 'a'")! },
    { title: "operator not allowed: productKey like 'a'", ast: parse("productKey like 'a'")! },
    { title: "operator not allowed: name = 'a'", ast: parse("name = 'a'")! },
    { title: "unknown locale: name.fr_FR like 'a'", ast: parse("name.fr_FR like 'a'")! },
    { title: 'wrong value type: productKey = 1', ast: parse('productKey = 1')! },
    {
      title: "logical operator not allowed: a = 'x' or a = 'y'",
      ast: parse("a = 'x' or a = 'y'")!,
      schema: defineSchema({ name: 'and-only', fields: { a: { type: 'string', operators: ['='] } }, logical: ['and'] }),
    },
    {
      title: 'hand-built NaN: size = NaN',
      ast: comparison(fieldPath('size'), '=', valueNode(Number.NaN)),
      schema: richTestSchema,
    },
    {
      title: 'hand-built Infinity: size < Infinity',
      ast: comparison(fieldPath('size'), '<', valueNode(Number.POSITIVE_INFINITY)),
      schema: richTestSchema,
    },
    {
      title: 'hand-built empty in',
      ast: { ...comparison(fieldPath('productKey'), 'in', [valueNode('a')]), values: [] },
    },
    {
      title: 'hand-built unknown operator',
      ast: { ...comparison(fieldPath('productKey'), '=', valueNode('a')), op: '~' } as unknown as Expression,
    },
    {
      title: 'hand-built unknown node type',
      ast: { type: 'xor', children: [], keywordSpans: [], span: { start: 0, end: 0 } } as unknown as Expression,
    },
    {
      title: 'hand-built object value',
      ast: comparison(fieldPath('productKey'), '=', { value: {} as unknown as string, span: { start: 0, end: 0 } }),
    },
  ];

  it.each(INVALID)('$title', ({ ast, schema }) => {
    let thrown: unknown;
    try {
      toPredicate(ast, schema === undefined ? {} : { schema });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExpressionError);
    const error = thrown as ExpressionError;
    expect(error.code).toBe(99400);
    expect(error.diagnostics.length).toBeGreaterThan(0);
    expect(error.diagnostics.every((diagnostic) => diagnostic.severity === 'error' && diagnostic.code === 99400)).toBe(
      true,
    );
  });

  it('reports every error at once, with the exact EnOS message and the operator span', () => {
    const ast = parse("productKey like 'a' and status = 'x' and name = 'b'")!;
    try {
      toPredicate(ast);
      expect.unreachable();
    } catch (error) {
      const diagnostics = (error as ExpressionError).diagnostics;
      expect(diagnostics.map((d) => d.message)).toEqual([
        'Do not allow operator op like, allowed op [=, in]',
        'Do not allow operator op =, allowed op [like]',
      ]);
      expect(diagnostics[0]).toMatchObject({ start: 11, end: 15 });
    }
  });

  it('compiles despite warnings: an unknown enum value selects nothing', () => {
    expect(toPredicate(parse("status = 'paused'"))({ status: 'paused' })).toBe(true);
  });

  it('validates against otaJobSchema by default', () => {
    expect(() => toPredicate(and([parse("productKey = 'a'")!, parse('size = 1')!]))).toThrow(ExpressionError);
  });
});
