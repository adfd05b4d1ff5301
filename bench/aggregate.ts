/**
 * One aggregation pass, three ways, for the side-by-side measurement of BENCHMARKS.md:
 *
 * - {@link aggregateTyped}: the floor: a plain pass over typed arrays (CSR), everything inlined.
 * - {@link aggregateLibrary}: the same numbers the way the analyses compute them: over
 *   `model.index` through the library's index helpers (`enterprisesInRegionIdx`, `isLocalIdx`).
 * - {@link aggregateGraphology}: the same numbers through graphology's object API on
 *   `supplyGraph(model)` (what the compact index replaces).
 *
 * The pass: known output per segment (firms located in the region) and per region (each
 * region with its sub-regions), distinct suppliers of the firms of each segment (firms located
 * in the region, links of a counted status), and each local buyer's local share of inputs
 * (Σ value from suppliers in the region / Σ value, links of known value and counted status).
 */
import type { ChainModel } from '../src/graph/model.js';
import { supplyGraph } from '../src/graph/graphology.js';
import { enterprisesInRegionIdx, isLocalIdx } from '../src/graph/queries.js';
import { LINK_STATUSES, type LinkStatus } from '../src/model/vocabulary.js';

/** What one pass computes. NaN where unknown. */
export interface Aggregates {
  segmentOutput: Float64Array;
  regionOutput: Float64Array;
  distinctSuppliers: Int32Array;
  /** Per enterprise: local share of its inputs by value, NaN when not a local buyer with valued links. */
  localShare: Float64Array;
}

/** The plain arrays the baseline reads (no model, no helpers). */
export interface PlainArrays {
  regionOf: Int32Array;
  output: Float64Array;
  enter: Int32Array;
  leave: Int32Array;
  parent: Int32Array;
  entSegOffsets: Int32Array;
  entSegItems: Int32Array;
  segEntOffsets: Int32Array;
  segEntItems: Int32Array;
  linkFrom: Int32Array;
  linkValue: Float64Array;
  linkStatus: Uint8Array;
  inOffsets: Int32Array;
  inItems: Int32Array;
  segments: number;
  regions: number;
}

/**
 * Copies the arrays the baseline needs out of a model (outside the timing), so the baseline
 * runs on its own data.
 */
export function plainArrays(model: ChainModel): PlainArrays {
  const { enterprises, regions, segments, links } = model.index;
  return {
    regionOf: enterprises.region.slice(),
    output: enterprises.output.slice(),
    enter: regions.enter.slice(),
    leave: regions.leave.slice(),
    parent: regions.parent.slice(),
    entSegOffsets: enterprises.segments.offsets.slice(),
    entSegItems: enterprises.segments.items.slice(),
    segEntOffsets: segments.enterprises.offsets.slice(),
    segEntItems: segments.enterprises.items.slice(),
    linkFrom: links.from.slice(),
    linkValue: links.value.slice(),
    linkStatus: links.status.slice(),
    inOffsets: links.in.offsets.slice(),
    inItems: links.in.items.slice(),
    segments: segments.keys.length,
    regions: regions.ids.length,
  };
}

function statusMask(statuses: readonly LinkStatus[]): Uint8Array {
  const mask = new Uint8Array(LINK_STATUSES.length);
  for (const s of statuses) mask[LINK_STATUSES.indexOf(s)] = 1;
  return mask;
}

/**
 * The baseline: plain loops over typed arrays.
 *
 * @example
 * aggregateTyped(plainArrays(model), regionIndex(model, 'prov'), ['active', 'brokered']);
 */
export function aggregateTyped(a: PlainArrays, r: number, statuses: readonly LinkStatus[]): Aggregates {
  const counted = statusMask(statuses);
  const ne = a.regionOf.length;
  const lo = a.enter[r]!;
  const hi = a.leave[r]!;
  const segmentOutput = new Float64Array(a.segments);
  const own = new Float64Array(a.regions);
  for (let e = 0; e < ne; e++) {
    const x = a.output[e]!;
    if (x !== x) continue; // NaN: unknown
    own[a.regionOf[e]!]! += x;
    const at = a.enter[a.regionOf[e]!]!;
    if (at < lo || at >= hi) continue;
    for (let k = a.entSegOffsets[e]!; k < a.entSegOffsets[e + 1]!; k++) segmentOutput[a.entSegItems[k]!]! += x;
  }
  // subtree totals: children before parents (deepest Euler entry first)
  const order = new Int32Array(a.regions);
  for (let q = 0; q < a.regions; q++) order[a.enter[q]!] = q;
  const regionOutput = own;
  for (let i = a.regions - 1; i >= 0; i--) {
    const q = order[i]!;
    const p = a.parent[q]!;
    if (p >= 0) regionOutput[p]! += regionOutput[q]!;
  }
  const distinctSuppliers = new Int32Array(a.segments);
  const stamp = new Int32Array(ne).fill(-1);
  for (let s = 0; s < a.segments; s++) {
    let n = 0;
    for (let k = a.segEntOffsets[s]!; k < a.segEntOffsets[s + 1]!; k++) {
      const b = a.segEntItems[k]!;
      const at = a.enter[a.regionOf[b]!]!;
      if (at < lo || at >= hi) continue;
      for (let q = a.inOffsets[b]!; q < a.inOffsets[b + 1]!; q++) {
        const l = a.inItems[q]!;
        if (!counted[a.linkStatus[l]!]) continue;
        const f = a.linkFrom[l]!;
        if (stamp[f] !== s) (stamp[f] = s, n++);
      }
    }
    distinctSuppliers[s] = n;
  }
  const localShare = new Float64Array(ne).fill(Number.NaN);
  for (let b = 0; b < ne; b++) {
    const at = a.enter[a.regionOf[b]!]!;
    if (at < lo || at >= hi) continue;
    let local = 0;
    let total = 0;
    for (let q = a.inOffsets[b]!; q < a.inOffsets[b + 1]!; q++) {
      const l = a.inItems[q]!;
      const v = a.linkValue[l]!;
      if (v !== v || !counted[a.linkStatus[l]!]) continue;
      total += v;
      const fa = a.enter[a.regionOf[a.linkFrom[l]!]!]!;
      if (fa >= lo && fa < hi) local += v;
    }
    if (total > 0) localShare[b] = local / total;
  }
  return { segmentOutput, regionOutput, distinctSuppliers, localShare };
}

/**
 * The library's way: the model's index through its helpers, as the analyses write their passes.
 *
 * @example
 * aggregateLibrary(model, regionIndex(model, 'prov'), ['active', 'brokered']);
 */
export function aggregateLibrary(model: ChainModel, r: number, statuses: readonly LinkStatus[]): Aggregates {
  const { enterprises: ents, regions, segments, links } = model.index;
  const counted = statusMask(statuses);
  const ne = ents.ids.length;
  const segmentOutput = new Float64Array(segments.keys.length);
  const inRegion = enterprisesInRegionIdx(model, r);
  for (let i = 0; i < inRegion.length; i++) {
    const e = inRegion[i]!;
    const x = ents.output[e]!;
    if (!Number.isFinite(x)) continue;
    for (let k = ents.segments.offsets[e]!; k < ents.segments.offsets[e + 1]!; k++) segmentOutput[ents.segments.items[k]!]! += x;
  }
  const regionOutput = new Float64Array(regions.ids.length);
  for (let q = 0; q < regions.ids.length; q++) {
    let sum = 0;
    const members = enterprisesInRegionIdx(model, q);
    for (let i = 0; i < members.length; i++) {
      const x = ents.output[members[i]!]!;
      if (Number.isFinite(x)) sum += x;
    }
    regionOutput[q] = sum;
  }
  const distinctSuppliers = new Int32Array(segments.keys.length);
  const seen = new Int32Array(ne).fill(-1);
  for (let s = 0; s < segments.keys.length; s++) {
    let n = 0;
    for (let k = segments.enterprises.offsets[s]!; k < segments.enterprises.offsets[s + 1]!; k++) {
      const b = segments.enterprises.items[k]!;
      if (!isLocalIdx(model, b, r)) continue;
      for (let q = links.in.offsets[b]!; q < links.in.offsets[b + 1]!; q++) {
        const l = links.in.items[q]!;
        if (!counted[links.status[l]!]) continue;
        const f = links.from[l]!;
        if (seen[f] !== s) (seen[f] = s, n++);
      }
    }
    distinctSuppliers[s] = n;
  }
  const localShare = new Float64Array(ne).fill(Number.NaN);
  for (let i = 0; i < inRegion.length; i++) {
    const b = inRegion[i]!;
    let local = 0;
    let total = 0;
    for (let q = links.in.offsets[b]!; q < links.in.offsets[b + 1]!; q++) {
      const l = links.in.items[q]!;
      const v = links.value[l]!;
      if (Number.isNaN(v) || !counted[links.status[l]!]) continue;
      total += v;
      if (isLocalIdx(model, links.from[l]!, r)) local += v;
    }
    if (total > 0) localShare[b] = local / total;
  }
  return { segmentOutput, regionOutput, distinctSuppliers, localShare };
}

/**
 * The same pass through graphology's object API (node and edge attributes, callbacks).
 * `supplyGraph(model)` is built (and cached) on the first call: time it apart.
 *
 * @example
 * aggregateGraphology(model, 'prov', ['active', 'brokered']);
 */
export function aggregateGraphology(model: ChainModel, region: string, statuses: readonly LinkStatus[]): Aggregates {
  const graph = supplyGraph(model);
  const wanted = new Set<string>(statuses);
  const parentOf = new Map<string, string | undefined>(model.dataset.regions.map((x) => [x.id, x.parent]));
  const local = new Set<string>();
  for (const id of parentOf.keys()) {
    for (let at: string | undefined = id; at !== undefined; at = parentOf.get(at)) {
      if (at === region) {
        local.add(id);
        break;
      }
    }
  }
  const segmentTotals = new Map<string, number>();
  const regionTotals = new Map<string, number>();
  const suppliers = new Map<string, Set<string>>();
  const shares = new Map<string, number>();
  graph.forEachNode((node, attrs) => {
    const isLocal = local.has(attrs.region);
    if (attrs.output !== undefined) {
      for (let at: string | undefined = attrs.region; at !== undefined; at = parentOf.get(at))
        regionTotals.set(at, (regionTotals.get(at) ?? 0) + attrs.output);
      if (isLocal) for (const s of attrs.segments) segmentTotals.set(s, (segmentTotals.get(s) ?? 0) + attrs.output);
    }
    if (!isLocal) return;
    let inside = 0;
    let total = 0;
    graph.forEachInEdge(node, (_edge, edge, source, _target, sourceAttrs) => {
      if (!wanted.has(edge.status)) return;
      for (const s of attrs.segments) {
        let set = suppliers.get(s);
        if (!set) suppliers.set(s, (set = new Set()));
        set.add(source);
      }
      if (edge.value === undefined) return;
      total += edge.value;
      if (local.has(sourceAttrs.region)) inside += edge.value;
    });
    if (total > 0) shares.set(node, inside / total);
  });
  const { segments, regions, enterprises } = model.index;
  return {
    segmentOutput: Float64Array.from(segments.keys, (k) => segmentTotals.get(k) ?? 0),
    regionOutput: Float64Array.from(regions.ids, (id) => regionTotals.get(id) ?? 0),
    distinctSuppliers: Int32Array.from(segments.keys, (k) => suppliers.get(k)?.size ?? 0),
    localShare: Float64Array.from(enterprises.ids, (id) => shares.get(id) ?? Number.NaN),
  };
}

/** Largest difference between two results (relative for sums), to check the three agree. */
export function aggregateDifference(a: Aggregates, b: Aggregates): number {
  let worst = 0;
  const cmp = (x: ArrayLike<number>, y: ArrayLike<number>) => {
    if (x.length !== y.length) return (worst = Number.POSITIVE_INFINITY);
    for (let i = 0; i < x.length; i++) {
      const p = x[i]!;
      const q = y[i]!;
      if (Number.isNaN(p) && Number.isNaN(q)) continue;
      const d = Math.abs(p - q) / Math.max(1, Math.abs(p), Math.abs(q));
      if (!(d <= worst)) worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
    }
    return worst;
  };
  cmp(a.segmentOutput, b.segmentOutput);
  cmp(a.regionOutput, b.regionOutput);
  cmp(a.distinctSuppliers, b.distinctSuppliers);
  cmp(a.localShare, b.localShare);
  return worst;
}
