/**
 * Renders a diagnostic for people: the message, the source line, and carets under the span. Padding keeps the
 * line's own tabs and ideographic spaces, and East Asian wide characters take two columns, so the caret lands
 * under the right character in a terminal even in Chinese text.
 */
import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  /** ANSI colours; off unless asked for (the CLI turns them on for a TTY). */
  readonly color?: boolean;
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

export function formatDiagnostic(text: string, diagnostic: Diagnostic, options: FormatOptions = {}): string {
  const paint = (code: string, value: string): string => (options.color ? `${code}${value}${RESET}` : value);
  const lines = text.split(/\r\n|\r|\n/);
  const source = lines[diagnostic.line - 1] ?? '';
  const lineStart = diagnostic.start - (diagnostic.column - 1);
  const before = source.slice(0, diagnostic.column - 1);
  const spanEndInLine = Math.min(diagnostic.end - lineStart, source.length);
  const underlined = source.slice(diagnostic.column - 1, Math.max(spanEndInLine, diagnostic.column - 1));
  const carets = '^'.repeat(Math.max(1, displayWidth(underlined)));
  const gutter = String(diagnostic.line);
  const blank = ' '.repeat(gutter.length);
  const colour = diagnostic.severity === 'error' ? RED : YELLOW;
  const out = [
    `${paint(BOLD + colour, `${diagnostic.severity} ${diagnostic.code}`)}: ${diagnostic.message}`,
    `${blank} --> line ${diagnostic.line}, column ${diagnostic.column}`,
    `${blank} |`,
    `${gutter} | ${source}`,
    `${blank} | ${padLike(before)}${paint(colour, carets)}`,
  ];
  if (diagnostic.hint !== undefined) out.push(`${blank} = hint: ${diagnostic.hint}`);
  return out.join('\n');
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
