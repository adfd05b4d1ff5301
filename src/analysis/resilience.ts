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
 *   reversed subgraph rooted at the leader. Dominators by semi-NCA (Georgiadis 2005:
 *   Lengauer & Tarjan's semidominators with simple path compression, then each immediate
 *   dominator as a nearest common ancestor) over compact arrays; the common dominators of S's
 *   providers are the dominator-tree ancestors of their nearest common ancestor (excluding the
 *   leader). (The dominator tree is unique: any correct algorithm gives the same result.)
 * - Also reported: articulation points of the subgraph taken as undirected (Hopcroft–Tarjan;
 *   a looser notion: removing one disconnects the subgraph), and single-source segments (the
 *   leader's direct input segments with one supplier).
 *
 * Cost
 * - simulateDisruption: the cascade costs, per round, each queued firm's inputs (its row of the
 *   input table, built on first use: no pass over the whole link table) plus the buyers of each
 *   firm whose factor fell; then O(firms) typed passes and output linear in the firms affected.
 *   assessResilience shares one input table and the cascade's buffers across its simulations
 *   (each costs what it touches, plus a pass over the scope's firms).
 * - singlePointsOfFailure: linear in the leader's supply subgraph (firms + links; dominators
 *   O(m log n)), plus O(firms) to clear the numbering; no pass over the whole link table.
 * - Temporary arrays (input table, cascade buffers, the subgraph's rows, dominator and
 *   articulation-point search buffers) come from the model's scratch arena
 *   (internal/scratch.ts), so after the first call on a model the analyses allocate almost no
 *   memory outside the JS heap (such allocations trigger V8's full collections on large models).
 *   Tables filled as they go (input table, subgraph edges) grow into new, twice as long scratch
 *   arrays: at most about twice their final size in use per call.
 * - Caches per model (WeakMap, the model itself untouched): the buyer of every out-link
 *   (4 bytes per link, for the cascade's worklist) and the in-link rows used so far by the
 *   subgraph searches and input tables (supplier, status, input group: 9 bytes per link at most).
 *
 * References
 * - Inoue, H. & Todo, Y. (2019). Firm-level propagation of shocks through supply-chain networks.
 *   Nature Sustainability 2, 841–847.
 * - Georgiadis, L. (2005). Linear-time algorithms for dominators and related problems. PhD
 *   thesis, Princeton University (semi-NCA, ch. 2).
 * - Lengauer, T. & Tarjan, R. E. (1979). A fast algorithm for finding dominators in a flowgraph.
 *   ACM TOPLAS 1(1), 121–141.
 * - Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 *   manipulation. Comm. ACM 16(6), 372–378.
 */
import type { ChainModel } from '../graph/model.js';
import { chainIndex, enterpriseIndex, enterprisesInRegionIdx, regionIndex, segmentIndex } from '../graph/queries.js';
import { formatShare, formatYi, round } from '../internal/format.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';
import { LINK_STATUSES, type EnterpriseStatus, type LinkStatus } from '../model/vocabulary.js';
import { DEFAULT_SUPPLY_LINK_STATUSES, scopeMembers, statusTable } from './centrality.js';
import { resolveScope, type Reason, type ScopeOptions } from './scope/index.js';

/** A copy of `array` with room for `capacity` entries, its first `used` entries kept (the per-model row cache, grown as it is filled). */
function resized<T extends Int32Array | Uint8Array | Float64Array>(array: T, capacity: number, used: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array.subarray(0, used));
  return copy;
}

/** Output factors below this are "cut off". */
const CUT_OFF = 1e-9;

/**
 * Input group of one counted link (see the file header): its product segment where tagged;
 * otherwise the first segment of the supplier that feeds one of the buyer's segments by a flow
 * of its chain, else the supplier's first segment, else −1 − supplier.
 */
function linkGroup(model: ChainModel, k: number): number {
  const { links, enterprises, flows } = model.index;
  const tagged = links.segment[k]!;
  if (tagged >= 0) return tagged;
  const from = links.from[k]!;
  const to = links.to[k]!;
  const segOffsets = enterprises.segments.offsets;
  const segItems = enterprises.segments.items;
  const first = segOffsets[from]!;
  const end = segOffsets[from + 1]!;
  const toStart = segOffsets[to]!;
  const toEnd = segOffsets[to + 1]!;
  for (let a = first; a < end; a++) {
    const s = segItems[a]!;
    for (let q = flows.out.offsets[s]!; q < flows.out.offsets[s + 1]!; q++) {
      const t = flows.to[flows.out.items[q]!]!;
      for (let b = toStart; b < toEnd; b++) if (segItems[b] === t) return s;
    }
  }
  return first < end ? segItems[first]! : -1 - from;
}

/**
 * Per buyer, its counted in-links sorted by group (then link), with the supplier and the weight
 * of each within its group. Rows are built on first use ({@link inputRow}) from the model's
 * cached in-link rows, so a simulation pays only for the buyers it evaluates. Every column is a
 * scratch array of the analysis' scope (grown by taking larger ones): the table lives only as
 * long as that scope.
 */
interface InputTable {
  /** The scope the columns are taken from (and grown in). */
  scratch: Scratch;
  counted: Uint8Array;
  /** Start of each buyer's row in the columns, −1 until built. */
  start: Int32Array;
  length: Int32Array;
  from: Int32Array;
  groups: Int32Array;
  weights: Float64Array;
  size: number;
  /** Scratch of one row being built: link, group, supplier, order. */
  scratchLink: Int32Array;
  scratchGroup: Int32Array;
  scratchFrom: Int32Array;
  scratchOrder: Int32Array;
}

function inputTable(model: ChainModel, counted: Uint8Array, s: Scratch): InputTable {
  const ne = model.index.enterprises.ids.length;
  const capacity = Math.min(model.index.links.from.length, 1 << 16);
  return {
    scratch: s,
    counted,
    start: s.int32(ne, -1),
    length: s.int32(ne),
    from: s.int32(capacity),
    groups: s.int32(capacity),
    weights: s.float64(capacity),
    size: 0,
    scratchLink: s.int32(64),
    scratchGroup: s.int32(64),
    scratchFrom: s.int32(64),
    scratchOrder: s.int32(64),
  };
}

/**
 * Start of buyer e's row in the table's columns, building it first if needed (which may
 * reallocate the columns: read them after the call). A group's links weigh their values when
 * every one has a value and they sum to more than 0, else 1 each.
 */
function inputRow(model: ChainModel, table: InputTable, e: number): number {
  const built = table.start[e]!;
  if (built >= 0) return built;
  const { links } = model.index;
  const rows = supplyRows(model);
  const at = cachedRow(model, rows, e);
  const base = links.in.offsets[e]!;
  const degree = links.in.offsets[e + 1]! - base;
  if (degree > table.scratchLink.length) {
    const size = Math.max(degree, 2 * table.scratchLink.length);
    const s = table.scratch;
    table.scratchLink = s.int32(size);
    table.scratchGroup = s.int32(size);
    table.scratchFrom = s.int32(size);
    table.scratchOrder = s.int32(size);
  }
  const { counted, scratchLink: sk, scratchGroup: sg, scratchFrom: sf, scratchOrder: order } = table;
  let c = 0;
  for (let r = 0; r < degree; r++) {
    if (!counted[rows.status[at + r]!]) continue;
    sk[c] = links.in.items[base + r]!;
    sg[c] = rows.group[at + r]!;
    sf[c] = rows.from[at + r]!;
    order[c] = c;
    c++;
  }
  // order by (group, link): insertion sort for short rows, else a library sort
  const before = (a: number, b: number) => sg[a]! < sg[b]! || (sg[a] === sg[b] && sk[a]! < sk[b]!);
  if (c <= 32) {
    for (let i = 1; i < c; i++) {
      const x = order[i]!;
      let j = i;
      while (j > 0 && before(x, order[j - 1]!)) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = x;
    }
  } else {
    const sorted = Array.from(order.subarray(0, c)).sort((a, b) => sg[a]! - sg[b]! || sk[a]! - sk[b]!);
    for (let i = 0; i < c; i++) order[i] = sorted[i]!;
  }
  let start = table.size;
  if (start + c > table.from.length) {
    // larger scratch columns (the old ones stay taken until the scope ends: at most twice the final size in all)
    const capacity = Math.min(links.from.length, Math.max(2 * table.from.length, start + c));
    const s = table.scratch;
    const from = s.int32(capacity);
    const groups = s.int32(capacity);
    const weights = s.float64(capacity);
    from.set(table.from.subarray(0, start));
    groups.set(table.groups.subarray(0, start));
    weights.set(table.weights.subarray(0, start));
    table.from = from;
    table.groups = groups;
    table.weights = weights;
  }
  const { from, groups, weights } = table;
  for (let i = 0; i < c; i++) {
    from[start + i] = sf[order[i]!]!;
    groups[start + i] = sg[order[i]!]!;
  }
  const end = start + c;
  let run = start;
  while (run < end) {
    let stop = run;
    let allKnown = true;
    let sum = 0;
    while (stop < end && groups[stop] === groups[run]) {
      const v = links.value[sk[order[stop - start]!]!]!;
      if (Number.isNaN(v)) allKnown = false;
      else sum += v;
      stop++;
    }
    const byValue = allKnown && sum > 0;
    for (let j = run; j < stop; j++) weights[j] = byValue ? links.value[sk[order[j - start]!]!]! : 1;
    run = stop;
  }
  table.size = end;
  table.start[e] = start;
  table.length[e] = c;
  return start;
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

function resolveTargets(model: ChainModel, remove: DisruptionTarget, counted: Uint8Array): { removed: number[]; label: Reason } {
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
      for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) if (counted[links.status[links.out.items[q]!]!]) supplies = true;
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

/**
 * Buffers of {@link cascade}, reusable across cascades on one model: after a cascade, `phi` is 1
 * and `isRemoved` 0 everywhere except at the entries listed in `touched[0 .. touchedCount)`.
 */
interface CascadeWork {
  phi: Float64Array;
  isRemoved: Uint8Array;
  /** Last round stamp at which each firm was queued (stamps grow across cascades). */
  queued: Int32Array;
  stamp: number;
  frontier: Int32Array;
  next: Int32Array;
  touched: Int32Array;
  touchedCount: number;
}

/** Fresh cascade buffers for `ne` firms, scratch arrays of the caller's scope. */
function cascadeWork(ne: number, s: Scratch): CascadeWork {
  return {
    phi: s.float64(ne, 1),
    isRemoved: s.uint8(ne),
    queued: s.int32(ne, -1),
    stamp: 0,
    frontier: s.int32(ne),
    next: s.int32(ne),
    touched: s.int32(ne),
    touchedCount: 0,
  };
}

/** Puts the work buffers back to φ = 1, nothing removed. */
function resetWork(work: CascadeWork): void {
  for (let t = 0; t < work.touchedCount; t++) {
    const e = work.touched[t]!;
    work.phi[e] = 1;
    work.isRemoved[e] = 0;
  }
  work.touchedCount = 0;
}

/** The buyer of each entry of `links.out.items`, filled firm by firm on first use. */
interface OutBuyers {
  buyer: Int32Array;
  ready: Uint8Array;
}

const outBuyersCache = new WeakMap<ChainModel, OutBuyers>();

/** The model's out-link buyers (cached per model: 4 bytes per link), with firm e's row filled. */
function outBuyers(model: ChainModel): OutBuyers {
  let cached = outBuyersCache.get(model);
  if (cached === undefined) {
    cached = { buyer: new Int32Array(model.index.links.out.items.length), ready: new Uint8Array(model.index.enterprises.ids.length) };
    outBuyersCache.set(model, cached);
  }
  return cached;
}

function fillOutRow(model: ChainModel, out: OutBuyers, e: number): void {
  const { links } = model.index;
  for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) out.buyer[q] = links.to[links.out.items[q]!]!;
  out.ready[e] = 1;
}

/**
 * Output factors after a shock (see the file header), in `work.phi`; `removed` keep 1 − shortfall.
 * Rounds: the firms queued in a round are evaluated in ascending index order, each against the
 * factors as they stand (updated earlier in the same round included); a firm whose factor fell by
 * more than `tolerance` queues its buyers (every buyer by any link, the removed excepted) for the
 * next round.
 */
function cascade(
  model: ChainModel,
  table: InputTable,
  removed: readonly number[],
  shortfall: number,
  tolerance: number,
  maxRounds: number,
  work: CascadeWork,
): { rounds: number; converged: boolean } {
  const outOffsets = model.index.links.out.offsets;
  const out = outBuyers(model);
  const outBuyer = out.buyer;
  const ne = outOffsets.length - 1;
  const { phi, isRemoved, queued, touched } = work;
  for (const e of removed) {
    if (!isRemoved[e] && phi[e] === 1) touched[work.touchedCount++] = e;
    isRemoved[e] = 1;
    phi[e] = 1 - shortfall;
  }
  // round r of this cascade is stamped base + r
  const base = work.stamp;
  let frontier = work.frontier;
  let next = work.next;
  let size = 0;
  if (shortfall > 0)
    for (const e of removed) {
      if (!out.ready[e]) fillOutRow(model, out, e);
      for (let q = outOffsets[e]!; q < outOffsets[e + 1]!; q++) {
        const b = outBuyer[q]!;
        if (isRemoved[b] || queued[b] === base) continue;
        queued[b] = base;
        frontier[size++] = b;
      }
    }
  let rounds = 0;
  while (size > 0 && rounds < maxRounds) {
    // ascending order: the firms queued with the last stamp, by a scan when they are many
    if (size * 16 > ne) {
      const last = base + rounds;
      for (let e = 0, f = 0; f < size; e++) if (queued[e] === last) frontier[f++] = e;
    } else frontier.subarray(0, size).sort();
    rounds++;
    const stamp = base + rounds;
    let nextSize = 0;
    for (let f = 0; f < size; f++) {
      const i = frontier[f]!;
      let factor = 1;
      let j = inputRow(model, table, i);
      const end = j + table.length[i]!;
      const { from, groups, weights } = table;
      while (j < end) {
        const g = groups[j]!;
        let num = 0;
        let den = 0;
        while (j < end && groups[j] === g) {
          const w = weights[j]!;
          num += w * phi[from[j]!]!;
          den += w;
          j++;
        }
        const share = den > 0 ? num / den : 1;
        if (share < factor) factor = share;
      }
      // monotone: suppliers' factors only fall, so φ only falls
      const old = phi[i]!;
      if (factor < old - tolerance) {
        if (old === 1 && factor !== 1) touched[work.touchedCount++] = i;
        phi[i] = factor;
        if (!out.ready[i]) fillOutRow(model, out, i);
        for (let q = outOffsets[i]!; q < outOffsets[i + 1]!; q++) {
          const b = outBuyer[q]!;
          if (isRemoved[b] || queued[b] === stamp) continue;
          queued[b] = stamp;
          next[nextSize++] = b;
        }
      } else if (factor < old) {
        if (old === 1) touched[work.touchedCount++] = i;
        phi[i] = factor;
      }
    }
    const t = frontier;
    frontier = next;
    next = t;
    size = nextSize;
  }
  work.stamp = base + rounds + 1;
  return { rounds, converged: size === 0 };
}

/**
 * Loss totals over `members` in the list's order (all firms in index order when null), leaving
 * out the firm `skip` and the firms marked in `skipMask`.
 */
function totals(model: ChainModel, phi: Float64Array, members: ArrayLike<number> | null, skip = -1, skipMask: Uint8Array | null = null): LossTotals {
  const output = model.index.enterprises.output;
  let firms = 0;
  let firmsAffected = 0;
  let firmsCutOff = 0;
  let outputLost = 0;
  let knownOutput = 0;
  let firmEquivalentsLost = 0;
  let affectedWithUnknownOutput = 0;
  const count = members === null ? phi.length : members.length;
  for (let m = 0; m < count; m++) {
    const e = members === null ? m : members[m]!;
    if (e === skip || (skipMask !== null && skipMask[e] === 1)) continue;
    const f = phi[e]!;
    const lost = 1 - f;
    firms++;
    firmEquivalentsLost += lost;
    if (lost > 0) firmsAffected++;
    if (f < CUT_OFF) firmsCutOff++;
    const x = output[e]!;
    if (Number.isNaN(x)) {
      if (lost > 0) affectedWithUnknownOutput++;
    } else {
      knownOutput += x;
      outputLost += lost * x;
    }
  }
  return {
    firms,
    firmsAffected,
    firmsCutOff,
    outputLost,
    knownOutput,
    lostShare: knownOutput > 0 ? outputLost / knownOutput : null,
    firmEquivalentsLost,
    firmShareLost: firms > 0 ? firmEquivalentsLost / firms : null,
    affectedWithUnknownOutput,
  };
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
  const { removed, label } = resolveTargets(model, options.remove, counted);
  return withScratch(model, (s) => {
    const table = inputTable(model, counted, s);
    const work = cascadeWork(model.index.enterprises.ids.length, s);
    const { rounds, converged } = cascade(model, table, removed, shortfall, tolerance, maxRounds, work);
    return describeDisruption(model, work.phi, removed, shortfall, rounds, converged, label, options.region, s);
  });
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
  s: Scratch,
): DisruptionResult {
  const { enterprises, segments } = model.index;
  const ne = enterprises.ids.length;
  const ns = segments.keys.length;
  const isRemoved = s.uint8(ne);
  for (const e of removed) isRemoved[e] = 1;
  let affectedCount = 0;
  for (let e = 0; e < ne; e++) if (phi[e]! < 1) affectedCount++;
  const affected = s.int32(affectedCount);
  for (let e = 0, a = 0; e < ne; e++) if (phi[e]! < 1) affected[a++] = e;
  const entries: DisruptionEntry[] = new Array<DisruptionEntry>(affectedCount);
  for (let a = 0; a < affectedCount; a++) {
    const e = affected[a]!;
    const x = enterprises.output[e]!;
    const output = Number.isNaN(x) ? null : x;
    const lost = 1 - phi[e]!;
    entries[a] = {
      id: enterprises.ids[e]!,
      removed: isRemoved[e] === 1,
      outputFactor: phi[e]!,
      lostFraction: lost,
      output,
      outputLost: output === null ? null : lost * output,
      cutOff: phi[e]! < CUT_OFF,
    };
  }
  entries.sort((a, b) => b.lostFraction - a.lostFraction || (b.outputLost ?? -1) - (a.outputLost ?? -1));

  // segments: each firm's output split equally among its segments (sums in ascending firm order)
  const segFirms = new Int32Array(ns);
  const segLost = new Float64Array(ns);
  const segEquivalents = new Float64Array(ns);
  for (let a = 0; a < affectedCount; a++) {
    const e = affected[a]!;
    const first = enterprises.segments.offsets[e]!;
    const count = enterprises.segments.offsets[e + 1]! - first;
    const lost = 1 - phi[e]!;
    const x = enterprises.output[e]!;
    for (let c = first; c < first + count; c++) {
      const s = enterprises.segments.items[c]!;
      segFirms[s]!++;
      segEquivalents[s]! += lost / count;
      if (!Number.isNaN(x)) segLost[s]! += (lost * x) / count;
    }
  }
  const segmentRows: DisruptionResult['segments'] = [];
  for (let s = 0; s < ns; s++) {
    if (segFirms[s] === 0) continue;
    let known = 0;
    for (let m = segments.enterprises.offsets[s]!; m < segments.enterprises.offsets[s + 1]!; m++) {
      const e = segments.enterprises.items[m]!;
      const x = enterprises.output[e]!;
      const count = enterprises.segments.offsets[e + 1]! - enterprises.segments.offsets[e]!;
      if (!Number.isNaN(x)) known += x / count;
    }
    const key = segments.keys[s]!;
    const slash = key.indexOf('/');
    segmentRows.push({
      chain: key.slice(0, slash),
      segment: key.slice(slash + 1),
      firmsAffected: segFirms[s]!,
      outputLost: segLost[s]!,
      knownOutput: known,
      lostShare: known > 0 ? segLost[s]! / known : null,
      firmEquivalentsLost: segEquivalents[s]!,
    });
  }

  const total = totals(model, phi, null);
  const direct = totals(model, phi, removed);
  const indirect = totals(model, phi, null, -1, isRemoved);
  const regionId = regionOption ?? model.dataset.meta.region;
  const local = regionId === undefined ? null : { region: regionId, ...totals(model, phi, enterprisesInRegionIdx(model, regionIndex(model, regionId))) };
  const cutOff: string[] = [];
  for (let a = 0; a < affectedCount; a++) {
    const e = affected[a]!;
    if (!isRemoved[e] && phi[e]! < CUT_OFF) cutOff.push(enterprises.ids[e]!);
  }

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

/** Compressed sparse rows over nodes `0 .. n − 1`. */
interface Rows {
  offsets: Int32Array;
  items: Int32Array;
}

/**
 * Immediate dominators of a flow graph rooted at node 0 in which every node is reachable from
 * the root, over successor and predecessor CSR rows: semi-NCA (Georgiadis 2005), i.e.
 * semidominators as in Lengauer & Tarjan with simple path compression over an iterative
 * depth-first search, then each idom as the nearest common ancestor of the DFS parent and the
 * semidominator. O(m log n). Returns idom (idom[0] = 0) and the nodes in DFS preorder (a node's
 * immediate dominator comes before it), both scratch arrays of `sc`'s scope, like its buffers.
 */
function dominators(n: number, succ: Rows, pred: Rows, sc: Scratch): { idom: Int32Array; preorder: Int32Array } {
  // depth-first search: preorder number of each node, node of each number, DFS parent (numbers)
  const pre = sc.int32(n, -1);
  const vertex = sc.int32(n);
  const parent = sc.int32(n);
  const next = sc.int32(n);
  const stack = sc.int32(n);
  let count = 0;
  let top = 0;
  pre[0] = 0;
  vertex[count++] = 0;
  stack[top++] = 0;
  next[0] = succ.offsets[0]!;
  while (top > 0) {
    const v = stack[top - 1]!;
    if (next[v]! < succ.offsets[v + 1]!) {
      const w = succ.items[next[v]!++]!;
      if (pre[w] === -1) {
        pre[w] = count;
        vertex[count] = w;
        parent[count] = pre[v]!;
        count++;
        next[w] = succ.offsets[w]!;
        stack[top++] = w;
      }
    } else top--;
  }
  // semidominators, in preorder numbers, by decreasing number; the forest of processed nodes
  // (ancestor, −1 at a root) with labels of least semidominator, compressed iteratively
  const semi = sc.int32(count);
  const label = sc.int32(count);
  const ancestor = sc.int32(count, -1);
  for (let i = 0; i < count; i++) semi[i] = label[i] = i;
  const path = stack; // reused: at most count entries
  for (let i = count - 1; i > 0; i--) {
    const w = vertex[i]!;
    let s = semi[i]!;
    for (let q = pred.offsets[w]!; q < pred.offsets[w + 1]!; q++) {
      const u = pre[pred.items[q]!]!;
      if (u < 0) continue;
      let best = u;
      if (ancestor[u] !== -1) {
        // compress the path from u up to the child of its forest root
        let depth = 0;
        let x = u;
        while (ancestor[ancestor[x]!] !== -1) {
          path[depth++] = x;
          x = ancestor[x]!;
        }
        while (depth > 0) {
          x = path[--depth]!;
          const a = ancestor[x]!;
          if (semi[label[a]!]! < semi[label[x]!]!) label[x] = label[a]!;
          ancestor[x] = ancestor[a]!;
        }
        best = label[u]!;
      }
      if (semi[best]! < s) s = semi[best]!;
    }
    semi[i] = s;
    ancestor[i] = parent[i]!;
  }
  // idom(w) = nearest common ancestor of parent(w) and semi(w) in the dominator tree so far
  const idomNumber = sc.int32(count);
  for (let i = 1; i < count; i++) {
    let d = parent[i]!;
    while (d > semi[i]!) d = idomNumber[d]!;
    idomNumber[i] = d;
  }
  const idom = sc.int32(n, -1);
  idom[0] = 0;
  for (let i = 1; i < count; i++) idom[vertex[i]!] = vertex[idomNumber[i]!]!;
  return { idom, preorder: vertex.subarray(0, count) };
}

/**
 * Articulation points of the undirected graph whose edges are those of `succ` (iterative
 * Hopcroft–Tarjan), given `pred`, the same edges reversed: a node's neighbours are its successors,
 * then its predecessors, read from both rows in place. Returns 1 at each articulation point, in a
 * scratch array of `s`'s scope, like its buffers.
 */
function articulationPoints(n: number, succ: Rows, pred: Rows, s: Scratch): Uint8Array {
  const disc = s.int32(n, -1);
  const low = s.int32(n);
  const parent = s.int32(n, -1);
  // the next neighbour of each node on the search path: in its successor row, then in its predecessor row
  const nextSucc = s.int32(n);
  const nextPred = s.int32(n);
  const children = s.int32(n);
  const cut = s.uint8(n);
  const stack = s.int32(n);
  const { offsets: succOffsets, items: succItems } = succ;
  const { offsets: predOffsets, items: predItems } = pred;
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    nextSucc[root] = succOffsets[root]!;
    nextPred[root] = predOffsets[root]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      let w = -1;
      if (nextSucc[v]! < succOffsets[v + 1]!) w = succItems[nextSucc[v]!++]!;
      else if (nextPred[v]! < predOffsets[v + 1]!) w = predItems[nextPred[v]!++]!;
      if (w >= 0) {
        if (disc[w] === -1) {
          parent[w] = v;
          children[v]!++;
          disc[w] = low[w] = time++;
          nextSucc[w] = succOffsets[w]!;
          nextPred[w] = predOffsets[w]!;
          stack[top++] = w;
        } else if (w !== parent[v] && disc[w]! < low[v]!) low[v] = disc[w]!;
      } else {
        top--;
        const p = parent[v]!;
        if (p >= 0) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
          if (parent[p] !== -1 && low[v]! >= disc[p]!) cut[p] = 1;
        }
      }
    }
    if (children[root]! > 1) cut[root] = 1;
  }
  return cut;
}

/**
 * `buffer`, or a scratch copy twice as long when `size` entries do not leave room for one more
 * (the old one stays taken until the scope ends: at most twice the final length in all).
 */
function grown(s: Scratch, buffer: Int32Array, size: number): Int32Array {
  if (size < buffer.length) return buffer;
  const copy = s.int32(Math.max(16, buffer.length * 2));
  copy.set(buffer);
  return copy;
}

/**
 * In-link rows of the enterprises, copied in the order of `links.in` on first use: supplier,
 * status code and input group ({@link linkGroup}) of each in-link, contiguous per buyer. The
 * supply subgraph searches of {@link singlePointsOfFailure} (the report runs one per declared
 * 链主) then read each row sequentially instead of three scattered link columns per link. Holds
 * only the rows searched so far (9 bytes per link).
 */
interface SupplyRows {
  /** Start of each enterprise's row, −1 until copied. */
  at: Int32Array;
  from: Int32Array;
  status: Uint8Array;
  group: Int32Array;
  size: number;
}

const supplyRowsCache = new WeakMap<ChainModel, SupplyRows>();

function supplyRows(model: ChainModel): SupplyRows {
  let rows = supplyRowsCache.get(model);
  if (rows === undefined) {
    const capacity = Math.min(model.index.links.from.length, 1 << 16);
    rows = {
      at: new Int32Array(model.index.enterprises.ids.length).fill(-1),
      from: new Int32Array(capacity),
      status: new Uint8Array(capacity),
      group: new Int32Array(capacity),
      size: 0,
    };
    supplyRowsCache.set(model, rows);
  }
  return rows;
}

/** Start of buyer b's row in `rows`, copying it first if needed (which may reallocate the columns). */
function cachedRow(model: ChainModel, rows: SupplyRows, b: number): number {
  const cached = rows.at[b]!;
  if (cached >= 0) return cached;
  const { links } = model.index;
  const start = links.in.offsets[b]!;
  const length = links.in.offsets[b + 1]! - start;
  const at = rows.size;
  if (at + length > rows.from.length) {
    const capacity = Math.min(links.from.length, Math.max(2 * rows.from.length, at + length));
    rows.from = resized(rows.from, capacity, at);
    rows.status = resized(rows.status, capacity, at);
    rows.group = resized(rows.group, capacity, at);
  }
  for (let r = 0; r < length; r++) {
    const k = links.in.items[start + r]!;
    rows.from[at + r] = links.from[k]!;
    rows.status[at + r] = links.status[k]!;
    rows.group[at + r] = linkGroup(model, k);
  }
  rows.size = at + length;
  rows.at[b] = at;
  return at;
}

/**
 * Suppliers whose loss cuts a leader off from a segment: dominators of the leader's supply
 * subgraph, with articulation points and single-source segments (see the file header).
 *
 * Cost: about linear in the subgraph's firms and links (a reverse breadth-first search over the
 * cached in-link rows, counting sorts into compact rows, semi-NCA dominators in O(m log n), an
 * iterative articulation-point search), plus O(firms) to clear the numbering; no pass over
 * the whole link table. Its temporary arrays come from the model's scratch arena (nothing
 * allocated outside the JS heap after the first call). The first search through a firm copies
 * its in-link row into the model's cache (see the file header), so repeated calls on one model
 * (a report's 链主) are cheaper.
 *
 * @example
 * const r = singlePointsOfFailure(model, { leader: 'dayun', chain: 'new-energy-vehicle' });
 * r.pointsOfFailure; // [{ id: 'tongyu-hub', segments: [{ chain, segment: 'wheels-hubs' }], ... }]
 */
export function singlePointsOfFailure(model: ChainModel, options: SinglePointOptions): SinglePointResult {
  const leader = enterpriseIndex(model, options.leader);
  const chainIdx = options.chain === undefined ? -1 : chainIndex(model, options.chain);
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const { links, segments, enterprises } = model.index;
  const ne = enterprises.ids.length;
  const ns = segments.keys.length;
  const inOffsets = links.in.offsets;
  const rows = supplyRows(model);
  const rowAt = rows.at;
  return withScratch(model, (sc) => {
    // the upstream subgraph, numbered in breadth-first order from the leader (node 0), with its
    // reversed supply edges buyer → supplier in the order met: node by node, a node's in-links in
    // order (so the edges of node i form row i of the successor rows)
    const local = sc.int32(ne, -1);
    const nodes = sc.int32(ne);
    let n = 0;
    nodes[n++] = leader;
    local[leader] = 0;
    const succOffsets = sc.int32(ne + 1);
    let edgeTo: Int32Array = sc.int32(1024);
    let edgeGroup: Int32Array = sc.int32(1024);
    let m = 0;
    for (let head = 0; head < n; head++) {
      const b = nodes[head]!;
      let at = rowAt[b]!;
      if (at < 0) at = cachedRow(model, rows, b);
      const end = at + inOffsets[b + 1]! - inOffsets[b]!;
      const { from, status, group } = rows;
      for (let r = at; r < end; r++) {
        if (!counted[status[r]!]) continue;
        const g = group[r]!;
        if (chainIdx >= 0 && g >= 0 && segments.chain[g] !== chainIdx) continue;
        const s = from[r]!;
        if (local[s] === -1) {
          local[s] = n;
          nodes[n++] = s;
        }
        if (m === edgeTo.length) {
          edgeTo = grown(sc, edgeTo, m);
          edgeGroup = grown(sc, edgeGroup, m);
        }
        edgeTo[m] = local[s]!;
        edgeGroup[m] = g;
        m++;
      }
      succOffsets[head + 1] = m;
    }
    const succ: Rows = { offsets: succOffsets.subarray(0, n + 1), items: edgeTo.subarray(0, m) };
    // predecessor rows (supplier → buyers, in edge order) by counting, with the group of each entry
    const predOffsets = sc.int32(n + 1);
    for (let j = 0; j < m; j++) predOffsets[edgeTo[j]! + 1]!++;
    for (let v = 0; v < n; v++) predOffsets[v + 1]! += predOffsets[v]!;
    const predItems = sc.int32(m);
    const predGroup = sc.int32(m);
    const cursor = sc.copy(predOffsets.subarray(0, n));
    for (let i = 0; i < n; i++)
      for (let j = succOffsets[i]!; j < succOffsets[i + 1]!; j++) {
        const at = cursor[edgeTo[j]!]!++;
        predItems[at] = i;
        predGroup[at] = edgeGroup[j]!;
      }
    const pred: Rows = { offsets: predOffsets, items: predItems };
    const { idom, preorder } = dominators(n, succ, pred, sc);
    // articulation points of the subgraph taken as undirected (each node's successors, then its predecessors)
    const cut = articulationPoints(n, succ, pred, sc);

    // dominator-tree depth (preorder: a node's idom first) and subtree sizes (reverse preorder)
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

    // providers of each segment within the subgraph: distinct suppliers, ascending, by counting
    // over the predecessor rows (node by node, so each list comes out sorted)
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
    // direct inputs of the leader: per segment, its first direct supplier and whether there are others
    const directFirst = new Int32Array(ns).fill(-1);
    const directMany = new Uint8Array(ns);
    const isDirect = sc.uint8(n);
    for (let q = succOffsets[0]!; q < succOffsets[1]!; q++) {
      const v = edgeTo[q]!;
      isDirect[v] = 1;
      const g = edgeGroup[q]!;
      if (g < 0) continue;
      if (directFirst[g] === -1) directFirst[g] = v;
      else if (directFirst[g] !== v) directMany[g] = 1;
    }

    const ids = enterprises.ids;
    const segRef = (s: number) => {
      const key = segments.keys[s]!;
      const slash = key.indexOf('/');
      return { chain: key.slice(0, slash), segment: key.slice(slash + 1) };
    };
    const failures = new Map<number, number[]>();
    const segmentRows: SinglePointResult['segments'] = [];
    for (let g = 0; g < ns; g++) {
      const start = providerStart[g]!;
      const end = providerStart[g + 1]!;
      if (start === end) continue;
      let top = providerItems[start]!;
      for (let j = start; j < end; j++) top = nca(top, providerItems[j]!);
      const critical: number[] = [];
      for (let v = top; v !== 0; v = idom[v]!) critical.push(v);
      critical.reverse(); // nearest the leader first
      for (const v of critical) {
        const list = failures.get(v);
        if (list === undefined) failures.set(v, [g]);
        else list.push(g);
      }
      const suppliers = new Array<string>(end - start);
      for (let j = start; j < end; j++) suppliers[j - start] = ids[nodes[providerItems[j]!]!]!;
      segmentRows.push({
        ...segRef(g),
        suppliers,
        critical: critical.map((v) => ids[nodes[v]!]!),
        direct: directFirst[g] !== -1,
        singleSource: directFirst[g] !== -1 && directMany[g] === 0,
      });
    }
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
    const singleSourceSegments: SinglePointResult['singleSourceSegments'] = [];
    for (let g = 0; g < ns; g++)
      if (directFirst[g] !== -1 && directMany[g] === 0) singleSourceSegments.push({ ...segRef(g), supplier: ids[nodes[directFirst[g]!]!]! });
    const articulation: string[] = [];
    for (let v = 1; v < n; v++) if (cut[v] === 1) articulation.push(ids[nodes[v]!]!);
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
      subgraph: { suppliers: n - 1, links: m },
      segments: segmentRows,
      pointsOfFailure,
      articulationPoints: articulation,
      singleSourceSegments,
      notes,
    };
  });
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
  return withScratch(model, (s) => {
    const table = inputTable(model, counted, s);
    const members = scopeMembers(model, scope.regionIndex, scope.chainIndex, options.statuses);
    const { links, enterprises } = model.index;
    let buyersWithInputs = 0;
    let inputSegments = 0;
    let singleSourceInputs = 0;
    for (const e of members) {
      let j = inputRow(model, table, e);
      const end = j + table.length[e]!;
      if (j < end) buyersWithInputs++;
      while (j < end) {
        const g = table.groups[j]!;
        const first = table.from[j]!;
        let single = true;
        while (j < end && table.groups[j] === g) {
          if (table.from[j] !== first) single = false;
          j++;
        }
        inputSegments++;
        if (single) singleSourceInputs++;
      }
    }
    const leaders: ResilienceSummary['leaders'] = [];
    for (const e of members) {
      const record = model.dataset.enterprises[e]!;
      const declared =
        scope.chain === undefined
          ? record.role === 'leader' || (record.chainRoles ?? []).some((r) => r.role === 'leader')
          : (record.chainRoles?.find((r) => r.chain === scope.chain)?.role ?? record.role) === 'leader';
      if (!declared) continue;
      const r = singlePointsOfFailure(model, {
        leader: enterprises.ids[e]!,
        ...(scope.chain === undefined ? {} : { chain: scope.chain }),
        ...(options.linkStatuses ? { linkStatuses: options.linkStatuses } : {}),
      });
      leaders.push({ id: enterprises.ids[e]!, pointsOfFailure: r.pointsOfFailure.length, singleSourceSegments: r.singleSourceSegments.length });
    }
    // candidate removals: the scope's suppliers with counted buyers, most buyers first
    const maxSimulations = options.maxSimulations ?? 200;
    const outCount = s.int32(members.length);
    const withBuyers: number[] = [];
    for (let m = 0; m < members.length; m++) {
      const e = members[m]!;
      let out = 0;
      for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) if (counted[links.status[links.out.items[q]!]!]) out++;
      outCount[m] = out;
      if (out > 0) withBuyers.push(m);
    }
    const suppliers = withBuyers
      .sort((a, b) => outCount[b]! - outCount[a]! || members[a]! - members[b]!)
      .slice(0, maxSimulations)
      .map((m) => members[m]!);
    let worst: ResilienceSummary['worstRemoval'] = null;
    let worstKey = -1;
    const work = cascadeWork(enterprises.ids.length, s);
    for (const e of suppliers) {
      cascade(model, table, [e], 1, 1e-12, 10000, work);
      const t = totals(model, work.phi, members, e);
      resetWork(work);
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
  });
}
