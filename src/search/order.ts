/**
 * The order of search results (docs/LANGUAGE.md §5): the API's default order or the request's sorters, then the
 * record's id ascending, so pages never overlap or skip. Strings compare by Unicode code point — what PostgreSQL's
 * "C" collation, MySQL's binary collations, SQLite's BINARY and MongoDB all do — not by UTF-16 code unit as
 * JavaScript's `<` does (the two differ for characters above U+FFFF against U+E000–U+FFFF). An absent value
 * (missing, null, or of the wrong type) is smaller than every present one: first ascending, last descending.
 */
import type { SortKey } from '../schema/schema.js';
import { DATETIME_FORM } from '../schema/resolve.js';
import { ownProperty } from '../util/own.js';

/** A sort comparator of records: negative, zero or positive, as `Array.prototype.sort` takes. */
export type RecordOrder = (a: unknown, b: unknown) => number;

/** The comparator of `keys`, each compared by its type; `id` last, ascending. */
export function compareBy(keys: readonly SortKey[], id: string): RecordOrder {
  const all: readonly SortKey[] = [...keys, { field: id, direction: 'asc', type: 'string' }];
  return (a, b) => {
    for (const key of all) {
      const difference = compareValues(sortValue(a, key), sortValue(b, key));
      if (difference !== 0) return key.direction === 'desc' ? -difference : difference;
    }
    return 0;
  };
}

/** The value a record sorts by, or undefined when it is absent (which sorts first). */
export function sortValue(record: unknown, key: Omit<SortKey, 'direction'>): string | number | undefined {
  const value = ownProperty(record, key.field);
  switch (key.type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'datetime':
      return typeof value === 'string' && DATETIME_FORM.test(value) ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    default: {
      const unknownType: never = key.type;
      throw new Error(`unknown sort type ${String(unknownType)}`);
    }
  }
}

function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return compareCodePoints(String(a), String(b));
}

export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const unitA = a.charCodeAt(index);
    const unitB = b.charCodeAt(index);
    if (unitA !== unitB) {
      // Surrogates (D800–DFFF) encode code points above FFFF: they must sort after every BMP unit.
      const surrogateA = unitA >= 0xd800 && unitA <= 0xdfff;
      const surrogateB = unitB >= 0xd800 && unitB <= 0xdfff;
      if (surrogateA !== surrogateB) return surrogateA ? 1 : -1;
      return unitA - unitB;
    }
  }
  return a.length - b.length;
}
