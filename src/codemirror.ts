/**
 * ota-expr/codemirror: the expression language in CodeMirror 6 as one extension. Highlighting from the grammar's
 * lexical table, the linter from `check` (fixes as lint actions), autocompletion from `complete` and hover
 * tooltips from `hover`. The CodeMirror packages are peer dependencies, imported and never bundled. Works under a
 * strict Content-Security-Policy: no `eval`, and CodeMirror's styles take the page's nonce (`nonce`).
 */
import { autocompletion } from '@codemirror/autocomplete';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { otaJobSchema } from './apis/ota-job/schema.js';
import type { CompleteOptions } from './editor/complete.js';
import type { Schema } from './schema/schema.js';
import { otaCompletionSource } from './codemirror/complete.js';
import { otaLanguage } from './codemirror/highlight.js';
import { otaHover } from './codemirror/hover.js';
import { otaLinter } from './codemirror/lint.js';

export { otaLanguage } from './codemirror/highlight.js';

/** Options of `otaExpression`. */
export interface OtaExpressionOptions {
  /** The schema to validate and complete against; defaults to `otaJobSchema`. */
  readonly schema?: Schema;
  /** Values only the application knows (product keys from a server…), as for `complete`. */
  readonly values?: CompleteOptions['values'];
  /** The page's Content-Security-Policy nonce for CodeMirror's `<style>` elements (`style-src 'nonce-…'`). */
  readonly nonce?: string;
  /** Milliseconds after the last change before the text is checked again; default 300. */
  readonly lintDelay?: number;
}

/**
 * Everything for editing an expression in CodeMirror 6: the language (highlighting), the linter, autocompletion
 * and hover tooltips, against `options.schema` (default `otaJobSchema`).
 * @example
 * ```ts
 * import { EditorView } from '@codemirror/view';
 * import { otaExpression } from 'ota-expr/codemirror';
 *
 * new EditorView({ doc: "status = 'started'", extensions: [otaExpression()], parent: document.body });
 * ```
 */
export function otaExpression(options: OtaExpressionOptions = {}): Extension {
  const schema = options.schema ?? otaJobSchema;
  return [
    otaLanguage,
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    otaLanguage.data.of({ autocomplete: otaCompletionSource(schema, options.values) }),
    autocompletion(),
    otaLinter(schema, options.lintDelay ?? 300),
    otaHover(schema),
    EditorView.baseTheme({ '.cm-ota-hover': { padding: '2px 6px', fontFamily: 'monospace' } }),
    // CodeMirror draws lint underlines with a data: image, which a strict policy's img-src refuses: a wavy text
    // decoration needs no image.
    EditorView.theme({
      '.cm-lintRange': { backgroundImage: 'none', textDecoration: 'underline wavy', textUnderlineOffset: '3px' },
      '.cm-lintRange-error': { textDecorationColor: '#d11' },
      '.cm-lintRange-warning': { textDecorationColor: '#c80' },
    }),
    options.nonce === undefined ? [] : EditorView.cspNonce.of(options.nonce),
  ];
}
