/**
 * The lexical table (docs/LANGUAGE.md §1): the token rules of the language as sticky regular expressions. The
 * grammar's token rules (grammar/expression.peggy) match these at the current position, and the editor's
 * highlighter and completion scanner (src/editor/tokens.ts) read the same objects, so there is one source of the
 * token rules and nothing to drift. Each is sticky (`y`): a reader sets `lastIndex` to where it stands, then tests.
 */

/** A keyword must not run into an identifier character or a `.`: `andx` and `and.x` are paths. */
const KEYWORD_END = '(?![A-Za-z0-9_.])';
const keyword = (word: string): RegExp => new RegExp(word + KEYWORD_END, 'iy');

export const AND = keyword('and');
export const OR = keyword('or');
export const NOT = keyword('not');
export const IN = keyword('in');
export const LIKE = keyword('like');
export const IS = keyword('is');
export const NULL = keyword('null');
export const EXISTS = keyword('exists');
export const TRUE = keyword('true');
export const FALSE = keyword('false');
/** The first character of a field path (the grammar matches it with a class, which peggy needs to see). */
export const PATH_START = /[A-Za-z_]/y;
/**
 * A field path after its first character: the rest of the name `[A-Za-z0-9_]*`, then `.segment`s, a segment being
 * `[A-Za-z0-9_\-/]+` (EnOS tag keys hold `-` and `/`).
 */
export const PATH_REST = /[A-Za-z0-9_]*(?:\.[A-Za-z0-9_\-/]+)*/y;
/** A string in either quote with neither a backslash nor a doubled delimiter inside (most strings): one step. */
export const PLAIN_STRING = /'[^'\\]*'(?!')|"[^"\\]*"(?!")/y;
/**
 * What follows the opening quote of any other string, up to its closing quote: characters other than the
 * delimiter and `\`, doubled delimiters (`''` in a '…' string stands for '), and escapes: `\\`, `\'` or `\"` stand
 * for the character after the backslash; any other backslash is kept as it is. Read from left to right as a PEG
 * repetition would (nothing after it can fail, so it never needs to backtrack): `'a\'` and `'a''` end without a
 * closing quote.
 */
export const SINGLE_QUOTED_BODY = /(?:[^'\\]+|''|\\[\\'"]?)*/y;
export const DOUBLE_QUOTED_BODY = /(?:[^"\\]+|""|\\[\\'"]?)*/y;
/** A comparison operator taking a value; longer spellings before their prefixes, so that `<=` is not read as `<`. */
export const VALUE_OPERATOR = /=|!=|<>|<=|<|>=|>/y;
/** One run of number-like characters, checked against JSON's syntax afterwards (grammar-support.ts). */
export const NUMBER_RUN = /-?[0-9](?:[eE][+-]|[0-9A-Za-z_.])*/y;
/** Space, tab, CR, LF, U+00A0 and U+3000 (the ideographic space of Chinese input methods). */
export const BLANKS = /[ \t\r\n\u00A0\u3000]*/y;
