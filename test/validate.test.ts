/** docs/LANGUAGE.md §4: schemas and validation. Every message of the table, every span rule, all problems at once. */
import { describe, expect, it } from 'vitest';
import { check, defineSchema, otaJobSchema, type Schema } from '../src/index.js';
import { closestMatch, editDistance } from '../src/util/did-you-mean.js';
import { textAt } from './helpers.js';

const errorsOf = (text: string, schema: Schema = otaJobSchema) =>
  check(text, { schema }).diagnostics.filter((d) => d.severity === 'error');

describe('the OTA job schema (docs/LANGUAGE.md §4 table)', () => {
  it.each([
    ["productKey = 'a'"],
    ["productKey in ('a', 'b')"],
    ["firmwareId = 'f'"],
    ["firmwareId in ('f')"],
    ["firmwareVersion = '1.0'"],
    ["firmwareVersion in ('1.0', '1.1')"],
    ["type = 'verify'"],
    ["type = 'upgrade'"],
    ["status = 'started'"],
    ["status = 'stopped'"],
    ...['name', 'firmwareName'].flatMap((field) =>
      ['', '.defaultValue', '.default', '.zh_CN', '.en_US'].map((suffix) => [`${field}${suffix} like 'x'`]),
    ),
    ["productKey = 'a' and (status = 'started' or type = 'verify')"],
    [''],
  ])('%j is valid', (text) => {
    expect(check(text)).toMatchObject({ ok: true, diagnostics: [] });
  });

  it.each([
    ["productKey like 'a'", 'like', 'Do not allow operator op like, allowed op [=, in]'],
    ["productKey != 'a'", '!=', 'Do not allow operator op !=, allowed op [=, in]'],
    ["productKey <> 'a'", '<>', 'Do not allow operator op !=, allowed op [=, in]'],
    ['productKey is null', 'is null', 'Do not allow operator op is null, allowed op [=, in]'],
    ['exists(productKey)', 'exists', 'Do not allow operator op exists, allowed op [=, in]'],
    ['not exists(firmwareId)', 'not exists', 'Do not allow operator op not exists, allowed op [=, in]'],
    ["type in ('verify')", 'in', 'Do not allow operator op in, allowed op [=]'],
    ["status > 'a'", '>', 'Do not allow operator op >, allowed op [=]'],
    ["name = 'x'", '=', 'Do not allow operator op =, allowed op [like]'],
    ["name.zh_CN in ('x')", 'in', 'Do not allow operator op in, allowed op [like]'],
    ['firmwareName.default is not null', 'is not null', 'Do not allow operator op is not null, allowed op [like]'],
  ])('%j: the operator error covers %j with the exact EnOS text', (text, op, message) => {
    const [error] = errorsOf(text);
    expect(error?.message).toBe(message);
    expect(textAt(text, error!)).toBe(op);
    expect(error?.code).toBe(99400);
  });

  it('an unknown field covers the path, lists the supported fields, and suggests the closest', () => {
    const text = "prodctKey = 'a'";
    const [error] = errorsOf(text);
    expect(textAt(text, error!)).toBe('prodctKey');
    expect(error?.message).toBe(
      'Unknown field prodctKey: supported fields are productKey, firmwareId, firmwareVersion, type, status, name, firmwareName',
    );
    expect(error?.hint).toBe('did you mean productKey?');
  });

  it('a field with no close match gets no hint (never "did you mean undefined?") and no fix', () => {
    for (const text of ["zzzzzz = 'a'", "q = 'a'", "zzzzzz.zh_CN like 'a'"]) {
      const [error] = errorsOf(text);
      expect(error?.kind).toBe('unknown-field');
      expect(error).not.toHaveProperty('hint');
      expect(error).not.toHaveProperty('fixes');
    }
    const [warning] = check("status = 'zzzzzzzz'").diagnostics;
    expect(warning?.kind).toBe('unknown-value');
    expect(warning).not.toHaveProperty('hint');
  });

  it('did you mean works over i18n sub-paths: a misspelt field keeps its locale', () => {
    const text = "firmwarName.zh_CN like 'x'";
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ kind: 'unknown-field', hint: 'did you mean firmwareName.zh_CN?' });
    expect(textAt(text, error!)).toBe('firmwarName.zh_CN');
    expect(errorsOf("firmwareName.zh_cn like 'x'")[0]).toMatchObject({
      kind: 'unknown-locale',
      hint: 'did you mean firmwareName.zh_CN?',
    });
  });

  it('a path below a plain field is an unknown field', () => {
    expect(errorsOf("productKey.x = 'a'")[0]?.kind).toBe('unknown-field');
  });

  it('an unknown locale covers the path and lists the supported paths', () => {
    const text = "name.zh_cn like 'x'";
    const [error] = errorsOf(text);
    expect(error?.kind).toBe('unknown-locale');
    expect(textAt(text, error!)).toBe('name.zh_cn');
    expect(error?.message).toBe(
      'Unknown locale in name.zh_cn: name supports name, name.defaultValue, name.default, name.zh_CN, name.en_US',
    );
    expect(error?.hint).toBe('did you mean name.zh_CN?');
  });

  it.each([
    ['type = true', 'true', 'Field type expects a string value, found boolean true'],
    ['productKey = 1', '1', 'Field productKey expects a string value, found number 1'],
    ["productKey in ('a', 2, false)", '2', 'Field productKey expects a string value, found number 2'],
  ])('%j: a wrong-type value covers the value', (text, value, message) => {
    const [error] = errorsOf(text);
    expect(error?.kind).toBe('value-type');
    expect(textAt(text, error!)).toBe(value);
    expect(error?.message).toBe(message);
  });

  it('every wrong value in an in list is reported', () => {
    expect(errorsOf("productKey in (1, 'a', true)")).toHaveLength(2);
  });

  it.each([
    ["status = 'paused'", "'paused'", undefined],
    ["status = 'STARTED'", "'STARTED'", "did you mean 'started'?"],
    ["status = 'startd'", "'startd'", "did you mean 'started'?"],
  ])('%j: an unknown enum value is a warning covering the value', (text, value, hint) => {
    const result = check(text);
    expect(result.ok).toBe(true);
    const [warning] = result.diagnostics;
    expect(warning?.severity).toBe('warning');
    expect(textAt(text, warning!)).toBe(value);
    expect(warning?.message).toContain('known values are started, stopped');
    expect(warning?.hint).toBe(hint);
  });

  it('reports every problem, sorted by start, and still returns the tree', () => {
    const text = "foo = 'a' or name = 'b' and type = 1 or status = 'zzz' or bar.x like 'y'";
    const result = check(text);
    expect(result.ok).toBe(false);
    expect(result.ast?.type).toBe('or');
    expect(result.diagnostics.map((d) => [d.kind, textAt(text, d)])).toEqual([
      ['unknown-field', 'foo'],
      ['operator-not-allowed', '='],
      ['value-type', '1'],
      ['unknown-value', "'zzz'"],
      ['unknown-field', 'bar.x'],
    ]);
    const starts = result.diagnostics.map((d) => d.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('a syntax error gives no tree and one diagnostic', () => {
    expect(check("productKey = 'a' and")).toMatchObject({ ok: false, ast: null, diagnostics: [{ kind: 'syntax' }] });
  });

  it('ok is false exactly when some diagnostic is an error', () => {
    for (const text of ["status = 'x'", "status = 'x' and foo = 1", "status = 'started'"]) {
      const result = check(text);
      expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
    }
  });
});

describe('other schemas (defineSchema)', () => {
  const deviceSchema = defineSchema({
    name: 'device',
    fields: {
      modelId: { type: 'string', operators: ['=', 'in', '!='] },
      state: { type: 'number', operators: ['=', '!=', '<', '<=', '>', '>=', 'in'] },
      online: { type: 'boolean', operators: ['=', 'exists'] },
      tags: { type: 'map', operators: ['=', 'exists', 'not exists', 'like'] },
      label: { type: 'i18n', operators: ['like', 'is null'], locales: ['fr_FR'] },
    },
    logical: ['and'],
  });

  it.each([
    ["modelId in ('planet', 'orbit') and state != 3"],
    ['state >= 1.5 and online = false'],
    ["tags.k = 'v' and exists(tags.a-b/c) and not exists(tags.x)"],
    ["label.fr_FR like 'x' and label is null"],
  ])('%j is valid for a schema with number, boolean, map and i18n fields', (text) => {
    expect(check(text, { schema: deviceSchema })).toMatchObject({ ok: true, diagnostics: [] });
  });

  it('a logical operator the schema does not allow is an error at each keyword', () => {
    const text = 'state = 1 OR state = 2 or state = 3';
    const errors = errorsOf(text, deviceSchema);
    expect(errors.map((e) => textAt(text, e))).toEqual(['OR', 'or']);
    expect(errors[0]?.message).toBe('Do not allow logical operator or, allowed logical operators [and]');
  });

  it.each([
    ["state = '1'", 'number'],
    ['online = 1', 'boolean'],
    ['tags.k = 1', 'string'],
  ])('%j: wrong value type names the expected type %s', (text, type) => {
    expect(errorsOf(text, deviceSchema)[0]?.message).toContain(`expects a ${type} value`);
  });

  it('a map key is one segment', () => {
    expect(errorsOf("tags.a.b = 'x'", deviceSchema)[0]).toMatchObject({
      kind: 'unknown-field',
      message: 'Field tags.a.b: a map key is one segment (tags.<key>)',
    });
  });

  it('a map field needs a key', () => {
    expect(errorsOf("tags = 'x'", deviceSchema)[0]?.message).toContain('tags.<key>');
  });

  it('a bare map path is an unknown field covering the path, naming the keyed form', () => {
    const text = "tags = 'x'";
    const [error] = errorsOf(text, deviceSchema);
    expect(error).toMatchObject({
      kind: 'unknown-field',
      message: 'Unknown field tags: supported fields are tags.<key>',
    });
    expect(textAt(text, error!)).toBe('tags');
  });

  it('a string where a number is expected says what was found: state = \'1\' → found string "1"', () => {
    const text = "state = '1'";
    const [error] = errorsOf(text, deviceSchema);
    expect(error).toMatchObject({
      kind: 'value-type',
      message: 'Field state expects a number value, found string "1"',
    });
    expect(textAt(text, error!)).toBe("'1'");
  });

  it('a disallowed logical operator is of kind logical-operator-not-allowed, beside the other problems', () => {
    const text = 'a = 1 or state = 2';
    expect(errorsOf(text, deviceSchema).map((e) => [e.kind, textAt(text, e)])).toEqual([
      ['unknown-field', 'a'],
      ['logical-operator-not-allowed', 'or'],
    ]);
  });

  it('an unknown locale of another schema lists its own paths and suggests the locale', () => {
    const text = "label.fr_fr like 'x'";
    expect(errorsOf(text, deviceSchema)[0]).toMatchObject({
      kind: 'unknown-locale',
      message: 'Unknown locale in label.fr_fr: label supports label, label.defaultValue, label.default, label.fr_FR',
      hint: 'did you mean label.fr_FR?',
    });
  });

  it('hostile paths are plain unknown fields, never prototype lookups', () => {
    for (const path of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(errorsOf(`${path} = 'x'`)[0]?.kind).toBe('unknown-field');
    }
  });

  it.each([
    [{ x: { type: 'string', operators: ['<'] } }, 'number and datetime fields only'],
    [{ x: { type: 'number', operators: ['like'] } }, 'like needs'],
    [{ 'x.y': { type: 'string', operators: ['='] } }, 'not a valid field name'],
    [{ in: { type: 'string', operators: ['='] } }, 'not a valid field name'],
    [{ x: { type: 'i18n', operators: ['like'], locales: ['default'] } }, 'not a valid locale'],
  ] as const)('defineSchema rejects an inconsistent definition (%j)', (fields, message) => {
    expect(() => defineSchema({ name: 'bad', fields, logical: ['and'] })).toThrow(message);
  });
});

describe('values of datetime and scalar-valued map fields; the fixes of did-you-mean hints', () => {
  const schema = defineSchema({
    name: 'events',
    fields: {
      seen: { type: 'datetime', operators: ['=', '<'] },
      attrs: { type: 'map', values: 'scalar', operators: ['=', 'in'] },
      mode: { type: 'string', operators: ['='], values: ["it's", 'plain'] },
    },
    logical: ['and'],
  });

  it('a datetime value is a real date and time written YYYY-MM-DD HH:mm:ss', () => {
    expect(check("seen = '2024-02-29 23:59:59' and seen < '2025-01-01 00:00:00'", { schema })).toMatchObject({
      ok: true,
      diagnostics: [],
    });
    for (const [text, found] of [
      ["seen = '2023-02-29 00:00:00'", 'string "2023-02-29 00:00:00"'],
      ["seen = 'yesterday'", 'string "yesterday"'],
      ['seen = 5', 'number 5'],
    ] as const) {
      const [error] = errorsOf(text, schema);
      expect(error).toMatchObject({
        kind: 'value-type',
        message: `Field seen expects a datetime value, found ${found}: write 'YYYY-MM-DD HH:mm:ss', a real date and time`,
      });
      expect(textAt(text, error!)).toBe(text.slice('seen = '.length));
    }
  });

  it('a scalar-valued map takes strings, numbers and booleans, and has no known values to warn about', () => {
    expect(check("attrs.k = 'zz' and attrs.n = 1 and attrs.b in (true, 'x', 2)", { schema })).toEqual({
      ok: true,
      ast: expect.anything(),
      diagnostics: [],
    });
  });

  it('a string-valued map has no known values either: any string is valid, never an unknown-value warning', () => {
    const labelled = defineSchema({
      name: 'labelled',
      fields: { labels: { type: 'map', values: 'string', operators: ['='] } },
      logical: ['and'],
    });
    expect(check("labels.k = 'zz' and labels.j = 'string'", { schema: labelled })).toMatchObject({
      ok: true,
      diagnostics: [],
    });
  });

  it('a did-you-mean hint comes with its fix: the path, or the quoted value, replaced', () => {
    const field = "mod = 'plain'";
    expect(errorsOf(field, schema)[0]).toMatchObject({
      hint: 'did you mean mode?',
      fixes: [{ message: 'replace with mode', edits: [{ start: 0, end: 3, insert: 'mode' }] }],
    });
    const value = "mode = 'its'";
    expect(check(value, { schema }).diagnostics[0]).toMatchObject({
      severity: 'warning',
      hint: "did you mean 'it's'?",
      fixes: [{ message: "replace with 'it''s'", edits: [{ start: 7, end: 12, insert: "'it''s'" }] }],
    });
  });
});

describe('did you mean: the closest candidate (src/util/did-you-mean.ts)', () => {
  it('edit distance is Levenshtein distance: insertions, deletions and substitutions cost one each', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('ab', 'ba')).toBe(2);
  });

  it('the budget is a third of the typed length, at least one edit', () => {
    expect(closestMatch('ab', ['xb'])).toBe('xb');
    expect(closestMatch('ab', ['xy'])).toBeUndefined();
    expect(closestMatch('abcdef', ['abcdxy'])).toBe('abcdxy');
    expect(closestMatch('abcdef', ['abcxyz'])).toBeUndefined();
    expect(closestMatch('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz');
  });

  it('the smallest distance wins; a tie goes to the first candidate', () => {
    expect(closestMatch('abcdef', ['abcdxy', 'abcdex'])).toBe('abcdex');
    expect(closestMatch('abcdef', ['abcdex', 'abcdey'])).toBe('abcdex');
    expect(closestMatch('abcdef', ['abcdey', 'abcdex'])).toBe('abcdey');
  });

  it('a match ignoring case wins outright, at any length; otherwise nothing past 64 characters', () => {
    expect(closestMatch('STATUS', ['state', 'status'])).toBe('status');
    expect(closestMatch('X'.repeat(70), ['x'.repeat(70)])).toBe('x'.repeat(70));
    expect(closestMatch('a'.repeat(64), [`${'a'.repeat(63)}b`])).toBe(`${'a'.repeat(63)}b`);
    expect(closestMatch('a'.repeat(65), [`${'a'.repeat(64)}b`])).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });
});
