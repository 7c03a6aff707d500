/** `toMongoSearch` (docs/LANGUAGE.md §5, §7): filter, sort, skip and limit for a collection of the API's records. */
import { compileMongo } from '../compile/mongo/index.js';
import type { MongoFilter } from '../compile/mongo/types.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import type { ApiDefinition } from '../schema/api.js';
import { checkOptions } from '../compile/options.js';
import { SEARCH_OPTIONS, searchedApi, searchedSchema, validateRequest, type SearchOptions } from './request.js';

export interface MongoSearch {
  /** The expression's filter AND the organisation (exact, string-typed). */
  readonly filter: MongoFilter;
  /**
   * The API's order: for Search OTA Job `{ createTime: -1, jobId: 1 }`, newest first, ties by jobId. MongoDB compares
   * strings by UTF-8 bytes, i.e. code points, as the other targets do.
   */
  readonly sort: Readonly<Record<string, 1 | -1>>;
  readonly skip: number;
  readonly limit: number;
  readonly page: { readonly pageNo: number; readonly pageSize: number };
}

/** @throws TypeError for bad options; ExpressionError (99400) on a bad request, with the same message the in-memory search answers. */
export function mongoSearch(
  request: unknown,
  options: SearchOptions | undefined,
  defaultApi: ApiDefinition,
): MongoSearch {
  checkOptions('toMongoSearch', options, SEARCH_OPTIONS);
  const validation = validateRequest(request, options, defaultApi);
  if (!validation.ok) throw new ExpressionError(validation.diagnostics);
  const { orgId, ast, pageNo, pageSize, offset } = validation.search;
  const api = searchedApi(options, defaultApi);
  const expression = compileMongo(ast, { schema: searchedSchema(options, defaultApi) }, api);
  const organisation: MongoFilter = { [api.scope]: { $eq: orgId } };
  const filter: MongoFilter =
    Object.keys(expression).length === 0 ? organisation : { $and: [organisation, expression] };
  const sort: Record<string, 1 | -1> = {};
  for (const key of api.order) sort[key.property] = key.direction === 'desc' ? -1 : 1;
  return { filter, sort, skip: offset, limit: pageSize, page: { pageNo, pageSize } };
}
