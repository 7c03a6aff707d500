/** An EnOS response read defensively: it came over the network, so its shape is checked, not assumed. */
import { isObject } from './apis.js';

export type ReadResponse =
  | {
      readonly kind: 'page';
      readonly records: readonly unknown[];
      readonly pageNo: number;
      readonly pageSize: number;
      readonly totalSize: number;
    }
  | { readonly kind: 'error'; readonly code: number; readonly message: string }
  | { readonly kind: 'not-enos'; readonly message: string };

export function readResponse(raw: unknown): ReadResponse {
  if (!isObject(raw) || typeof raw['code'] !== 'number')
    return { kind: 'not-enos', message: 'the answer is not an EnOS response' };
  const { code, msg, data, pagination } = raw;
  if (code !== 0) return { kind: 'error', code, message: typeof msg === 'string' ? msg : '' };
  if (!Array.isArray(data) || !isObject(pagination)) return { kind: 'not-enos', message: 'no data or pagination' };
  const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
  return {
    kind: 'page',
    records: data,
    pageNo: number(pagination['pageNo']),
    pageSize: number(pagination['pageSize']),
    totalSize: number(pagination['totalSize']),
  };
}
