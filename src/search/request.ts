/**
 * A search request (SPEC §5): `orgId` from the query string, `expression` and `pagination` from the body. Checked in
 * SPEC §5's order (orgId, pageNo, pageSize, expression), the first failure being the answer; `null` is absent.
 */
import type { Expression } from '../language/ast.js';
import { check } from '../schema/check.js';
import { INVALID_PARAMETER, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Limits } from '../language/limits.js';
import type { Schema } from '../schema/schema.js';

export interface SearchRequest {
  /** Mandatory: records of other organisations are never returned. */
  readonly orgId: string;
  readonly expression?: string | null;
  readonly pagination?: {
    readonly pageNo?: number | null;
    readonly pageSize?: number | null;
    /** Not supported by Search OTA Job: ignored, and the response's `sortedBy` is null. */
    readonly sorters?: unknown;
  } | null;
}

export interface SearchOptions {
  /** Defaults to `otaJobSchema`. */
  readonly schema?: Schema;
  readonly limits?: Partial<Limits>;
}

/** A request that passed every check: what the targets compile. */
export interface ValidSearch {
  readonly orgId: string;
  readonly ast: Expression | null;
  readonly pageNo: number;
  readonly pageSize: number;
  /** Records to skip: `(pageNo - 1) * pageSize`. */
  readonly offset: number;
  /** Warnings (e.g. an unknown enum value): the request is valid and they are for the caller to show. */
  readonly warnings: readonly Diagnostic[];
}

export type SearchValidation =
  | { readonly ok: true; readonly search: ValidSearch }
  | { readonly ok: false; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

export const DEFAULT_PAGE_NO = 1;
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 200;

/** Never throws, whatever `request` is (it may come straight from JSON.parse). */
export function validateSearchRequest(request: unknown, options?: SearchOptions): SearchValidation {
  const body = isObject(request) ? request : {};
  const orgId = body.orgId;
  if (typeof orgId !== 'string' || orgId.length === 0) {
    return requestError(orgId === undefined || orgId === null || orgId === '' ? 'orgId is mandatory' : `orgId must be a string, found ${describe(orgId)}`);
  }
  const pagination = body.pagination ?? undefined;
  if (pagination !== undefined && !isObject(pagination)) {
    return requestError(`pagination must be an object, found ${describe(pagination)}`);
  }
  const pageNo = pagination?.pageNo ?? undefined;
  if (pageNo !== undefined && !(isInteger(pageNo) && pageNo >= 1)) {
    return requestError(`pagination.pageNo must be an integer of at least 1, found ${describe(pageNo)}`);
  }
  const pageSize = pagination?.pageSize ?? undefined;
  if (pageSize !== undefined && !(isInteger(pageSize) && pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    return requestError(`pagination.pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, found ${describe(pageSize)}`);
  }
  const expression = body.expression ?? undefined;
  if (expression !== undefined && typeof expression !== 'string') {
    return requestError(`expression must be a string, found ${describe(expression)}`);
  }
  const result = check(expression ?? '', { ...(options?.schema ? { schema: options.schema } : {}), ...(options?.limits ? { limits: options.limits } : {}) });
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    return { ok: false, message: errors[0]!.message, diagnostics: errors };
  }
  const page = pageNo ?? DEFAULT_PAGE_NO;
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  return {
    ok: true,
    search: { orgId, ast: result.ast, pageNo: page, pageSize: size, offset: (page - 1) * size, warnings: result.diagnostics },
  };
}

function requestError(message: string): SearchValidation {
  const diagnostic: Diagnostic = { code: INVALID_PARAMETER, severity: 'error', kind: 'invalid-input', message, start: 0, end: 0, line: 1, column: 1 };
  return { ok: false, message, diagnostics: [diagnostic] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
