/**
 * toMongo on the edge cases of test/compile/predicate/rule-cases.ts, with mingo standing in for MongoDB: the filter
 * selects exactly the records each row names, as toPredicate does.
 */
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import { toMongo } from '../../../src/mongo.js';
import { ALL_CASES, schemaOf, type SelectionCase } from '../predicate/rule-cases.js';

function show(record: unknown): string {
  return JSON.stringify(record) ?? String(record);
}

/**
 * What a MongoDB document can be: no arrays (MongoDB matches an array's elements, where the other targets see no
 * value: outside the contract, docs/SEMANTICS.md) and no inherited properties (a stored document has none).
 */
function isDocument(value: unknown): boolean {
  if (Array.isArray(value)) return false;
  if (typeof value !== 'object' || value === null) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(isDocument);
}

function expectSelection(row: SelectionCase): void {
  const query = new Query(toMongo(parse(row.text), { schema: schemaOf(row) }));
  const selects = (record: unknown): boolean => query.test(record as Record<string, unknown>);
  for (const record of row.selects.filter(isDocument))
    expect(selects(record), `${row.text} selects ${show(record)}`).toBe(true);
  for (const record of row.rejects.filter(isDocument))
    expect(selects(record), `${row.text} rejects ${show(record)}`).toBe(false);
}

describe.each(ALL_CASES)('toMongo (mingo): %s', (_, rows) => {
  it.each(rows)('$text', (row) => expectSelection(row));
});
