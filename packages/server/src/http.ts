/**
 * The HTTP server (fastify): body limit, content types, timeouts, request ids and logs, and EnOS's error form for
 * everything fastify or Node refuse before a route runs. The routes themselves are in search-route.ts and
 * token-route.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { errorBody, INTERNAL_ERROR, type EnosErrorCode } from './envelope.js';
import type { Gateway } from './gateway.js';
import { routesByPath } from './routes.js';
import { searchHandler, type SearchDependencies } from './search-route.js';
import { authSql } from './store/auth-sql.js';
import type { Store } from './store/types.js';
import { tokenHandler, TOKEN_PATH } from './token-route.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The EnOS code answered (0 for a page), for the request's log line. */
    enosCode: number | undefined;
  }
}

/** docs/LANGUAGE.md §10: a larger body is 99400 with HTTP 413. */
export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  readonly store: Store;
  readonly gateway: Gateway;
  /** Logs (pino, JSON lines on standard error); false for none. */
  readonly logger: boolean | { readonly level: string };
  readonly staticDir?: string;
  /** A request not complete by then is cut (default 30 s). */
  readonly requestTimeoutMs?: number;
  readonly compileSearch?: SearchDependencies['compile'];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === false
      ? false
      : { level: options.logger === true ? 'info' : options.logger.level, stream: process.stderr };
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    requestTimeout,
    connectionTimeout: 60_000,
    // Node checks request timeouts on an interval (30 s by default), so a short timeout needs a shorter interval;
    // and it enforces requestTimeout only when headersTimeout is not longer (Node 20).
    http: {
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
      headersTimeout: Math.min(10_000, requestTimeout),
    },
    genReqId: () => randomUUID(),
    // One line per request, written when it is answered (onResponse below), instead of fastify's two.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    return503OnClosing: true,
    // A malformed request line or header block: EnOS's error form, not Node's bare 400.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      if (!socket.writable) return;
      const [status, msg] =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? ['431 Request Header Fields Too Large', 'request headers too large']
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? ['408 Request Timeout', `the request did not arrive within ${requestTimeout} ms`]
            : ['400 Bad Request', 'malformed HTTP request'];
      const body = JSON.stringify(errorBody(99400, msg, randomUUID()));
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });
  app.decorateRequest('enosCode', undefined);

  // Every body is taken as bytes whatever its type: the signature covers the bytes as sent, and search-route.ts
  // answers a wrong type or bad JSON in EnOS's form after the route is known.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    done(null, body);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const send = (httpStatus: number, code: EnosErrorCode, msg: string): void => {
      request.enosCode = code;
      void reply
        .code(httpStatus)
        .type('application/json')
        .send(errorBody(code, msg, request.id));
    };
    if (status === 413) return send(413, 99400, `the request body is larger than ${BODY_LIMIT} bytes (1 MiB)`);
    if (status === 415) return send(415, 99400, 'Content-Type must be application/json');
    if (status >= 400 && status < 500) return send(status, 99400, clientMessage(error));
    request.log.error({ err: { code: error.code, message: error.message } }, 'request failed');
    return send(500, 99500, INTERNAL_ERROR);
  });

  app.setNotFoundHandler((request, reply) => {
    request.enosCode = 99404;
    void reply
      .code(404)
      .type('application/json')
      .send(errorBody(99404, `no API at ${request.method} ${request.url.split('?')[0]}`, request.id));
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        code: request.enosCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'answered',
    );
  });

  const ping = authSql(options.store.dialect).ping;
  app.get('/health', async (request, reply) => {
    try {
      await options.store.query(ping, []);
      return { status: 'ok', store: options.store.dialect };
    } catch (error) {
      request.log.warn({ err: { message: (error as Error).message } }, 'health: store unreachable');
      return reply.code(503).send({ status: 'unavailable', store: options.store.dialect });
    }
  });

  app.post(TOKEN_PATH, tokenHandler(options.gateway));
  const routes = routesByPath();
  const handler = searchHandler({
    store: options.store,
    gateway: options.gateway,
    routes,
    ...(options.compileSearch === undefined ? {} : { compile: options.compileSearch }),
  });
  for (const path of routes.keys()) app.post(path, handler);

  if (options.staticDir !== undefined) {
    await app.register(fastifyStatic, { root: options.staticDir, prefix: '/', index: ['index.html'] });
  }
  return app;
}

/** Fastify's 4xx errors in a sentence, without its internal codes. */
function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'Content-Length does not match the body';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty';
    default:
      return 'bad request';
  }
}
