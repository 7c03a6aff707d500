/**
 * Common mistakes, recognised where a parse fails: habits from other languages (`==`, `&&`, `||`, `!`), what input
 * methods and word processors put in (typographic quotes, full-width punctuation), characters nobody can see
 * (a BOM, a zero-width space) and a string without quotes. A post-pass on the syntax error (syntax-error.ts and
 * parse.ts call it), never a rule of the grammar: a valid text never gets here, and each case turns "expected …,
 * but found …" into what to change, with a fix an editor can apply. Table-driven and terse because it ships in the
 * browser entry (test/packaging/size-budget.test.ts).
 */
import type { Span } from './ast.js';
import type { Fix } from '../diagnostics/diagnostic.js';

/** What a mistake changes in the syntax error: its explanation, the text it covers, and the repair. */
export interface Mistake {
  /** What is wrong, in words; it replaces "expected …, but found …" unless `addsToExpected`. */
  readonly explanation: string;
  /** The explanation follows the parser's own message instead of replacing it (an unquoted word). */
  readonly addsToExpected?: boolean;
  readonly span: Span;
  readonly fixes: readonly Fix[];
}

/**
 * Spellings from elsewhere and what this language writes instead: operators of C-like languages, full-width
 * punctuation of Chinese input methods. `&&` and `||` get spaces around their word when they touch their operands.
 */
const INSTEAD: { readonly [found: string]: string } = {
  '==': '=',
  '&&': 'and',
  '||': 'or',
  '\uFF08': '(',
  '\uFF09': ')',
  '\uFF0C': ',',
  '\uFF1D': '=',
  '\uFF01': '!',
};
const TYPOGRAPHIC = /[\u2018\u2019\u201C\u201D]/;
/** Unicode's format characters: BOM, zero-width space and joiners, direction marks, soft hyphen… */
const INVISIBLE = /\p{Cf}/u;
const WORD = /[A-Za-z_][\w.\-/]*/y;

/**
 * The mistake at `offset`, where the parser stopped; `expectsValue` when a value or a string could stand there
 * (an unquoted word is then a string without its quotes). Undefined when the error is not one of these.
 */
export function mistakeAt(text: string, offset: number, expectsValue: boolean): Mistake | undefined {
  const character = text[offset] ?? '';
  // `==` fails at its second `=` (the first is read as the operator).
  const start = character === '=' && text[offset - 1] === '=' ? offset - 1 : offset;
  const found = INSTEAD[text.slice(start, start + 2)] === undefined ? character : text.slice(start, start + 2);
  const instead = INSTEAD[found];
  const span = { start, end: start + found.length };
  const replace = (insert: string, message: string): Fix[] => [{ message, edits: [{ ...span, insert }] }];
  if (instead !== undefined) {
    const spaced = instead.length > 1 ? pad(text, span, instead) : instead;
    return {
      explanation: `write ${instead} instead of ${found}`,
      span,
      fixes: replace(spaced, `replace ${found} with ${instead}`),
    };
  }
  if (character === '!' && text[offset + 1] !== '=') {
    return {
      explanation: "negation is written !=, not exists(f) or is not null; EnOS Edge's (!f = 'v') form is not supported",
      span,
      fixes: [],
    };
  }
  if (TYPOGRAPHIC.test(character)) {
    return {
      explanation: `typographic quote ${character} is not a string delimiter`,
      span,
      fixes: quoteFixes(text, offset),
    };
  }
  if (INVISIBLE.test(character)) {
    const name = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      explanation: `invisible character ${name} (pasted with the text?)`,
      span,
      fixes: replace('', `remove ${name}`),
    };
  }
  WORD.lastIndex = offset;
  if (expectsValue && WORD.test(text)) {
    const word = { start: offset, end: WORD.lastIndex };
    const quoted = `'${text.slice(word.start, word.end)}'`;
    return {
      explanation: 'strings need quotes',
      addsToExpected: true,
      span: word,
      fixes: [{ message: `write ${quoted}`, edits: [{ ...word, insert: quoted }] }],
    };
  }
  return undefined;
}

/**
 * The fix of a typographic quote at `offset`: it and the next typographic quote (its partner, when the text has
 * one) become the ASCII quote of the opening one's kind, so `‘x’` becomes `'x'`.
 */
export function quoteFixes(text: string, offset: number): Fix[] {
  const opening = text[offset]!;
  const ascii = opening < '\u201C' ? "'" : '"';
  const partner = text.slice(offset + 1).search(TYPOGRAPHIC);
  const quotes = partner < 0 ? [offset] : [offset, offset + 1 + partner];
  return [
    {
      message: `replace ${quotes.map((at) => text[at]).join(' and ')} with ${ascii}`,
      edits: quotes.map((at) => ({ start: at, end: at + 1, insert: ascii })),
    },
  ];
}

/** `word` with a space on each side where `span`'s neighbour is not already blank (`'a'&&b` → `'a' and b`). */
function pad(text: string, span: Span, word: string): string {
  const blank = (index: number): boolean => !/\S/.test(text[index] ?? '');
  return `${blank(span.start - 1) ? '' : ' '}${word}${blank(span.end) ? '' : ' '}`;
}
