/**
 * Path resolution (src/schema/resolve.ts): what each path of each field type refers to, why a wrong path names
 * nothing (with its supported paths and did-you-mean), the value type of each resolved path, and the datetime form.
 */
import { describe, expect, it } from 'vitest';
import { defineSchema } from '../../src/index.js';
import {
  DATETIME_FORM,
  isCalendarDatetime,
  resolvePath,
  valueTypeOf,
  type ResolvedPath,
} from '../../src/schema/resolve.js';

const schema = defineSchema({
  name: 'paths',
  fields: {
    code: { type: 'string', operators: ['='] },
    count: { type: 'number', operators: ['='] },
    on: { type: 'boolean', operators: ['='] },
    at: { type: 'datetime', operators: ['='] },
    title: { type: 'i18n', operators: ['like'], locales: ['zh_CN', 'en-US'] },
    tags: { type: 'map', operators: ['='] },
    words: { type: 'map', operators: ['='], values: 'string' },
    attrs: { type: 'map', operators: ['='], values: 'scalar' },
  },
  logical: ['and'],
});

const resolved = (path: string): ResolvedPath => {
  const resolution = resolvePath(schema, path);
  if (!resolution.ok) throw new Error(`${path} did not resolve`);
  return resolution.path;
};

describe('resolvePath: valid paths', () => {
  it.each([
    ['code', 'string'],
    ['count', 'number'],
    ['on', 'boolean'],
    ['at', 'datetime'],
  ])('%s is a scalar path of a %s field', (path, type) => {
    expect(resolved(path)).toEqual({ kind: 'scalar', name: path, field: schema.fields[path as 'code'] });
    expect(resolved(path).field.type).toBe(type);
  });

  it.each([
    ['title', { kind: 'any' }],
    ['title.defaultValue', { kind: 'default' }],
    ['title.default', { kind: 'default' }],
    ['title.zh_CN', { kind: 'locale', locale: 'zh_CN' }],
    ['title.en-US', { kind: 'locale', locale: 'en-US' }],
  ])('%s targets %j of the i18n value', (path, target) => {
    expect(resolved(path)).toEqual({ kind: 'i18n', name: 'title', field: schema.fields.title, target });
  });

  it.each([
    ['tags.k', 'tags', 'k'],
    ['tags.a-b/c', 'tags', 'a-b/c'],
    ['attrs.floor', 'attrs', 'floor'],
    ['tags.defaultValue', 'tags', 'defaultValue'],
  ])('%s is key %s of map %s', (path, name, key) => {
    expect(resolved(path)).toEqual({ kind: 'map', name, field: schema.lookup.get(name), key });
  });
});

describe('resolvePath: paths that name nothing', () => {
  it('an unknown field lists every field and suggests the closest path, locale paths included', () => {
    expect(resolvePath(schema, 'cod')).toEqual({
      ok: false,
      kind: 'unknown-field',
      supported: schema.fieldNames,
      suggestion: 'code',
    });
    expect(resolvePath(schema, 'titel.zh_CN')).toEqual({
      ok: false,
      kind: 'unknown-field',
      supported: schema.fieldNames,
      suggestion: 'title.zh_CN',
    });
  });

  it('with no close path, the answer has no suggestion property at all', () => {
    const resolution = resolvePath(schema, 'completelyDifferent');
    expect(resolution).toEqual({ ok: false, kind: 'unknown-field', supported: schema.fieldNames });
    expect('suggestion' in resolution).toBe(false);
  });

  it.each(['code.x', 'count.zh_CN', 'on.default', 'at.y'])('a scalar field has no sub-paths: %s is unknown', (path) => {
    expect(resolvePath(schema, path)).toMatchObject({ ok: false, kind: 'unknown-field', supported: schema.fieldNames });
    expect(resolvePath(schema, path)).not.toHaveProperty('field');
  });

  it('a bare map name is unknown, naming the keyed form', () => {
    expect(resolvePath(schema, 'tags')).toEqual({
      ok: false,
      kind: 'unknown-field',
      field: 'tags',
      supported: ['tags.<key>'],
    });
  });

  it('a map key is one segment: tags.a.b is unknown, saying why', () => {
    expect(resolvePath(schema, 'tags.a.b')).toEqual({
      ok: false,
      kind: 'unknown-field',
      field: 'tags',
      supported: ['tags.<key>'],
      reason: 'a map key is one segment',
    });
  });

  it('an unknown locale lists the paths of the i18n field and suggests the closest', () => {
    const supported = ['title', 'title.defaultValue', 'title.default', 'title.zh_CN', 'title.en-US'];
    expect(resolvePath(schema, 'title.zh_cn')).toEqual({
      ok: false,
      kind: 'unknown-locale',
      field: 'title',
      supported,
      suggestion: 'title.zh_CN',
    });
    const far = resolvePath(schema, 'title.klingon');
    expect(far).toEqual({ ok: false, kind: 'unknown-locale', field: 'title', supported });
    expect('suggestion' in far).toBe(false);
  });

  it('a prototype name is never a field', () => {
    for (const path of ['__proto__', 'constructor', 'toString.x']) {
      expect(resolvePath(schema, path)).toMatchObject({ ok: false, kind: 'unknown-field' });
    }
  });
});

describe('valueTypeOf: what values a path compares with', () => {
  it.each([
    ['code', 'string'],
    ['count', 'number'],
    ['on', 'boolean'],
    ['at', 'datetime'],
    ['title.zh_CN', 'string'],
    ['title', 'string'],
    ['tags.k', 'string'],
    ['words.k', 'string'],
    ['attrs.k', 'scalar'],
  ])('%s takes %s values', (path, type) => {
    expect(valueTypeOf(resolved(path))).toBe(type);
  });
});

describe('the datetime form: YYYY-MM-DD HH:mm:ss naming a real date and time', () => {
  it.each([
    '2024-01-01 00:00:00',
    '2024-12-31 23:59:59',
    '2024-01-31 12:00:00',
    '2024-03-31 12:00:00',
    '2024-05-31 12:00:00',
    '2024-07-31 12:00:00',
    '2024-08-31 12:00:00',
    '2024-10-31 12:00:00',
    '2024-04-30 12:00:00',
    '2024-06-30 12:00:00',
    '2024-09-30 12:00:00',
    '2024-11-30 12:00:00',
    '2023-02-28 12:00:00',
    '2024-02-29 12:00:00',
    '2000-02-29 12:00:00',
    '1600-02-29 12:00:00',
    '0000-02-29 12:00:00',
    '2096-02-29 12:00:00',
    '2008-02-29 12:00:00',
    '2012-02-29 12:00:00',
    '2024-02-19 12:00:00',
    '2024-01-10 19:09:09',
    '2024-01-20 20:00:00',
  ])('%s is a datetime', (text) => {
    expect(isCalendarDatetime(text)).toBe(true);
  });

  it.each([
    '2024-00-01 00:00:00',
    '2024-13-01 00:00:00',
    '2024-01-00 00:00:00',
    '2024-01-32 00:00:00',
    '2024-04-31 00:00:00',
    '2024-06-31 00:00:00',
    '2024-09-31 00:00:00',
    '2024-11-31 00:00:00',
    '2024-02-30 00:00:00',
    '2023-02-29 00:00:00',
    '1900-02-29 00:00:00',
    '2100-02-29 00:00:00',
    '2022-02-29 00:00:00',
    '2024-01-01 24:00:00',
    '2024-01-01 00:60:00',
    '2024-01-01 00:00:60',
    '2024-01-01T00:00:00',
    '2024-01-01 00:00',
    '2024-01-01',
    '24-01-01 00:00:00',
    ' 2024-01-01 00:00:00',
    '2024-01-01 00:00:00 ',
    '2024-01-01 00:00:00Z',
    'x2024-01-01 00:00:00',
    '2024-1-01 00:00:00',
    '2024-01-01 0:00:00',
    '',
  ])('%j is not a datetime', (text) => {
    expect(isCalendarDatetime(text)).toBe(false);
    expect(DATETIME_FORM.test(text)).toBe(false);
  });
});
