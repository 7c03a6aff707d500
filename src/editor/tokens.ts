/**
 * A tolerant scanner over the lexical table the grammar reads (src/language/lexical.ts): completion, hover and the
 * CodeMirror highlighter split text into tokens with the very regular expressions the parser matches, so the
 * editor and the parser cannot disagree on where a field, a keyword, a string or a number ends. Unlike the parser it
 * never fails: an unterminated string runs to the end of the text, and anything else is one `invalid` character.
 */
import {
  AND,
  BLANKS,
  DOUBLE_QUOTED_BODY,
  EXISTS,
  FALSE,
  IN,
  IS,
  LIKE,
  NOT,
  NULL,
  NUMBER_RUN,
  OR,
  PATH_REST,
  PATH_START,
  PLAIN_STRING,
  SINGLE_QUOTED_BODY,
  TRUE,
  VALUE_OPERATOR,
} from '../language/lexical.js';

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

const KEYWORDS = [AND, OR, NOT, IN, LIKE, IS, NULL, EXISTS] as const;
const BOOLEANS = [TRUE, FALSE] as const;

/** True when the sticky `re` matches at `at`; `re.lastIndex` is then the end of the match. */
function matchAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The token that starts at `at` (`at < text.length`). */
export function tokenAt(text: string, at: number): Token {
  const token = (kind: TokenKind, end: number): Token => ({ kind, start: at, end });
  const character = text[at]!;
  if (matchAt(BLANKS, text, at) && BLANKS.lastIndex > at) return token('space', BLANKS.lastIndex);
  if (character === '(' || character === ')' || character === ',') return token('punctuation', at + 1);
  if (matchAt(PLAIN_STRING, text, at)) return token('string', PLAIN_STRING.lastIndex);
  if (character === "'" || character === '"') {
    const body = character === "'" ? SINGLE_QUOTED_BODY : DOUBLE_QUOTED_BODY;
    matchAt(body, text, at + 1);
    // The body stops before its own quote or at the end of the text: take the quote when there is one.
    return body.lastIndex < text.length
      ? token('string', body.lastIndex + 1)
      : { kind: 'string', start: at, end: text.length, open: true };
  }
  if (matchAt(NUMBER_RUN, text, at)) return token('number', NUMBER_RUN.lastIndex);
  if (matchAt(VALUE_OPERATOR, text, at)) return token('operator', VALUE_OPERATOR.lastIndex);
  if (matchAt(PATH_START, text, at)) {
    for (const keyword of KEYWORDS) if (matchAt(keyword, text, at)) return token('keyword', keyword.lastIndex);
    for (const boolean of BOOLEANS) if (matchAt(boolean, text, at)) return token('boolean', boolean.lastIndex);
    matchAt(PATH_REST, text, at + 1);
    // A path being typed ends in a dot (`name.`): keep it, so that completion offers the segments after it.
    const end = text[PATH_REST.lastIndex] === '.' ? PATH_REST.lastIndex + 1 : PATH_REST.lastIndex;
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
