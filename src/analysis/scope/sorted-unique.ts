/**
 * Distinct enterprise indices, ascending, without a Set: a typed sort in the model's scratch
 * arena, then one pass that drops repeats.
 */
import type { ChainModel } from '../../graph/model.js';
import { withScratch } from '../../internal/scratch.js';

/**
 * The distinct values of a list of enterprise indices, ascending (typed sort in a scratch array
 * of `model`'s arena, in a scope of its own; no Set). Used by findGaps and recommendRecruits.
 *
 * @example
 * sortedUnique(model, [5, 2, 5, 0]); // → [0, 2, 5]
 */
export function sortedUnique(model: ChainModel, values: ArrayLike<number>): number[] {
  return withScratch(model, (s) => {
    const sorted = s.int32(values.length);
    for (let i = 0; i < values.length; i++) sorted[i] = values[i]!;
    return distinctSorted(sorted.sort());
  });
}

/**
 * The distinct values of an ascending array, as a plain array.
 *
 * @example
 * distinctSorted(Int32Array.of(0, 2, 2, 5)); // → [0, 2, 5]
 */
export function distinctSorted(sorted: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}
