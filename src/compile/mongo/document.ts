/**
 * Document paths and the filters on them. Paths are joined from schema names, map keys and locales. MongoDB reads
 * `$` at the start of a key as an operator, `.` as a step into a sub-document, and cannot store NUL in a key, so a
 * segment with any of them (or an empty one) is refused with a 99400 error instead of becoming an operator or
 * another path (docs/SEMANTICS.md, "Map fields").
 */
import type { Comparison } from '../../language/ast.js';
import type { ResolvedPath } from '../../schema/resolve.js';
import type { MongoCondition, MongoFilter } from './types.js';

/** How a path's candidates appear in a document; every operator is built from `some`. */
export interface MongoCandidates {
  /**
   * The filter "some present candidate satisfies `condition`". The condition must imply the field's type (it holds
   * `$eq`/`$in` of a typed value, `$regex`, an ordering or `$type`), never `$ne` or `$not`, which match missing
   * fields.
   */
  readonly some: (condition: MongoCondition) => MongoFilter;
  /** The document path when the path has exactly one candidate stored at one place (no i18n fallback). */
  readonly directPath: string | undefined;
  /**
   * The condition "present": the value has the path's type (`$type`, and for a datetime its form, `$regex`). It is
   * what `exists` tests, and what `!=` and the ordering operators add where their own condition does not imply it.
   */
  readonly presence: MongoCondition;
  /** True when an ordering condition alone does not imply presence (a datetime: any string compares with one). */
  readonly orderingNeedsPresence: boolean;
}

/** The segments of `path` that cannot be MongoDB keys: a map key is user text, the rest comes from the schema. */
export function unsafeKeys(path: ResolvedPath): string[] {
  const segments = path.kind === 'map' ? [path.name, path.key] : [path.name];
  return segments.filter(isUnsafeKey);
}

export function unsafeKeyMessage(pathText: string, segment: string): string {
  return `Field path ${pathText} cannot be queried in MongoDB: ${JSON.stringify(segment)} is not a safe key (a key must not be empty, start with $, or hold . or NUL)`;
}

function isUnsafeKey(segment: string): boolean {
  return segment === '' || segment.startsWith('$') || segment.includes('.') || segment.includes('\u0000');
}

/** Joins segments the front door has checked (MONGO_TARGET); an unsafe one here is a bug, never a query. */
export function documentPath(node: Comparison, segments: readonly string[]): string {
  const unsafe = segments.find(isUnsafeKey);
  if (unsafe !== undefined) throw new Error(`internal error: ${unsafeKeyMessage(node.path.text, unsafe)}`);
  return segments.join('.');
}

export function directCandidates(
  path: string,
  presence: MongoCondition,
  orderingNeedsPresence = false,
): MongoCandidates {
  return { some: (condition) => fieldFilter(path, condition), directPath: path, presence, orderingNeedsPresence };
}

/**
 * `{ [path]: condition }` as an own data property whatever the path is: a computed key never invokes the
 * `__proto__` setter, and the condition is copied so that no two places of a filter share one object.
 */
export function fieldFilter(path: string, condition: MongoCondition): MongoFilter {
  return { [path]: { ...condition } };
}
