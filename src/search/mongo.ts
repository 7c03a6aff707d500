/** `toMongoSearch` (SPEC §5, §7): filter, sort, skip and limit for a collection of JobInfo documents. */
import { toMongo } from '../compile/mongo/index.js';
import type { MongoFilter } from '../compile/mongo/types.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { validateSearchRequest, type SearchOptions } from './request.js';

export interface MongoSearch {
  /** The expression's filter AND the organisation (exact, string-typed). */
  readonly filter: MongoFilter;
  /** Newest first, ties by jobId: MongoDB compares strings by UTF-8 bytes, i.e. code points, as the other targets. */
  readonly sort: { readonly createTime: -1; readonly jobId: 1 };
  readonly skip: number;
  readonly limit: number;
  readonly page: { readonly pageNo: number; readonly pageSize: number };
}

/** @throws ExpressionError (99400) on a bad request, with the same message the in-memory search answers. */
export function toMongoSearch(request: unknown, options?: SearchOptions): MongoSearch {
  const validation = validateSearchRequest(request, options);
  if (!validation.ok) throw new ExpressionError(validation.diagnostics);
  const { orgId, ast, pageNo, pageSize, offset } = validation.search;
  const expression = toMongo(ast, options?.schema ? { schema: options.schema } : undefined);
  const organisation: MongoFilter = { orgId: { $eq: orgId } };
  const filter: MongoFilter = Object.keys(expression).length === 0 ? organisation : { $and: [organisation, expression] };
  return { filter, sort: { createTime: -1, jobId: 1 }, skip: offset, limit: pageSize, page: { pageNo, pageSize } };
}
