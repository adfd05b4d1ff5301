/**
 * Simple undirected graphs in compressed sparse rows, built from edge lists.
 *
 * Method: a directed supply network is viewed without direction, parallel links are merged
 * (their weights summed) and self-loops dropped. Built in linear time by two counting sorts
 * (bucket the edge ends by neighbour, then by row visiting neighbours in order), so neighbour
 * rows come out sorted (sorting by transposing twice, after
 * Gustavson, F. G. (1978). Two fast algorithms for sparse matrices: multiplication and permuted
 * transposition. ACM Trans. Math. Softw. 4(3), 250–269).
 *
 * Cost: O(n + m) time; typed arrays sized by nodes and edges, taken from a scratch scope when
 * one is given (then valid only inside that scope).
 */
import type { Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import { arrays, checkNode } from './arrays.js';

/**
 * A simple undirected graph over nodes `0 .. order − 1` in compressed sparse rows: the
 * neighbours of `i` are `neighbours[offsets[i] .. offsets[i + 1])`, ascending; each edge appears
 * in both of its rows with the same weight.
 */
export interface SimpleGraph {
  /** Number of nodes. */
  order: number;
  /** Number of edges (unordered pairs of distinct nodes). */
  size: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Weight of each entry of `neighbours`. */
  weights: Float64Array;
}

/**
 * Builds a {@link SimpleGraph} from an edge list over nodes `0 .. order − 1`, in linear time.
 * Direction is dropped, self-loops are ignored and parallel edges merged, their weights summed
 * (weight 1 per edge when `weight` is not given, so a merged edge weighs its multiplicity).
 *
 * @example
 * const g = simpleGraph(3, [0, 1, 1], [1, 2, 0]); // edges 0–1 (weight 2) and 1–2
 * g.size; // 2
 */
export function simpleGraph(order: number, from: ArrayLike<number>, to: ArrayLike<number>, weight?: ArrayLike<number>): SimpleGraph {
  return simpleGraphIn(order, from, to, weight, undefined);
}

/**
 * {@link simpleGraph} with every typed array, the graph's included, taken from the scratch scope
 * `scratch` when given (then valid only inside that scope; see ../../internal/scratch.ts).
 *
 * @example
 * withScratch(model, (s) => density(simpleGraphIn(3, [0, 1], [1, 2], undefined, s))); // → 2/3
 */
export function simpleGraphIn(
  order: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  weight: ArrayLike<number> | undefined,
  scratch: Scratch | undefined,
): SimpleGraph {
  checkEdgeArrays(order, from, to, weight);
  const alloc = arrays(scratch);
  // first pass: bucket entries by neighbour; second pass: by row, visiting neighbours in order.
  // Every node has as many entries in its column as in its row (one per edge end), so one count
  // gives the offsets of both.
  const colOffsets = alloc.int32(order + 1);
  for (let k = 0; k < from.length; k++) {
    const a = from[k]!;
    const b = to[k]!;
    checkNode(order, a, 'edge end');
    checkNode(order, b, 'edge end');
    const w = weight === undefined ? 1 : weight[k]!;
    if (!(w >= 0) || !Number.isFinite(w))
      throw new ChainError('invalid_argument', `edge weights are finite and non-negative, got ${w}`, { edge: k, weight: w });
    if (a === b) continue;
    colOffsets[b + 1]!++;
    colOffsets[a + 1]!++;
  }
  for (let i = 0; i < order; i++) colOffsets[i + 1]! += colOffsets[i]!;
  const entries = colOffsets[order]!;
  const colCursor = alloc.int32(order);
  colCursor.set(colOffsets.subarray(0, order));
  const colRow = alloc.int32(entries);
  const colWeight = alloc.float64(entries);
  for (let k = 0; k < from.length; k++) {
    const a = from[k]!;
    const b = to[k]!;
    if (a === b) continue;
    const w = weight === undefined ? 1 : weight[k]!;
    let at = colCursor[b]!++;
    colRow[at] = a;
    colWeight[at] = w;
    at = colCursor[a]!++;
    colRow[at] = b;
    colWeight[at] = w;
  }
  const rowOffsets = colOffsets;
  const rowCursor = colCursor;
  rowCursor.set(rowOffsets.subarray(0, order));
  const sortedNeighbour = alloc.int32(entries);
  const sortedWeight = alloc.float64(entries);
  for (let col = 0; col < order; col++)
    for (let k = colOffsets[col]!; k < colOffsets[col + 1]!; k++) {
      const at = rowCursor[colRow[k]!]!++;
      sortedNeighbour[at] = col;
      sortedWeight[at] = colWeight[k]!;
    }
  // merge runs of equal neighbours, in place (the write position never passes the read position)
  const offsets = alloc.int32(order + 1);
  let length = 0;
  for (let i = 0; i < order; i++) {
    for (let k = rowOffsets[i]!; k < rowOffsets[i + 1]!; k++) {
      const j = sortedNeighbour[k]!;
      if (length > offsets[i]! && sortedNeighbour[length - 1] === j) sortedWeight[length - 1]! += sortedWeight[k]!;
      else {
        sortedNeighbour[length] = j;
        sortedWeight[length] = sortedWeight[k]!;
        length++;
      }
    }
    offsets[i + 1] = length;
  }
  return {
    order,
    size: length / 2,
    offsets,
    // scratch arrays are not copied: the rest of the scope is as long as the graph lives
    neighbours: scratch ? sortedNeighbour.subarray(0, length) : sortedNeighbour.slice(0, length),
    weights: scratch ? sortedWeight.subarray(0, length) : sortedWeight.slice(0, length),
  };
}

/** Throws unless `order` is a non-negative integer and the edge arrays have one length. */
function checkEdgeArrays(order: number, from: ArrayLike<number>, to: ArrayLike<number>, weight: ArrayLike<number> | undefined): void {
  if (!Number.isInteger(order) || order < 0)
    throw new ChainError('invalid_argument', `the order of a graph is a non-negative integer, got ${order}`, { order });
  if (from.length !== to.length || (weight !== undefined && weight.length !== from.length))
    throw new ChainError('invalid_argument', 'edge arrays differ in length', {
      from: from.length,
      to: to.length,
      weight: weight?.length,
    });
}
