/**
 * Ranks and ties (see ./index.ts): candidates by composite, highest first, in dataset order on
 * equal composites; rank = 1 + the number of candidates with a strictly higher composite, where
 * composites within 1e-12 of each other count as equal (ties share a rank). A firm with no
 * usable component ranks last (sort key −1).
 */
import type { LeaderEntry } from './types.js';

/** Composites closer than this are a tie (floating-point noise of the weighted sums). */
const EPS = 1e-12;

/**
 * The entries in rank order, with their ranks set.
 *
 * @example
 * rankByComposite(entries, keys, members)[0].rank; // 1
 */
export function rankByComposite(entries: readonly LeaderEntry[], keys: Float64Array, members: Int32Array): LeaderEntry[] {
  const n = entries.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[b]! - keys[a]! || members[a]! - members[b]!);
  const ranking = order.map((i) => entries[i]!);
  for (let j = 0; j < n; j++) {
    const entry = ranking[j]!;
    const previous = j > 0 ? ranking[j - 1]! : undefined;
    entry.rank = previous && keys[order[j - 1]!]! <= keys[order[j]!]! + EPS ? previous.rank : j + 1;
  }
  return ranking;
}
