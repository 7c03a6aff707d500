/**
 * Every public function checks its options at run time: arbitrary JSON (and a few non-JSON values) given as options
 * either works or throws a TypeError whose message starts with the function's name — never an internal TypeError
 * ("Cannot read properties of undefined") or any other error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  check,
  createTableSql,
  insertRow,
  insertRowSql,
  parse,
  searchRecords,
  toMongo,
  toMongoSearch,
  toPredicate,
  toRow,
  toSql,
  toSqlSearch,
  validateSearchRequest,
} from '../../src/index.js';

const ast = parse("productKey = 'a'");
const request = { orgId: 'o1', expression: "productKey = 'a'" };
const record = { orgId: 'o1', jobId: 'j1', createTime: 1 };

/** Each public function with options, called with `options` in its options place. */
const CALLS: readonly (readonly [string, (options: unknown) => unknown])[] = [
  ['toPredicate', (options) => toPredicate(ast, options as never)],
  ['toMongo', (options) => toMongo(ast, options as never)],
  ['toSql', (options) => toSql(ast, options as never)],
  ['createTableSql', (options) => createTableSql('sqlite', options as never)],
  ['insertRowSql', (options) => insertRowSql('sqlite', options as never)],
  ['insertRow', (options) => insertRow(record, options as never)],
  ['toRow', (options) => toRow(record, options as never)],
  ['toSqlSearch', (options) => toSqlSearch(request, options as never)],
  ['toMongoSearch', (options) => toMongoSearch(request, options as never)],
  ['searchRecords', (options) => searchRecords([record], request, options as never)],
  ['validateSearchRequest', (options) => validateSearchRequest(request, options as never)],
];

/** Option bags close to the real ones (known keys with wrong values) and anything JSON can hold. */
const optionsArbitrary = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      dialect: fc.oneof(fc.constantFrom('postgres', 'mysql', 'sqlite', 'oracle'), fc.jsonValue()),
      schema: fc.jsonValue(),
      mapping: fc.oneof(
        fc.record({ table: fc.jsonValue(), columns: fc.jsonValue() }, { requiredKeys: [] }),
        fc.jsonValue(),
      ),
      limits: fc.jsonValue(),
      requestId: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom<unknown>(() => 1, Symbol('s'), 1n, new Map(), Object.create(null)),
  fc.constant({ dialect: 'sqlite', mapping: { columns: { nope: 'x' } } }),
);

describe('options checked at run time', () => {
  it.each(CALLS)('%s: any options work or give a TypeError named after the function', (name, call) => {
    fc.assert(
      fc.property(optionsArbitrary, (options) => {
        try {
          call(options);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect((error as Error).message.startsWith(`${name}:`), (error as Error).message).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('check never throws, whatever its options', () => {
    fc.assert(
      fc.property(optionsArbitrary, (options) => {
        expect(() => check("productKey = 'a'", options as never)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});
