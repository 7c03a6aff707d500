/** `searchRecords` (docs/LANGUAGE.md §5, §7): the whole search in memory, answering with the EnOS response object. */
import { compilePredicate } from '../compile/predicate/index.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { apiFor, type ApiDefinition } from '../schema/api.js';
import { ownProperty } from '../util/own.js';
import { compareBy } from './order.js';
import { checkOptions } from '../compile/options.js';
import { SEARCH_OPTIONS, validateRequest, type SearchOptions } from './request.js';
import { newRequestId, type SearchResponse } from './response.js';

/** Options of `searchRecords`: the search options plus the response's requestId. */
export interface MemorySearchOptions extends SearchOptions {
  /** The response's requestId; a fresh UUID by default. */
  readonly requestId?: string;
}

const MEMORY_OPTIONS = {
  ...SEARCH_OPTIONS,
  requestId: (id: unknown) => (typeof id === 'string' ? undefined : 'requestId must be a string'),
};

/** Never throws on a bad request (TypeError for bad options only): a bad request is the `{ code: 99400, msg, requestId, data: null }` response. */
export function searchInMemory<T>(
  records: readonly T[],
  request: unknown,
  options: MemorySearchOptions | undefined,
  defaultApi: ApiDefinition,
): SearchResponse<T> {
  checkOptions('searchRecords', options, MEMORY_OPTIONS);
  const requestId = options?.requestId ?? newRequestId();
  const validation = validateRequest(request, options, defaultApi);
  if (!validation.ok) return { code: 99400, msg: validation.message, requestId, data: null };
  const { orgId, ast, pageNo, pageSize, offset, order, sortedBy } = validation.search;
  const api = apiFor(options?.schema, defaultApi);
  let matches: (record: unknown) => boolean;
  try {
    matches = compilePredicate(ast, { schema: api.schema }, api);
  } catch (error) {
    if (error instanceof ExpressionError) return { code: 99400, msg: error.message, requestId, data: null };
    throw error;
  }
  const selected = (Array.isArray(records) ? records : []).filter(
    (record) => ownProperty(record, api.scope) === orgId && matches(record),
  );
  selected.sort(compareBy(order, api.id));
  return {
    code: 0,
    msg: 'OK',
    requestId,
    data: selected.slice(offset, offset + pageSize),
    pagination: { sortedBy, pageNo, pageSize, totalSize: selected.length },
  };
}
