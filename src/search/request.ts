/**
 * A search request (docs/LANGUAGE.md §5): `orgId` from the query string, `expression` and `pagination` from the
 * body. Checked in this order (orgId, pageNo, pageSize, expression), the first failure being the answer; `null` is absent.
 */
import type { Expression } from '../language/ast.js';
import type { ApiDefinition } from '../schema/api.js';
import { checkText } from '../schema/check.js';
import { SCHEMA_OPTIONS, checkLimits, checkOptions, type OptionChecks } from '../compile/options.js';
import { locateInTree, type Diagnostic } from '../diagnostics/diagnostic.js';
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
  /** Defaults to the API's schema. */
  readonly schema?: Schema;
  readonly limits?: Partial<Limits>;
  /** The API searched (its scope, order and schema); defaults to Search OTA Job. */
  readonly api?: ApiDefinition;
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

/** The options every search takes. */
export const SEARCH_OPTIONS: OptionChecks = { ...SCHEMA_OPTIONS, limits: checkLimits };

/**
 * `validateRequest` after checking the options (a TypeError names a bad one); never throws for any `request`.
 */
export function validateSearchRequestWith(
  request: unknown,
  options: SearchOptions | undefined,
  defaultApi: ApiDefinition,
): SearchValidation {
  return validateRequest(request, checkOptions('validateSearchRequest', options, SEARCH_OPTIONS), defaultApi);
}

/** Never throws, whatever `request` is (it may come straight from JSON.parse); `options` are already checked. */
export function validateRequest(
  request: unknown,
  options: SearchOptions | undefined,
  defaultApi: ApiDefinition,
): SearchValidation {
  const body = isObject(request) ? request : {};
  const orgId = body.orgId;
  if (typeof orgId !== 'string' || orgId.length === 0) {
    return requestError(
      orgId === undefined || orgId === null || orgId === ''
        ? 'orgId is mandatory'
        : `orgId must be a string, found ${describe(orgId)}`,
    );
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
    return requestError(
      `pagination.pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, found ${describe(pageSize)}`,
    );
  }
  const expression = body.expression ?? undefined;
  if (expression !== undefined && typeof expression !== 'string') {
    return requestError(`expression must be a string, found ${describe(expression)}`);
  }
  const result = checkText(
    expression ?? '',
    options?.limits ? { limits: options.limits } : undefined,
    searchedSchema(options, defaultApi),
  );
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    return { ok: false, message: errors[0]!.message, diagnostics: errors };
  }
  const page = pageNo ?? DEFAULT_PAGE_NO;
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  return {
    ok: true,
    search: {
      orgId,
      ast: result.ast,
      pageNo: page,
      pageSize: size,
      offset: (page - 1) * size,
      warnings: result.diagnostics,
    },
  };
}

/** The API a search runs on: `options.api`, else the default. */
export function searchedApi(options: SearchOptions | undefined, defaultApi: ApiDefinition): ApiDefinition {
  return options?.api ?? defaultApi;
}

/** The schema a search validates with: `options.schema`, else the searched API's. */
export function searchedSchema(options: SearchOptions | undefined, defaultApi: ApiDefinition): Schema {
  return options?.schema ?? searchedApi(options, defaultApi).schema;
}

function requestError(message: string): SearchValidation {
  return {
    ok: false,
    message,
    diagnostics: [locateInTree({ severity: 'error', kind: 'invalid-input', message, span: { start: 0, end: 0 } })],
  };
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
