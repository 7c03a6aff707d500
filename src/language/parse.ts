/** `parse` (docs/LANGUAGE.md §7): syntax only. Runs the generated peggy parser and turns every failure into a 99400 problem. */
import type { Expression } from './ast.js';
import { locate, textTooLongMessage, type Problem } from '../diagnostics/diagnostic.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import * as generated from './generated/parser.js';
import { GrammarError } from './grammar-support.js';
import { resolveLimits, type Limits } from './limits.js';
import { mistakeAt } from './mistakes.js';
import { syntaxProblem } from './syntax-error.js';

/** Options of `parse`: the limits the text must respect. */
export interface ParseOptions {
  /** Overrides of the parse limits (default: `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>;
}

export type ParseOutcome =
  { readonly ok: true; readonly ast: Expression | null } | { readonly ok: false; readonly problem: Problem };

/**
 * Parses `text` into a tree; `null` for empty or blank text (which matches everything).
 * @throws ExpressionError (code 99400) on a syntax or limit error, with one located diagnostic.
 * @example
 * ```ts
 * const ast = parse("productKey in ('a', 'b') and name like 'fw'");
 * ```
 */
export function parse(text: string, options?: ParseOptions): Expression | null {
  const outcome = parseText(text, resolveLimits(options?.limits));
  if (outcome.ok) return outcome.ast;
  throw new ExpressionError([locate(typeof text === 'string' ? text : '', outcome.problem)]);
}

/**
 * What src/language/generated/parser.js exports. The differential test and the bench run the frozen reference
 * parser (test/fixtures/reference-parser/) through the same steps as the current one, by passing it here.
 * @internal
 */
export interface GeneratedParser {
  // Spelled out rather than `typeof generated.parse`: the published declarations must not name the generated module.
  readonly parse: (input: string, options: { limits: Limits; peg$silentFails?: number }) => Expression | null;
  readonly SyntaxError: abstract new (...args: never[]) => {
    readonly expected: readonly string[];
    readonly offset: number;
  };
}

/** The non-throwing core shared by `parse` and `check`. */
export function parseText(text: unknown, limits: Limits): ParseOutcome {
  return parseTextWith(generated, text, limits);
}

/** `parseText` with a given generated parser. @internal */
export function parseTextWith(parser: GeneratedParser, text: unknown, limits: Limits): ParseOutcome {
  if (typeof text !== 'string') {
    return failure({
      severity: 'error',
      kind: 'invalid-input',
      message: `The expression must be a string, found ${text === null ? 'null' : typeof text}`,
      span: { start: 0, end: 0 },
    });
  }
  if (text.length > limits.maxLength) {
    return failure({
      severity: 'error',
      kind: 'limit',
      message: textTooLongMessage(text.length, limits.maxLength),
      span: { start: limits.maxLength, end: text.length },
    });
  }
  return runParser(parser, text, limits);
}

/**
 * Two passes, the second only for a syntax error. The first sets `peg$silentFails` (the counter the generated code
 * checks before recording what it expected at a position, as peggy's does; grammar/plugins/direct-code.mjs writes
 * it), so a valid text pays nothing for error messages. A text that fails is parsed again with the bookkeeping
 * on, which gives the message its "expected …" list: same input, same grammar, so the same failure, now described.
 * Errors thrown by the grammar's own checks (limits, numbers, quotes) need no second pass.
 */
function runParser(parser: GeneratedParser, text: string, limits: Limits): ParseOutcome {
  try {
    return { ok: true, ast: parser.parse(text, { limits, peg$silentFails: 1 }) };
  } catch (error) {
    if (!(error instanceof parser.SyntaxError)) return failure(problemFrom(parser, text, error));
  }
  try {
    return { ok: true, ast: parser.parse(text, { limits }) };
  } catch (error) {
    return failure(problemFrom(parser, text, error));
  }
}

function problemFrom(parser: GeneratedParser, text: string, error: unknown): Problem {
  if (error instanceof GrammarError) {
    const { kind, message, span, hint } = error;
    // A typographic quote's fix needs the text (its partner quote): the mistakes post-pass finds it.
    const fixes = error.fixes ?? mistakeAt(text, span.start, false)?.fixes;
    return { severity: 'error', kind, message, span, ...(hint === undefined ? {} : { hint }), ...(fixes && { fixes }) };
  }
  if (error instanceof parser.SyntaxError) {
    return syntaxProblem(text, error.offset, error.expected);
  }
  if (error instanceof RangeError) {
    // Only reachable when a caller raises maxDepth far past the default: the engine's stack is the real limit.
    return {
      severity: 'error',
      kind: 'limit',
      message: 'Nesting depth limit exceeded: the expression nests too deeply to be parsed',
      span: { start: 0, end: text.length },
    };
  }
  throw error;
}

function failure(problem: Problem): ParseOutcome {
  return { ok: false, problem };
}
