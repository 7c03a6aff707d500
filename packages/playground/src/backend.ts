/**
 * Where searches go: the reference server (server mode) or the bundled demo data searched in the page (static mode).
 * The page talks to this interface only, so the two modes show the same page, and one module per mode holds what
 * differs (backend-server.ts with ota-expr/client, backend-static.ts with searchRecords).
 */
import type { ApiName } from './apis.js';
import type { Sorter } from './state.js';

/** The body of a search request, as the page sends it. */
export interface SearchBody {
  readonly expression: string;
  readonly pagination: {
    readonly pageNo: number;
    readonly pageSize: number;
    readonly sorters?: readonly Sorter[];
  };
}

/** One search: the EnOS response as it came (raw JSON, shown as it is) and the request as a `curl` command. */
export interface SearchExchange {
  readonly response: unknown;
  readonly curl: string;
}

export interface Backend {
  readonly mode: 'server' | 'static';
  /** Said in the page's header: where the results come from. */
  readonly label: string;
  /** The organisations the page may search (the development app's, or the demo data's). */
  readonly orgIds: readonly string[];
  /** Resolves with the EnOS response, 99400 included; rejects with `Unreachable` when there is no answer. */
  search(api: ApiName, orgId: string, body: SearchBody): Promise<SearchExchange>;
}

/** No EnOS answer at all: the server is down, the network failed, the answer was not EnOS JSON. */
export class Unreachable extends Error {
  override readonly name = 'Unreachable';
  constructor(
    message: string,
    /** The request that failed, still worth copying. */
    readonly curl: string,
  ) {
    super(message);
  }
}
