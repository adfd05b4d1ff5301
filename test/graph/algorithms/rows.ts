/** Successor and predecessor rows (../../../src/graph/algorithms/csr.ts) of a directed edge list, each row in edge order. */
import type { Rows } from '../../../src/graph/algorithms/csr.js';

function rowsBy(n: number, edges: readonly (readonly [number, number])[], side: 0 | 1): Rows {
  const offsets = new Int32Array(n + 1);
  for (const e of edges) offsets[e[side] + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, n);
  const items = new Int32Array(edges.length);
  for (const e of edges) items[cursor[e[side]]!++] = e[1 - side]!;
  return { offsets, items };
}

export function successorsAndPredecessors(n: number, edges: readonly (readonly [number, number])[]): { succ: Rows; pred: Rows } {
  return { succ: rowsBy(n, edges, 0), pred: rowsBy(n, edges, 1) };
}
