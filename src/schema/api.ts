/**
 * An EnOS search API as data: its schema, how its records are scoped and identified, and the order of its pages.
 * The compilers read the schema; the SQL layout (src/compile/sql/layout.ts) and the searches (src/search/) read the
 * rest, so that a new API is one definition in src/apis/ and no new code.
 */
import type { Schema } from './schema.js';

/** One key of the page order. `integer` keys are record properties outside the schema (`createTime`). */
export interface OrderKey {
  readonly property: string;
  readonly direction: 'asc' | 'desc';
  readonly type: 'integer' | 'string';
}

export interface ApiDefinition<S extends Schema = Schema> {
  readonly schema: S;
  /**
   * The record property every search is scoped by: the request's `orgId` must equal it exactly, and records of other
   * organisations are never returned.
   */
  readonly scope: string;
  /** The properties that, with the scope, identify a record (the SQL primary key): strings, always present. */
  readonly key: readonly string[];
  /** The page order; the last key is unique within the scope, so that pages never overlap or skip. */
  readonly order: readonly OrderKey[];
  /** The SQL table's name unless a mapping renames it. */
  readonly table: string;
}

/** What is wrong with `api` as an API definition (for options checked at run time), or undefined. */
export function apiProblem(api: unknown): string | undefined {
  if (typeof api !== 'object' || api === null || Array.isArray(api))
    return 'api must be an API definition { schema, scope, key, order, table }';
  const { schema, scope, key, order, table } = api as Record<string, unknown>;
  const isName = (value: unknown): boolean => typeof value === 'string' && value !== '';
  if (typeof schema !== 'object' || schema === null || !((schema as { lookup?: unknown }).lookup instanceof Map))
    return 'api.schema must be a schema made by defineSchema';
  if (!isName(scope)) return 'api.scope must be a property name';
  if (!Array.isArray(key) || !key.every(isName)) return 'api.key must be an array of property names';
  if (!isName(table)) return 'api.table must be a table name';
  const orderKeys = Array.isArray(order) ? (order as unknown[]) : [];
  const validKey = (each: unknown): boolean => {
    const { property, direction, type } = (typeof each === 'object' && each !== null ? each : {}) as Record<
      string,
      unknown
    >;
    return (
      isName(property) && (direction === 'asc' || direction === 'desc') && (type === 'integer' || type === 'string')
    );
  };
  if (orderKeys.length === 0 || !orderKeys.every(validKey))
    return "api.order must be a non-empty array of { property, direction: 'asc' | 'desc', type: 'integer' | 'string' }";
  return undefined;
}
