/**
 * Turns peggy's failure report into docs/LANGUAGE.md §4's syntax diagnostic: what was expected, in words a user knows, what was
 * found (the whole token, not one character), and where.
 */
import type { Span } from './ast.js';
import type { Problem } from '../diagnostics/diagnostic.js';
import { lineAndColumn } from '../diagnostics/diagnostic.js';
import { mistakeAt } from './mistakes.js';

const OPERATOR_WORDS = 'an operator (=, !=, <>, <, <=, >, >=, in, like, is null, is not null)';

/** Display names and literals of the grammar, in the order a message lists them; `null` hides one. */
const EXPECTATION_WORDS: ReadonlyMap<string, string | null> = new Map([
  ['field', 'a field name'],
  ['value', 'a value (a quoted string, a number, true or false)'],
  ['string', 'a quoted string'],
  ['number', 'a number'],
  ['comparison operator', OPERATOR_WORDS],
  ['in', OPERATOR_WORDS],
  ['like', OPERATOR_WORDS],
  ['is', OPERATOR_WORDS],
  // Punctuation and the other keywords are shown as they are written, in quotes.
  ...['(', 'exists', 'not', 'null', ',', ')', 'and', 'or'].map((key) => [key, JSON.stringify(key)] as const),
  ['end', 'the end of the expression'],
  // The one class a failure names outside a named rule is the typographic quote a like pattern may open with:
  // `"character"` would tell the user nothing (`a like foo` expects a quoted string, and says only that).
  ['character', null],
  ['white space', null],
]);

export function syntaxProblem(text: string, offset: number, expected: readonly string[]): Problem {
  const keys = new Set(expected);
  const mistake = mistakeAt(text, offset, keys.has('value') || keys.has('string'));
  const token = mistake?.span ?? tokenAt(text, offset);
  const found =
    token.start === token.end ? 'the end of the expression' : JSON.stringify(text.slice(token.start, token.end));
  const { line, column } = lineAndColumn(text, token.start);
  const parserSays = `expected ${describeExpected(keys)}, but found ${found}`;
  const says =
    mistake === undefined
      ? parserSays
      : mistake.addsToExpected
        ? `${parserSays}: ${mistake.explanation}`
        : mistake.explanation;
  const problem: Problem = {
    severity: 'error',
    kind: 'syntax',
    message: `Syntax error at line ${line}, column ${column}: ${says}`,
    span: token,
  };
  return mistake === undefined || mistake.fixes.length === 0 ? problem : { ...problem, fixes: mistake.fixes };
}

/** `keys` are the generated parser's expectation keys (grammar/plugins/direct-code/keys.mjs): literals, rule names, `end`. */
function describeExpected(keys: ReadonlySet<string>): string {
  const words: string[] = [];
  for (const [key, phrase] of EXPECTATION_WORDS) {
    if (phrase !== null && keys.has(key) && !words.includes(phrase)) words.push(phrase);
  }
  for (const key of keys) {
    if (!EXPECTATION_WORDS.has(key)) words.push(JSON.stringify(key));
  }
  if (words.length === 0) return 'something else';
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * A token: a quoted string (to its closing quote, or to the end of the text when it has none; a backslash takes the
 * character after it along, a doubled quote stands inside), else a run of path or keyword characters, else a run of
 * operator characters.
 */
const TOKEN = /'(?:[^'\\]+|''|\\[^]?)*'?|"(?:[^"\\]+|""|\\[^]?)*"?|[A-Za-z0-9_.\-/]+|[<>=!&|]+/y;

/** The token that starts at `offset`, so that a span covers `andx` or `&&` rather than one character of it. */
export function tokenAt(text: string, offset: number): Span {
  if (offset >= text.length) return { start: text.length, end: text.length };
  TOKEN.lastIndex = offset;
  if (TOKEN.test(text)) return { start: offset, end: TOKEN.lastIndex };
  const codePoint = text.codePointAt(offset)!;
  return { start: offset, end: offset + (codePoint > 0xffff ? 2 : 1) };
}
