/**
 * A tolerant scanner over the grammar's own token rules: src/editor/lexical-table.ts is generated from
 * grammar/expression.peggy (scripts/build-lexical.mjs), so completion, hover and the CodeMirror highlighter split
 * text exactly where the parser does, with no second grammar to drift. Unlike the parser it never fails: an
 * unterminated string runs to the end of the text, and anything else is one `invalid` character.
 */
import { BOOLEAN, FIELD, KEYWORD, NUMBER, OPERATOR, SPACE, STRING } from './lexical-table.js';

/** What a token is, for completion and for the highlighter's colours. */
export type TokenKind =
  'field' | 'keyword' | 'boolean' | 'operator' | 'string' | 'number' | 'punctuation' | 'space' | 'invalid';

/** One token: its kind and `[start, end)` in the text. */
export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** A string whose closing quote has not been typed yet. */
  readonly open?: true;
}

/** True when the sticky `re` matches at `at`; `re.lastIndex` is then the end of the match. */
function matchAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The token that starts at `at` (`at < text.length`). */
export function tokenAt(text: string, at: number): Token {
  const token = (kind: TokenKind, end: number): Token => ({ kind, start: at, end });
  const character = text[at]!;
  if (matchAt(SPACE, text, at) && SPACE.lastIndex > at) return token('space', SPACE.lastIndex);
  if (character === '(' || character === ')' || character === ',') return token('punctuation', at + 1);
  STRING.lastIndex = at;
  const string = STRING.exec(text);
  if (string !== null) {
    // Groups 1 and 2 are the closing quote of the strings that may hold escapes: empty while still open.
    const open = string[1] === '' || string[2] === '';
    return open ? { kind: 'string', start: at, end: STRING.lastIndex, open } : token('string', STRING.lastIndex);
  }
  if (matchAt(NUMBER, text, at)) return token('number', NUMBER.lastIndex);
  if (matchAt(OPERATOR, text, at)) return token('operator', OPERATOR.lastIndex);
  if (matchAt(KEYWORD, text, at)) return token('keyword', KEYWORD.lastIndex);
  if (matchAt(BOOLEAN, text, at)) return token('boolean', BOOLEAN.lastIndex);
  if (matchAt(FIELD, text, at)) {
    // A path being typed ends in a dot (`name.`): keep it, so that completion offers the segments after it.
    const end = text[FIELD.lastIndex] === '.' ? FIELD.lastIndex + 1 : FIELD.lastIndex;
    return token('field', end);
  }
  return token('invalid', at + (text.codePointAt(at)! > 0xffff ? 2 : 1));
}

/** Every token of `text` that starts before `until`, in order. */
export function tokens(text: string, until = text.length): Token[] {
  const found: Token[] = [];
  for (let at = 0; at < until && at < text.length;) {
    const token = tokenAt(text, at);
    found.push(token);
    at = token.end;
  }
  return found;
}
