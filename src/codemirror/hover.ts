/// <reference lib="dom" />
/** Hover tooltips: `hover`'s text for the token under the pointer. */
import { hoverTooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { hoverWith } from '../editor/hover.js';
import type { Schema } from '../schema/schema.js';

/** A tooltip over fields, operators and values, with `hover`'s text as plain text (never as HTML). */
export function otaHover(schema: Schema): Extension {
  return hoverTooltip((view, pos) => {
    const found = hoverWith(schema, view.state.doc.toString(), pos);
    if (found === null) return null;
    return {
      pos: found.start,
      end: found.end,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'cm-ota-hover';
        dom.textContent = found.text;
        return { dom };
      },
    };
  });
}
