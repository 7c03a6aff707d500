/**
 * A search request (docs/LANGUAGE.md §5): `orgId` from the query string, `expression` and `pagination` from the
 * body, checked against the rules of the API searched (page sizes, sorters); `null` is absent.
 */
import type { Expression } from '../language/ast.js';
import { apiFor, type ApiDefinition } from '../schema/api.js';
import { checkText } from '../schema/check.js';
import { SCHEMA_OPTIONS, checkLimits, checkOptions, type OptionChecks } from '../compile/options.js';
import { locateInTree, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Limits } from '../language/limits.js';
import type { Schema, SortKey } from '../schema/schema.js';

/** A search request as EnOS takes it: the organisation, an optional expression and optional pagination. */
export interface SearchRequest {
  /** Mandatory: records of other organisations are never returned. */
  readonly orgId: string;
  /** The filter expression; absent, null or blank matches every record. */
  readonly expression?: string | null;
  /** Which page to return, and in which order. */
  readonly pagination?: {
    /** The 1-based page number (default: 1). */
    readonly pageNo?: number | null;
    /** Records per page (default and maximum: the API's). */
    readonly pageSize?: number | null;
    /** Where the API takes sorters: applied in order, then the id; elsewhere ignored, and `sortedBy` is null. */
    readonly sorters?: readonly { readonly field: string; readonly order?: 'ASC' | 'DESC' }[] | null;
  } | null;
}

/** The options every search takes: the API searched and the parse limits. */
export interface SearchOptions {
  /** The API searched: its schema and search rules; defaults to Search OTA Job. */
  readonly schema?: Schema;
  /** Overrides of the parse limits (default: `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>;
}

/** A sorter the request asked for, as the response's `sortedBy` echoes it. */
export interface AppliedSorter {
  readonly field: string;
  readonly order: 'ASC' | 'DESC';
}

/** A request that passed every check: what the targets compile. */
export interface ValidSearch {
  readonly orgId: string;
  readonly ast: Expression | null;
  readonly pageNo: number;
  readonly pageSize: number;
  /** Records to skip: `(pageNo - 1) * pageSize`. */
  readonly offset: number;
  /** The sorters applied, or null (the API takes none, or the request gave none). */
  readonly sortedBy: readonly AppliedSorter[] | null;
  /** The page order before the id: the sorters' when there are some, else the API's default. */
  readonly order: readonly SortKey[];
  /** Warnings (e.g. an unknown enum value): the request is valid and they are for the caller to show. */
  readonly warnings: readonly Diagnostic[];
}

/** What `validateSearchRequest` returns: the valid search, or the 99400 message and diagnostics. */
export type SearchValidation =
  | { readonly ok: true; readonly search: ValidSearch }
  | { readonly ok: false; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

/** The page a request without `pageNo` gets: the first. */
export const DEFAULT_PAGE_NO = 1;
/** Search OTA Job's page sizes; other APIs have their own (`schema.search.pageSize`). */
export const DEFAULT_PAGE_SIZE = 10;
/** The largest page Search OTA Job returns. */
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

/**
 * Never throws, whatever `request` is (it may come straight from JSON.parse); `options` are already checked.
 * Checked in this order, the first failure being the answer: orgId, pagination, pageNo, pageSize, sorters (where
 * the API takes them), expression.
 */
export function validateRequest(
  request: unknown,
  options: SearchOptions | undefined,
  defaultApi: ApiDefinition,
): SearchValidation {
  const api = apiFor(options?.schema, defaultApi);
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
  const max = api.pageSize.max;
  const pageSize = pagination?.pageSize ?? undefined;
  if (pageSize !== undefined && !(isInteger(pageSize) && pageSize >= 1 && pageSize <= max)) {
    return requestError(`pagination.pageSize must be an integer from 1 to ${max}, found ${describe(pageSize)}`);
  }
  const sorters =
    api.sorters === undefined ? { ok: true as const, applied: null } : readSorters(pagination?.sorters, api.sorters);
  if (!sorters.ok) return requestError(sorters.message);
  const expression = body.expression ?? undefined;
  if (expression !== undefined && typeof expression !== 'string') {
    return requestError(`expression must be a string, found ${describe(expression)}`);
  }
  const result = checkText(expression ?? '', options?.limits ? { limits: options.limits } : undefined, api.schema);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    return { ok: false, message: errors[0]!.message, diagnostics: errors };
  }
  const page = pageNo ?? DEFAULT_PAGE_NO;
  const size = pageSize ?? api.pageSize.default;
  const sortedBy = sorters.applied;
  const order =
    sortedBy === null
      ? api.order
      : sortedBy.map(({ field, order: direction }) => ({
          field,
          direction: direction === 'DESC' ? ('desc' as const) : ('asc' as const),
          type: api.sorters!.find((sorter) => sorter.field === field)!.type,
        }));
  return {
    ok: true,
    search: {
      orgId,
      ast: result.ast,
      pageNo: page,
      pageSize: size,
      offset: (page - 1) * size,
      sortedBy,
      order,
      warnings: result.diagnostics,
    },
  };
}

type SorterReading =
  | { readonly ok: true; readonly applied: readonly AppliedSorter[] | null }
  | { readonly ok: false; readonly message: string };

/** `pagination.sorters` where the API takes them: null or `[]` is none; each must name a listed field. */
function readSorters(sorters: unknown, allowed: readonly Omit<SortKey, 'direction'>[]): SorterReading {
  if (sorters === undefined || sorters === null) return { ok: true, applied: null };
  const fields = allowed.map((sorter) => sorter.field);
  if (!Array.isArray(sorters))
    return { ok: false, message: `pagination.sorters must be an array, found ${describe(sorters)}` };
  const applied: AppliedSorter[] = [];
  for (const [index, sorter] of sorters.entries()) {
    const where = `pagination.sorters[${index}]`;
    if (!isObject(sorter))
      return { ok: false, message: `${where} must be an object { field, order? }, found ${describe(sorter)}` };
    if (typeof sorter.field !== 'string' || !fields.includes(sorter.field)) {
      return {
        ok: false,
        message: `${where}.field must be one of ${fields.join(', ')}, found ${describe(sorter.field)}`,
      };
    }
    const order = sorter.order ?? 'ASC';
    if (order !== 'ASC' && order !== 'DESC') {
      return { ok: false, message: `${where}.order must be ASC or DESC, found ${describe(sorter.order)}` };
    }
    applied.push({ field: sorter.field, order });
  }
  return { ok: true, applied: applied.length === 0 ? null : applied };
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
