/**
 * An EnOS search API as the searches and the SQL layout read it: the schema with its search rules resolved. A schema
 * made with `search` rules is an API by itself (`apiOf(schema)`); one without them borrows the rules of the API it
 * is used with (the entry points' default, Search OTA Job), so a schema that only validates still searches.
 */
import type { Schema, SearchRules, SortKey } from './schema.js';

/** An EnOS search API: a schema with its search rules resolved (scope, id, order, page size, sorters, table). */
export interface ApiDefinition<S extends Schema = Schema> {
  /** The schema that validates the API's filters. */
  readonly schema: S;
  /**
   * The record property every search is scoped by: the request's `orgId` must equal it exactly, and records of other
   * organisations are never returned. Always `orgId` for EnOS.
   */
  readonly scope: string;
  /** The record's id: unique within the scope, the last key of every order, and with the scope the SQL key. */
  readonly id: string;
  /** The default order before the id. */
  readonly order: readonly SortKey[];
  /** The default and the largest page size. */
  readonly pageSize: SearchRules['pageSize'];
  /** The fields `pagination.sorters` may name; undefined when the API takes no sorters. */
  readonly sorters: readonly Omit<SortKey, 'direction'>[] | undefined;
  /** The SQL table's name unless a mapping renames it. */
  readonly table: string;
}

const SCOPE = 'orgId';
const apis = new WeakMap<Schema, ApiDefinition>();
const borrowed = new WeakMap<ApiDefinition, WeakMap<Schema, ApiDefinition>>();

/**
 * The API of a schema with search rules, made once per schema. `fallback` lends its rules to a schema without them;
 * without a fallback such a schema is a programming error.
 * @example
 * ```ts
 * const api = apiOf(otaJobSchema);
 * console.log(api.table, api.id);
 * ```
 */
export function apiOf<S extends Schema>(schema: S, fallback?: ApiDefinition): ApiDefinition<S> {
  const rules = schema.search;
  if (rules === undefined) {
    if (fallback === undefined) throw new TypeError(`schema ${schema.name} has no search rules`);
    if (fallback.schema === schema) return fallback as ApiDefinition<S>;
    // One object per (fallback, schema), so that what is cached per API (the SQL layout) is cached for it too.
    let bySchema = borrowed.get(fallback);
    if (bySchema === undefined) borrowed.set(fallback, (bySchema = new WeakMap()));
    let api = bySchema.get(schema);
    if (api === undefined) bySchema.set(schema, (api = { ...fallback, schema }));
    return api as ApiDefinition<S>;
  }
  let api = apis.get(schema);
  if (api === undefined) {
    api = {
      schema,
      scope: SCOPE,
      id: rules.id,
      order: rules.order,
      pageSize: rules.pageSize,
      sorters: rules.sorters,
      table: rules.table ?? schema.name.replace(/-/g, '_'),
    };
    apis.set(schema, api);
  }
  return api as ApiDefinition<S>;
}

/** The API a call works on: the given schema's (its own rules, or the default's), else the default API. */
export function apiFor(schema: Schema | undefined, defaultApi: ApiDefinition): ApiDefinition {
  return schema === undefined ? defaultApi : apiOf(schema, defaultApi);
}
