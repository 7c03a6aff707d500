/**
 * The 18 APIs the page offers: each schema of `schemas` with its search rules (`apiOf`), the columns its results
 * table shows, and how to read a record's cell. The columns are derived from the schema, not listed per API, so an
 * API added to `schemas` appears here with no change: the id, then the first scalar and i18n fields, then the order
 * keys (createTime…), which are what a person scans a page by.
 */
import { apiOf, describeSchema, schemas, type ApiDefinition, type SchemaDescription } from 'ota-expr/core';

/** The built-in APIs' names: the keys of `schemas` without its index signature (for schemas of one's own). */
export type ApiName = keyof { [K in keyof typeof schemas as string extends K ? never : K]: unknown } & string;

export interface PlaygroundApi {
  readonly name: ApiName;
  readonly definition: ApiDefinition;
  readonly description: SchemaDescription;
  /** Property paths of the record shown as the results table's columns. */
  readonly columns: readonly Column[];
}

export interface Column {
  /** The record property (first segment) and, for an i18n field, `defaultValue` under it. */
  readonly label: string;
  readonly read: (record: unknown) => unknown;
}

/** How many schema fields the table shows besides the id and the order keys (narrow screens scroll sideways). */
const FIELD_COLUMNS = 4;

export const API_NAMES: readonly ApiName[] = Object.keys(schemas) as ApiName[];

export const DEFAULT_API_NAME: ApiName = 'ota-job';

export function isApiName(name: string): name is ApiName {
  return (API_NAMES as readonly string[]).includes(name);
}

const cache = new Map<ApiName, PlaygroundApi>();

export function playgroundApi(name: ApiName): PlaygroundApi {
  let api = cache.get(name);
  if (api === undefined) {
    const definition = apiOf(schemas[name]);
    const description = describeSchema(definition.schema);
    api = { name, definition, description, columns: columnsOf(definition, description) };
    cache.set(name, api);
  }
  return api;
}

function columnsOf(definition: ApiDefinition, description: SchemaDescription): Column[] {
  const columns: Column[] = [{ label: definition.id, read: property(definition.id) }];
  const taken = new Set([definition.id]);
  for (const field of description.fields) {
    if (columns.length > FIELD_COLUMNS || taken.has(field.name)) continue;
    switch (field.type) {
      case 'map':
        continue;
      case 'i18n':
        columns.push({ label: field.name, read: i18nDefault(field.name) });
        break;
      case 'string':
      case 'number':
      case 'boolean':
      case 'datetime':
        columns.push({ label: field.name, read: property(field.name) });
        break;
      default:
        field.type satisfies never;
    }
    taken.add(field.name);
  }
  for (const key of definition.order) {
    if (!taken.has(key.field)) columns.push({ label: key.field, read: property(key.field) });
    taken.add(key.field);
  }
  return columns;
}

function property(name: string): (record: unknown) => unknown {
  return (record) => (isObject(record) && Object.hasOwn(record, name) ? record[name] : undefined);
}

function i18nDefault(name: string): (record: unknown) => unknown {
  const read = property(name);
  return (record) => {
    const value = read(record);
    return isObject(value) && Object.hasOwn(value, 'defaultValue') ? value['defaultValue'] : value;
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A cell's text: strings as they are, other values as JSON, absent as empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
