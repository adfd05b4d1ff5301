/**
 * Newman–Girvan modularity of a partition of a weighted undirected graph:
 * Q = Σ_c [L_c / m − γ (D_c / 2m)²] (L_c: weight inside community c, D_c: total strength of its
 * nodes, m: total weight, γ: resolution).
 *
 * References: Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure
 * in networks. Phys. Rev. E 69, 026113; Reichardt, J. & Bornholdt, S. (2006). Statistical
 * mechanics of community detection. Phys. Rev. E 74, 016110 (resolution γ).
 */
import { ChainError } from '../../model/issues.js';
import type { SimpleGraph } from './simple-graph.js';

/** Options of {@link modularity}. */
export interface ModularityOptions {
  /** Resolution γ. Default 1. */
  resolution?: number;
}

/**
 * Newman–Girvan modularity of a partition of a weighted undirected graph:
 * Q = Σ_c [L_c / m − γ (D_c / 2m)²]. `communities[i]` is the community label of node `i`
 * (any integers). Null when the graph has no edge weight.
 *
 * @example
 * modularity(simpleGraph(4, [0, 2], [1, 3]), [0, 0, 1, 1]); // 0.5
 */
export function modularity(graph: SimpleGraph, communities: ArrayLike<number>, options: ModularityOptions = {}): number | null {
  const { order, offsets, neighbours, weights } = graph;
  const resolution = options.resolution ?? 1;
  if (communities.length !== order)
    throw new ChainError('invalid_argument', `a partition labels every node: ${communities.length} labels for ${order} nodes`, {
      labels: communities.length,
      order,
    });
  const inside = new Map<number, number>();
  const strength = new Map<number, number>();
  let twoM = 0;
  for (let i = 0; i < order; i++) {
    const c = communities[i]!;
    let s = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      s += weights[k]!;
      if (communities[neighbours[k]!] === c) inside.set(c, (inside.get(c) ?? 0) + weights[k]!);
    }
    strength.set(c, (strength.get(c) ?? 0) + s);
    twoM += s;
  }
  if (twoM === 0) return null;
  let q = 0;
  // inside sums count each edge from both ends: L_c / m = inside_c / 2m
  for (const [c, d] of strength) q += (inside.get(c) ?? 0) / twoM - resolution * (d / twoM) ** 2;
  return q;
}
