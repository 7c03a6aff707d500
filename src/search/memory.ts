/** `searchRecords` (SPEC §5, §7): the whole search in memory, answering with the EnOS response object. */
import { toPredicate } from '../compile/predicate/index.js';
import { ExpressionError } from '../diagnostics/expression-error.js';
import { compareSearchOrder, ownProperty } from './order.js';
import { validateSearchRequest, type SearchOptions } from './request.js';
import { newRequestId, type SearchResponse } from './response.js';

export interface MemorySearchOptions extends SearchOptions {
  /** The response's requestId; a fresh UUID by default. */
  readonly requestId?: string;
}

/** Never throws on bad input: a bad request is the `{ code: 99400, msg, requestId, data: null }` response. */
export function searchRecords<T = unknown>(records: readonly T[], request: unknown, options?: MemorySearchOptions): SearchResponse<T> {
  const requestId = options?.requestId ?? newRequestId();
  const validation = validateSearchRequest(request, options);
  if (!validation.ok) return { code: 99400, msg: validation.message, requestId, data: null };
  const { orgId, ast, pageNo, pageSize, offset } = validation.search;
  let matches: (record: unknown) => boolean;
  try {
    matches = toPredicate(ast, options?.schema ? { schema: options.schema } : undefined);
  } catch (error) {
    if (error instanceof ExpressionError) return { code: 99400, msg: error.message, requestId, data: null };
    throw error;
  }
  const selected = (Array.isArray(records) ? records : []).filter(
    (record) => ownProperty(record, 'orgId') === orgId && matches(record),
  );
  selected.sort(compareSearchOrder);
  return {
    code: 0,
    msg: 'OK',
    requestId,
    data: selected.slice(offset, offset + pageSize),
    pagination: { sortedBy: null, pageNo, pageSize, totalSize: selected.length },
  };
}
