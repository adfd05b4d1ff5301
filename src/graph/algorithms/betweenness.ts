/**
 * Betweenness centrality by Brandes' accumulation over a CSR graph: unweighted shortest paths,
 * directed, not normalised, summed over the given source nodes (all nodes by default; a sample
 * of sources gives the Brandes–Pich estimate once scaled by N / samples, which the caller does).
 *
 * References
 * - Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociology
 *   25(2), 163–177.
 * - Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. Int. J.
 *   Bifurcation and Chaos 17(7), 2303–2318.
 */
import type { Scratch } from '../../internal/scratch.js';
import { arrays } from './arrays.js';
import type { WeightedCsr } from './csr.js';

/**
 * Betweenness by Brandes' accumulation over a CSR graph (unweighted shortest paths, directed, not
 * normalised), summed over the given source nodes (all nodes by default). Linear memory: each
 * source's shortest-path DAG is kept as successor lists (one entry per DAG edge, in edge order),
 * so the accumulation touches only DAG edges; per source, only the nodes it reached are reset.
 * O(sources × (reached nodes + edges)).
 *
 * @example
 * const g = { order: 3, offsets: Int32Array.of(0, 1, 2, 2), targets: Int32Array.of(1, 2), weights: Float64Array.of(1, 1) };
 * betweennessCsr(g); // Float64Array [0, 1, 0]: node 1 lies on the one path 0 → 2
 */
export function betweennessCsr(graph: WeightedCsr, sources?: ArrayLike<number>): Float64Array {
  return betweennessCsrIn(graph, sources, undefined);
}

/**
 * {@link betweennessCsr} with its arrays (the result among them) taken from the scratch scope
 * `s` when given — then the result is valid only inside that scope — else allocated.
 *
 * @example
 * withScratch(model, (s) => betweennessCsrIn(net, undefined, s)[0]);
 */
export function betweennessCsrIn(graph: WeightedCsr, sources: ArrayLike<number> | undefined, s: Scratch | undefined): Float64Array {
  // one function: the search and the accumulation per source are the hot loop of sampled betweenness
  const { order: n, offsets, targets } = graph;
  const centrality = arrays(s).float64(n);
  const sigma = arrays(s).float64(n);
  const delta = arrays(s).float64(n);
  const dist = arrays(s).int32(n, -1);
  const order = arrays(s).int32(n);
  // the shortest-path DAG of one source: the out-edges v → w with dist[w] = dist[v] + 1, in edge
  // order, recorded per node in the order the search settles them (row j: node order[j])
  const dagStart = arrays(s).int32(n + 1);
  const dag = arrays(s).int32(offsets[n]!);
  const count = sources ? sources.length : n;
  for (let q = 0; q < count; q++) {
    const source = sources ? sources[q]! : q;
    dist[source] = 0;
    sigma[source] = 1;
    let head = 0;
    let tail = 0;
    let m = 0;
    order[tail++] = source;
    while (head < tail) {
      const v = order[head]!;
      dagStart[head++] = m;
      const below = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end; k++) {
        const w = targets[k]!;
        let dw = dist[w]!;
        if (dw === -1) {
          dist[w] = dw = below;
          order[tail++] = w;
        }
        if (dw === below) {
          sigma[w]! += sv;
          dag[m++] = w;
        }
      }
    }
    dagStart[tail] = m;
    for (let j = tail - 1; j >= 0; j--) {
      const v = order[j]!;
      const sv = sigma[v]!;
      let d = 0;
      const end = dagStart[j + 1]!;
      for (let a = dagStart[j]!; a < end; a++) {
        const w = dag[a]!;
        d += (sv / sigma[w]!) * (1 + delta[w]!);
      }
      delta[v] = d;
      if (v !== source) centrality[v]! += d;
    }
    // reset what this source touched
    for (let j = 0; j < tail; j++) {
      const v = order[j]!;
      dist[v] = -1;
      sigma[v] = 0;
    }
  }
  return centrality;
}
