/**
 * `complete` (docs/LANGUAGE.md §9): what can be typed at the cursor under a schema. The context machine
 * (context.ts) says where the cursor stands; this file turns each place into the items that can be valid there,
 * filtered by what is already typed of the token at the cursor. Works on any text and never throws.
 */
import type { Operator } from '../language/ast.js';
import { OPERATOR_TABLE } from '../language/operators.js';
import { I18N_DEFAULT_SEGMENTS, resolvePath, valueTypeOf, type ResolvedPath } from '../schema/resolve.js';
import type { Schema } from '../schema/schema.js';
import { assertNever } from '../util/assert-never.js';
import { contextAt, type Place } from './context.js';
import { MEANINGS } from './meanings.js';
import { item, schemaAllows, startItems, type CompletionItem } from './schema-items.js';
import type { Token } from './tokens.js';

/** Options of `complete`: the schema, and the values of fields only the application knows. */
export interface CompleteOptions {
  /** Defaults to `otaJobSchema`. */
  readonly schema?: Schema;
  /**
   * Values to offer for a path besides the schema's known values, e.g. product keys fetched from a server; for a
   * map field it is called with the map's name (`deviceTags`) and gives its keys. Called on every completion where
   * a value or key can follow, so it should answer from memory.
   */
  readonly values?: (path: string) => readonly string[];
}

/** What `complete` returns: the items, and the range `from..to` that the chosen item's `insert` replaces. */
export interface Completions {
  readonly from: number;
  readonly to: number;
  readonly items: readonly CompletionItem[];
}

/** `complete` against `schema` (the entry point supplies the default). */
export function completeWith(schema: Schema, text: string, offset: number, options?: CompleteOptions): Completions {
  const cursor = Math.max(0, Math.min(offset | 0, text.length));
  try {
    const context = contextAt(text, cursor);
    const found = itemsAt(context.place, context.token, text, cursor, schema, options?.values);
    const from = found.from ?? context.from;
    const typed = text.slice(from, cursor).toLowerCase();
    const items = found.items.filter((candidate) => candidate.insert.toLowerCase().startsWith(typed));
    return { from, to: Math.max(context.to, from), items };
  } catch {
    // Only a bug or a throwing `values` callback gets here: an editor keeps working with no items.
    return { from: cursor, to: cursor, items: [] };
  }
}

interface Found {
  readonly items: readonly CompletionItem[];
  /** Where the items start when not at the partial token's start (a segment after `name.`). */
  readonly from?: number;
}

function itemsAt(
  place: Place,
  token: Token | undefined,
  text: string,
  cursor: number,
  schema: Schema,
  values: CompleteOptions['values'],
): Found {
  const word = token === undefined ? '' : text.slice(token.start, token.end);
  const quote = token?.kind === 'string' && word[0] === '"' ? '"' : "'";
  const resolved = (path: Token): ResolvedPath | undefined => {
    const resolution = resolvePath(schema, text.slice(path.start, path.end));
    return resolution.ok ? resolution.path : undefined;
  };
  switch (place.at) {
    case 'start':
    case 'exists-path': {
      const inside = place.at === 'start' ? 'start' : place.negated ? 'not exists' : 'exists';
      return segmentsAfterDot(token, word, cursor, schema, values, inside) ?? { items: startItems(schema, inside) };
    }
    case 'not':
      return { items: schemaAllows(schema, 'not exists') ? [item('keyword', 'exists(', MEANINGS['not exists'])] : [] };
    case 'exists':
    case 'list-open':
      return { items: [item('keyword', '(')] };
    case 'exists-close':
      return { items: [item('keyword', ')')] };
    case 'operator': {
      const path = resolved(place.path);
      return { items: path === undefined ? [] : operatorItems(path) };
    }
    case 'is':
    case 'is-not': {
      const operators = resolved(place.path)?.field.operators ?? [];
      const items = [];
      if (place.at === 'is' && operators.includes('is null')) items.push(item('keyword', 'null', MEANINGS['is null']));
      if (operators.includes('is not null'))
        items.push(item('keyword', place.at === 'is' ? 'not null' : 'null', MEANINGS['is not null']));
      return { items };
    }
    case 'value':
    case 'list-value': {
      const op = place.at === 'list-value' ? 'in' : place.op === '<>' ? '!=' : place.op;
      const path = resolved(place.path);
      // The operator token is one of the value operators, so `op` is an operator of the table.
      const takesKnown = op === '=' || op === '!=' || op === 'in';
      if (path === undefined || !takesKnown || !path.field.operators.includes(op as Operator)) return { items: [] };
      return { items: valueItems(path, text.slice(place.path.start, place.path.end), quote, values) };
    }
    case 'list-next':
      return { items: [item('keyword', ','), item('keyword', ')')] };
    case 'after':
      return { items: schema.logical.map((logical) => item('keyword', `${logical} `, MEANINGS[logical], logical)) };
    case 'pattern':
    case 'lost':
      return { items: [] };
    default:
      return assertNever(place);
  }
}

/**
 * After `name.` of an i18n field: its locales and default; after `tags.` of a map: the keys the application knows.
 * Only with the cursor past the dot: in the name part (`na|me.zh`) the whole path is being typed again.
 */
function segmentsAfterDot(
  token: Token | undefined,
  word: string,
  cursor: number,
  schema: Schema,
  values: CompleteOptions['values'],
  inside: 'start' | 'exists' | 'not exists',
): Found | undefined {
  const dot = word.indexOf('.');
  if (token === undefined || token.kind !== 'field' || dot < 0 || cursor <= token.start + dot) return undefined;
  const name = word.slice(0, dot);
  const field = schema.lookup.get(name);
  if (field === undefined || (inside !== 'start' && !field.operators.includes(inside))) return { items: [] };
  const from = token.start + dot + 1;
  // The detail names the field the segment belongs to.
  if (field.type === 'i18n') {
    return {
      from,
      items: [...I18N_DEFAULT_SEGMENTS, ...field.locales].map((segment) => item('locale', segment, name)),
    };
  }
  if (field.type === 'map') return { from, items: (values?.(name) ?? []).map((key) => item('key', key, name)) };
  return { items: [] };
}

/** The operators a path allows, in the schema's order, each inserting the punctuation that must follow it. */
function operatorItems(path: ResolvedPath): CompletionItem[] {
  return path.field.operators
    .filter((op) => OPERATOR_TABLE[op].form !== 'prefix')
    .map((op) => {
      const insert =
        op === 'in' ? 'in (' : op === 'like' ? "like '" : OPERATOR_TABLE[op].operand === 'none' ? op : `${op} `;
      return item('operator', insert, MEANINGS[op], op);
    });
}

/** The values of a path: its field's known values (or true and false), then the application's, quoted. */
function valueItems(
  path: ResolvedPath,
  pathText: string,
  quote: string,
  values: CompleteOptions['values'],
): CompletionItem[] {
  if (path.kind === 'scalar' && path.field.type === 'boolean') {
    return [item('value', 'true', pathText), item('value', 'false', pathText)];
  }
  const known = path.kind === 'scalar' && path.field.type === 'string' ? (path.field.values ?? []) : [];
  // The application's values are strings: offered where a string can stand (a map of scalars takes strings too).
  const type = valueTypeOf(path);
  const extra = type === 'string' || type === 'scalar' ? (values?.(pathText) ?? []) : [];
  const all = new Set([...known, ...extra]);
  return [...all].map((value) => item('value', quote + value.split(quote).join(quote + quote) + quote, pathText));
}
