/**
 * One page of a search: the request checked locally with the API's schema and search rules (the same checks, in
 * the same order, as `validateSearchRequest` and the reference server), then sent signed, and EnOS's page returned
 * with the records typed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import type { Expression } from '../language/ast.js';
import type { Limits } from '../language/limits.js';
import { print } from '../language/print.js';
import { checkText } from '../schema/check.js';
import { validateRequest } from '../search/request.js';
import { EnosError } from './errors.js';
import type { EnosSuccess, Gateway } from './gateway.js';
import type { ClientApi, ClientPage, ClientSearchRequest } from './types.js';
import type { Schema } from '../schema/schema.js';

export interface SearchContext {
  readonly gateway: Gateway;
  readonly validate: boolean;
  readonly limits: Partial<Limits> | undefined;
}

export async function searchPage<S extends Schema, R>(
  context: SearchContext,
  entry: ClientApi,
  request: ClientSearchRequest<S>,
): Promise<ClientPage<R>> {
  const extra = Object.entries(request.query ?? {});
  // The client writes these two itself; a second copy in the URL would be signed but read by the gateway as it pleases.
  const clash = extra.find(([name]) => name === 'action' || name === 'orgId');
  if (clash !== undefined)
    throw new TypeError(`search: query.${clash[0]} is set by the client; give orgId in the request`);
  const expression = expressionText(request.expression);
  const pagination = request.pagination;
  let warnings: readonly Diagnostic[] = [];
  const limits = context.limits === undefined ? undefined : { limits: context.limits };
  if (context.validate) {
    const validation = validateRequest(
      { orgId: request.orgId, expression, pagination },
      { schema: entry.api.schema, ...limits },
      entry.api,
    );
    if (!validation.ok) throw new ExpressionError(validation.diagnostics);
    warnings = validation.search.warnings.filter((diagnostic) => diagnostic.severity === 'warning');
  }
  // JSON.stringify drops what is undefined: an absent expression or pagination is not sent.
  const body = JSON.stringify({ expression, pagination });
  const answer = await context.gateway.send({
    path: entry.path,
    query: [['action', entry.action], ['orgId', request.orgId], ...extra],
    body,
    signal: request.signal,
    diagnose: () => (expression === undefined ? [] : checkText(expression, limits, entry.api.schema).diagnostics),
  });
  return pageOf<R>(answer, warnings);
}

/** The text sent: the string itself, or the printed tree (canonical text, which the builder's spans point into). */
function expressionText(expression: string | Expression | null | undefined): string | undefined {
  if (expression === undefined || expression === null) return undefined;
  return typeof expression === 'string' ? expression : print(expression);
}

function pageOf<R>({ body: reply, httpStatus }: EnosSuccess, warnings: readonly Diagnostic[]): ClientPage<R> {
  const pagination = reply.pagination;
  if (!Array.isArray(reply.data) || typeof pagination !== 'object' || pagination === null) {
    throw new EnosError({
      code: null,
      msg: 'a search answer without data[] and pagination',
      requestId: typeof reply.requestId === 'string' ? reply.requestId : undefined,
      httpStatus,
    });
  }
  return {
    // The records are EnOS's own JSON: typed by the API's record interface, not checked field by field.
    records: reply.data as R[],
    pagination: pagination as ClientPage<R>['pagination'],
    requestId: typeof reply.requestId === 'string' ? reply.requestId : '',
    warnings,
  };
}
