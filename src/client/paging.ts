/**
 * Every page of a search, as an async iterator: from the requested page (default 1) in the API's largest page size
 * (fewest requests) unless the request names one, until a page comes back short or the pages cover `totalSize`.
 * Each page is fetched only when the consumer asks for it, so breaking out of a `for await` sends nothing more.
 */
import type { Schema } from '../schema/schema.js';
import type { ClientApi, ClientPage, ClientSearchRequest } from './types.js';

export type PageFetcher<S extends Schema, R> = (request: ClientSearchRequest<S>) => Promise<ClientPage<R>>;

export async function* allPages<S extends Schema, R>(
  entry: ClientApi,
  request: ClientSearchRequest<S>,
  fetchPage: PageFetcher<S, R>,
): AsyncGenerator<ClientPage<R>, void, undefined> {
  const requestedSize = request.pagination?.pageSize ?? entry.api.pageSize.max;
  let pageNo = request.pagination?.pageNo ?? 1;
  for (;;) {
    const page = await fetchPage({
      ...request,
      pagination: { ...request.pagination, pageNo, pageSize: requestedSize },
    });
    yield page;
    // The size the gateway applied, should it differ from the one asked for.
    const { pageSize, totalSize } = page.pagination;
    const size = Number.isSafeInteger(pageSize) && pageSize > 0 ? pageSize : requestedSize;
    if (page.records.length === 0 || page.records.length < size || pageNo * size >= totalSize) return;
    pageNo += 1;
  }
}

export async function* allRecords<S extends Schema, R>(
  entry: ClientApi,
  request: ClientSearchRequest<S>,
  fetchPage: PageFetcher<S, R>,
): AsyncGenerator<R, void, undefined> {
  for await (const page of allPages(entry, request, fetchPage)) yield* page.records;
}
