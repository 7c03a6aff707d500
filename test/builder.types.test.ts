/**
 * Type-level tests of the typed query builder (src/builder/builder.ts). `tsc --noEmit` (part of `npm test`) checks them:
 * each `// @ts-expect-error` line must be a compile error (an unused directive is itself an error), and each
 * `expectTypeOf` assertion must hold. Forbidden calls that also fail at run time sit inside `expect(…).toThrow`,
 * which proves the run-time guard for JavaScript callers too; the others are in functions that never run.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineSchema,
  otaJobSchema,
  print,
  queryBuilder,
  schemas,
  type AndNode,
  type Comparison,
  type Expression,
  type Filter,
  type OrNode,
  type PathOf,
  type ValueOf,
} from '../src/index.js';
import type { DatetimeString } from '../src/builder/builder.js';

const q = queryBuilder(otaJobSchema);
type Ota = typeof otaJobSchema;

/** A schema made with the public API, types inferred (no hand-written type): every field type and operator. */
const device = defineSchema({
  name: 'device',
  fields: {
    modelId: {
      type: 'string',
      operators: ['=', '!=', 'in', 'like', 'exists', 'not exists', 'is null', 'is not null'],
      values: ['planet', 'orbit'],
    },
    state: { type: 'number', operators: ['=', '!=', '<', '<=', '>', '>=', 'in'] },
    online: { type: 'boolean', operators: ['=', '!='] },
    label: { type: 'i18n', operators: ['like', 'exists'], locales: ['ja_JP'] },
    tags: { type: 'map', operators: ['=', 'in', 'like', 'exists', 'not exists'] },
    kind: { type: 'string', operators: ['=', 'in'], values: ['edge', 'cloud'], closed: true },
    serial: { type: 'string', operators: ['='] },
  },
  logical: ['and'],
});
const d = queryBuilder(device);

const orOnly = defineSchema({
  name: 'or-only',
  fields: { a: { type: 'string', operators: ['='] } },
  logical: ['or'],
});
const o = queryBuilder(orOnly);

describe('paths: only the schema’s fields and paths', () => {
  it('accepts every OTA path, i18n aliases and locales included', () => {
    expectTypeOf<PathOf<Ota>>().toEqualTypeOf<
      | 'productKey'
      | 'firmwareId'
      | 'firmwareVersion'
      | 'type'
      | 'status'
      | 'name'
      | 'name.defaultValue'
      | 'name.default'
      | 'name.zh_CN'
      | 'name.en_US'
      | 'firmwareName'
      | 'firmwareName.defaultValue'
      | 'firmwareName.default'
      | 'firmwareName.zh_CN'
      | 'firmwareName.en_US'
    >();
    q.where('name.zh_CN').like('固件');
    q.where('name.en_US').like('fw');
    q.where('name.default').like('fw');
    q.where('firmwareName.defaultValue').like('fw');
  });

  it('rejects unknown fields, unknown locales and sub-paths of scalar fields', () => {
    // @ts-expect-error name.fr_FR: not one of the schema's locales
    expect(() => q.where('name.fr_FR')).toThrow(TypeError);
    // @ts-expect-error modelId is not an OTA field
    expect(() => q.where('modelId')).toThrow(TypeError);
    // @ts-expect-error productKey is a scalar: no sub-path
    expect(() => q.where('productKey.x')).toThrow(TypeError);
    // @ts-expect-error paths are case-sensitive
    expect(() => q.where('ProductKey')).toThrow(TypeError);
  });

  it('map fields take any key, but not the bare map name', () => {
    expectTypeOf<PathOf<typeof device>>().toEqualTypeOf<
      | 'modelId'
      | 'state'
      | 'online'
      | 'label'
      | 'label.defaultValue'
      | 'label.default'
      | 'label.ja_JP'
      | `tags.${string}`
      | 'kind'
      | 'serial'
    >();
    d.where('tags.site-1/a').eq('x');
    // @ts-expect-error a map needs a key: tags.<key>
    expect(() => d.where('tags')).toThrow(TypeError);
    // @ts-expect-error label.zh_CN: the device schema lists ja_JP only
    expect(() => d.where('label.zh_CN')).toThrow(TypeError);
  });
});

describe('operators: only each field’s operators', () => {
  it('offers exactly the methods of the allowed operators', () => {
    expectTypeOf(q.where('name')).toHaveProperty('like');
    expectTypeOf(q.where('name')).not.toHaveProperty('eq');
    expectTypeOf(q.where('productKey')).toHaveProperty('eq');
    expectTypeOf(q.where('productKey')).toHaveProperty('in');
    expectTypeOf(q.where('productKey')).not.toHaveProperty('like');
    expectTypeOf(q.where('status')).toHaveProperty('eq');
    expectTypeOf(q.where('status')).not.toHaveProperty('in');
    expectTypeOf(d.where('modelId')).toHaveProperty('isNotNull');
    expectTypeOf(d.where('state')).toHaveProperty('gte');
    expectTypeOf(d.where('state')).not.toHaveProperty('exists');
  });

  it('allowed calls compile', () => {
    q.where('productKey').eq('pk1');
    q.where('productKey').in(['pk1', 'pk2']);
    q.where('name').like('固件');
    q.where('type').eq('verify');
    d.where('modelId').ne('planet');
    d.where('modelId').exists();
    d.where('modelId').notExists();
    d.where('modelId').isNull();
    d.where('modelId').isNotNull();
    d.where('state').lt(1);
    d.where('state').lte(1);
    d.where('state').gt(1);
    d.where('state').gte(1.5);
    d.where('label.ja_JP').exists();
    d.where('tags.k').notExists();
  });

  it('forbidden operators are compile errors (and missing methods at run time)', () => {
    // @ts-expect-error like is not allowed on productKey
    expect(() => q.where('productKey').like('pk')).toThrow(TypeError);
    // @ts-expect-error = is not allowed on name (LANGUAGE.md §4: allowed op [like])
    expect(() => q.where('name').eq('固件')).toThrow(TypeError);
    // @ts-expect-error in is not allowed on status
    expect(() => q.where('status').in(['started'])).toThrow(TypeError);
    // @ts-expect-error ordering is not allowed on a string field
    expect(() => q.where('firmwareVersion').gt('1.0')).toThrow(TypeError);
    // @ts-expect-error exists is not an OTA operator
    expect(() => q.where('productKey').exists()).toThrow(TypeError);
    // @ts-expect-error is null is not allowed on state
    expect(() => d.where('state').isNull()).toThrow(TypeError);
    // @ts-expect-error != is not allowed on tags
    expect(() => d.where('tags.k').ne('x')).toThrow(TypeError);
  });
});

describe('values: of the field’s type', () => {
  it('value types follow the field type', () => {
    expectTypeOf(d.where('state').eq).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(d.where('online').eq).parameter(0).toEqualTypeOf<boolean>();
    expectTypeOf(d.where('serial').eq).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(d.where('tags.k').eq).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(q.where('name').like).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(d.where('state').in).parameter(0).toEqualTypeOf<readonly [number, ...number[]]>();
    d.where('online').eq(false);
    d.where('state').in([1, 2.5, -3]);
  });

  it('wrong value types are compile errors (and TypeErrors at run time)', () => {
    // @ts-expect-error state is a number field
    expect(() => d.where('state').eq('1')).toThrow(TypeError);
    // @ts-expect-error online is a boolean field
    expect(() => d.where('online').eq('true')).toThrow(TypeError);
    // @ts-expect-error productKey is a string field
    expect(() => q.where('productKey').eq(1)).toThrow(TypeError);
    // @ts-expect-error every value in the list must be a string
    expect(() => q.where('productKey').in(['pk1', 2])).toThrow(TypeError);
    // @ts-expect-error in needs at least one value
    expect(() => q.where('productKey').in([])).toThrow(TypeError);
    // @ts-expect-error a like pattern is a string
    expect(() => q.where('name').like(1)).toThrow(TypeError);
    // @ts-expect-error a presence test takes no value
    expect(() => d.where('modelId').exists('x')).not.toThrow();
  });

  it('enum-like fields offer their known values and accept other strings (docs/LANGUAGE.md §4: a warning)', () => {
    expectTypeOf(q.where('status').eq).parameter(0).toEqualTypeOf<'started' | 'stopped' | (string & {})>();
    expectTypeOf(q.where('type').eq).parameter(0).toEqualTypeOf<'verify' | 'upgrade' | (string & {})>();
    expectTypeOf<ValueOf<Ota['fields']['status']>>().toEqualTypeOf<'started' | 'stopped' | (string & {})>();
    // Known values stay distinct members, which is what editors list; the union does not collapse to string.
    expectTypeOf<'started'>().toExtend<ValueOf<Ota['fields']['status']>>();
    expectTypeOf<ValueOf<Ota['fields']['status']>>().not.toEqualTypeOf<string>();
    q.where('status').eq('started');
    q.where('status').eq('paused');
  });

  it('a field marked closed accepts its known values only', () => {
    expectTypeOf(d.where('kind').eq).parameter(0).toEqualTypeOf<'edge' | 'cloud'>();
    d.where('kind').in(['edge', 'cloud']);
    // @ts-expect-error kind is closed: 'fog' is not one of its values
    expect(() => d.where('kind').eq('fog')).toThrow(TypeError);
    // @ts-expect-error closed in lists too
    expect(() => d.where('kind').in(['edge', 'fog'])).toThrow(TypeError);
  });
});

describe('logical operators: and/or, restricted to the schema’s', () => {
  const a = q.where('productKey').eq('a');
  const b = q.where('status').eq('started');

  it('results are filters of the builder’s schema, typed by node', () => {
    expectTypeOf(a).toEqualTypeOf<Filter<Ota, Comparison>>();
    expectTypeOf(q.and(a, b)).toEqualTypeOf<Filter<Ota, AndNode>>();
    expectTypeOf(q.or(a, b)).toEqualTypeOf<Filter<Ota, OrNode>>();
    expectTypeOf(q.and(a, b)).toExtend<Expression>();
    expectTypeOf(q.and()).toEqualTypeOf<null>();
    expectTypeOf(q.or(a)).toEqualTypeOf(a);
    const list: Filter<Ota>[] = [a, b];
    expectTypeOf(q.and(...list)).toEqualTypeOf<Filter<Ota> | null>();
    q.and(a, q.or(a, b), b);
  });

  it('and/or exist only when the schema allows them', () => {
    expectTypeOf(q).toHaveProperty('and');
    expectTypeOf(q).toHaveProperty('or');
    expectTypeOf(d).toHaveProperty('and');
    expectTypeOf(d).not.toHaveProperty('or');
    expectTypeOf(o).toHaveProperty('or');
    expectTypeOf(o).not.toHaveProperty('and');
    const x = d.where('state').eq(1);
    const y = d.where('serial').eq('s');
    d.and(x, y);
    // @ts-expect-error the device schema allows only and
    expect(() => d.or(x, y)).toThrow(TypeError);
    // @ts-expect-error the or-only schema has no and
    expect(() => o.and(o.where('a').eq('1'), o.where('a').eq('2'))).toThrow(TypeError);
  });

  it('and/or take filters of the same schema, any number of them', () => {
    expectTypeOf(q.and(a)).toEqualTypeOf(a);
    const neverRun = (): void => {
      // @ts-expect-error a filter of another schema
      q.and(a, d.where('state').eq(1));
      // @ts-expect-error a hand-made tree skips the schema's rules
      q.or(a, {
        type: 'comparison',
        path: { text: 'x', span: { start: 0, end: 1 } },
        op: 'exists',
        opSpan: a.opSpan,
        span: a.span,
      });
    };
    expect(neverRun).toBeTypeOf('function');
  });
});

describe('every built-in schema types its builder', () => {
  it('device: map paths as template literals, typed values, only the allowed operators', () => {
    const device = queryBuilder(schemas.device);
    expectTypeOf(device.where('deviceTags.Region').eq).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(device.where('deviceAttributes.floor').eq).parameter(0).toEqualTypeOf<string | number | boolean>();
    // @ts-expect-error deviceAttributes allows =, in, exists and not exists: no like
    expect(() => device.where('deviceAttributes.floor').like('x')).toThrow(TypeError);
    const command = queryBuilder(schemas.command);
    expectTypeOf(command.where('createTime').lt).parameter(0).toEqualTypeOf<DatetimeString>();
    expect(print(command.where('createTime').lt('2024-03-01 08:00:00'))).toBe("createTime < '2024-03-01 08:00:00'");
  });
});
