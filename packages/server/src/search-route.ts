/**
 * One API request, in the gateway's order: the route (404), the content type (415), the signature (401), the body
 * (400), the organisation (403), then the search as toSqlSearch says (99400 answers are HTTP 200, as EnOS sends
 * them), and the store (99500 on any failure; logged with the requestId, never answered with internals).
 */
import { ExpressionError, toSqlSearch, type SqlSearch, type SqlSearchOptions } from 'ota-expr';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isJsonContentType, readJsonObject } from './body.js';
import { errorBody, INTERNAL_ERROR, pageBody, type EnosErrorCode } from './envelope.js';
import type { Gateway } from './gateway.js';
import type { ApiRoute } from './routes.js';
import type { Store } from './store/types.js';

export interface SearchDependencies {
  readonly store: Store;
  readonly gateway: Gateway;
  readonly routes: ReadonlyMap<string, ReadonlyMap<string, ApiRoute>>;
  /** What turns a request into SQL: toSqlSearch, unless a benchmark puts hand-written SQL in its place. */
  readonly compile?: (request: unknown, options: SqlSearchOptions) => SqlSearch;
}

/** The query string's pairs as sent, decoded (what the signature covers). */
export function queryPairs(url: string): [string, string][] {
  const at = url.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(url.slice(at + 1))];
}

export function searchHandler(deps: SearchDependencies) {
  const compile = deps.compile ?? toSqlSearch;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const requestId = request.id;
    const send = (status: number, code: EnosErrorCode, msg: string): void => {
      request.enosCode = code;
      void reply
        .code(status)
        .type('application/json')
        .send(errorBody(code, msg, requestId));
    };
    const path = request.routeOptions.url ?? '';
    const query = queryPairs(request.url);
    const actions = query.filter(([name]) => name === 'action').map(([, value]) => value);
    const route = actions.length === 1 ? deps.routes.get(path)?.get(actions[0]!) : undefined;
    if (route === undefined) {
      const known = [...(deps.routes.get(path)?.keys() ?? [])].join(', ');
      return send(
        404,
        99404,
        `no API at POST ${path} with action ${actions.join(',') || '(none)'}; actions here: ${known}`,
      );
    }
    if (!isJsonContentType(request.headers['content-type'])) {
      return send(415, 99400, 'Content-Type must be application/json');
    }
    const raw = request.body instanceof Uint8Array ? request.body : undefined;
    const verified = await deps.gateway.verify({ headers: request.headers, query, body: raw ?? new Uint8Array() });
    if (!verified.ok) return send(401, verified.code, verified.msg);
    const body = readJsonObject(raw);
    if (!body.ok) return send(400, 99400, body.msg);
    const orgIds = query.filter(([name]) => name === 'orgId').map(([, value]) => value);
    if (orgIds.length > 1) return send(200, 99400, 'orgId must be given once');
    const orgId = orgIds[0];
    if (orgId !== undefined && orgId !== '' && !verified.app.orgIds.includes(orgId)) {
      return send(403, 99403, `the app may not read organisation ${orgId}`);
    }
    let search: SqlSearch;
    try {
      search = compile({ ...body.value, orgId }, { dialect: deps.store.dialect, schema: route.schema });
    } catch (error) {
      if (error instanceof ExpressionError) return send(200, 99400, error.message);
      throw error;
    }
    let page;
    try {
      page = await deps.store.searchPage(search);
    } catch (error) {
      request.log.error({ err: storeFailure(error) }, 'store failed');
      return send(500, 99500, INTERNAL_ERROR);
    }
    request.enosCode = 0;
    void reply
      .code(200)
      .type('application/json')
      .send(pageBody(requestId, page.docs, { sortedBy: search.sortedBy, ...search.page, totalSize: page.total }));
  };
}

/** What is logged of a store failure: the driver's code and message, not the statement (which holds user values). */
function storeFailure(error: unknown): { code?: unknown; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  return code === undefined ? { message } : { code, message };
}
