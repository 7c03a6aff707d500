/**
 * Document paths and the filters on them. Paths are joined from schema names, map keys and locales. MongoDB reads
 * `$` at the start of a key as an operator, `.` as a step into a sub-document, and cannot store NUL in a key, so a
 * segment with any of them (or an empty one) is refused with a 99400 error instead of becoming an operator or
 * another path (docs/SEMANTICS.md, "Map fields").
 */
import type { Comparison } from '../../language/ast.js';
import { INVALID_PARAMETER } from '../../diagnostics/diagnostic.js';
import { ExpressionError } from '../../diagnostics/expression-error.js';
import type { MongoCondition, MongoFilter, MongoTypeAlias } from './types.js';

/** How a path's candidates appear in a document; every operator is built from `some`. */
export interface MongoPathPlan {
  /**
   * The filter "some present candidate satisfies `condition`". The condition must imply the field's type (it holds
   * `$eq`/`$in` of a typed value, `$regex`, an ordering or `$type`), never `$ne` or `$not`, which match missing
   * fields.
   */
  readonly some: (condition: MongoCondition) => MongoFilter;
  /** The document path when the path has exactly one candidate stored at one place (no i18n fallback). */
  readonly directPath: string | undefined;
  readonly typeAlias: MongoTypeAlias;
}

export function documentPath(node: Comparison, segments: readonly string[]): string {
  for (const segment of segments) {
    if (segment === '' || segment.startsWith('$') || segment.includes('.') || segment.includes('\u0000')) {
      throw new ExpressionError([
        {
          code: INVALID_PARAMETER,
          severity: 'error',
          kind: 'invalid-input',
          message: `Field path ${node.path.text} cannot be queried in MongoDB: ${JSON.stringify(segment)} is not a safe key (a key must not be empty, start with $, or hold . or NUL)`,
          start: node.path.span.start,
          end: node.path.span.end,
          line: 1,
          column: node.path.span.start + 1,
        },
      ]);
    }
  }
  return segments.join('.');
}

export function directPlan(path: string, typeAlias: MongoTypeAlias): MongoPathPlan {
  return { some: (condition) => fieldFilter(path, condition), directPath: path, typeAlias };
}

/**
 * `{ [path]: condition }` as an own data property whatever the path is: a computed key never invokes the
 * `__proto__` setter, and the condition is copied so that no two places of a filter share one object.
 */
export function fieldFilter(path: string, condition: MongoCondition): MongoFilter {
  return { [path]: { ...condition } };
}
