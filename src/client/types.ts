/** The client's public shapes, generic over the catalogue of APIs the entry binds (src/client.ts). */
import type { Filter } from '../builder/builder.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Limits } from '../language/limits.js';
import type { ApiDefinition } from '../schema/api.js';
import type { Schema } from '../schema/schema.js';
import type { AppliedSorter } from '../search/request.js';
import type { AbortSignalLike, FetchLike } from './globals.js';

/** One API as the client calls it: its definition (schema and search rules) and its route on the gateway. */
export interface ClientApi {
  readonly api: ApiDefinition;
  readonly path: string;
  readonly action: string;
}

/** The type-level catalogue: for each API name, its schema (for builder trees) and its record type. */
export type Catalogue = { readonly [name: string]: { readonly schema: Schema; readonly record: object } };

/** How to reach the gateway and sign for it. */
export interface ClientOptions {
  /**
   * The gateway's address, e.g. `https://apim-gateway.example.com` or the reference server's URL; API paths are
   * appended to it, so it may hold a path prefix of its own.
   */
  readonly baseUrl: string;
  /** The application's access key. */
  readonly appKey: string;
  /** The application's secret key: it signs, and is never sent. */
  readonly appSecret: string;
  /** The `fetch` to use (default: the global one): a test double, or one that goes through a proxy. */
  readonly fetch?: FetchLike;
  /** The clock, in milliseconds since the epoch (default: `Date.now`): timestamps and the token's expiry. */
  readonly now?: () => number;
  /** Milliseconds each HTTP exchange may take, body included (default 30,000); 0: no limit. */
  readonly timeoutMs?: number;
  /** Renew the token this long before it expires (default 60,000 ms). */
  readonly renewBeforeMs?: number;
  /**
   * Check each request with the API's schema and search rules before sending it (default: true). A refused
   * request throws `ExpressionError` and sends nothing. `false` sends expressions as they are, for a gateway whose
   * APIs accept more than ota-expr's schemas do.
   */
  readonly validate?: boolean;
  /** Parse limits for the local check (default: `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>;
}

/** A sorter of `pagination.sorters`: a field the API sorts by, ascending unless `order` is `DESC`. */
export interface ClientSorter {
  readonly field: string;
  readonly order?: 'ASC' | 'DESC';
}

/** What a search sends: the organisation, the filter, the page, and how to bound the call. */
export interface ClientSearchRequest<S extends Schema> {
  /** The organisation searched (the `orgId` query parameter). */
  readonly orgId: string;
  /** The filter: text, or a tree made by `queryBuilder(schemas[name])`; absent or null matches every record. */
  readonly expression?: string | Filter<S> | null;
  /** Which page, of what size, in what order (sorters only where the API takes them). */
  readonly pagination?: {
    readonly pageNo?: number;
    readonly pageSize?: number;
    readonly sorters?: readonly ClientSorter[];
  };
  /** More query parameters for the API (e.g. Search Command's `assetId`); signed like `action` and `orgId`. */
  readonly query?: Readonly<Record<string, string>>;
  /** Aborts the search (the token request it may wait for goes on, shared with other searches). */
  readonly signal?: AbortSignalLike;
}

/** One page of a search: the API's typed records and EnOS's pagination. */
export interface ClientPage<R> {
  readonly records: R[];
  readonly pagination: {
    /** The sorters applied, or null where the API takes none or the request gave none. */
    readonly sortedBy: readonly AppliedSorter[] | null;
    readonly pageNo: number;
    readonly pageSize: number;
    /** Every match, not only this page's. */
    readonly totalSize: number;
  };
  /** EnOS's id of the answer. */
  readonly requestId: string;
  /** The local check's warnings (e.g. an unknown enum value: valid, and it probably matches nothing). */
  readonly warnings: readonly Diagnostic[];
}

/** A signed call of any gateway API: what `client.call` sends. */
export interface SignedCall {
  /** The API's path below `baseUrl`, starting with `/`. */
  readonly path: string;
  /** Its query parameters (signed). */
  readonly query?: Readonly<Record<string, string>>;
  /** Its JSON body, sent and signed as `JSON.stringify(body)`; absent: an empty body. */
  readonly body?: unknown;
  readonly signal?: AbortSignalLike;
}

/** An EnOS client of the APIs of catalogue `C`. */
export interface Client<C extends Catalogue> {
  /** One page of a search of API `name`. */
  search<N extends keyof C & string>(
    name: N,
    request: ClientSearchRequest<C[N]['schema']>,
  ): Promise<ClientPage<C[N]['record']>>;
  /** Every page from `pagination.pageNo` (default 1) to the last, in the API's largest page size unless told another. */
  pages<N extends keyof C & string>(
    name: N,
    request: ClientSearchRequest<C[N]['schema']>,
  ): AsyncIterableIterator<ClientPage<C[N]['record']>>;
  /** Every matching record, page after page. */
  searchAll<N extends keyof C & string>(
    name: N,
    request: ClientSearchRequest<C[N]['schema']>,
  ): AsyncIterableIterator<C[N]['record']>;
  /** A signed POST of any gateway API, answered with EnOS's parsed JSON (errors as for `search`). */
  call(request: SignedCall): Promise<unknown>;
  /** The access token, fetched or cached (for a caller that signs some request itself). */
  accessToken(signal?: AbortSignalLike): Promise<string>;
}
