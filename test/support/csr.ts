/** Small CSR graphs for the kernel tests, and the same graphs for graphology-metrics. */
import { DirectedGraph } from 'graphology';
import type { WeightedCsr } from '../../src/graph/algorithms/csr.js';

/** A CSR graph from edge triples (from, to, weight). */
export function csr(order: number, edges: readonly (readonly [number, number, number])[]): WeightedCsr {
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const offsets = new Int32Array(order + 1);
  for (const [a] of sorted) offsets[a + 1]!++;
  for (let i = 0; i < order; i++) offsets[i + 1]! += offsets[i]!;
  return {
    order,
    offsets,
    targets: Int32Array.from(sorted.map((e) => e[1])),
    weights: Float64Array.from(sorted.map((e) => e[2])),
  };
}

export function graphologyOf(g: WeightedCsr): DirectedGraph {
  const graph = new DirectedGraph();
  for (let i = 0; i < g.order; i++) graph.addNode(String(i));
  for (let i = 0; i < g.order; i++)
    for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) graph.addEdge(String(i), String(g.targets[k]!), { weight: g.weights[k]! });
  return graph;
}
