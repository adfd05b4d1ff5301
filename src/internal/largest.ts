import type { Scratch } from './scratch.js';

/**
 * The positions of the `limit` largest keys (NaN counts as −∞; ties go to the earlier
 * position), in ascending position order: the first `limit` of the positions sorted by (key
 * descending, position ascending), without sorting them. All positions when there are no more
 * than `limit`. With `scratch`, its two working arrays of `keys.length` come from that scope
 * (../internal/scratch.ts); the result is always a new array.
 *
 * @example
 * largestPositions(Float64Array.of(3, NaN, 5, 3), 2); // → Int32Array [0, 2]
 */
export function largestPositions(keys: Float64Array, limit: number, scratch?: Scratch): Int32Array {
  const n = keys.length;
  if (n <= limit) return Int32Array.from({ length: n }, (_, q) => q);
  const kept = new Int32Array(limit);
  if (limit <= 0) return kept;
  const key = scratch ? scratch.float64(n) : new Float64Array(n);
  for (let q = 0; q < n; q++) key[q] = Number.isNaN(keys[q]!) ? -Infinity : keys[q]!;
  // the limit-th largest value; every larger value is kept, then the earliest equal ones
  const threshold = (scratch ? scratch.copy(key) : key.slice()).sort()[n - limit]!;
  let above = 0;
  for (let q = 0; q < n; q++) if (key[q]! > threshold) above++;
  let ties = limit - above;
  for (let q = 0, m = 0; q < n; q++) if (key[q]! > threshold || (key[q] === threshold && ties-- > 0)) kept[m++] = q;
  return kept;
}
