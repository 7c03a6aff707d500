/**
 * The order of search results (docs/LANGUAGE.md §5), from the API's order keys: for Search OTA Job `createTime`
 * descending, ties broken by `jobId` ascending, so pages never overlap or skip. Strings compare by Unicode code
 * point — what PostgreSQL's "C" collation, MySQL's binary collations, SQLite's BINARY and MongoDB all do — not by
 * UTF-16 code unit as JavaScript's `<` does (the two differ for characters above U+FFFF against U+E000–U+FFFF). A
 * missing integer key sorts as the oldest (lowest), a missing string key as the empty string.
 */
import type { OrderKey } from '../schema/api.js';
import { ownProperty } from '../util/own.js';

export type RecordOrder = (a: unknown, b: unknown) => number;

export function compareBy(order: readonly OrderKey[]): RecordOrder {
  return (a, b) => {
    for (const key of order) {
      const difference =
        key.type === 'integer'
          ? compareIntegers(a, b, key.property)
          : compareCodePoints(stringOf(a, key.property), stringOf(b, key.property));
      if (difference !== 0) return key.direction === 'desc' ? -difference : difference;
    }
    return 0;
  };
}

function compareIntegers(a: unknown, b: unknown, property: string): number {
  const left = numberOf(a, property);
  const right = numberOf(b, property);
  return left === right ? 0 : left < right ? -1 : 1;
}

function numberOf(record: unknown, property: string): number {
  const value = ownProperty(record, property);
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
}

function stringOf(record: unknown, property: string): string {
  const value = ownProperty(record, property);
  return typeof value === 'string' ? value : '';
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
