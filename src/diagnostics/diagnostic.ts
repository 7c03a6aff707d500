/**
 * Diagnostics are data (docs/LANGUAGE.md §4); the message builders below give each row of docs/LANGUAGE.md §4's table its exact text, and
 * rendering them for people is a separate function (code-frame.ts).
 */
import type { Operator, Span } from '../language/ast.js';

/** EnOS's code for an invalid request parameter; every problem ota-expr reports carries it. */
export const INVALID_PARAMETER = 99400;
/** The error code a diagnostic carries: always `INVALID_PARAMETER` (99400). */
export type ErrorCode = typeof INVALID_PARAMETER;

/** How serious a diagnostic is: an `error` makes the expression unacceptable, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** Which rule of docs/LANGUAGE.md §4 a diagnostic reports, for callers that branch on it rather than on prose. */
export type DiagnosticKind =
  | 'syntax'
  | 'limit'
  | 'unknown-field'
  | 'unknown-locale'
  | 'operator-not-allowed'
  | 'value-type'
  | 'logical-operator-not-allowed'
  | 'unknown-value'
  | 'invalid-input';

/** One problem found in an expression, located in its text, with a message and an optional hint. */
export interface Diagnostic {
  /** EnOS's error code, `99400`. */
  readonly code: ErrorCode;
  /** Whether the problem makes the expression unacceptable. */
  readonly severity: Severity;
  /** Which rule the problem breaks. */
  readonly kind: DiagnosticKind;
  /** The problem in words. */
  readonly message: string;
  /** Offset of the first code unit the problem covers (UTF-16). */
  readonly start: number;
  /** Offset just past the last code unit; equal to `start` for an empty span (text ended too early). */
  readonly end: number;
  /** 1-based line of `start`; lines end at LF, CR or CRLF. */
  readonly line: number;
  /** 1-based column of `start`, in UTF-16 code units. */
  readonly column: number;
  /** A suggestion for fixing the problem, when there is one. */
  readonly hint?: string;
  /** Machine-applicable repairs, when there are any: an editor offers each as a quick fix, the CLI as `help:`. */
  readonly fixes?: readonly Fix[];
}

/** One repair of a diagnostic: what it does in words, and the edits that do it (apply them all, or none). */
export interface Fix {
  /** What the fix does, e.g. `replace ‘ with '`. */
  readonly message: string;
  /** Replacements in the text, in increasing order and never overlapping; offsets refer to the unedited text. */
  readonly edits: readonly TextEdit[];
}

/** Replace the text in `[start, end)` (UTF-16 offsets) with `insert`; `start === end` inserts. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** A diagnostic before it is placed in the text (line and column are added by `locate`). */
export interface Problem {
  readonly severity: Severity;
  readonly kind: DiagnosticKind;
  readonly message: string;
  readonly span: Span;
  readonly hint?: string;
  readonly fixes?: readonly Fix[];
}

/** Places `problem` in `text`: clamps its span to the text and adds line and column. */
export function locate(text: string, problem: Problem): Diagnostic {
  const start = clamp(problem.span.start, 0, text.length);
  const end = clamp(problem.span.end, start, text.length);
  const { line, column } = lineAndColumn(text, start);
  return diagnosticAt(problem, start, end, line, column);
}

/**
 * Places a problem found in a tree without its text (the compilers receive trees): start and end are the span's,
 * the line is 1 and the column `start + 1`, as if the text were one line; `check(text)` gives exact positions.
 */
export function locateInTree(problem: Problem): Diagnostic {
  const start = Math.max(0, problem.span.start);
  return diagnosticAt(problem, start, Math.max(start, problem.span.end), 1, start + 1);
}

function diagnosticAt(problem: Problem, start: number, end: number, line: number, column: number): Diagnostic {
  const diagnostic: Diagnostic = {
    code: INVALID_PARAMETER,
    severity: problem.severity,
    kind: problem.kind,
    message: problem.message,
    start,
    end,
    line,
    column,
  };
  const { hint, fixes } = problem;
  return { ...diagnostic, ...(hint === undefined ? {} : { hint }), ...(fixes === undefined ? {} : { fixes }) };
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.end - b.end;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

// --- Messages, one builder per row of docs/LANGUAGE.md §4's table -----------------------------------------------------------

/** The exact EnOS text, e.g. `Do not allow operator op =, allowed op [like]`. */
export function operatorNotAllowedMessage(op: Operator, allowed: readonly Operator[]): string {
  return `Do not allow operator op ${op}, allowed op [${allowed.join(', ')}]`;
}

export function unknownFieldMessage(path: string, supported: readonly string[]): string {
  return `Unknown field ${path}: supported fields are ${supported.join(', ')}`;
}

export function unknownLocaleMessage(path: string, field: string, supportedPaths: readonly string[]): string {
  return `Unknown locale in ${path}: ${field} supports ${supportedPaths.join(', ')}`;
}

export function valueTypeMessage(path: string, expected: string, found: string): string {
  return `Field ${path} expects a ${expected} value, found ${found}`;
}

export function logicalOperatorNotAllowedMessage(op: string, allowed: readonly string[]): string {
  const list = allowed.length === 0 ? 'none' : allowed.join(', ');
  return `Do not allow logical operator ${op}, allowed logical operators [${list}]`;
}

export function unknownValueMessage(path: string, value: string, known: readonly string[]): string {
  return `Unknown value '${value}' for ${path}: known values are ${known.join(', ')}; the expression matches nothing here`;
}

export function textTooLongMessage(length: number, maxLength: number): string {
  return `Text length limit exceeded: the expression is ${length} characters long, at most ${maxLength} are allowed`;
}
