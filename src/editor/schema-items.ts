/**
 * The completion items a schema gives wherever a comparison can start: its field paths (an i18n field's sub-paths,
 * a map's `prefix.`), `(`, and the presence tests some field allows.
 */
import type { Operator } from '../language/ast.js';
import { i18nPaths } from '../schema/resolve.js';
import type { FieldSpec, Schema } from '../schema/schema.js';
import { MEANINGS } from './meanings.js';

/** One completion: what the list shows, what it inserts, and what it is. */
export interface CompletionItem {
  /** What the list shows. */
  readonly label: string;
  /** What the item is: a field path, an operator, a keyword or punctuation, a value, a locale or a map key. */
  readonly kind: 'field' | 'operator' | 'keyword' | 'value' | 'locale' | 'key';
  /** The text that replaces `from..to`. */
  readonly insert: string;
  /** More about it: a field's type and operators, a value's field, an operator's meaning. */
  readonly detail?: string;
}

export function item(kind: CompletionItem['kind'], insert: string, detail?: string, label = insert): CompletionItem {
  return detail === undefined ? { label, kind, insert } : { label, kind, insert, detail };
}

/** A field's type and operators, as a completion's detail and the first line of its hover. */
export function describeField(field: FieldSpec): string {
  return `${field.type} · ${field.operators.join(', ')}`;
}

/** The paths of one field as items: the name, an i18n field's sub-paths, a map's `name.` (its keys follow). */
export function pathItems(name: string, field: FieldSpec): CompletionItem[] {
  const detail = describeField(field);
  if (field.type === 'i18n') return i18nPaths(name, field).map((path) => item('field', path, detail));
  return [item('field', field.type === 'map' ? `${name}.` : name, detail)];
}

/**
 * The items where a comparison starts (`start`), or inside `exists(` / `not exists(` (the operator's name). Made
 * on every call: a few dozen small objects, cheaper than a cache's code in the browser bundle (bench/RESULTS.md).
 */
export function startItems(schema: Schema, inside: 'start' | Operator): CompletionItem[] {
  const items = schema.fieldNames.flatMap((name) => {
    const field = schema.lookup.get(name)!;
    return inside === 'start' || field.operators.includes(inside) ? pathItems(name, field) : [];
  });
  if (inside !== 'start') return items;
  items.push(item('keyword', '('));
  for (const op of ['exists', 'not exists'] as const) {
    if (schemaAllows(schema, op)) items.push(item('keyword', `${op}(`, MEANINGS[op]));
  }
  return items;
}

/** True when some field of `schema` allows `op`. */
export function schemaAllows(schema: Schema, op: Operator): boolean {
  return schema.fieldNames.some((name) => schema.lookup.get(name)!.operators.includes(op));
}
