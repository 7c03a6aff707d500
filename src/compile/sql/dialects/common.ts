/** Small pieces more than one dialect file uses. */
import type { ParamFn } from '../dialect.js';

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** An identifier quoter for `quote`, doubling it inside the name. */
export function quoteWith(quote: string): (name: string) => string {
  return (name) => `${quote}${name.split(quote).join(quote + quote)}${quote}`;
}

/** The placeholders of `params`, comma-separated, each optionally wrapped. */
export function placeholderList(params: readonly ParamFn[], wrap: (placeholder: string) => string = (p) => p): string {
  return params.map((param) => wrap(param())).join(', ');
}
