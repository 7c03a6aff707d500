/**
 * The bookkeeping behind the predicate's closure copies (src/compile/predicate/copies/): which copy a key gets, that
 * a key keeps it, and that both tables stop growing at 1,024 keys, so that a process compiling filters for endless
 * schemas keeps bounded memory. Which copy runs never changes what a filter selects (many-fields.test.ts,
 * predicate-sites.test.ts); these are the promises of slots.ts and of the handle cache themselves. A file of its own,
 * so that the module-level tables start empty.
 */
import { describe, expect, it } from 'vitest';
import { scalarTests } from '../../../src/compile/predicate/copies/index.js';
import { SlotTable } from '../../../src/compile/predicate/copies/slots.js';

const LIMIT = 1024;
const keys = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
// The table's own map, read to check its bound (a TypeScript-private field, reachable by name).
const remembered = (table: SlotTable): number =>
  (table['slots' as keyof SlotTable] as unknown as Map<string, number>).size;

describe('SlotTable', () => {
  it('gives keys the copies in turn, in first-asked order, and a key the same copy every time', () => {
    const table = new SlotTable(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => table.slotOf(key))).toEqual([0, 1, 2, 0, 1]);
    expect(['c', 'a', 'e'].map((key) => table.slotOf(key))).toEqual([2, 0, 1]);
  });

  it('remembers 1,024 keys and no more; later keys are spread over the copies by a hash, the same each time', () => {
    const table = new SlotTable(3);
    for (const key of keys(LIMIT, 'k')) table.slotOf(key);
    expect(remembered(table)).toBe(LIMIT);
    const late = keys(40, 'late');
    const slots = late.map((key) => table.slotOf(key));
    expect(remembered(table)).toBe(LIMIT);
    expect(late.map((key) => table.slotOf(key))).toEqual(slots);
    for (const slot of slots) expect([0, 1, 2]).toContain(slot);
    // Spread, not all on one copy (the copy the count alone would give).
    expect(new Set(slots).size).toBe(3);
    // The remembered keys keep their copies.
    expect(['k0', 'k1', 'k2', 'k1023'].map((key) => table.slotOf(key))).toEqual([0, 1, 2, 1023 % 3]);
  });
});

describe('the handle cache of scalarTests', () => {
  it('hands out the same handle for a field name, for the first 1,024 names only', () => {
    const names = keys(LIMIT, 'field');
    const first = names.map((name) => scalarTests(name));
    names.forEach((name, index) => expect(scalarTests(name)).toBe(first[index]));
    // Past the bound a handle is made afresh each time: correct, only not cached.
    const late = scalarTests('one-too-many');
    expect(scalarTests('one-too-many')).not.toBe(late);
    expect(scalarTests('field0')).toBe(first[0]);
  });
});
