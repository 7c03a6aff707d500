/** toPredicate on the edge cases of test/compile/predicate/rule-cases.ts: exactly the records each row names. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/language/parse.js';
import { toPredicate } from '../../../src/predicate.js';
import { ALL_CASES, schemaOf, type SelectionCase } from './rule-cases.js';

function show(record: unknown): string {
  return JSON.stringify(record) ?? String(record);
}

function expectSelection(row: SelectionCase): void {
  const predicate = toPredicate(parse(row.text), { schema: schemaOf(row) });
  for (const record of row.selects) expect(predicate(record), `${row.text} selects ${show(record)}`).toBe(true);
  for (const record of row.rejects) expect(predicate(record), `${row.text} rejects ${show(record)}`).toBe(false);
}

describe.each(ALL_CASES)('toPredicate: %s', (_, rows) => {
  it.each(rows)('$text', (row) => expectSelection(row));
});
