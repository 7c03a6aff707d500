/** docs/LANGUAGE.md §4's limits. Each is configurable per call; past a limit the answer is a diagnostic, never a crash. */
export interface Limits {
  /** Longest accepted text, in UTF-16 code units. */
  readonly maxLength: number;
  /** Most grouping parentheses open at one point (redundant ones count). */
  readonly maxDepth: number;
  /** Most values in one `in (…)`. */
  readonly maxInValues: number;
  /** Most comparisons in one expression; `exists` and `is null` forms count, an `in` counts once. */
  readonly maxComparisons: number;
}

/** The limits used when a call sets none: 10,000 code units, depth 32, 1,000 `in` values, 200 comparisons. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxLength: 10_000,
  maxDepth: 32,
  maxInValues: 1_000,
  maxComparisons: 200,
});

export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  if (overrides === undefined) return DEFAULT_LIMITS;
  return { ...DEFAULT_LIMITS, ...withoutUndefined(overrides) };
}

function withoutUndefined(overrides: Partial<Limits>): Partial<Limits> {
  const defined: Partial<Record<keyof Limits, number>> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = overrides[key];
    if (typeof value === 'number' && !Number.isNaN(value)) defined[key] = value;
  }
  return defined;
}
