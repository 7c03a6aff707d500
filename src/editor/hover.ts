/**
 * `hover` (docs/LANGUAGE.md §9): one short text about the token under the pointer. A field: its type, operators,
 * locales or known values; an operator or a logical keyword: what it means; a value: whether its field knows it.
 * Reads the same tokens and context machine as completion; never throws.
 */
import type { Operator } from '../language/ast.js';
import { decodeQuoted } from '../language/grammar-support.js';
import { resolvePath, type ResolvedPath } from '../schema/resolve.js';
import type { Schema } from '../schema/schema.js';
import { assertNever } from '../util/assert-never.js';
import { START, step, type Place } from './context.js';
import { MEANINGS } from './meanings.js';
import { describeField } from './schema-items.js';
import { tokenAt, type Token } from './tokens.js';

/** Options of `hover`: the schema the text is read against. */
export interface HoverOptions {
  /** Defaults to `otaJobSchema`. */
  readonly schema?: Schema;
}

/** What `hover` returns: the text about the token at `start..end`. */
export interface Hover {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** `hover` against `schema` (the entry point supplies the default). */
export function hoverWith(schema: Schema, text: string, offset: number): Hover | null {
  try {
    let place: Place = START;
    for (let at = 0; at < text.length;) {
      const token = tokenAt(text, at);
      // The token under the pointer: the one it is over, or a word it has just passed (the end of the text).
      if (offset < token.end || (offset === token.end && token.end === text.length)) {
        if (offset < token.start || token.kind === 'space') return null;
        const about = describe(token, place, text, schema);
        return about === undefined ? null : { start: token.start, end: token.end, text: about };
      }
      place = step(place, token, text);
      at = token.end;
    }
    return null;
  } catch {
    return null;
  }
}

function describe(token: Token, place: Place, text: string, schema: Schema): string | undefined {
  const word = text.slice(token.start, token.end);
  switch (token.kind) {
    case 'field':
      return describePath(word, schema);
    case 'operator':
      return explain(word === '<>' ? '!=' : (word as Operator));
    case 'keyword':
      return explain(keywordOperator(word.toLowerCase(), place, text, token.end));
    case 'string':
    case 'number':
    case 'boolean':
      return describeValue(token, word, place, text, schema);
    default:
      return undefined;
  }
}

function explain(op: keyof typeof MEANINGS | undefined): string | undefined {
  return op === undefined ? undefined : `${op}: ${MEANINGS[op]}`;
}

/** The operator a keyword belongs to: `not` starts `not exists` or sits in `is not null`, and so on. */
function keywordOperator(word: string, place: Place, text: string, end: number): keyof typeof MEANINGS | undefined {
  switch (word) {
    case 'and':
    case 'or':
    case 'in':
    case 'like':
      return word;
    case 'exists':
      return place.at === 'not' ? 'not exists' : 'exists';
    case 'not':
      return place.at === 'is' ? 'is not null' : 'not exists';
    case 'is':
      return /^\s+not\b/i.test(text.slice(end, end + 16)) ? 'is not null' : 'is null';
    case 'null':
      return place.at === 'is-not' ? 'is not null' : 'is null';
    default:
      return undefined;
  }
}

function describePath(pathText: string, schema: Schema): string {
  const resolution = resolvePath(schema, pathText);
  // The diagnostic on the path gives the did-you-mean; the hover only says what the path is not.
  if (!resolution.ok) return `${pathText}: not a field of ${schema.name}`;
  const { path } = resolution;
  return `${pathText}: ${describeField(path.field)}${aboutPath(path)}`;
}

function aboutPath(path: ResolvedPath): string {
  switch (path.kind) {
    case 'scalar':
      return path.field.type === 'string' && path.field.values !== undefined
        ? ` · known values ${path.field.values.map((value) => `'${value}'`).join(', ')}`
        : '';
    case 'i18n':
      return ` · locales ${path.field.locales.join(', ')}`;
    case 'map':
      return ` · key ${path.key}`;
    default:
      return assertNever(path);
  }
}

function describeValue(token: Token, word: string, place: Place, text: string, schema: Schema): string {
  const kind = `a ${token.kind} value`;
  if ((place.at !== 'value' && place.at !== 'list-value') || token.kind !== 'string' || token.open) return kind;
  const pathText = text.slice(place.path.start, place.path.end);
  const resolution = resolvePath(schema, pathText);
  const known =
    resolution.ok && resolution.path.kind === 'scalar' && resolution.path.field.type === 'string'
      ? resolution.path.field.values
      : undefined;
  if (known === undefined) return `${kind} of ${pathText}`;
  const value = decodeQuoted(word[0]!, word.slice(1, -1), word[0]!, token);
  return known.includes(value)
    ? `${word}: a known value of ${pathText}`
    : `${word}: not a known value of ${pathText}, which knows ${known.join(', ')}`;
}
