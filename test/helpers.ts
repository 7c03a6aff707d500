/** Small helpers shared by the example tests. */
import { ExpressionError, parse, type Diagnostic, type Expression } from '../src/index.js';
import type { ParseOptions } from '../src/language/parse.js';

/** The diagnostic `parse` throws for `text`; fails the test when it does not throw an ExpressionError. */
export function parseError(text: string, options?: ParseOptions): Diagnostic {
  try {
    parse(text, options);
  } catch (error) {
    if (error instanceof ExpressionError) return error.diagnostics[0]!;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail to parse`);
}

/** The tree without spans, for comparisons "locations aside" (docs/LANGUAGE.md §2). */
export function withoutSpans(node: Expression | null): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) =>
      key === 'span' || key === 'opSpan' || key === 'keywordSpans' ? undefined : value,
    ),
  );
}

export function textAt(text: string, d: { start: number; end: number }): string {
  return text.slice(d.start, d.end);
}
