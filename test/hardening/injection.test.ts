/**
 * Injection (SECURITY.md T4–T6): a user value never becomes SQL text, a MongoDB key or operator, or an unescaped
 * regular expression. Each property generates expressions over the OTA schema whose values are injection payloads
 * and arbitrary text, compiles them, and compares the output with the output for the same expression with every
 * value replaced by a harmless one: the query text / filter shape must be identical, so it cannot depend on what
 * the values say. Runs: OTA_HARDENING_RUNS (default 200 per property; `npm run test:deep` raises it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionError, parse, toMongo, toPredicate } from '../../src/index.js';
// The SQL compiler through its own subpath entry (`ota-expr/sql`), which the root entry re-exports.
import { toSql } from '../../src/sql.js';

const RUNS = Number(process.env.OTA_HARDENING_RUNS ?? 200);

/** Classic payloads for each target: SQL quoting and comments, placeholders, MongoDB operators, regex metacharacters. */
const PAYLOADS = [
  "'; DROP TABLE ota_job; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "\\'; SELECT 1; --",
  '`product_key`',
  '$1',
  '?',
  ':name',
  '%_%',
  '/* comment */',
  '$where',
  '{"$gt": ""}',
  '$ne',
  '.*',
  '^(a+)+$',
  '\\',
  '\\x2e',
  '[aA]',
  '(?i)x',
  'a\nb\r\n\tc',
  '\u2028\u2029',
  'ＳＥＬＥＣＴ',
  '固件🚀',
  '',
] as const;

const STRING_VALUE = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  // Lone surrogates and NUL: values a database cannot store; compilers may refuse them, with ExpressionError only.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

type Shape =
  | {
      readonly kind: 'cmp';
      readonly field: string;
      readonly op: '=' | 'in' | 'like';
      readonly values: readonly string[];
    }
  | { readonly kind: 'and' | 'or'; readonly children: readonly Shape[] };

const EQ_FIELDS = ['productKey', 'firmwareId', 'firmwareVersion', 'type', 'status'] as const;
const IN_FIELDS = ['productKey', 'firmwareId', 'firmwareVersion'] as const;
const LIKE_FIELDS = ['name', 'firmwareName'].flatMap((f) =>
  ['', '.default', '.defaultValue', '.zh_CN', '.en_US'].map((s) => f + s),
);

const comparisonShape: fc.Arbitrary<Shape> = fc.oneof(
  fc.record({
    kind: fc.constant('cmp' as const),
    field: fc.constantFrom(...EQ_FIELDS),
    op: fc.constant('=' as const),
    values: fc.tuple(STRING_VALUE),
  }),
  fc.record({
    kind: fc.constant('cmp' as const),
    field: fc.constantFrom(...IN_FIELDS),
    op: fc.constant('in' as const),
    values: fc.array(STRING_VALUE, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('cmp' as const),
    field: fc.constantFrom(...LIKE_FIELDS),
    op: fc.constant('like' as const),
    values: fc.tuple(STRING_VALUE),
  }),
);

const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparisonShape,
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      children: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
    }),
  ),
})).node;

/** docs/LANGUAGE.md §1 string literal: single quotes, `'` doubled, `\` escaped. */
const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

function render(node: Shape, value: (v: string) => string = (v) => v): string {
  if (node.kind !== 'cmp') return node.children.map((child) => `(${render(child, value)})`).join(` ${node.kind} `);
  const values = node.values.map((v) => quote(value(v)));
  return node.op === 'in' ? `${node.field} in (${values.join(', ')})` : `${node.field} ${node.op} ${values[0]}`;
}

function valuesOf(node: Shape): string[] {
  return node.kind === 'cmp' ? [...node.values] : node.children.flatMap(valuesOf);
}

function equalityValuesOf(node: Shape): string[] {
  if (node.kind !== 'cmp') return node.children.flatMap(equalityValuesOf);
  return node.op === 'like' ? [] : [...node.values];
}

/**
 * The same expression with every value replaced by a harmless one: distinct values stay distinct (an `in` list may
 * drop duplicates) and the empty string stays empty (`like ''` is presence).
 */
function harmlessFor(tree: Shape): (v: string) => string {
  const names = new Map<string, string>();
  for (const value of valuesOf(tree)) if (value !== '' && !names.has(value)) names.set(value, `v${names.size}`);
  return (v) => names.get(v) ?? '';
}

const unstorable = (v: string): boolean =>
  v.includes('\u0000') || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v);

/** Compiles, or returns the ExpressionError it threw; any other throw fails the property. */
function attempt<T>(compile: () => T): T | ExpressionError {
  try {
    return compile();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
}

describe('SQL: no value ever reaches the where text', () => {
  it.each(['postgres', 'mysql', 'sqlite'] as const)('%s', (dialect) => {
    fc.assert(
      fc.property(shape, (tree) => {
        const values = valuesOf(tree);
        const reference = toSql(parse(render(tree, harmlessFor(tree))), { dialect });
        const result = attempt(() => toSql(parse(render(tree)), { dialect }));
        if (result instanceof ExpressionError) {
          // Refusing is allowed only for values no database can hold, and says so with 99400.
          expect(values.some(unstorable)).toBe(true);
          expect(result.code).toBe(99400);
          return;
        }
        // The text is a function of the expression's shape alone ...
        expect(result.where).toBe(reference.where);
        expect(result.params).toHaveLength(reference.params.length);
        // ... so no value appears in it, except one that is already part of the fixed text (like 'A' or '=').
        for (const value of values) {
          if (value !== '' && !reference.where.includes(value)) expect(result.where).not.toContain(value);
        }
        // Values travel as parameters, unchanged for = and in.
        for (const value of equalityValuesOf(tree)) expect(result.params).toContain(value);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Every operator toMongo may write. A key starting with `$` that is not one of these would be user text. */
const MONGO_OPERATORS = new Set([
  '$and',
  '$or',
  '$nor',
  '$eq',
  '$ne',
  '$in',
  '$nin',
  '$regex',
  '$type',
  '$exists',
  '$not',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
]);
const MONGO_PATHS = new Set([
  ...EQ_FIELDS,
  ...['name', 'firmwareName'].flatMap((f) => [`${f}.defaultValue`, `${f}.i18nValue.zh_CN`, `${f}.i18nValue.en_US`]),
]);

function keysOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value !== null && typeof value === 'object') {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    for (const [key, child] of Object.entries(value)) {
      into.push(key);
      // Values under $eq/$in/$ne are data, never walked for keys: they are strings here anyway.
      keysOf(child, into);
    }
  }
  return into;
}

describe('MongoDB: no value ever becomes a key or an operator', () => {
  it('keys are the compiler’s operators and the schema’s document paths, whatever the values', () => {
    fc.assert(
      fc.property(shape, (tree) => {
        const reference = toMongo(parse(render(tree, harmlessFor(tree))));
        const result = attempt(() => toMongo(parse(render(tree))));
        if (result instanceof ExpressionError) {
          expect(valuesOf(tree).some(unstorable)).toBe(true);
          return;
        }
        const keys = keysOf(result);
        expect(keys).toEqual(keysOf(reference));
        for (const key of keys) {
          if (key.startsWith('$')) expect(MONGO_OPERATORS).toContain(key);
          else expect(MONGO_PATHS).toContain(key);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

const foldAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const randomCase = (s: string, flips: readonly boolean[]): string =>
  [...s].map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c.toLowerCase())).join('');

/** Regex pieces toMongo's `like` may write: `[xX]` for an ASCII letter, `\xHH` for other ASCII, digits, non-ASCII. */
// eslint-disable-next-line no-control-regex -- the class is "every non-ASCII code unit": NUL is its lower bound
const ESCAPED_SOURCE = /^(?:\[[a-z][A-Z]\]|\\x[0-7][0-9a-f]|[0-9]|[^\x00-\x7f])*$/;

describe('MongoDB: the like regex is fully escaped and means literal, ASCII-case-insensitive containment', () => {
  const pattern = fc.oneof(
    fc.constantFrom(...PAYLOADS.filter((p) => p !== '')),
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  );
  const text = fc.oneof(fc.string({ maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 16 }));

  it('for any pattern p and text s: the regex matches s exactly when foldAscii(s) contains foldAscii(p)', () => {
    fc.assert(
      fc.property(
        pattern,
        text,
        text,
        fc.array(fc.boolean(), { maxLength: 8 }),
        fc.boolean(),
        (p, s, around, flips, embed) => {
          const ast = parse(`name.default like ${quote(p)}`);
          const filter = toMongo(ast);
          expect(Object.keys(filter)).toEqual(['name.defaultValue']);
          const condition = filter['name.defaultValue'] as Record<string, unknown>;
          // No flags ($options) and no operator other than the $regex itself.
          expect(Object.keys(condition)).toEqual(['$regex']);
          const source = condition.$regex as string;
          expect(source).toMatch(ESCAPED_SOURCE);
          // Half the cases embed the pattern (case-flipped) in the text, so that matches are tested too.
          const subject = embed ? s + randomCase(p, flips) + around : s;
          const expected = foldAscii(subject).includes(foldAscii(p));
          expect(new RegExp(source).test(subject)).toBe(expected);
          // The in-memory predicate agrees on the same literal semantics.
          expect(toPredicate(ast)({ name: { defaultValue: subject } })).toBe(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
