/**
 * Where the cursor stands in the grammar (docs/LANGUAGE.md §2), read from the tokens before it: the small machine
 * below follows the grammar's shape of a comparison (path, operator, operand) and of the logical operators between
 * them, token by token, without building a tree, so it works on the half-typed and invalid text an editor holds.
 * On a token the grammar would refuse it stops offering anything until the next `and`, `or` or `(`, where a new
 * comparison can start.
 */
import { assertNever } from '../util/assert-never.js';
import { tokenAt, type Token } from './tokens.js';

/** The place in the grammar after the committed tokens, with the comparison's path once it has been read. */
export type Place =
  | { readonly at: 'start' }
  | { readonly at: 'not' }
  | { readonly at: 'exists'; readonly negated: boolean }
  | { readonly at: 'exists-path'; readonly negated: boolean }
  | { readonly at: 'exists-close' }
  | { readonly at: 'operator'; readonly path: Token }
  | { readonly at: 'is'; readonly path: Token }
  | { readonly at: 'is-not'; readonly path: Token }
  | { readonly at: 'value'; readonly path: Token; readonly op: string }
  | { readonly at: 'pattern'; readonly path: Token }
  | { readonly at: 'list-open'; readonly path: Token }
  | { readonly at: 'list-value'; readonly path: Token }
  | { readonly at: 'list-next'; readonly path: Token }
  | { readonly at: 'after' }
  | { readonly at: 'lost' };

/** The place of the cursor and the token being typed there (`from..to`, empty between tokens). */
export interface CursorContext {
  readonly place: Place;
  /** The partial token under the cursor, replaced by a completion; `from === to === offset` when there is none. */
  readonly from: number;
  readonly to: number;
  /** The token under the cursor, when there is one. */
  readonly token: Token | undefined;
}

export const START: Place = { at: 'start' };
const AFTER: Place = { at: 'after' };
const LOST: Place = { at: 'lost' };

/**
 * The context at `offset`: every token that ends before the cursor is committed and moves the machine; the token
 * that holds the cursor (or ends at it: a word, a string, an operator being typed) is the partial one.
 */
export function contextAt(text: string, offset: number): CursorContext {
  let place: Place = START;
  for (let at = 0; at < offset && at < text.length;) {
    const token = tokenAt(text, at);
    if (isPartial(token, offset)) return { place, from: token.start, to: token.end, token };
    place = step(place, token, text);
    at = token.end;
  }
  return { place, from: offset, to: offset, token: undefined };
}

/**
 * The token being typed at `offset`: one the cursor is inside, or a word, a number or an open string that ends at
 * the cursor (`prod|`, `-5e|`, `'sta|`); a complete string, an operator or a parenthesis just before it is done.
 */
function isPartial(token: Token, offset: number): boolean {
  if (token.kind === 'space' || token.kind === 'punctuation' || token.end < offset) return false;
  if (token.end > offset) return true;
  return token.kind !== 'string' && token.kind !== 'operator' ? token.kind !== 'invalid' : token.open === true;
}

/** One token of the grammar: the place it leads to from `place`. */
export function step(place: Place, token: Token, text: string): Place {
  if (token.kind === 'space') return place;
  const word = token.kind === 'keyword' ? text.slice(token.start, token.end).toLowerCase() : '';
  const punctuation = token.kind === 'punctuation' ? text[token.start] : '';
  const isValue = token.kind === 'string' || token.kind === 'number' || token.kind === 'boolean';
  switch (place.at) {
    case 'start':
      if (punctuation === '(') return START;
      if (token.kind === 'field') return { at: 'operator', path: token };
      if (word === 'not') return { at: 'not' };
      return word === 'exists' ? { at: 'exists', negated: false } : LOST;
    case 'not':
      return word === 'exists' ? { at: 'exists', negated: true } : LOST;
    case 'exists':
      return punctuation === '(' ? { at: 'exists-path', negated: place.negated } : LOST;
    case 'exists-path':
      return token.kind === 'field' ? { at: 'exists-close' } : LOST;
    case 'exists-close':
      return punctuation === ')' ? AFTER : LOST;
    case 'operator':
      if (token.kind === 'operator') return { at: 'value', path: place.path, op: text.slice(token.start, token.end) };
      if (word === 'in') return { at: 'list-open', path: place.path };
      if (word === 'like') return { at: 'pattern', path: place.path };
      return word === 'is' ? { at: 'is', path: place.path } : LOST;
    case 'is':
      if (word === 'not') return { at: 'is-not', path: place.path };
      return word === 'null' ? AFTER : LOST;
    case 'is-not':
      return word === 'null' ? AFTER : LOST;
    case 'value':
      return isValue ? AFTER : LOST;
    case 'pattern':
      return token.kind === 'string' ? AFTER : LOST;
    case 'list-open':
      return punctuation === '(' ? { at: 'list-value', path: place.path } : LOST;
    case 'list-value':
      return isValue ? { at: 'list-next', path: place.path } : LOST;
    case 'list-next':
      if (punctuation === ',') return { at: 'list-value', path: place.path };
      return punctuation === ')' ? AFTER : LOST;
    case 'after':
      if (word === 'and' || word === 'or') return START;
      return punctuation === ')' ? AFTER : LOST;
    case 'lost':
      return word === 'and' || word === 'or' || punctuation === '(' ? START : LOST;
    default:
      return assertNever(place);
  }
}
