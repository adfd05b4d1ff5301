/**
 * Centrality of firms in the supply network: weighted PageRank and betweenness.
 *
 * Method
 * - The network of a scope (the enterprises of a region and its sub-regions, in a chain if one
 *   is given) has one edge supplier → buyer per pair of firms with at least one supply link of a
 *   counted status (default `active` and `brokered`); parallel links are merged and their
 *   weights summed. With a chain, links tagged with a segment of another chain are left out.
 * - Weight of a link: its value (亿元) where given. Links of unknown value get the median of the
 *   known values of the network; when no value is known every link weighs 1 (a count). The
 *   result says which (`weighting`).
 * - Weighted PageRank along the supply direction: value flows from supplier to buyer, so a firm
 *   fed by many (or large) suppliers ranks high, and so do the buyers of such firms. Power
 *   iteration x' = α W x + (1 − α)/N + α·(mass of dangling nodes)/N, where W is column-
 *   stochastic by outgoing weight and a dangling node (no outgoing weight: an end buyer) spreads
 *   its rank uniformly, as in graphology-metrics and NetworkX. Stop rule: the largest absolute
 *   change of one iteration is below `tolerance` (default 1e-10) — a tolerance that does not
 *   grow with N. (graphology-metrics stops when the summed change is below N × 1e-6, which at
 *   1e6 nodes holds after the first iteration and ranks wrongly.) At most `maxIterations`
 *   (default 1000); the result says whether it converged.
 * - Betweenness (Brandes 2001, unweighted shortest paths along the supply direction, not
 *   normalised): exact through graphology-metrics when the network has at most
 *   `betweennessLimit` nodes (default 2000); above that, estimated from `betweennessSamples`
 *   seeded random source nodes (Brandes & Pich 2007), scaled by N / samples, over the compact
 *   arrays; with `betweennessSamples: 0` it is skipped. The result says which.
 *
 * Cost: the scope's members (one pass over the region's firms; chain roles from a per-model
 * cache) and its network (one pass over the members' out-links) are linear; PageRank is
 * O(iterations × edges) over typed arrays (each edge's share of its node's weight computed
 * once); sampled betweenness is O(samples × edges). {@link supplyCentrality} takes its typed
 * arrays from the model's scratch arena (../internal/scratch.ts; so do the callers that pass a
 * scratch scope to the `…In` variants), so a call after the first allocates none outside the JS
 * heap; the exported CSR functions without a scope allocate their arrays.
 *
 * References
 * - Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
 *   bringing order to the Web. Stanford InfoLab.
 * - Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociology
 *   25(2), 163–177.
 * - Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. Int. J.
 *   Bifurcation and Chaos 17(7), 2303–2318.
 */
import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { ChainModel } from '../graph/model.js';
import { enterprisesInRegionIdx } from '../graph/queries.js';
import { round } from '../internal/format.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { createRandom, DEFAULT_SEED } from '../internal/random.js';
import { ChainError } from '../model/issues.js';
import { ENTERPRISE_STATUSES, LINK_STATUSES, type EnterpriseStatus, type LinkStatus } from '../model/vocabulary.js';
import { resolveScope, type Reason, type ScopeOptions } from './scope/index.js';

// graphology-metrics ships CommonJS with `export default` typings: under NodeNext the default
// import is typed as the module object, while Node (ESM) and tsup's CJS bundle both hand over
// module.exports, the function itself. Take `.default` when present, else the import.
const betweennessCentrality = ((betweennessModule as unknown as { default?: unknown }).default ??
  betweennessModule) as typeof betweennessModule.default;

/** Link statuses that count as an existing supply relation by default. */
export const DEFAULT_SUPPLY_LINK_STATUSES: readonly LinkStatus[] = ['active', 'brokered'];
/** Enterprise statuses analysed by default: every firm present at the place (not closed, not a mere prospect). */
export const DEFAULT_PRESENT_STATUSES: readonly EnterpriseStatus[] = [
  'operating',
  'under-construction',
  'signed',
  'planned',
];

/** A zero-filled array of the scratch scope `s` when given (valid only inside it), else a new one. */
function float64(s: Scratch | undefined, length: number): Float64Array {
  return s ? s.float64(length) : new Float64Array(length);
}
/** An array filled with `fill` (default 0) of the scratch scope `s` when given, else a new one. */
function int32(s: Scratch | undefined, length: number, fill = 0): Int32Array {
  if (s) return s.int32(length, fill);
  const array = new Int32Array(length);
  return fill === 0 ? array : array.fill(fill);
}

/** A directed graph over nodes `0 .. order − 1` in compressed sparse rows, with edge weights. */
export interface WeightedCsr {
  order: number;
  /** Out-edges of node `i` are `targets[offsets[i] .. offsets[i + 1])`. */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

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
  let x = float64(s, n);
  let next = float64(s, n);
  if (n === 0) return { scores: x, iterations: 0, converged: true, lastChange: 0 };
  const outWeight = float64(s, n);
  for (let i = 0; i < n; i++) for (let k = offsets[i]!; k < offsets[i + 1]!; k++) outWeight[i]! += weights[k]!;
  // each edge's share of its node's outgoing weight, once (weight / total: stays finite for tiny,
  // subnormal weights); the dangling nodes (no outgoing weight) listed apart
  const edges = offsets[n]!;
  const share = float64(s, edges);
  let danglingCount = 0;
  for (let i = 0; i < n; i++) {
    const total = outWeight[i]!;
    if (!(total > 0)) {
      danglingCount++;
      continue;
    }
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) share[k] = weights[k]! / total;
  }
  const danglingNodes = int32(s, danglingCount);
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
  const { order: n, offsets, targets } = graph;
  const centrality = float64(s, n);
  const sigma = float64(s, n);
  const delta = float64(s, n);
  const dist = int32(s, n, -1);
  const order = int32(s, n);
  // the shortest-path DAG of one source: the out-edges v → w with dist[w] = dist[v] + 1, in edge
  // order, recorded per node in the order the search settles them (row j: node order[j])
  const dagStart = int32(s, n + 1);
  const dag = int32(s, offsets[n]!);
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

/** Options of {@link scopeNetwork}. */
export interface ScopeNetworkOptions {
  /** Link statuses that count. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** With a chain index, links tagged with a segment of another chain are left out. */
  chainIndex?: number;
}

/** The supply network among a set of enterprises, compact. */
export interface ScopeNetwork extends WeightedCsr {
  /** Enterprise index of each node. */
  nodes: Int32Array;
  /** Node of each enterprise index, −1 where not in the network. */
  position: Int32Array;
  /** Supply-link records counted (before merging parallel links). */
  linkCount: number;
  /** Of those, how many have a value. */
  valuedLinks: number;
  /** How links were weighted. */
  weighting: 'value' | 'value-imputed' | 'count';
  /** Weight given to links of unknown value (the median known value), null when not needed. */
  imputedWeight: number | null;
  /** Per node: number of distinct suppliers and buyers in the network, and known link value in and out (亿元). */
  suppliers: Int32Array;
  buyers: Int32Array;
  valueIn: Float64Array;
  valueOut: Float64Array;
  /** Per node: counted links with and without a value. */
  linksValued: Int32Array;
  linksTotal: Int32Array;
}

/**
 * Median of the values (sorts them in place, numerically: values are amounts ≥ 0 and never NaN,
 * so this is the order of a stable `(a, b) => a − b` sort up to the sign of zeros).
 */
function median(values: Float64Array): number {
  const sorted = values.sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A lookup table over status codes: 1 for the given statuses. Throws a {@link ChainError} for an
 * unknown status.
 *
 * @example
 * const counted = statusTable(['active', 'brokered'], LINK_STATUSES);
 * counted[model.index.links.status[k]]; // 1 when link k counts
 */
export function statusTable(values: readonly string[], all: readonly string[]): Uint8Array {
  const table = new Uint8Array(all.length);
  for (const v of values) {
    const code = all.indexOf(v);
    if (code < 0) throw new ChainError('invalid_argument', `unknown status "${v}"`, { id: v, valid: all });
    table[code] = 1;
  }
  return table;
}

/**
 * The supply network among the given enterprises (see the file header): merged edges
 * supplier → buyer with weights, and per-node counts of suppliers, buyers and link values.
 * Linear in the links of the members. With a scratch scope `s`, every array of the result is
 * taken from it (valid only inside that scope) and nothing is allocated outside the JS heap.
 *
 * @example
 * const net = scopeNetwork(model, Int32Array.of(0, 1, 2));
 * net.weighting; // 'value' when every counted link has a value
 */
export function scopeNetwork(
  model: ChainModel,
  members: ArrayLike<number>,
  options: ScopeNetworkOptions = {},
  s?: Scratch,
): ScopeNetwork {
  const { links, segments } = model.index;
  const ne = model.index.enterprises.ids.length;
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const chain = options.chainIndex;
  const n = members.length;
  const position = int32(s, ne, -1);
  let nodes: Int32Array;
  if (s) (nodes = s.int32(n)).set(members);
  else nodes = Int32Array.from(members);
  for (let i = 0; i < n; i++) position[nodes[i]!] = i;

  // one pass over the members' out-links: the counted ones, with their buyer (node) and value
  const { offsets: outOffsets, items: outItems } = links.out;
  const { status, to, segment, value } = links;
  const segmentChain = segments.chain;
  const byChain = chain !== undefined;
  let capacity = 0;
  for (let i = 0; i < n; i++) capacity += outOffsets[nodes[i]! + 1]! - outOffsets[nodes[i]!]!;
  const keptBuyer = int32(s, capacity);
  const keptValue = float64(s, capacity);
  const rowEnd = int32(s, n);
  let linkCount = 0;
  let valued = 0;
  for (let i = 0; i < n; i++) {
    const e = nodes[i]!;
    const end = outOffsets[e + 1]!;
    for (let q = outOffsets[e]!; q < end; q++) {
      const k = outItems[q]!;
      if (!counted[status[k]!]) continue;
      const j = position[to[k]!]!;
      if (j < 0) continue;
      const g = segment[k]!;
      if (byChain && g >= 0 && segmentChain[g] !== chain) continue;
      const v = value[k]!;
      keptBuyer[linkCount] = j;
      keptValue[linkCount] = v;
      linkCount++;
      if (!Number.isNaN(v)) valued++;
    }
    rowEnd[i] = linkCount;
  }
  const weighting: ScopeNetwork['weighting'] = valued === 0 ? 'count' : valued === linkCount ? 'value' : 'value-imputed';
  let imputedWeight: number | null = null;
  if (weighting === 'value-imputed') {
    const known = float64(s, valued);
    for (let c = 0, at = 0; c < linkCount; c++) if (!Number.isNaN(keptValue[c]!)) known[at++] = keptValue[c]!;
    imputedWeight = median(known);
  }
  const imputed = imputedWeight ?? 1;

  const suppliers = int32(s, n);
  const buyers = int32(s, n);
  const valueIn = float64(s, n);
  const valueOut = float64(s, n);
  const linksValued = int32(s, n);
  const linksTotal = int32(s, n);
  const offsets = int32(s, n + 1);
  // merged edges: at most one per counted link
  const targets = int32(s, linkCount);
  const weights = float64(s, linkCount);
  let edges = 0;
  // merge parallel links: slot of each buyer within the current supplier's row
  const slot = int32(s, n, -1);
  const counting = weighting === 'count';
  for (let i = 0, c = 0; i < n; i++) {
    const rowStart = edges;
    const last = rowEnd[i]!;
    // the supplier's own totals summed apart, in the same order (a self-link touches both sides)
    let out = 0;
    let outValued = 0;
    linksTotal[i]! += last - c;
    for (; c < last; c++) {
      const j = keptBuyer[c]!;
      const v = keptValue[c]!;
      linksTotal[j]!++;
      const known = !Number.isNaN(v);
      if (known) {
        out += v;
        valueIn[j]! += v;
        outValued++;
        linksValued[j]!++;
      }
      const weight = counting ? 1 : known ? v : imputed;
      const at = slot[j]!;
      if (at < 0) {
        slot[j] = edges;
        targets[edges] = j;
        weights[edges] = weight;
        edges++;
        suppliers[j]!++;
      } else weights[at]! += weight;
    }
    valueOut[i] = out;
    linksValued[i]! += outValued;
    buyers[i] = edges - rowStart;
    for (let t = rowStart; t < edges; t++) slot[targets[t]!] = -1;
    offsets[i + 1] = edges;
  }
  return {
    order: n,
    offsets,
    // in the scratch scope, views of the first `edges` entries; else trimmed copies
    targets: s ? targets.subarray(0, edges) : targets.slice(0, edges),
    weights: s ? weights.subarray(0, edges) : weights.slice(0, edges),
    nodes,
    position,
    linkCount,
    valuedLinks: valued,
    weighting,
    imputedWeight,
    suppliers,
    buyers,
    valueIn,
    valueOut,
    linksValued,
    linksTotal,
  };
}

const roleChainsCache = new WeakMap<ChainModel, { offsets: Int32Array; items: Int32Array }>();

/**
 * Per enterprise, the chain index of each of its `chainRoles` entries (−1 for a chain the model
 * does not know), in compressed rows; cached per model, so that scoping needs no record lookups.
 */
function roleChains(model: ChainModel): { offsets: Int32Array; items: Int32Array } {
  let rows = roleChainsCache.get(model);
  if (rows === undefined) {
    const records = model.dataset.enterprises;
    const chainById = model.index.chains.byId;
    const offsets = new Int32Array(records.length + 1);
    const items: number[] = [];
    for (let e = 0; e < records.length; e++) {
      for (const r of records[e]!.chainRoles ?? []) items.push(chainById.get(r.chain) ?? -1);
      offsets[e + 1] = items.length;
    }
    rows = { offsets, items: Int32Array.from(items) };
    roleChainsCache.set(model, rows);
  }
  return rows;
}

/**
 * The enterprises of a scope: located in the region or its sub-regions, operating in the chain
 * (or holding a `chainRoles` entry for it) when one is given, with one of the given statuses;
 * ascending enterprise indices. With a scratch scope `s`, the result is taken from it (valid only
 * inside that scope).
 *
 * @example
 * scopeMembers(model, regionIndex(model, 'jiuquan'), chainIndex(model, 'wind-power')); // Int32Array of enterprise indices
 */
export function scopeMembers(
  model: ChainModel,
  regionIdx: number,
  chainIdx: number | undefined,
  statuses: readonly EnterpriseStatus[] = DEFAULT_PRESENT_STATUSES,
  s?: Scratch,
): Int32Array {
  const { enterprises, segments } = model.index;
  const allowed = statusTable(statuses, ENTERPRISE_STATUSES);
  const roles = chainIdx === undefined ? undefined : roleChains(model);
  const inRegion = enterprisesInRegionIdx(model, regionIdx);
  // in the scratch scope, straight into an array as long as the region's firms; else a list
  const buffer = s ? s.int32(inRegion.length) : undefined;
  const picked: number[] = [];
  let count = 0;
  for (const e of inRegion) {
    if (!allowed[enterprises.status[e]!]) continue;
    if (chainIdx !== undefined) {
      let inChain = false;
      for (let k = enterprises.segments.offsets[e]!; k < enterprises.segments.offsets[e + 1]!; k++)
        if (segments.chain[enterprises.segments.items[k]!] === chainIdx) inChain = true;
      // a firm with a declared role in the chain belongs to it even where its segment is not recorded
      if (!inChain)
        for (let k = roles!.offsets[e]!; k < roles!.offsets[e + 1]!; k++) if (roles!.items[k] === chainIdx) inChain = true;
      if (!inChain) continue;
    }
    if (buffer) buffer[count++] = e;
    else picked.push(e);
  }
  return buffer ? buffer.subarray(0, count).sort() : Int32Array.from(picked).sort();
}

/** Options of {@link betweennessOf}. */
export interface BetweennessOptions {
  /** Largest network (nodes) computed exactly with graphology-metrics. Default 2000. */
  betweennessLimit?: number;
  /** Source nodes sampled above the limit; 0 skips betweenness there. Default 256. */
  betweennessSamples?: number;
  /** Seed of the sampling. Default {@link DEFAULT_SEED}. */
  seed?: number;
}

/** How betweenness was obtained. */
export interface BetweennessInfo {
  method: 'exact' | 'sampled' | 'skipped';
  /** Source nodes used when sampled, else null. */
  samples: number | null;
  limit: number;
  reason: Reason;
}

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
  if (n <= limit) {
    const graph = new DirectedGraph();
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    for (let i = 0; i < n; i++)
      for (let k = network.offsets[i]!; k < network.offsets[i + 1]!; k++) graph.mergeEdge(String(i), String(network.targets[k]!));
    // graphology-metrics throws on a graph without nodes (its stack needs a positive capacity)
    const mapping: Record<string, number> = n === 0 ? {} : betweennessCentrality(graph, { getEdgeWeight: null, normalized: false });
    const scores = float64(s, n);
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
  const k = Math.min(betweennessSamples, n);
  // k distinct sources: partial Fisher–Yates shuffle with the seeded source
  const random = createRandom(seed);
  const pool = int32(s, n);
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

/** Options of {@link supplyCentrality}. */
export interface CentralityOptions extends ScopeOptions, PagerankOptions, BetweennessOptions {
  /** Link statuses that count. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** Enterprise statuses included. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
}

/** One enterprise's centrality. */
export interface EnterpriseCentrality {
  id: string;
  pagerank: number;
  /** Unnormalised betweenness; null when skipped. */
  betweenness: number | null;
  suppliers: number;
  buyers: number;
}

/** Result of {@link supplyCentrality}. */
export interface CentralityResult {
  scope: { region: string; chain: string | null };
  nodes: number;
  /** Merged edges supplier → buyer. */
  edges: number;
  linkCount: number;
  weighting: ScopeNetwork['weighting'];
  imputedWeight: number | null;
  pagerank: { alpha: number; tolerance: number; iterations: number; converged: boolean };
  betweenness: BetweennessInfo;
  /** By PageRank, highest first (ties in dataset order). */
  enterprises: EnterpriseCentrality[];
  reason: Reason;
}

/**
 * Weighted PageRank (supply direction) and betweenness of the enterprises of a scope's local
 * supply network (see the file header).
 *
 * @example
 * const c = supplyCentrality(model, { chain: 'wind-power', region: 'jiuquan' });
 * c.enterprises[0]; // { id, pagerank, betweenness, suppliers, buyers }
 */
export function supplyCentrality(model: ChainModel, options: CentralityOptions = {}): CentralityResult {
  const scope = resolveScope(model, options);
  // the network, the ranks and the scores live in the model's scratch arena for this call
  return withScratch(model, (s) => {
    const members = scopeMembers(model, scope.regionIndex, scope.chainIndex, options.statuses, s);
    const net = scopeNetwork(
      model,
      members,
      {
        ...(options.linkStatuses ? { linkStatuses: options.linkStatuses } : {}),
        ...(scope.chainIndex === undefined ? {} : { chainIndex: scope.chainIndex }),
      },
      s,
    );
    const alpha = options.alpha ?? 0.85;
    const tolerance = options.tolerance ?? 1e-10;
    const pr = pagerankCsrIn(net, options, s);
    const bc = betweennessOfIn(net, options, s);
    const ids = model.index.enterprises.ids;
    const order = Array.from({ length: net.order }, (_, i) => i).sort(
      (a, b) => pr.scores[b]! - pr.scores[a]! || net.nodes[a]! - net.nodes[b]!,
    );
    const edges = net.targets.length;
    const weightingText = {
      value: { zh: '按供货额加权', en: 'weighted by link value' },
      'value-imputed': {
        zh: `按供货额加权，未知额按已知中位数 ${round(net.imputedWeight ?? 0)}亿元计`,
        en: `weighted by link value, unknown values at the known median ${round(net.imputedWeight ?? 0)} 亿元`,
      },
      count: { zh: '供货额均未知，按关系数计', en: 'no link value known, links counted' },
    }[net.weighting];
    return {
      scope: { region: scope.region, chain: scope.chain ?? null },
      nodes: net.order,
      edges,
      linkCount: net.linkCount,
      weighting: net.weighting,
      imputedWeight: net.imputedWeight,
      pagerank: { alpha, tolerance, iterations: pr.iterations, converged: pr.converged },
      betweenness: bc.info,
      enterprises: order.map((i) => ({
        id: ids[net.nodes[i]!]!,
        pagerank: pr.scores[i]!,
        betweenness: bc.scores ? bc.scores[i]! : null,
        suppliers: net.suppliers[i]!,
        buyers: net.buyers[i]!,
      })),
      reason: {
        zh: `本地供应网络 ${net.order} 家企业、${edges} 条供货关系（${weightingText.zh}）；PageRank 迭代 ${pr.iterations} 次${pr.converged ? '收敛' : '未收敛'}。`,
        en: `Local supply network of ${net.order} firms and ${edges} supply relations (${weightingText.en}); PageRank ${pr.converged ? 'converged' : 'did not converge'} in ${pr.iterations} iterations.`,
      },
    };
  });
}
