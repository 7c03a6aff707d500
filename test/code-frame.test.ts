/** The code frame under a diagnostic: caret placement with tabs, ideographic spaces and wide characters. */
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostic } from '../src/index.js';

const frame = (text: string): string => formatDiagnostic(text, check(text).diagnostics[0]!);

describe('formatDiagnostic', () => {
  it('draws the seed error with a caret under the operator', () => {
    expect(frame("name = 'x'")).toBe(
      [
        'error 99400: Do not allow operator op =, allowed op [like]',
        '  --> line 1, column 6',
        '  |',
        "1 | name = 'x'",
        '  |      ^',
      ].join('\n'),
    );
  });

  it('keeps tabs and ideographic spaces, and counts Chinese characters as two columns', () => {
    const text = "name.zh_CN like '固件'\tand\u3000foo = 1";
    const lines = frame(text).split('\n');
    expect(lines[3]).toBe(`1 | ${text}`);
    expect(lines[4]).toBe(`  | ${' '.repeat(16)}${' '.repeat(6)}\t   \u3000^^^`);
  });

  it('shows the line of the problem, with a hint', () => {
    const lines = frame("productKey = 'a'\nand prodctKey = 'b'").split('\n');
    expect(lines[1]).toBe('  --> line 2, column 5');
    expect(lines[3]).toBe("2 | and prodctKey = 'b'");
    expect(lines[4]).toBe('  |     ^^^^^^^^^');
    expect(lines[5]).toBe('  = hint: did you mean productKey?');
  });

  it('draws one caret for an empty span at the end', () => {
    expect(frame('productKey =').split('\n')[4]).toBe('  |             ^');
  });

  it('colours only when asked', () => {
    const text = "name = 'x'";
    const diagnostic = check(text).diagnostics[0]!;
    expect(formatDiagnostic(text, diagnostic)).not.toContain('\u001b[');
    expect(formatDiagnostic(text, diagnostic, { color: true })).toContain('\u001b[31m');
  });
});
