/**
 * Network and concentration metrics: reusable pure functions over compact arrays.
 *
 * Methods
 * - Networks are taken as simple undirected graphs (`SimpleGraph`): a directed supply network is
 *   viewed without direction, parallel links are merged (their weights summed) and self-loops
 *   dropped. Built in linear time by two counting sorts, so neighbour rows come out sorted.
 * - Cost: the graph algorithms are linear (triangles O(m^1.5)) and allocate typed arrays sized by
 *   nodes and edges; given a scratch scope (`internal/scratch.ts`, the analyses pass theirs) they
 *   take every such array from it instead, results included, which are then valid only inside
 *   that scope.
 * - Density 2m / (n(n−1)); weakly connected components by breadth-first search.
 * - Local clustering c_i = 2T_i / (d_i(d_i − 1)) (0 when d_i < 2), their unweighted mean
 *   (NetworkX `average_clustering`: nodes of degree < 2 count as 0), and transitivity
 *   3·triangles / connected triples. Triangles are counted by the degree-ordered "forward"
 *   algorithm, O(m^1.5).
 * - Newman–Girvan modularity Q = Σ_c [L_c / m − γ (D_c / 2m)²] (L_c: weight inside community c,
 *   D_c: total strength of its nodes, m: total weight, γ: resolution).
 * - Louvain communities via graphology-communities-louvain, with a seeded random source so the
 *   same seed gives the same partition.
 * - Herfindahl–Hirschman index H = Σ s_i²; location quotient LQ = (e_ir / e_r) / (e_i / e);
 *   Ellison–Glaeser γ = (G − (1 − Σ x_a²) H) / ((1 − Σ x_a²)(1 − H)), G = Σ_a (s_a − x_a)².
 *
 * References
 * - Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in
 *   networks. Phys. Rev. E 69, 026113.
 * - Blondel, V. D. et al. (2008). Fast unfolding of communities in large networks. J. Stat.
 *   Mech. P10008.
 * - Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of 'small-world' networks.
 *   Nature 393, 440–442 (clustering coefficient).
 * - Schank, T. & Wagner, D. (2005). Finding, counting and listing all triangles in large
 *   graphs. WEA 2005 (forward algorithm).
 * - Ellison, G. & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
 *   industries: a dartboard approach. J. Political Economy 105(5), 889–927.
 * - Reference values in the tests: NetworkX (Hagberg, Schult & Swart 2008) on Zachary's karate
 *   club (Zachary 1977).
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { createRandom, DEFAULT_SEED } from '../internal/random.js';
import type { Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';

// graphology-communities-louvain is CommonJS with `export default` typings: under NodeNext the
// default import is typed as the module object, while Node (ESM) and a bundled CJS build both
// hand over module.exports, the function itself. Take `.default` when present, else the import.
const louvain = ((louvainModule as unknown as { default?: unknown }).default ?? louvainModule) as typeof louvainModule.default;

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

function checkNode(order: number, node: number, what: string): void {
  if (!Number.isInteger(node) || node < 0 || node >= order)
    throw new ChainError('invalid_argument', `${what} ${node} is not a node of a graph of order ${order}`, { node, order });
}

/** Typed arrays from `scratch` when given, else newly allocated. */
function arrays(scratch: Scratch | undefined) {
  return scratch ?? {
    int32: (n: number, fill = 0) => (fill === 0 ? new Int32Array(n) : new Int32Array(n).fill(fill)),
    float64: (n: number) => new Float64Array(n),
    uint8: (n: number) => new Uint8Array(n),
  };
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
 * `scratch` when given (then valid only inside that scope; see ../internal/scratch.ts).
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
  if (!Number.isInteger(order) || order < 0)
    throw new ChainError('invalid_argument', `the order of a graph is a non-negative integer, got ${order}`, { order });
  if (from.length !== to.length || (weight !== undefined && weight.length !== from.length))
    throw new ChainError('invalid_argument', 'edge arrays differ in length', {
      from: from.length,
      to: to.length,
      weight: weight?.length,
    });
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

/**
 * Density of a simple undirected graph: 2m / (n(n − 1)), the share of node pairs that are
 * linked. 0 for fewer than two nodes (as NetworkX).
 *
 * @example
 * density(simpleGraph(3, [0, 1], [1, 2])); // 2/3
 */
export function density(graph: SimpleGraph): number {
  const n = graph.order;
  return n < 2 ? 0 : (2 * graph.size) / (n * (n - 1));
}

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

/**
 * Number of triangles through each node, by the forward algorithm over a degree ordering,
 * O(m^1.5).
 *
 * @example
 * triangleCounts(simpleGraph(3, [0, 1, 2], [1, 2, 0])); // Int32Array [1, 1, 1]
 */
export function triangleCounts(graph: SimpleGraph): Int32Array {
  return triangleCountsIn(graph, undefined);
}

/**
 * {@link triangleCounts} with its typed arrays, the counts included, taken from the scratch scope
 * `scratch` when given (then valid only inside that scope).
 *
 * @example
 * withScratch(model, (s) => transitivity(graph, triangleCountsIn(graph, s)));
 */
export function triangleCountsIn(graph: SimpleGraph, scratch: Scratch | undefined): Int32Array {
  const { order, offsets, neighbours } = graph;
  const alloc = arrays(scratch);
  const degrees = alloc.int32(order);
  for (let i = 0; i < order; i++) degrees[i] = offsets[i + 1]! - offsets[i]!;
  // oriented adjacency: each edge kept once, towards the higher-ranked end (degree, then index);
  // the entries kept are counted, then written
  const outOffsets = alloc.int32(order + 1);
  for (let u = 0; u < order; u++) {
    let count = 0;
    const du = degrees[u]!;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = neighbours[k]!;
      const dv = degrees[v]!;
      if (dv > du || (dv === du && v > u)) count++;
    }
    outOffsets[u + 1] = outOffsets[u]! + count;
  }
  const out = alloc.int32(outOffsets[order]!);
  for (let u = 0, at = 0; u < order; u++) {
    const du = degrees[u]!;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = neighbours[k]!;
      const dv = degrees[v]!;
      if (dv > du || (dv === du && v > u)) out[at++] = v;
    }
  }
  const triangles = alloc.int32(order);
  // the out-neighbours of u marked (a byte each, cleared after u: it stays in cache better than
  // an int per node); each mark found among the out-neighbours of one of them closes a triangle
  const mark = alloc.uint8(order);
  for (let u = 0; u < order; u++) {
    const lo = outOffsets[u]!;
    const hi = outOffsets[u + 1]!;
    if (hi - lo < 2) continue;
    for (let k = lo; k < hi; k++) mark[out[k]!] = 1;
    let closed = 0;
    for (let k = lo; k < hi; k++) {
      const v = out[k]!;
      for (let j = outOffsets[v]!; j < outOffsets[v + 1]!; j++) {
        const w = out[j]!;
        if (mark[w] === 1) {
          closed++;
          triangles[v]!++;
          triangles[w]!++;
        }
      }
    }
    triangles[u]! += closed;
    for (let k = lo; k < hi; k++) mark[out[k]!] = 0;
  }
  return triangles;
}

function checkTriangles(graph: SimpleGraph, triangles: Int32Array): void {
  if (triangles.length !== graph.order)
    throw new ChainError('invalid_argument', `triangle counts cover ${triangles.length} nodes, the graph has ${graph.order}`, {
      triangles: triangles.length,
      order: graph.order,
    });
}

/**
 * Local clustering coefficient of each node (unweighted): 2T_i / (d_i(d_i − 1)), 0 when the
 * degree is below 2 (as NetworkX `clustering`).
 *
 * @example
 * clusteringCoefficients(simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3])); // [1/3, 1, 1, 0]
 *
 * @param triangles `triangleCounts(graph)` when already computed (it is the O(m^1.5) part).
 */
export function clusteringCoefficients(graph: SimpleGraph, triangles: Int32Array = triangleCounts(graph)): number[] {
  checkTriangles(graph, triangles);
  const result: number[] = [];
  for (let i = 0; i < graph.order; i++) {
    const d = graph.offsets[i + 1]! - graph.offsets[i]!;
    result.push(d < 2 ? 0 : (2 * triangles[i]!) / (d * (d - 1)));
  }
  return result;
}

/**
 * Average clustering coefficient: the mean of the local coefficients over all nodes, nodes of
 * degree below 2 counting as 0 (NetworkX `average_clustering` with its defaults). 0 for an
 * empty graph.
 *
 * @example
 * averageClustering(simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3])); // (1/3 + 1 + 1 + 0) / 4
 *
 * @param triangles `triangleCounts(graph)` when already computed (it is the O(m^1.5) part).
 */
export function averageClustering(graph: SimpleGraph, triangles?: Int32Array): number {
  if (graph.order === 0) return 0;
  return clusteringCoefficients(graph, triangles ?? triangleCounts(graph)).reduce((a, b) => a + b, 0) / graph.order;
}

/**
 * Transitivity (global clustering): 3 × triangles / connected triples. 0 when the graph has no
 * connected triple (as NetworkX `transitivity`).
 *
 * @example
 * transitivity(simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3])); // 3 / 5
 *
 * @param triangles `triangleCounts(graph)` when already computed (it is the O(m^1.5) part).
 */
export function transitivity(graph: SimpleGraph, triangles: Int32Array = triangleCounts(graph)): number {
  checkTriangles(graph, triangles);
  let closed = 0;
  let triples = 0;
  for (let i = 0; i < graph.order; i++) {
    const d = graph.offsets[i + 1]! - graph.offsets[i]!;
    closed += triangles[i]!;
    triples += (d * (d - 1)) / 2;
  }
  return triples === 0 ? 0 : closed / triples;
}

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

function checkAmounts(values: ArrayLike<number>, what: string): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0) || !Number.isFinite(v))
      throw new ChainError('invalid_argument', `${what} are finite and non-negative, got ${v} at ${i}`, { index: i, value: v });
    total += v;
  }
  return total;
}

/**
 * Herfindahl–Hirschman index of sizes (output, employees...): Σ s_i², s_i = x_i / Σ x, in
 * (0, 1]; 1 for a single firm, 1/n for n equal firms. Null when the sizes sum to 0.
 *
 * @example
 * herfindahl([6, 2, 2]); // 0.36 + 0.04 + 0.04 = 0.44
 */
export function herfindahl(sizes: ArrayLike<number>): number | null {
  const total = checkAmounts(sizes, 'sizes');
  if (total === 0) return null;
  let h = 0;
  for (let i = 0; i < sizes.length; i++) h += (sizes[i]! / total) ** 2;
  return h;
}

/**
 * Location quotient LQ_ir = (e_ir / e_r) / (e_i / e): the industry's share of the region's
 * activity relative to its share in the reference area (> 1: the region is specialised in it).
 * Null when a share is undefined (e_r = 0, e = 0 or e_i = 0).
 *
 * @example
 * locationQuotient(30, 50, 60, 300); // (30/50) / (60/300) = 3
 */
export function locationQuotient(industryInRegion: number, regionTotal: number, industryTotal: number, total: number): number | null {
  checkAmounts([industryInRegion, regionTotal, industryTotal, total], 'amounts');
  if (regionTotal === 0 || total === 0 || industryTotal === 0) return null;
  if (industryInRegion === 0) return 0;
  const direct = industryInRegion / regionTotal / (industryTotal / total);
  if (Number.isFinite(direct) && direct > 0) return direct;
  // subnormal amounts underflow in the direct quotient; their logarithms are finite
  return Math.exp(Math.log(industryInRegion) - Math.log(regionTotal) - Math.log(industryTotal) + Math.log(total));
}

/** Inputs of {@link ellisonGlaeser}, per area of the reference territory. */
export interface EllisonGlaeserInput {
  /** The industry's activity (output, employment) in each area. */
  industryByArea: ArrayLike<number>;
  /** All industries' activity in each area (same order). */
  totalByArea: ArrayLike<number>;
  /** Size of each plant (firm) of the industry, for the plant Herfindahl H. */
  plantSizes: ArrayLike<number>;
}

/** Ellison–Glaeser index and its parts. */
export interface EllisonGlaeserResult {
  /** γ: concentration beyond what plant lumpiness and random location explain (≈0 random). */
  gamma: number;
  /** Raw geographic concentration G = Σ_a (s_a − x_a)². */
  rawConcentration: number;
  /** Plant Herfindahl H. */
  plantHerfindahl: number;
  /** Σ_a x_a² of the areas' shares of all activity. */
  areaHerfindahl: number;
}

/**
 * Ellison–Glaeser γ = (G − (1 − Σ x_a²) H) / ((1 − Σ x_a²)(1 − H)), with s_a the area's share of
 * the industry, x_a its share of all activity, G = Σ (s_a − x_a)² and H the Herfindahl of the
 * industry's plants. Null when it is undefined: no industry or total activity, a single area
 * holding all activity (Σ x_a² = 1) or a single plant (H = 1).
 *
 * @example
 * ellisonGlaeser({ industryByArea: [8, 2], totalByArea: [50, 50], plantSizes: [4, 4, 2] });
 */
export function ellisonGlaeser(input: EllisonGlaeserInput): EllisonGlaeserResult | null {
  const { industryByArea, totalByArea, plantSizes } = input;
  if (industryByArea.length !== totalByArea.length)
    throw new ChainError('invalid_argument', 'industryByArea and totalByArea differ in length', {
      industry: industryByArea.length,
      total: totalByArea.length,
    });
  const industry = checkAmounts(industryByArea, 'industry amounts');
  const total = checkAmounts(totalByArea, 'area totals');
  const plantHerfindahl = herfindahl(plantSizes);
  if (industry === 0 || total === 0 || plantHerfindahl === null) return null;
  let rawConcentration = 0;
  let areaHerfindahl = 0;
  for (let a = 0; a < industryByArea.length; a++) {
    const s = industryByArea[a]! / industry;
    const x = totalByArea[a]! / total;
    rawConcentration += (s - x) ** 2;
    areaHerfindahl += x * x;
  }
  const spread = 1 - areaHerfindahl;
  if (spread <= 1e-12 || 1 - plantHerfindahl <= 1e-12) return null;
  return {
    gamma: (rawConcentration - spread * plantHerfindahl) / (spread * (1 - plantHerfindahl)),
    rawConcentration,
    plantHerfindahl,
    areaHerfindahl,
  };
}
