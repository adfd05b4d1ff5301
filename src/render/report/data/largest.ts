/** How a report cuts a long list: it keeps the largest entries, in the list's order. */
import { largestPositions } from '../../../internal/largest.js';

/**
 * The entries of `list` with the `limit` largest sizes (unknown last, ties to the earlier), in list order.
 *
 * @example
 * largestOf([{ v: 1 }, { v: 3 }, { v: 2 }], (x) => x.v, 2); // → [{ v: 3 }, { v: 2 }]
 */
export function largestOf<T>(list: readonly T[], size: (entry: T) => number | null | undefined, limit: number): T[] {
  const keys = new Float64Array(list.length);
  for (let q = 0; q < list.length; q++) keys[q] = size(list[q]!) ?? Number.NaN;
  return Array.from(largestPositions(keys, limit), (k) => list[k]!);
}
