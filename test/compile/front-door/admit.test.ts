/**
 * The front door itself (src/compile/front-door.ts) and the option checks every compiler shares
 * (src/compile/options.ts): what comes out of `admit`, in which order problems are found, which problems stop
 * compiling, and the exact TypeError of each bad option.
 */
import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  defineSchema,
  parse,
  toPredicate,
  toSql,
  validateSearchRequest,
  type Comparison,
  type Diagnostic,
  type Expression,
  type Schema,
} from '../../../src/index.js';
import type { ToSqlOptions } from '../../../src/sql.js';
import { otaJobApi } from '../../../src/apis/ota-job/api.js';
import { apiOf } from '../../../src/schema/api.js';
import { admit, resolvedPathOf, type CompileTarget } from '../../../src/compile/front-door.js';
import { checkOptions, checkSchema, listOf, oneOf } from '../../../src/compile/options.js';

const TARGET: CompileTarget = { name: 'toTest', options: {} };

function refusal(run: () => unknown): readonly Diagnostic[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return (error as ExpressionError).diagnostics;
  }
  throw new Error('expected an ExpressionError');
}

const sensors = defineSchema({
  name: 'sensors',
  fields: { reading: { type: 'number', operators: ['=', '<'] }, tags: { type: 'map', operators: ['='] } },
  logical: ['and', 'or'],
});

describe('admit: what a compiler receives', () => {
  it('a valid tree: the tree, the default API and its schema, each comparison’s resolved path, the options', () => {
    const ast = parse("productKey = 'a' and (name.zh_CN like 'x' or status = 'started')")!;
    const admitted = admit(TARGET, ast, undefined, otaJobApi);
    expect(admitted.ast).toBe(ast);
    expect(admitted.api).toBe(otaJobApi);
    expect(admitted.schema).toBe(otaJobApi.schema);
    expect(admitted.options).toEqual({});
    const [key, or] = (ast as { children: readonly Expression[] }).children as [Comparison, { children: Comparison[] }];
    expect([...admitted.paths.keys()]).toEqual([key, ...or.children]);
    expect(resolvedPathOf(admitted.paths, or.children[0]!)).toMatchObject({
      kind: 'i18n',
      name: 'name',
      target: { kind: 'locale', locale: 'zh_CN' },
    });
    expect(resolvedPathOf(admitted.paths, key)).toMatchObject({ kind: 'scalar', name: 'productKey' });
  });

  it('the schema of the options decides the API: its own rules, or the default’s rules borrowed', () => {
    const options = { schema: sensors };
    const admitted = admit(TARGET, parse('reading < 5'), options, otaJobApi);
    expect(admitted.schema).toBe(sensors);
    expect(admitted.api).toBe(apiOf(sensors, otaJobApi));
    expect(admitted.options).toBe(options);
  });

  it('no tree (null): every record, nothing resolved', () => {
    expect(admit(TARGET, null, undefined, otaJobApi)).toEqual({
      ast: null,
      api: otaJobApi,
      schema: otaJobApi.schema,
      paths: new Map(),
      options: {},
    });
  });

  it('a node that was not admitted has no path: a bug, named as one', () => {
    const stray = parse("productKey = 'a'") as Comparison;
    expect(() => resolvedPathOf(new Map(), stray)).toThrow(
      new Error('internal error: path productKey was not validated'),
    );
  });
});

describe('admit: the order of the checks', () => {
  it('options come first: a bad option is a TypeError even for a tree that is not one', () => {
    expect(() => admit(TARGET, 42, { nope: 1 } as object, otaJobApi)).toThrow(
      new TypeError('toTest: unknown option "nope": expected schema'),
    );
  });

  it('a tree of a bad shape is refused before its schema is read', () => {
    const bad = { ...parse('nope = 1'), op: '≈' };
    expect(refusal(() => admit(TARGET, bad, undefined, otaJobApi)).map((d) => d.message)).toEqual([
      'Invalid expression tree: the tree has operator "≈", which the language does not have',
    ]);
  });

  it('schema errors are sorted by position, and a target’s refusals join them', () => {
    const target: CompileTarget = {
      name: 'toTest',
      options: {},
      refuse: (node, path) =>
        path.kind === 'scalar' && node.op === '<' ? [{ message: `no < on ${path.name}`, span: node.opSpan }] : [],
    };
    const ast = parse('reading < 1 or nope = 2 or reading = true or reading < 3');
    expect(
      refusal(() => admit(target, ast, { schema: sensors }, otaJobApi)).map((d) => [
        d.severity,
        d.kind,
        d.message,
        d.start,
      ]),
    ).toEqual([
      ['error', 'invalid-input', 'no < on reading', 8],
      [
        'error',
        'unknown-field',
        'Unknown field nope: supported fields are reading, tags in schema sensors; pass { schema } for another API',
        15,
      ],
      ['error', 'value-type', 'Field reading expects a number value, found boolean true', 37],
      ['error', 'invalid-input', 'no < on reading', 53],
    ]);
  });

  it('a target is asked about valid comparisons only, each once', () => {
    const asked: string[] = [];
    const target: CompileTarget = {
      name: 'toTest',
      options: {},
      refuse: (node) => {
        asked.push(node.path.text);
        return [];
      },
    };
    refusal(() =>
      admit(target, parse("reading = 1 or nope = 2 or tags = 'x' or tags.k = 'y'"), { schema: sensors }, otaJobApi),
    );
    expect(asked).toEqual(['reading', 'tags.k']);
  });

  it('warnings do not stop compiling: an unknown enum value compiles', () => {
    const admitted = admit(TARGET, parse("status = 'paused'"), undefined, otaJobApi);
    expect(admitted.paths.size).toBe(1);
    expect(toPredicate(parse("status = 'paused'"))({ status: 'paused' })).toBe(true);
  });

  it('only an unknown field names the schema checked; other problems keep their message', () => {
    expect(
      refusal(() => toPredicate(parse("name.fr like 'x' or productKey like 'a' or tag = 'x'"))).map((d) => d.message),
    ).toEqual([
      'Unknown locale in name.fr: name supports name, name.defaultValue, name.default, name.zh_CN, name.en_US',
      'Do not allow operator op like, allowed op [=, in]',
      'Unknown field tag: supported fields are productKey, firmwareId, firmwareVersion, type, status, name, firmwareName in schema ota-job; pass { schema } for another API',
    ]);
  });

  it('a tree problem is placed as if the tree were one line', () => {
    const [diagnostic] = refusal(() => toPredicate(parse("productKey = 'a' and\n nope = 1")));
    expect(diagnostic).toMatchObject({ start: 22, end: 26, line: 1, column: 23 });
  });
});

describe('checkOptions', () => {
  const checks = { schema: checkSchema, dialect: oneOf('dialect', ['a', 'b']) };

  it('no options (undefined or null) is an empty object when nothing is required', () => {
    expect(checkOptions('f', undefined, checks)).toEqual({});
    expect(checkOptions('f', null as unknown as object, checks)).toEqual({});
    expect(typeof toPredicate(parse("productKey = 'a'"), null as never)).toBe('function');
  });

  it('no options when some are required: the required ones are listed', () => {
    expect(() => checkOptions('f', undefined, checks, ['dialect', 'schema'])).toThrow(
      new TypeError('f: options are required: { dialect, schema }'),
    );
    expect(() => checkOptions('f', null as unknown as object, checks, ['dialect'])).toThrow(
      new TypeError('f: options are required: { dialect }'),
    );
  });

  it.each([
    [[], 'object'],
    ['x', 'string'],
    [() => ({}), 'function'],
    [5, 'number'],
  ])('options that are not an object (%j) are refused', (options, found) => {
    expect(() => checkOptions('f', options as object, checks)).toThrow(
      new TypeError(`f: options must be an object, found ${found}`),
    );
  });

  it('an unknown option is refused, listing the known ones', () => {
    expect(() => checkOptions('f', { dialekt: 'a' }, checks)).toThrow(
      new TypeError('f: unknown option "dialekt": expected schema or dialect'),
    );
    expect(() => checkOptions('f', { x: 1 }, {})).toThrow(new TypeError('f: unknown option "x": expected '));
  });

  it('a required option that is absent or undefined is named', () => {
    for (const options of [{}, { dialect: undefined }]) {
      expect(() => checkOptions('f', options, checks, ['dialect'])).toThrow(
        new TypeError('f: the dialect option is required'),
      );
    }
    expect(checkOptions('f', { dialect: 'a' }, checks, ['dialect'])).toEqual({ dialect: 'a' });
  });

  it('each option is checked; undefined ones are skipped', () => {
    const options = { dialect: 'b', schema: undefined };
    expect(checkOptions('f', options, checks)).toBe(options);
    expect(() => checkOptions('f', { schema: sensors, dialect: 'c' }, checks)).toThrow(
      new TypeError('f: unknown dialect "c": expected a or b'),
    );
    expect(() => checkOptions('f', { dialect: 5 }, checks)).toThrow(
      new TypeError('f: unknown dialect 5: expected a or b'),
    );
    // A JavaScript caller can pass an explicit undefined, which the types (exactOptionalPropertyTypes) refuse.
    const sqlOptions = { dialect: 'sqlite', schema: undefined } as unknown as ToSqlOptions;
    expect(() => toSql(parse("productKey = 'a'"), sqlOptions)).not.toThrow();
  });

  it('the first bad option, in the order of the checks, is the one named', () => {
    expect(() => checkOptions('f', { dialect: 'z', schema: 1 }, checks)).toThrow(
      new TypeError('f: schema must be a schema made by defineSchema'),
    );
  });
});

describe('checkSchema and checkLimits', () => {
  it.each([
    [{ lookup: new Map(), logical: [] }, true],
    [sensors, true],
    [{ lookup: {}, logical: [] }, false],
    [{ lookup: new Map(), logical: 'and' }, false],
    [{ lookup: new Map() }, false],
    [{ logical: [] }, false],
    [[], false],
    [null, false],
    ['ota-job', false],
  ])('schema %j is accepted: %s', (schema, ok) => {
    expect(checkSchema(schema)).toBe(ok ? undefined : 'schema must be a schema made by defineSchema');
  });

  it('a minimal schema-like object is used as it is', () => {
    const bare = { name: 'bare', lookup: new Map(), logical: [], fieldNames: [] } as unknown as Schema;
    expect(toPredicate(null, { schema: bare })({})).toBe(true);
  });

  it.each([[5], ['x'], [[]], [null]])('limits %j are refused', (limits) => {
    expect(() => validateSearchRequest({ orgId: 'o' }, { limits: limits as never })).toThrow(
      new TypeError(
        'validateSearchRequest: limits must be an object { maxLength?, maxDepth?, maxInValues?, maxComparisons? }',
      ),
    );
  });

  it('limits that are an object are accepted', () => {
    expect(() => validateSearchRequest({ orgId: 'o' }, { limits: {} })).not.toThrow();
  });
});

describe('listOf and oneOf', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a or b'],
    [['a', 'b', 'c'], 'a, b or c'],
    [['a', 'b', 'c', 'd'], 'a, b, c or d'],
  ])('listOf(%j) is %j', (words, text) => {
    expect(listOf(words)).toBe(text);
  });

  it('oneOf accepts exactly its choices', () => {
    const check = oneOf('mode', ['on', 'off']);
    expect(check('on')).toBeUndefined();
    expect(check('off')).toBeUndefined();
    expect(check('ON')).toBe('unknown mode "ON": expected on or off');
    expect(check(['on'])).toBe('unknown mode ["on"]: expected on or off');
  });
});
