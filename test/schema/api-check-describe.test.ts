/**
 * The schema stage's other parts: an API made from a schema's search rules (src/schema/api.ts), `check` (parse then
 * validate, never throwing: src/schema/check.ts), describeSchema for every field type (src/schema/describe.ts) and
 * the small utilities (src/util/).
 */
import { describe, expect, it } from 'vitest';
import { check, defineSchema, describeSchema, otaJobSchema, type Schema } from '../../src/index.js';
import { otaJobApi } from '../../src/apis/ota-job/api.js';
import { apiFor, apiOf } from '../../src/schema/api.js';
import { assertNever } from '../../src/util/assert-never.js';
import { hasOwn, isContainer, ownProperty } from '../../src/util/own.js';

describe('apiOf: a schema with search rules is an API', () => {
  const order = [{ field: 'createdAt', direction: 'desc', type: 'datetime' }] as const;
  const sorters = [{ field: 'score', type: 'number' }] as const;
  const pageSize = { default: 20, max: 50 };
  const searched = defineSchema({
    name: 'alert-rule-set-x',
    fields: { score: { type: 'number', operators: ['='] } },
    logical: ['and'],
    search: { id: 'ruleId', order, pageSize, sorters },
  });

  it('takes its id, order, page size and sorters from the rules, scoped by orgId', () => {
    expect(apiOf(searched)).toEqual({
      schema: searched,
      scope: 'orgId',
      id: 'ruleId',
      order,
      pageSize,
      sorters,
      table: 'alert_rule_set_x',
    });
  });

  it('names the table after the schema, every - an _, unless the rules name one', () => {
    const named = defineSchema({
      name: 'a-b',
      fields: {},
      logical: [],
      search: { id: 'id', order: [], pageSize, table: 'custom' },
    });
    expect(apiOf(named).table).toBe('custom');
    expect(apiOf(named).sorters).toBeUndefined();
  });

  it('is made once per schema', () => {
    expect(apiOf(searched)).toBe(apiOf(searched));
    expect(apiOf(searched, otaJobApi)).toBe(apiOf(searched));
  });

  it('a schema without rules borrows the fallback’s, one object per fallback and schema', () => {
    const plain = defineSchema({ name: 'plain', fields: {}, logical: [] });
    const borrowedFromJob = apiOf(plain, otaJobApi);
    const borrowedFromSearched = apiOf(plain, apiOf(searched));
    expect(borrowedFromSearched).toEqual({ ...apiOf(searched), schema: plain });
    expect(borrowedFromSearched).not.toBe(borrowedFromJob);
    expect(apiOf(plain, apiOf(searched))).toBe(borrowedFromSearched);
    // An API already made for the schema is its own fallback: the same object comes back, not a copy.
    expect(apiOf(plain, borrowedFromJob)).toBe(borrowedFromJob);
  });

  it('apiFor: the default API without a schema, else the schema’s own or borrowed API', () => {
    const plain = defineSchema({ name: 'other', fields: {}, logical: [] });
    expect(apiFor(undefined, otaJobApi)).toBe(otaJobApi);
    expect(apiFor(searched, otaJobApi)).toBe(apiOf(searched));
    expect(apiFor(plain, otaJobApi)).toBe(apiOf(plain, otaJobApi));
    expect(apiFor(plain, otaJobApi).table).toBe('ota_job');
  });
});

describe('check: parse, then validate, never throwing', () => {
  it('valid text: ok, its tree, no diagnostics', () => {
    const result = check("status = 'started'");
    expect(result.ok).toBe(true);
    expect(result.ast).toMatchObject({ type: 'comparison', op: '=' });
    expect(result.diagnostics).toEqual([]);
  });

  it('warnings only: still ok, with the warnings', () => {
    const result = check("status = 'startd'");
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.severity, d.kind])).toEqual([['warning', 'unknown-value']]);
  });

  it('a warning beside an error: not ok', () => {
    const result = check("status = 'startd' and prodKey = 'a'");
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning', 'error']);
  });

  it('diagnostics are sorted by position and located by line and column', () => {
    const schema = defineSchema({ name: 'only-and', fields: {}, logical: ['and'] });
    const text = 'a = 1\n or b = 2';
    expect(check(text, { schema }).diagnostics.map((d) => [d.kind, d.start, d.line, d.column])).toEqual([
      ['unknown-field', 0, 1, 1],
      ['logical-operator-not-allowed', 7, 2, 2],
      ['unknown-field', 10, 2, 5],
    ]);
  });

  it('a syntax error: not ok, no tree, the one parse diagnostic', () => {
    const result = check("status = 'a' and");
    expect(result.ok).toBe(false);
    expect(result.ast).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', start: 16, line: 1, column: 17 });
  });

  it('validates against the schema of the options, else the OTA job schema', () => {
    const schema = defineSchema({ name: 's', fields: { x: { type: 'number', operators: ['='] } }, logical: [] });
    expect(check('x = 1', { schema }).ok).toBe(true);
    expect(check('x = 1').ok).toBe(false);
    expect(check("status = 'started'", { schema }).ok).toBe(false);
  });

  it('parses within the limits of the options', () => {
    expect(check("status = 'started'", { limits: { maxLength: 5 } })).toMatchObject({ ok: false, ast: null });
    expect(check("status = 'started'", { limits: { maxLength: 18 } }).ok).toBe(true);
  });

  it('text that is not a string gets a diagnostic at the start, never an exception', () => {
    const result = check(42 as unknown as string);
    expect(result.ok).toBe(false);
    expect(result.ast).toBeNull();
    expect(result.diagnostics).toEqual([expect.objectContaining({ start: 0, end: 0, line: 1, column: 1 })]);
  });

  it('a bug inside (here a schema not made by defineSchema) is an internal-error diagnostic, not an exception', () => {
    const broken = { ...otaJobSchema, logical: null } as unknown as Schema;
    expect(check("status = 'started' and type = 'verify'", { schema: broken })).toEqual({
      ok: false,
      ast: null,
      diagnostics: [
        {
          code: 99400,
          severity: 'error',
          kind: 'invalid-input',
          message: "Internal error: Cannot read properties of null (reading 'includes')",
          start: 0,
          end: 0,
          line: 1,
          column: 1,
        },
      ],
    });
  });

  it('an internal error that is not an Error is still readable', () => {
    const throwing = {
      ...otaJobSchema,
      lookup: {
        get(): never {
          throw 'lookup failed';
        },
      },
    } as unknown as Schema;
    expect(check("status = 'started'", { schema: throwing }).diagnostics[0]?.message).toBe(
      'Internal error: lookup failed',
    );
  });

  it('a field of a type no schema can have (a hand-made schema) is an internal error naming it', () => {
    const handMade = {
      ...otaJobSchema,
      lookup: new Map([['x', { type: 'weird', operators: ['='] }]]),
    } as unknown as Schema;
    expect(check('x = 1', { schema: handMade }).diagnostics[0]?.message).toBe(
      'Internal error: unknown field type: {"type":"weird","operators":["="]}',
    );
  });
});

describe('describeSchema: every field type, every property', () => {
  const schema = defineSchema({
    name: 'every-type',
    fields: {
      s: { type: 'string', operators: ['=', 'like'], values: ['a', 'b'], closed: true },
      open: { type: 'string', operators: ['='], values: ['x'], closed: false },
      plain: { type: 'string', operators: ['in'] },
      n: { type: 'number', operators: ['<', '>='] },
      b: { type: 'boolean', operators: ['=', 'exists'] },
      d: { type: 'datetime', operators: ['<', '='] },
      t: { type: 'i18n', operators: ['like'], locales: ['fr_FR', 'de'] },
      tags: { type: 'map', operators: ['=', 'exists'] },
      words: { type: 'map', operators: ['='], values: 'string' },
      attrs: { type: 'map', operators: ['='], values: 'scalar' },
    },
    logical: ['or'],
  });
  const common = { knownValues: [], closed: false, locales: [], format: null };

  it('describes each field exactly', () => {
    expect(describeSchema(schema)).toEqual({
      name: 'every-type',
      logical: ['or'],
      fields: [
        {
          name: 's',
          type: 'string',
          paths: ['s'],
          operators: ['=', 'like'],
          valueTypes: ['string'],
          knownValues: ['a', 'b'],
          closed: true,
          locales: [],
          format: null,
        },
        {
          ...common,
          name: 'open',
          type: 'string',
          paths: ['open'],
          operators: ['='],
          valueTypes: ['string'],
          knownValues: ['x'],
        },
        { ...common, name: 'plain', type: 'string', paths: ['plain'], operators: ['in'], valueTypes: ['string'] },
        { ...common, name: 'n', type: 'number', paths: ['n'], operators: ['<', '>='], valueTypes: ['number'] },
        { ...common, name: 'b', type: 'boolean', paths: ['b'], operators: ['=', 'exists'], valueTypes: ['boolean'] },
        {
          ...common,
          name: 'd',
          type: 'datetime',
          paths: ['d'],
          operators: ['<', '='],
          valueTypes: ['string'],
          format: 'YYYY-MM-DD HH:mm:ss',
        },
        {
          ...common,
          name: 't',
          type: 'i18n',
          paths: ['t', 't.defaultValue', 't.default', 't.fr_FR', 't.de'],
          operators: ['like'],
          valueTypes: ['string'],
          locales: ['fr_FR', 'de'],
        },
        {
          ...common,
          name: 'tags',
          type: 'map',
          paths: ['tags.<key>'],
          operators: ['=', 'exists'],
          valueTypes: ['string'],
        },
        { ...common, name: 'words', type: 'map', paths: ['words.<key>'], operators: ['='], valueTypes: ['string'] },
        {
          ...common,
          name: 'attrs',
          type: 'map',
          paths: ['attrs.<key>'],
          operators: ['='],
          valueTypes: ['string', 'number', 'boolean'],
        },
      ],
    });
  });

  it('every part is frozen and a copy: describing never lets a caller change the schema', () => {
    const description = describeSchema(schema);
    const parts: unknown[] = [description, description.fields, description.logical];
    for (const field of description.fields) {
      parts.push(field, field.paths, field.operators, field.valueTypes, field.knownValues, field.locales);
    }
    for (const part of parts) expect(Object.isFrozen(part)).toBe(true);
    expect(description.logical).not.toBe(schema.logical);
    expect(description.fields[0]!.operators).not.toBe(schema.fields.s.operators);
    expect(description.fields[0]!.knownValues).not.toBe(schema.fields.s.values);
  });
});

describe('utilities', () => {
  it('assertNever names the value it should never have received', () => {
    expect(() => assertNever({ type: 'xor' } as never)).toThrow(new Error('unexpected value: {"type":"xor"}'));
  });

  it('isContainer: objects only, not null, arrays or primitives', () => {
    expect([{}, Object.create(null), new Map()].map(isContainer)).toEqual([true, true, true]);
    expect([null, undefined, [], 'x', 1, true].map(isContainer)).toEqual([false, false, false, false, false, false]);
  });

  it('ownProperty reads own properties only, of containers only', () => {
    const inherited = Object.create({ a: 1 }) as object;
    expect(ownProperty({ a: 1 }, 'a')).toBe(1);
    expect(ownProperty(inherited, 'a')).toBeUndefined();
    expect(ownProperty({}, 'toString')).toBeUndefined();
    expect(ownProperty({}, '__proto__')).toBeUndefined();
    expect(ownProperty(JSON.parse('{"__proto__": 5}'), '__proto__')).toBe(5);
    expect(ownProperty(['x'], '0')).toBeUndefined();
    expect(ownProperty(null, 'a')).toBeUndefined();
    expect(hasOwn({ a: undefined }, 'a')).toBe(true);
  });
});
