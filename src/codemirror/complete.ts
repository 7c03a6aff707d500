/** Autocompletion: `complete`'s items as a CodeMirror completion source. */
import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { completeWith, type CompleteOptions } from '../editor/complete.js';
import type { CompletionItem } from '../editor/schema-items.js';
import type { Schema } from '../schema/schema.js';

/** CodeMirror's icon type for each kind of item. */
const TYPES: Readonly<Record<CompletionItem['kind'], string>> = {
  field: 'property',
  operator: 'keyword',
  keyword: 'keyword',
  value: 'constant',
  locale: 'enum',
  key: 'property',
};

/** A completion source over `complete`; nothing when there is nothing to offer. */
export function otaCompletionSource(schema: Schema, values: CompleteOptions['values']): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const { from, to, items } = completeWith(schema, text, context.pos, values === undefined ? {} : { values });
    if (items.length === 0) return null;
    return {
      from,
      to,
      options: items.map((item) => ({
        label: item.label,
        apply: item.insert,
        type: TYPES[item.kind],
        ...(item.detail === undefined ? {} : { detail: item.detail }),
      })),
    };
  };
}
