/**
 * Step 1 of the centrality: the supply network of a scope. One edge supplier → buyer per pair of
 * members with at least one supply link of a counted status (with a chain, links tagged with a
 * segment of another chain are left out); parallel links merged, their weights summed. Weight:
 * the link's value where given; links of unknown value get the median known value; with no value
 * known every link weighs 1 (a count).
 *
 * Cost: linear in the members' out-links (one pass to keep the counted links, one to merge).
 */
import { arrays } from '../../graph/algorithms/arrays.js';
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import { LINK_STATUSES } from '../../model/vocabulary.js';
import { DEFAULT_SUPPLY_LINK_STATUSES, statusTable } from '../scope/index.js';
import type { ScopeNetwork, ScopeNetworkOptions } from './types.js';

/**
 * Median of the values (sorts them in place, numerically: values are amounts ≥ 0 and never NaN,
 * so this is the order of a stable `(a, b) => a − b` sort up to the sign of zeros).
 */
function median(values: Float64Array): number {
  const sorted = values.sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The counted links out of each member to another member, in member order: buyer node and value. */
interface CountedLinks {
  keptBuyer: Int32Array;
  keptValue: Float64Array;
  /** End of member i's links in `keptBuyer` / `keptValue`. */
  rowEnd: Int32Array;
  linkCount: number;
  valued: number;
}

/** One pass over the members' out-links: the counted ones, with their buyer (node) and value. */
function countedLinks(
  model: ChainModel,
  nodes: Int32Array,
  position: Int32Array,
  counted: Uint8Array,
  chain: number | undefined,
  s: Scratch | undefined,
): CountedLinks {
  const { links, segments } = model.index;
  const n = nodes.length;
  const { offsets: outOffsets, items: outItems } = links.out;
  const { status, to, segment, value } = links;
  const segmentChain = segments.chain;
  const byChain = chain !== undefined;
  let capacity = 0;
  for (let i = 0; i < n; i++) capacity += outOffsets[nodes[i]! + 1]! - outOffsets[nodes[i]!]!;
  const keptBuyer = arrays(s).int32(capacity);
  const keptValue = arrays(s).float64(capacity);
  const rowEnd = arrays(s).int32(n);
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
  return { keptBuyer, keptValue, rowEnd, linkCount, valued };
}

/** How links are weighted: by value when all are valued, by value with the median imputed when some are, else by count. */
function weightingOf(kept: CountedLinks, s: Scratch | undefined): { weighting: ScopeNetwork['weighting']; imputedWeight: number | null } {
  const { linkCount, valued, keptValue } = kept;
  const weighting: ScopeNetwork['weighting'] = valued === 0 ? 'count' : valued === linkCount ? 'value' : 'value-imputed';
  let imputedWeight: number | null = null;
  if (weighting === 'value-imputed') {
    const known = arrays(s).float64(valued);
    for (let c = 0, at = 0; c < linkCount; c++) if (!Number.isNaN(keptValue[c]!)) known[at++] = keptValue[c]!;
    imputedWeight = median(known);
  }
  return { weighting, imputedWeight };
}

/** The merged edges in compressed rows, with the per-node counts and values. */
type MergedNetwork = Omit<ScopeNetwork, 'order' | 'nodes' | 'position' | 'linkCount' | 'valuedLinks' | 'weighting' | 'imputedWeight'>;

/**
 * Merges parallel links into one weighted edge per (supplier, buyer), counting each node's
 * distinct suppliers and buyers and summing its known link values in and out. One pass over the
 * kept links; kept as one loop (the per-link work is a few array updates).
 */
function mergeLinks(kept: CountedLinks, n: number, counting: boolean, imputed: number, s: Scratch | undefined): MergedNetwork {
  const { keptBuyer, keptValue, rowEnd, linkCount } = kept;
  const suppliers = arrays(s).int32(n);
  const buyers = arrays(s).int32(n);
  const valueIn = arrays(s).float64(n);
  const valueOut = arrays(s).float64(n);
  const linksValued = arrays(s).int32(n);
  const linksTotal = arrays(s).int32(n);
  const offsets = arrays(s).int32(n + 1);
  // merged edges: at most one per counted link
  const targets = arrays(s).int32(linkCount);
  const weights = arrays(s).float64(linkCount);
  let edges = 0;
  // merge parallel links: slot of each buyer within the current supplier's row
  const slot = arrays(s).int32(n, -1);
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
    offsets,
    // in the scratch scope, views of the first `edges` entries; else trimmed copies
    targets: s ? targets.subarray(0, edges) : targets.slice(0, edges),
    weights: s ? weights.subarray(0, edges) : weights.slice(0, edges),
    suppliers,
    buyers,
    valueIn,
    valueOut,
    linksValued,
    linksTotal,
  };
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
  const ne = model.index.enterprises.ids.length;
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const n = members.length;
  const position = arrays(s).int32(ne, -1);
  let nodes: Int32Array;
  if (s) (nodes = s.int32(n)).set(members);
  else nodes = Int32Array.from(members);
  for (let i = 0; i < n; i++) position[nodes[i]!] = i;
  const kept = countedLinks(model, nodes, position, counted, options.chainIndex, s);
  const { weighting, imputedWeight } = weightingOf(kept, s);
  const merged = mergeLinks(kept, n, weighting === 'count', imputedWeight ?? 1, s);
  return {
    order: n,
    offsets: merged.offsets,
    targets: merged.targets,
    weights: merged.weights,
    nodes,
    position,
    linkCount: kept.linkCount,
    valuedLinks: kept.valued,
    weighting,
    imputedWeight,
    suppliers: merged.suppliers,
    buyers: merged.buyers,
    valueIn: merged.valueIn,
    valueOut: merged.valueOut,
    linksValued: merged.linksValued,
    linksTotal: merged.linksTotal,
  };
}
