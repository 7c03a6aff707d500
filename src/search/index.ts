/**
 * ota-expr/search: the in-memory search (SPEC §5) and its request and response types. Written by the packaging
 * work to give the subpath a file; it only re-exports from memory.ts, request.ts and response.ts, so the search's
 * owner can add the SQL and MongoDB search builders (`toSqlSearch`, `toMongoSearch`) here as they land.
 */
export type { MemorySearchOptions } from './memory.js';
export { searchRecords } from './memory.js';
export type { SearchOptions, SearchRequest, SearchValidation, ValidSearch } from './request.js';
export { DEFAULT_PAGE_NO, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, validateSearchRequest } from './request.js';
export type { SearchFailure, SearchPage, SearchResponse } from './response.js';
export { newRequestId } from './response.js';
export type { SqlSearch, SqlSearchOptions } from './sql.js';
export { toSqlSearch } from './sql.js';
export type { MongoSearch } from './mongo.js';
export { toMongoSearch } from './mongo.js';
export { compareSearchOrder } from './order.js';
