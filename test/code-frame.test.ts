/** The code frame under a diagnostic: caret placement with tabs, ideographic spaces and wide characters. */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/diagnostics/code-frame.js';
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

  it('shows the kind when asked', () => {
    const text = "name = 'x'";
    expect(formatDiagnostic(text, check(text).diagnostics[0]!, { kind: true }).split('\n')[0]).toBe(
      'error 99400 (operator-not-allowed): Do not allow operator op =, allowed op [like]',
    );
  });

  it('cuts a long line to a window around the caret, marking each cut with …', () => {
    const text = `${"productKey = 'a' and ".repeat(40)}name = 'x'${" and productKey = 'b'".repeat(40)}`;
    const lines = formatDiagnostic(text, check(text).diagnostics[0]!, { maxWidth: 60 }).split('\n');
    expect(lines[3]!.length).toBeLessThanOrEqual(60);
    expect(lines[3]).toMatch(/^1 \| …[^…]+…$/);
    const caret = lines[4]!.indexOf('^');
    expect(lines[3]!.slice(caret, caret + 1)).toBe('=');
    expect(lines[3]!.slice(caret - 5, caret)).toBe('name ');
  });

  it('keeps the window within the width for wide characters, and never splits a surrogate pair', () => {
    const text = `name.zh_CN like '${'固件😀'.repeat(40)}' and foo = 1`;
    const diagnostic = check(text).diagnostics[0]!;
    const lines = formatDiagnostic(text, diagnostic, { maxWidth: 50 }).split('\n');
    expect(displayWidth(lines[3]!)).toBeLessThanOrEqual(50);
    expect(lines[3]).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    const caretColumn = displayWidth(lines[4]!.slice(0, lines[4]!.indexOf('^')));
    const sourceBefore = [...lines[3]!].reduce<{ width: number; text: string }>(
      (acc, char) => (acc.width < caretColumn ? { width: acc.width + displayWidth(char), text: acc.text + char } : acc),
      { width: 0, text: '' },
    );
    expect(lines[3]!.slice(sourceBefore.text.length, sourceBefore.text.length + 3)).toBe('foo');
  });

  it('leaves a line that fits as it is', () => {
    expect(frame("name = 'x'")).toBe(
      formatDiagnostic("name = 'x'", check("name = 'x'").diagnostics[0]!, { maxWidth: 200 }),
    );
  });
});
