/** `POST /apim-token-service/v2.0/token/get`: the gateway's token endpoint, in the token service's own form. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isJsonContentType, readJsonObject } from './body.js';
import type { Gateway } from './gateway.js';

export const TOKEN_PATH = '/apim-token-service/v2.0/token/get';

export function tokenHandler(gateway: Gateway) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const failure = (httpStatus: number, status: number, msg: string): void => {
      request.enosCode = status;
      void reply.code(httpStatus).send({ status, msg, business: 'apim-token-service', data: null });
    };
    if (!isJsonContentType(request.headers['content-type'])) {
      return failure(415, 1202, 'Content-Type must be application/json');
    }
    const body = readJsonObject(request.body instanceof Uint8Array ? request.body : undefined);
    if (!body.ok) return failure(400, 1202, body.msg);
    let answer;
    try {
      answer = await gateway.token(body.value);
    } catch (error) {
      request.log.error({ err: { message: (error as Error).message } }, 'store failed');
      return failure(500, 99500, 'Internal server error');
    }
    request.enosCode = answer.status;
    void reply.code(200).send(answer);
  };
}
