/**
 * Typed arrays for the graph kernels: cut from a scratch scope when the caller passes one (the
 * analyses do, so that repeated calls allocate no external memory; see ../../internal/scratch.ts),
 * else newly allocated. Also the node check the kernels share.
 */
import type { Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';

/**
 * Throws a ChainError (`invalid_argument`) when `node` is not a node of a graph of order `order`.
 *
 * @example
 * checkNode(3, 5, 'edge end'); // throws: edge end 5 is not a node of a graph of order 3
 */
export function checkNode(order: number, node: number, what: string): void {
  if (!Number.isInteger(node) || node < 0 || node >= order)
    throw new ChainError('invalid_argument', `${what} ${node} is not a node of a graph of order ${order}`, { node, order });
}

/**
 * Typed arrays from `scratch` when given, else newly allocated.
 *
 * @example
 * const degrees = arrays(scratch).int32(graph.order);
 */
export function arrays(scratch: Scratch | undefined) {
  return scratch ?? {
    int32: (n: number, fill = 0) => (fill === 0 ? new Int32Array(n) : new Int32Array(n).fill(fill)),
    float64: (n: number) => new Float64Array(n),
    uint8: (n: number) => new Uint8Array(n),
  };
}
