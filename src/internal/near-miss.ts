/**
 * Near-miss matching for "did you mean …" suggestions: the Levenshtein distance (insertions,
 * deletions, substitutions of code units), computed only up to a bound so that a miss costs
 * little, and the closest of a list of candidate keys.
 *
 * Reference: V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions and
 * reversals", Soviet Physics Doklady 10(8), 1966; the bound as in Ukkonen, "Algorithms for
 * approximate string matching", Information and Control 64, 1985 (stop once a row exceeds it).
 */

/**
 * The edit distance of `a` and `b`, or `max + 1` when it is more than `max`.
 *
 * @example
 * boundedEditDistance('qs-cathod', 'qs-cathode', 2) // → 1
 * boundedEditDistance('wind', 'solar', 2) // → 3
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * The largest distance a suggestion may be from a query of this length: one edit for short
 * keys, about one in four characters for longer ones, at most three.
 *
 * @example
 * nearMissBound('qs-cathod') // → 2
 */
export function nearMissBound(query: string): number {
  return Math.min(3, Math.max(1, Math.floor(query.length / 4)));
}

/**
 * The position of the candidate key closest to `query` within {@link nearMissBound}, compared
 * case-insensitively; ties go to the earliest candidate, so the answer is deterministic. An
 * exact case-insensitive match wins outright. Returns -1 when none is close enough.
 *
 * @example
 * closestKey('qs-cathod', ['qs-anode', 'qs-cathode']) // → 1
 */
export function closestKey(query: string, keys: readonly string[]): number {
  const q = query.toLowerCase();
  const max = nearMissBound(q);
  let best = -1;
  let bestDistance = max + 1;
  for (let k = 0; k < keys.length; k++) {
    const d = boundedEditDistance(q, keys[k]!.toLowerCase(), Math.min(max, bestDistance - 1));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
