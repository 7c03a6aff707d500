/**
 * `complete` and `hover` in every place of the grammar (docs/LANGUAGE.md §9), on a schema with one field of each
 * kind and operators that differ between them, so that an item offered in the wrong place shows. `|` marks the
 * cursor; each case gives the exact items (label, kind, insert, detail) and the range they replace.
 */
import { describe, expect, it } from 'vitest';
import { defineSchema } from '../../src/core.js';
import { complete, hover, type CompleteOptions } from '../../src/editor.js';

const schema = defineSchema({
  name: 'shop',
  fields: {
    code: { type: 'string', operators: ['=', '!=', 'in', 'like', 'is null', 'is not null'], values: ['a', 'b'] },
    size: { type: 'number', operators: ['=', '<', '>=', 'in'] },
    active: { type: 'boolean', operators: ['=', '!='] },
    title: { type: 'i18n', operators: ['like', 'exists'], locales: ['zh_CN'] },
    tags: { type: 'map', operators: ['=', 'not exists'] },
    attrs: { type: 'map', values: 'scalar', operators: ['=', 'in', 'exists'] },
  },
  logical: ['and', 'or'],
});

/** The application's values: one plain, one holding both quotes. */
const values = (path: string): readonly string[] => [`v-${path}`, `q'"`];

function at(marked: string): [text: string, offset: number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function completeAt(marked: string, options: CompleteOptions = { schema, values }) {
  const [text, offset] = at(marked);
  return complete(text, offset, options);
}

const MEANING = {
  '=': 'equals the value exactly (case-sensitive, no coercion)',
  '!=': 'present and not equal to the value (also <>)',
  '<': 'less than the value',
  '>=': 'greater than or equal to the value',
  in: 'equals one of the listed values',
  like: 'contains the text, ignoring the case of A–Z; % and _ are literal',
  exists: 'the field is present and not null',
  'not exists': 'the field is absent or null',
  'is null': 'the field is absent or null',
  'is not null': 'the field is present and not null',
};

const field = (insert: string, detail: string) => ({ label: insert, kind: 'field', insert, detail });
const keyword = (insert: string, detail?: string, label = insert) =>
  detail === undefined ? { label, kind: 'keyword', insert } : { label, kind: 'keyword', insert, detail };
const operator = (op: keyof typeof MEANING, insert: string) => ({
  label: op,
  kind: 'operator',
  insert,
  detail: MEANING[op],
});
const value = (insert: string, detail: string) => ({ label: insert, kind: 'value', insert, detail });
const segment = (kind: 'locale' | 'key', insert: string, detail: string) => ({ label: insert, kind, insert, detail });

const CODE = 'string · =, !=, in, like, is null, is not null';
const TITLE = 'i18n · like, exists';
const TITLE_PATHS = ['title', 'title.defaultValue', 'title.default', 'title.zh_CN'].map((path) => field(path, TITLE));
const ATTRS = field('attrs.', 'map · =, in, exists');
const TAGS = field('tags.', 'map · =, not exists');
const LOCALES = ['defaultValue', 'default', 'zh_CN'].map((locale) => segment('locale', locale, 'title'));

describe('where a comparison starts', () => {
  it('|: every path (a map as its prefix), (, exists( and not exists( with their meaning', () => {
    expect(completeAt('|')).toEqual({
      from: 0,
      to: 0,
      items: [
        field('code', CODE),
        field('size', 'number · =, <, >=, in'),
        field('active', 'boolean · =, !='),
        ...TITLE_PATHS,
        TAGS,
        ATTRS,
        keyword('('),
        keyword('exists(', MEANING.exists),
        keyword('not exists(', MEANING['not exists']),
      ],
    });
  });

  it.each([
    ['exists(|', 7, [...TITLE_PATHS, ATTRS]],
    ['not exists(|', 11, [TAGS]],
  ])('%s: only the paths whose field allows that test, and no keyword', (marked, from, items) => {
    expect(completeAt(marked)).toEqual({ from, to: from, items });
  });

  it.each([
    ['not |', [keyword('exists(', MEANING['not exists'])]],
    ['exists |', [keyword('(')]],
    ['exists(title |', [keyword(')')]],
    [
      'exists(title) |',
      [keyword('and ', 'both sides hold (binds tighter than or)', 'and'), keyword('or ', 'either side holds', 'or')],
    ],
  ])('%s', (marked, items) => {
    expect(completeAt(marked).items).toEqual(items);
  });

  it('exists|: the keyword being typed is replaced by exists(', () => {
    expect(completeAt('exists|')).toEqual({ from: 0, to: 6, items: [keyword('exists(', MEANING.exists)] });
  });
});

describe('after a path: its operators, each with the punctuation that follows it', () => {
  it.each([
    [
      'code |',
      [
        operator('=', '= '),
        operator('!=', '!= '),
        operator('in', 'in ('),
        operator('like', "like '"),
        operator('is null', 'is null'),
        operator('is not null', 'is not null'),
      ],
    ],
    ['size |', [operator('=', '= '), operator('<', '< '), operator('>=', '>= '), operator('in', 'in (')]],
    ['title.zh_CN |', [operator('like', "like '")]],
    ['attrs.k |', [operator('=', '= '), operator('in', 'in (')]],
  ])('%s (never exists or not exists, which come before a path)', (marked, items) => {
    expect(completeAt(marked).items).toEqual(items);
  });

  it.each([
    ['code is |', [keyword('null', MEANING['is null']), keyword('not null', MEANING['is not null'])]],
    ['code is not |', [keyword('null', MEANING['is not null'])]],
    ['size is |', []],
  ])('%s', (marked, items) => {
    expect(completeAt(marked).items).toEqual(items);
  });
});

describe('values', () => {
  const codeValues = [value("'a'", 'code'), value("'b'", 'code'), value("'v-code'", 'code'), value(`'q''"'`, 'code')];

  it.each(['code = |', 'code != |', 'code <> |', 'code in (|', "code in ('a', |"])(
    '%s: the known values, then the application’s, quoted',
    (marked) => {
      const [, offset] = at(marked);
      expect(completeAt(marked)).toEqual({ from: offset, to: offset, items: codeValues });
    },
  );

  it('in double quotes when the typed string opens with one, its quote doubled inside', () => {
    expect(completeAt('code = "|')).toEqual({
      from: 7,
      to: 8,
      items: [value('"a"', 'code'), value('"b"', 'code'), value('"v-code"', 'code'), value(`"q'"""`, 'code')],
    });
  });

  it('a value known to the schema and to the application is offered once', () => {
    expect(completeAt('code = |', { schema, values: () => ['b', 'c'] }).items.map((item) => item.insert)).toEqual([
      "'a'",
      "'b'",
      "'c'",
    ]);
  });

  it.each([
    ['active = |', [value('true', 'active'), value('false', 'active')]],
    ['active != |', [value('true', 'active'), value('false', 'active')]],
    ['tags.x = |', [value("'v-tags.x'", 'tags.x'), value(`'q''"'`, 'tags.x')]],
    ['attrs.x in (|', [value("'v-attrs.x'", 'attrs.x'), value(`'q''"'`, 'attrs.x')]],
    ['size = |', []],
    ['size < |', []],
    ['code like |', []],
    ['nope = |', []],
  ])('%s', (marked, items) => {
    expect(completeAt(marked).items).toEqual(items);
  });

  it.each([
    ["code in ('a'|", 12],
    ["code in ('a' |", 13],
  ])('%s: a comma or the closing parenthesis', (marked, offset) => {
    expect(completeAt(marked)).toEqual({ from: offset, to: offset, items: [keyword(','), keyword(')')] });
  });
});

describe('segments after a dot', () => {
  it.each([
    ['title.|', 6, 6, LOCALES],
    ['exists(title.|', 13, 13, LOCALES],
    ['title.z|h', 6, 8, [segment('locale', 'zh_CN', 'title')]],
    ['tags.|', 5, 5, [segment('key', 'v-tags', 'tags'), segment('key', `q'"`, 'tags')]],
    ['not exists(tags.|', 16, 16, [segment('key', 'v-tags', 'tags'), segment('key', `q'"`, 'tags')]],
  ])('%s: the field’s segments, replacing what follows the dot', (marked, from, to, items) => {
    expect(completeAt(marked)).toEqual({ from, to, items });
  });

  it.each([
    ['not exists(title.|', 11, 17],
    ['exists(tags.|', 7, 12],
    ['code.|', 0, 5],
    ['nope.|', 0, 5],
  ])('%s: nothing where the field does not take the test or has no segments', (marked, from, to) => {
    expect(completeAt(marked)).toEqual({ from, to, items: [] });
  });

  it('a map’s keys without a values callback: none', () => {
    expect(completeAt('tags.|', { schema }).items).toEqual([]);
  });

  it.each([
    ['ti|tle.zh', 0, 8],
    ['title|.zh', 0, 8],
  ])('%s: with the cursor before the dot, the whole path is typed again', (marked, from, to) => {
    expect(completeAt(marked)).toEqual({ from, to, items: TITLE_PATHS });
  });
});

describe('ranges and odd input', () => {
  it('a callback that throws: no items, at the cursor', () => {
    const throwing = () => {
      throw new Error('offline');
    };
    expect(completeAt("code = 'a' and code = |", { schema, values: throwing })).toEqual({
      from: 22,
      to: 22,
      items: [],
    });
  });

  it.each([
    ['a fractional offset', 2.7, { from: 0, to: 4 }],
    ['an offset past the end', 40, { from: 0, to: 4 }],
  ])('%s is clamped to an offset of the text', (_, offset, range) => {
    expect(complete('code', offset, { schema })).toMatchObject({ ...range, items: [field('code', CODE)] });
  });

  it.each(["code = 'a' 'b' |", 'code == |', 'code = a |', 'code is a |', 'exists code |'])(
    '%s: nothing after a token the grammar refuses',
    (marked) => {
      expect(completeAt(marked).items).toEqual([]);
    },
  );

  it.each(["code = 'a' 'b' and |", "code = 'a' 'b' or |", "code == 'a' (|"])(
    '%s: a new comparison can start after and, or or (',
    (marked) => {
      expect(completeAt(marked).items.map((item) => item.insert)).toContain('code');
    },
  );
});

describe('hover', () => {
  function hoverAt(marked: string) {
    const [text, offset] = at(marked);
    return hover(text, offset, { schema });
  }

  it.each([
    ['c|ode', { start: 0, end: 4, text: `code: ${CODE} · known values 'a', 'b'` }],
    ['si|ze = 1', { start: 0, end: 4, text: 'size: number · =, <, >=, in' }],
    ['tags.k|', { start: 0, end: 6, text: 'tags.k: map · =, not exists · key k' }],
    ['title.zh|_CN', { start: 0, end: 11, text: 'title.zh_CN: i18n · like, exists · locales zh_CN' }],
    ["code = 'a' a|nd", { start: 11, end: 14, text: 'and: both sides hold (binds tighter than or)' }],
    ["code = 'a' or|", { start: 11, end: 13, text: 'or: either side holds' }],
    ['code l|ike "x"', { start: 5, end: 9, text: `like: ${MEANING.like}` }],
    ['code i|s null', { start: 5, end: 7, text: `is null: ${MEANING['is null']}` }],
    ['code I|S NOT null', { start: 5, end: 7, text: `is not null: ${MEANING['is not null']}` }],
    ['code is n|ot null', { start: 8, end: 11, text: `is not null: ${MEANING['is not null']}` }],
    ['code is not n|ull', { start: 12, end: 16, text: `is not null: ${MEANING['is not null']}` }],
    ['code is n|ull', { start: 8, end: 12, text: `is null: ${MEANING['is null']}` }],
    ['exis|ts(title)', { start: 0, end: 6, text: `exists: ${MEANING.exists}` }],
    ['n|ot exists(tags.x)', { start: 0, end: 3, text: `not exists: ${MEANING['not exists']}` }],
    ['not exis|ts(tags.x)', { start: 4, end: 10, text: `not exists: ${MEANING['not exists']}` }],
    ['size >|= 1', { start: 5, end: 7, text: `>=: ${MEANING['>=']}` }],
    ['size <|= 1', { start: 5, end: 7, text: '<=: less than or equal to the value' }],
    ['size |> 1', { start: 5, end: 6, text: '>: greater than the value' }],
    ['size |< 1', { start: 5, end: 6, text: `<: ${MEANING['<']}` }],
    ['size |!= 1', { start: 5, end: 7, text: `!=: ${MEANING['!=']}` }],
  ])('%s', (marked, expected) => {
    expect(hoverAt(marked)).toEqual(expected);
  });

  it.each([
    ["code = 'a|'", "'a': a known value of code"],
    ['code = "a|"', '"a": a known value of code'],
    ["code = 'c|'", "'c': not a known value of code, which knows a, b"],
    ["code in ('a', 'z|')", "'z': not a known value of code, which knows a, b"],
    ["code = 'it''|s'", "'it''s': not a known value of code, which knows a, b"],
    ["tags.k = 'v|'", 'a string value of tags.k'],
    ["title.zh_CN like 'x|'", 'a string value'],
    ["code = 'op|", 'a string value'],
    ['size = 1|', 'a number value'],
    ['active = t|rue', 'a boolean value'],
  ])('%s: %s', (marked, text) => {
    expect(hoverAt(marked)?.text).toBe(text);
  });

  it.each(["code | = 'a'", "code = 'a' |", '(|', '😀|', "code = 'a' |)"])(
    '%s: nothing over blanks, punctuation or an invalid character',
    (marked) => {
      expect(hoverAt(marked)).toBeNull();
    },
  );

  it('over the end of a word that is not the last, the next token is hovered (or nothing)', () => {
    expect(hoverAt("code| = 'a'")).toBeNull();
    expect(hoverAt('code =| 1')).toBeNull();
  });

  it('an unknown field says which schema it is not a field of', () => {
    expect(hoverAt('x y |z')).toEqual({ start: 4, end: 5, text: 'z: not a field of shop' });
  });
});

describe('the grammar machine: what each token leads to', () => {
  const AND_OR = ['and ', 'or '];
  it.each([
    ["code = 'a'|", AND_OR],
    ['active = true |', AND_OR],
    ['active = TRUE |', AND_OR],
    ['size = -1.5 |', AND_OR],
    ['code IS |', ['null', 'not null']],
    ['code is null |', AND_OR],
    ['code is NOT NULL |', AND_OR],
    ["code like 'x' |", AND_OR],
    ["code in ('a', 'b') |", AND_OR],
    ['size in (1, 2 |', [',', ')']],
    ['active in (true |', [',', ')']],
    ["code = 'a' ) |", AND_OR],
    [
      "(code = 'a') or (|",
      [
        'code',
        'size',
        'active',
        'title',
        'title.defaultValue',
        'title.default',
        'title.zh_CN',
        'tags.',
        'attrs.',
        '(',
        'exists(',
        'not exists(',
      ],
    ],
    ['NOT EXISTS (|', ['tags.']],
    [
      'exists(title) AND |',
      [
        'code',
        'size',
        'active',
        'title',
        'title.defaultValue',
        'title.default',
        'title.zh_CN',
        'tags.',
        'attrs.',
        '(',
        'exists(',
        'not exists(',
      ],
    ],
  ])('%s', (marked, inserts) => {
    expect(completeAt(marked).items.map((item) => item.insert)).toEqual(inserts);
  });

  it.each([
    ') |',
    'and |',
    "'a' |",
    'not code |',
    "exists('a' |",
    'exists(title code |',
    'code code |',
    'code is not a |',
    'code like 1 |',
    "code in 'a' |",
    'code in (a |',
    "code in ('a' 'b' |",
    "code = 'a' x |",
    "code == 'a' x |",
    "code = 'a' x ) |",
  ])('%s: nothing, the grammar refuses a token before the cursor', (marked) => {
    expect(completeAt(marked).items).toEqual([]);
  });

  it.each([
    ['code =|', 6, 6, ['a', 'b', 'v-code', `q'"`].map((v) => `'${v.replace("'", "''")}'`)],
    ['code = #|', 8, 8, []],
    ["code = 'a'|", 10, 10, AND_OR],
    ['code|', 0, 4, ['code']],
  ])(
    '%s: a complete operator, string or invalid character before the cursor is done; a word goes on',
    (marked, from, to, inserts) => {
      const result = completeAt(marked);
      expect({ from: result.from, to: result.to, inserts: result.items.map((item) => item.insert) }).toEqual({
        from,
        to,
        inserts,
      });
    },
  );

  it('hover at a negative offset: nothing', () => {
    expect(hover('code', -1, { schema })).toBeNull();
  });

  it('hover over a string value of a field that is not a string: the field named, no known values', () => {
    expect(hover("size = 'x'", 8, { schema })?.text).toBe('a string value of size');
    // A map of scalars declares `values: 'scalar'`: a kind of value, not a list of known ones.
    expect(hover("attrs.k = 'cal'", 12, { schema })?.text).toBe('a string value of attrs.k');
  });
});

describe('hover decodes a value before looking it up', () => {
  const quoted = defineSchema({
    name: 'quoted',
    fields: { note: { type: 'string', operators: ['=', 'in'], values: ["it's", 'say "hi"', 'back\\slash'] } },
    logical: ['and'],
  });

  it.each([
    ["note = 'it''s'", "'it''s': a known value of note"],
    ["note = 'it\\'s'", "'it\\'s': a known value of note"],
    ['note = "say ""hi"""', '"say ""hi""": a known value of note'],
    ['note = "say \\"hi\\""', '"say \\"hi\\"": a known value of note'],
    ["note in ('back\\\\slash')", "'back\\\\slash': a known value of note"],
    ["note = 'its'", "'its': not a known value of note, which knows it's, say \"hi\", back\\slash"],
  ])('%s', (text, expected) => {
    expect(hover(text, text.length - 2, { schema: quoted })?.text).toBe(expected);
  });
});
