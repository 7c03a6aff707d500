/** `check` (docs/LANGUAGE.md §7): parse, then validate against a schema. Never throws on any input. */
import type { Expression } from '../language/ast.js';
import { byPosition, locate, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveLimits, type Limits } from '../language/limits.js';
import { parseText } from '../language/parse.js';
import type { Schema } from './schema.js';
import { validate } from './validate.js';

/** Options of `check`: the schema to validate against and the limits to parse with. */
export interface CheckOptions {
  /** Defaults to `otaJobSchema`. */
  readonly schema?: Schema;
  /** Overrides of the parse limits (default: `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>;
}

/** What `check` returns: whether the text is acceptable, its tree, and every diagnostic. */
export interface CheckResult {
  /** False exactly when some diagnostic has severity `error`. */
  readonly ok: boolean;
  /** The tree whenever the syntax is valid, also when validation fails (editors use it); null for blank text. */
  readonly ast: Expression | null;
  /** Every problem found, sorted by `start`. */
  readonly diagnostics: readonly Diagnostic[];
}

/** `check` with the schema it falls back on when the options name none (the entry points pass the OTA job's). */
export function checkText(text: string, options: CheckOptions | undefined, defaultSchema: Schema): CheckResult {
  const source = typeof text === 'string' ? text : '';
  try {
    const outcome = parseText(text, resolveLimits(options?.limits));
    if (!outcome.ok) return { ok: false, ast: null, diagnostics: [locate(source, outcome.problem)] };
    const problems = validate(outcome.ast, options?.schema ?? defaultSchema);
    // Most texts have no problem: no locating, sorting or scanning then (check runs on every request and keystroke).
    if (problems.length === 0) return { ok: true, ast: outcome.ast, diagnostics: [] };
    const diagnostics = problems.map((problem) => locate(source, problem)).sort(byPosition);
    return { ok: !diagnostics.some((d) => d.severity === 'error'), ast: outcome.ast, diagnostics };
  } catch (error) {
    // A bug, not a user error: still answer with a diagnostic, as docs/LANGUAGE.md §7 promises, and keep the cause readable.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      ast: null,
      diagnostics: [
        locate(source, {
          severity: 'error',
          kind: 'invalid-input',
          message: `Internal error: ${message}`,
          span: { start: 0, end: 0 },
        }),
      ],
    };
  }
}
