/**
 * ota-expr/editor: what an editor needs beyond `check` (docs/LANGUAGE.md §9): completion at the cursor, a hover
 * text for the token under the pointer, and applying a diagnostic's fix. Browser-safe (no Node built-ins, no
 * `eval`), on top of `ota-expr/core`, whose `check` gives the diagnostics and their fixes. Search OTA Job's schema
 * is the default, as in every entry; `ota-expr/codemirror` wires all of it into CodeMirror 6.
 */
import { otaJobSchema } from './apis/ota-job/schema.js';
import type { Fix } from './diagnostics/diagnostic.js';
import { completeWith, type CompleteOptions, type Completions } from './editor/complete.js';
import { applyFixTo } from './editor/fixes.js';
import { hoverWith, type Hover, type HoverOptions } from './editor/hover.js';

export type { CompleteOptions, Completions } from './editor/complete.js';
export type { CompletionItem } from './editor/schema-items.js';
export type { Hover, HoverOptions } from './editor/hover.js';
export type { Fix, TextEdit } from './diagnostics/diagnostic.js';

/**
 * What can be typed at `offset` in `text` under `options.schema` (default `otaJobSchema`): field paths where a
 * comparison can start, the field's operators after a path, known values after `=`, `!=`, `in (` and `,`, an
 * i18n field's locales after its `.`, the schema's logical operators after a comparison. Items are filtered by
 * what is typed of the word at the cursor; `from..to` is the range the chosen item's `insert` replaces. Works
 * on incomplete and invalid text, and never throws.
 * @example
 * ```ts
 * const { from, to, items } = complete('status = ', 9);
 * items.map((item) => item.label); // ["'started'", "'stopped'"]
 * const text = 'status = '.slice(0, from) + items[0]!.insert + 'status = '.slice(to); // "status = 'started'"
 * ```
 */
export function complete(text: string, offset: number, options?: CompleteOptions): Completions {
  return completeWith(options?.schema ?? otaJobSchema, typeof text === 'string' ? text : '', offset, options);
}

/**
 * A short text about the token at `offset`, for a tooltip: a field's type, operators and known values or locales;
 * what an operator or `and`/`or` means; whether a value is one its field knows. `null` over blanks and
 * punctuation. Never throws.
 * @example
 * ```ts
 * hover("name like 'fw'", 2)?.text; // 'name: i18n · like · locales zh_CN, en_US'
 * ```
 */
export function hover(text: string, offset: number, options?: HoverOptions): Hover | null {
  return hoverWith(options?.schema ?? otaJobSchema, typeof text === 'string' ? text : '', offset);
}

/**
 * The text with one of a diagnostic's fixes applied (every edit of it; offsets refer to the text the diagnostic
 * was found in).
 * @example
 * ```ts
 * import { check } from 'ota-expr/core';
 *
 * const text = 'name like ‘x’';
 * applyFix(text, check(text).diagnostics[0]!.fixes![0]!); // "name like 'x'"
 * ```
 */
export function applyFix(text: string, fix: Fix): string {
  return applyFixTo(text, fix);
}
