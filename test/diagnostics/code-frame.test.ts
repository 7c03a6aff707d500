/**
 * The code frame's rules (src/diagnostics/code-frame.ts), each at its boundaries: which characters take two
 * terminal columns, where the carets go for spans at the edges of a line, the window cut out of a line wider than
 * `maxWidth` (a third of the room before the caret, `…` at each cut, surrogate pairs kept whole), and the colours.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/diagnostics/code-frame.js';
import { locate, locateInTree } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic, type Diagnostic, type FormatOptions } from '../../src/index.js';

/** A diagnostic covering `[start, end)` of `text`, placed as `check` places one. */
const at = (text: string, start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  ...locate(text, { severity: 'error', kind: 'syntax', message: 'm', span: { start, end } }),
  ...extra,
});

/** The source line and the caret line of the frame, without their gutters. */
const frameLines = (text: string, diagnostic: Diagnostic, options?: FormatOptions): [string, string] => {
  const lines = formatDiagnostic(text, diagnostic, options).split('\n');
  return [lines[3]!.replace(/^\d+ \| /, ''), lines[4]!.replace(/^ +\| /, '')];
};

describe('displayWidth: East Asian wide and full-width characters and emoji take two columns', () => {
  it.each([
    [0x10ff, 1],
    [0x1100, 2],
    [0x115f, 2],
    [0x1160, 1],
    [0x2e7f, 1],
    [0x2e80, 2],
    [0x303e, 2],
    [0x303f, 1],
    [0x3040, 2],
    [0xa4cf, 2],
    [0xa4d0, 1],
    [0xabff, 1],
    [0xac00, 2],
    [0xd7a3, 2],
    [0xd7a4, 1],
    [0xf8ff, 1],
    [0xf900, 2],
    [0xfaff, 2],
    [0xfb00, 1],
    [0xfe2f, 1],
    [0xfe30, 2],
    [0xfe4f, 2],
    [0xfe50, 1],
    [0xfeff, 1],
    [0xff00, 2],
    [0xff60, 2],
    [0xff61, 1],
    [0xffdf, 1],
    [0xffe0, 2],
    [0xffe6, 2],
    [0xffe7, 1],
    [0x1f2ff, 1],
    [0x1f300, 2],
    [0x1faff, 2],
    [0x1fb00, 1],
    [0x1ffff, 1],
    [0x20000, 2],
    [0x3fffd, 2],
    [0x3fffe, 1],
  ])('U+%s is %i wide', (code, width) => {
    expect(displayWidth(String.fromCodePoint(code))).toBe(width);
  });

  it('adds the widths of the characters, counting a surrogate pair once', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('a固😀\u{10000}')).toBe(6);
  });

  it('draws as many carets as the span is wide', () => {
    const text = "k = '\u1100\u115f\u1160'";
    expect(frameLines(text, at(text, 5, 8))).toEqual([text, '     ^^^^^']);
  });
});

describe('carets at the edges of a line', () => {
  it('a span running on to the next line is underlined to the end of its first line', () => {
    const text = 'abc = 1 and\nxyz = 2';
    expect(frameLines(text, at(text, 4, 15))).toEqual(['abc = 1 and', '    ^^^^^^^']);
  });

  it('a span on the second line of a CRLF or CR text is drawn under that line', () => {
    for (const text of ['a = 1\r\nbc = 2', 'a = 1\rbc = 2']) {
      const start = text.indexOf('bc');
      const lines = formatDiagnostic(text, at(text, start, start + 2)).split('\n');
      expect(lines.slice(1, 5)).toEqual(['  --> line 2, column 1', '  |', '2 | bc = 2', '  | ^^']);
    }
  });

  it('a column past the end of its line puts the caret just after the line', () => {
    const text = 'ab\ncd';
    expect(frameLines(text, { ...at(text, 0, 1), column: 9, start: 8, end: 9 })).toEqual(['ab', '  ^']);
  });

  it('a line past the end of the text shows an empty source line', () => {
    const text = 'ab';
    const lines = formatDiagnostic(text, { ...at(text, 2, 2), line: 3, column: 1 }).split('\n');
    expect(lines.slice(1)).toEqual(['  --> line 3, column 1', '  |', '3 | ', '  | ^']);
  });

  it('a diagnostic from a tree (line 1, column start + 1) is drawn on the first line', () => {
    const text = 'abc = 1';
    const diagnostic = locateInTree({ severity: 'error', kind: 'syntax', message: 'm', span: { start: 4, end: 5 } });
    expect(frameLines(text, diagnostic)).toEqual(['abc = 1', '    ^']);
  });

  it('the gutter is as wide as the line number', () => {
    const text = `${'a = 1 and\n'.repeat(9)}b = x`;
    const start = text.length - 1;
    const lines = formatDiagnostic(text, { ...at(text, start, start + 1), hint: 'h' }).split('\n');
    expect(lines.slice(1)).toEqual(['   --> line 10, column 5', '   |', '10 | b = x', '   |     ^', '   = hint: h']);
  });
});

describe('colours, when asked for', () => {
  it('an error is bold red in its label and red in its carets', () => {
    const text = 'a = x';
    expect(formatDiagnostic(text, at(text, 4, 5), { color: true }).split('\n')).toEqual([
      '\u001b[1m\u001b[31merror 99400\u001b[0m: m',
      '  --> line 1, column 5',
      '  |',
      '1 | a = x',
      '  |     \u001b[31m^\u001b[0m',
    ]);
  });

  it('a warning is yellow, and the kind is inside the colour', () => {
    const text = 'a = x';
    const warning = at(text, 4, 5, { severity: 'warning', kind: 'unknown-value' });
    const lines = formatDiagnostic(text, warning, { color: true, kind: true }).split('\n');
    expect(lines[0]).toBe('\u001b[1m\u001b[33mwarning 99400 (unknown-value)\u001b[0m: m');
    expect(lines[4]).toBe('  |     \u001b[33m^\u001b[0m');
  });

  it('no colour at all by default or with color: false', () => {
    const text = 'a = x';
    const plain = ['error 99400: m', '  --> line 1, column 5', '  |', '1 | a = x', '  |     ^'].join('\n');
    expect(formatDiagnostic(text, at(text, 4, 5))).toBe(plain);
    expect(formatDiagnostic(text, at(text, 4, 5), { color: false, kind: false })).toBe(plain);
  });
});

describe('maxWidth: a line wider than the budget is cut to a window around the caret', () => {
  // 30 columns; with a one-digit gutter, maxWidth 24 leaves a budget of 20 columns for the source.
  const line = 'abcdefghijklmnopqrstuvwxyz0123';

  it('a line exactly as wide as the budget is shown whole; one column more is cut', () => {
    const fits = line.slice(0, 20);
    expect(frameLines(fits, at(fits, 3, 4), { maxWidth: 24 })).toEqual([fits, '   ^']);
    const wider = line.slice(0, 21);
    expect(frameLines(wider, at(wider, 3, 4), { maxWidth: 24 })).toEqual(['abcdefghijklmnopqr…', '   ^']);
    expect(frameLines(wider, at(wider, 3, 4), { maxWidth: 25 })).toEqual([wider, '   ^']);
  });

  it('the budget is never under 20 columns', () => {
    const wider = line.slice(0, 21);
    for (const maxWidth of [0, 5, 23, 24]) {
      expect(frameLines(wider, at(wider, 3, 4), { maxWidth })[0]).toBe('abcdefghijklmnopqr…');
    }
  });

  it('the gutter counts against the width', () => {
    const text = `${'\n'.repeat(9)}${line.slice(0, 21)}`;
    const start = text.length - 18;
    const lines = formatDiagnostic(text, at(text, start, start + 1), { maxWidth: 26 }).split('\n');
    expect(lines[3]).toBe('10 | abcdefghijklmnopqrstu');
    expect(formatDiagnostic(text, at(text, start, start + 1), { maxWidth: 25 }).split('\n')[3]).toBe(
      '10 | abcdefghijklmnopqr…',
    );
  });

  it('a third of the room (budget minus the two ellipses) goes before the caret, the rest after', () => {
    // room 18: 6 columns before the caret, 12 from it on.
    expect(frameLines(line, at(line, 15, 16), { maxWidth: 24 })).toEqual(['…jklmnopqrstuvwxyz0…', '       ^']);
    expect(frameLines(line, at(line, 6, 7), { maxWidth: 24 })).toEqual(['abcdefghijklmnopqr…', '      ^']);
    expect(frameLines(line, at(line, 7, 8), { maxWidth: 24 })).toEqual(['…bcdefghijklmnopqrs…', '       ^']);
  });

  it('no ellipsis at an end of the line the window reaches', () => {
    expect(frameLines(line, at(line, 0, 1), { maxWidth: 24 })).toEqual(['abcdefghijklmnopqr…', '^']);
    expect(frameLines(line, at(line, 29, 30), { maxWidth: 24 })).toEqual(['…xyz0123', '       ^']);
    expect(frameLines(line, at(line, 30, 30), { maxWidth: 24 })).toEqual(['…yz0123', '       ^']);
    expect(frameLines(line, at(line, 18, 19), { maxWidth: 24 })).toEqual(['…mnopqrstuvwxyz0123', '       ^']);
    expect(frameLines(line, at(line, 17, 18), { maxWidth: 24 })).toEqual(['…lmnopqrstuvwxyz012…', '       ^']);
  });

  it('a span longer than the window is underlined to the window’s end', () => {
    expect(frameLines(line, at(line, 15, 30), { maxWidth: 24 })).toEqual([
      '…jklmnopqrstuvwxyz0…',
      '       ^^^^^^^^^^^^',
    ]);
  });

  it('wide characters count two columns on each side of the caret', () => {
    // Before the caret, three wide characters fill the 6 columns exactly; a fourth would not fit.
    const wide = `固固固固${'x'.repeat(30)}`;
    expect(frameLines(wide, at(wide, 4, 5), { maxWidth: 24 })).toEqual(['…固固固xxxxxxxxxxxx…', '       ^']);
    // After the caret, 12 columns: six wide characters exactly.
    const after = `${'x'.repeat(10)}${'固'.repeat(10)}`;
    expect(frameLines(after, at(after, 10, 11), { maxWidth: 24 })).toEqual(['…xxxxxx固固固固固固…', '       ^^']);
    // A wide character that would take the 12th and 13th columns is left out.
    const odd = `${'x'.repeat(10)}y${'固'.repeat(10)}`;
    expect(frameLines(odd, at(odd, 10, 11), { maxWidth: 24 })).toEqual(['…xxxxxxy固固固固固…', '       ^']);
  });

  it('a wide character that would pass the columns before the caret stays out', () => {
    const text = `a固xxxxx${'y'.repeat(30)}`;
    // Walking back from the caret: five x (5 columns), then 固 would make 7 > 6.
    expect(frameLines(text, at(text, 7, 8), { maxWidth: 24 })).toEqual(['…xxxxxyyyyyyyyyyyyy…', '      ^']);
  });
});

describe('maxWidth keeps surrogate pairs whole at the cut before the caret', () => {
  // U+10000 (D800 DC00) and U+10FFFF (DBFF DFFF) are one column each and sit at the edges of both surrogate ranges.
  it.each([['\u{10000}'], ['\u{10FFFF}'], ['\u{103FF}'], ['\u{10FC00}']])(
    '%s just inside the columns before the caret is shown whole',
    (pair) => {
      const text = `${'z'.repeat(5)}${pair}abcde${'y'.repeat(30)}`;
      const start = 5 + 2 + 5;
      expect(frameLines(text, at(text, start, start + 1), { maxWidth: 24 })).toEqual([
        `…${pair}abcdeyyyyyyyyyyyy…`,
        '       ^',
      ]);
    },
  );

  it('a pair at the very start of the line is kept, with no ellipsis before it', () => {
    const text = `\u{10000}abcde${'y'.repeat(30)}`;
    expect(frameLines(text, at(text, 7, 8), { maxWidth: 24 })).toEqual(['\u{10000}abcdeyyyyyyyyyyyy…', '      ^']);
  });

  it.each([
    ['a lone low surrogate after a letter', 'a\udc00'],
    ['two lone low surrogates', '\udc00\udc00'],
    ['a lone high surrogate before a private-use character', '\ud800\ue000'],
    ['a lone high surrogate before a letter', '\ud800q'],
    ['a lone high surrogate before a high surrogate', '\ud800\udbff'],
  ])('%s are two characters: only the second fits the columns before the caret', (_, pair) => {
    const text = `zzzz${pair}abcde${'y'.repeat(30)}`;
    const start = 4 + 2 + 5;
    expect(frameLines(text, at(text, start, start + 1), { maxWidth: 24 })).toEqual([
      `…${pair[1]}abcdeyyyyyyyyyyyy…`,
      '       ^',
    ]);
  });

  it('a lone low surrogate at the start of the line is one character', () => {
    const text = `\udc00abcde${'y'.repeat(30)}`;
    expect(frameLines(text, at(text, 6, 7), { maxWidth: 24 })).toEqual([`\udc00abcdeyyyyyyyyyyyy…`, '      ^']);
  });

  it('after the caret, a pair is taken whole', () => {
    const text = `${'x'.repeat(10)}${'\u{10000}'.repeat(20)}`;
    expect(frameLines(text, at(text, 10, 12), { maxWidth: 24 })).toEqual([
      `…xxxxxx${'\u{10000}'.repeat(12)}…`,
      '       ^',
    ]);
  });
});
