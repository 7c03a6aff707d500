/**
 * The order of search results (SPEC §5): `createTime` descending, ties broken by `jobId` ascending, so pages never
 * overlap or skip. Strings compare by Unicode code point — what PostgreSQL's "C" collation, MySQL's binary
 * collations, SQLite's BINARY and MongoDB all do — not by UTF-16 code unit as JavaScript's `<` does (the two differ
 * for characters above U+FFFF against U+E000–U+FFFF). A missing createTime sorts as the oldest.
 */
export function compareSearchOrder(a: unknown, b: unknown): number {
  const timeA = createTimeOf(a);
  const timeB = createTimeOf(b);
  if (timeA !== timeB) return timeB - timeA > 0 ? 1 : -1;
  return compareCodePoints(jobIdOf(a), jobIdOf(b));
}

function createTimeOf(record: unknown): number {
  const value = ownProperty(record, 'createTime');
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
}

function jobIdOf(record: unknown): string {
  const value = ownProperty(record, 'jobId');
  return typeof value === 'string' ? value : '';
}

export function ownProperty(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null && Object.prototype.hasOwnProperty.call(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
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
