/**
 * Selection rules of docs/SEMANTICS.md that the older tables (test/compile/predicate.test.ts) leave at their edges:
 * bounds just inside and outside each ordering, values of the wrong type that JavaScript would coerce, `in` with one
 * to five values, `and`/`or` of two to six children, datetime and scalar-map fields, i18n fields with one and three
 * locales, properties reached through a prototype. One table, run by the predicate's tests and, with mingo as the
 * engine, by MongoDB's (test/compile/mongo/rules.test.ts): both targets must select exactly these records.
 */
import { defineSchema, type Schema } from '../../../src/schema/schema.js';
import { richTestSchema, STRING_OPERATORS } from '../../arbitraries/rich-schema.js';

export interface SelectionCase {
  readonly text: string;
  readonly selects: readonly unknown[];
  readonly rejects: readonly unknown[];
  /** The schema the text is compiled with; richTestSchema when absent. */
  readonly schema?: Schema;
}

const BOUND = '2025-01-01 00:00:00';
const JUST_BEFORE = '2024-12-31 23:59:59';
const JUST_AFTER = '2025-01-01 00:00:01';

/** Strings that compare below or above every datetime but are not one: they are absent, not smaller or larger. */
const NOT_DATETIMES_BELOW = ['0000', '2024-02-30 00:00:00', '2024-12-31T23:59:59', ''];
const NOT_DATETIMES_ABOVE = ['zzzz', '2025-13-01 00:00:00', '2025-01-01 00:00:01 ', '9999-99-99 99:99:99'];

const seen = (value: unknown): unknown => ({ seen: value });
const size = (value: unknown): unknown => ({ size: value });
const code = (value: unknown): unknown => ({ code: value });
const attrs = (entries: Record<string, unknown>): unknown => ({ attrs: entries });

export const ORDERING_CASES: readonly SelectionCase[] = [
  // Numbers: the bound itself, the nearest values either side, and values JavaScript's < would coerce to numbers.
  {
    text: 'size < 10',
    selects: [size(9), size(9.999), size(-1e300)],
    rejects: [size(10), size(10.001), size('5'), size(null), size(false), size([5]), size(''), {}],
  },
  {
    text: 'size <= 10',
    selects: [size(10), size(9.999)],
    rejects: [size(10.001), size('10'), size(null), size(true), size([10]), {}],
  },
  {
    text: 'size > 10',
    selects: [size(10.001), size(11)],
    rejects: [size(10), size(9.999), size('11'), size([11]), {}],
  },
  {
    text: 'size >= 10',
    selects: [size(10), size(10.001)],
    rejects: [size(9.999), size('10'), size('11'), size([10]), {}],
  },
  {
    text: 'size >= 0',
    selects: [size(0), size(-0)],
    rejects: [size(null), size(false), size(''), size([]), size('0')],
  },
  {
    text: 'size <= 0',
    selects: [size(0), size(-1)],
    rejects: [size(null), size(false), size(''), size([]), size('0')],
  },
  // Datetimes compare as strings of one fixed form; a string of another form is absent whatever it compares as.
  {
    text: `seen < '${BOUND}'`,
    selects: [seen(JUST_BEFORE), seen('2000-02-29 12:00:00')],
    rejects: [seen(BOUND), seen(JUST_AFTER), ...NOT_DATETIMES_BELOW.map(seen), seen(20240101), seen(null), {}],
  },
  {
    text: `seen <= '${BOUND}'`,
    selects: [seen(BOUND), seen(JUST_BEFORE)],
    rejects: [seen(JUST_AFTER), ...NOT_DATETIMES_BELOW.map(seen), seen(null), {}],
  },
  {
    text: `seen > '${BOUND}'`,
    selects: [seen(JUST_AFTER), seen('2400-02-29 00:00:00')],
    rejects: [seen(BOUND), seen(JUST_BEFORE), ...NOT_DATETIMES_ABOVE.map(seen), seen(30000101), {}],
  },
  {
    text: `seen >= '${BOUND}'`,
    selects: [seen(BOUND), seen(JUST_AFTER)],
    rejects: [seen(JUST_BEFORE), ...NOT_DATETIMES_ABOVE.map(seen), {}],
  },
  {
    text: `seen = '${BOUND}'`,
    selects: [seen(BOUND)],
    rejects: [seen(JUST_AFTER), seen(`${BOUND} `), Object.create({ seen: BOUND }), {}],
  },
  {
    text: `seen != '${BOUND}'`,
    selects: [seen(JUST_AFTER), seen(JUST_BEFORE)],
    rejects: [seen(BOUND), seen('zzzz'), seen('0000'), seen(1), seen(null), {}],
  },
  {
    text: 'exists(seen)',
    selects: [seen(BOUND), seen('2000-02-29 23:59:59')],
    rejects: [seen('1900-02-29 00:00:00'), seen('2025-01-01 24:00:00'), seen('x'), seen(BOUND.slice(0, 10)), seen(1)],
  },
  {
    text: 'not exists(seen)',
    selects: [{}, seen(null), seen('x'), seen(20250101), seen('2025-02-29 00:00:00')],
    rejects: [seen(BOUND), seen('2024-02-29 00:00:00')],
  },
];

export const SCALAR_MAP_CASES: readonly SelectionCase[] = [
  // A map of scalars: strings, numbers and booleans are present; null, objects and arrays are not.
  {
    text: 'exists(attrs.k)',
    selects: [attrs({ k: 'x' }), attrs({ k: '' }), attrs({ k: 0 }), attrs({ k: false })],
    rejects: [attrs({ k: null }), attrs({ k: {} }), attrs({ k: [1] }), attrs({}), attrs({ K: 1 }), { attrs: 'k' }, {}],
  },
  {
    text: 'not exists(attrs.k)',
    selects: [attrs({ k: null }), attrs({ k: {} }), attrs({}), {}],
    rejects: [attrs({ k: 0 }), attrs({ k: true }), attrs({ k: 'x' })],
  },
  {
    text: 'attrs.k != 1',
    selects: [attrs({ k: '1' }), attrs({ k: true }), attrs({ k: 2 }), attrs({ k: 0 }), attrs({ k: '' })],
    rejects: [attrs({ k: 1 }), attrs({ k: null }), attrs({ k: {} }), attrs({}), {}],
  },
  { text: 'attrs.k = true', selects: [attrs({ k: true })], rejects: [attrs({ k: 1 }), attrs({ k: 'true' })] },
  {
    text: "attrs.k in (1, '1', false)",
    selects: [attrs({ k: 1 }), attrs({ k: '1' }), attrs({ k: false })],
    rejects: [attrs({ k: true }), attrs({ k: 0 }), attrs({ k: 2 }), attrs({}), { attrs: Object.create({ k: 1 }) }],
  },
  { text: "attrs.k like 'a'", selects: [attrs({ k: 'xAx' })], rejects: [attrs({ k: 1 }), attrs({ k: true })] },
];

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'];
const quoted = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/** `code in (…)` with one to six values: each listed value selects, the next letter does not. */
export const IN_CASES: readonly SelectionCase[] = [1, 2, 3, 4, 5, 6].map((count) => {
  const listed = LETTERS.slice(0, count);
  return {
    text: `code in (${quoted(listed)})`,
    selects: listed.map(code),
    rejects: [
      code(String.fromCharCode(97 + count)),
      code(undefined),
      code(listed[count - 1]!.toUpperCase()),
      Object.create({ code: listed[count - 1] }),
      {},
    ],
  };
});

/** `in` with two to four values on paths without a fused form (map entries, i18n fields): a loop over the list. */
export const LISTED_IN_CASES: readonly SelectionCase[] = [2, 3, 4].flatMap((count) => {
  const listed = LETTERS.slice(0, count);
  const last = listed[count - 1]!;
  const next = String.fromCharCode(97 + count);
  return [
    {
      text: `tags.k in (${quoted(listed)})`,
      selects: listed.map((value) => ({ tags: { k: value } })),
      rejects: [{ tags: { k: next } }, { tags: { k: undefined } }, { tags: {} }, { tags: Object.create({ k: last }) }],
    },
    {
      text: `title in (${quoted(listed)})`,
      selects: listed.map((value) => ({ title: { defaultValue: 'z', i18nValue: { en_US: value } } })),
      rejects: [{ title: { defaultValue: next } }, { title: { i18nValue: { en_US: undefined } } }, {}],
    },
    {
      text: `size in (${listed.map((_, index) => index + 1).join(', ')})`,
      selects: [size(count)],
      rejects: [size(count + 1), size(String(count)), size(undefined)],
    },
  ];
});

/** Comparisons on distinct fields, each with a record value that makes it true and one that makes it false. */
const TERMS: readonly { readonly text: string; readonly field: string; readonly yes: unknown; readonly no: unknown }[] =
  [
    { text: "code = 'a'", field: 'code', yes: 'a', no: 'b' },
    { text: "kind = 'alpha'", field: 'kind', yes: 'alpha', no: 'beta' },
    { text: 'size = 1', field: 'size', yes: 1, no: 2 },
    { text: 'active = true', field: 'active', yes: true, no: false },
    { text: "constructor = 'c'", field: 'constructor', yes: 'c', no: 'd' },
    { text: "tags.k = 'v'", field: 'tags', yes: { k: 'v' }, no: { k: 'w' } },
  ];

function recordOf(values: ReadonlyMap<string, unknown>): unknown {
  const record: Record<string, unknown> = {};
  // defineProperty: a key named constructor stays an own data property like any other.
  for (const [key, value] of values) Object.defineProperty(record, key, { value, enumerable: true });
  return record;
}

/**
 * `and` and `or` of two to six children (the unrolled forms and the loop beyond four): an `and` is false as soon as
 * any one child is, wherever it stands; an `or` is true as soon as any one child is.
 */
export const COMBINATION_CASES: readonly SelectionCase[] = [2, 3, 4, 5, 6].flatMap((count) => {
  const terms = TERMS.slice(0, count);
  const withOnly = (index: number, value: 'yes' | 'no'): unknown =>
    recordOf(
      new Map(terms.map((term, at) => [term.field, at === index ? term[value] : term[value === 'yes' ? 'no' : 'yes']])),
    );
  const all = (value: 'yes' | 'no'): unknown => recordOf(new Map(terms.map((term) => [term.field, term[value]])));
  return [
    {
      text: terms.map((term) => term.text).join(' and '),
      selects: [all('yes')],
      rejects: [all('no'), ...terms.map((_, index) => withOnly(index, 'no')), {}],
    },
    {
      text: terms.map((term) => term.text).join(' or '),
      selects: [all('yes'), ...terms.map((_, index) => withOnly(index, 'yes'))],
      rejects: [all('no'), {}],
    },
  ];
});

const threeLocales = defineSchema({
  name: 'three-locales',
  fields: { title: { type: 'i18n', operators: STRING_OPERATORS, locales: ['zh_CN', 'en_US', 'ja_JP'] } },
  logical: ['and', 'or'],
});
const oneLocale = defineSchema({
  name: 'one-locale',
  fields: { title: { type: 'i18n', operators: STRING_OPERATORS, locales: ['zh_CN'] } },
  logical: ['and', 'or'],
});
const titled = (defaultValue: unknown, translations?: Record<string, unknown>): unknown =>
  translations === undefined ? { title: { defaultValue } } : { title: { defaultValue, i18nValue: translations } };

/** Bare `title` is any of defaultValue and every listed locale, however many the schema lists. */
export const LOCALE_COUNT_CASES: readonly SelectionCase[] = [
  {
    schema: threeLocales,
    text: "title = 'x'",
    selects: [titled('x'), titled(null, { zh_CN: 'x' }), titled(null, { en_US: 'x' }), titled(null, { ja_JP: 'x' })],
    rejects: [titled(null, { fr_FR: 'x' }), titled('y', { ja_JP: 'y' }), titled(null, { undefined: 'x' }), {}],
  },
  {
    schema: threeLocales,
    text: "title like 'X'",
    selects: [titled(null, { ja_JP: 'axb' })],
    rejects: [titled(null, { fr_FR: 'x' }), { title: { i18nValue: Object.create({ ja_JP: 'x' }) } }],
  },
  {
    schema: threeLocales,
    text: "title != 'x'",
    selects: [titled(null, { ja_JP: 'y' }), titled('y', { zh_CN: 'y', en_US: 'y', ja_JP: 'y' })],
    rejects: [titled('y', { ja_JP: 'x' }), titled(null, { fr_FR: 'y' }), {}],
  },
  {
    schema: threeLocales,
    text: 'exists(title)',
    selects: [titled(null, { ja_JP: '' })],
    rejects: [titled(null, { fr_FR: '' }), titled(null, { ja_JP: 1 })],
  },
  {
    schema: threeLocales,
    text: "title.ja_JP = 'x'",
    selects: [titled('y', { ja_JP: 'x' }), titled('x', { ja_JP: '' }), titled('x')],
    rejects: [titled('x', { ja_JP: 'y' }), titled('y', { zh_CN: 'x', en_US: 'x' })],
  },
  {
    schema: oneLocale,
    text: "title = 'x'",
    selects: [titled('x'), titled(null, { zh_CN: 'x' })],
    rejects: [titled(null, { en_US: 'x' }), titled(null, { undefined: 'x' }), titled('y', { zh_CN: 'y' })],
  },
  {
    schema: oneLocale,
    text: "title != 'x'",
    selects: [titled('y'), titled(null, { zh_CN: 'y' })],
    rejects: [titled('x'), titled('y', { zh_CN: 'x' }), titled(null, { en_US: 'y' })],
  },
  // title.default reads defaultValue only: no translation, not even one under a key named "undefined".
  {
    text: "title.default = 'x'",
    selects: [titled('x'), titled('x', { zh_CN: 'y', undefined: 'y' })],
    rejects: [titled('y', { undefined: 'x' }), titled('y', { zh_CN: 'x' })],
  },
];

/** Only own properties count, at every step of a path. */
export const OWN_PROPERTY_CASES: readonly SelectionCase[] = [
  {
    text: "tags.k = 'v'",
    selects: [{ tags: { k: 'v' } }],
    rejects: [Object.create({ tags: { k: 'v' } }), { tags: Object.create({ k: 'v' }) }],
  },
  {
    text: 'exists(tags.k)',
    selects: [{ tags: { k: 'v' } }],
    rejects: [Object.create({ tags: { k: 'v' } }), { tags: Object.create({ k: 'v' }) }],
  },
  {
    text: "tags.k like 'V'",
    selects: [{ tags: { k: 'v' } }],
    rejects: [Object.create({ tags: { k: 'v' } }), { tags: Object.create({ k: 'v' }) }],
  },
  { text: "code like 'x'", selects: [code('X')], rejects: [Object.create({ code: 'x' })] },
  { text: "code like '1'", selects: [code('a1')], rejects: [Object.create({ code: '1' }), code(1)] },
  { text: "code like ''", selects: [code('')], rejects: [Object.create({ code: '' }), code(null)] },
  { text: "code != 'x'", selects: [code('y')], rejects: [Object.create({ code: 'y' })] },
  { text: 'size > 1', selects: [size(2)], rejects: [Object.create({ size: 2 })] },
  { text: 'exists(size)', selects: [size(2)], rejects: [Object.create({ size: 2 })] },
];

export const ALL_CASES: readonly (readonly [string, readonly SelectionCase[]])[] = [
  ['ordering: bounds and coercible wrong types', ORDERING_CASES],
  ['maps of scalars', SCALAR_MAP_CASES],
  ['in with one to six values (scalar field)', IN_CASES],
  ['in with two to four values (map entry, i18n, number)', LISTED_IN_CASES],
  ['and / or of two to six children', COMBINATION_CASES],
  ['i18n fields with one and three locales', LOCALE_COUNT_CASES],
  ['own properties only', OWN_PROPERTY_CASES],
];

export function schemaOf(row: SelectionCase): Schema {
  return row.schema ?? richTestSchema;
}
