/**
 * Checks that the grammar's actions call (grammar/expression.peggy). They throw GrammarError, which src/language/parse.ts
 * turns into a located 99400 diagnostic; keeping them here keeps the grammar's actions one line each.
 */
import type { Span } from './ast.js';
import type { Fix } from '../diagnostics/diagnostic.js';

export type GrammarErrorKind = 'syntax' | 'limit';

export class GrammarError extends Error {
  readonly kind: GrammarErrorKind;
  readonly span: Span;
  readonly hint: string | undefined;
  readonly fixes: readonly Fix[] | undefined;

  constructor(kind: GrammarErrorKind, message: string, at: Span, hint?: string, fixes?: readonly Fix[]) {
    super(message);
    this.name = 'GrammarError';
    this.kind = kind;
    this.span = at;
    this.hint = hint;
    this.fixes = fixes;
  }
}

/** A fix that inserts `insert` at each of `offsets` (quotes around a number, a missing closing quote). */
function inserting(message: string, insert: string, offsets: readonly number[]): Fix[] {
  return [{ message, edits: offsets.map((offset) => ({ start: offset, end: offset, insert })) }];
}

const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const PLAIN_INTEGER = /^-?[0-9]+$/;

/** docs/LANGUAGE.md §1: JSON number syntax; plain integers within ±(2^53−1); finite; `-0` is 0. */
export function decodeNumber(raw: string, at: Span): number {
  if (!JSON_NUMBER.test(raw)) {
    throw new GrammarError(
      'syntax',
      `Invalid number ${raw}: numbers are written as in JSON (no leading zeros, digits after "." and after the exponent)`,
      at,
    );
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new GrammarError('syntax', `Number ${raw} is out of range: it is not a finite number`, at);
  }
  if (PLAIN_INTEGER.test(raw) && !Number.isSafeInteger(value)) {
    throw new GrammarError(
      'syntax',
      `Integer ${raw} is out of range: integers are limited to ±9007199254740991 (2^53−1)`,
      at,
      'write it as a string if it is an identifier',
      inserting(`write '${raw}'`, "'", [at.start, at.end]),
    );
  }
  return value === 0 ? 0 : value;
}

const RESERVED_WORDS: readonly string[] = ['and', 'or', 'not', 'in', 'like', 'exists', 'is', 'null', 'true', 'false'];

/**
 * A keyword standing alone is never a field name; `and.x` is a path because the keyword does not stand alone. The
 * parser asks for every field path it reads, so this compares code units in place (`| 32` folds A–Z onto a–z and
 * maps no other code unit onto a letter) instead of allocating a lower-case copy.
 */
export function isReservedWord(name: string): boolean {
  if (name.length < 2 || name.length > 6) return false;
  for (const word of RESERVED_WORDS) if (word.length === name.length && foldedEquals(name, word)) return true;
  return false;
}

function foldedEquals(name: string, word: string): boolean {
  for (let i = 0; i < word.length; i += 1) if ((name.charCodeAt(i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

export function nullValueError(at: Span): never {
  throw new GrammarError(
    'syntax',
    'null is not a value: it appears only in "is null" and "is not null"',
    at,
    'write "f is null" or "f is not null"',
  );
}

export function typographicQuoteError(quote: string, at: Span): never {
  const ascii = quote === '\u2018' || quote === '\u2019' ? "'" : '"';
  throw new GrammarError(
    'syntax',
    `Typographic quote ${quote} is not a string delimiter`,
    at,
    `use the ASCII quote ${ascii} instead of ${quote}`,
  );
}

const ESCAPES: { readonly [quote: string]: RegExp } = { "'": /''|\\([\\'"])/g, '"': /""|\\([\\'"])/g };

/**
 * The value of a string that opens with `quote`, given what the grammar read after it (`body`) and its closing
 * quote (`close`, null when the text ended first). A doubled delimiter stands for one; `\\`, `\'` and `\"` for
 * the character after the backslash; any other backslash stays. `body` is made of exactly these pieces and other
 * characters, so one left-to-right replacement meets the same pieces the grammar read.
 */
export function decodeQuoted(quote: string, body: string, close: string | null, stringSpan: Span): string {
  if (close === null) unterminatedStringError(quote, stringSpan);
  // Most strings hold neither: no replacement to run (a doubled delimiter shows as the quote in the body).
  if (body.indexOf('\\') === -1 && body.indexOf(quote) === -1) return body;
  return body.replace(ESCAPES[quote]!, (_, escaped: string | undefined) => escaped ?? quote);
}

export function unterminatedStringError(quote: string, stringSpan: Span): never {
  throw new GrammarError(
    'syntax',
    `Unterminated string: the ${quote} here is never closed`,
    { start: stringSpan.start, end: stringSpan.start + 1 },
    `end the string with ${quote}; write ${quote}${quote} for a ${quote} inside it`,
    inserting(`end the string with ${quote}`, quote, [stringSpan.end]),
  );
}
