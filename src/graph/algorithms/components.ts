/**
 * Connected components of a simple undirected graph by breadth-first search, O(n + m); on the
 * undirected view of a directed network these are its weakly connected components (Hopcroft,
 * J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph manipulation. Commun.
 * ACM 16(6), 372–378; Newman, M. E. J. (2010). Networks: An Introduction. Oxford University Press).
 */
import type { Scratch } from '../../internal/scratch.js';
import { arrays } from './arrays.js';
import type { SimpleGraph } from './simple-graph.js';

/** Connected components of a graph. */
export interface ConnectedComponents {
  /** Number of components (isolated nodes count as components of size 1). */
  count: number;
  /** Component of each node, numbered in the order of each component's smallest node. */
  membership: Int32Array;
  /** Size of each component, indexed by component number. */
  sizes: number[];
  /** Number of the largest component (the first one among equals), -1 for an empty graph. */
  largest: number;
}

/**
 * Connected components of a simple undirected graph; on the undirected view of a directed
 * network these are its weakly connected components. Breadth-first search, O(n + m).
 *
 * @example
 * const c = weaklyConnectedComponents(simpleGraph(4, [0, 2], [1, 3]));
 * c.sizes; // [2, 2]
 */
export function weaklyConnectedComponents(graph: SimpleGraph): ConnectedComponents {
  return weaklyConnectedComponentsIn(graph, undefined);
}

/**
 * {@link weaklyConnectedComponents} with its typed arrays, `membership` included, taken from the
 * scratch scope `scratch` when given (then valid only inside that scope).
 *
 * @example
 * withScratch(model, (s) => weaklyConnectedComponentsIn(graph, s).sizes.length);
 */
export function weaklyConnectedComponentsIn(graph: SimpleGraph, scratch: Scratch | undefined): ConnectedComponents {
  const { order, offsets, neighbours } = graph;
  const alloc = arrays(scratch);
  const membership = alloc.int32(order, -1);
  const sizes: number[] = [];
  const queue = alloc.int32(order);
  for (let root = 0; root < order; root++) {
    if (membership[root] !== -1) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    membership[root] = c;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const v = neighbours[k]!;
        if (membership[v] === -1) {
          membership[v] = c;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  let largest = -1;
  sizes.forEach((s, c) => {
    if (largest === -1 || s > sizes[largest]!) largest = c;
  });
  return { count: sizes.length, membership, sizes, largest };
}
