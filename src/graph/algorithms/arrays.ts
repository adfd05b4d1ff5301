/**
 * Typed arrays for the kernels: taken from a scratch scope when the caller passes one (valid
 * only inside that scope; nothing allocated outside the JS heap after the arena's first use),
 * else allocated. See ../../internal/scratch.ts.
 */
import type { Scratch } from '../../internal/scratch.js';

/**
 * A zero-filled array of the scratch scope `s` when given (valid only inside it), else a new one.
 *
 * @example
 * float64(undefined, 3); // Float64Array [0, 0, 0]
 */
export function float64(s: Scratch | undefined, length: number): Float64Array {
  return s ? s.float64(length) : new Float64Array(length);
}

/**
 * An array filled with `fill` (default 0) of the scratch scope `s` when given, else a new one.
 *
 * @example
 * int32(undefined, 3, -1); // Int32Array [-1, -1, -1]
 */
export function int32(s: Scratch | undefined, length: number, fill = 0): Int32Array {
  if (s) return s.int32(length, fill);
  const array = new Int32Array(length);
  return fill === 0 ? array : array.fill(fill);
}
