/**
 * Louvain communities of a weighted undirected graph: an adapter over
 * graphology-communities-louvain with a seeded random traversal order, so that the same graph
 * and seed give the same partition; communities are renumbered in the order of their smallest
 * node and the partition's modularity is recomputed by {@link modularity}.
 *
 * Reference: Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast
 * unfolding of communities in large networks. J. Stat. Mech. P10008.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { createRandom, DEFAULT_SEED } from '../../internal/random.js';
import type { Scratch } from '../../internal/scratch.js';
import { arrays } from './arrays.js';
import { modularity } from './modularity.js';
import type { SimpleGraph } from './simple-graph.js';

// graphology-communities-louvain is CommonJS with `export default` typings: under NodeNext the
// default import is typed as the module object, while Node (ESM) and a bundled CJS build both
// hand over module.exports, the function itself. Take `.default` when present, else the import.
const louvain = ((louvainModule as unknown as { default?: unknown }).default ?? louvainModule) as typeof louvainModule.default;

/** Options of {@link louvainCommunities}. */
export interface LouvainCommunitiesOptions {
  /** Seed of the random node order. Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Resolution γ. Default 1. */
  resolution?: number;
}

/** Communities found by {@link louvainCommunities}. */
export interface LouvainResult {
  /** Community of each node, numbered in the order of each community's smallest node. */
  membership: Int32Array;
  count: number;
  /** Modularity of the partition (by {@link modularity}), null for a graph without edges. */
  modularity: number | null;
}

/**
 * Louvain communities of a weighted undirected graph (graphology-communities-louvain), with a
 * seeded random traversal order: the same graph and seed give the same partition. Edge weights
 * are the graph's weights.
 *
 * @example
 * const { membership, modularity } = louvainCommunities(graph, { seed: 42 });
 */
export function louvainCommunities(graph: SimpleGraph, options: LouvainCommunitiesOptions = {}): LouvainResult {
  return louvainCommunitiesIn(graph, options, undefined);
}

/**
 * {@link louvainCommunities} with `membership` taken from the scratch scope `scratch` when given
 * (then valid only inside that scope).
 *
 * @example
 * withScratch(model, (s) => louvainCommunitiesIn(graph, { seed: 42 }, s).count);
 */
export function louvainCommunitiesIn(graph: SimpleGraph, options: LouvainCommunitiesOptions, scratch: Scratch | undefined): LouvainResult {
  const { order, offsets, neighbours, weights } = graph;
  const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let i = 0; i < order; i++) g.addNode(String(i));
  for (let i = 0; i < order; i++)
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++)
      if (neighbours[k]! > i) g.addEdge(String(i), String(neighbours[k]!), { weight: weights[k]! });
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const found = louvain(g, { getEdgeWeight: 'weight', resolution: options.resolution ?? 1, rng: random.float });
  const membership = arrays(scratch).int32(order);
  const renumber = new Map<number, number>();
  for (let i = 0; i < order; i++) {
    const c = found[String(i)]!;
    if (!renumber.has(c)) renumber.set(c, renumber.size);
    membership[i] = renumber.get(c)!;
  }
  const modularityOptions = options.resolution === undefined ? {} : { resolution: options.resolution };
  return { membership, count: renumber.size, modularity: modularity(graph, membership, modularityOptions) };
}
