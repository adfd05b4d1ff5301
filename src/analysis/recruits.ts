/**
 * The recruitment list (招商清单, 产业链精准招商): for each gap of a chain in a region, the
 * enterprises outside the region that operate in the gap segment, ranked by how well they fit.
 *
 * Method: gaps come from {@link findGaps} (or are passed in). For each gap segment, in the order
 * of its most severe finding, every enterprise of the segment (segment → enterprises CSR)
 * located outside the region and with a candidate status (default: any but 关停 closed) is
 * scored
 *   fit = w_s·substitution + w_z·size + w_r·relatedness   (weights normalised; default 0.5 / 0.3 / 0.2)
 * - substitution: the candidate already supplies local buyers with the segment's product from
 *   outside — a local plant would substitute that flow. Value of those links over the largest
 *   among the gap's candidates when every such link has a value (basis "value"), else the
 *   number of links over the largest number (basis "count").
 * - size: output over the largest output among the gap's candidates (basis "output") when any
 *   candidate's output is known, else employees likewise; unknown size scores 0 and is said.
 * - relatedness: the share of the candidate's other segments (any chain) that are present in
 *   the region — a firm that already works in segments the region has knows the local chain
 *   (the firm-level reading of relatedness: Neffke, Henning & Boschma 2011, "How do regions
 *   diversify over time?", Economic Geography 87: 237–265).
 * Candidates are sorted by fit (rounded to 4 decimals) descending, then by the number of local
 * firms they already trade with (either direction, any chain) or share a group with (`parent`),
 * then dataset order. These ties are reported (`localPartners`, `localAffiliates`) but do not
 * enter the fit. Cost is linear: one sequential pass over the supply links for every candidate
 * at once, plus the enterprises of the gap segments; no pairs of firms are formed. The typed
 * arrays over the enterprises, the (firm, segment) activities and the candidates' partners are
 * taken from the model's scratch arena (../internal/scratch.ts): calls after the first allocate
 * none.
 *
 * Assumptions: the dataset lists the outside firms a planner knows of; a gap with no candidate
 * says so and names the segment's products to search for.
 */
import type { ChainModel } from '../graph/model.js';
import { enterprisesInRegionIdx } from '../graph/queries.js';
import { formatYi, round } from '../internal/format.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';
import { ENTERPRISE_STATUSES, LINK_STATUSES, type EnterpriseStatus } from '../model/vocabulary.js';
import { productSegmentCode, recordExtras, resolveScope, sortedUnique, type Reason, type ScopeOptions } from './scope/index.js';
import {
  findGaps,
  GAP_CODES,
  normaliseWeights,
  type FillingEntry,
  type GapCode,
  type GapOptions,
  type GapsResult,
} from './gaps/index.js';

/** Weights of the fit components (normalised to sum 1). */
export interface FitWeights {
  substitution: number;
  size: number;
  relatedness: number;
}

/** Options of {@link recommendRecruits}. */
export interface RecruitOptions extends ScopeOptions {
  /** The chain (required). */
  chain: string;
  /** Candidates listed per gap. Default 5. */
  limit?: number;
  /** Gaps computed beforehand by {@link findGaps} for the same chain and region. Default: computed. */
  gaps?: GapsResult;
  /** Options passed to {@link findGaps} when `gaps` is not given. */
  gapOptions?: Omit<GapOptions, 'chain' | 'region'>;
  /** Finding kinds that put a segment on the list. Default: all. */
  codes?: readonly GapCode[];
  /** Fit weights. Default `{ substitution: 0.5, size: 0.3, relatedness: 0.2 }`. */
  weights?: Partial<FitWeights>;
  /** Statuses of outside enterprises that may be candidates. Default: all but `closed`. */
  candidateStatuses?: readonly EnterpriseStatus[];
}

/** A fit component. */
export interface FitComponent {
  value: number;
  weight: number;
}

/** An outside enterprise proposed for a gap. */
export interface RecruitCandidate {
  enterprise: string;
  name: string;
  region: string;
  status: EnterpriseStatus;
  fit: number;
  components: {
    substitution: FitComponent & {
      basis: 'value' | 'count';
      /** Local buyers it supplies with the segment's product. */
      localBuyers: string[];
      links: number;
      /** Known value of those links, 亿元. */
      linkValue: number;
      linksWithoutValue: number;
    };
    size: FitComponent & { basis: 'output' | 'employees' | 'unknown'; output: number | null; employees: number | null };
    relatedness: FitComponent & {
      /** Its other segments (`chain/segment`) present in the region. */
      sharedSegments: string[];
      otherSegments: number;
    };
  };
  /** Local firms it already trades with in either direction (any chain); breaks ties in fit. */
  localPartners: string[];
  /** Local firms of the same group (its subsidiaries, or its parent); also break ties in fit. */
  localAffiliates: string[];
  reason: Reason;
}

/** One line of the recruitment list: a gap segment and its candidates. */
export interface RecruitEntry {
  chain: string;
  segment: string;
  segmentName: string;
  /** Kinds of gap found in the segment, in ranking order. */
  gaps: GapCode[];
  /** Highest severity among them. */
  severity: number;
  beingFilledBy: FillingEntry[];
  plannedProjects: FillingEntry[];
  candidates: RecruitCandidate[];
  /** Candidates found before `limit`. */
  candidatesTotal: number;
  reason: Reason;
}

/** Result of {@link recommendRecruits}. */
export interface RecruitsResult {
  chain: string;
  region: string;
  entries: RecruitEntry[];
  summary: { gaps: number; withCandidates: number; withoutCandidates: number; candidates: number };
  assumptions: {
    limit: number;
    weights: FitWeights;
    candidateStatuses: EnterpriseStatus[];
    codes: GapCode[];
    gaps: GapsResult['assumptions'];
  };
}

const DEFAULT_WEIGHTS: FitWeights = { substitution: 0.5, size: 0.3, relatedness: 0.2 };
const ALL_CODES: readonly GapCode[] = GAP_CODES;
const GAP_ZH: Record<GapCode, string> = {
  missing_segment: '缺链',
  thin_segment: '短板',
  external_dependency: '外部依赖',
  capacity_shortfall: '产能不足',
  extension_opportunity: '延链机会',
};

const NONE: readonly number[] = Object.freeze([]);
/** The distinct values, ascending, as a plain array ({@link sortedUnique}); a shared empty list for none. */
function uniqueSorted(model: ChainModel, values: ArrayLike<number> | undefined): readonly number[] {
  return values === undefined || values.length === 0 ? NONE : sortedUnique(model, values);
}

/** Bits of the per-enterprise flags of {@link recommendRecruits}. */
const LOCAL = 1;
const LOCAL_PRESENT = 2;
const CANDIDATE = 4;

/**
 * One sequential pass over the link arrays for what the candidates (`flags` CANDIDATE) send to
 * local present buyers and whom they trade with locally: walking each candidate's CSR rows
 * instead costs a random access per link at scale. In a function of its own so that V8
 * optimises the loop on its own.
 * - Per (candidate, gap segment) slot = position in the enterprise → segments CSR: the counted
 *   links of the segment's product to local present buyers, their known value (summed in link
 *   order, as a walk over the candidate's outgoing links would), the number of unknown values and
 *   the buyers (with repeats).
 * - Per candidate: its local present partners over counted links in either direction (with repeats).
 */
function scanCandidateLinks(
  s: Scratch,
  model: ChainModel,
  s0: number,
  s1: number,
  linkCode: Uint8Array,
  flags: Uint8Array,
  isGapSegment: Uint8Array,
) {
  const { links, enterprises: ents } = model.index;
  const slots = ents.segments.items.length;
  const slotCount = s.int32(slots);
  const slotValue = s.float64(slots);
  const slotUnknown = s.int32(slots);
  const slotBuyers = new Map<number, number[]>();
  // partners as (candidate, partner) pairs, grouped by candidate afterwards (a counting sort)
  const candidateOf = s.int32(flags.length, -1);
  let candidates = 0;
  for (let e = 0; e < flags.length; e++) if (flags[e]! & CANDIDATE) candidateOf[e] = candidates++;
  let pairs = 0;
  let pairCandidate = s.int32(1024);
  let pairOther = s.int32(1024);
  const addPartner = (e: number, other: number) => {
    if (pairs === pairCandidate.length) {
      // doubled in the arena: the outgrown arrays stay taken until the scope ends (< the final size)
      const grownCandidate = s.int32(2 * pairs);
      grownCandidate.set(pairCandidate);
      pairCandidate = grownCandidate;
      const grownOther = s.int32(2 * pairs);
      grownOther.set(pairOther);
      pairOther = grownOther;
    }
    pairCandidate[pairs] = candidateOf[e]!;
    pairOther[pairs++] = other;
  };
  const { offsets, items } = ents.segments;
  const linkCount = links.from.length;
  for (let l = 0; l < linkCount; l++) {
    if (!linkCode[links.status[l]!]) continue;
    const a = links.from[l]!;
    const b = links.to[l]!;
    const fa = flags[a]!;
    const fb = flags[b]!;
    if (fa & CANDIDATE && fb & LOCAL_PRESENT) {
      addPartner(a, b);
      const code = productSegmentCode(model, l, s0, s1);
      if (code >= 0 && isGapSegment[code >> 1]) {
        const s = code >> 1;
        let q = offsets[a]!;
        while (q < offsets[a + 1]! && items[q] !== s) q++;
        if (q < offsets[a + 1]!) {
          slotCount[q]!++;
          const buyers = slotBuyers.get(q);
          if (buyers) buyers.push(b);
          else slotBuyers.set(q, [b]);
          const v = links.value[l]!;
          if (Number.isFinite(v)) slotValue[q]! += v;
          else slotUnknown[q]!++;
        }
      }
    }
    if (fb & CANDIDATE && fa & LOCAL_PRESENT) addPartner(b, a);
  }
  const partnerStart = s.int32(candidates + 1);
  for (let i = 0; i < pairs; i++) partnerStart[pairCandidate[i]! + 1]!++;
  for (let c = 0; c < candidates; c++) partnerStart[c + 1]! += partnerStart[c]!;
  const partnerItems = s.int32(pairs);
  const cursor = s.copy(partnerStart.subarray(0, candidates));
  for (let i = 0; i < pairs; i++) partnerItems[cursor[pairCandidate[i]!]!++] = pairOther[i]!;
  /** The local present partners of candidate `e` (with repeats; a view of a scratch array: read it within the scope). */
  const partnersOf = (e: number) => partnerItems.subarray(partnerStart[candidateOf[e]!]!, partnerStart[candidateOf[e]! + 1]!);
  return { slotCount, slotValue, slotUnknown, slotBuyers, partnersOf };
}

/**
 * Builds the recruitment list (招商清单) of a chain in a region: for each gap segment, outside
 * enterprises that operate in it, ranked by fit (substitution of flows they already send to
 * local buyers, size, relatedness to what the region has), each with its reason. A gap with no
 * candidate in the data has `candidates: []` and a reason telling the planner what to look for.
 *
 * @example
 * const list = recommendRecruits(model, { chain: 'photovoltaic', region: 'jiuquan', limit: 3 });
 * list.entries[0];
 * // → { segment: 'pv-plant', gaps: ['extension_opportunity', 'missing_segment'],
 * //     candidates: [{ enterprise: 'chint-new-energy', fit: 0.2, localPartners: ['tongfengyuan-pile', …], … }], … }
 */
export function recommendRecruits(model: ChainModel, options: RecruitOptions): RecruitsResult {
  return withScratch(model, (scratch) => recruitsWith(scratch, model, options));
}

/** {@link recommendRecruits} with its temporary arrays taken from `scratch` (valid for the call only). */
function recruitsWith(scratch: Scratch, model: ChainModel, options: RecruitOptions): RecruitsResult {
  const scope = resolveScope(model, options, true);
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 0)
    throw new ChainError('invalid_argument', `limit must be an integer ≥ 0, got ${limit}`, { limit });
  const gaps = options.gaps ?? findGaps(model, { ...options.gapOptions, chain: options.chain, region: scope.region });
  if (gaps.chain !== scope.chain || gaps.region !== scope.region)
    throw new ChainError('invalid_argument', `the gaps given are for chain "${gaps.chain}" in region "${gaps.region}", not "${scope.chain}" in "${scope.region}"`, {
      gaps: { chain: gaps.chain, region: gaps.region },
    });
  const weights = normaliseWeights({ ...DEFAULT_WEIGHTS, ...options.weights }, 'weights');
  const codes = [...(options.codes ?? ALL_CODES)];
  for (const code of codes)
    if (!ALL_CODES.includes(code)) throw new ChainError('invalid_argument', `unknown gap code "${code}"`, { code, valid: ALL_CODES });
  const candidateStatuses = [...(options.candidateStatuses ?? ENTERPRISE_STATUSES.filter((s) => s !== 'closed'))] as EnterpriseStatus[];
  const candidateCode = new Uint8Array(ENTERPRISE_STATUSES.length);
  for (const s of candidateStatuses) {
    const i = ENTERPRISE_STATUSES.indexOf(s);
    if (i < 0) throw new ChainError('invalid_argument', `unknown enterprise status "${s}"`, { status: s, valid: ENTERPRISE_STATUSES });
    candidateCode[i] = 1;
  }

  const { index, dataset } = model;
  const { enterprises: ents, segments, links, regions } = index;
  const c = scope.chainIndex!;
  const r = scope.regionIndex;
  const s0 = segments.chainStart[c]!;
  const s1 = segments.chainStart[c + 1]!;
  const chain = model.chains[c]!;
  const presentCode = new Uint8Array(ENTERPRISE_STATUSES.length);
  for (const s of gaps.assumptions.presentStatuses) presentCode[ENTERPRISE_STATUSES.indexOf(s)] = 1;
  const linkCode = new Uint8Array(LINK_STATUSES.length);
  for (const s of gaps.assumptions.linkStatuses) linkCode[LINK_STATUSES.indexOf(s)] = 1;

  // per-enterprise flags (typed, in the scratch arena): LOCAL in the region, LOCAL_PRESENT also
  // with a present status, CANDIDATE (below)
  const flags = scratch.uint8(ents.ids.length);
  const regionFirms = enterprisesInRegionIdx(model, r);
  for (let i = 0; i < regionFirms.length; i++) {
    const e = regionFirms[i]!;
    flags[e] = presentCode[ents.status[e]!] ? LOCAL | LOCAL_PRESENT : LOCAL;
  }
  const localPresent = (e: number) => (flags[e]! & LOCAL_PRESENT) !== 0;
  // one sequential pass over the local present firms: the segments (of every chain) present in
  // the region, and the local firms by parent (group ties)
  const presentHere = new Uint8Array(segments.keys.length);
  const localChildren = new Map<number, number[]>();
  const parentOf = recordExtras(model).parent;
  for (let e = 0; e < flags.length; e++) {
    if (!(flags[e]! & LOCAL_PRESENT)) continue;
    for (let k = ents.segments.offsets[e]!; k < ents.segments.offsets[e + 1]!; k++) presentHere[ents.segments.items[k]!] = 1;
    const parent = parentOf === null ? -1 : parentOf[e]!;
    if (parent < 0) continue;
    const list = localChildren.get(parent) ?? [];
    list.push(e);
    localChildren.set(parent, list);
  }

  // gap segments in order of their most severe finding
  const order: string[] = [];
  const bySegment = new Map<string, { gaps: GapCode[]; severity: number; beingFilledBy: FillingEntry[]; plannedProjects: FillingEntry[] }>();
  for (const f of gaps.findings) {
    if (!codes.includes(f.code)) continue;
    let entry = bySegment.get(f.segment);
    if (!entry) {
      entry = {
        gaps: [],
        severity: f.severity,
        beingFilledBy: f.beingFilledBy.map((x) => ({ ...x })),
        plannedProjects: f.plannedProjects.map((x) => ({ ...x })),
      };
      bySegment.set(f.segment, entry);
      order.push(f.segment);
    }
    if (!entry.gaps.includes(f.code)) entry.gaps.push(f.code);
  }

  // the candidates of every gap segment, then one sequential pass over the link arrays for what
  // they send to local buyers and whom they trade with locally (walking each candidate's CSR rows
  // instead costs a random access per link)
  const isGapSegment = new Uint8Array(segments.keys.length);
  for (const segmentId of order) {
    const s = s0 + chain.segments.findIndex((x) => x.id === segmentId);
    isGapSegment[s] = 1;
    for (let k = segments.enterprises.offsets[s]!; k < segments.enterprises.offsets[s + 1]!; k++) {
      const e = segments.enterprises.items[k]!;
      if (!(flags[e]! & LOCAL) && candidateCode[ents.status[e]!]) flags[e]! |= CANDIDATE;
    }
  }
  const { slotCount, slotValue, slotUnknown, slotBuyers, partnersOf } = scanCandidateLinks(scratch, model, s0, s1, linkCode, flags, isGapSegment);
  const slotOf = (e: number, s: number) => {
    for (let q = ents.segments.offsets[e]!; q < ents.segments.offsets[e + 1]!; q++) if (ents.segments.items[q] === s) return q;
    return -1;
  };

  const nameOf = (e: number) => dataset.enterprises[e]!.name;
  const regionName = (q: number) => dataset.regions[q]!.name;
  const entries: RecruitEntry[] = order.map((segmentId) => {
    const info = bySegment.get(segmentId)!;
    const j = chain.segments.findIndex((s) => s.id === segmentId);
    const s = s0 + j;
    const segment = chain.segments[j]!;
    const quoted = `「${segment.name}」`;

    interface Raw {
      e: number;
      buyers: readonly number[];
      links: number;
      value: number;
      unknown: number;
      shared: number[];
      others: number;
      partners: readonly number[];
      affiliates: readonly number[];
    }
    const raw: Raw[] = [];
    for (let k = segments.enterprises.offsets[s]!; k < segments.enterprises.offsets[s + 1]!; k++) {
      const e = segments.enterprises.items[k]!;
      if (flags[e]! & LOCAL || !candidateCode[ents.status[e]!]) continue;
      const slot = slotOf(e, s);
      const count = slotCount[slot]!;
      const value = slotValue[slot]!;
      const unknown = slotUnknown[slot]!;
      const buyers = slotBuyers.get(slot);
      const shared: number[] = [];
      let others = 0;
      for (let q = ents.segments.offsets[e]!; q < ents.segments.offsets[e + 1]!; q++) {
        const t = ents.segments.items[q]!;
        if (t === s || shared.includes(t)) continue;
        others++;
        if (presentHere[t]) shared.push(t);
      }
      // local firms it already trades with, either way (any chain): the ranking's tie-breaker
      const partners = partnersOf(e);
      // local firms of the same group: its local subsidiaries, or its parent when that is local
      let affiliates = localChildren.get(e);
      const parentIdx = parentOf === null ? -1 : parentOf[e]!;
      if (parentIdx >= 0 && localPresent(parentIdx)) affiliates = [...(affiliates ?? []), parentIdx];
      raw.push({
        e,
        buyers: uniqueSorted(model, buyers),
        links: count,
        value,
        unknown,
        shared,
        others,
        partners: uniqueSorted(model, partners),
        affiliates: uniqueSorted(model, affiliates),
      });
    }

    const substitutionBasis: 'value' | 'count' =
      raw.some((x) => x.links > 0) && raw.every((x) => x.unknown === 0) && raw.some((x) => x.value > 0) ? 'value' : 'count';
    const subOf = (x: Raw) => (substitutionBasis === 'value' ? x.value : x.links);
    const maxSub = raw.reduce((m, x) => Math.max(m, subOf(x)), 0);
    const outputs = raw.map((x) => ents.output[x.e]!);
    const employees = raw.map((x) => ents.employees[x.e]!);
    const sizeBasis: 'output' | 'employees' | 'unknown' = outputs.some((o) => Number.isFinite(o) && o > 0)
      ? 'output'
      : employees.some((o) => Number.isFinite(o) && o > 0)
        ? 'employees'
        : 'unknown';
    const sizes = sizeBasis === 'output' ? outputs : sizeBasis === 'employees' ? employees : raw.map(() => Number.NaN);
    const maxSize = sizes.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, v) : m), 0);

    const scored = raw.map((x, i) => {
      const substitution = maxSub > 0 ? subOf(x) / maxSub : 0;
      const size = Number.isFinite(sizes[i]!) && maxSize > 0 ? sizes[i]! / maxSize : 0;
      const relatedness = x.others > 0 ? x.shared.length / x.others : 0;
      const fit = round(weights.substitution * substitution + weights.size * size + weights.relatedness * relatedness, 4);
      return { x, i, substitution, size, relatedness, fit };
    });
    const ties = (x: Raw) => x.partners.length + x.affiliates.length;
    scored.sort((a, b) => b.fit - a.fit || ties(b.x) - ties(a.x) || a.x.e - b.x.e);

    const candidates: RecruitCandidate[] = scored.slice(0, limit).map(({ x, i, substitution, size, relatedness, fit }) => {
      const e = x.e;
      const output = Number.isFinite(outputs[i]!) ? outputs[i]! : null;
      const staff = Number.isFinite(employees[i]!) ? employees[i]! : null;
      const sharedKeys = x.shared.map((t) => segments.keys[t]!);
      const sharedNames = x.shared.map((t) => {
        const [chainId, segId] = segments.keys[t]!.split('/') as [string, string];
        return model.chains.find((ch) => ch.id === chainId)!.segments.find((sg) => sg.id === segId)!.name;
      });
      const buyerNames = x.buyers.map(nameOf);
      const valued = x.links - x.unknown;
      const zhParts = [`${nameOf(e)}（${regionName(ents.region[e]!)}）经营${quoted}环节`];
      const enParts = [`${nameOf(e)} (${regionName(ents.region[e]!)}) operates in ${segment.name} (${segment.id})`];
      if (x.links > 0) {
        zhParts.push(
          `已从外地向本地${buyerNames.join('、')}供货${x.links}条` +
            (valued > 0 ? `（已知金额${formatYi(x.value, 'zh')}${x.unknown > 0 ? `，${x.unknown}条金额未知` : ''}）` : '（金额未知）') +
            '，在本地设厂可替代这部分外购',
        );
        enParts.push(
          `already supplies local ${buyerNames.join(', ')} from outside through ${x.links} link${x.links > 1 ? 's' : ''}` +
            (valued > 0 ? ` (known value ${formatYi(x.value, 'en')}${x.unknown > 0 ? `, ${x.unknown} of unknown value` : ''})` : ' (value unknown)') +
            '; a local plant would substitute that flow',
        );
      }
      if (output !== null) (zhParts.push(`产值${formatYi(output, 'zh')}`), enParts.push(`output ${formatYi(output, 'en')}`));
      else if (staff !== null) (zhParts.push(`从业人员${staff}人`), enParts.push(`${staff} employees`));
      else (zhParts.push('规模未知'), enParts.push('size unknown'));
      if (x.shared.length > 0) {
        zhParts.push(`还在本地已有的${sharedNames.map((nm) => `「${nm}」`).join('、')}环节经营，熟悉本地产业链`);
        enParts.push(`also operates in ${sharedKeys.join(', ')}, which the region has, so it knows the local chain`);
      }
      if (x.affiliates.length > 0) {
        zhParts.push(`在本地已有同一集团的企业${x.affiliates.map(nameOf).join('、')}`);
        enParts.push(`has group companies in the region: ${x.affiliates.map(nameOf).join(', ')}`);
      }
      const partnerNames = x.partners.map(nameOf);
      if (partnerNames.length > 0) {
        zhParts.push(`已与本地企业${partnerNames.join('、')}有供货往来`);
        enParts.push(`already trades with local ${partnerNames.join(', ')}`);
      }
      return {
        enterprise: ents.ids[e]!,
        name: nameOf(e),
        region: regions.ids[ents.region[e]!]!,
        status: ENTERPRISE_STATUSES[ents.status[e]!]!,
        fit,
        components: {
          substitution: {
            value: round(substitution, 4),
            weight: round(weights.substitution, 4),
            basis: substitutionBasis,
            localBuyers: x.buyers.map((b) => ents.ids[b]!),
            links: x.links,
            linkValue: round(x.value, 4),
            linksWithoutValue: x.unknown,
          },
          size: { value: round(size, 4), weight: round(weights.size, 4), basis: sizeBasis, output, employees: staff },
          relatedness: { value: round(relatedness, 4), weight: round(weights.relatedness, 4), sharedSegments: sharedKeys, otherSegments: x.others },
        },
        localPartners: x.partners.map((b) => ents.ids[b]!),
        localAffiliates: x.affiliates.map((b) => ents.ids[b]!),
        reason: { zh: `${zhParts.join('；')}。匹配度${fit}。`, en: `${enParts.join('; ')}. Fit ${fit}.` },
      };
    });

    const gapZh = info.gaps.map((g) => GAP_ZH[g]).join('、');
    const products = segment.products && segment.products.length > 0 ? segment.products : undefined;
    const reason: Reason =
      raw.length === 0
        ? {
            zh: `${quoted}环节（${gapZh}）：数据中没有本地以外经营该环节的企业，请按该环节${products ? `产品（${products.join('、')}）` : '产品'}寻找目标企业。`,
            en: `${segment.name} (${segment.id}; ${info.gaps.join(', ')}): the data hold no firm outside the region in this segment; look for firms making ${products ? products.join(', ') : 'its products'}.`,
          }
        : {
            zh: `${quoted}环节（${gapZh}，严重度${info.severity}）：数据中有${raw.length}家本地以外的企业经营该环节，列出匹配度最高的${candidates.length}家。`,
            en: `${segment.name} (${segment.id}; ${info.gaps.join(', ')}, severity ${info.severity}): ${raw.length} firm${raw.length > 1 ? 's' : ''} outside the region operate in this segment; the ${candidates.length} best fitting are listed.`,
          };
    return {
      chain: chain.id,
      segment: segment.id,
      segmentName: segment.name,
      gaps: info.gaps,
      severity: info.severity,
      beingFilledBy: info.beingFilledBy,
      plannedProjects: info.plannedProjects,
      candidates,
      candidatesTotal: raw.length,
      reason,
    };
  });

  return {
    chain: chain.id,
    region: scope.region,
    entries,
    summary: {
      gaps: entries.length,
      withCandidates: entries.filter((e) => e.candidatesTotal > 0).length,
      withoutCandidates: entries.filter((e) => e.candidatesTotal === 0).length,
      candidates: entries.reduce((a, e) => a + e.candidates.length, 0),
    },
    assumptions: {
      limit,
      weights: { substitution: round(weights.substitution, 6), size: round(weights.size, 6), relatedness: round(weights.relatedness, 6) },
      candidateStatuses,
      codes,
      gaps: gaps.assumptions,
    },
  };
}
