/**
 * Supply-chain resilience (产业链供应链韧性): what breaks when supply stops, and which suppliers a
 * leader cannot do without.
 *
 * Disruption cascade (simulateDisruption), in the style of the production-network model of
 * Inoue & Todo (2019)
 * - The network: supply links of the counted statuses (default `active` and `brokered`).
 * - A buyer's inputs are grouped by product: the link's segment where tagged; otherwise the
 *   first segment of the supplier that feeds one of the buyer's segments by a flow of its chain,
 *   else the supplier's first segment, else a group of the supplier's own. Inputs of one group
 *   substitute for each other; different groups are complements (Leontief).
 * - Each firm has an output factor φ ∈ [0, 1] (share of its normal output it can still make).
 *   The firms removed keep φ = 1 − shortfall (`shortfall` ∈ [0, 1], default 1: all their supply
 *   is lost). Every other firm with inputs in the network gets
 *     φ_i = min over its input groups g of  Σ_{l ∈ g} w_l φ_{supplier(l)} / Σ_{l ∈ g} w_l,
 *   where w_l is the link's value when every link of the group has a (positive in sum) value,
 *   and 1 otherwise (links of unknown value are counted by count). A firm without recorded
 *   inputs keeps φ = 1 (its inputs are outside the data and assumed unaffected).
 * - Propagated downstream from the shocked firms until stable: a worklist re-evaluates the
 *   buyers of every firm whose φ fell by more than `tolerance` (default 1e-12), in rounds, at
 *   most `maxRounds` (default 10000). The map is monotone and starts from φ = 1, so φ only
 *   falls and converges to the greatest fixed point; cycles in the firm network are allowed.
 *   Firms with φ below 1e-9 are reported as cut off.
 * - Output lost: (1 − φ_i) × output_i in 亿元 where the output is known; otherwise only the
 *   fraction 1 − φ_i is reported, and the total also as firm-equivalents Σ (1 − φ_i). A firm
 *   active in several segments has its output split equally among them in the per-segment
 *   figures (the data give no split), so segment figures add up to the total.
 * - Assumptions: fixed input proportions, no inventories, no rerouting to new suppliers within
 *   the horizon (Inoue & Todo's most severe, static case).
 *
 * Single points of failure (singlePointsOfFailure)
 * - The leader's supply subgraph: every firm from which the leader is reachable along counted
 *   links (with a chain, links whose product segment belongs to another chain are left out).
 * - A supplier d cuts the leader off from segment S when every supply path from every provider
 *   of S in the subgraph to the leader passes through d: d dominates all of S's providers in the
 *   reversed subgraph rooted at the leader. Dominators by the iterative algorithm of Cooper,
 *   Harvey & Kennedy over compact arrays; the common dominators of S's providers are the
 *   dominator-tree ancestors of their nearest common ancestor (excluding the leader).
 * - Also reported: articulation points of the subgraph taken as undirected (Hopcroft–Tarjan;
 *   a looser notion: removing one disconnects the subgraph), and single-source segments (the
 *   leader's direct input segments with one supplier).
 *
 * References
 * - Inoue, H. & Todo, Y. (2019). Firm-level propagation of shocks through supply-chain networks.
 *   Nature Sustainability 2, 841–847.
 * - Cooper, K. D., Harvey, T. J. & Kennedy, K. (2001). A simple, fast dominance algorithm.
 *   Software Practice & Experience 4, 1–10.
 * - Lengauer, T. & Tarjan, R. E. (1979). A fast algorithm for finding dominators in a flowgraph.
 *   ACM TOPLAS 1(1), 121–141.
 * - Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 *   manipulation. Comm. ACM 16(6), 372–378.
 */
import type { ChainModel } from '../graph/model.js';
import { chainIndex, enterpriseIndex, enterprisesInRegionIdx, regionIndex, segmentIndex } from '../graph/queries.js';
import { formatShare, formatYi, round } from '../internal/format.js';
import { ChainError } from '../model/issues.js';
import { LINK_STATUSES, type EnterpriseStatus, type LinkStatus } from '../model/vocabulary.js';
import { DEFAULT_SUPPLY_LINK_STATUSES, scopeMembers, statusTable } from './centrality.js';
import { resolveScope, type Reason, type ScopeOptions } from './common.js';

/** Marks a link that does not count (status not counted). */
const NOT_COUNTED = -0x7fffffff;
/** Output factors below this are "cut off". */
const CUT_OFF = 1e-9;

/**
 * Input group of every link (see the file header): a global segment index, or −1 − supplier for
 * a supplier with no segment; {@link NOT_COUNTED} for links of a status that does not count.
 */
function linkGroups(model: ChainModel, counted: Uint8Array): Int32Array {
  const { links, enterprises, flows } = model.index;
  const groups = new Int32Array(links.from.length);
  for (let k = 0; k < groups.length; k++) {
    if (!counted[links.status[k]!]) {
      groups[k] = NOT_COUNTED;
      continue;
    }
    const tagged = links.segment[k]!;
    if (tagged >= 0) {
      groups[k] = tagged;
      continue;
    }
    const from = links.from[k]!;
    const to = links.to[k]!;
    const first = enterprises.segments.offsets[from]!;
    const end = enterprises.segments.offsets[from + 1]!;
    let group = first < end ? enterprises.segments.items[first]! : -1 - from;
    search: for (let a = first; a < end; a++) {
      const s = enterprises.segments.items[a]!;
      for (let q = flows.out.offsets[s]!; q < flows.out.offsets[s + 1]!; q++) {
        const t = flows.to[flows.out.items[q]!]!;
        for (let b = enterprises.segments.offsets[to]!; b < enterprises.segments.offsets[to + 1]!; b++)
          if (enterprises.segments.items[b] === t) {
            group = s;
            break search;
          }
      }
    }
    groups[k] = group;
  }
  return groups;
}

/** Per buyer, its counted in-links sorted by group, with the weight of each within its group. */
interface InputTable {
  offsets: Int32Array;
  links: Int32Array;
  groups: Int32Array;
  weights: Float64Array;
}

function inputTable(model: ChainModel, groups: Int32Array): InputTable {
  const { links } = model.index;
  const ne = model.index.enterprises.ids.length;
  const offsets = new Int32Array(ne + 1);
  const list: number[] = [];
  for (let e = 0; e < ne; e++) {
    const row: number[] = [];
    for (let q = links.in.offsets[e]!; q < links.in.offsets[e + 1]!; q++) {
      const k = links.in.items[q]!;
      if (groups[k] !== NOT_COUNTED) row.push(k);
    }
    row.sort((a, b) => groups[a]! - groups[b]! || a - b);
    for (const k of row) list.push(k);
    offsets[e + 1] = list.length;
  }
  const linkArr = Int32Array.from(list);
  const groupArr = linkArr.map((k) => groups[k]!);
  const weights = new Float64Array(linkArr.length);
  for (let e = 0; e < ne; e++) {
    let start = offsets[e]!;
    const end = offsets[e + 1]!;
    while (start < end) {
      let stop = start;
      let allKnown = true;
      let sum = 0;
      while (stop < end && groupArr[stop] === groupArr[start]) {
        const v = links.value[linkArr[stop]!]!;
        if (Number.isNaN(v)) allKnown = false;
        else sum += v;
        stop++;
      }
      const byValue = allKnown && sum > 0;
      for (let j = start; j < stop; j++) weights[j] = byValue ? links.value[linkArr[j]!]! : 1;
      start = stop;
    }
  }
  return { offsets, links: linkArr, groups: groupArr, weights };
}

/** What to remove: enterprises, every enterprise of a segment, or every supplier located in a region. */
export type DisruptionTarget = { enterprises: readonly string[] } | { chain: string; segment: string } | { region: string };

/** Options of {@link simulateDisruption}. */
export interface DisruptionOptions {
  remove: DisruptionTarget;
  /** Share of the removed firms' supply that is lost, in [0, 1]. Default 1. */
  shortfall?: number;
  /** Link statuses that carry supply. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** Region whose firms get totals of their own (`local`). Default `meta.region` when set. */
  region?: string;
  /** Stop when no output factor falls by more than this. Default 1e-12. */
  tolerance?: number;
  /** Round cap. Default 10000. */
  maxRounds?: number;
}

/** One affected enterprise. */
export interface DisruptionEntry {
  id: string;
  removed: boolean;
  /** Share of normal output still produced. */
  outputFactor: number;
  lostFraction: number;
  /** 亿元, null when unknown. */
  output: number | null;
  outputLost: number | null;
  cutOff: boolean;
}

/** Loss totals over a set of firms. */
export interface LossTotals {
  firms: number;
  firmsAffected: number;
  firmsCutOff: number;
  /** 亿元 over the firms with a known output. */
  outputLost: number;
  knownOutput: number;
  /** outputLost / knownOutput; null when no output is known. */
  lostShare: number | null;
  /** Σ (1 − φ): output lost counted in whole firms, for when outputs are unknown. */
  firmEquivalentsLost: number;
  /** firmEquivalentsLost / firms; null for no firm. */
  firmShareLost: number | null;
  /** Affected firms whose output is unknown (their loss is in the fractions only). */
  affectedWithUnknownOutput: number;
}

/** Result of {@link simulateDisruption}. */
export interface DisruptionResult {
  removed: string[];
  shortfall: number;
  /** Affected enterprises, largest lost fraction first. */
  enterprises: DisruptionEntry[];
  /** Affected segments. */
  segments: {
    chain: string;
    segment: string;
    firmsAffected: number;
    outputLost: number;
    knownOutput: number;
    lostShare: number | null;
    firmEquivalentsLost: number;
  }[];
  total: LossTotals;
  /** The removed firms' own loss. */
  direct: LossTotals;
  /** The cascade's loss (firms not removed). */
  indirect: LossTotals;
  /** Totals over the firms of `region`, when there is one. */
  local: (LossTotals & { region: string }) | null;
  /** Firms not removed whose output factor fell to 0, in dataset order. */
  cutOff: string[];
  rounds: number;
  converged: boolean;
  reason: Reason;
}

function resolveTargets(model: ChainModel, remove: DisruptionTarget, groupsCounted: Int32Array): { removed: number[]; label: Reason } {
  const { segments, links } = model.index;
  if ('enterprises' in remove) {
    const removed = [...new Set(remove.enterprises.map((id) => enterpriseIndex(model, id)))].sort((a, b) => a - b);
    return {
      removed,
      label: { zh: `移除 ${removed.length} 家企业`, en: `removing ${removed.length} firm(s)` },
    };
  }
  if ('segment' in remove) {
    const s = segmentIndex(model, remove.chain, remove.segment);
    const removed = Array.from(segments.enterprises.items.subarray(segments.enterprises.offsets[s]!, segments.enterprises.offsets[s + 1]!)).sort(
      (a, b) => a - b,
    );
    return {
      removed,
      label: {
        zh: `移除环节 ${remove.chain}/${remove.segment} 的 ${removed.length} 家企业`,
        en: `removing the ${removed.length} firm(s) of segment ${remove.chain}/${remove.segment}`,
      },
    };
  }
  if ('region' in remove) {
    const r = regionIndex(model, remove.region);
    const removed: number[] = [];
    for (const e of enterprisesInRegionIdx(model, r)) {
      let supplies = false;
      for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) if (groupsCounted[links.out.items[q]!] !== NOT_COUNTED) supplies = true;
      if (supplies) removed.push(e);
    }
    removed.sort((a, b) => a - b);
    return {
      removed,
      label: {
        zh: `切断来自 ${remove.region} 的 ${removed.length} 家供应商`,
        en: `cutting off the ${removed.length} supplier(s) located in ${remove.region}`,
      },
    };
  }
  throw new ChainError('invalid_argument', 'remove must give enterprises, a chain and segment, or a region', { remove });
}

/** Output factors after a shock (see the file header); `removed` keep 1 − shortfall. */
function cascade(
  model: ChainModel,
  table: InputTable,
  removed: readonly number[],
  shortfall: number,
  tolerance: number,
  maxRounds: number,
): { phi: Float64Array; rounds: number; converged: boolean } {
  const { links } = model.index;
  const ne = model.index.enterprises.ids.length;
  const phi = new Float64Array(ne).fill(1);
  const isRemoved = new Uint8Array(ne);
  for (const e of removed) {
    isRemoved[e] = 1;
    phi[e] = 1 - shortfall;
  }
  const queued = new Int32Array(ne).fill(-1);
  let frontier: number[] = [];
  const enqueueBuyers = (e: number, round: number) => {
    for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) {
      const b = links.to[links.out.items[q]!]!;
      if (isRemoved[b] || queued[b] === round) continue;
      queued[b] = round;
      frontier.push(b);
    }
  };
  if (shortfall > 0) for (const e of removed) enqueueBuyers(e, 0);
  let rounds = 0;
  while (frontier.length > 0 && rounds < maxRounds) {
    const current = frontier.sort((a, b) => a - b);
    frontier = [];
    rounds++;
    for (const i of current) {
      let factor = 1;
      let j = table.offsets[i]!;
      const end = table.offsets[i + 1]!;
      while (j < end) {
        const g = table.groups[j]!;
        let num = 0;
        let den = 0;
        while (j < end && table.groups[j] === g) {
          const w = table.weights[j]!;
          num += w * phi[links.from[table.links[j]!]!]!;
          den += w;
          j++;
        }
        const share = den > 0 ? num / den : 1;
        if (share < factor) factor = share;
      }
      // monotone: suppliers' factors only fall, so φ only falls
      if (factor < phi[i]! - tolerance) {
        phi[i] = factor;
        enqueueBuyers(i, rounds);
      } else if (factor < phi[i]!) phi[i] = factor;
    }
  }
  return { phi, rounds, converged: frontier.length === 0 };
}

function totals(model: ChainModel, phi: Float64Array, members: Iterable<number>): LossTotals {
  const output = model.index.enterprises.output;
  const t: LossTotals = {
    firms: 0,
    firmsAffected: 0,
    firmsCutOff: 0,
    outputLost: 0,
    knownOutput: 0,
    lostShare: null,
    firmEquivalentsLost: 0,
    firmShareLost: null,
    affectedWithUnknownOutput: 0,
  };
  for (const e of members) {
    const lost = 1 - phi[e]!;
    t.firms++;
    t.firmEquivalentsLost += lost;
    if (lost > 0) t.firmsAffected++;
    if (phi[e]! < CUT_OFF) t.firmsCutOff++;
    const x = output[e]!;
    if (Number.isNaN(x)) {
      if (lost > 0) t.affectedWithUnknownOutput++;
    } else {
      t.knownOutput += x;
      t.outputLost += lost * x;
    }
  }
  t.lostShare = t.knownOutput > 0 ? t.outputLost / t.knownOutput : null;
  t.firmShareLost = t.firms > 0 ? t.firmEquivalentsLost / t.firms : null;
  return t;
}

/**
 * Simulates the loss of supply from some firms (a list, a segment, or all suppliers located in
 * a region) and its downstream cascade (see the file header). Returns the output lost per
 * enterprise, per segment and in total (亿元 where outputs are known, fractions otherwise) and
 * the firms cut off entirely. Never mutates the model.
 *
 * @example
 * const r = simulateDisruption(model, { remove: { enterprises: ['jiuding-blade'] } });
 * r.cutOff;             // firms left with no output
 * r.total.outputLost;   // 亿元 lost over firms with a known output
 */
export function simulateDisruption(model: ChainModel, options: DisruptionOptions): DisruptionResult {
  const shortfall = options.shortfall ?? 1;
  if (!(shortfall >= 0 && shortfall <= 1))
    throw new ChainError('invalid_argument', `shortfall must be in [0, 1], got ${shortfall}`, { shortfall });
  const tolerance = options.tolerance ?? 1e-12;
  const maxRounds = options.maxRounds ?? 10000;
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const groups = linkGroups(model, counted);
  const { removed, label } = resolveTargets(model, options.remove, groups);
  const table = inputTable(model, groups);
  const { phi, rounds, converged } = cascade(model, table, removed, shortfall, tolerance, maxRounds);
  return describeDisruption(model, phi, removed, shortfall, rounds, converged, label, options.region);
}

function describeDisruption(
  model: ChainModel,
  phi: Float64Array,
  removed: readonly number[],
  shortfall: number,
  rounds: number,
  converged: boolean,
  label: Reason,
  regionOption: string | undefined,
): DisruptionResult {
  const { enterprises, segments } = model.index;
  const ne = enterprises.ids.length;
  const isRemoved = new Uint8Array(ne);
  for (const e of removed) isRemoved[e] = 1;
  const affected: number[] = [];
  for (let e = 0; e < ne; e++) if (phi[e]! < 1) affected.push(e);
  const outputOf = (e: number) => (Number.isNaN(enterprises.output[e]!) ? null : enterprises.output[e]!);
  const entries: DisruptionEntry[] = affected.map((e) => {
    const output = outputOf(e);
    const lost = 1 - phi[e]!;
    return {
      id: enterprises.ids[e]!,
      removed: isRemoved[e] === 1,
      outputFactor: phi[e]!,
      lostFraction: lost,
      output,
      outputLost: output === null ? null : lost * output,
      cutOff: phi[e]! < CUT_OFF,
    };
  });
  entries.sort((a, b) => b.lostFraction - a.lostFraction || (b.outputLost ?? -1) - (a.outputLost ?? -1));

  // segments: each firm's output split equally among its segments
  const segLost = new Map<number, { firms: number; lost: number; equivalents: number }>();
  for (const e of affected) {
    const first = enterprises.segments.offsets[e]!;
    const count = enterprises.segments.offsets[e + 1]! - first;
    const lost = 1 - phi[e]!;
    const x = enterprises.output[e]!;
    for (let a = first; a < first + count; a++) {
      const s = enterprises.segments.items[a]!;
      const entry = segLost.get(s) ?? { firms: 0, lost: 0, equivalents: 0 };
      entry.firms++;
      entry.equivalents += lost / count;
      if (!Number.isNaN(x)) entry.lost += (lost * x) / count;
      segLost.set(s, entry);
    }
  }
  const segmentRows = [...segLost.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, v]) => {
      let known = 0;
      for (let m = segments.enterprises.offsets[s]!; m < segments.enterprises.offsets[s + 1]!; m++) {
        const e = segments.enterprises.items[m]!;
        const x = enterprises.output[e]!;
        const count = enterprises.segments.offsets[e + 1]! - enterprises.segments.offsets[e]!;
        if (!Number.isNaN(x)) known += x / count;
      }
      const key = segments.keys[s]!;
      const slash = key.indexOf('/');
      return {
        chain: key.slice(0, slash),
        segment: key.slice(slash + 1),
        firmsAffected: v.firms,
        outputLost: v.lost,
        knownOutput: known,
        lostShare: known > 0 ? v.lost / known : null,
        firmEquivalentsLost: v.equivalents,
      };
    });

  const all = Array.from({ length: ne }, (_, e) => e);
  const total = totals(model, phi, all);
  const direct = totals(model, phi, removed);
  const indirect = totals(
    model,
    phi,
    all.filter((e) => !isRemoved[e]),
  );
  const regionId = regionOption ?? model.dataset.meta.region;
  const local = regionId === undefined ? null : { region: regionId, ...totals(model, phi, enterprisesInRegionIdx(model, regionIndex(model, regionId))) };
  const cutOff = affected.filter((e) => !isRemoved[e] && phi[e]! < CUT_OFF).map((e) => enterprises.ids[e]!);

  const lostText =
    total.knownOutput > 0
      ? { zh: `产值损失 ${formatYi(total.outputLost, 'zh')}（已知产值的 ${formatShare(total.lostShare!)}）`, en: `output lost ${formatYi(total.outputLost, 'en')} (${formatShare(total.lostShare!)} of known output)` }
      : { zh: `产值均未知，按企业计损失 ${round(total.firmEquivalentsLost)} 家当量`, en: `no output known; ${round(total.firmEquivalentsLost)} firm-equivalents of output lost` };
  return {
    removed: removed.map((e) => enterprises.ids[e]!),
    shortfall,
    enterprises: entries,
    segments: segmentRows,
    total,
    direct,
    indirect,
    local,
    cutOff,
    rounds,
    converged,
    reason: {
      zh: `${label.zh}（供给损失 ${formatShare(shortfall)}）：波及 ${indirect.firmsAffected} 家下游企业，其中 ${cutOff.length} 家完全断供；${lostText.zh}。`,
      en: `${label.en} (${formatShare(shortfall)} of their supply lost): ${indirect.firmsAffected} downstream firm(s) affected, ${cutOff.length} cut off entirely; ${lostText.en}.`,
    },
  };
}

/** Options of {@link singlePointsOfFailure}. */
export interface SinglePointOptions {
  /** The leader (an enterprise id). */
  leader: string;
  /** Only supply of this chain's segments (links tagged with another chain's segment are left out). */
  chain?: string;
  /** Link statuses that carry supply. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
}

/** A supplier whose loss cuts the leader off from one or more segments. */
export interface PointOfFailure {
  id: string;
  /** Segments the leader would be cut off from. */
  segments: { chain: string; segment: string }[];
  /** Whether it supplies the leader directly. */
  direct: boolean;
  /** Whether it is also an articulation point of the undirected subgraph. */
  articulation: boolean;
  /** Firms of the subgraph (itself included) whose every supply path to the leader runs through it. */
  dominates: number;
  reason: Reason;
}

/** Result of {@link singlePointsOfFailure}. */
export interface SinglePointResult {
  leader: string;
  chain: string | null;
  /** Firms upstream of the leader (excluding it) and counted links among the subgraph. */
  subgraph: { suppliers: number; links: number };
  /** Every segment provided within the subgraph, with its providers and critical suppliers. */
  segments: {
    chain: string;
    segment: string;
    suppliers: string[];
    /** Suppliers whose loss cuts the leader off from the segment, nearest the leader first. */
    critical: string[];
    /** A direct input of the leader. */
    direct: boolean;
    /** A direct input with exactly one direct supplier. */
    singleSource: boolean;
  }[];
  pointsOfFailure: PointOfFailure[];
  articulationPoints: string[];
  singleSourceSegments: { chain: string; segment: string; supplier: string }[];
  notes: Reason[];
}

/**
 * Immediate dominators of a flow graph rooted at node 0 (Cooper, Harvey & Kennedy), over
 * successor and predecessor CSR rows. Returns idom (idom[0] = 0, −1 for unreachable nodes) and
 * the reachable nodes in postorder (a node's immediate dominator comes after it).
 */
function dominators(
  n: number,
  succ: { offsets: Int32Array; items: Int32Array },
  pred: { offsets: Int32Array; items: Int32Array },
): { idom: Int32Array; postorder: number[] } {
  // iterative depth-first search for a postorder
  const post = new Int32Array(n).fill(-1);
  const order: number[] = [];
  const next = new Int32Array(n);
  const visited = new Uint8Array(n);
  const stack = [0];
  visited[0] = 1;
  next[0] = succ.offsets[0]!;
  while (stack.length > 0) {
    const v = stack[stack.length - 1]!;
    if (next[v]! < succ.offsets[v + 1]!) {
      const w = succ.items[next[v]!++]!;
      if (!visited[w]) {
        visited[w] = 1;
        next[w] = succ.offsets[w]!;
        stack.push(w);
      }
    } else {
      post[v] = order.length;
      order.push(v);
      stack.pop();
    }
  }
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (post[a]! < post[b]!) a = idom[a]!;
      while (post[b]! < post[a]!) b = idom[b]!;
    }
    return a;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let j = order.length - 1; j >= 0; j--) {
      const v = order[j]!;
      if (v === 0) continue;
      let candidate = -1;
      for (let q = pred.offsets[v]!; q < pred.offsets[v + 1]!; q++) {
        const p = pred.items[q]!;
        if (idom[p] === -1) continue;
        candidate = candidate === -1 ? p : intersect(p, candidate);
      }
      if (candidate !== idom[v]) {
        idom[v] = candidate;
        changed = true;
      }
    }
  }
  return { idom, postorder: order };
}

/** Articulation points of an undirected graph given as symmetric CSR rows (iterative Hopcroft–Tarjan). */
function articulationPoints(n: number, adj: { offsets: Int32Array; items: Int32Array }): Uint8Array {
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const children = new Int32Array(n);
  const cut = new Uint8Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    const stack = [root];
    disc[root] = low[root] = time++;
    next[root] = adj.offsets[root]!;
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      if (next[v]! < adj.offsets[v + 1]!) {
        const w = adj.items[next[v]!++]!;
        if (disc[w] === -1) {
          parent[w] = v;
          children[v]!++;
          disc[w] = low[w] = time++;
          next[w] = adj.offsets[w]!;
          stack.push(w);
        } else if (w !== parent[v]) low[v] = Math.min(low[v]!, disc[w]!);
      } else {
        stack.pop();
        const p = parent[v]!;
        if (p >= 0) {
          low[p] = Math.min(low[p]!, low[v]!);
          if (parent[p] !== -1 && low[v]! >= disc[p]!) cut[p] = 1;
        }
      }
    }
    if (children[root]! > 1) cut[root] = 1;
  }
  return cut;
}

function csrOf(n: number, pairs: readonly (readonly [number, number])[]): { offsets: Int32Array; items: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (const [a] of pairs) offsets[a + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const items = new Int32Array(pairs.length);
  for (const [a, b] of pairs) items[cursor[a]!++] = b;
  return { offsets, items };
}

/**
 * Suppliers whose loss cuts a leader off from a segment: dominators of the leader's supply
 * subgraph, with articulation points and single-source segments (see the file header).
 *
 * @example
 * const r = singlePointsOfFailure(model, { leader: 'dayun', chain: 'new-energy-vehicle' });
 * r.pointsOfFailure; // [{ id: 'tongyu-hub', segments: [{ chain, segment: 'wheels-hubs' }], ... }]
 */
export function singlePointsOfFailure(model: ChainModel, options: SinglePointOptions): SinglePointResult {
  const leader = enterpriseIndex(model, options.leader);
  const chainIdx = options.chain === undefined ? undefined : chainIndex(model, options.chain);
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const groups = linkGroups(model, counted);
  const { links, segments, enterprises } = model.index;
  const keep = (k: number) => {
    const g = groups[k]!;
    if (g === NOT_COUNTED) return false;
    return chainIdx === undefined || g < 0 || segments.chain[g] === chainIdx;
  };

  // the upstream subgraph, numbered in breadth-first order from the leader (node 0)
  const ne = enterprises.ids.length;
  const local = new Int32Array(ne).fill(-1);
  const nodes = [leader];
  local[leader] = 0;
  for (let head = 0; head < nodes.length; head++) {
    const b = nodes[head]!;
    for (let q = links.in.offsets[b]!; q < links.in.offsets[b + 1]!; q++) {
      const k = links.in.items[q]!;
      if (!keep(k)) continue;
      const s = links.from[k]!;
      if (local[s] === -1) {
        local[s] = nodes.length;
        nodes.push(s);
      }
    }
  }
  const n = nodes.length;
  // reversed supply edges buyer → supplier, within the subgraph
  const edges: [number, number][] = [];
  const subLinks: number[] = [];
  for (let i = 0; i < n; i++) {
    const b = nodes[i]!;
    for (let q = links.in.offsets[b]!; q < links.in.offsets[b + 1]!; q++) {
      const k = links.in.items[q]!;
      if (!keep(k)) continue;
      edges.push([i, local[links.from[k]!]!]);
      subLinks.push(k);
    }
  }
  const succ = csrOf(n, edges);
  const pred = csrOf(
    n,
    edges.map(([a, b]) => [b, a] as const),
  );
  const { idom, postorder } = dominators(n, succ, pred);
  const undirected = csrOf(n, [...edges, ...edges.map(([a, b]) => [b, a] as const)]);
  const cut = articulationPoints(n, undirected);

  // dominator-tree depth (reverse postorder: a node's idom first) and subtree sizes (postorder)
  const depth = new Int32Array(n);
  for (let j = postorder.length - 1; j >= 0; j--) {
    const v = postorder[j]!;
    if (v !== 0) depth[v] = depth[idom[v]!]! + 1;
  }
  const dominated = new Int32Array(n).fill(1);
  for (const v of postorder) if (v !== 0) dominated[idom[v]!]! += dominated[v]!;
  const nca = (a: number, b: number) => {
    while (depth[a]! > depth[b]!) a = idom[a]!;
    while (depth[b]! > depth[a]!) b = idom[b]!;
    while (a !== b) {
      a = idom[a]!;
      b = idom[b]!;
    }
    return a;
  };

  // providers of each segment within the subgraph
  const providers = new Map<number, Set<number>>();
  let unknownProduct = 0;
  subLinks.forEach((k, j) => {
    const g = groups[k]!;
    if (g < 0) {
      unknownProduct++;
      return;
    }
    const set = providers.get(g) ?? new Set<number>();
    set.add(edges[j]![1]);
    providers.set(g, set);
  });
  // direct inputs of the leader
  const directSuppliers = new Map<number, Set<number>>();
  for (let q = succ.offsets[0]!; q < succ.offsets[1]!; q++) {
    const g = groups[subLinks[q]!]!;
    if (g < 0) continue;
    const set = directSuppliers.get(g) ?? new Set<number>();
    set.add(succ.items[q]!);
    directSuppliers.set(g, set);
  }
  const isDirect = new Uint8Array(n);
  for (let q = succ.offsets[0]!; q < succ.offsets[1]!; q++) isDirect[succ.items[q]!] = 1;

  const ids = enterprises.ids;
  const segRef = (s: number) => {
    const key = segments.keys[s]!;
    const slash = key.indexOf('/');
    return { chain: key.slice(0, slash), segment: key.slice(slash + 1) };
  };
  const failures = new Map<number, number[]>();
  const segmentRows = [...providers.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([g, set]) => {
      const members = [...set].sort((a, b) => a - b);
      let top = members[0]!;
      for (const v of members) top = nca(top, v);
      const critical: number[] = [];
      for (let v = top; v !== 0; v = idom[v]!) critical.push(v);
      critical.reverse(); // nearest the leader first
      for (const v of critical) failures.set(v, [...(failures.get(v) ?? []), g]);
      const direct = directSuppliers.get(g);
      return {
        ...segRef(g),
        suppliers: members.map((v) => ids[nodes[v]!]!),
        critical: critical.map((v) => ids[nodes[v]!]!),
        direct: direct !== undefined,
        singleSource: direct !== undefined && direct.size === 1,
      };
    });
  const leaderName = model.dataset.enterprises[leader]!.name;
  const pointsOfFailure: PointOfFailure[] = [...failures.entries()]
    .map(([v, gs]) => {
      const e = nodes[v]!;
      const refs = gs.map(segRef);
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
  const singleSourceSegments = [...directSuppliers.entries()]
    .filter(([, set]) => set.size === 1)
    .sort((a, b) => a[0] - b[0])
    .map(([g, set]) => ({ ...segRef(g), supplier: ids[nodes[[...set][0]!]!]! }));
  const notes: Reason[] = [];
  if (n === 1)
    notes.push({
      zh: `未记录${leaderName}的任何计入状态的供货关系，无法判断单点故障。`,
      en: `No supply link of a counted status into ${ids[leader]} is recorded: single points of failure cannot be assessed.`,
    });
  if (unknownProduct > 0)
    notes.push({
      zh: `${unknownProduct} 条供货关系的产品环节未知且供方无环节记录，未计入按环节的判断。`,
      en: `${unknownProduct} link(s) have no product segment and a supplier with no segment: they are left out of the per-segment assessment.`,
    });
  return {
    leader: ids[leader]!,
    chain: options.chain ?? null,
    subgraph: { suppliers: n - 1, links: subLinks.length },
    segments: segmentRows,
    pointsOfFailure,
    articulationPoints: nodes.filter((_, v) => cut[v] === 1 && v !== 0).map((e) => ids[e]!),
    singleSourceSegments,
    notes,
  };
}

/** Options of {@link assessResilience}. */
export interface ResilienceOptions extends ScopeOptions {
  /** Link statuses that carry supply. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** Enterprise statuses of the scope. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
  /** Largest number of single-firm removals simulated (the firms with most buyers first). Default 200. */
  maxSimulations?: number;
}

/** Result of {@link assessResilience}. */
export interface ResilienceSummary {
  scope: { region: string; chain: string | null };
  firms: number;
  /** Firms of the scope with recorded inputs. */
  buyersWithInputs: number;
  /** (buyer, input segment) pairs of the scope's firms, and those with one supplier. */
  inputSegments: number;
  singleSourceInputs: number;
  /** singleSourceInputs / inputSegments; null without inputs. */
  singleSourceShare: number | null;
  /** Declared 链主 of the scope and their single points of failure. */
  leaders: { id: string; pointsOfFailure: number; singleSourceSegments: number }[];
  /** The single-firm removal (among the scope's suppliers) that hurts the scope's firms most. */
  worstRemoval: { enterprise: string; firmsAffected: number; firmEquivalentsLost: number; outputLost: number; lostShare: number | null } | null;
  simulations: number;
  reason: Reason;
}

/**
 * A resilience summary of a scope: how much of its firms' input is single-sourced, the single
 * points of failure of its declared 链主, and the single-firm disruption that hurts it most
 * (cascades as in {@link simulateDisruption}, counted over the scope's firms).
 *
 * @example
 * const s = assessResilience(model, { chain: 'wind-power', region: 'jiuquan' });
 * s.singleSourceShare; // share of input segments with one supplier
 */
export function assessResilience(model: ChainModel, options: ResilienceOptions = {}): ResilienceSummary {
  const scope = resolveScope(model, options);
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const groups = linkGroups(model, counted);
  const table = inputTable(model, groups);
  const members = scopeMembers(model, scope.regionIndex, scope.chainIndex, options.statuses);
  const { links, enterprises } = model.index;
  let buyersWithInputs = 0;
  let inputSegments = 0;
  let singleSourceInputs = 0;
  for (const e of members) {
    let j = table.offsets[e]!;
    const end = table.offsets[e + 1]!;
    if (j < end) buyersWithInputs++;
    while (j < end) {
      const g = table.groups[j]!;
      const suppliers = new Set<number>();
      while (j < end && table.groups[j] === g) suppliers.add(links.from[table.links[j++]!]!);
      inputSegments++;
      if (suppliers.size === 1) singleSourceInputs++;
    }
  }
  const leaders = [...members]
    .filter((e) => {
      const record = model.dataset.enterprises[e]!;
      if (scope.chain === undefined) return record.role === 'leader' || (record.chainRoles ?? []).some((r) => r.role === 'leader');
      return (record.chainRoles?.find((r) => r.chain === scope.chain)?.role ?? record.role) === 'leader';
    })
    .map((e) => {
      const r = singlePointsOfFailure(model, {
        leader: enterprises.ids[e]!,
        ...(scope.chain === undefined ? {} : { chain: scope.chain }),
        ...(options.linkStatuses ? { linkStatuses: options.linkStatuses } : {}),
      });
      return { id: enterprises.ids[e]!, pointsOfFailure: r.pointsOfFailure.length, singleSourceSegments: r.singleSourceSegments.length };
    });
  // candidate removals: the scope's suppliers with counted buyers, most buyers first
  const maxSimulations = options.maxSimulations ?? 200;
  const suppliers = [...members]
    .map((e) => {
      let out = 0;
      for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) if (groups[links.out.items[q]!] !== NOT_COUNTED) out++;
      return [e, out] as const;
    })
    .filter(([, out]) => out > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, maxSimulations);
  let worst: ResilienceSummary['worstRemoval'] = null;
  let worstKey = -1;
  for (const [e] of suppliers) {
    const { phi } = cascade(model, table, [e], 1, 1e-12, 10000);
    const t = totals(
      model,
      phi,
      [...members].filter((m) => m !== e),
    );
    const key = t.firmEquivalentsLost;
    if (key > worstKey + 1e-12) {
      worstKey = key;
      worst = { enterprise: enterprises.ids[e]!, firmsAffected: t.firmsAffected, firmEquivalentsLost: t.firmEquivalentsLost, outputLost: t.outputLost, lostShare: t.lostShare };
    }
  }
  const share = inputSegments > 0 ? singleSourceInputs / inputSegments : null;
  const worstName = worst ? model.dataset.enterprises[enterprises.byId.get(worst.enterprise)!]!.name : '';
  return {
    scope: { region: scope.region, chain: scope.chain ?? null },
    firms: members.length,
    buyersWithInputs,
    inputSegments,
    singleSourceInputs,
    singleSourceShare: share,
    leaders,
    worstRemoval: worst,
    simulations: suppliers.length,
    reason: {
      zh: `范围内 ${members.length} 家企业，${buyersWithInputs} 家有供货记录；${inputSegments} 个（企业，投入环节）中 ${singleSourceInputs} 个为单一来源${share === null ? '' : `（${formatShare(share)}）`}${worst ? `；最关键的供应商为${worstName}，停供将波及范围内 ${worst.firmsAffected} 家企业（损失 ${round(worst.firmEquivalentsLost)} 家当量产出）` : ''}。`,
      en: `${members.length} firm(s) in scope, ${buyersWithInputs} with recorded inputs; ${singleSourceInputs} of ${inputSegments} (firm, input segment) pair(s) single-sourced${share === null ? '' : ` (${formatShare(share)})`}${worst ? `; the most critical supplier is ${worst.enterprise}, whose loss affects ${worst.firmsAffected} firm(s) in scope (${round(worst.firmEquivalentsLost)} firm-equivalents of output)` : ''}.`,
    },
  };
}
