/** The linter: `check`'s diagnostics as CodeMirror lint diagnostics, with each fix as an action. */
import type { EditorView } from '@codemirror/view';
import { linter, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import type { Diagnostic, Fix } from '../diagnostics/diagnostic.js';
import { checkText } from '../schema/check.js';
import type { Schema } from '../schema/schema.js';

/** Lints the whole document with `check` against `schema`, `delay` milliseconds after the last change. */
export function otaLinter(schema: Schema, delay: number): Extension {
  return linter((view) => checkText(view.state.doc.toString(), { schema }, schema).diagnostics.map(toLint), {
    delay,
  });
}

/** One diagnostic for CodeMirror: same span, severity and message (the hint after it), fixes as actions. */
export function toLint(diagnostic: Diagnostic): LintDiagnostic {
  const message = diagnostic.hint === undefined ? diagnostic.message : `${diagnostic.message} (${diagnostic.hint})`;
  return {
    from: diagnostic.start,
    to: diagnostic.end,
    severity: diagnostic.severity,
    message,
    source: 'ota-expr',
    actions: (diagnostic.fixes ?? []).map((fix) => ({
      name: fix.message,
      apply: (view: EditorView, from: number) => view.dispatch({ changes: changesOf(fix, from - diagnostic.start) }),
    })),
  };
}

/** A fix's edits as CodeMirror changes, moved by `shift` when the text before the diagnostic changed since. */
function changesOf(fix: Fix, shift: number): { from: number; to: number; insert: string }[] {
  return fix.edits.map((edit) => ({ from: edit.start + shift, to: edit.end + shift, insert: edit.insert }));
}
