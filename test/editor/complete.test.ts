/** `complete`: one example per context of the issue, titled by the text (`|` marks the cursor). */
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/editor.js';
import { defineSchema, schemas } from '../../src/core.js';

/** The text with `|` taken out, and the cursor where it was. */
function at(marked: string): [text: string, offset: number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function inserts(marked: string, options?: Parameters<typeof complete>[2]): string[] {
  const [text, offset] = at(marked);
  return complete(text, offset, options).items.map((item) => item.insert);
}

const OTA_PATHS = [
  'productKey',
  'firmwareId',
  'firmwareVersion',
  'type',
  'status',
  'name',
  'name.defaultValue',
  'name.default',
  'name.zh_CN',
  'name.en_US',
  'firmwareName',
  'firmwareName.defaultValue',
  'firmwareName.default',
  'firmwareName.zh_CN',
  'firmwareName.en_US',
];

describe('at the start of a comparison', () => {
  it.each(['|', '(|', "status = 'started' and |", "status = 'started' or (|"])('%s: every path and (', (marked) => {
    expect(inserts(marked)).toEqual([...OTA_PATHS, '(']);
  });

  it('prod|: the paths starting with what is typed, replacing it', () => {
    expect(complete('prod', 4)).toEqual({
      from: 0,
      to: 4,
      items: [{ label: 'productKey', kind: 'field', insert: 'productKey', detail: 'string · =, in' }],
    });
  });

  it('pro|duct: the whole word under the cursor is replaced', () => {
    expect(complete('product', 3)).toMatchObject({ from: 0, to: 7, items: [{ insert: 'productKey' }] });
  });

  it('exists( and not exists( where some field allows them; map fields as prefixes', () => {
    const items = inserts('|', { schema: schemas.device });
    expect(items).toContain('deviceTags.');
    expect(items).toContain('deviceAttributes.');
    expect(items.slice(-3)).toEqual(['(', 'exists(', 'not exists(']);
    expect(inserts('not |', { schema: schemas.device })).toEqual(['exists(']);
    expect(inserts('not |')).toEqual([]);
  });

  it('exists(|: only the paths whose field allows exists', () => {
    expect(inserts('exists(|', { schema: schemas.device })).toEqual(['deviceTags.', 'deviceAttributes.']);
    expect(inserts('exists(deviceTags.k|)', { schema: schemas.device })).toEqual([]);
    expect(inserts('exists(deviceTags.k|', { schema: schemas.device, values: () => ['kind'] })).toEqual(['kind']);
    expect(inserts('exists(deviceTags.k |', { schema: schemas.device })).toEqual([')']);
  });

  it('keywords in any case and paths by case-insensitive prefix', () => {
    expect(inserts('STA|')).toEqual(['status']);
    expect(inserts("status = 'started' AN|")).toEqual(['and ']);
  });
});

describe('after a path: only its operators, in the schema order', () => {
  it.each([
    ['productKey |', ['= ', 'in (']],
    ['status |', ['= ']],
    ['name |', ["like '"]],
    ['name.zh_CN |', ["like '"]],
    ['productKey i|', ['in (']],
  ])('%s', (marked, expected) => {
    expect(inserts(marked)).toEqual(expected);
  });

  it('operators carry their meaning as detail and their name as label', () => {
    expect(complete('name ', 5).items).toEqual([
      {
        label: 'like',
        kind: 'operator',
        insert: "like '",
        detail: 'contains the text, ignoring the case of A–Z; % and _ are literal',
      },
    ]);
  });

  it('is null and is not null after is, where allowed', () => {
    const schema = schemas['alert-rule'];
    expect(inserts('measurepointId |', { schema })).toEqual(['= ', 'in (', 'is null']);
    expect(inserts('measurepointId is |', { schema })).toEqual(['null']);
    const both = defineSchema({
      name: 'both',
      fields: { f: { type: 'string', operators: ['is null', 'is not null'] } },
      logical: ['and'],
    });
    expect(inserts('f is |', { schema: both })).toEqual(['null', 'not null']);
    expect(inserts('f is not |', { schema: both })).toEqual(['null']);
  });

  it('an unknown path: nothing is valid', () => {
    expect(inserts('productkey |')).toEqual([]);
  });
});

describe('values after =, !=, in ( and a list comma', () => {
  it('status = |: exactly the known values, quoted', () => {
    expect(complete('status = ', 9)).toEqual({
      from: 9,
      to: 9,
      items: [
        { label: "'started'", kind: 'value', insert: "'started'", detail: 'status' },
        { label: "'stopped'", kind: 'value', insert: "'stopped'", detail: 'status' },
      ],
    });
  });

  it('keeps the quote style already typed and filters by it', () => {
    expect(inserts('status = "st|')).toEqual(['"started"', '"stopped"']);
    expect(inserts("status = 'sta|")).toEqual(["'started'"]);
    expect(complete("status = 'sta", 13)).toMatchObject({ from: 9, to: 13 });
  });

  it('in ( and , in a list', () => {
    const schema = schemas.device;
    expect(inserts('status in (|', { schema })).toEqual([
      "'inactive'",
      "'online'",
      "'offline'",
      "'disable'",
      "'mirror'",
    ]);
    expect(inserts("status in ('online', |", { schema })).toHaveLength(5);
    expect(inserts("status in ('online'|", { schema })).toEqual([',', ')']);
    expect(inserts("status in ('online' |", { schema })).toEqual([',', ')']);
  });

  it('values(path) adds what only the application knows, quoted and escaped', () => {
    const values = (path: string) => (path === 'productKey' ? ['pk1', "it's"] : []);
    expect(inserts('productKey = |', { values })).toEqual(["'pk1'", "'it''s'"]);
    expect(inserts('productKey in ("pk1", "|', { values })).toEqual(['"pk1"', `"it's"`]);
    expect(inserts('status = |', { values: () => ['paused'] })).toEqual(["'started'", "'stopped'", "'paused'"]);
  });

  it('booleans: true and false; nothing for ordering operators and like', () => {
    expect(inserts('isVerified = |', { schema: schemas.firmware })).toEqual(['true', 'false']);
    expect(inserts('createTime >= |', { schema: schemas.command })).toEqual([]);
    expect(inserts('name like |')).toEqual([]);
  });

  it('an operator the field does not allow: no values', () => {
    expect(inserts('status != |')).toEqual([]);
  });
});

describe("after an i18n field's dot: its locales and default", () => {
  it.each([
    ['name.|', 5, ['defaultValue', 'default', 'zh_CN', 'en_US']],
    ['name.z|', 5, ['zh_CN']],
    ['firmwareName.de|', 13, ['defaultValue', 'default']],
  ] as const)('%s', (marked, from, expected) => {
    const [text, offset] = at(marked);
    const result = complete(text, offset);
    expect(result.from).toBe(from);
    expect(result.items.map((item) => item.insert)).toEqual(expected);
    expect(result.items.every((item) => item.kind === 'locale')).toBe(true);
  });

  it("a map's keys from values(name)", () => {
    const values = (path: string) => (path === 'deviceTags' ? ['Region', 'Floor'] : []);
    expect(inserts('deviceTags.R|', { schema: schemas.device, values })).toEqual(['Region']);
  });
});

describe('after a complete comparison or ): only the logical operators the schema allows', () => {
  it.each(["status = 'started' |", "(status = 'started')|", "(status = 'started') |", "productKey in ('a') |"])(
    '%s',
    (marked) => {
      expect(inserts(marked)).toEqual(['and ', 'or ']);
    },
  );

  it('productKey = 1|: the number may go on, so nothing yet; after a space, and and or', () => {
    expect(inserts('productKey = 1|')).toEqual([]);
    expect(inserts('productKey = 1 |')).toEqual(['and ', 'or ']);
  });

  it('a schema with and only', () => {
    const schema = defineSchema({
      name: 'and-only',
      fields: { f: { type: 'string', operators: ['='] } },
      logical: ['and'],
    });
    expect(inserts("f = 'a' |", { schema })).toEqual(['and ']);
  });
});

describe('invalid and odd input', () => {
  it.each([
    ['x y z and sta|', ['status']],
    ['status = started |', []],
    ['status == |', []],
    ["productKey = 'a' 'b' or |", [...OTA_PATHS, '(']],
  ])('%s', (marked, expected) => {
    expect(inserts(marked)).toEqual(expected);
  });

  it('offsets outside the text are clamped; a non-string text is empty', () => {
    expect(complete('prod', 99).from).toBe(0);
    expect(complete('prod', -5)).toMatchObject({ from: 0, to: 0 });
    expect(complete('prod', Number.NaN).items.length).toBeGreaterThan(0);
    expect(complete(null as unknown as string, 0).items.length).toBeGreaterThan(0);
  });

  it('a values callback that throws gives no items, not an exception', () => {
    const values = () => {
      throw new Error('offline');
    };
    expect(complete('productKey = ', 13, { values }).items).toEqual([]);
  });
});
