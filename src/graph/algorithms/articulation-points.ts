/**
 * Articulation points (cut vertices) of an undirected graph: the nodes whose removal disconnects
 * their connected component. Hopcroft & Tarjan's depth-first search with low points, made
 * iterative (an explicit stack, so deep graphs do not overflow the call stack): a non-root v is
 * a cut vertex when some DFS child w has low(w) ≥ disc(v); the root when it has two children or
 * more. O(n + m).
 *
 * Reference: Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 * manipulation. Comm. ACM 16(6), 372–378.
 */
import type { Scratch } from '../../internal/scratch.js';
import type { Rows } from './csr.js';

/**
 * Articulation points of the undirected graph whose edges are those of `succ` (iterative
 * Hopcroft–Tarjan), given `pred`, the same edges reversed: a node's neighbours are its successors,
 * then its predecessors, read from both rows in place. Returns 1 at each articulation point, in a
 * scratch array of `s`'s scope, like its buffers.
 * A DFS tree edge is recognised by the parent node, so parallel edges between two nodes count
 * as one.
 *
 * @example
 * // the path 0 – 1 – 2 given as directed edges 0 → 1, 1 → 2: node 1 is the cut vertex
 * withScratch(owner, (s) => Array.from(articulationPoints(3, succ, pred, s))); // [0, 1, 0]
 */
export function articulationPoints(n: number, succ: Rows, pred: Rows, s: Scratch): Uint8Array {
  const disc = s.int32(n, -1);
  const low = s.int32(n);
  const parent = s.int32(n, -1);
  // the next neighbour of each node on the search path: in its successor row, then in its predecessor row
  const nextSucc = s.int32(n);
  const nextPred = s.int32(n);
  const children = s.int32(n);
  const cut = s.uint8(n);
  const stack = s.int32(n);
  const { offsets: succOffsets, items: succItems } = succ;
  const { offsets: predOffsets, items: predItems } = pred;
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    nextSucc[root] = succOffsets[root]!;
    nextPred[root] = predOffsets[root]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      let w = -1;
      if (nextSucc[v]! < succOffsets[v + 1]!) w = succItems[nextSucc[v]!++]!;
      else if (nextPred[v]! < predOffsets[v + 1]!) w = predItems[nextPred[v]!++]!;
      if (w >= 0) {
        if (disc[w] === -1) {
          parent[w] = v;
          children[v]!++;
          disc[w] = low[w] = time++;
          nextSucc[w] = succOffsets[w]!;
          nextPred[w] = predOffsets[w]!;
          stack[top++] = w;
        } else if (w !== parent[v] && disc[w]! < low[v]!) low[v] = disc[w]!;
      } else {
        top--;
        const p = parent[v]!;
        if (p >= 0) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
          if (parent[p] !== -1 && low[v]! >= disc[p]!) cut[p] = 1;
        }
      }
    }
    if (children[root]! > 1) cut[root] = 1;
  }
  return cut;
}
