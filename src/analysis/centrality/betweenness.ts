/**
 * Step 3 of the centrality: betweenness of the scope's network (Brandes 2001, unweighted
 * shortest paths along the supply direction, not normalised). Exact through graphology-metrics
 * when the network has at most `betweennessLimit` nodes (default 2000); above that, estimated
 * from `betweennessSamples` seeded random source nodes (Brandes & Pich 2007), scaled by
 * N / samples, over the compact arrays (../../graph/algorithms/betweenness.ts); with
 * `betweennessSamples: 0` it is skipped. The result says which.
 */
import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { arrays } from '../../graph/algorithms/arrays.js';
import { betweennessCsrIn } from '../../graph/algorithms/betweenness.js';
import type { WeightedCsr } from '../../graph/algorithms/csr.js';
import { createRandom, DEFAULT_SEED } from '../../internal/random.js';
import type { Scratch } from '../../internal/scratch.js';
import type { BetweennessInfo, BetweennessOptions } from './types.js';

// graphology-metrics ships CommonJS with `export default` typings: under NodeNext the default
// import is typed as the module object, while Node (ESM) and tsup's CJS bundle both hand over
// module.exports, the function itself. Take `.default` when present, else the import.
const betweennessCentrality = ((betweennessModule as unknown as { default?: unknown }).default ??
  betweennessModule) as typeof betweennessModule.default;

/** Scores (null when skipped) and how they were obtained. */
type Betweenness = { scores: Float64Array | null; info: BetweennessInfo };

/**
 * Betweenness of a network: exact (graphology-metrics, Brandes) up to the size limit, sampled
 * above it, or skipped (null scores). Scores are unnormalised pair counts.
 *
 * @example
 * const { scores, info } = betweennessOf(net);
 * info.method; // 'exact' for a small network
 */
export function betweennessOf(
  network: WeightedCsr,
  options: BetweennessOptions = {},
): { scores: Float64Array | null; info: BetweennessInfo } {
  return betweennessOfIn(network, options, undefined);
}

/**
 * {@link betweennessOf} with its arrays (the scores among them) taken from the scratch scope `s`
 * when given — then the scores are valid only inside that scope — else allocated.
 *
 * @example
 * withScratch(model, (s) => betweennessOfIn(net, {}, s).info.method);
 */
export function betweennessOfIn(
  network: WeightedCsr,
  options: BetweennessOptions,
  s: Scratch | undefined,
): { scores: Float64Array | null; info: BetweennessInfo } {
  const { betweennessLimit: limit = 2000, betweennessSamples = 256, seed = DEFAULT_SEED } = options;
  const n = network.order;
  if (n <= limit) return exactBetweenness(network, limit, s);
  if (betweennessSamples <= 0) {
    return {
      scores: null,
      info: {
        method: 'skipped',
        samples: null,
        limit,
        reason: {
          zh: `网络共 ${n} 个节点，超过 ${limit}，且未设抽样，未计算介数中心性。`,
          en: `The network has ${n} nodes, more than ${limit}, and sampling is off: betweenness was skipped.`,
        },
      },
    };
  }
  return sampledBetweenness(network, limit, betweennessSamples, seed, s);
}

/** Exact betweenness through graphology-metrics (Brandes), for a network of at most `limit` nodes. */
function exactBetweenness(network: WeightedCsr, limit: number, s: Scratch | undefined): Betweenness {
  const n = network.order;
  const graph = new DirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (let i = 0; i < n; i++)
    for (let k = network.offsets[i]!; k < network.offsets[i + 1]!; k++) graph.mergeEdge(String(i), String(network.targets[k]!));
  // graphology-metrics throws on a graph without nodes (its stack needs a positive capacity)
  const mapping: Record<string, number> = n === 0 ? {} : betweennessCentrality(graph, { getEdgeWeight: null, normalized: false });
  const scores = arrays(s).float64(n);
  for (let i = 0; i < n; i++) scores[i] = mapping[String(i)] ?? 0;
  return {
    scores,
    info: {
      method: 'exact',
      samples: null,
      limit,
      reason: {
        zh: `网络共 ${n} 个节点，不超过 ${limit}，介数中心性为精确值（Brandes 算法）。`,
        en: `The network has ${n} nodes, at most ${limit}: betweenness is exact (Brandes).`,
      },
    },
  };
}

/** Betweenness estimated from `samples` distinct seeded source nodes (Brandes–Pich), scaled by N / samples. */
function sampledBetweenness(network: WeightedCsr, limit: number, samples: number, seed: number, s: Scratch | undefined): Betweenness {
  const n = network.order;
  const k = Math.min(samples, n);
  // k distinct sources: partial Fisher–Yates shuffle with the seeded source
  const random = createRandom(seed);
  const pool = arrays(s).int32(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = random.int(i, n - 1);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  const scores = betweennessCsrIn(network, pool.subarray(0, k), s);
  const scale = n / k;
  for (let i = 0; i < n; i++) scores[i]! *= scale;
  return {
    scores,
    info: {
      method: 'sampled',
      samples: k,
      limit,
      reason: {
        zh: `网络共 ${n} 个节点，超过 ${limit}，介数中心性由 ${k} 个随机源点估计（Brandes–Pich 抽样，种子 ${seed}）。`,
        en: `The network has ${n} nodes, more than ${limit}: betweenness is estimated from ${k} random sources (Brandes–Pich sampling, seed ${seed}).`,
      },
    },
  };
}
