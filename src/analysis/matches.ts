/**
 * Supply–demand matchmaking (供需对接): which local suppliers could supply which buyers they do
 * not supply yet, ranked by how much the buyer needs the input and how easy the deal is.
 *
 * Method
 * - Candidate pairs come from the segment indices, never from all pairs of firms: for each
 *   buyer, each segment T it operates in, each segment T' that is T or "the same product" as T,
 *   each flow S' → T' of the chains' templates, each segment S that is S' or the same product as
 *   S', each local enterprise operating in S is a candidate supplier. Pairs already linked are
 *   left out (a link of any status counts; with `excludeLinked: 'active'` only active links
 *   do). A pair found through several flows keeps its best-scoring one.
 * - "The same product" across chains: two segments of different chains match when they share
 *   a label after `normalizeName` (NFKC, simplified characters, no spaces) — a segment name,
 *   product name or alias — that at least one of them uses as its name or a product name. So a
 *   copper-materials `cables` maker (电线电缆) is a candidate supplier of a wind-power
 *   `turbine-assembly` maker because wind-power's `cables` segment (电线电缆) feeds
 *   `turbine-assembly`. Two refinements of "same id or shared name/alias", both forced by the
 *   built-in templates: a shared id alone does not match (photovoltaic `cells` are solar cells,
 *   energy-storage `cells` battery cells), nor do two aliases alone (generic short forms such as
 *   电池, 运维, 基础 are aliases of unrelated segments). The relation is not transitive
 *   (A ~ B and B ~ C do not make A ~ C), and within one chain distinct segments never match.
 *   Loose matches remain possible (a name such as 支架 or 轮毂 used by unrelated segments):
 *   each suggestion names the label it rests on (`matchedOn`).
 * - Buyers: local ones by default (the scope region and its sub-regions); `buyers: 'any'` also
 *   considers outside buyers in the dataset (bringing local suppliers into outside firms' supply
 *   chains, as zones broker them). With a chain, a pair is kept when the supplier's or the
 *   buyer's segment belongs to it. Enterprises that are `closed` or only a `prospect` are left
 *   out (option `statuses`).
 * - Components, each in [0, 1]:
 *   - `demand`: the buyer's demand for the input, a × x (the flow's input coefficient times the
 *     buyer's output, 亿元), divided by the largest among the candidates. Where the coefficient is
 *     unknown it is taken as the median known coefficient of the candidates' flows, where the
 *     output is unknown as the median known output of the candidate buyers; where none is known
 *     at all, as 1 — so with no output known, the coefficient alone ranks demand. Each
 *     suggestion says which (`demand.coefficient`, `demand.buyerOutput`).
 *   - `outside`: 1 when the buyer now buys this input (a link of a counted status, default
 *     `active` and `brokered`, tagged with the input segment or from a supplier operating in it)
 *     from a supplier outside the region: a local supplier would substitute a purchase from
 *     elsewhere (本地配套).
 *   - `capacity`: the supplier's output over the largest among the candidates (median of the
 *     known ones where unknown).
 *   - `colocation`: 1 (`site`) when both firms are in the same park (the nearest region of
 *     kind park containing each), or, with no park recorded, at the same region node within a
 *     zone; 0.5 (`zone`) when they share only the nearest zone; else 0.
 * - Score = Σ w_c · component_c / Σ w_c over the available components; default weights demand
 *   0.4, outside 0.2, capacity 0.2, colocation 0.2 (option `weights`). A component is not
 *   available when its data are absent from every candidate (no coefficient and no buyer output,
 *   no supplier output, no buyer sourcing an input from outside, no co-located pair); its weight
 *   is shared out among the others and the result says so. Scales (the largest demand and
 *   capacity) and medians are taken over the candidate buyers' flows and the suppliers of the
 *   segments that feed them. Ties are broken by demand, then dataset order.
 * - Cost: pairs are neither listed nor all scored. Buyers with the same list of segments share
 *   their vias (flow, supplier and buyer segments), and the number of distinct candidate pairs is
 *   counted exactly from the segment sets ("signatures") of the eligible suppliers, less each
 *   buyer's linked suppliers: O(firms + links + lists × vias × signatures). The candidate
 *   suppliers are sorted once by their part of the score, giving each segment's suppliers in
 *   score order (and per site and per zone, for the co-location part). Buyers are then taken by
 *   decreasing upper bound on their pairs' scores (demand, outside sourcing as 1 when the buyer
 *   buys anything from outside, the segment's largest capacity part, the best co-location its
 *   location allows; then a tighter bound from the heads of its site, zone and segment streams),
 *   and only while a bound reaches the `limit`-th best score found so far: a buyer whose bound
 *   is lower has no pair in the result. A buyer scored takes, per via, the best `limit` suppliers
 *   of the streams and those tied with the last. So a call costs O(firms log firms + links +
 *   buyers × vias) plus the scoring of the buyers that can still enter — few for a small
 *   `limit`; with `limit: Infinity` every pair is scored, O(pairs). Kept per model (WeakMap, the
 *   model untouched), as they do not depend on the options: the cross-chain equivalences, each
 *   firm's site, zone and segment list, and the supplier of each in-link in `links.in` order
 *   (4 bytes a link, so that a buyer's suppliers are read in sequence). Everything else a call
 *   uses (per firm, per buyer key, per via, per candidate) is cut from the model's scratch arena
 *   (src/internal/scratch.ts) and never reaches the result, so calls after the first allocate
 *   almost no memory outside the JS heap (no full GCs for external memory).
 *
 * Assumptions: a template flow means the buyer's segment uses the supplier segment's product;
 * firm outputs are whole-firm outputs; capacity figures in physical units are not comparable
 * across products and are not used.
 *
 * References: the input–output technical coefficient a_ij (Miller & Blair, Input-Output
 * Analysis, 3rd ed., 2022, ch. 2); local supply rate (本地配套率) as in the project's domain notes.
 */
import type { ChainModel, Csr } from '../graph/model.js';
import { enterprisesInRegionIdx } from '../graph/queries.js';
import { formatYi, round } from '../internal/format.js';
import { normalizeName } from '../internal/normalize-name.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';
import { ENTERPRISE_STATUSES, LINK_STATUSES, type EnterpriseStatus, type LinkStatus } from '../model/vocabulary.js';
import { DEFAULT_PRESENT_STATUSES, DEFAULT_SUPPLY_LINK_STATUSES, statusTable } from './centrality.js';
import { resolveScope, type Reason, type ScopeOptions } from './scope/index.js';

/** Names of the components of a match score. */
export const MATCH_COMPONENTS = ['demand', 'outside', 'capacity', 'colocation'] as const;
export type MatchComponent = (typeof MATCH_COMPONENTS)[number];

/** Default weights of the match score. */
export const DEFAULT_MATCH_WEIGHTS: Readonly<Record<MatchComponent, number>> = {
  demand: 0.4,
  outside: 0.2,
  capacity: 0.2,
  colocation: 0.2,
};

/** Options of {@link suggestMatches}. */
export interface MatchOptions extends ScopeOptions {
  /** Number of suggestions returned. Default 20 (`Infinity` for all); a fractional limit is rounded down. */
  limit?: number;
  /** Buyers considered: local ones (default) or any in the dataset. */
  buyers?: 'local' | 'any';
  /** Which existing links exclude a pair: any status (default) or only `active` ones. */
  excludeLinked?: 'any' | 'active';
  /** Weights of the components (missing ones take the default). */
  weights?: Partial<Record<MatchComponent, number>>;
  /** Enterprise statuses considered. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
  /** Link statuses that count as current sourcing (for `outside`). Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
}

/** How a number entered a score: known, imputed by the candidates' median, or unknown everywhere (taken as 1). */
export type MatchBasis = 'known' | 'median' | 'unknown';

/** A segment reference in a result. */
export interface MatchSegment {
  chain: string;
  segment: string;
}

/** One suggested pair. */
export interface MatchSuggestion {
  /** 1 + the number of suggestions with a strictly higher score (ties share a rank). */
  rank: number;
  supplier: string;
  buyer: string;
  /** Segment the supplier operates in. */
  supplierSegment: MatchSegment;
  /** Segment the buyer operates in. */
  buyerSegment: MatchSegment;
  /** The template flow the match rests on. */
  flow: { chain: string; from: string; to: string; coefficient: number | null };
  /** Whether the supplier's or buyer's segment is matched to the flow's through another chain. */
  crossChain: boolean;
  /** Normalised labels the cross-chain segment matches rest on (`电线电缆`). */
  matchedOn: string[];
  buyerLocal: boolean;
  score: number;
  /** Components in [0, 1]; null where not informative. */
  scores: Record<MatchComponent, number | null>;
  demand: {
    /** a × x in 亿元 when both are known, else null. */
    value: number | null;
    /** How the coefficient and the buyer's output entered: known, the candidates' median, or unknown everywhere (taken as 1). */
    coefficient: MatchBasis;
    buyerOutput: MatchBasis;
  };
  buyerOutput: number | null;
  supplierOutput: number | null;
  /** Outside suppliers the buyer now buys this input from. */
  outsideSuppliers: number;
  /** `site`: the same park, or the same zone where no park is recorded; `zone`: the same zone, different parks. */
  colocation: { level: 'site' | 'zone'; region: string } | null;
  reason: Reason;
}

/** How a component entered the score. */
export interface MatchComponentInfo {
  name: MatchComponent;
  weight: number;
  usedWeight: number;
  available: boolean;
  reason: Reason;
}

/** Result of {@link suggestMatches}. */
export interface MatchResult {
  scope: { region: string; chain: string | null };
  buyers: 'local' | 'any';
  /** Distinct (supplier, buyer) pairs found. */
  candidates: number;
  components: MatchComponentInfo[];
  matches: MatchSuggestion[];
  notes: Reason[];
}

const LABEL: Record<MatchComponent, Reason> = {
  demand: { zh: '买方需求', en: 'buyer demand' },
  outside: { zh: '买方外购', en: 'buyer sources from outside' },
  capacity: { zh: '供方规模', en: 'supplier size' },
  colocation: { zh: '同园区', en: 'same park' },
};

/** Per segment, the segments of other chains that are "the same product", with the label. */
interface Equivalents {
  offsets: Int32Array;
  items: Int32Array;
  labels: string[];
}

function segmentEquivalents(model: ChainModel): Equivalents {
  const { segments } = model.index;
  const ns = segments.keys.length;
  // label → segments using it, and whether as an alias only
  const byLabel = new Map<string, Map<number, boolean>>();
  const add = (label: string, s: number, aliasOnly: boolean) => {
    let uses = byLabel.get(label);
    if (!uses) byLabel.set(label, (uses = new Map()));
    uses.set(s, (uses.get(s) ?? true) && aliasOnly);
  };
  model.chains.forEach((chain, c) => {
    chain.segments.forEach((seg, j) => {
      const s = segments.chainStart[c]! + j;
      for (const name of [seg.name, ...(seg.products ?? [])]) add(normalizeName(name), s, false);
      for (const alias of seg.aliases ?? []) add(normalizeName(alias), s, true);
    });
  });
  const pairs = new Map<number, Map<number, string>>();
  for (const [label, uses] of byLabel) {
    if (uses.size < 2) continue;
    for (const [a, aliasA] of uses)
      for (const [b, aliasB] of uses) {
        if (a === b || segments.chain[a] === segments.chain[b] || (aliasA && aliasB)) continue;
        let row = pairs.get(a);
        if (!row) pairs.set(a, (row = new Map()));
        if (!row.has(b)) row.set(b, label);
      }
  }
  const offsets = new Int32Array(ns + 1);
  const items: number[] = [];
  const labels: string[] = [];
  for (let s = 0; s < ns; s++) {
    const row = [...(pairs.get(s) ?? new Map<number, string>())].sort((x, y) => x[0] - y[0]);
    for (const [t, label] of row) {
      items.push(t);
      labels.push(label);
    }
    offsets[s + 1] = items.length;
  }
  return { offsets, items: Int32Array.from(items), labels };
}

/**
 * The median; equal values keep their input order as in a stable sort by `a - b`, so that a
 * median of zeros has the sign that sort gives it.
 */
function median(s: Scratch, values: readonly number[]): number {
  const sorted = s.float64(values.length);
  sorted.set(values);
  sorted.sort();
  const mid = sorted.length >> 1;
  const at = (i: number) => {
    const x = sorted[i]!;
    if (x !== 0) return x;
    let first = i;
    while (first > 0 && sorted[first - 1] === 0) first--;
    let k = i - first;
    for (const v of values) if (v === 0 && k-- === 0) return v;
    return x;
  };
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * Each firm's segment list as a sequence id (equal lists, equal ids), a firm per sequence, and
 * per sequence its set of segments as a signature id (sorted, distinct) with the signatures'
 * segments.
 */
function segmentSequences(offsets: Int32Array, items: Int32Array, ne: number, ns: number) {
  // a list of up to two segments as a number in base ns + 1 (digits segment + 1), a longer one as a string
  const base = ns + 1;
  const keyOf = (list: ArrayLike<number>, from: number, to: number): number | string => {
    if (to - from > 2) {
      let text = '';
      for (let i = from; i < to; i++) text += `${list[i]!},`;
      return text;
    }
    let key = 0;
    for (let i = from; i < to; i++) key = key * base + list[i]! + 1;
    return key;
  };
  const seqIds = new Map<number | string, number>();
  const seqOf = new Int32Array(ne);
  const seqFirm: number[] = [];
  const sigIds = new Map<number | string, number>();
  const sigOfSeq: number[] = [];
  const sigOffsets: number[] = [0];
  const sigItems: number[] = [];
  // firms in one segment (most), without the map
  const single = new Int32Array(ns).fill(-1);
  for (let e = 0; e < ne; e++) {
    const one = offsets[e + 1]! - offsets[e]! === 1 ? items[offsets[e]!]! : -1;
    if (one >= 0 && single[one]! >= 0) {
      seqOf[e] = single[one]!;
      continue;
    }
    const key = keyOf(items, offsets[e]!, offsets[e + 1]!);
    let id = seqIds.get(key);
    if (id === undefined) {
      id = seqFirm.length;
      seqIds.set(key, id);
      seqFirm.push(e);
      const set = Array.from(items.subarray(offsets[e]!, offsets[e + 1]!))
        .sort((a, b) => a - b)
        .filter((s, i, all) => i === 0 || all[i - 1] !== s);
      const setKey = keyOf(set, 0, set.length);
      let g = sigIds.get(setKey);
      if (g === undefined) {
        g = sigOffsets.length - 1;
        sigIds.set(setKey, g);
        for (const s of set) sigItems.push(s);
        sigOffsets.push(sigItems.length);
      }
      sigOfSeq.push(g);
      if (one >= 0) single[one] = id;
    }
    seqOf[e] = id;
  }
  return {
    seqOf,
    seqFirm: Int32Array.from(seqFirm),
    sigOfSeq: Int32Array.from(sigOfSeq),
    sigSegments: { offsets: Int32Array.from(sigOffsets), items: Int32Array.from(sigItems) },
  };
}

/** Per-segment streams split into groups by a region key (site or zone), each in stream order. */
interface Groups {
  /** (segment · (regions + 1) + key + 1) → group. */
  index: Map<number, number>;
  /** Group g's items: items[start[g] .. start[g + 1]). */
  start: Int32Array;
  items: Int32Array;
  /** Key of each group. */
  key: Int32Array;
  /** Groups of segment s: segmentStart[s] .. segmentStart[s + 1]. */
  segmentStart: Int32Array;
  /** Scratch: key → group while filling. */
  scratch: Int32Array;
}

interface Streams {
  offsets: Int32Array;
  items: Int32Array;
}

function groupLayout(s: Scratch, stream: Streams, keyOfFirm: Int32Array, ns: number, nr: number): Groups {
  const index = new Map<number, number>();
  const keys: number[] = [];
  const size: number[] = [];
  const segmentStart = s.int32(ns + 1);
  const stamp = s.int32(nr, -1);
  const scratch = s.int32(nr);
  for (let sg = 0; sg < ns; sg++) {
    segmentStart[sg] = keys.length;
    for (let m = stream.offsets[sg]!; m < stream.offsets[sg + 1]!; m++) {
      const r = keyOfFirm[stream.items[m]!]!;
      if (r < 0) continue;
      if (stamp[r] !== sg) {
        stamp[r] = sg;
        scratch[r] = keys.length;
        index.set(sg * (nr + 1) + r + 1, keys.length);
        keys.push(r);
        size.push(0);
      }
      size[scratch[r]!]!++;
    }
  }
  segmentStart[ns] = keys.length;
  const start = s.int32(keys.length + 1);
  for (let g = 0; g < keys.length; g++) start[g + 1] = start[g]! + size[g]!;
  const key = s.int32(keys.length);
  key.set(keys);
  const groups: Groups = { index, start, items: s.int32(start[keys.length]!), key, segmentStart, scratch };
  fillGroups(s, groups, stream, keyOfFirm);
  return groups;
}

/** Fills the groups' items from the streams' current order. */
function fillGroups(s: Scratch, groups: Groups, stream: Streams, keyOfFirm: Int32Array): void {
  const { start, items, key, segmentStart, scratch } = groups;
  // start[g] for each group g (start's last entry unused)
  const cursor = s.copy(start);
  for (let sg = 0; sg + 1 < segmentStart.length; sg++) {
    if (segmentStart[sg] === segmentStart[sg + 1]) continue;
    for (let g = segmentStart[sg]!; g < segmentStart[sg + 1]!; g++) scratch[key[g]!] = g;
    for (let m = stream.offsets[sg]!; m < stream.offsets[sg + 1]!; m++) {
      const e = stream.items[m]!;
      const r = keyOfFirm[e]!;
      if (r >= 0) items[cursor[scratch[r]!]!++] = e;
    }
  }
}

/** A pair found for a buyer: its score, demand (for ties), supplier, buyer and the via (index) it rests on. */
interface FoundPair {
  score: number;
  demand: number;
  supplier: number;
  buyer: number;
  via: number;
}

/** Ranking order of pairs (> 0: x first): score, demand, then dataset order of supplier and buyer. */
function better(x: FoundPair, y: FoundPair): number {
  return x.score - y.score || x.demand - y.demand || y.supplier - x.supplier || y.buyer - x.buyer;
}

/** The best `capacity` pairs offered (all when Infinity): a heap with the worst kept on top. */
class TopPairs {
  private readonly heap: FoundPair[] = [];
  constructor(readonly capacity: number) {}

  /** Whether `capacity` pairs are kept (never when Infinity). */
  full(): boolean {
    return this.heap.length >= this.capacity;
  }

  /** Score of the worst pair kept (when full). */
  worstScore(): number {
    return this.heap[0]!.score;
  }

  offer(score: number, demand: number, supplier: number, buyer: number, via: number): void {
    const heap = this.heap;
    if (this.capacity === Number.POSITIVE_INFINITY) {
      heap.push({ score, demand, supplier, buyer, via });
      return;
    }
    if (heap.length < this.capacity) {
      heap.push({ score, demand, supplier, buyer, via });
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (better(heap[parent]!, heap[i]!) <= 0) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
      return;
    }
    if (heap.length === 0) return;
    const worst = heap[0]!;
    if (!((score - worst.score || demand - worst.demand || worst.supplier - supplier || worst.buyer - buyer) > 0)) return;
    heap[0] = { score, demand, supplier, buyer, via };
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const child = left + 1 < heap.length && better(heap[left]!, heap[left + 1]!) > 0 ? left + 1 : left;
      if (better(heap[i]!, heap[child]!) <= 0) break;
      [heap[child], heap[i]] = [heap[i]!, heap[child]!];
      i = child;
    }
  }

  /** The pairs kept, best first. */
  sorted(): FoundPair[] {
    return this.heap.sort((x, y) => better(y, x));
  }
}

/** Indices 0 .. n − 1 taken out by decreasing key (a binary heap). */
class MaxQueue {
  private readonly heap: Int32Array;
  private size: number;
  /** `heap`: an array of key.length entries to work in (overwritten). */
  constructor(
    private readonly key: Float64Array,
    heap: Int32Array,
  ) {
    this.size = key.length;
    this.heap = heap;
    this.heapify();
  }

  private heapify(): void {
    for (let i = 0; i < this.heap.length; i++) this.heap[i] = i;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The index with the largest key left, or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.size--;
    this.heap[0] = this.heap[this.size]!;
    this.down(0);
    return top;
  }

  private down(i: number): void {
    const { heap, key } = this;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const child = left + 1 < this.size && key[heap[left + 1]!]! > key[heap[left]!]! ? left + 1 : left;
      if (!(key[heap[child]!]! > key[heap[i]!]!)) return;
      const t = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = t;
      i = child;
    }
  }
}

/** The raw numbers of one candidate pair through one flow. */
interface Raw {
  via: Via;
  demand: number;
  demandValue: number | null;
  coefficient: MatchBasis;
  buyerOutput: MatchBasis;
  outside: number;
  capacity: number;
  colocation: MatchSuggestion['colocation'];
}

/** A candidate through one flow. */
interface Via {
  supplier: number;
  buyer: number;
  flow: number;
  /** Supplier's and buyer's own segments. */
  s: number;
  t: number;
  /** Labels of the supplier-side and buyer-side equivalences, null when direct. */
  sLabel: string | null;
  tLabel: string | null;
}

/*
 * The phases below are module-level functions over typed arrays (small functions that V8
 * optimises and keeps optimised across calls), called in order by suggestMatches.
 */

/** What the phases read: the model's typed arrays and the call's eligibility and co-location tables. */
interface Tables {
  ne: number;
  ns: number;
  nr: number;
  /** Enterprise → segments. */
  segOffsets: Int32Array;
  segItems: Int32Array;
  output: Float64Array;
  linkInOffsets: Int32Array;
  linkInItems: Int32Array;
  /** The supplier of each in-link (linkFrom[linkInItems[q]]). */
  inFrom: Int32Array;
  linkFrom: Int32Array;
  linkStatus: Uint8Array;
  linkSegment: Int32Array;
  flowFrom: Int32Array;
  /** Link status codes that count as current sourcing. */
  counted: Uint8Array;
  /** Only links of this status code make a pair linked; -1: any link. */
  linkedOnly: number;
  local: Uint8Array;
  /** Eligible suppliers: local, with a considered status. */
  supplierOk: Uint8Array;
  /** The firm's site (park, or zone node where no park is recorded) and zone; -1 if none. */
  siteKey: Int32Array;
  zoneKey: Int32Array;
  /** Per eligible supplier operating in some segment, its signature (set of segments); else -1 (set once the signatures are known). */
  sigOf: Int32Array;
  equivalents: Equivalents;
}

/** What suggestMatches derives from the model alone, kept per model (the model itself untouched). */
interface ModelTables {
  equivalents: Equivalents;
  /** Per firm, its site (park, or zone node where no park is recorded) and zone; -1 if none. */
  siteKey: Int32Array;
  zoneKey: Int32Array;
  sequences: ReturnType<typeof segmentSequences>;
  /** The supplier of each in-link, in the order of links.in.items (read in sequence, not through the link). */
  inFrom: Int32Array;
}
const modelTablesCache = new WeakMap<ChainModel, ModelTables>();

function modelTables(model: ChainModel): ModelTables {
  let cached = modelTablesCache.get(model);
  if (cached === undefined) {
    const { enterprises } = model.index;
    cached = {
      equivalents: segmentEquivalents(model),
      ...colocationKeys(model),
      sequences: segmentSequences(enterprises.segments.offsets, enterprises.segments.items, enterprises.ids.length, model.index.segments.keys.length),
      inFrom: gather(model.index.links.from, model.index.links.in.items),
    };
    modelTablesCache.set(model, cached);
  }
  return cached;
}

/** values[index[i]] for each i. */
function gather(values: Int32Array, index: Int32Array): Int32Array {
  const out = new Int32Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = values[index[i]!]!;
  return out;
}

function colocationKeys(model: ChainModel): { siteKey: Int32Array; zoneKey: Int32Array } {
  const { enterprises, regions } = model.index;
  const ne = enterprises.ids.length;
  const nr = regions.ids.length;
  // co-location keys: the site (park, or the zone node itself where no park is recorded) and the zone
  const kinds = model.dataset.regions.map((r) => r.kind);
  const nearest = (kind: 'park' | 'zone') => {
    const out = new Int32Array(nr).fill(-1);
    for (let r = 0; r < nr; r++)
      for (let a = r; a >= 0; a = regions.parent[a]!)
        if (kinds[a] === kind) {
          out[r] = a;
          break;
        }
    return out;
  };
  const parkOfRegion = nearest('park');
  const zoneOfRegion = nearest('zone');
  const siteKey = new Int32Array(ne);
  const zoneKey = new Int32Array(ne);
  for (let e = 0; e < ne; e++) {
    const r = enterprises.region[e]!;
    siteKey[e] = parkOfRegion[r]! >= 0 ? parkOfRegion[r]! : zoneOfRegion[r]! >= 0 ? r : -1;
    zoneKey[e] = zoneOfRegion[r]!;
  }
  return { siteKey, zoneKey };
}

function makeTables(s: Scratch, model: ChainModel, r0: number, allowed: Uint8Array, counted: Uint8Array, linkedOnly: number): Tables {
  const { enterprises, regions, links, flows } = model.index;
  const ne = enterprises.ids.length;
  const local = s.uint8(ne);
  for (const e of enterprisesInRegionIdx(model, r0)) local[e] = 1;
  const supplierOk = s.uint8(ne);
  for (let e = 0; e < ne; e++) supplierOk[e] = local[e]! && allowed[enterprises.status[e]!] ? 1 : 0;
  const { siteKey, zoneKey, equivalents, inFrom } = modelTables(model);
  return {
    ne,
    ns: model.index.segments.keys.length,
    nr: regions.ids.length,
    segOffsets: enterprises.segments.offsets,
    segItems: enterprises.segments.items,
    output: enterprises.output,
    linkInOffsets: links.in.offsets,
    linkInItems: links.in.items,
    inFrom,
    linkFrom: links.from,
    linkStatus: links.status,
    linkSegment: links.segment,
    flowFrom: flows.from,
    counted,
    linkedOnly,
    local,
    supplierOk,
    siteKey,
    zoneKey,
    sigOf: new Int32Array(0),
    equivalents,
  };
}

/** Whether a firm operates in a segment. */
function operatesIn(t: Tables, e: number, sg: number): boolean {
  for (let a = t.segOffsets[e]!; a < t.segOffsets[e + 1]!; a++) if (t.segItems[a] === sg) return true;
  return false;
}

/** The co-location component of a pair (supplier a, buyer b): 1 same site, 0.5 same zone, else 0. */
function colocationValue(t: Tables, a: number, b: number): number {
  const { siteKey, zoneKey } = t;
  return siteKey[a]! >= 0 && siteKey[a] === siteKey[b] ? 1 : zoneKey[a]! >= 0 && zoneKey[a] === zoneKey[b] ? 0.5 : 0;
}

/** Eligible suppliers per segment (memberships). */
function eligibleCounts(t: Tables): Int32Array {
  const { ne, segOffsets, segItems, supplierOk } = t;
  const out = new Int32Array(t.ns);
  for (let e = 0; e < ne; e++) if (supplierOk[e]) for (let a = segOffsets[e]!; a < segOffsets[e + 1]!; a++) out[segItems[a]!]!++;
  return out;
}

/** Signatures of eligible suppliers: per firm (-1 if none), how many firms each, and per segment the signatures containing it. */
function supplierSignatures(s: Scratch, t: Tables, seqOf: Int32Array, sigOfSeq: Int32Array, sigSegments: Streams) {
  const { ne, ns, segOffsets, supplierOk } = t;
  const nSig = sigSegments.offsets.length - 1;
  const sigOf = s.int32(ne, -1);
  const count = s.int32(nSig);
  for (let e = 0; e < ne; e++)
    if (supplierOk[e] && segOffsets[e + 1]! > segOffsets[e]!) {
      const g = sigOfSeq[seqOf[e]!]!;
      sigOf[e] = g;
      count[g]!++;
    }
  const offsets = s.int32(ns + 1);
  for (let g = 0; g < nSig; g++)
    if (count[g]! > 0) for (let a = sigSegments.offsets[g]!; a < sigSegments.offsets[g + 1]!; a++) offsets[sigSegments.items[a]! + 1]!++;
  for (let sg = 0; sg < ns; sg++) offsets[sg + 1]! += offsets[sg]!;
  const cursor = s.copy(offsets);
  const items = s.int32(offsets[ns]!);
  for (let g = 0; g < nSig; g++)
    if (count[g]! > 0) for (let a = sigSegments.offsets[g]!; a < sigSegments.offsets[g + 1]!; a++) items[cursor[sigSegments.items[a]!]!++] = g;
  return { sigOf, count, bySegment: { offsets, items } };
}

/** Buyers grouped by key = 2 · sequence + eligible as a supplier (a key fixes the buyer's vias). */
function buyerGroups(s: Scratch, t: Tables, isBuyer: Uint8Array, seqOf: Int32Array, nKeys: number) {
  const { ne, supplierOk } = t;
  const start = s.int32(nKeys + 1);
  let n = 0;
  for (let e = 0; e < ne; e++)
    if (isBuyer[e]) {
      start[2 * seqOf[e]! + supplierOk[e]! + 1]!++;
      n++;
    }
  for (let k = 0; k < nKeys; k++) start[k + 1]! += start[k]!;
  const items = s.int32(n);
  const cursor = s.copy(start);
  for (let e = 0; e < ne; e++) if (isBuyer[e]) items[cursor[2 * seqOf[e]! + supplierOk[e]!]!++] = e;
  return { start, items };
}

/** The vias of each key (with buyers): keys' ranges into parallel arrays. */
interface Vias {
  start: Int32Array;
  flow: Int32Array;
  /** Supplier's and buyer's own segments. */
  s: Int32Array;
  t: Int32Array;
  /** Indices into equivalents.labels of the supplier-side and buyer-side equivalences, -1 when direct. */
  sLabel: Int32Array;
  tLabel: Int32Array;
}

/**
 * The vias of each key, in the order a buyer meets them: for each segment t of the buyer, t and
 * its equivalents, the flows into them, their source and its equivalents; kept when the
 * supplier's or buyer's segment is in the chain and the source segment has an eligible
 * supplier other than the buyer.
 */
function keyVias(
  scratch: Scratch,
  t: Tables,
  flowsIn: Csr,
  keyStart: Int32Array,
  seqFirm: Int32Array,
  eligibleIn: Int32Array,
  segChain: Int32Array,
  chain: number | undefined,
): Vias {
  const { segOffsets, segItems, flowFrom, equivalents } = t;
  const { offsets: eqOffsets, items: eqItems } = equivalents;
  const inChain = (s: number) => chain === undefined || segChain[s] === chain;
  const nKeys = keyStart.length - 1;
  const start = scratch.int32(nKeys + 1);
  const flow: number[] = [];
  const s: number[] = [];
  const tt: number[] = [];
  const sLabel: number[] = [];
  const tLabel: number[] = [];
  for (let key = 0; key < nKeys; key++) {
    start[key] = flow.length;
    if (keyStart[key + 1] === keyStart[key]) continue;
    const rep = seqFirm[key >> 1]!;
    const selfOk = (key & 1) === 1;
    for (let a = segOffsets[rep]!; a < segOffsets[rep + 1]!; a++) {
      const target = segItems[a]!;
      // q = eqOffsets[target] − 1 stands for the segment itself
      for (let q = eqOffsets[target]! - 1; q < eqOffsets[target + 1]!; q++) {
        const t2 = q < eqOffsets[target]! ? target : eqItems[q]!;
        for (let i = flowsIn.offsets[t2]!; i < flowsIn.offsets[t2 + 1]!; i++) {
          const f = flowsIn.items[i]!;
          const s1 = flowFrom[f]!;
          for (let p = eqOffsets[s1]! - 1; p < eqOffsets[s1 + 1]!; p++) {
            const sg = p < eqOffsets[s1]! ? s1 : eqItems[p]!;
            if (!inChain(sg) && !inChain(target)) continue;
            // a via needs a supplier other than the buyer itself
            if (eligibleIn[sg]! - (selfOk && operatesIn(t, rep, sg) ? 1 : 0) <= 0) continue;
            flow.push(f);
            s.push(sg);
            tt.push(target);
            sLabel.push(p < eqOffsets[s1]! ? -1 : p);
            tLabel.push(q < eqOffsets[target]! ? -1 : q);
          }
        }
      }
    }
  }
  start[nKeys] = flow.length;
  const column = (values: number[]) => {
    const out = scratch.int32(values.length);
    out.set(values);
    return out;
  };
  return { start, flow: column(flow), s: column(s), t: column(tt), sLabel: column(sLabel), tLabel: column(tLabel) };
}

/**
 * Pass 1: distinct candidate pairs per buyer, exactly, from the signatures: the eligible
 * suppliers of the key's via segments, less the buyer itself and the suppliers it is linked with.
 */
function countCandidates(
  s: Scratch,
  t: Tables,
  groups: { start: Int32Array; items: Int32Array },
  vias: Vias,
  sigOfSeq: Int32Array,
  signatures: ReturnType<typeof supplierSignatures>,
) {
  const { ne, linkInOffsets, linkInItems, inFrom, linkStatus, linkedOnly, sigOf } = t;
  const { count: signatureCount, bySegment } = signatures;
  const nKeys = groups.start.length - 1;
  const isCandidate = s.uint8(ne);
  const keyUsed = s.uint8(nKeys);
  const stamp = s.int32(signatureCount.length, -1);
  const linkedStamp = s.int32(ne, -1);
  let candidates = 0;
  for (let key = 0; key < nKeys; key++) {
    if (groups.start[key + 1] === groups.start[key] || vias.start[key + 1] === vias.start[key]) continue;
    let union = 0;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const sg = vias.s[v]!;
      for (let q = bySegment.offsets[sg]!; q < bySegment.offsets[sg + 1]!; q++) {
        const g = bySegment.items[q]!;
        if (stamp[g] === key) continue;
        stamp[g] = key;
        union += signatureCount[g]!;
      }
    }
    // the buyer itself, when an eligible supplier of a via segment (the same for all of the key)
    if ((key & 1) === 1 && stamp[sigOfSeq[key >> 1]!] === key) union--;
    for (let i = groups.start[key]!; i < groups.start[key + 1]!; i++) {
      const b = groups.items[i]!;
      let count = union;
      for (let q = linkInOffsets[b]!; q < linkInOffsets[b + 1]!; q++) {
        if (linkedOnly >= 0 && linkStatus[linkInItems[q]!] !== linkedOnly) continue;
        const s = inFrom[q]!;
        const g = sigOf[s]!;
        if (g < 0 || s === b || stamp[g] !== key || linkedStamp[s] === b) continue;
        linkedStamp[s] = b;
        count--;
      }
      if (count <= 0) continue;
      candidates += count;
      isCandidate[b] = 1;
      keyUsed[key] = 1;
    }
  }
  return { candidates, isCandidate, keyUsed, linkedStamp };
}

/** Outside sourcing: distinct non-local suppliers of a buyer for a flow's input segment (or a segment of another chain matching it). */
class OutsideSourcing {
  private readonly inputMark: Int32Array;
  private readonly seen: Int32Array;
  private mark = 0;
  private readonly cache = new Map<number, number>();
  /** Per firm, whether it has a counted link from a non-local supplier (else count is 0 for every flow). */
  readonly buysOutside: Uint8Array;
  constructor(
    s: Scratch,
    private readonly t: Tables,
    linkTo: Int32Array,
  ) {
    this.inputMark = s.int32(t.ns, -1);
    this.seen = s.int32(t.ne, -1);
    const { linkFrom, linkStatus, counted, local } = t;
    this.buysOutside = s.uint8(t.ne);
    for (let k = 0; k < linkFrom.length; k++) if (counted[linkStatus[k]!] && !local[linkFrom[k]!]) this.buysOutside[linkTo[k]!] = 1;
  }

  count(buyer: number, flow: number): number {
    const { ns, linkInOffsets, linkInItems, linkFrom, linkStatus, linkSegment, counted, local, segOffsets, segItems, flowFrom, equivalents } = this.t;
    const s1 = flowFrom[flow]!;
    const key = buyer * ns + s1;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const inputMark = this.inputMark;
    const mark = ++this.mark;
    inputMark[s1] = mark;
    for (let p = equivalents.offsets[s1]!; p < equivalents.offsets[s1 + 1]!; p++) inputMark[equivalents.items[p]!] = mark;
    let n = 0;
    for (let q = linkInOffsets[buyer]!; q < linkInOffsets[buyer + 1]!; q++) {
      const k = linkInItems[q]!;
      const from = linkFrom[k]!;
      if (!counted[linkStatus[k]!] || local[from] || this.seen[from] === mark) continue;
      const tagged = linkSegment[k]!;
      let match = false;
      if (tagged >= 0) match = inputMark[tagged] === mark;
      else for (let a = segOffsets[from]!; a < segOffsets[from + 1]!; a++) if (inputMark[segItems[a]!] === mark) match = true;
      if (match) {
        this.seen[from] = mark;
        n++;
      }
    }
    this.cache.set(key, n);
    return n;
  }
}

/** The buyer's demand for a flow's input, a × x, with the defaults for unknown ones (the candidates' medians, else 1). */
interface DemandModel {
  coefficient: Float64Array;
  output: Float64Array;
  defaultCoefficient: number;
  defaultOutput: number;
}
function demandOf(d: DemandModel, b: number, f: number): number {
  const a = d.coefficient[f]!;
  const x = d.output[b]!;
  return (Number.isNaN(a) ? d.defaultCoefficient : a) * (Number.isNaN(x) ? d.defaultOutput : x);
}

/** The largest demand over the candidate buyers' vias. */
function largestDemand(d: DemandModel, buyers: Int32Array, keyOf: (b: number) => number, vias: Vias): number {
  let max = 0;
  for (let i = 0; i < buyers.length; i++) {
    const b = buyers[i]!;
    const key = keyOf(b);
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) max = Math.max(max, demandOf(d, b, vias.flow[v]!));
  }
  return max;
}

/** Candidate suppliers: the eligible suppliers of the segments that feed the buyers considered, with their known outputs. */
function supplierCandidates(s: Scratch, t: Tables, segmentFirms: Csr, supplierSide: Uint8Array) {
  const { supplierOk, output } = t;
  const candidate = s.uint8(t.ne);
  const known: number[] = [];
  for (let sg = 0; sg < t.ns; sg++) {
    if (!supplierSide[sg]) continue;
    for (let m = segmentFirms.offsets[sg]!; m < segmentFirms.offsets[sg + 1]!; m++) {
      const e = segmentFirms.items[m]!;
      if (!supplierOk[e] || candidate[e]) continue;
      candidate[e] = 1;
      if (!Number.isNaN(output[e]!)) known.push(output[e]!);
    }
  }
  return { candidate, known };
}

/** Each feeding segment's candidate suppliers, in dataset order (reordered by score later). */
function segmentStreams(s: Scratch, t: Tables, candidate: Uint8Array, supplierSide: Uint8Array, eligibleIn: Int32Array): Streams {
  const { ne, ns, segOffsets, segItems } = t;
  const offsets = s.int32(ns + 1);
  for (let sg = 0; sg < ns; sg++) offsets[sg + 1] = offsets[sg]! + (supplierSide[sg] ? eligibleIn[sg]! : 0);
  const cursor = s.copy(offsets);
  const items = s.int32(offsets[ns]!);
  for (let e = 0; e < ne; e++)
    if (candidate[e])
      for (let a = segOffsets[e]!; a < segOffsets[e + 1]!; a++) {
        const sg = segItems[a]!;
        if (supplierSide[sg]) items[cursor[sg]!++] = e;
      }
  return { offsets, items };
}

/** Refills the streams in the order of `order` (each segment's members in that order). */
function orderStreams(s: Scratch, t: Tables, stream: Streams, order: Int32Array): void {
  const { segOffsets, segItems } = t;
  const cursor = s.copy(stream.offsets);
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    for (let a = segOffsets[e]!; a < segOffsets[e + 1]!; a++) {
      const sg = segItems[a]!;
      if (stream.offsets[sg + 1]! > stream.offsets[sg]!) stream.items[cursor[sg]!++] = e;
    }
  }
}

function groupOf(groups: Groups, nr: number, sg: number, key: number): number {
  return key < 0 ? -1 : (groups.index.get(sg * (nr + 1) + key + 1) ?? -1);
}
function groupSize(groups: Groups, g: number): number {
  return g < 0 ? 0 : groups.start[g + 1]! - groups.start[g]!;
}

/** Whether some candidate buyer has an eligible supplier other than itself in a via segment at its site or in its zone. */
function anyColocation(t: Tables, buyers: Int32Array, keyOf: (b: number) => number, vias: Vias, sites: Groups, zones: Groups): boolean {
  const { siteKey, zoneKey, supplierOk, nr } = t;
  for (let i = 0; i < buyers.length; i++) {
    const b = buyers[i]!;
    if (siteKey[b]! < 0 && zoneKey[b]! < 0) continue;
    const key = keyOf(b);
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const sg = vias.s[v]!;
      const self = supplierOk[b] && operatesIn(t, b, sg) ? 1 : 0;
      const site = siteKey[b]! >= 0 ? groupSize(sites, groupOf(sites, nr, sg, siteKey[b]!)) - self : 0;
      const zone = zoneKey[b]! >= 0 ? groupSize(zones, groupOf(zones, nr, sg, zoneKey[b]!)) - self : 0;
      if (site > 0 || zone > 0) return true;
    }
  }
  return false;
}

/** What pass 2 scores with: the weights used, the scales, the streams. */
interface Scoring {
  used: Record<MatchComponent, number>;
  demand: DemandModel;
  maxDemand: number;
  /** used.capacity × the supplier's capacity score, per candidate supplier. */
  capacityPart: Float64Array;
  stream: Streams;
  sites: Groups;
  zones: Groups;
  outside: OutsideSourcing;
  limit: number;
}

/**
 * Bound on the scores of a buyer's pairs: per via, the demand and outside parts (outside as 1
 * when the buyer buys anything from outside), the largest capacity part in the via's segment
 * and the best co-location the buyer can have, summed in the score's order (rounding is
 * monotone, so the bound holds in floating point too); the largest over the vias.
 */
function scoreBounds(s: Scratch, t: Tables, buyers: Int32Array, keyOf: (b: number) => number, vias: Vias, sc: Scoring): Float64Array {
  const { siteKey, zoneKey } = t;
  const { used, stream, capacityPart } = sc;
  const bound = s.float64(buyers.length);
  for (let i = 0; i < buyers.length; i++) {
    const b = buyers[i]!;
    const outside = sc.outside.buysOutside[b]!;
    const colocation = siteKey[b]! >= 0 ? 1 : zoneKey[b]! >= 0 ? 0.5 : 0;
    const key = keyOf(b);
    let best = Number.NEGATIVE_INFINITY;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      let score = 0;
      score += used.demand * (sc.maxDemand > 0 ? demandOf(sc.demand, b, vias.flow[v]!) / sc.maxDemand : 0);
      score += used.outside * outside;
      score += capacityPart[stream.items[stream.offsets[vias.s[v]!]!]!]!;
      score += used.colocation * colocation;
      if (score > best) best = score;
    }
    bound[i] = best;
  }
  return bound;
}

/** Scratch arrays of pass 2 (per firm stamps) and the pairs kept. */
class PairSearch {
  private readonly heads = new Int32Array(3);
  private readonly ends = new Int32Array(3);
  private readonly headScore = new Float64Array(3);
  private readonly lists: Int32Array[];
  private readonly bestStamp: Int32Array;
  private readonly bestScore: Float64Array;
  private readonly bestVia: Int32Array;
  private readonly taken: Int32Array;
  private readonly touched: number[] = [];
  private viaCounter = 0;

  constructor(
    s: Scratch,
    private readonly t: Tables,
    private readonly vias: Vias,
    private readonly sc: Scoring,
    readonly kept: TopPairs,
    /** Per firm, the last buyer it was found linked to (stamps from pass 1 kept: a buyer's are set again before use). */
    private readonly linkedStamp: Int32Array,
  ) {
    this.lists = [sc.sites.items, sc.zones.items, sc.stream.items];
    this.bestStamp = s.int32(t.ne, -1);
    this.bestScore = s.float64(t.ne);
    this.bestVia = s.int32(t.ne);
    this.taken = s.int32(t.ne, -1);
  }

  /** The via's demand and outside parts of the score (outside 0 or 1, or whether the buyer buys anything from outside when a bound), summed as in a score. */
  private base(b: number, f: number, bound: boolean): number {
    const { used } = this.sc;
    let base = 0;
    base += used.demand * (this.sc.maxDemand > 0 ? demandOf(this.sc.demand, b, f) / this.sc.maxDemand : 0);
    base += used.outside * (bound ? this.sc.outside.buysOutside[b]! : this.sc.outside.count(b, f) > 0 ? 1 : 0);
    return base;
  }

  /**
   * Bound on the scores of a buyer's pairs, tighter than scoreBounds: per via, the capacity part
   * of the head of the site group (co-location 1), of the zone group (0.5) and of the segment's
   * stream (0).
   */
  bound(b: number, key: number): number {
    const { t, vias, sc } = this;
    const { used, capacityPart, stream, sites, zones } = sc;
    let best = Number.NEGATIVE_INFINITY;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const sg = vias.s[v]!;
      const base = this.base(b, vias.flow[v]!, true);
      const site = groupOf(sites, t.nr, sg, t.siteKey[b]!);
      const zone = groupOf(zones, t.nr, sg, t.zoneKey[b]!);
      let score = base + capacityPart[stream.items[stream.offsets[sg]!]!]!;
      score += used.colocation * 0;
      if (score > best) best = score;
      if (site >= 0) {
        score = base + capacityPart[sites.items[sites.start[site]!]!]!;
        score += used.colocation * 1;
        if (score > best) best = score;
      }
      if (zone >= 0) {
        score = base + capacityPart[zones.items[zones.start[zone]!]!]!;
        score += used.colocation * 0.5;
        if (score > best) best = score;
      }
    }
    return best;
  }

  /**
   * The pairs of one buyer: per via, the best suppliers from the streams (at most `limit`, and
   * ties of the last), each pair's best via; offered to the pairs kept.
   */
  buyer(b: number, key: number): void {
    const { t, vias, sc, heads, ends, headScore, lists, linkedStamp, bestStamp, bestScore, bestVia, taken, touched } = this;
    const { used, capacityPart, stream, sites, zones, limit } = sc;
    for (let q = t.linkInOffsets[b]!; q < t.linkInOffsets[b + 1]!; q++) {
      if (t.linkedOnly >= 0 && t.linkStatus[t.linkInItems[q]!] !== t.linkedOnly) continue;
      linkedStamp[t.inFrom[q]!] = b;
    }
    touched.length = 0;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const viaCounter = ++this.viaCounter;
      const f = vias.flow[v]!;
      const sg = vias.s[v]!;
      const base = this.base(b, f, false);
      // each stream is ordered by score for its own kind of member (site, zone, any); a member
      // also in an earlier stream is met there first with its full score
      const site = groupOf(sites, t.nr, sg, t.siteKey[b]!);
      const zone = groupOf(zones, t.nr, sg, t.zoneKey[b]!);
      heads[0] = site < 0 ? 0 : sites.start[site]!;
      ends[0] = site < 0 ? 0 : sites.start[site + 1]!;
      heads[1] = zone < 0 ? 0 : zones.start[zone]!;
      ends[1] = zone < 0 ? 0 : zones.start[zone + 1]!;
      heads[2] = stream.offsets[sg]!;
      ends[2] = stream.offsets[sg + 1]!;
      headScore.fill(Number.NaN);
      let accepted = 0;
      let lastScore = Number.POSITIVE_INFINITY;
      for (;;) {
        let pick = -1;
        let pickScore = 0;
        let pickSupplier = 0;
        for (let j = 0; j < 3; j++) {
          const list = lists[j]!;
          // skip what cannot be taken
          while (heads[j]! < ends[j]!) {
            const e = list[heads[j]!]!;
            if (e === b || linkedStamp[e] === b || taken[e] === viaCounter) {
              heads[j]!++;
              headScore[j] = Number.NaN;
            } else break;
          }
          if (heads[j]! >= ends[j]!) continue;
          const e = list[heads[j]!]!;
          if (Number.isNaN(headScore[j]!)) {
            let score = base;
            score += capacityPart[e]!;
            score += used.colocation * colocationValue(t, e, b);
            headScore[j] = score;
          }
          const score = headScore[j]!;
          // the better by score, then (same buyer and flow) the earlier supplier
          if (pick < 0 || (score !== pickScore ? score > pickScore : e < pickSupplier)) {
            pick = j;
            pickScore = score;
            pickSupplier = e;
          }
        }
        if (pick < 0) break;
        // past the limit, only ties of the last one taken (the final sort decides among them)
        if (accepted >= limit && pickScore < lastScore) break;
        heads[pick]!++;
        headScore[pick] = Number.NaN;
        taken[pickSupplier] = viaCounter;
        accepted++;
        lastScore = pickScore;
        // the higher score wins; on a tie, the via found first (direct before cross-chain)
        if (bestStamp[pickSupplier] !== b) {
          bestStamp[pickSupplier] = b;
          bestScore[pickSupplier] = pickScore;
          bestVia[pickSupplier] = v;
          touched.push(pickSupplier);
        } else if (pickScore > bestScore[pickSupplier]! + 1e-12) {
          bestScore[pickSupplier] = pickScore;
          bestVia[pickSupplier] = v;
        }
      }
    }
    for (const e of touched) this.kept.offer(bestScore[e]!, demandOf(sc.demand, b, vias.flow[bestVia[e]!]!), e, b, bestVia[e]!);
  }
}

/** Indices of the set entries of a table, ascending. */
function indicesOf(s: Scratch, flags: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i]!;
  const out = s.int32(n);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i]) out[k++] = i;
  return out;
}

/** The known (not NaN) values of the indexed entries, in index order. */
function knownValues(values: Float64Array, indices: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < indices.length; i++) if (!Number.isNaN(values[indices[i]!]!)) out.push(values[indices[i]!]!);
  return out;
}

/**
 * The indices (ascending) ordered by decreasing value, ties in index order — the order of a
 * sort by `value[y] − value[x] || x − y` for values that are not NaN — by ranking the distinct
 * values (a native numeric sort) and counting.
 */
function byDecreasingValue(s: Scratch, indices: Int32Array, value: Float64Array): Int32Array {
  const n = indices.length;
  const sorted = s.float64(n);
  for (let i = 0; i < n; i++) sorted[i] = value[indices[i]!]!;
  sorted.sort();
  // distinct values, descending, at the front (−0 and 0 are one value, as for the comparator)
  sorted.reverse();
  let m = 0;
  for (let i = 0; i < n; i++) if (m === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  const distinct = sorted.subarray(0, m);
  const rankOf = (x: number) => {
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! > x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = s.int32(m + 1);
  for (let i = 0; i < n; i++) start[rankOf(value[indices[i]!]!) + 1]!++;
  for (let r = 0; r < m; r++) start[r + 1]! += start[r]!;
  const out = s.int32(n);
  for (let i = 0; i < n; i++) out[start[rankOf(value[indices[i]!]!)]!++] = indices[i]!;
  return out;
}

/** Buyers considered: a considered status, and local unless `local` is null. */
function buyerTable(s: Scratch, status: Uint8Array, allowed: Uint8Array, local: Uint8Array | null): Uint8Array {
  const out = s.uint8(status.length);
  for (let e = 0; e < status.length; e++) out[e] = (local === null || local[e]) && allowed[status[e]!] ? 1 : 0;
  return out;
}

/** The largest capacity (output, or the default where unknown) of the candidate suppliers. */
function largestCapacity(output: Float64Array, candidate: Uint8Array, defaultCapacity: number): number {
  let max = 0;
  for (let e = 0; e < candidate.length; e++) if (candidate[e]) max = Math.max(max, Number.isNaN(output[e]!) ? defaultCapacity : output[e]!);
  return max;
}

/** Per candidate supplier, weight × its capacity score (capacity over the largest): its part of a score. */
function capacityParts(s: Scratch, output: Float64Array, suppliers: Int32Array, defaultCapacity: number, maxCapacity: number, weight: number): Float64Array {
  const out = s.float64(output.length);
  for (let i = 0; i < suppliers.length; i++) {
    const e = suppliers[i]!;
    out[e] = weight * (maxCapacity > 0 ? (Number.isNaN(output[e]!) ? defaultCapacity : output[e]!) / maxCapacity : 0);
  }
  return out;
}

/**
 * Suggests supply pairs (local supplier, buyer) that are not linked yet, where the supplier's
 * segment feeds the buyer's in a template flow (across chains where segments are the same
 * product), ranked by demand, outside sourcing, supplier size and co-location (see the file
 * header). Each suggestion carries its numbers and a reason in Chinese and English.
 *
 * @example
 * const r = suggestMatches(model, { region: 'jiuquan', limit: 10 });
 * r.matches[0]; // { supplier: 'jiuding-blade', buyer: 'yunfeng-smart-wind', score: 0.8, reason: { zh, en }, ... }
 */
export function suggestMatches(model: ChainModel, options: MatchOptions = {}): MatchResult {
  const scope = resolveScope(model, options);
  const limit = options.limit ?? 20;
  if (!(limit >= 0)) throw new ChainError('invalid_argument', `limit must be a non-negative number, got ${limit}`, { limit });
  const buyerMode = options.buyers ?? 'local';
  const weights: Record<MatchComponent, number> = { ...DEFAULT_MATCH_WEIGHTS, ...options.weights };
  for (const [name, w] of Object.entries(weights))
    if (!(MATCH_COMPONENTS as readonly string[]).includes(name) || !(Number.isFinite(w) && w >= 0))
      throw new ChainError('invalid_argument', `invalid weight ${String(w)} for "${name}"`, { name, weight: w, valid: MATCH_COMPONENTS });
  return withScratch(model, (s) => {
    const { enterprises, segments, flows, regions } = model.index;
    const allowed = statusTable(options.statuses ?? DEFAULT_PRESENT_STATUSES, ENTERPRISE_STATUSES);
    const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
    const linkedOnly = options.excludeLinked === 'active' ? LINK_STATUSES.indexOf('active') : -1;
    const t = makeTables(s, model, scope.regionIndex, allowed, counted, linkedOnly);
    const { ne, ns, local, supplierOk, siteKey, zoneKey, equivalents, output } = t;
    const eligibleIn = eligibleCounts(t);

    // each firm's list of segments as a "sequence" (firms with the same list have the same vias) and
    // its set as a "signature" (counts distinct candidate suppliers without listing them)
    const { seqOf, seqFirm, sigOfSeq, sigSegments } = modelTables(model).sequences;
    const signatures = supplierSignatures(s, t, seqOf, sigOfSeq, sigSegments);
    t.sigOf = signatures.sigOf;

    // buyers, grouped by key = (sequence, eligible as a supplier), and the vias of each key
    const isBuyer = buyerTable(s, enterprises.status, allowed, buyerMode === 'any' ? null : local);
    const nKeys = 2 * seqFirm.length;
    const keyOf = (b: number) => 2 * seqOf[b]! + supplierOk[b]!;
    const groups = buyerGroups(s, t, isBuyer, seqOf, nKeys);
    const vias = keyVias(s, t, flows.in, groups.start, seqFirm, eligibleIn, segments.chain, scope.chainIndex);

    // pass 1: candidate pairs (exact) and the numbers components are scaled by
    const { candidates, isCandidate, keyUsed, linkedStamp } = countCandidates(s, t, groups, vias, sigOfSeq, signatures);
    const candidateBuyers = indicesOf(s, isCandidate);
    const supplierSide = s.uint8(ns);
    const flowUsed = s.uint8(flows.from.length);
    for (let key = 0; key < nKeys; key++)
      if (keyUsed[key])
        for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
          supplierSide[vias.s[v]!] = 1;
          flowUsed[vias.flow[v]!] = 1;
        }
    const outside = new OutsideSourcing(s, t, model.index.links.to);
    let anyOutside = false;
    for (let i = 0; i < candidateBuyers.length && !anyOutside; i++) {
      const b = candidateBuyers[i]!;
      if (!outside.buysOutside[b]) continue;
      for (let v = vias.start[keyOf(b)]!; v < vias.start[keyOf(b) + 1]! && !anyOutside; v++) anyOutside = outside.count(b, vias.flow[v]!) > 0;
    }
    const knownCoefficients: number[] = [];
    flowUsed.forEach((used, f) => {
      if (used && !Number.isNaN(flows.coefficient[f]!)) knownCoefficients.push(flows.coefficient[f]!);
    });
    const knownBuyerOutputs = knownValues(output, candidateBuyers);
    const { candidate: supplierCandidate, known: knownSupplierOutputs } = supplierCandidates(s, t, segments.enterprises, supplierSide);
    const medianCoefficient = knownCoefficients.length > 0 ? median(s, knownCoefficients) : null;
    const medianBuyerOutput = knownBuyerOutputs.length > 0 ? median(s, knownBuyerOutputs) : null;
    const medianSupplierOutput = knownSupplierOutputs.length > 0 ? median(s, knownSupplierOutputs) : null;

    const coefficientBasis = (f: number): MatchBasis => (!Number.isNaN(flows.coefficient[f]!) ? 'known' : medianCoefficient !== null ? 'median' : 'unknown');
    const outputBasis = (b: number): MatchBasis => (!Number.isNaN(output[b]!) ? 'known' : medianBuyerOutput !== null ? 'median' : 'unknown');
    const demand: DemandModel = { coefficient: flows.coefficient, output, defaultCoefficient: medianCoefficient ?? 1, defaultOutput: medianBuyerOutput ?? 1 };
    const capacityOf = (s: number) => (Number.isNaN(output[s]!) ? (medianSupplierOutput ?? 0) : output[s]!);
    const maxDemand = largestDemand(demand, candidateBuyers, keyOf, vias);
    const defaultCapacity = medianSupplierOutput ?? 0;
    const maxCapacity = largestCapacity(output, supplierCandidate, defaultCapacity);
    const capacityScore = (s: number) => (maxCapacity > 0 ? capacityOf(s) / maxCapacity : 0);

    // streams of each segment's candidate suppliers, and the same per site and per zone; laid out
    // in dataset order (the group sizes tell whether any pair is co-located), put in score order
    // once the weights are known
    const stream = segmentStreams(s, t, supplierCandidate, supplierSide, eligibleIn);
    const sites = groupLayout(s, stream, siteKey, ns, t.nr);
    const zones = groupLayout(s, stream, zoneKey, ns, t.nr);
    const anyColocated = anyColocation(t, candidateBuyers, keyOf, vias, sites, zones);

    const infos: MatchComponentInfo[] = MATCH_COMPONENTS.map((name) => {
      let available = candidates > 0;
      let reason: Reason;
      if (name === 'demand') {
        available &&= knownCoefficients.length > 0 || knownBuyerOutputs.length > 0;
        reason = {
          zh: `候选所用流向中 ${knownCoefficients.length} 个有投入系数，候选买方中 ${knownBuyerOutputs.length} 家有产值`,
          en: `${knownCoefficients.length} of the candidates' flows have a coefficient, ${knownBuyerOutputs.length} candidate buyer(s) have an output`,
        };
      } else if (name === 'capacity') {
        available &&= knownSupplierOutputs.length > 0;
        reason =
          knownSupplierOutputs.length > 0
            ? { zh: `候选供方中 ${knownSupplierOutputs.length} 家有产值`, en: `${knownSupplierOutputs.length} candidate supplier(s) have an output` }
            : { zh: '候选供方均无产值数据', en: 'no candidate supplier has a known output' };
      } else if (name === 'outside') {
        available &&= anyOutside;
        reason = anyOutside
          ? { zh: '部分买方现从外地采购该投入', en: 'some buyers now buy the input from outside' }
          : { zh: '无候选买方记录有从外地采购该投入的供货关系', en: 'no candidate buyer has a recorded link buying the input from outside' };
      } else {
        available &&= anyColocated;
        reason = anyColocated
          ? { zh: '部分候选同在一个园区或开发区', en: 'some candidates share a zone or park' }
          : { zh: '候选双方均不在同一园区或开发区', en: 'no candidate pair shares a zone or park' };
      }
      return { name, weight: weights[name], usedWeight: 0, available, reason };
    });
    const totalWeight = infos.reduce((sum, c) => sum + (c.available ? c.weight : 0), 0);
    for (const c of infos) c.usedWeight = c.available && totalWeight > 0 ? c.weight / totalWeight : 0;
    const used = Object.fromEntries(infos.map((c) => [c.name, c.usedWeight])) as Record<MatchComponent, number>;

    // the streams in score order: by the capacity part of the score, then dataset order
    const suppliers = indicesOf(s, supplierCandidate);
    const capacityPart = capacityParts(s, output, suppliers, defaultCapacity, maxCapacity, used.capacity);
    const order = byDecreasingValue(s, suppliers, capacityPart);
    orderStreams(s, t, stream, order);
    fillGroups(s, sites, stream, siteKey);
    fillGroups(s, zones, stream, zoneKey);

    // pass 2: per buyer, the best suppliers of each via from the streams, each pair's best via; the
    // best `limit` pairs overall. Buyers are taken by decreasing bound on their pairs' scores; once
    // a bound is below the `limit`-th best score found, no pair of the remaining buyers can enter.
    const kept = new TopPairs(Math.floor(limit));
    const scoring: Scoring = { used, demand, maxDemand, capacityPart, stream, sites, zones, outside, limit };
    if (kept.capacity > 0 && candidateBuyers.length > 0) {
      const bound = scoreBounds(s, t, candidateBuyers, keyOf, vias, scoring);
      const queue = new MaxQueue(bound, s.int32(bound.length));
      const search = new PairSearch(s, t, vias, scoring, kept, linkedStamp);
      for (let i = queue.pop(); i >= 0 && !(kept.full() && bound[i]! < kept.worstScore()); i = queue.pop()) {
        const b = candidateBuyers[i]!;
        if (!(kept.full() && search.bound(b, keyOf(b)) < kept.worstScore())) search.buyer(b, keyOf(b));
      }
    }
    const best = kept.sorted();
    // competition ranking: equal scores share a rank
    const ranks = best.map(() => 0);
    best.forEach((x, i) => {
      ranks[i] = i > 0 && best[i - 1]!.score <= x.score + 1e-12 ? ranks[i - 1]! : i + 1;
    });

    /** The numbers of a pair kept, as its suggestion reports them. */
    const materialize = (found: FoundPair) => {
      const v = found.via;
      const via: Via = {
        supplier: found.supplier,
        buyer: found.buyer,
        flow: vias.flow[v]!,
        s: vias.s[v]!,
        t: vias.t[v]!,
        sLabel: vias.sLabel[v]! < 0 ? null : equivalents.labels[vias.sLabel[v]!]!,
        tLabel: vias.tLabel[v]! < 0 ? null : equivalents.labels[vias.tLabel[v]!]!,
      };
      const a = flows.coefficient[via.flow]!;
      const x = output[via.buyer]!;
      const colocation = colocationOf(via.supplier, via.buyer);
      const raw: Raw = {
        via,
        demand: found.demand,
        demandValue: !Number.isNaN(a) && !Number.isNaN(x) ? a * x : null,
        coefficient: coefficientBasis(via.flow),
        buyerOutput: outputBasis(via.buyer),
        outside: outside.count(via.buyer, via.flow) > 0 ? 1 : 0,
        capacity: capacityOf(via.supplier),
        colocation,
      };
      const values: Record<MatchComponent, number> = {
        demand: maxDemand > 0 ? found.demand / maxDemand : 0,
        outside: raw.outside,
        capacity: capacityScore(via.supplier),
        colocation: colocationValue(t, via.supplier, via.buyer),
      };
      const scores = {} as Record<MatchComponent, number | null>;
      for (const c of MATCH_COMPONENTS) scores[c] = used[c] > 0 ? values[c] : null;
      return { raw, score: found.score, scores };
    };
    const colocationOf = (a: number, b: number): MatchSuggestion['colocation'] => {
      if (siteKey[a]! >= 0 && siteKey[a] === siteKey[b]) return { level: 'site', region: regions.ids[siteKey[a]!]! };
      if (zoneKey[a]! >= 0 && zoneKey[a] === zoneKey[b]) return { level: 'zone', region: regions.ids[zoneKey[a]!]! };
      return null;
    };
    const outsideCount = (buyer: number, flow: number) => outside.count(buyer, flow);
    const ids = enterprises.ids;
    const segRef = (s: number): MatchSegment => {
      const [chain, segment] = splitKey(segments.keys[s]!);
      return { chain, segment };
    };
    const nameOf = (e: number) => model.dataset.enterprises[e]!.name;
    const segName = (s: number) => {
      const c = segments.chain[s]!;
      return model.chains[c]!.segments[s - segments.chainStart[c]!]!.name;
    };
    const matches: MatchSuggestion[] = best.map((found, i) => {
      const x = materialize(found);
      const { via } = x.raw;
      const f = via.flow;
      const coefficient = Number.isNaN(flows.coefficient[f]!) ? null : flows.coefficient[f]!;
      const buyerOutput = Number.isNaN(output[via.buyer]!) ? null : output[via.buyer]!;
      const supplierOutput = Number.isNaN(output[via.supplier]!) ? null : output[via.supplier]!;
      const outsideSuppliers = outsideCount(via.buyer, f);
      const flowChain = model.index.chains.ids[segments.chain[flows.from[f]!]!]!;
      const from = segRef(flows.from[f]!);
      const to = segRef(flows.to[f]!);
      const matchedOn = [via.sLabel, via.tLabel].filter((l): l is string => l !== null);
      const crossChain = matchedOn.length > 0;
      const zh: string[] = [];
      const en: string[] = [];
      zh.push(`${nameOf(via.supplier)}（${segName(via.s)}）可向${nameOf(via.buyer)}（${segName(via.t)}）供货`);
      en.push(`${ids[via.supplier]} (${segments.keys[via.s]}) could supply ${ids[via.buyer]} (${segments.keys[via.t]})`);
      zh.push(`依据 ${flowChain} 链模板流向 ${segName(flows.from[f]!)}→${segName(flows.to[f]!)}${coefficient === null ? '（投入系数未知）' : `（投入系数 ${round(coefficient, 4)}）`}${crossChain ? `，跨链按同类产品匹配（${matchedOn.join('、')}）` : ''}`);
      en.push(`by the ${flowChain} template flow ${from.segment} → ${to.segment}${coefficient === null ? ' (coefficient unknown)' : ` (coefficient ${round(coefficient, 4)})`}${crossChain ? `, matched across chains as the same product (${matchedOn.join(', ')})` : ''}`);
      if (x.raw.demandValue !== null) {
        zh.push(`买方产值 ${formatYi(buyerOutput!, 'zh')}，估计需求 ${formatYi(x.raw.demandValue, 'zh')}`);
        en.push(`buyer output ${formatYi(buyerOutput!, 'en')}, estimated demand ${formatYi(x.raw.demandValue, 'en')}`);
      } else {
        zh.push('买方产值未知');
        en.push('buyer output unknown');
      }
      if (outsideSuppliers > 0) {
        zh.push(`买方现从外地 ${outsideSuppliers} 家企业采购该投入`);
        en.push(`the buyer now buys this input from ${outsideSuppliers} outside supplier(s)`);
      }
      if (supplierOutput !== null) {
        zh.push(`供方产值 ${formatYi(supplierOutput, 'zh')}`);
        en.push(`supplier output ${formatYi(supplierOutput, 'en')}`);
      }
      if (x.raw.colocation) {
        const regionName = model.dataset.regions[regions.byId.get(x.raw.colocation.region)!]!.name;
        zh.push(x.raw.colocation.level === 'site' ? `双方同在${regionName}` : `双方同在${regionName}（不同园区）`);
        en.push(x.raw.colocation.level === 'site' ? `both in ${x.raw.colocation.region}` : `both in zone ${x.raw.colocation.region} (different parks)`);
      }
      if (buyerMode === 'any' && !local[via.buyer]) {
        zh.push('买方在本地以外');
        en.push('the buyer is outside the region');
      }
      return {
        rank: ranks[i]!,
        supplier: ids[via.supplier]!,
        buyer: ids[via.buyer]!,
        supplierSegment: segRef(via.s),
        buyerSegment: segRef(via.t),
        flow: { chain: flowChain, from: from.segment, to: to.segment, coefficient },
        crossChain,
        matchedOn,
        buyerLocal: local[via.buyer] === 1,
        score: x.score,
        scores: x.scores,
        demand: { value: x.raw.demandValue, coefficient: x.raw.coefficient, buyerOutput: x.raw.buyerOutput },
        buyerOutput,
        supplierOutput,
        outsideSuppliers,
        colocation: x.raw.colocation,
        reason: { zh: `${zh.join('；')}。得分 ${round(x.score, 3)}。`, en: `${en.join('; ')}. Score ${round(x.score, 3)}.` },
      };
    });

    const notes: Reason[] = [];
    const unused = infos.filter((c) => !c.available);
    if (candidates === 0) {
      notes.push({
        zh: '没有找到符合条件的候选配对：本地供方所在环节在模板流向上不向任何未建立关系的买方环节供货。',
        en: 'No candidate pair: no local supplier operates in a segment that feeds, by the template flows, a segment of a buyer it is not linked with yet.',
      });
    } else if (unused.length > 0) {
      const kept = infos.filter((c) => c.available);
      notes.push({
        zh: `未用成分：${unused.map((c) => `${LABEL[c.name].zh}（${c.reason.zh}）`).join('；')}。得分按其余成分的权重重新归一：${kept.map((c) => `${LABEL[c.name].zh} ${round(c.usedWeight, 3)}`).join('、') || '无'}。`,
        en: `Components not used: ${unused.map((c) => `${LABEL[c.name].en} (${c.reason.en})`).join('; ')}. The score re-weights the others in proportion: ${kept.map((c) => `${LABEL[c.name].en} ${round(c.usedWeight, 3)}`).join(', ') || 'none'}.`,
      });
    }
    return {
      scope: { region: scope.region, chain: scope.chain ?? null },
      buyers: buyerMode,
      candidates,
      components: infos,
      matches,
      notes,
    };
  });
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
