/**
 * The candidate closest to what the user typed, for "did you mean …?" hints: an exact match ignoring case wins,
 * otherwise the smallest edit distance, if small enough for the length of the word to be a plausible typo.
 */
export function closestMatch(typed: string, candidates: readonly string[]): string | undefined {
  const lowered = typed.toLowerCase();
  const caseOnly = candidates.find((candidate) => candidate.toLowerCase() === lowered);
  if (caseOnly !== undefined) return caseOnly;
  // Hints are for short field names; a pasted paragraph gets none, and the distance stays cheap (at most 64 × the
  // candidate's length).
  if (typed.length > 64) return undefined;
  const budget = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance (one row of the table at a time). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
