/**
 * The candidate closest to what the user typed, for "did you mean …?" hints: an exact match ignoring case wins,
 * otherwise the smallest edit distance, if small enough for the length of the word to be a plausible typo.
 */
export function closestMatch(typed: string, candidates: readonly string[]): string | undefined {
  const lowered = typed.toLowerCase();
  const caseOnly = candidates.find((candidate) => candidate.toLowerCase() === lowered);
  if (caseOnly !== undefined) return caseOnly;
  // Hints are for short field names; a pasted paragraph gets none, and the distance stays cheap.
  if (typed.length > 64) return undefined;
  const budget = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `ceiling`) once it cannot come in under it. */
export function editDistance(a: string, b: string, ceiling = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= ceiling) return ceiling;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum >= ceiling) return ceiling;
    previous = current;
  }
  return previous[b.length]!;
}
