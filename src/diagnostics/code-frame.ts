/**
 * Renders a diagnostic for people: the message, the source line, and carets under the span. Padding keeps the
 * line's own tabs and ideographic spaces, and East Asian wide characters take two columns, so the caret lands
 * under the right character in a terminal even in Chinese text.
 */
import type { Diagnostic } from './diagnostic.js';

/** How {@link formatDiagnostic} renders: colour, the diagnostic's kind, and the widest line. */
export interface FormatOptions {
  /** ANSI colours; off unless asked for (the CLI turns them on for a terminal, and honours NO_COLOR / FORCE_COLOR). */
  readonly color?: boolean;
  /** Show the diagnostic's `kind` after its code: `error 99400 (operator-not-allowed): …`. Off by default. */
  readonly kind?: boolean;
  /**
   * The widest a source line of the frame may be, in terminal columns, gutter included. A longer line is cut to a
   * window around the caret, with `…` where text was left out, so that a 20,000-character expression still prints
   * a short frame. Default: no limit.
   */
  readonly maxWidth?: number;
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/**
 * Renders a diagnostic for people: the severity, code and message, the line and column, the source line and carets
 * under the span, and the hint when there is one. Carets stay aligned under tabs, ideographic spaces and wide
 * (Chinese) characters.
 *
 * @example
 * ```ts
 * import { check, formatDiagnostic } from 'ota-expr';
 *
 * const text = "name = 'x'";
 * console.log(formatDiagnostic(text, check(text).diagnostics[0]!));
 * // error 99400: Do not allow operator op =, allowed op [like]
 * //   --> line 1, column 6
 * //   |
 * // 1 | name = 'x'
 * //   |      ^
 * ```
 */
export function formatDiagnostic(text: string, diagnostic: Diagnostic, options: FormatOptions = {}): string {
  const paint = (code: string, value: string): string => (options.color ? `${code}${value}${RESET}` : value);
  const lines = text.split(/\r\n|\r|\n/);
  const fullSource = lines[diagnostic.line - 1] ?? '';
  const lineStart = diagnostic.start - (diagnostic.column - 1);
  const caretStart = Math.min(diagnostic.column - 1, fullSource.length);
  const caretEnd = Math.max(Math.min(diagnostic.end - lineStart, fullSource.length), caretStart);
  const gutter = String(diagnostic.line);
  const blank = ' '.repeat(gutter.length);
  const budget = options.maxWidth === undefined ? Infinity : Math.max(20, options.maxWidth - gutter.length - 3);
  const { source, start, end } = windowAround(fullSource, caretStart, caretEnd, budget);
  const before = source.slice(0, start);
  const underlined = source.slice(start, end);
  const carets = '^'.repeat(Math.max(1, displayWidth(underlined)));
  const colour = diagnostic.severity === 'error' ? RED : YELLOW;
  const label = options.kind
    ? `${diagnostic.severity} ${diagnostic.code} (${diagnostic.kind})`
    : `${diagnostic.severity} ${diagnostic.code}`;
  const out = [
    `${paint(BOLD + colour, label)}: ${diagnostic.message}`,
    `${blank} --> line ${diagnostic.line}, column ${diagnostic.column}`,
    `${blank} |`,
    `${gutter} | ${source}`,
    `${blank} | ${padLike(before)}${paint(colour, carets)}`,
  ];
  if (diagnostic.hint !== undefined) out.push(`${blank} = hint: ${diagnostic.hint}`);
  return out.join('\n');
}

const ELLIPSIS = '\u2026';

/**
 * The part of `line` to show when it is wider than `budget` columns: a third of the budget before the caret, the
 * rest after, cut at code points and marked with `…` at each cut. Offsets come back relative to the shown text.
 */
function windowAround(
  line: string,
  start: number,
  end: number,
  budget: number,
): { source: string; start: number; end: number } {
  if (displayWidth(line) <= budget) return { source: line, start, end };
  const room = budget - 2; // one column for each ellipsis
  let from = start;
  let used = 0;
  const leftBudget = Math.floor(room / 3);
  while (from > 0) {
    const previous = codePointBefore(line, from);
    const width = displayWidth(previous);
    if (used + width > leftBudget) break;
    used += width;
    from -= previous.length;
  }
  let to = from + line.slice(from, start).length;
  while (to < line.length) {
    const next = String.fromCodePoint(line.codePointAt(to)!);
    const width = displayWidth(next);
    if (used + width > room) break;
    used += width;
    to += next.length;
  }
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < line.length ? ELLIPSIS : '';
  return {
    source: `${head}${line.slice(from, to)}${tail}`,
    start: head.length + (start - from),
    end: head.length + (Math.min(end, to) - from),
  };
}

function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

/** White space that keeps the alignment of `prefix`: tabs and wide spaces are copied, other characters measured. */
function padLike(prefix: string): string {
  let pad = '';
  for (const char of prefix) {
    if (char === '\t' || char === '\u3000') pad += char;
    else pad += ' '.repeat(displayWidth(char));
  }
  return pad;
}

/** Terminal columns: 2 for East Asian wide and full-width characters and emoji, 1 otherwise. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const char of value) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
