/**
 * The typed query builder at run time: it builds exactly what `parse(print(built))` returns, spans included, and
 * repeats the type-level rules for JavaScript callers. Type-level rules: test/builder.types.test.ts.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  BUILDER_METHODS,
  ExpressionError,
  check,
  defineSchema,
  otaJobSchema,
  parse,
  print,
  queryBuilder,
  type Expression,
  type Literal,
  type Operator,
  type Schema,
} from '../src/index.js';
import { i18nPaths } from '../src/schema/resolve.js';

const q = queryBuilder(otaJobSchema);

/** Every field type and operator, made with the public API (types inferred). */
const device = defineSchema({
  name: 'device',
  fields: {
    modelId: {
      type: 'string',
      operators: ['=', '!=', 'in', 'like', 'exists', 'not exists', 'is null', 'is not null'],
      values: ['planet', 'orbit'],
    },
    state: { type: 'number', operators: ['=', '!=', '<', '<=', '>', '>=', 'in', 'is null', 'is not null'] },
    online: { type: 'boolean', operators: ['=', '!=', 'in', 'exists'] },
    label: { type: 'i18n', operators: ['like', 'exists', 'not exists'], locales: ['zh_CN', 'en_US', 'ja_JP'] },
    tags: { type: 'map', operators: ['=', '!=', 'in', 'like', 'exists', 'not exists', 'is null', 'is not null'] },
    kind: { type: 'string', operators: ['=', 'in'], values: ['edge', 'cloud'], closed: true },
  },
  logical: ['and', 'or'],
});
const d = queryBuilder(device);

/**
 * The built tree must be what parsing its printed text gives, spans included, and valid for its schema. `toEqual`
 * rather than `toStrictEqual` because the parser's spans come from peggy's `range()`, which adds `source: undefined`.
 */
function expectRoundTrip(built: Expression, schema: Schema = otaJobSchema): void {
  const text = print(built);
  expect(parse(text)).toEqual(built);
  const result = check(text, { schema });
  expect(result.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.ast).toEqual(built);
}

describe('the README example', () => {
  it('equals the parsed text, spans included', () => {
    const built = q.and(q.where('productKey').in(['pk1', 'pk2']), q.where('name.zh_CN').like('固件'));
    expect(print(built)).toBe("productKey in ('pk1', 'pk2') and name.zh_CN like '固件'");
    expect(built).toEqual(parse("productKey in ('pk1', 'pk2') and name.zh_CN like '固件'"));
    expectRoundTrip(built);
  });
});

describe('one comparison per method', () => {
  it.each<[string, () => Expression]>([
    ["modelId = 'planet'", () => d.where('modelId').eq('planet')],
    ["modelId != 'it''s \\\\ x'", () => d.where('modelId').ne("it's \\ x")],
    ['state < -1.5', () => d.where('state').lt(-1.5)],
    ['state <= 0', () => d.where('state').lte(-0)],
    ['state > 1e+21', () => d.where('state').gt(1e21)],
    ['state >= 9.007199254740992e+15', () => d.where('state').gte(2 ** 53)],
    ['state in (1, 2, 3)', () => d.where('state').in([1, 2, 3])],
    ["modelId in ('planet')", () => d.where('modelId').in(['planet'])],
    ['online = true', () => d.where('online').eq(true)],
    ['online in (true, false)', () => d.where('online').in([true, false])],
    ["label.ja_JP like ''", () => d.where('label.ja_JP').like('')],
    ["tags.site-1/a_b like '%_'", () => d.where('tags.site-1/a_b').like('%_')],
    ['exists(modelId)', () => d.where('modelId').exists()],
    ['not exists(tags.k)', () => d.where('tags.k').notExists()],
    ['modelId is null', () => d.where('modelId').isNull()],
    ['state is not null', () => d.where('state').isNotNull()],
  ])('%s', (text, build) => {
    const built = build();
    expect(print(built)).toBe(text);
    expectRoundTrip(built, device);
  });

  it('-0 becomes 0, as the parser reads it', () => {
    const built = d.where('state').eq(-0);
    expect(Object.is((built as { value: { value: number } }).value.value, 0)).toBe(true);
  });
});

describe('and / or', () => {
  const a = q.where('productKey').eq('a');
  const b = q.where('status').eq('started');
  const c = q.where('name').like('c');

  it.each<[string, () => Expression]>([
    ["productKey = 'a' and status = 'started'", () => q.and(a, b)],
    ["(productKey = 'a' or status = 'started') and name like 'c'", () => q.and(q.or(a, b), c)],
    ["name like 'c' and (productKey = 'a' or status = 'started')", () => q.and(c, q.or(a, b))],
    ["productKey = 'a' or status = 'started' and name like 'c'", () => q.or(a, q.and(b, c))],
    ["productKey = 'a' and status = 'started' and name like 'c'", () => q.and(q.and(a, b), c)],
    ["productKey = 'a' or status = 'started' or name like 'c'", () => q.or(a, q.or(b, c))],
    [
      "(productKey = 'a' or status = 'started') and (name like 'c' or productKey = 'a') and status = 'started'",
      () => q.and(q.and(q.or(a, b), q.or(c, a)), b),
    ],
  ])('%s', (text, build) => {
    const built = build();
    expect(print(built)).toBe(text);
    expectRoundTrip(built);
  });

  it('a built filter can be reused in several trees without being changed', () => {
    const before = structuredClone(a);
    q.and(b, a);
    q.or(c, q.and(b, a));
    expect(a).toStrictEqual(before);
  });
});

describe('run-time guards for JavaScript callers', () => {
  // The builder seen as plain JavaScript sees it: no schema types.
  const loose = q as unknown as {
    where(path: unknown): Record<string, ((operand?: unknown) => Expression) | undefined>;
    and(...parts: unknown[]): Expression;
  };

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])('%s is a TypeError', (value) => {
    expect(() => d.where('state').eq(value)).toThrow(TypeError);
    expect(() => d.where('state').in([1, value])).toThrow(TypeError);
  });

  it.each([['modelId'], ['name.fr_FR'], ['productKey.x'], [''], ['a b'], [42], ['tags.']])(
    'path %j is a TypeError',
    (path) => {
      expect(() => loose.where(path)).toThrow(TypeError);
    },
  );

  it('a keyword is never a field path: defineSchema refuses a field so named', () => {
    expect(() =>
      defineSchema({ name: 'odd', fields: { in: { type: 'string', operators: ['='] } }, logical: [] }),
    ).toThrow(TypeError);
  });

  it('a handle has exactly the methods of its field’s operators', () => {
    for (const [path, field] of [
      ['productKey', otaJobSchema.fields.productKey],
      ['name.zh_CN', otaJobSchema.fields.name],
      ['status', otaJobSchema.fields.status],
    ] as const) {
      const methods = Object.keys(loose.where(path))
        .filter((key) => key !== 'path')
        .sort();
      expect(methods).toEqual(field.operators.map((op: Operator) => BUILDER_METHODS[op]).sort());
    }
  });

  it('values of the wrong type and values outside a closed enum are TypeErrors', () => {
    expect(() => loose.where('productKey').eq!(1)).toThrow(TypeError);
    expect(() => loose.where('productKey').in!([])).toThrow(TypeError);
    expect(() => loose.where('productKey').in!('pk')).toThrow(TypeError);
    expect(() => loose.where('name').like!(null)).toThrow(TypeError);
    expect(() => (d.where('kind') as unknown as { eq(v: string): unknown }).eq('fog')).toThrow(TypeError);
    expect(() => loose.and('productKey = 1')).toThrow(
      new TypeError('and takes filters made by this builder, found string'),
    );
  });

  it('and/or take any number of filters: none is no filter, one is that filter', () => {
    const a = q.where('productKey').eq('a');
    expect(q.and()).toBeNull();
    expect(q.or()).toBeNull();
    expect(q.and(a)).toBe(a);
    expect(q.or(a)).toBe(a);
    const conditions = ['a', 'b', 'c'].map((key) => q.where('productKey').eq(key));
    expect(print(q.or(...conditions))).toBe("productKey = 'a' or productKey = 'b' or productKey = 'c'");
  });

  it('an unknown value of an open enum is built (docs/LANGUAGE.md §4: a warning, not an error)', () => {
    const result = check(print(q.where('status').eq('paused')));
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((x) => x.severity)).toEqual(['warning']);
  });

  it('logical operators the schema does not allow are absent', () => {
    const andOnly = queryBuilder(
      defineSchema({ name: 'x', fields: { a: { type: 'number', operators: ['='] } }, logical: ['and'] }),
    );
    expect(Object.keys(andOnly).sort()).toEqual(['and', 'schema', 'where']);
  });
});

describe('limits (docs/LANGUAGE.md §4): the parser’s own error, before anything is sent', () => {
  function limitError(build: () => unknown): string {
    try {
      build();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      return (error as ExpressionError).diagnostics[0]!.message;
    }
    throw new Error('expected a limit error');
  }

  it('values in one in', () => {
    const values = Array.from({ length: 1001 }, (_, i) => `pk${i}`) as [string, ...string[]];
    expect(limitError(() => q.where('productKey').in(values))).toMatch(/List limit exceeded: at most 1000/);
    expect(() => q.where('productKey').in(values.slice(0, 1000) as [string, ...string[]])).not.toThrow();
  });

  it('comparisons, depth and length, each configurable', () => {
    const small = queryBuilder(otaJobSchema, { limits: { maxComparisons: 2, maxDepth: 1, maxLength: 60 } });
    const a = small.where('productKey').eq('a');
    const b = small.where('status').eq('started');
    expect(limitError(() => small.and(a, b, a))).toMatch(/Comparison limit exceeded: at most 2/);
    const deep = queryBuilder(otaJobSchema, { limits: { maxDepth: 1 } });
    const x = deep.where('productKey').eq('a');
    const nested = deep.and(x, deep.or(x, x));
    expect(limitError(() => deep.and(x, deep.or(x, nested)))).toMatch(/Nesting depth limit exceeded: at most 1/);
    expect(limitError(() => small.where('productKey').eq('x'.repeat(60)))).toMatch(/60/);
  });
});

// --- Property: random builder calls -----------------------------------------------------------------------------

/** One builder call, as data, so that fast-check can shrink it. */
type Plan =
  | {
      readonly kind: 'comparison';
      readonly path: string;
      readonly op: Operator;
      readonly operand: Literal | readonly Literal[] | undefined;
    }
  | { readonly kind: 'and' | 'or'; readonly parts: readonly Plan[] };

const SEGMENT = /^[A-Za-z0-9_\-/]+$/;

function literalArbitrary(
  type: 'string' | 'number' | 'boolean',
  known: readonly string[],
  closed: boolean,
): fc.Arbitrary<Literal> {
  switch (type) {
    case 'number':
      return fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(-0, 2 ** 53, -(2 ** 60), 1e-7),
      );
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (closed) return fc.constantFrom(...known);
      return fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.constantFrom("'", "''", '\\', "\\'", '"', '', '固件', '\u3000', ...known),
      );
  }
}

function comparisonArbitrary(schema: Schema): fc.Arbitrary<Plan> {
  const choices = schema.fieldNames.map((name) => {
    const field = schema.lookup.get(name)!;
    const paths: fc.Arbitrary<string> =
      field.type === 'i18n'
        ? fc.constantFrom(...i18nPaths(name, field))
        : field.type === 'map'
          ? fc.stringMatching(SEGMENT).map((key) => `${name}.${key}`)
          : fc.constant(name);
    const valueType = field.type === 'number' || field.type === 'boolean' ? field.type : 'string';
    const known = field.type === 'string' ? (field.values ?? []) : [];
    const value = literalArbitrary(valueType, known, field.type === 'string' && field.closed === true);
    return fc.record({ path: paths, op: fc.constantFrom(...field.operators) }).chain(({ path, op }) => {
      const operand: fc.Arbitrary<Literal | readonly Literal[] | undefined> =
        op === 'in'
          ? fc.array(value, { minLength: 1, maxLength: 4 })
          : op === 'like'
            ? literalArbitrary('string', [], false)
            : op === 'exists' || op === 'not exists' || op === 'is null' || op === 'is not null'
              ? fc.constant(undefined)
              : value;
      return operand.map((o): Plan => ({ kind: 'comparison', path, op, operand: o }));
    });
  });
  return fc.oneof(...choices);
}

function planArbitrary(schema: Schema): fc.Arbitrary<Plan> {
  const leaf = comparisonArbitrary(schema);
  const { plan } = fc.letrec<{ plan: Plan }>((tie) => ({
    plan: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      leaf,
      fc.record({
        kind: fc.constantFrom(...schema.logical),
        parts: fc.array(tie('plan'), { minLength: 2, maxLength: 3 }),
      }),
    ),
  }));
  return plan;
}

/** Runs a plan through the builder as a JavaScript caller would (the plan's types are not the schema's). */
function run(schema: Schema, plan: Plan): Expression {
  const builder = queryBuilder(schema) as unknown as Record<string, (...args: unknown[]) => unknown>;
  const go = (p: Plan): Expression => {
    if (p.kind === 'comparison') {
      const handle = builder.where!(p.path) as Record<string, (operand?: unknown) => Expression>;
      return handle[BUILDER_METHODS[p.op]]!(p.operand);
    }
    return builder[p.kind]!(...p.parts.map(go)) as Expression;
  };
  return go(plan);
}

describe('property: check(print(built)) is ok and its tree is the built one, spans included', () => {
  it.each([
    ['the OTA schema', otaJobSchema],
    ['a schema with every field type and operator', device],
  ] as const)('%s', (_, schema) => {
    fc.assert(
      fc.property(planArbitrary(schema), (plan) => {
        expectRoundTrip(run(schema, plan), schema);
      }),
      { numRuns: 300 },
    );
  });
});

// --- Editor completion: what the TypeScript language service offers -----------------------------------------------

// Off in mutation runs (OTA_MUTATION, vitest.mutation.config.ts): the service would read Stryker's instrumented sources.
describe.skipIf(process.env['OTA_MUTATION'] === '1')('editor completion (TypeScript language service)', () => {
  // One service for the three cases: each case only changes the text of one in-memory file.
  const file = `${process.cwd()}/test/__completion__.ts`;
  let text = '';
  let version = 0;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    types: [],
  };
  const service = ts.createLanguageService({
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: (name) => (name === file ? String(version) : '1'),
    getScriptSnapshot: (name) => {
      const content = name === file ? text : ts.sys.readFile(name);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => process.cwd(),
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? text : ts.sys.readFile(name)),
  });

  /** The names the editor offers at `|`. */
  function completionsAt(source: string): string[] {
    text = source.replace('|', '');
    version += 1;
    const completions = service.getCompletionsAtPosition(file, source.indexOf('|'), {});
    return (completions?.entries ?? []).map((entry) => entry.name).sort();
  }

  const header =
    "import { otaJobSchema, queryBuilder } from '../src/index.js';\nconst q = queryBuilder(otaJobSchema);\n";

  it('offers the known values of an enum-like field, and only them', () => {
    expect(completionsAt(`${header}q.where('status').eq('|');`)).toEqual(['started', 'stopped']);
  });

  it('offers the schema’s paths', () => {
    expect(completionsAt(`${header}q.where('|');`)).toEqual(
      [
        'productKey',
        'firmwareId',
        'firmwareVersion',
        'type',
        'status',
        ...['name', 'firmwareName'].flatMap((n) => [
          n,
          `${n}.defaultValue`,
          `${n}.default`,
          `${n}.zh_CN`,
          `${n}.en_US`,
        ]),
      ].sort(),
    );
  });

  it('offers only the field’s operator methods', () => {
    expect(completionsAt(`${header}q.where('productKey').|`)).toEqual(['eq', 'in', 'path']);
    expect(completionsAt(`${header}q.where('name.en_US').|`)).toEqual(['like', 'path']);
  });
});
