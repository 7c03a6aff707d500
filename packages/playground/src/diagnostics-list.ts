/**
 * The diagnostics as a list under the editor, read out by screen readers as they change (the editor's own markers
 * are visual), each with its quick fixes as buttons where the diagnostic carries some.
 */
import type { Diagnostic } from 'ota-expr/core';
import { fill, h } from './dom.js';

/** A machine-applicable repair (docs/LANGUAGE.md §9): edits on the text, applied together. */
export interface Fix {
  readonly message: string;
  readonly edits: readonly { readonly start: number; readonly end: number; readonly insert: string }[];
}

export function renderDiagnostics(
  list: HTMLElement,
  diagnostics: readonly Diagnostic[],
  applyFix: (fix: Fix) => void,
): void {
  if (diagnostics.length === 0) {
    fill(list, h('li', { className: 'ok', textContent: 'Valid expression.' }));
    return;
  }
  fill(
    list,
    ...diagnostics.map((d) =>
      h(
        'li',
        { className: d.severity, attrs: { 'data-kind': d.kind } },
        h('strong', { textContent: `${d.severity} ${d.code}` }),
        ` line ${d.line}, column ${d.column}: ${d.message}`,
        d.hint === undefined ? null : h('span', { className: 'hint', textContent: ` ${d.hint}` }),
        ...fixesOf(d).map((fix) =>
          h('button', { type: 'button', className: 'fix', textContent: fix.message, onclick: () => applyFix(fix) }),
        ),
      ),
    ),
  );
}

function fixesOf(diagnostic: Diagnostic): readonly Fix[] {
  const fixes: unknown = (diagnostic as { readonly fixes?: unknown }).fixes;
  return Array.isArray(fixes) ? (fixes as readonly Fix[]) : [];
}
