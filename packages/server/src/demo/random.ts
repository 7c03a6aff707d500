/** A seeded generator (mulberry32): the same seed gives the same demo data on every machine and in every browser. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
  /** `length` letters and digits. */
  alnum(length: number): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const hex = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i += 1) out += '0123456789abcdef'[int(16)];
    return out;
  };
  const alnum = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i += 1) out += ALNUM[int(ALNUM.length)];
    return out;
  };
  return { next, int, pick, chance: (p) => next() < p, hex, alnum };
}

/** A seed for one API: the demo's seed mixed with the API's name, so that APIs do not share sequences. */
export function seedFor(seed: number, name: string): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < name.length; i += 1) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
