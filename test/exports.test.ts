/** The public surface: the root entry exports every name of the browser entry (the same objects) and docs/LANGUAGE.md §7's. */
import { describe, expect, it } from 'vitest';
import * as core from '../src/core.js';
import * as root from '../src/index.js';

describe('public exports', () => {
  it('ota-expr re-exports everything ota-expr/core exports, as the same objects', () => {
    for (const [name, value] of Object.entries(core)) expect(root[name as keyof typeof root], name).toBe(value);
  });

  it.each([
    'parse',
    'check',
    'print',
    'otaJobSchema',
    'defineSchema',
    'toPredicate',
    'toSql',
    'toMongo',
    'ExpressionError',
    'searchRecords',
    'toSqlSearch',
    'toMongoSearch',
  ])('docs/LANGUAGE.md §7 names %s', (name) => {
    expect(root).toHaveProperty(name);
  });
});
