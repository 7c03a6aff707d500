/** ota-expr/search: EnOS searches in memory, as SQL and as MongoDB queries (docs/LANGUAGE.md §5, §7). */
import { DEFAULT_API } from './apis/index.js';
import { searchInMemory, type MemorySearchOptions } from './search/memory.js';
import { mongoSearch, type MongoSearch } from './search/mongo.js';
import { compareBy } from './search/order.js';
import { validateSearchRequestWith, type SearchOptions, type SearchValidation } from './search/request.js';
import type { SearchResponse } from './search/response.js';
import { sqlSearch, type SqlSearch, type SqlSearchOptions } from './search/sql.js';

export type { MemorySearchOptions } from './search/memory.js';
export type { MongoSearch, MongoStage } from './search/mongo.js';
export type { RecordOrder } from './search/order.js';
export type { AppliedSorter, SearchOptions, SearchRequest, SearchValidation, ValidSearch } from './search/request.js';
export { DEFAULT_PAGE_NO, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './search/request.js';
export type { SearchFailure, SearchPage, SearchResponse } from './search/response.js';
export { newRequestId } from './search/response.js';
export type { SqlSearch, SqlSearchOptions } from './search/sql.js';

/**
 * Checks a search request; never throws, whatever `request` is (it may come straight from JSON.parse).
 * @example
 * ```ts
 * const validation = validateSearchRequest({ orgId: 'o1', expression: "status = 'started'" });
 * if (!validation.ok) console.log(validation.message);
 * ```
 */
export function validateSearchRequest(request: unknown, options?: SearchOptions): SearchValidation {
  return validateSearchRequestWith(request, options, DEFAULT_API);
}

/**
 * The whole search in memory, answering with EnOS's response object; a bad request is the 99400 response.
 * @example
 * ```ts
 * const response = searchRecords(jobs, { orgId: 'o1', expression: "status = 'started'", pagination: { pageSize: 20 } });
 * ```
 */
export function searchRecords<T = unknown>(
  records: readonly T[],
  request: unknown,
  options?: MemorySearchOptions,
): SearchResponse<T> {
  return searchInMemory(records, request, options, DEFAULT_API);
}

/**
 * The page query and the count query of a search.
 * @throws TypeError for bad options; ExpressionError (99400) on a bad request, with the in-memory search's message.
 * @example
 * ```ts
 * const search = toSqlSearch({ orgId: 'o1', expression: "status = 'started'" }, { dialect: 'sqlite' });
 * const docs = db.prepare(search.sql).all(...search.params);
 * ```
 */
export function toSqlSearch(request: unknown, options: SqlSearchOptions): SqlSearch {
  return sqlSearch(request, options, DEFAULT_API);
}

/**
 * Filter, sort, skip and limit (and the same page as an aggregation `pipeline`) of a search for a MongoDB collection
 * of the API's records.
 * @throws ExpressionError (99400) on a bad request, with the in-memory search's message.
 * @example
 * ```ts
 * const { filter, sort, skip, limit } = toMongoSearch({ orgId: 'o1', expression: "status = 'started'" });
 * const jobs = await collection.find(filter).sort(sort).skip(skip).limit(limit).toArray();
 * ```
 */
export function toMongoSearch(request: unknown, options?: SearchOptions): MongoSearch {
  return mongoSearch(request, options, DEFAULT_API);
}

/** The order of Search OTA Job's pages (newest first, ties by jobId in code-point order), as a sort comparator. */
export const compareSearchOrder = /* @__PURE__ */ compareBy(DEFAULT_API.order, DEFAULT_API.id);
