/**
 * EnOS's refusals as typed errors. A 99400 answer (invalid parameter: the expression or the pagination) is the
 * library's own `ExpressionError`, so one `catch` handles a filter refused locally and one refused by the gateway;
 * every other code is an `EnosError` carrying EnOS's `code`, `msg` and `requestId`.
 */
import { locateInTree, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExpressionError } from '../diagnostics/expression-error.js';

/**
 * The codes EnOS documents for the gateway and the search APIs (SPEC §10; EnOS "Common Error Codes" and the token
 * pages), with what each means. Other codes can occur; `EnosError.code` is any number.
 */
export const ENOS_ERROR_CODES = /* @__PURE__ */ Object.freeze({
  1001: 'repeated request with a duplicated encryption',
  1002: 'the appKey does not exist',
  1003: 'the encryption is not valid',
  1004: 'invalid parameter',
  1005: 'internal service exception',
  1202: 'a parameter is empty',
  1203: 'the access token has expired',
  1204: 'failed to refresh the access token',
  99400: 'invalid request parameter',
  99403: 'forbidden: signature, token, timestamp or organisation refused',
  99404: 'no such API',
  99500: 'internal error of the service',
} as const);

/** A code of `ENOS_ERROR_CODES`. */
export type KnownEnosErrorCode = keyof typeof ENOS_ERROR_CODES;

/** What the gateway answered besides the code: shared by `EnosError` and `RemoteExpressionError`. */
export interface EnosAnswer {
  /** EnOS's code: a `KnownEnosErrorCode` or another; null when the answer was not EnOS's (see `httpStatus`). */
  readonly code: number | null;
  /** EnOS's message, or a description of the unexpected answer. */
  readonly msg: string;
  /** The request id EnOS gave the answer, for its support; undefined when the answer had none. */
  readonly requestId: string | undefined;
  /** The HTTP status of the answer (200 for most EnOS answers, 401 for refused credentials). */
  readonly httpStatus: number;
}

/**
 * Any EnOS refusal but 99400: a token error of the token service (1001–1204), a refused signature or organisation
 * (99403), an unknown API (99404), a failing service (99500), or an answer that was not EnOS's at all (`code` null:
 * a proxy's HTML page, a body that is not JSON).
 */
export class EnosError extends Error implements EnosAnswer {
  readonly code: number | null;
  readonly msg: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number;

  constructor(answer: EnosAnswer) {
    super(answer.code === null ? answer.msg : `EnOS ${answer.code}: ${answer.msg}`);
    this.name = 'EnosError';
    this.code = answer.code;
    this.msg = answer.msg;
    this.requestId = answer.requestId;
    this.httpStatus = answer.httpStatus;
  }
}

/** The token service refused to issue a token (`/apim-token-service/v2.0/token/get`): wrong appKey or secret, a clock far off. */
export class TokenError extends EnosError {
  constructor(answer: EnosAnswer) {
    super(answer);
    this.name = 'TokenError';
  }
}

/**
 * A 99400 answer of the gateway: an `ExpressionError`, with EnOS's `msg` and `requestId`. Its diagnostics are the
 * library's own when it finds the problem too (a client made with `validate: false`), else one `invalid-input`
 * diagnostic holding EnOS's message (the gateway gives no position).
 */
export class RemoteExpressionError extends ExpressionError implements EnosAnswer {
  readonly msg: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number;

  constructor(answer: Omit<EnosAnswer, 'code'>, diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    super(
      errors.length > 0
        ? errors
        : [locateInTree({ severity: 'error', kind: 'invalid-input', message: answer.msg, span: { start: 0, end: 0 } })],
    );
    this.name = 'RemoteExpressionError';
    this.msg = answer.msg;
    this.requestId = answer.requestId;
    this.httpStatus = answer.httpStatus;
  }
}
