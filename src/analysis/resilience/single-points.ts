/**
 * Which suppliers a leader cannot do without (steps 2–4 of singlePointsOfFailure, over the
 * subgraph of ./subgraph.ts and its dominator tree):
 * - A supplier d cuts the leader off from segment S when every supply path from every provider
 *   of S to the leader passes through d: d dominates all of S's providers in the reversed
 *   subgraph rooted at the leader. The common dominators of S's providers are the
 *   dominator-tree ancestors of their nearest common ancestor, the leader excluded.
 * - A point of failure's reach: the firms of its dominator subtree, whose every supply path to
 *   the leader runs through it.
 * - Single-source segments: the leader's direct input segments with one direct supplier.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Reason } from '../scope/index.js';
import type { LeaderSubgraph } from './subgraph.js';
import type { PointOfFailure, SinglePointResult } from './types.js';

/** The dominator tree's shape: depth of each node, size of its subtree, and the nearest common ancestor of two nodes. */
export interface DominatorTree {
  idom: Int32Array;
  depth: Int32Array;
  /** Nodes of each node's subtree, itself included. */
  dominated: Int32Array;
  nca: (a: number, b: number) => number;
}

/**
 * Depths (preorder: a node's idom first) and subtree sizes (reverse preorder) of the dominator tree.
 *
 * @example
 * const tree = dominatorTree(idom, preorder, n, s);
 * tree.nca(a, b); // the nearest node dominating both
 */
export function dominatorTree(idom: Int32Array, preorder: Int32Array, n: number, sc: Scratch): DominatorTree {
  const depth = sc.int32(n);
  for (let j = 1; j < preorder.length; j++) {
    const v = preorder[j]!;
    depth[v] = depth[idom[v]!]! + 1;
  }
  const dominated = sc.int32(n, 1);
  for (let j = preorder.length - 1; j > 0; j--) {
    const v = preorder[j]!;
    dominated[idom[v]!]! += dominated[v]!;
  }
  const nca = (a: number, b: number) => {
    while (depth[a]! > depth[b]!) a = idom[a]!;
    while (depth[b]! > depth[a]!) b = idom[b]!;
    while (a !== b) {
      a = idom[a]!;
      b = idom[b]!;
    }
    return a;
  };
  return { idom, depth, dominated, nca };
}

/** Providers of each segment within the subgraph: distinct suppliers, ascending, in compressed rows by segment. */
export interface SegmentProviders {
  start: Int32Array;
  items: Int32Array;
  /** Links whose product segment is unknown (left out). */
  unknownProduct: number;
}

/**
 * The providers of each segment, by counting over the predecessor rows (node by node, so each
 * list comes out sorted).
 *
 * @example
 * const p = segmentProviders(sub, segments.keys.length, s);
 * p.items.subarray(p.start[g], p.start[g + 1]); // the nodes providing segment g
 */
export function segmentProviders(sub: LeaderSubgraph, ns: number, sc: Scratch): SegmentProviders {
  const { n, predGroup } = sub;
  const predOffsets = sub.pred.offsets;
  let unknownProduct = 0;
  const providerStart = new Int32Array(ns + 1);
  const lastProvider = new Int32Array(ns).fill(-1);
  for (let v = 0; v < n; v++)
    for (let q = predOffsets[v]!; q < predOffsets[v + 1]!; q++) {
      const g = predGroup[q]!;
      if (g < 0) {
        unknownProduct++;
        continue;
      }
      if (lastProvider[g] === v) continue;
      lastProvider[g] = v;
      providerStart[g + 1]!++;
    }
  for (let g = 0; g < ns; g++) providerStart[g + 1]! += providerStart[g]!;
  const providerItems = sc.int32(providerStart[ns]!);
  const providerCursor = providerStart.slice(0, ns);
  lastProvider.fill(-1);
  for (let v = 0; v < n; v++)
    for (let q = predOffsets[v]!; q < predOffsets[v + 1]!; q++) {
      const g = predGroup[q]!;
      if (g < 0 || lastProvider[g] === v) continue;
      lastProvider[g] = v;
      providerItems[providerCursor[g]!++] = v;
    }
  return { start: providerStart, items: providerItems, unknownProduct };
}

/** The leader's direct inputs: per segment its first direct supplier (−1: none) and whether there are others; per node whether it supplies the leader. */
export interface DirectInputs {
  first: Int32Array;
  many: Uint8Array;
  isDirect: Uint8Array;
}

/**
 * The leader's direct inputs, from row 0 of the successor rows.
 *
 * @example
 * const d = directInputs(sub, segments.keys.length, s);
 * d.first[g] !== -1 && d.many[g] === 0; // segment g has a single direct source
 */
export function directInputs(sub: LeaderSubgraph, ns: number, sc: Scratch): DirectInputs {
  const { succ, edgeGroup } = sub;
  const first = new Int32Array(ns).fill(-1);
  const many = new Uint8Array(ns);
  const isDirect = sc.uint8(sub.n);
  for (let q = succ.offsets[0]!; q < succ.offsets[1]!; q++) {
    const v = succ.items[q]!;
    isDirect[v] = 1;
    const g = edgeGroup[q]!;
    if (g < 0) continue;
    if (first[g] === -1) first[g] = v;
    else if (first[g] !== v) many[g] = 1;
  }
  return { first, many, isDirect };
}

/** `chain/segment` key of segment s as its two parts. */
function segmentRef(model: ChainModel, s: number): { chain: string; segment: string } {
  const key = model.index.segments.keys[s]!;
  const slash = key.indexOf('/');
  return { chain: key.slice(0, slash), segment: key.slice(slash + 1) };
}

/**
 * Per segment provided in the subgraph, its providers and critical suppliers (the dominators of
 * all its providers, nearest the leader first); and per critical supplier the segments it cuts.
 *
 * @example
 * const { segmentRows, failures } = criticalSuppliers(model, sub, tree, providers, direct);
 */
export function criticalSuppliers(
  model: ChainModel,
  sub: LeaderSubgraph,
  tree: DominatorTree,
  providers: SegmentProviders,
  direct: DirectInputs,
): { segmentRows: SinglePointResult['segments']; failures: Map<number, number[]> } {
  const ids = model.index.enterprises.ids;
  const { nodes } = sub;
  const { idom, nca } = tree;
  const ns = model.index.segments.keys.length;
  const failures = new Map<number, number[]>();
  const segmentRows: SinglePointResult['segments'] = [];
  for (let g = 0; g < ns; g++) {
    const start = providers.start[g]!;
    const end = providers.start[g + 1]!;
    if (start === end) continue;
    let top = providers.items[start]!;
    for (let j = start; j < end; j++) top = nca(top, providers.items[j]!);
    const critical: number[] = [];
    for (let v = top; v !== 0; v = idom[v]!) critical.push(v);
    critical.reverse(); // nearest the leader first
    for (const v of critical) {
      const list = failures.get(v);
      if (list === undefined) failures.set(v, [g]);
      else list.push(g);
    }
    const suppliers = new Array<string>(end - start);
    for (let j = start; j < end; j++) suppliers[j - start] = ids[nodes[providers.items[j]!]!]!;
    segmentRows.push({
      ...segmentRef(model, g),
      suppliers,
      critical: critical.map((v) => ids[nodes[v]!]!),
      direct: direct.first[g] !== -1,
      singleSource: direct.first[g] !== -1 && direct.many[g] === 0,
    });
  }
  return { segmentRows, failures };
}

/**
 * The points of failure, most segments cut first (then most firms dominated, then id), each with
 * its reason.
 *
 * @example
 * pointsOfFailure(model, leader, sub, tree, cut, direct, failures)[0].segments; // segments it cuts
 */
export function pointsOfFailure(
  model: ChainModel,
  leader: number,
  sub: LeaderSubgraph,
  tree: DominatorTree,
  cut: Uint8Array,
  direct: DirectInputs,
  failures: Map<number, number[]>,
): PointOfFailure[] {
  const ids = model.index.enterprises.ids;
  const { nodes } = sub;
  const { dominated } = tree;
  const { isDirect } = direct;
  const leaderName = model.dataset.enterprises[leader]!.name;
  return [...failures.entries()]
    .map(([v, gs]) => {
      const e = nodes[v]!;
      const refs = gs.map((g) => segmentRef(model, g));
      const list = refs.map((r) => `${r.chain}/${r.segment}`).join(', ');
      return {
        id: ids[e]!,
        segments: refs,
        direct: isDirect[v] === 1,
        articulation: cut[v] === 1,
        dominates: dominated[v]!,
        reason: {
          zh: `${model.dataset.enterprises[e]!.name}${isDirect[v] ? '直接' : '间接'}供货${leaderName}；一旦停供，${leaderName}将断开 ${refs.length} 个环节的全部供应（${list}）${dominated[v]! > 1 ? `，另有上游 ${dominated[v]! - 1} 家企业的供货只能经由它到达` : ''}。`,
          en: `${ids[e]} supplies ${ids[leader]} ${isDirect[v] ? 'directly' : 'indirectly'}; without it ${ids[leader]} is cut off from every supply of ${refs.length} segment(s) (${list})${dominated[v]! > 1 ? `, and ${dominated[v]! - 1} more upstream firm(s) reach it only through it` : ''}.`,
        },
      };
    })
    .sort((a, b) => b.segments.length - a.segments.length || b.dominates - a.dominates || a.id.localeCompare(b.id));
}

/**
 * The leader's single-source segments (a direct input with one direct supplier), in segment order.
 *
 * @example
 * singleSourceSegments(model, sub, direct); // [{ chain, segment, supplier }]
 */
export function singleSourceSegments(model: ChainModel, sub: LeaderSubgraph, direct: DirectInputs): SinglePointResult['singleSourceSegments'] {
  const ids = model.index.enterprises.ids;
  const ns = model.index.segments.keys.length;
  const rows: SinglePointResult['singleSourceSegments'] = [];
  for (let g = 0; g < ns; g++)
    if (direct.first[g] !== -1 && direct.many[g] === 0) rows.push({ ...segmentRef(model, g), supplier: ids[sub.nodes[direct.first[g]!]!]! });
  return rows;
}

/**
 * What the assessment could not see: no counted input of the leader at all, links of unknown product.
 *
 * @example
 * singlePointNotes(model, leader, sub, providers.unknownProduct); // [] when everything was assessed
 */
export function singlePointNotes(model: ChainModel, leader: number, sub: LeaderSubgraph, unknownProduct: number): Reason[] {
  const ids = model.index.enterprises.ids;
  const leaderName = model.dataset.enterprises[leader]!.name;
  const notes: Reason[] = [];
  if (sub.n === 1)
    notes.push({
      zh: `未记录${leaderName}的任何计入状态的供货关系，无法判断单点故障。`,
      en: `No supply link of a counted status into ${ids[leader]} is recorded: single points of failure cannot be assessed.`,
    });
  if (unknownProduct > 0)
    notes.push({
      zh: `${unknownProduct} 条供货关系的产品环节未知且供方无环节记录，未计入按环节的判断。`,
      en: `${unknownProduct} link(s) have no product segment and a supplier with no segment: they are left out of the per-segment assessment.`,
    });
  return notes;
}
