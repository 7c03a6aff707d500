/**
 * The page's state and its URL form, so that a link reproduces a query: `#api=device&q=…&page=2&size=20&org=…&sort=
 * createTime:DESC`. In the fragment, not the query string: changing it never reloads the page, and it works for the
 * static build opened from files, where `history.replaceState` is refused (a file: page has an opaque origin).
 */
import { DEFAULT_API_NAME, isApiName, type ApiName } from './apis.js';

export interface Sorter {
  readonly field: string;
  readonly order: 'ASC' | 'DESC';
}

export interface PageState {
  readonly api: ApiName;
  readonly expression: string;
  readonly pageNo: number;
  /** null: the API's default page size. */
  readonly pageSize: number | null;
  /** null: the first organisation the backend offers. */
  readonly orgId: string | null;
  readonly sorters: readonly Sorter[];
}

export const INITIAL_STATE: PageState = {
  api: DEFAULT_API_NAME,
  expression: '',
  pageNo: 1,
  pageSize: null,
  orgId: null,
  sorters: [],
};

/** Reads a fragment; anything unreadable falls back to the initial state's value for that key, never an error. */
export function readState(hash: string): PageState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const api = params.get('api');
  return {
    api: api !== null && isApiName(api) ? api : INITIAL_STATE.api,
    expression: params.get('q') ?? INITIAL_STATE.expression,
    pageNo: positiveInteger(params.get('page')) ?? INITIAL_STATE.pageNo,
    pageSize: positiveInteger(params.get('size')),
    orgId: params.get('org') || null,
    sorters: readSorters(params.get('sort')),
  };
}

export function writeState(state: PageState): string {
  const params = new URLSearchParams();
  params.set('api', state.api);
  if (state.expression !== '') params.set('q', state.expression);
  if (state.pageNo !== 1) params.set('page', String(state.pageNo));
  if (state.pageSize !== null) params.set('size', String(state.pageSize));
  if (state.orgId !== null) params.set('org', state.orgId);
  if (state.sorters.length > 0) params.set('sort', state.sorters.map((s) => `${s.field}:${s.order}`).join(','));
  return `#${params.toString()}`;
}

function positiveInteger(text: string | null): number | null {
  if (text === null || !/^[1-9][0-9]{0,8}$/.test(text)) return null;
  return Number(text);
}

function readSorters(text: string | null): Sorter[] {
  if (text === null || text === '') return [];
  return text.split(',').flatMap((part) => {
    const [field = '', order = 'ASC'] = part.split(':');
    return field !== '' && (order === 'ASC' || order === 'DESC') ? [{ field, order }] : [];
  });
}
