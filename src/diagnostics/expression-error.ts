import { INVALID_PARAMETER, type Diagnostic, type ErrorCode } from './diagnostic.js';

/** Thrown by `parse`, the compilers and the search builders; carries every diagnostic, the first as its message. */
export class ExpressionError extends Error {
  readonly code: ErrorCode = INVALID_PARAMETER;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics[0]?.message ?? 'Invalid expression');
    this.name = 'ExpressionError';
    this.diagnostics = diagnostics;
  }
}
