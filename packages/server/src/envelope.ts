/**
 * EnOS's response bodies (docs/LANGUAGE.md §5, §10): `{ code, msg, requestId, data, pagination? }`. A page is written
 * as text around the stored documents, which are JSON already, so that no record is parsed and re-serialised.
 */
import type { AppliedSorter } from 'ota-expr';

/** The codes this server answers with, besides 0. */
export type EnosErrorCode = 99400 | 99403 | 99404 | 99500 | 1202 | 1203;

export interface EnosError {
  readonly code: EnosErrorCode;
  readonly msg: string;
  readonly requestId: string;
  readonly data: null;
}

export function errorBody(code: EnosErrorCode, msg: string, requestId: string): EnosError {
  return { code, msg, requestId, data: null };
}

/** The generic message of every store failure: what went wrong is logged with the requestId, never answered. */
export const INTERNAL_ERROR = 'Internal server error';

export function pageBody(
  requestId: string,
  docs: readonly string[],
  pagination: {
    readonly sortedBy: readonly AppliedSorter[] | null;
    readonly pageNo: number;
    readonly pageSize: number;
    readonly totalSize: number;
  },
): string {
  const page = JSON.stringify({
    sortedBy: pagination.sortedBy,
    pageNo: pagination.pageNo,
    pageSize: pagination.pageSize,
    totalSize: pagination.totalSize,
  });
  return `{"code":0,"msg":"OK","requestId":${JSON.stringify(requestId)},"data":[${docs.join(',')}],"pagination":${page}}`;
}
