/**
 * The editor's knowledge of the language: `ota-expr/codemirror`'s one extension (highlighting, lint from `check`
 * with its fixes as actions, completion with the values the page loaded, hover). The only module that names it.
 */
import type { Extension } from '@codemirror/state';
import { otaExpression } from 'ota-expr/codemirror';
import type { Schema } from 'ota-expr/core';

/** Known values of a path (product keys of the org…), for completion after `=`, `in (` and `,`. */
export type ValuesOf = (path: string) => readonly string[];

export function expressionLanguage(schema: Schema, values: ValuesOf): Extension {
  // The lint delay is the page's search delay: the marker and the results change together.
  return otaExpression({ schema, values, lintDelay: 250 });
}
