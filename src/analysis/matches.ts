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
 * - Cost: suppliers of each segment are kept sorted by their part of the score (per segment,
 *   and per site and zone for the co-location part), so for each buyer and flow only the best
 *   `limit` suppliers are scored — O(buyers × flows × limit), not O(pairs); the number of
 *   candidate pairs is counted exactly from the segment sets ("signatures") of the suppliers.
 *
 * Assumptions: a template flow means the buyer's segment uses the supplier segment's product;
 * firm outputs are whole-firm outputs; capacity figures in physical units are not comparable
 * across products and are not used.
 *
 * References: the input–output technical coefficient a_ij (Miller & Blair, Input-Output
 * Analysis, 3rd ed., 2022, ch. 2); local supply rate (本地配套率) as in the project's domain notes.
 */
import type { ChainModel } from '../graph/model.js';
import { enterprisesInRegionIdx, isLocalIdx } from '../graph/queries.js';
import { formatYi, round } from '../internal/format.js';
import { normalizeName } from '../internal/normalize-name.js';
import { ChainError } from '../model/issues.js';
import { ENTERPRISE_STATUSES, LINK_STATUSES, type EnterpriseStatus, type LinkStatus } from '../model/vocabulary.js';
import { DEFAULT_PRESENT_STATUSES, DEFAULT_SUPPLY_LINK_STATUSES, statusTable } from './centrality.js';
import { resolveScope, type Reason, type ScopeOptions } from './common.js';

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
  /** Number of suggestions returned. Default 20 (`Infinity` for all). */
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A flow a buyer can be supplied through: the flow, the supplier's and buyer's segments, the cross-chain labels. */
interface ViaSpec {
  flow: number;
  s: number;
  t: number;
  sLabel: string | null;
  tLabel: string | null;
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
  const { enterprises, segments, flows, links, regions } = model.index;
  const allowed = statusTable(options.statuses ?? DEFAULT_PRESENT_STATUSES, ENTERPRISE_STATUSES);
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const activeCode = LINK_STATUSES.indexOf('active');
  const excludeActiveOnly = options.excludeLinked === 'active';
  const r0 = scope.regionIndex;
  const ne = enterprises.ids.length;
  const ns = segments.keys.length;
  const nr = regions.ids.length;
  const local = new Uint8Array(ne);
  for (const e of enterprisesInRegionIdx(model, r0)) local[e] = 1;
  // eligible suppliers: local, with a counted status
  const supplierOk = new Uint8Array(ne);
  for (let e = 0; e < ne; e++) supplierOk[e] = local[e]! && allowed[enterprises.status[e]!] ? 1 : 0;
  const equivalents = segmentEquivalents(model);
  const inChain = (s: number) => scope.chainIndex === undefined || segments.chain[s] === scope.chainIndex;

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
  const colocationOf = (a: number, b: number): MatchSuggestion['colocation'] => {
    if (siteKey[a]! >= 0 && siteKey[a] === siteKey[b]) return { level: 'site', region: regions.ids[siteKey[a]!]! };
    if (zoneKey[a]! >= 0 && zoneKey[a] === zoneKey[b]) return { level: 'zone', region: regions.ids[zoneKey[a]!]! };
    return null;
  };
  const colocationScore = (c: MatchSuggestion['colocation']) => (c === null ? 0 : c.level === 'site' ? 1 : 0.5);

  // eligible suppliers per segment; per segment and site / zone, how many
  const eligibleIn = new Int32Array(ns);
  const siteCount = new Map<number, number>();
  const zoneCount = new Map<number, number>();
  const groupKey = (s: number, key: number) => s * (nr + 1) + key + 1;
  for (let sg = 0; sg < ns; sg++)
    for (let m = segments.enterprises.offsets[sg]!; m < segments.enterprises.offsets[sg + 1]!; m++) {
      const e = segments.enterprises.items[m]!;
      if (!supplierOk[e]) continue;
      eligibleIn[sg]!++;
      if (siteKey[e]! >= 0) siteCount.set(groupKey(sg, siteKey[e]!), (siteCount.get(groupKey(sg, siteKey[e]!)) ?? 0) + 1);
      if (zoneKey[e]! >= 0) zoneCount.set(groupKey(sg, zoneKey[e]!), (zoneCount.get(groupKey(sg, zoneKey[e]!)) ?? 0) + 1);
    }
  const operatesIn = (e: number, sg: number) => {
    for (let a = enterprises.segments.offsets[e]!; a < enterprises.segments.offsets[e + 1]!; a++) if (enterprises.segments.items[a] === sg) return true;
    return false;
  };

  // segment signatures of eligible suppliers, to count distinct candidate pairs without listing them
  const signatureOf = new Int32Array(ne).fill(-1);
  const signatureCount: number[] = [];
  const signatureIds = new Map<string, number>();
  const signaturesBySegment: number[][] = Array.from({ length: ns }, () => []);
  for (let e = 0; e < ne; e++) {
    if (!supplierOk[e]) continue;
    const own = Array.from(enterprises.segments.items.subarray(enterprises.segments.offsets[e]!, enterprises.segments.offsets[e + 1]!)).sort((a, b) => a - b);
    if (own.length === 0) continue;
    const key = own.join(',');
    let id = signatureIds.get(key);
    if (id === undefined) {
      id = signatureCount.length;
      signatureIds.set(key, id);
      signatureCount.push(0);
      for (const sg of new Set(own)) signaturesBySegment[sg]!.push(id);
    }
    signatureCount[id]!++;
    signatureOf[e] = id;
  }

  const buyerList: number[] = [];
  for (let e = 0; e < ne; e++) if ((buyerMode === 'any' || local[e]) && allowed[enterprises.status[e]!]) buyerList.push(e);

  /** The vias of a buyer: (flow, supplier segment, buyer segment) with the labels of cross-chain matches. */
  const viasOf = (buyer: number): ViaSpec[] => {
    const out: ViaSpec[] = [];
    for (let a = enterprises.segments.offsets[buyer]!; a < enterprises.segments.offsets[buyer + 1]!; a++) {
      const t = enterprises.segments.items[a]!;
      const targets: [number, string | null][] = [[t, null]];
      for (let q = equivalents.offsets[t]!; q < equivalents.offsets[t + 1]!; q++) targets.push([equivalents.items[q]!, equivalents.labels[q]!]);
      for (const [t2, tLabel] of targets)
        for (let q = flows.in.offsets[t2]!; q < flows.in.offsets[t2 + 1]!; q++) {
          const f = flows.in.items[q]!;
          const s1 = flows.from[f]!;
          const sources: [number, string | null][] = [[s1, null]];
          for (let p = equivalents.offsets[s1]!; p < equivalents.offsets[s1 + 1]!; p++) sources.push([equivalents.items[p]!, equivalents.labels[p]!]);
          for (const [sg, sLabel] of sources) {
            if (!inChain(sg) && !inChain(t)) continue;
            // a via needs a supplier other than the buyer itself
            if (eligibleIn[sg]! - (supplierOk[buyer] && operatesIn(buyer, sg) ? 1 : 0) <= 0) continue;
            out.push({ flow: f, s: sg, t, sLabel, tLabel });
          }
        }
    }
    return out;
  };

  // suppliers the current buyer is linked with (stamp = buyer)
  const linkedStamp = new Int32Array(ne).fill(-1);
  const linkedOf = (buyer: number): number[] => {
    const list: number[] = [];
    for (let q = links.in.offsets[buyer]!; q < links.in.offsets[buyer + 1]!; q++) {
      const k = links.in.items[q]!;
      if (excludeActiveOnly && links.status[k] !== activeCode) continue;
      const from = links.from[k]!;
      if (linkedStamp[from] !== buyer) {
        linkedStamp[from] = buyer;
        list.push(from);
      }
    }
    return list;
  };

  // outside sourcing: distinct non-local suppliers of the buyer for the flow's input segment
  // (or a segment of another chain matching it)
  const inputMark = new Int32Array(ns).fill(-1);
  let inputMarkKey = 0;
  const outsideCache = new Map<number, number>();
  const outsideCount = (buyer: number, flow: number): number => {
    const s1 = flows.from[flow]!;
    const key = buyer * ns + s1;
    const cached = outsideCache.get(key);
    if (cached !== undefined) return cached;
    inputMarkKey++;
    inputMark[s1] = inputMarkKey;
    for (let p = equivalents.offsets[s1]!; p < equivalents.offsets[s1 + 1]!; p++) inputMark[equivalents.items[p]!] = inputMarkKey;
    const seen = new Set<number>();
    for (let q = links.in.offsets[buyer]!; q < links.in.offsets[buyer + 1]!; q++) {
      const k = links.in.items[q]!;
      const from = links.from[k]!;
      if (!counted[links.status[k]!] || isLocalIdx(model, from, r0) || seen.has(from)) continue;
      const tagged = links.segment[k]!;
      let match = false;
      if (tagged >= 0) match = inputMark[tagged] === inputMarkKey;
      else
        for (let a = enterprises.segments.offsets[from]!; a < enterprises.segments.offsets[from + 1]!; a++)
          if (inputMark[enterprises.segments.items[a]!] === inputMarkKey) match = true;
      if (match) seen.add(from);
    }
    outsideCache.set(key, seen.size);
    return seen.size;
  };

  // pass 1: candidate pairs per buyer (exact, by signatures) and the numbers components are scaled by
  let candidates = 0;
  const candidateBuyers: number[] = [];
  const supplierSide = new Uint8Array(ns);
  const flowUsed = new Uint8Array(flows.from.length);
  const validVias: [number, number][] = []; // (buyer, flow)
  let anyOutside = false;
  let anyColocated = false;
  const signatureStamp = new Int32Array(signatureCount.length).fill(-1);
  for (const b of buyerList) {
    const vias = viasOf(b);
    if (vias.length === 0) continue;
    const linked = linkedOf(b);
    let count = 0;
    for (const v of vias)
      for (const id of signaturesBySegment[v.s]!) {
        if (signatureStamp[id] === b) continue;
        signatureStamp[id] = b;
        count += signatureCount[id]!;
      }
    if (supplierOk[b] && signatureOf[b]! >= 0 && signatureStamp[signatureOf[b]!] === b) count--;
    for (const s of linked) if (s !== b && supplierOk[s] && signatureOf[s]! >= 0 && signatureStamp[signatureOf[s]!] === b) count--;
    if (count <= 0) continue;
    candidates += count;
    candidateBuyers.push(b);
    for (const v of vias) {
      supplierSide[v.s] = 1;
      flowUsed[v.flow] = 1;
      validVias.push([b, v.flow]);
      if (!anyOutside && outsideCount(b, v.flow) > 0) anyOutside = true;
      if (!anyColocated) {
        const self = supplierOk[b] && operatesIn(b, v.s) ? 1 : 0;
        const site = siteKey[b]! >= 0 ? (siteCount.get(groupKey(v.s, siteKey[b]!)) ?? 0) - self : 0;
        const zone = zoneKey[b]! >= 0 ? (zoneCount.get(groupKey(v.s, zoneKey[b]!)) ?? 0) - self : 0;
        if (site > 0 || zone > 0) anyColocated = true;
      }
    }
  }
  const knownCoefficients: number[] = [];
  flowUsed.forEach((used, f) => {
    if (used && !Number.isNaN(flows.coefficient[f]!)) knownCoefficients.push(flows.coefficient[f]!);
  });
  const knownBuyerOutputs = candidateBuyers.map((b) => enterprises.output[b]!).filter((x) => !Number.isNaN(x));
  // candidate suppliers: the eligible suppliers of the segments that feed the buyers considered
  const supplierCandidate = new Uint8Array(ne);
  const knownSupplierOutputs: number[] = [];
  for (let sg = 0; sg < ns; sg++) {
    if (!supplierSide[sg]) continue;
    for (let m = segments.enterprises.offsets[sg]!; m < segments.enterprises.offsets[sg + 1]!; m++) {
      const e = segments.enterprises.items[m]!;
      if (!supplierOk[e] || supplierCandidate[e]) continue;
      supplierCandidate[e] = 1;
      if (!Number.isNaN(enterprises.output[e]!)) knownSupplierOutputs.push(enterprises.output[e]!);
    }
  }
  const medianCoefficient = knownCoefficients.length > 0 ? median(knownCoefficients) : null;
  const medianBuyerOutput = knownBuyerOutputs.length > 0 ? median(knownBuyerOutputs) : null;
  const medianSupplierOutput = knownSupplierOutputs.length > 0 ? median(knownSupplierOutputs) : null;

  const coefficientBasis = (f: number): MatchBasis => (!Number.isNaN(flows.coefficient[f]!) ? 'known' : medianCoefficient !== null ? 'median' : 'unknown');
  const outputBasis = (b: number): MatchBasis => (!Number.isNaN(enterprises.output[b]!) ? 'known' : medianBuyerOutput !== null ? 'median' : 'unknown');
  const demandOf = (b: number, f: number) => {
    const a = flows.coefficient[f]!;
    const x = enterprises.output[b]!;
    return (Number.isNaN(a) ? (medianCoefficient ?? 1) : a) * (Number.isNaN(x) ? (medianBuyerOutput ?? 1) : x);
  };
  const capacityOf = (s: number) => (Number.isNaN(enterprises.output[s]!) ? (medianSupplierOutput ?? 0) : enterprises.output[s]!);
  let maxDemand = 0;
  for (const [b, f] of validVias) maxDemand = Math.max(maxDemand, demandOf(b, f));
  let maxCapacity = 0;
  for (let e = 0; e < ne; e++) if (supplierCandidate[e]) maxCapacity = Math.max(maxCapacity, capacityOf(e));

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
  const capacityScore = (s: number) => (maxCapacity > 0 ? capacityOf(s) / maxCapacity : 0);

  // streams of each segment's eligible suppliers, best first: by the capacity part of the score,
  // then dataset order; and the same per site and per zone (co-location adds to all of a group)
  const supplierValue = (s: number) => used.capacity * capacityScore(s);
  const byValue = (x: number, y: number) => supplierValue(y) - supplierValue(x) || x - y;
  const allStream: Int32Array[] = [];
  const siteStream = new Map<number, number[]>();
  const zoneStream = new Map<number, number[]>();
  for (let sg = 0; sg < ns; sg++) {
    if (!supplierSide[sg]) {
      allStream.push(new Int32Array(0));
      continue;
    }
    const list = Array.from(segments.enterprises.items.subarray(segments.enterprises.offsets[sg]!, segments.enterprises.offsets[sg + 1]!)).filter(
      (e) => supplierOk[e] === 1,
    );
    list.sort(byValue);
    allStream.push(Int32Array.from(list));
    for (const e of list) {
      if (siteKey[e]! >= 0) {
        const key = groupKey(sg, siteKey[e]!);
        const group = siteStream.get(key);
        if (group) group.push(e);
        else siteStream.set(key, [e]);
      }
      if (zoneKey[e]! >= 0) {
        const key = groupKey(sg, zoneKey[e]!);
        const group = zoneStream.get(key);
        if (group) group.push(e);
        else zoneStream.set(key, [e]);
      }
    }
  }
  const EMPTY: readonly number[] = [];

  interface Scored {
    raw: Raw;
    score: number;
    scores: Record<MatchComponent, number | null>;
  }
  const better = (x: Scored, y: Scored) =>
    x.score - y.score || x.raw.demand - y.raw.demand || y.raw.via.supplier - x.raw.via.supplier || y.raw.via.buyer - x.raw.via.buyer;
  const scoreOf = (via: Via): Scored => {
    const demand = demandOf(via.buyer, via.flow);
    const a = flows.coefficient[via.flow]!;
    const x = enterprises.output[via.buyer]!;
    const colocation = colocationOf(via.supplier, via.buyer);
    const raw: Raw = {
      via,
      demand,
      demandValue: !Number.isNaN(a) && !Number.isNaN(x) ? a * x : null,
      coefficient: coefficientBasis(via.flow),
      buyerOutput: outputBasis(via.buyer),
      outside: outsideCount(via.buyer, via.flow) > 0 ? 1 : 0,
      capacity: capacityOf(via.supplier),
      colocation,
    };
    const values: Record<MatchComponent, number> = {
      demand: maxDemand > 0 ? demand / maxDemand : 0,
      outside: raw.outside,
      capacity: capacityScore(via.supplier),
      colocation: colocationScore(colocation),
    };
    let score = 0;
    const scores = {} as Record<MatchComponent, number | null>;
    for (const c of MATCH_COMPONENTS) {
      scores[c] = used[c] > 0 ? values[c] : null;
      score += used[c] * values[c];
    }
    return { raw, score, scores };
  };

  // pass 2: per buyer, the best suppliers of each via from the streams (at most `limit` each),
  // each pair's best via, the buyer's best `limit` pairs; then the best `limit` overall
  const kept: Scored[] = [];
  const bestOfPair = new Map<number, Scored>();
  const taken = new Int32Array(ne).fill(-1);
  let viaCounter = 0;
  for (const b of candidateBuyers) {
    linkedOf(b);
    bestOfPair.clear();
    for (const v of viasOf(b)) {
      viaCounter++;
      // each stream is ordered by score for its own kind of member (site, zone, any); a member
      // also in an earlier stream is met there first with its full score
      const streams: [readonly number[] | Int32Array][] = [
        [siteKey[b]! >= 0 ? (siteStream.get(groupKey(v.s, siteKey[b]!)) ?? EMPTY) : EMPTY],
        [zoneKey[b]! >= 0 ? (zoneStream.get(groupKey(v.s, zoneKey[b]!)) ?? EMPTY) : EMPTY],
        [allStream[v.s]!],
      ];
      const heads = [0, 0, 0];
      const headScore: (Scored | null)[] = [null, null, null];
      let accepted = 0;
      let lastScore = Infinity;
      for (;;) {
        let pick = -1;
        for (let j = 0; j < 3; j++) {
          const list = streams[j]![0];
          // skip what cannot be taken
          while (heads[j]! < list.length) {
            const e = list[heads[j]!]!;
            if (e === b || linkedStamp[e] === b || taken[e] === viaCounter) {
              heads[j]!++;
              headScore[j] = null;
            } else break;
          }
          if (heads[j]! >= list.length) continue;
          const e = list[heads[j]!]!;
          headScore[j] ??= scoreOf({ supplier: e, buyer: b, flow: v.flow, s: v.s, t: v.t, sLabel: v.sLabel, tLabel: v.tLabel });
          if (pick < 0 || better(headScore[j]!, headScore[pick]!) > 0) pick = j;
        }
        if (pick < 0) break;
        const scored = headScore[pick]!;
        // past the limit, only ties of the last one taken (the final sort decides among them)
        if (accepted >= limit && scored.score < lastScore) break;
        const supplier = scored.raw.via.supplier;
        heads[pick]!++;
        headScore[pick] = null;
        taken[supplier] = viaCounter;
        accepted++;
        lastScore = scored.score;
        const previous = bestOfPair.get(supplier);
        // the higher score wins; on a tie, the via found first (direct before cross-chain)
        if (!previous || scored.score > previous.score + 1e-12) bestOfPair.set(supplier, scored);
      }
    }
    const mine = [...bestOfPair.values()].sort((x, y) => better(y, x));
    if (mine.length > limit) mine.length = limit;
    for (const x of mine) kept.push(x);
    if (kept.length > 4 * limit + 1024) {
      kept.sort((x, y) => better(y, x));
      kept.length = Math.min(kept.length, limit);
    }
  }
  kept.sort((x, y) => better(y, x));
  if (kept.length > limit) kept.length = limit;
  // competition ranking: equal scores share a rank
  const ranks = kept.map(() => 0);
  kept.forEach((x, i) => {
    ranks[i] = i > 0 && kept[i - 1]!.score <= x.score + 1e-12 ? ranks[i - 1]! : i + 1;
  });

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
  const matches: MatchSuggestion[] = kept.map((x, i) => {
    const { via } = x.raw;
    const f = via.flow;
    const coefficient = Number.isNaN(flows.coefficient[f]!) ? null : flows.coefficient[f]!;
    const buyerOutput = Number.isNaN(enterprises.output[via.buyer]!) ? null : enterprises.output[via.buyer]!;
    const supplierOutput = Number.isNaN(enterprises.output[via.supplier]!) ? null : enterprises.output[via.supplier]!;
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
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
