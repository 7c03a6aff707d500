/**
 * A record as a row of its layout (layout.ts). Values of the wrong type are stored as NULL, i.e. absent
 * (docs/SEMANTICS.md "Presence"), order keys included (an integer key that is not a safe integer is absent); the
 * scope and the id must be strings, else a TypeError names the property; every string in the record (keys
 * included) must be storable (NUL and lone surrogates are refused, shared/text.ts), because the document column
 * holds it all.
 */
import { DATETIME_FORM } from '../../schema/resolve.js';
import { assertNever } from '../../util/assert-never.js';
import { isContainer, ownProperty } from '../../util/own.js';
import { unstorableReason } from '../shared/text.js';
import type { LayoutColumn, SqlLayout } from './layout.js';

/** A column's value: NULL stands for an absent (or wrong-typed) value. */
export type SqlValue = string | number | boolean | null;

/** The row of `record`, keyed by column name. */
export function rowOf(layout: SqlLayout, record: unknown): Record<string, SqlValue> {
  if (!isContainer(record)) throw new TypeError('toRow: a record object is required');
  const scopeValue = ownProperty(record, layout.scope.key);
  const identity = (): string =>
    layout.primaryKey.map((column) => `${column.key} ${JSON.stringify(ownProperty(record, column.key))}`).join(', ');
  const row: Record<string, SqlValue> = {};
  for (const column of layout.columns) {
    row[column.name] = columnValue(
      column,
      record,
      column === layout.scope ? '' : ` (${layout.scope.key} ${JSON.stringify(scopeValue)})`,
    );
  }
  assertStorable(record, `record ${identity()}`);
  return row;
}

function columnValue(column: LayoutColumn, record: Readonly<Record<string, unknown>>, scopeNote: string): SqlValue {
  const source = column.source;
  switch (source.kind) {
    case 'document':
      return JSON.stringify(record);
    case 'i18n-default':
      return stringOrNull(ownProperty(ownProperty(record, source.field), 'defaultValue'));
    case 'i18n-locale':
      return stringOrNull(ownProperty(ownProperty(ownProperty(record, source.field), 'i18nValue'), source.locale));
    case 'property':
      break;
    default:
      return assertNever(source);
  }
  const value = ownProperty(record, source.property);
  switch (column.type) {
    case 'key':
      if (typeof value !== 'string') throw new TypeError(`toRow: ${source.property} must be a string${scopeNote}`);
      return value;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
    case 'string':
    case 'text':
    case 'json':
    case 'entryField':
    case 'entryKey':
      return stringOrNull(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'datetime':
      return typeof value === 'string' && DATETIME_FORM.test(value) ? value : null;
    default:
      return assertNever(column.type);
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Walks the whole record: PostgreSQL's jsonb refuses `\u0000` and lone surrogates as its text columns do. */
function assertStorable(value: unknown, where: string, path = ''): void {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    if (reason !== undefined) throw new TypeError(`toRow: ${where}: the value at ${path || '(root)'} ${reason}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, where, `${path}[${index}]`));
  } else if (isContainer(value)) {
    for (const key of Object.keys(value)) {
      const reason = unstorableReason(key);
      if (reason !== undefined)
        throw new TypeError(`toRow: ${where}: the property name at ${path || '(root)'} ${reason}`);
      assertStorable(value[key], where, path === '' ? key : `${path}.${key}`);
    }
  }
}

/** One row of the entries table: the record's scope and id, the map field, the key, and the value in its column. */
export type EntryRow = readonly [
  scope: string,
  id: string,
  field: string,
  key: string,
  text: string | null,
  number: number | null,
  boolean: boolean | null,
];

/**
 * The entries of `record`'s map fields, one per own key whose value has the map's type (a string; for a map of
 * scalars a string, a finite number or a boolean). Other entries are absent, as in every target.
 */
export function entryRowsOf(layout: SqlLayout, record: Readonly<Record<string, unknown>>): EntryRow[] {
  const entries = layout.entries;
  if (entries === undefined) return [];
  const scope = ownProperty(record, layout.scope.key) as string;
  const id = ownProperty(record, layout.primaryKey[1]!.key) as string;
  const rows: EntryRow[] = [];
  for (const field of entries.maps) {
    const map = ownProperty(record, field);
    if (!isContainer(map)) continue;
    const scalars = layout.mapValues(field) === 'scalar';
    for (const key of Object.keys(map)) {
      const value = map[key];
      if (typeof value === 'string') rows.push([scope, id, field, key, value, null, null]);
      else if (scalars && typeof value === 'number' && Number.isFinite(value))
        rows.push([scope, id, field, key, null, value, null]);
      else if (scalars && typeof value === 'boolean') rows.push([scope, id, field, key, null, null, value]);
    }
  }
  return rows;
}
