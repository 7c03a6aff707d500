/**
 * A diagnostic's fixes as a compiler's suggestions, under its code frame: `= help: replace ‘ and ’ with '`, then
 * the line as the fix leaves it, so the user sees the repair before making it. The JSON output carries the fixes
 * as data (`fixes` of each diagnostic); this is the human form.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyFixTo } from '../editor/fixes.js';

const CYAN = '\u001b[36m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/** The help lines of `diagnostic`'s fixes (none without fixes), aligned with formatDiagnostic's gutter. */
export function fixHelp(text: string, diagnostic: Diagnostic, color: boolean): string[] {
  const gutter = String(diagnostic.line);
  const blank = ' '.repeat(gutter.length);
  const help = color ? `${BOLD}${CYAN}help${RESET}` : 'help';
  return (diagnostic.fixes ?? []).flatMap((fix) => {
    // The line of the diagnostic after the fix: a fix edits near its diagnostic, so that line shows the change.
    const fixedLine = applyFixTo(text, fix).split(/\r\n|\r|\n/)[diagnostic.line - 1] ?? '';
    return [`${blank} = ${help}: ${fix.message}`, `${blank} |`, `${gutter} | ${fixedLine}`];
  });
}
