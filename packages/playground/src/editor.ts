/**
 * The expression editor: CodeMirror 6 with the language extension of the selected API. The API's extension sits in a
 * compartment, so switching API swaps its schema and values without losing the text, the cursor or the undo history.
 */
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import type { Schema } from 'ota-expr/core';
import { expressionLanguage, type ValuesOf } from './language.js';

export interface ExpressionEditor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole text (a shared link, the back button): not an edit the user made, so no change event. */
  setText(text: string): void;
  setSchema(schema: Schema, values: ValuesOf): void;
}

export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly schema: Schema;
  readonly values: ValuesOf;
  /** The id of the visible label, for screen readers (the editable element is CodeMirror's own). */
  readonly labelledBy: string;
  readonly describedBy: string;
  readonly onChange: (text: string) => void;
}

function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="ota-style-nonce"]')?.content ?? '';
}

export function createEditor(options: EditorOptions): ExpressionEditor {
  const language = new Compartment();
  let silent = false;
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        placeholder("e.g. productKey in ('pk1', 'pk2') and name like 'inverter'"),
        EditorView.lineWrapping,
        // CodeMirror's own styles go into a <style> element, which the page's CSP allows by this nonce.
        EditorView.cspNonce.of(styleNonce()),
        EditorView.contentAttributes.of({
          'aria-labelledby': options.labelledBy,
          'aria-describedby': options.describedBy,
          'aria-multiline': 'true',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        language.of(expressionLanguage(options.schema, options.values)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !silent) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      silent = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      } finally {
        silent = false;
      }
    },
    setSchema(schema, values) {
      view.dispatch({ effects: language.reconfigure(expressionLanguage(schema, values)) });
    },
  };
}
