/**
 * PageRank by power iteration over a weighted CSR graph.
 *
 * Method: x' = α W x + (1 − α)/N + α·(mass of dangling nodes)/N, where W is column-stochastic
 * by outgoing weight (each edge carries its share of its node's outgoing weight) and a dangling
 * node (no outgoing weight) spreads its rank uniformly, as in graphology-metrics and NetworkX.
 * Start: the uniform vector. Stop rule: the largest absolute change of one iteration is below
 * `tolerance` (default 1e-10), a tolerance that does not grow with N (graphology-metrics stops
 * when the summed change is below N × 1e-6, which at 1e6 nodes holds after the first iteration).
 * At most `maxIterations` (default 1000); the result says whether it converged.
 *
 * Cost: O(iterations × edges) over typed arrays, each edge's share computed once.
 *
 * References
 * - Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web search engine.
 *   Computer Networks and ISDN Systems 30, 107–117.
 * - Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
 *   bringing order to the Web. Stanford InfoLab.
 * - Langville, A. N. & Meyer, C. D. (2006). Google's PageRank and Beyond: The Science of Search
 *   Engine Rankings. Princeton University Press (dangling nodes, power method).
 */
import type { Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import { arrays } from './arrays.js';
import type { WeightedCsr } from './csr.js';

/** Options of {@link pagerankCsr}. */
export interface PagerankOptions {
  /** Damping factor α. Default 0.85. */
  alpha?: number;
  /** Stop when the largest absolute change of an iteration is below this. Default 1e-10. */
  tolerance?: number;
  /** Iteration cap. Default 1000. */
  maxIterations?: number;
}

/** Result of {@link pagerankCsr}. */
export interface PagerankCsrResult {
  /** Rank of each node; sums to 1. */
  scores: Float64Array;
  iterations: number;
  converged: boolean;
  /** Largest absolute change of the last iteration. */
  lastChange: number;
}

/**
 * Weighted PageRank by power iteration over a CSR graph (see the file header for the method).
 * Linear per iteration; the stop rule (max-abs change < tolerance) does not grow with N.
 *
 * @example
 * const g = { order: 3, offsets: Int32Array.of(0, 1, 2, 2), targets: Int32Array.of(1, 2), weights: Float64Array.of(1, 1) };
 * pagerankCsr(g).scores; // node 2, at the end of the chain 0 → 1 → 2, ranks highest
 */
export function pagerankCsr(graph: WeightedCsr, options: PagerankOptions = {}): PagerankCsrResult {
  return pagerankCsrIn(graph, options, undefined);
}

/**
 * {@link pagerankCsr} with its arrays (the scores among them) taken from the scratch scope `s`
 * when given — then the scores are valid only inside that scope — else allocated.
 *
 * @example
 * withScratch(model, (s) => pagerankCsrIn(net, {}, s).scores[0]);
 */
export function pagerankCsrIn(graph: WeightedCsr, options: PagerankOptions, s: Scratch | undefined): PagerankCsrResult {
  const { alpha = 0.85, tolerance = 1e-10, maxIterations = 1000 } = options;
  if (!(alpha >= 0 && alpha <= 1)) throw new ChainError('invalid_argument', `alpha must be in [0, 1], got ${alpha}`, { alpha });
  if (!(tolerance > 0)) throw new ChainError('invalid_argument', `tolerance must be positive, got ${tolerance}`, { tolerance });
  const { order: n, offsets, targets, weights } = graph;
  let x = arrays(s).float64(n);
  let next = arrays(s).float64(n);
  if (n === 0) return { scores: x, iterations: 0, converged: true, lastChange: 0 };
  const outWeight = arrays(s).float64(n);
  for (let i = 0; i < n; i++) for (let k = offsets[i]!; k < offsets[i + 1]!; k++) outWeight[i]! += weights[k]!;
  // each edge's share of its node's outgoing weight, once (weight / total: stays finite for tiny,
  // subnormal weights); the dangling nodes (no outgoing weight) listed apart
  const edges = offsets[n]!;
  const share = arrays(s).float64(edges);
  let danglingCount = 0;
  for (let i = 0; i < n; i++) {
    const total = outWeight[i]!;
    if (!(total > 0)) {
      danglingCount++;
      continue;
    }
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) share[k] = weights[k]! / total;
  }
  const danglingNodes = arrays(s).int32(danglingCount);
  for (let i = 0, d = 0; i < n; i++) if (!(outWeight[i]! > 0)) danglingNodes[d++] = i;
  x.fill(1 / n);
  let iterations = 0;
  let lastChange = Number.POSITIVE_INFINITY;
  let converged = false;
  while (iterations < maxIterations) {
    let dangling = 0;
    for (let d = 0; d < danglingCount; d++) dangling += x[danglingNodes[d]!]!;
    next.fill((1 - alpha) / n + (alpha * dangling) / n);
    for (let i = 0; i < n; i++) {
      if (!(outWeight[i]! > 0)) continue;
      const mass = alpha * x[i]!;
      const end = offsets[i + 1]!;
      for (let k = offsets[i]!; k < end; k++) next[targets[k]!]! += mass * share[k]!;
    }
    lastChange = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(next[i]! - x[i]!);
      if (d > lastChange) lastChange = d;
    }
    [x, next] = [next, x];
    iterations++;
    if (lastChange < tolerance) {
      converged = true;
      break;
    }
  }
  return { scores: x, iterations, converged, lastChange };
}
