/**
 * The typed builder's run-time rules, for JavaScript callers and casts (src/builder/builder.ts): the exact TypeError
 * of each refusal, datetime and scalar-map values, and each limit just inside and just past its bound.
 */
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
  type Schema,
} from '../../src/index.js';

const events = defineSchema({
  name: 'events',
  fields: {
    at: { type: 'datetime', operators: ['=', '<', '>=', 'in', 'is null'] },
    attrs: { type: 'map', values: 'scalar', operators: ['=', 'in', 'like'] },
    tags: { type: 'map', operators: ['=', 'like'] },
    count: { type: 'number', operators: ['=', 'in'] },
    on: { type: 'boolean', operators: ['='] },
    kind: { type: 'string', operators: ['=', 'in', 'like'], values: ['edge', 'cloud'], closed: true },
    open: { type: 'string', operators: ['='], values: ['edge'], closed: false },
    shut: { type: 'string', operators: ['='], closed: true },
    title: { type: 'i18n', operators: ['like'], locales: ['fr'] },
  },
  logical: ['and', 'or'],
});

/** The builder as plain JavaScript sees it: no schema types. */
type Loose = {
  where(path: unknown): Record<string, (operand?: unknown) => Expression>;
  and(...parts: unknown[]): Expression | null;
  or(...parts: unknown[]): Expression | null;
};
const loose = (schema: Schema): Loose => queryBuilder(schema) as unknown as Loose;
const e = loose(events);

/** What `check` says of the printed filter, and that parsing it gives the built tree back. */
function expectValid(built: Expression, schema: Schema = events): void {
  const text = print(built);
  expect(parse(text)).toEqual(built);
  expect(check(text, { schema })).toMatchObject({ ok: true, diagnostics: [] });
}

describe('paths', () => {
  it.each([
    [42, '42'],
    [null, 'null'],
    [['count'], '["count"]'],
    ['', '""'],
    ['a b', '"a b"'],
    [' at', '" at"'],
    ['at ', '"at "'],
    ['1at', '"1at"'],
    ['tags.', '"tags."'],
    ['tags..k', '"tags..k"'],
    ['tags.k ', '"tags.k "'],
    ["tags.k'", '"tags.k\'"'],
    ['in', '"in"'],
    ['and', '"and"'],
  ])('%j is not a field path', (path, shown) => {
    expect(() => e.where(path)).toThrow(new TypeError(`${shown} is not a field path`));
  });

  it('a keyword is a field path when more segments follow (it is then an unknown field)', () => {
    expect(() => e.where('in.x')).toThrow(
      new TypeError(`Unknown path in.x for schema events; supported: ${events.fieldNames.join(', ')}`),
    );
  });

  it('an unknown field lists the schema’s fields', () => {
    expect(() => loose(otaJobSchema).where('nope')).toThrow(
      new TypeError(
        'Unknown path nope for schema ota-job; supported: productKey, firmwareId, firmwareVersion, type, status, name, firmwareName',
      ),
    );
  });

  it('an unknown locale lists the paths of its i18n field', () => {
    expect(() => e.where('title.de')).toThrow(
      new TypeError(
        'Unknown path title.de for schema events; supported: title, title.defaultValue, title.default, title.fr',
      ),
    );
  });

  it('map keys may use every segment character', () => {
    expect(print(e.where('tags.a-B_9/c').eq!('x'))).toBe("tags.a-B_9/c = 'x'");
  });

  it('a handle is frozen and knows its path; the builder is frozen', () => {
    const handle = e.where('count');
    expect(handle.path).toBe('count');
    expect(Object.isFrozen(handle)).toBe(true);
    expect(Object.isFrozen(e)).toBe(true);
    expect(queryBuilder(events).schema).toBe(events);
  });
});

describe('values', () => {
  it.each([
    ['count', 'eq', 'x', 'count takes number values, found string'],
    ['count', 'eq', true, 'count takes number values, found boolean'],
    ['on', 'eq', 0, 'on takes boolean values, found number'],
    ['kind', 'eq', undefined, 'kind takes string values, found undefined'],
    ['tags.k', 'eq', 1, 'tags.k takes string values, found number'],
    ['attrs.k', 'eq', null, 'attrs.k takes scalar values, found object'],
    ['attrs.k', 'eq', undefined, 'attrs.k takes scalar values, found undefined'],
    ['at', 'eq', 1, 'at takes datetime values, found number'],
    ['at', 'in', ['2024-01-01 00:00:00', 2], 'at takes datetime values, found number'],
    ['count', 'in', [1, '2'], 'count takes number values, found string'],
  ])('%s.%s(%j): %s', (path, method, operand, message) => {
    expect(() => e.where(path)[method]!(operand)).toThrow(new TypeError(message));
  });

  it.each(['2023-02-29 00:00:00', '2024-01-01', '2024-01-01T00:00:00', ''])(
    'a datetime must be a real one written YYYY-MM-DD HH:mm:ss: %j is refused',
    (value) => {
      expect(() => e.where('at').eq!(value)).toThrow(
        new TypeError(`at takes datetimes written 'YYYY-MM-DD HH:mm:ss', found ${JSON.stringify(value)}`),
      );
    },
  );

  it('datetimes are built as strings, compared in order, in lists too', () => {
    for (const built of [
      e.where('at').eq!('2024-02-29 23:59:59'),
      e.where('at').lt!('2025-01-01 00:00:00'),
      e.where('at').in!(['2024-01-01 00:00:00', '2024-12-31 23:59:59']),
      e.where('at').isNull!(),
    ]) {
      expectValid(built);
    }
    expect(print(e.where('at').gte!('2024-01-01 08:00:00'))).toBe("at >= '2024-01-01 08:00:00'");
  });

  it('a scalar map takes strings, numbers and booleans', () => {
    const built = e.where('attrs.k').in!(['a', 2, false]);
    expect(print(built)).toBe("attrs.k in ('a', 2, false)");
    expectValid(built);
    expectValid(e.where('attrs.k').eq!(1.5));
    expectValid(e.where('attrs.k').eq!(true));
  });

  it.each([
    ['count', Number.NaN, 'count: NaN is not a finite number'],
    ['count', Number.POSITIVE_INFINITY, 'count: Infinity is not a finite number'],
    ['attrs.k', Number.NEGATIVE_INFINITY, 'attrs.k: -Infinity is not a finite number'],
  ])('%s: %s is refused, the language has no such number', (path, value, message) => {
    expect(() => e.where(path).eq!(value)).toThrow(new TypeError(message));
  });

  it('a closed enum takes its known values only, in lists too', () => {
    expectValid(e.where('kind').in!(['edge', 'cloud']));
    expect(() => e.where('kind').eq!('fog')).toThrow(new TypeError(`kind takes one of 'edge', 'cloud', found "fog"`));
    expect(() => e.where('kind').in!(['edge', 'fog'])).toThrow(
      new TypeError(`kind takes one of 'edge', 'cloud', found "fog"`),
    );
  });

  it('a closed string field without values takes nothing', () => {
    expect(() => e.where('shut').eq!('x')).toThrow(new TypeError('shut takes one of , found "x"'));
  });

  it('an open enum (closed: false) takes any string', () => {
    expect(print(e.where('open').eq!('fog'))).toBe("open = 'fog'");
  });

  it.each([
    [null, 'object'],
    [1, 'number'],
    [undefined, 'undefined'],
  ])('like takes a string pattern: %j is refused', (pattern, found) => {
    expect(() => e.where('tags.k').like!(pattern)).toThrow(
      new TypeError(`like takes a string pattern, found ${found}`),
    );
  });

  it('a like pattern is not a value: a closed enum takes any pattern', () => {
    const built = e.where('kind').like!('dg');
    expect(print(built)).toBe("kind like 'dg'");
    expectValid(built);
  });

  it('like takes any string on a scalar map, never a value check', () => {
    expect(print(e.where('attrs.k').like!('5'))).toBe("attrs.k like '5'");
  });

  it.each([[[]], ['edge'], [null], [undefined]])('in takes a non-empty array: %j is refused', (operand) => {
    expect(() => e.where('kind').in!(operand)).toThrow(new TypeError('in takes a non-empty array of values'));
  });
});

describe('and / or take filters only', () => {
  it.each([
    ['and', null, 'object'],
    ['and', {}, 'object'],
    ['or', 'x', 'string'],
    ['or', 7, 'number'],
    ['and', undefined, 'undefined'],
  ] as const)('%s(filter, %j) is refused', (type, part, found) => {
    const a = e.where('count').eq!(1);
    expect(() => e[type](a, part)).toThrow(new TypeError(`${type} takes filters made by this builder, found ${found}`));
    expect(() => e[type](part)).toThrow(new TypeError(`${type} takes filters made by this builder, found ${found}`));
  });

  it('the children of a joined filter are the given filters, moved to their place in the text', () => {
    const a = e.where('count').eq!(1);
    const b = e.where('on').eq!(true);
    const joined = e.or(a, b) as Expression & { children: Expression[] };
    expect(joined.children[0]).toEqual(a);
    expect(joined.children[1]).toEqual(
      (parse('count = 1 or on = true') as { children: readonly Expression[] }).children[1],
    );
  });
});

describe('BUILDER_METHODS: one method per operator', () => {
  it('names each operator’s method, frozen', () => {
    expect(BUILDER_METHODS).toEqual({
      '=': 'eq',
      '!=': 'ne',
      '<': 'lt',
      '<=': 'lte',
      '>': 'gt',
      '>=': 'gte',
      in: 'in',
      like: 'like',
      exists: 'exists',
      'not exists': 'notExists',
      'is null': 'isNull',
      'is not null': 'isNotNull',
    });
    expect(Object.isFrozen(BUILDER_METHODS)).toBe(true);
  });
});

describe('limits: just inside passes, just past is the parser’s own error', () => {
  function limitError(build: () => unknown): ExpressionError {
    try {
      build();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      return error as ExpressionError;
    }
    throw new Error('expected a limit error');
  }

  it('length: the printed text may be exactly maxLength long', () => {
    // "count = 1" is 9 characters, "count = 10" 10.
    const nine = queryBuilder(events, { limits: { maxLength: 9 } }) as unknown as Loose;
    expect(print(nine.where('count').eq!(1))).toBe('count = 1');
    const error = limitError(() => nine.where('count').eq!(10));
    expect(error.diagnostics[0]!.message).toMatch(/9/);
    // A joined filter is measured too: "count = 1 or count = 1" is 22 characters.
    const joined = queryBuilder(events, { limits: { maxLength: 22 } }) as unknown as Loose;
    const one = joined.where('count').eq!(1);
    expect(print(joined.or(one, one)!)).toBe('count = 1 or count = 1');
    const shorter = queryBuilder(events, { limits: { maxLength: 21 } }) as unknown as Loose;
    const small = shorter.where('count').eq!(1);
    limitError(() => shorter.or(small, small));
  });

  it('values of one in: exactly maxInValues passes', () => {
    const two = queryBuilder(events, { limits: { maxInValues: 2 } }) as unknown as Loose;
    expect(print(two.where('count').in!([1, 2]))).toBe('count in (1, 2)');
    expect(limitError(() => two.where('count').in!([1, 2, 3])).diagnostics[0]!.message).toMatch(/at most 2/);
  });

  it('comparisons: exactly maxComparisons passes, counted through nested filters', () => {
    const three = queryBuilder(events, { limits: { maxComparisons: 3 } }) as unknown as Loose;
    const a = three.where('count').eq!(1);
    const pair = three.and(a, a)!;
    expect(print(three.or(pair, a)!)).toBe('count = 1 and count = 1 or count = 1');
    expect(limitError(() => three.or(pair, pair)).diagnostics[0]!.message).toMatch(/at most 3/);
  });

  it('depth: one level per or inside an and; an and inside an or needs no parentheses', () => {
    const flat = queryBuilder(events, { limits: { maxDepth: 0 } }) as unknown as Loose;
    const a = flat.where('count').eq!(1);
    expect(print(flat.or(flat.and(a, a), a)!)).toBe('count = 1 and count = 1 or count = 1');
    expect(print(flat.or(a, flat.or(a, a))!)).toBe('count = 1 or count = 1 or count = 1');
    expect(limitError(() => flat.and(a, flat.or(a, a))).diagnostics[0]!.message).toMatch(/at most 0/);

    const one = queryBuilder(events, { limits: { maxDepth: 1 } }) as unknown as Loose;
    const x = one.where('count').eq!(1);
    const level1 = one.and(x, one.or(x, x))!;
    // An or of filters one level deep stays one level deep: the deepest child counts, not the first.
    expect(print(one.or(x, level1)!)).toBe('count = 1 or count = 1 and (count = 1 or count = 1)');
    expect(print(one.and(level1, x)!)).toBe('count = 1 and (count = 1 or count = 1) and count = 1');
    const level2 = one.or(x, level1)!;
    expect(limitError(() => one.and(x, level2)).diagnostics[0]!.message).toMatch(/at most 1/);
    expect(limitError(() => one.and(level2, x)).diagnostics[0]!.message).toMatch(/at most 1/);
  });
});
