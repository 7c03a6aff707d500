/**
 * The editor's knowledge of the language: highlighting, lint from `check` with its fixes, hover and completion.
 * INTERIM: lint only, from `check`, until `ota-expr/codemirror`'s `otaExpression({ schema, values })` lands; then
 * this module is that one call, and nothing else in the page changes.
 */
import type { Extension } from '@codemirror/state';
import { linter, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { check, type Schema } from 'ota-expr/core';

/** Known values of a path (product keys of the org…), for completion after `=`, `in (` and `,`. */
export type ValuesOf = (path: string) => readonly string[];

export function expressionLanguage(schema: Schema, _values: ValuesOf): Extension {
  return linter(
    (view) =>
      check(view.state.doc.toString(), { schema }).diagnostics.map((d): LintDiagnostic => ({
        from: d.start,
        to: d.end,
        severity: d.severity,
        message: `${d.code}: ${d.message}${d.hint === undefined ? '' : ` (${d.hint})`}`,
      })),
    { delay: 150 },
  );
}
