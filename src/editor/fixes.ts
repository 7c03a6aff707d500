/** Applying a diagnostic's fix to the text it was found in (the CodeMirror actions and Monaco's code actions do it too). */
import type { Fix } from '../diagnostics/diagnostic.js';

/**
 * The text after `fix`: its edits, whose offsets all refer to `text` as it was, applied from the last to the
 * first so that each offset still points where it did.
 */
export function applyFixTo(text: string, fix: Fix): string {
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.insert + result.slice(edit.end);
  }
  return result;
}
