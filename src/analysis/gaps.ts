/**
 * Gap finding (补链 / 强链 / 延链): where the chain, as it exists in a region and its
 * sub-regions, is broken, thin or dependent on outside supply, ranked by a documented severity.
 *
 * Method
 * - Local presence: a segment is present when a local enterprise with a counted status
 *   (default 在产 operating, 在建 under construction) operates in it.
 * - Findings, one kind per question a planner asks:
 *   `missing_segment` (缺链) no local presence; `thin_segment` (短板, 强链) a single local
 *   supplier or local supply concentrated, Herfindahl HHI = Σ s_i² above 0.25 — the "highly
 *   concentrated" band of the US DOJ/FTC Horizontal Merger Guidelines (2010, §5.3: HHI above
 *   2500 on the 10 000 scale); `external_dependency` (补链 by substitution) local buyers
 *   sourcing the segment's product from outside; `capacity_shortfall` local demand derived from
 *   input coefficients, D_s = Σ_t a_st · x_t over the segments t that s flows into, exceeds
 *   local output x_s (the technical-coefficient reading of A = Z x̂⁻¹, Miller & Blair,
 *   Input-Output Analysis, ch. 2); `extension_opportunity` (延链) a missing segment directly
 *   upstream (backward: it supplies a local segment) or downstream (forward: a local segment
 *   supplies it) of a present one.
 * - HHI shares, in this order (the finding says which, `hhiBasis`): the local firms' outputs
 *   when all are known; else the value of the supply links of the segment's product each firm
 *   sends (to any buyer) when every firm has such links and all values are known; else their
 *   number; else, with n firms and nothing known, the lower bound 1/n (equal shares) when it
 *   already exceeds the threshold — with the default 0.25 two or three firms are always
 *   concentrated; otherwise the HHI is not computed and `limitations` says so.
 * - Capacity: local output of a segment is the sum over its local present firms, known only when
 *   every one is; demand sums the terms a_st · x_t whose coefficient and local output are known —
 *   a lower bound when some are not (`demandComplete: false`, `excluded` lists them); a
 *   shortfall is reported only when the local output is known and below that demand.
 * - Severity in [0, 1] = w_v·value + w_c·criticality + w_f·feasibility (weights normalised to
 *   sum 1; default 0.5 / 0.3 / 0.2), times (1 − fillingReduction) when projects under way fill
 *   the gap (default reduction 0.5).
 *   · value = share × extent. share = W(D) / W(L ∪ D), where L are the local present firms of the
 *     chain, D the local firms that depend on the gap (firms in the segments directly
 *     downstream — or, for a forward extension, directly upstream — or the local buyers of an
 *     external flow), and W sums firm weights: leaderWeight (default 3) for a 链主 of the chain,
 *     1 otherwise, times the firm's output when every firm of L has a known output (basis
 *     "output"), else not (basis "count"). extent is how open the gap is: 1 for missing segments
 *     and extensions, the HHI for thin segments, the external share of local buyers' sourcing for
 *     external dependencies, shortfall / demand for capacity shortfalls.
 *   · criticality = the segment's transitive downstream reach in the flow DAG: Σ valueShare of
 *     the segments reachable from it over Σ valueShare of the other segments when every segment
 *     has a valueShare (basis "valueShare"), else the count of reachable segments over n − 1
 *     (basis "segments").
 *   · feasibility = relatedness density ω (Hidalgo et al. 2007; see ./relatedness.ts) of the
 *     segment for the region, over a region × segment matrix of counts of present firms in every
 *     segment of every chain of the model, the rows being the region's peers (default the
 *     children of its parent; option: every region at its depth), when at least `minRegions`
 *     (default 3) peers have activity in the chain and some peer has the segment with RCA ≥ 1;
 *     otherwise a neutral 0.5, and the result says why.
 * - Projects under way (default 签约 signed, 在建 under construction, 投产 in production) in the
 *   region and in the segment — a project without a segment counts for its enterprise's segment
 *   when the enterprise has exactly one in the chain — and local enterprises with status 签约
 *   (signed) in the segment count as filling the gap (`beingFilledBy`); a project of a firm
 *   already present in the segment does not (it is that presence). Planned projects (规划) are
 *   listed in `plannedProjects` and do not change the severity.
 * - Links count when their status is active or brokered (撮合). A link's product segment is its
 *   `segment` when given, else inferred: the single segment of the supplier in the chain that
 *   flows into a segment of the buyer; links that cannot be placed are counted and reported.
 *
 * Assumptions: the chain template lists the segments a complete local chain would have;
 * firms' activities are as recorded; numbers (outputs, link values, coefficients) are used only
 * where given — what cannot be computed is listed in `limitations`, never estimated.
 *
 * Ranking: severity (rounded to 4 decimals) descending, then segment order in the chain, then
 * kind (missing, thin, external, capacity, extension; backward before forward).
 *
 * Cost: linear. One sequential pass over the supply links (a link's product segment is inferred
 * only for links that can matter), one over the enterprises (the relatedness counts, by region)
 * and the chain's segment → enterprise rows, with typed arrays over the enterprises and the
 * (firm, segment) activities taken from the model's scratch arena (../internal/scratch.ts), so
 * that calls after the first allocate no typed-array memory; no pairs of firms or regions beyond
 * the peers' matrix. Sums of link values are taken in the order of a walk over the buyers of the
 * region (a stable counting sort), so they do not depend on how the links are scanned.
 */
import type { ChainModel } from '../graph/model.js';
import { enterprisesInRegionIdx, regionWithinIdx } from '../graph/queries.js';
import { round, formatShare, formatYi } from '../internal/format.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';
import {
  ENTERPRISE_STATUSES,
  LINK_STATUSES,
  PROJECT_STATUSES,
  ROLES,
  STAGES,
  type EnterpriseStatus,
  type LinkStatus,
  type ProjectStatus,
  type Stage,
} from '../model/vocabulary.js';
import {
  applyChainRoles,
  distinctSorted,
  OTHER_CHAIN,
  productSegmentCode,
  resolveScope,
  sortedUnique,
  UNRESOLVED,
  type Reason,
  type ScopeOptions,
} from './scope/index.js';
import { presence, proximity, relatednessDensity, revealedComparativeAdvantage, ubiquity } from './relatedness.js';

// the product segment of a link is shared with the renderers; the barrel exports it with the gaps
export { linkProductSegment } from './scope/index.js';
export type { LinkSegmentBasis } from './scope/index.js';

/** Kinds of gap findings. */
export type GapCode =
  | 'missing_segment'
  | 'thin_segment'
  | 'external_dependency'
  | 'capacity_shortfall'
  | 'extension_opportunity';

/**
 * The kinds of gap finding, in the order the kinds of one segment are listed when severities tie.
 *
 * @example
 * GAP_CODES.indexOf('thin_segment'); // 1
 */
export const GAP_CODES: readonly GapCode[] = [
  'missing_segment',
  'thin_segment',
  'external_dependency',
  'capacity_shortfall',
  'extension_opportunity',
];

/** Weights of the severity components (normalised to sum 1). */
export interface SeverityWeights {
  value: number;
  criticality: number;
  feasibility: number;
}

/** Options of {@link findGaps}. */
export interface GapOptions extends ScopeOptions {
  /** The chain to examine (required). */
  chain: string;
  /** Enterprise statuses that make a segment present. Default `['operating', 'under-construction']`. */
  presentStatuses?: readonly EnterpriseStatus[];
  /** Link statuses that count as supply. Default `['active', 'brokered']`. */
  linkStatuses?: readonly LinkStatus[];
  /** HHI above which local supply is concentrated. Default 0.25 (DOJ/FTC 2010: 2500). */
  hhiThreshold?: number;
  /** Severity weights. Default `{ value: 0.5, criticality: 0.3, feasibility: 0.2 }`. */
  weights?: Partial<SeverityWeights>;
  /** Weight of a 链主 (chain leader) among the firms that depend on a gap. Default 3. */
  leaderWeight?: number;
  /** Project statuses that count as filling a gap. Default `['signed', 'under-construction', 'in-production']`. */
  fillingProjectStatuses?: readonly ProjectStatus[];
  /** Statuses of local enterprises that count as filling a gap. Default `['signed']`. */
  fillingEnterpriseStatuses?: readonly EnterpriseStatus[];
  /** Share of severity removed when a gap is being filled, in [0, 1]. Default 0.5. */
  fillingReduction?: number;
  /** Regions compared for relatedness: `'siblings'` (children of the region's parent) or `'depth'`. Default `'siblings'`. */
  peers?: 'siblings' | 'depth';
  /** Peer regions with activity in the chain needed for relatedness. Default 3. */
  minRegions?: number;
  /** RCA threshold of presence in the relatedness matrix. Default 1. */
  rcaThreshold?: number;
  /** Feasibility used when relatedness is not available. Default 0.5. */
  neutralFeasibility?: number;
}

/** One component of a severity. */
export interface SeverityComponent {
  /** Component value in [0, 1]. */
  value: number;
  /** Normalised weight. */
  weight: number;
  /** How the value was computed. */
  basis: string;
}

/** The numbers behind a severity. */
export interface SeverityBreakdown {
  value: SeverityComponent & {
    basis: 'output' | 'count';
    /** W(D) / W(L ∪ D). */
    share: number;
    /** How open the gap is, in [0, 1]. */
    extent: number;
    /** Local firms that depend on the gap (D). */
    dependants: string[];
    /** The 链主 among them. */
    leaders: string[];
  };
  criticality: SeverityComponent & { basis: 'valueShare' | 'segments'; downstream: string[] };
  feasibility: SeverityComponent & { basis: 'relatedness-density' | 'neutral' };
  /** Weighted sum before the filling reduction. */
  raw: number;
  /** Reduction applied because the gap is being filled (0 if not). */
  fillingReduction: number;
}

/** A project or enterprise filling a gap. */
export interface FillingEntry {
  project: string | null;
  enterprise: string | null;
  status: ProjectStatus | EnterpriseStatus;
  productionYear: number | null;
}

interface FindingBase {
  chain: string;
  segment: string;
  segmentName: string;
  stage: Stage;
  /** Enterprise ids involved. */
  enterprises: string[];
  severity: number;
  components: SeverityBreakdown;
  beingFilledBy: FillingEntry[];
  /** Projects in the region and segment that are only planned (谋划/规划): listed, not counted. */
  plannedProjects: FillingEntry[];
  reason: Reason;
}

/** 缺链: no local presence in the segment. */
export interface MissingSegmentFinding extends FindingBase {
  code: 'missing_segment';
  /** Local enterprises in the segment with statuses that do not count as present. */
  notPresent: { enterprise: string; status: EnterpriseStatus }[];
}

/** How an HHI was computed. */
export type HhiBasis = 'single-supplier' | 'output' | 'link-value' | 'link-count' | 'lower-bound';

/** 短板: a single or concentrated local supply. */
export interface ThinSegmentFinding extends FindingBase {
  code: 'thin_segment';
  trigger: 'single-supplier' | 'concentrated';
  suppliers: string[];
  hhi: number;
  hhiBasis: HhiBasis;
  hhiThreshold: number;
  /** Shares behind the HHI (equal shares for `lower-bound`). */
  shares: { enterprise: string; share: number }[];
}

/** Local buyers sourcing the segment's product from outside. */
export interface ExternalDependencyFinding extends FindingBase {
  code: 'external_dependency';
  buyers: string[];
  suppliers: string[];
  links: number;
  /** Known value of those links, 亿元. */
  value: number;
  linksWithValue: number;
  linksWithoutValue: number;
  /** Share of local buyers' sourcing of the product that comes from outside. */
  externalShare: number;
  externalShareBasis: 'value' | 'count';
  /** How each link's product segment was known. */
  segmentBasis: { given: number; inferred: number };
}

/** Local demand derived from input coefficients exceeds local output. */
export interface CapacityShortfallFinding extends FindingBase {
  code: 'capacity_shortfall';
  /** Local demand, 亿元 (a lower bound when `demandComplete` is false). */
  demand: number;
  localOutput: number;
  shortfall: number;
  demandComplete: boolean;
  terms: { segment: string; coefficient: number; localOutput: number; demand: number }[];
  excluded: { segment: string; reason: 'coefficient_unknown' | 'output_unknown' }[];
}

/** 延链: a missing segment next to a present one. */
export interface ExtensionOpportunityFinding extends FindingBase {
  code: 'extension_opportunity';
  direction: 'backward' | 'forward';
  /** Present segments it connects to. */
  adjacent: string[];
}

/** A gap finding. */
export type GapFinding =
  | MissingSegmentFinding
  | ThinSegmentFinding
  | ExternalDependencyFinding
  | CapacityShortfallFinding
  | ExtensionOpportunityFinding;

/** State of one segment of the chain in the region. */
export interface SegmentState {
  segment: string;
  name: string;
  stage: Stage;
  present: boolean;
  localEnterprises: string[];
  /** Σ output of the local present firms, 亿元; null when any is unknown. */
  localOutput: number | null;
  criticality: number;
  feasibility: number;
  feasibilityBasis: 'relatedness-density' | 'neutral';
}

/** Something the analysis could not compute, and why. */
export interface GapLimitation {
  code: 'feasibility_neutral' | 'hhi_unknown' | 'capacity_unknown' | 'unresolved_links';
  segments: string[];
  reason: Reason;
}

/** Result of {@link findGaps}. */
export interface GapsResult {
  chain: string;
  region: string;
  findings: GapFinding[];
  segments: SegmentState[];
  summary: {
    segments: number;
    present: number;
    missing: number;
    thin: number;
    externalDependencies: number;
    capacityShortfalls: number;
    extensionOpportunities: number;
    beingFilled: number;
    localEnterprises: number;
    findings: number;
  };
  limitations: GapLimitation[];
  assumptions: {
    presentStatuses: EnterpriseStatus[];
    linkStatuses: LinkStatus[];
    hhiThreshold: number;
    weights: SeverityWeights;
    leaderWeight: number;
    fillingProjectStatuses: ProjectStatus[];
    fillingEnterpriseStatuses: EnterpriseStatus[];
    fillingReduction: number;
    peers: 'siblings' | 'depth';
    minRegions: number;
    rcaThreshold: number;
    neutralFeasibility: number;
    valueBasis: 'output' | 'count';
    criticalityBasis: 'valueShare' | 'segments';
    feasibility: { available: boolean; peerRegions: string[]; activeRegions: number };
  };
}

const DEFAULT_WEIGHTS: SeverityWeights = { value: 0.5, criticality: 0.3, feasibility: 0.2 };

const STATUS_ZH: Record<string, string> = {
  operating: '在产',
  'under-construction': '在建',
  signed: '签约',
  planned: '规划',
  prospect: '意向',
  closed: '关停',
  'in-production': '投产',
  'at-capacity': '达产',
  cancelled: '取消',
};
const HHI_BASIS_ZH: Record<HhiBasis, string> = {
  'single-supplier': '唯一供应企业',
  output: '按产值',
  'link-value': '按供货金额',
  'link-count': '按供货关系数',
  'lower-bound': '按等份额下限',
};
const HHI_BASIS_EN: Record<HhiBasis, string> = {
  'single-supplier': 'single supplier',
  output: 'by output',
  'link-value': 'by supply value',
  'link-count': 'by number of supply links',
  'lower-bound': 'lower bound with equal shares',
};

function fail(message: string, details: Record<string, unknown>): never {
  throw new ChainError('invalid_argument', message, details);
}

function unit(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) fail(`${name} must be in [0, 1], got ${value}`, { [name]: value });
  return value;
}

function codes<T extends string>(all: readonly T[], picked: readonly T[], name: string): Uint8Array {
  const flags = new Uint8Array(all.length);
  for (const s of picked) {
    const i = all.indexOf(s);
    if (i < 0) fail(`unknown ${name} "${s}"`, { [name]: s, valid: all });
    flags[i] = 1;
  }
  return flags;
}

/**
 * Normalises weights to sum 1; throws a ChainError on negative, non-finite or all-zero weights.
 *
 * @example
 * normaliseWeights({ value: 2, criticality: 1, feasibility: 1 });
 * // → { value: 0.5, criticality: 0.25, feasibility: 0.25 }
 */
export function normaliseWeights<K extends string>(weights: Record<K, number>, name = 'weights'): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  let total = 0;
  for (const k of keys) {
    const w = weights[k];
    if (!Number.isFinite(w) || w < 0) fail(`${name}.${k} must be a finite number ≥ 0, got ${w}`, { [k]: w });
    total += w;
  }
  if (total <= 0) fail(`${name} must not all be 0`, { weights });
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = weights[k] / total;
  return out;
}

const statusListZh = (statuses: readonly string[]) => statuses.map((s) => STATUS_ZH[s] ?? s).join('或');
const statusListEn = (statuses: readonly string[]) => statuses.join(' or ');

function fillingText(entries: readonly FillingEntry[], model: ChainModel): Reason | undefined {
  if (entries.length === 0) return undefined;
  const { dataset } = model;
  const projectName = (id: string) => dataset.projects[model.index.projects.byId.get(id)!]!.name;
  const enterpriseName = (id: string) => dataset.enterprises[model.index.enterprises.byId.get(id)!]!.name;
  const zh = entries.map((f) =>
    f.project !== null
      ? `正由项目${projectName(f.project)}（${STATUS_ZH[f.status] ?? f.status}）填补，${f.productionYear === null ? '投产时间未知' : `预计${f.productionYear}年投产`}`
      : `正由${STATUS_ZH[f.status] ?? f.status}企业${enterpriseName(f.enterprise!)}填补`,
  );
  const en = entries.map((f) =>
    f.project !== null
      ? `being filled by project ${projectName(f.project)} (${f.status}), ${f.productionYear === null ? 'production year unknown' : `production expected ${f.productionYear}`}`
      : `being filled by ${f.status} firm ${enterpriseName(f.enterprise!)}`,
  );
  return { zh: `${zh.join('；')}。`, en: `${en.join('; ')}.` };
}

function plannedText(entries: readonly FillingEntry[], model: ChainModel): Reason | undefined {
  if (entries.length === 0) return undefined;
  const names = entries.map((f) => model.dataset.projects[model.index.projects.byId.get(f.project!)!]!.name);
  return {
    zh: `已规划项目${names.join('、')}（尚未签约，未计入填补）。`,
    en: `Planned project${names.length > 1 ? 's' : ''} ${names.join(', ')} (not yet signed; not counted as filling).`,
  };
}

/** Bits of the per-enterprise flags of {@link findGaps}. */
const LOCAL = 1;
const LOCAL_PRESENT = 2;
const MEMBER = 4;
const IN_CHAIN_LOCAL = 8;
const UNRESOLVED_SUPPLIER = 16;

/** How local buyers source the product of one segment (see {@link scanSupplyLinks}). */
interface Sourcing {
  extLinks: number;
  extValue: number;
  extUnknown: number;
  localLinks: number;
  localValue: number;
  localUnknown: number;
  /** Local buyers of outside supply (with repeats). */
  buyers: number[];
  /** Outside suppliers (with repeats). */
  suppliers: number[];
  given: number;
  inferred: number;
}

/**
 * The flags of every enterprise for {@link findGaps} (LOCAL, LOCAL_PRESENT, MEMBER of the chain
 * `[s0, s1)`, IN_CHAIN_LOCAL), and per segment of the chain its local present firms and its local
 * firms of other statuses, in dataset order (the segment CSR keeps enterprise order); `chainLocal`
 * lists the local present members once each, ascending.
 */
function localFirms(s: Scratch, model: ChainModel, s0: number, s1: number, presentCode: Uint8Array, regionFirms: Int32Array) {
  const { enterprises: ents, segments } = model.index;
  const flags = s.uint8(ents.ids.length);
  for (let i = 0; i < regionFirms.length; i++) {
    const e = regionFirms[i]!;
    flags[e] = presentCode[ents.status[e]!] === 1 ? LOCAL | LOCAL_PRESENT : LOCAL;
  }
  const localBySeg: number[][] = [];
  const notPresentBySeg: number[][] = [];
  const chainLocalList: number[] = [];
  for (let g = s0; g < s1; g++) {
    const here: number[] = [];
    const other: number[] = [];
    for (let k = segments.enterprises.offsets[g]!; k < segments.enterprises.offsets[g + 1]!; k++) {
      const e = segments.enterprises.items[k]!;
      const f = flags[e]!;
      flags[e] = f | MEMBER;
      if (!(f & LOCAL)) continue;
      if (f & LOCAL_PRESENT) {
        here.push(e);
        if (!(f & IN_CHAIN_LOCAL)) (flags[e] = f | MEMBER | IN_CHAIN_LOCAL, chainLocalList.push(e));
      } else other.push(e);
    }
    localBySeg.push(here);
    notPresentBySeg.push(other);
  }
  const chainLocal = s.int32(chainLocalList.length);
  chainLocal.set(chainLocalList);
  return { flags, localBySeg, notPresentBySeg, chainLocal: chainLocal.sort() };
}

/**
 * Present firms (status flagged in `presentCode`) per (region, segment) cell, by the firms' own
 * region, row-major over every segment of the model, in one sequential pass over the enterprises.
 */
function presentCountsByRegion(s: Scratch, model: ChainModel, presentCode: Uint8Array): Float64Array {
  const { enterprises: ents, segments, regions } = model.index;
  const columns = segments.keys.length;
  const counts = s.float64(regions.ids.length * columns);
  const { offsets, items } = ents.segments;
  for (let e = 0; e < ents.ids.length; e++) {
    if (presentCode[ents.status[e]!] !== 1) continue;
    const base = ents.region[e]! * columns;
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) counts[base + items[k]!]! += 1;
  }
  return counts;
}

/** Position of segment `s` in the enterprise → segments CSR row of `e` (its (firm, segment) slot), -1 if absent. */
function slotIndex(model: ChainModel, e: number, s: number): number {
  const { offsets, items } = model.index.enterprises.segments;
  for (let q = offsets[e]!; q < offsets[e + 1]!; q++) if (items[q] === s) return q;
  return -1;
}

/**
 * The supply links {@link findGaps} reads, in one sequential pass over the link arrays (walking
 * the buyers' and suppliers' CSR rows instead costs a random access per link at scale), in a
 * function of its own so that V8 optimises the loop on its own.
 * - Sourcing of each chain segment by the local present buyers (`flags` LOCAL_PRESENT) over counted
 *   links: counts, value sums and the outside buyers and suppliers. The values are summed in the
 *   order of a walk over the buyers in `regionFirms` order and their incoming links in link
 *   order (the CSR keeps input order): the valued links are kept with the buyer's rank and put
 *   in that order by a stable counting sort first.
 * - Per (local present member, segment) slot: the counted links it sends of that segment's product
 *   (to any buyer), their known value (summed in link order) and whether any value is unknown.
 * - Links from outside whose product cannot be placed (UNRESOLVED), with their suppliers.
 * The product segment is found by productSegmentCode only for links that can matter: counted,
 * with a local present buyer or a local present supplier in the chain, and not given a segment
 * of another chain. Its arrays, the returned ones too, are taken from `s`: valid in the caller's
 * scope only.
 */
function scanSupplyLinks(
  s: Scratch,
  model: ChainModel,
  s0: number,
  s1: number,
  linkCode: Uint8Array,
  flags: Uint8Array,
  regionFirms: Int32Array,
) {
  const { links, enterprises: ents } = model.index;
  const n = s1 - s0;
  const sourcing: Sourcing[] = Array.from({ length: n }, () => ({
    extLinks: 0,
    extValue: 0,
    extUnknown: 0,
    localLinks: 0,
    localValue: 0,
    localUnknown: 0,
    buyers: [],
    suppliers: [],
    given: 0,
    inferred: 0,
  }));
  const rank = s.int32(ents.ids.length);
  for (let i = 0; i < regionFirms.length; i++) rank[regionFirms[i]!] = i;
  let valued = 0;
  let valuedRank = s.int32(1024);
  let valuedSlot = s.int32(1024);
  let valuedValue = s.float64(1024);
  const slots = ents.segments.items.length;
  const slotCount = s.int32(slots);
  const slotValue = s.float64(slots);
  const slotUnknown = s.uint8(slots);
  let unresolved = 0;
  const unresolvedSuppliers: number[] = [];
  const linkCount = links.from.length;
  for (let k = 0; k < linkCount; k++) {
    // links of another chain's product count nowhere: tell them by the sequential arrays first
    const given = links.segment[k]!;
    if (given >= 0 && (given < s0 || given >= s1)) continue;
    if (!linkCode[links.status[k]!]) continue;
    const a = links.from[k]!;
    const b = links.to[k]!;
    const fa = flags[a]!;
    const buyerOk = (flags[b]! & LOCAL_PRESENT) !== 0;
    const supplierOk = (fa & (LOCAL_PRESENT | MEMBER)) === (LOCAL_PRESENT | MEMBER);
    if (!buyerOk && !supplierOk) continue;
    let code: number;
    if (given >= 0) code = given << 1;
    else code = fa & MEMBER ? productSegmentCode(model, k, s0, s1) : OTHER_CHAIN;
    const v = links.value[k]!;
    if (supplierOk && code >= 0) {
      const q = slotIndex(model, a, code >> 1);
      if (q >= 0) {
        slotCount[q]!++;
        if (Number.isFinite(v)) slotValue[q]! += v;
        else slotUnknown[q] = 1;
      }
    }
    if (!buyerOk) continue;
    const local = (fa & LOCAL) !== 0;
    if (code < 0) {
      if (code === UNRESOLVED && !local) {
        unresolved++;
        if (!(fa & UNRESOLVED_SUPPLIER)) (flags[a] = fa | UNRESOLVED_SUPPLIER, unresolvedSuppliers.push(a));
      }
      continue;
    }
    const j = (code >> 1) - s0;
    const agg = sourcing[j]!;
    const finite = Number.isFinite(v);
    if (finite) {
      if (valued === valuedRank.length) {
        // doubled in the arena: the outgrown arrays stay taken until the scope ends (< the final size)
        const grow = <T extends Int32Array | Float64Array>(from: T, to: T) => (to.set(from), to);
        valuedRank = grow(valuedRank, s.int32(2 * valued));
        valuedSlot = grow(valuedSlot, s.int32(2 * valued));
        valuedValue = grow(valuedValue, s.float64(2 * valued));
      }
      valuedRank[valued] = rank[b]!;
      valuedSlot[valued] = local ? 2 * j : 2 * j + 1;
      valuedValue[valued++] = v;
    }
    if (local) {
      agg.localLinks++;
      if (!finite) agg.localUnknown++;
    } else {
      agg.extLinks++;
      if (!finite) agg.extUnknown++;
      agg.buyers.push(b);
      agg.suppliers.push(a);
      if ((code & 1) === 0) agg.given++;
      else agg.inferred++;
    }
  }
  // the valued links by buyer rank (stable: link order within a buyer), then summed
  const start = s.int32(regionFirms.length + 1);
  for (let i = 0; i < valued; i++) start[valuedRank[i]! + 1]!++;
  for (let i = 0; i < regionFirms.length; i++) start[i + 1]! += start[i]!;
  const order = s.int32(valued);
  for (let i = 0; i < valued; i++) order[start[valuedRank[i]!]!++] = i;
  const sums = new Float64Array(2 * n);
  for (let i = 0; i < valued; i++) sums[valuedSlot[order[i]!]!]! += valuedValue[order[i]!]!;
  for (let j = 0; j < n; j++) {
    sourcing[j]!.localValue = sums[2 * j]!;
    sourcing[j]!.extValue = sums[2 * j + 1]!;
  }
  return { sourcing, slotCount, slotValue, slotUnknown, unresolved, unresolvedSuppliers };
}

/**
 * Finds the gaps of a chain in a region (and its sub-regions): missing and thin segments,
 * external dependencies, capacity shortfalls and extension opportunities, each with a severity
 * in [0, 1], the numbers behind it and a reason in Chinese and English. Unknown chain or region
 * ids throw a ChainError listing the valid ones.
 *
 * @example
 * const { findings, limitations } = findGaps(model, { chain: 'wind-power', region: 'jiuquan' });
 * findings[0];
 * // → { code: 'missing_segment', segment: 'steel', severity: 0.45,
 * //     reason: { zh: '本地缺少「钢材」环节：没有在产或在建企业。直接下游有2家本地企业需要其产品。严重度0.45。', en: … }, … }
 * limitations.map((l) => l.code); // ['capacity_unknown', …, 'feasibility_neutral']
 */
export function findGaps(model: ChainModel, options: GapOptions): GapsResult {
  return withScratch(model, (scratch) => gapsWith(scratch, model, options));
}

/** {@link findGaps} with its temporary arrays taken from `scratch` (valid for the call only). */
function gapsWith(scratch: Scratch, model: ChainModel, options: GapOptions): GapsResult {
  const scope = resolveScope(model, options, true);
  const { index, dataset } = model;
  const c = scope.chainIndex!;
  const r = scope.regionIndex;
  const chain = model.chains[c]!;
  const { segments, flows, links, enterprises: ents, regions } = index;
  const s0 = segments.chainStart[c]!;
  const s1 = segments.chainStart[c + 1]!;
  const n = s1 - s0;

  const presentStatuses = [...(options.presentStatuses ?? ['operating', 'under-construction'])] as EnterpriseStatus[];
  const linkStatuses = [...(options.linkStatuses ?? ['active', 'brokered'])] as LinkStatus[];
  const fillingProjectStatuses = [...(options.fillingProjectStatuses ?? ['signed', 'under-construction', 'in-production'])] as ProjectStatus[];
  const fillingEnterpriseStatuses = [...(options.fillingEnterpriseStatuses ?? ['signed'])] as EnterpriseStatus[];
  const hhiThreshold = unit('hhiThreshold', options.hhiThreshold ?? 0.25);
  const fillingReduction = unit('fillingReduction', options.fillingReduction ?? 0.5);
  const neutralFeasibility = unit('neutralFeasibility', options.neutralFeasibility ?? 0.5);
  const leaderWeight = options.leaderWeight ?? 3;
  if (!Number.isFinite(leaderWeight) || leaderWeight < 0) fail(`leaderWeight must be a finite number ≥ 0, got ${leaderWeight}`, { leaderWeight });
  const weights = normaliseWeights({ ...DEFAULT_WEIGHTS, ...options.weights });
  const peers = options.peers ?? 'siblings';
  if (peers !== 'siblings' && peers !== 'depth') fail(`peers must be 'siblings' or 'depth', got ${String(peers)}`, { peers });
  const minRegions = options.minRegions ?? 3;
  if (!Number.isInteger(minRegions) || minRegions < 1) fail(`minRegions must be an integer ≥ 1, got ${minRegions}`, { minRegions });
  const rcaThreshold = options.rcaThreshold ?? 1;
  if (!Number.isFinite(rcaThreshold) || rcaThreshold < 0) fail(`rcaThreshold must be a finite number ≥ 0, got ${rcaThreshold}`, { rcaThreshold });

  const presentCode = codes(ENTERPRISE_STATUSES, presentStatuses, 'presentStatuses');
  const linkCode = codes(LINK_STATUSES, linkStatuses, 'linkStatuses');
  const fillProjectCode = codes(PROJECT_STATUSES, fillingProjectStatuses, 'fillingProjectStatuses');
  const fillEnterpriseCode = codes(ENTERPRISE_STATUSES, fillingEnterpriseStatuses, 'fillingEnterpriseStatuses');

  const idOf = (e: number) => ents.ids[e]!;
  const nameOf = (e: number) => dataset.enterprises[e]!.name;
  const segId = (j: number) => chain.segments[j]!.id;
  const segName = (j: number) => chain.segments[j]!.name;
  const isPresent = (e: number) => presentCode[ents.status[e]!] === 1;
  const leaderCode = ROLES.indexOf('leader');
  const roleCode = applyChainRoles(model, c, scratch.copy(ents.role));
  const isLeader = (e: number) => roleCode[e] === leaderCode;

  // per-enterprise flags (typed, in the scratch arena): LOCAL in the region, LOCAL_PRESENT also
  // with a present status, MEMBER operates in a segment of the chain, IN_CHAIN_LOCAL local present
  // member
  const N = ents.ids.length;
  const regionFirms = enterprisesInRegionIdx(model, r);
  const { flags, localBySeg, notPresentBySeg, chainLocal } = localFirms(scratch, model, s0, s1, presentCode, regionFirms);
  const inChainLocal = (e: number) => (flags[e]! & IN_CHAIN_LOCAL) !== 0;
  const present = localBySeg.map((l) => l.length > 0);

  // value weights
  const valueBasis: 'output' | 'count' =
    chainLocal.length > 0 && chainLocal.every((e) => Number.isFinite(ents.output[e]!)) && chainLocal.some((e) => ents.output[e]! > 0)
      ? 'output'
      : 'count';
  const weightOf = (e: number) =>
    (isLeader(e) ? leaderWeight : 1) * (valueBasis === 'output' ? (Number.isFinite(ents.output[e]!) ? ents.output[e]! : 0) : 1);
  let totalLocalWeight = 0;
  for (let i = 0; i < chainLocal.length; i++) totalLocalWeight += weightOf(chainLocal[i]!);

  // segment adjacency within the chain (local indices)
  const downOf: number[][] = [];
  const upOf: number[][] = [];
  for (let j = 0; j < n; j++) {
    const s = s0 + j;
    const down: number[] = [];
    for (let k = flows.out.offsets[s]!; k < flows.out.offsets[s + 1]!; k++) down.push(flows.to[flows.out.items[k]!]! - s0);
    const up: number[] = [];
    for (let k = flows.in.offsets[s]!; k < flows.in.offsets[s + 1]!; k++) up.push(flows.from[flows.in.items[k]!]! - s0);
    downOf.push([...new Set(down)].sort((a, b) => a - b));
    upOf.push([...new Set(up)].sort((a, b) => a - b));
  }
  const firmsIn = (segs: readonly number[]): number[] => {
    if (segs.length === 1) return localBySeg[segs[0]!]!.slice();
    // a scope of its own: the array is free again once the distinct firms are copied out
    return withScratch(model, (local) => {
      let total = 0;
      for (const t of segs) total += localBySeg[t]!.length;
      const all = local.int32(total);
      let at = 0;
      for (const t of segs) for (const e of localBySeg[t]!) all[at++] = e;
      return distinctSorted(all.sort());
    });
  };

  // criticality: transitive downstream reach
  const shares = chain.segments.map((s) => s.valueShare);
  const criticalityBasis: 'valueShare' | 'segments' = n > 0 && shares.every((v) => v !== undefined) ? 'valueShare' : 'segments';
  const reach: number[][] = [];
  const criticality: number[] = [];
  for (let j = 0; j < n; j++) {
    const seen = new Uint8Array(n);
    seen[j] = 1;
    const queue = [j];
    const found: number[] = [];
    while (queue.length > 0) {
      const t = queue.pop()!;
      for (const u of downOf[t]!) if (!seen[u]) (seen[u] = 1, found.push(u), queue.push(u));
    }
    found.sort((a, b) => a - b);
    reach.push(found);
    if (criticalityBasis === 'valueShare') {
      let others = 0;
      for (let t = 0; t < n; t++) if (t !== j) others += shares[t]!;
      criticality.push(others > 0 ? found.reduce((a, t) => a + shares[t]!, 0) / others : 0);
    } else criticality.push(n > 1 ? found.length / (n - 1) : 0);
  }

  // feasibility: relatedness density over peer regions
  const feasibility = new Array<number>(n).fill(neutralFeasibility);
  const feasibilityBasis = new Array<'relatedness-density' | 'neutral'>(n).fill('neutral');
  const parent = regions.parent[r]!;
  const peerRegions: number[] = [];
  for (let q = 0; q < regions.ids.length; q++) {
    if (peers === 'siblings' ? regions.parent[q] === parent : regions.depth[q] === regions.depth[r]) peerRegions.push(q);
  }
  const allSegments = segments.keys.length;
  // present firms per (own region, segment) in one sequential pass over the enterprises; a peer's
  // row sums the regions of its subtree (integer counts: exact in any order)
  const ownCounts = presentCountsByRegion(scratch, model, presentCode);
  const rows: Float64Array[] = [];
  let activeRegions = 0;
  for (const q of peerRegions) {
    const row = new Float64Array(allSegments);
    for (let p = 0; p < regions.ids.length; p++) {
      if (!regionWithinIdx(model, p, q)) continue;
      const base = p * allSegments;
      for (let s = 0; s < allSegments; s++) row[s]! += ownCounts[base + s]!;
    }
    let inChain = false;
    for (let s = s0; s < s1 && !inChain; s++) inChain = row[s]! > 0;
    if (inChain) activeRegions++;
    rows.push(row);
  }
  const feasibilityAvailable = activeRegions >= minRegions;
  const neutralSegments: number[] = [];
  if (feasibilityAvailable) {
    // keep columns that occur, plus the chain's own
    const columns: number[] = [];
    for (let s = 0; s < allSegments; s++) if ((s >= s0 && s < s1) || rows.some((row) => row[s]! > 0)) columns.push(s);
    const focalRow = peerRegions.indexOf(r);
    const keptRows: number[] = [];
    rows.forEach((row, i) => {
      if (i === focalRow || columns.some((s) => row[s]! > 0)) keptRows.push(i);
    });
    const x = keptRows.map((i) => columns.map((s) => rows[i]![s]!));
    const m = presence(revealedComparativeAdvantage(x), rcaThreshold);
    const k = ubiquity(m);
    const focalM = m[keptRows.indexOf(focalRow)]!;
    const density = relatednessDensity([focalM], proximity(m))[0]!;
    for (let j = 0; j < n; j++) {
      const col = columns.indexOf(s0 + j);
      if (k[col]! > 0) {
        feasibility[j] = density[col]!;
        feasibilityBasis[j] = 'relatedness-density';
      } else neutralSegments.push(j);
    }
  }

  const supplierSegsInChain = (e: number) => {
    const out: number[] = [];
    for (let k = ents.segments.offsets[e]!; k < ents.segments.offsets[e + 1]!; k++) {
      const s = ents.segments.items[k]!;
      if (s >= s0 && s < s1) out.push(s - s0);
    }
    return out;
  };

  // supply links: local buyers' sourcing per segment and local suppliers' sales per (firm, segment)
  const scan = scanSupplyLinks(scratch, model, s0, s1, linkCode, flags, regionFirms);
  const { sourcing, slotCount, slotValue, slotUnknown, unresolved, unresolvedSuppliers } = scan;
  const slotOf = (e: number, s: number) => slotIndex(model, e, s);

  // filling: projects under way and signed local enterprises; planned projects are listed apart
  const filling: FillingEntry[][] = Array.from({ length: n }, () => []);
  const planned: FillingEntry[][] = Array.from({ length: n }, () => []);
  const { projects } = index;
  const plannedCode = PROJECT_STATUSES.indexOf('planned');
  for (let p = 0; p < projects.ids.length; p++) {
    const counted = fillProjectCode[projects.status[p]!] === 1;
    if (!counted && projects.status[p] !== plannedCode) continue;
    if (!regionWithinIdx(model, projects.region[p]!, r)) continue;
    let j = -1;
    const s = projects.segment[p]!;
    const e = projects.enterprise[p]!;
    if (s >= 0) j = s >= s0 && s < s1 ? s - s0 : -1;
    else if ((projects.chain[p] === c || projects.chain[p] === -1) && e >= 0) {
      const own = supplierSegsInChain(e);
      if (own.length === 1) j = own[0]!;
    }
    // a project of a firm already present in the segment is that presence, not a new supplier
    if (j < 0 || (e >= 0 && (flags[e]! & LOCAL_PRESENT) !== 0 && supplierSegsInChain(e).includes(j))) continue;
    const record = dataset.projects[p]!;
    (counted ? filling : planned)[j]!.push({
      project: record.id,
      enterprise: e >= 0 ? idOf(e) : null,
      status: record.status,
      productionYear: record.productionYear ?? null,
    });
  }
  for (let j = 0; j < n; j++) {
    const listed = new Set<string>();
    for (const f of filling[j]!) if (f.enterprise !== null) listed.add(f.enterprise);
    for (const e of notPresentBySeg[j]!) {
      if (!fillEnterpriseCode[ents.status[e]!]) continue;
      if (listed.has(idOf(e))) continue;
      listed.add(idOf(e));
      filling[j]!.push({ project: null, enterprise: idOf(e), status: ENTERPRISE_STATUSES[ents.status[e]!]!, productionYear: null });
    }
  }

  // local output per segment (null when any present firm's output is unknown)
  const localOutput = localBySeg.map((firms) => {
    let sum = 0;
    for (const e of firms) {
      const o = ents.output[e]!;
      if (!Number.isFinite(o)) return null;
      sum += o;
    }
    return sum;
  });

  const limitations: GapLimitation[] = [];
  const findings: (GapFinding & { order: number })[] = [];

  const seenStamp = scratch.int32(N);
  let stamp = 0;
  const severityOf = (j: number, dependants: readonly number[], extent: number): SeverityBreakdown => {
    // the distinct dependants in order of first appearance (a stamp per call, not a Set)
    stamp++;
    const distinct: number[] = [];
    let ascending = true;
    for (const e of dependants) {
      if (seenStamp[e] === stamp) continue;
      seenStamp[e] = stamp;
      if (distinct.length > 0 && e < distinct[distinct.length - 1]!) ascending = false;
      distinct.push(e);
    }
    let union = totalLocalWeight;
    for (const e of distinct) if (!inChainLocal(e)) union += weightOf(e);
    let depWeight = 0;
    for (const e of distinct) depWeight += weightOf(e);
    const share = union > 0 ? depWeight / union : 0;
    const value = share * extent;
    const raw = weights.value * value + weights.criticality * criticality[j]! + weights.feasibility * feasibility[j]!;
    const reduction = filling[j]!.length > 0 ? fillingReduction : 0;
    const sorted = ascending ? distinct : distinct.sort((a, b) => a - b);
    return {
      value: {
        value: round(value, 4),
        weight: round(weights.value, 4),
        basis: valueBasis,
        share: round(share, 4),
        extent: round(extent, 4),
        dependants: sorted.map(idOf),
        leaders: sorted.filter(isLeader).map(idOf),
      },
      criticality: {
        value: round(criticality[j]!, 4),
        weight: round(weights.criticality, 4),
        basis: criticalityBasis,
        downstream: reach[j]!.map(segId),
      },
      feasibility: { value: round(feasibility[j]!, 4), weight: round(weights.feasibility, 4), basis: feasibilityBasis[j]! },
      raw: round(raw, 4),
      fillingReduction: reduction,
    };
  };

  const finish = (j: number, components: SeverityBreakdown, zh: string, en: string) => {
    const severity = round(components.raw * (1 - components.fillingReduction), 4);
    const fill = fillingText(filling[j]!, model);
    const plan = plannedText(planned[j]!, model);
    return {
      severity,
      beingFilledBy: filling[j]!.map((f) => ({ ...f })),
      plannedProjects: planned[j]!.map((f) => ({ ...f })),
      reason: {
        zh: `${zh}${fill ? fill.zh : ''}${plan ? plan.zh : ''}严重度${severity}。`,
        en: `${en}${fill ? ` ${fill.en[0]!.toUpperCase()}${fill.en.slice(1)}` : ''}${plan ? ` ${plan.en}` : ''} Severity ${severity}.`,
      },
    };
  };

  const dependantsText = (deps: readonly number[]): Reason => {
    const leaders = deps.filter(isLeader).map(nameOf);
    const leaderZh = leaders.length > 0 ? `（含链主${leaders.join('、')}）` : '';
    const leaderEn = leaders.length > 0 ? ` (chain leader${leaders.length > 1 ? 's' : ''} ${leaders.join(', ')})` : '';
    return { zh: leaderZh, en: leaderEn };
  };

  let order = 0;
  const push = (f: GapFinding) => findings.push({ ...f, order: order++ });

  for (let j = 0; j < n; j++) {
    const base = { chain: chain.id, segment: segId(j), segmentName: segName(j), stage: STAGES[segments.stage[s0 + j]!]! };
    const quoted = `「${segName(j)}」`;
    const en = `${segName(j)} (${segId(j)})`;

    if (!present[j]) {
      // missing
      const deps = firmsIn(downOf[j]!);
      const components = severityOf(j, deps, 1);
      const lead = dependantsText(deps);
      const zh =
        `本地缺少${quoted}环节：没有${statusListZh(presentStatuses)}企业。` +
        (deps.length > 0 ? `直接下游有${deps.length}家本地企业需要其产品${lead.zh}。` : '本地暂无直接使用其产品的下游企业。');
      const enText =
        `No ${statusListEn(presentStatuses)} local firm in segment ${en}.` +
        (deps.length > 0 ? ` ${deps.length} local firm${deps.length > 1 ? 's' : ''} directly downstream ${deps.length > 1 ? 'use' : 'uses'} its output${lead.en}.` : ' No local firm directly downstream uses its output.');
      push(
        {
          ...base,
          code: 'missing_segment',
          enterprises: deps.map(idOf),
          notPresent: notPresentBySeg[j]!.map((e) => ({ enterprise: idOf(e), status: ENTERPRISE_STATUSES[ents.status[e]!]! })),
          components,
          ...finish(j, components, zh, enText),
        },
      );
    } else {
      // thin
      const firms = localBySeg[j]!;
      let hhi: number | null = null;
      let basis: HhiBasis = 'single-supplier';
      let shareList: number[] = [];
      if (firms.length === 1) {
        hhi = 1;
        shareList = [1];
      } else {
        const outputs = firms.map((e) => ents.output[e]!);
        const outTotal = outputs.reduce((a, b) => a + b, 0);
        if (outputs.every(Number.isFinite) && outTotal > 0) {
          basis = 'output';
          shareList = outputs.map((o) => o / outTotal);
        } else {
          const value = new Array<number>(firms.length).fill(0);
          const count = new Array<number>(firms.length).fill(0);
          let allKnown = true;
          // from the pass over the links: per (firm, segment) slot, in link order
          firms.forEach((e, i) => {
            const q = slotOf(e, s0 + j);
            count[i] = slotCount[q]!;
            value[i]! += slotValue[q]!;
            if (slotUnknown[q]) allKnown = false;
          });
          const valueTotal = value.reduce((a, b) => a + b, 0);
          const countTotal = count.reduce((a, b) => a + b, 0);
          if (count.every((x) => x > 0) && allKnown && valueTotal > 0) {
            basis = 'link-value';
            shareList = value.map((v) => v / valueTotal);
          } else if (count.every((x) => x > 0)) {
            basis = 'link-count';
            shareList = count.map((x) => x / countTotal);
          } else if (1 / firms.length > hhiThreshold) {
            basis = 'lower-bound';
            shareList = firms.map(() => 1 / firms.length);
          }
        }
        if (shareList.length > 0) hhi = shareList.reduce((a, s) => a + s * s, 0);
        else
          limitations.push({
            code: 'hhi_unknown',
            segments: [segId(j)],
            reason: {
              zh: `${quoted}环节有${firms.length}家本地企业，但产值和供货关系不全，无法计算集中度（HHI）。`,
              en: `Segment ${en} has ${firms.length} local firms but neither their outputs nor their supply links are complete: concentration (HHI) not computed.`,
            },
          });
      }
      if (hhi !== null && (firms.length === 1 || hhi > hhiThreshold + 1e-12)) {
        const deps = firmsIn(downOf[j]!);
        const components = severityOf(j, deps, hhi);
        const names = firms.map(nameOf).join('、');
        const h = round(hhi, 4);
        const zh =
          firms.length === 1
            ? `${quoted}环节本地仅有1家供应企业（${names}），供应完全集中（HHI=1）。`
            : `${quoted}环节本地供应集中：${firms.length}家企业（${names}），HHI=${h}（${HHI_BASIS_ZH[basis]}），高于阈值${hhiThreshold}。`;
        const enText =
          firms.length === 1
            ? `Only one local supplier in segment ${en} (${names}): supply is fully concentrated (HHI 1).`
            : `Local supply of ${en} is concentrated: ${firms.length} firms (${firms.map(nameOf).join(', ')}), HHI ${h} (${HHI_BASIS_EN[basis]}), above the threshold ${hhiThreshold}.`;
        push(
          {
            ...base,
            code: 'thin_segment',
            trigger: firms.length === 1 ? 'single-supplier' : 'concentrated',
            enterprises: [...new Set([...firms, ...deps])].sort((a, b) => a - b).map(idOf),
            suppliers: firms.map(idOf),
            hhi: h,
            hhiBasis: basis,
            hhiThreshold,
            shares: firms.map((e, i) => ({ enterprise: idOf(e), share: round(shareList[i]!, 4) })),
            components,
            ...finish(j, components, zh, enText),
          },
        );
      }
    }

    // external dependency
    const agg = sourcing[j]!;
    if (agg.extLinks > 0) {
      const allValued = agg.extUnknown === 0 && agg.localUnknown === 0 && agg.extValue + agg.localValue > 0;
      const externalShare = allValued ? agg.extValue / (agg.extValue + agg.localValue) : agg.extLinks / (agg.extLinks + agg.localLinks);
      const buyers = sortedUnique(model, agg.buyers);
      const suppliers = sortedUnique(model, agg.suppliers);
      const components = severityOf(j, buyers, externalShare);
      const valued = agg.extLinks - agg.extUnknown;
      const shareText = formatShare(externalShare);
      const zh =
        `本地企业从外地采购${quoted}产品：${agg.extLinks}条供货关系` +
        (valued > 0 ? `，已知金额${formatYi(agg.extValue, 'zh')}` : '') +
        (agg.extUnknown > 0 ? `，${agg.extUnknown}条金额未知` : '') +
        `；外地采购占本地采购的${shareText}（${allValued ? '按金额' : '按供货关系数'}）。外地供应方：${suppliers.map(nameOf).join('、')}；本地采购方：${buyers.map(nameOf).join('、')}。`;
      const enText =
        `Local buyers source ${en} from outside the region: ${agg.extLinks} supply link${agg.extLinks > 1 ? 's' : ''}` +
        (valued > 0 ? `, known value ${formatYi(agg.extValue, 'en')}` : '') +
        (agg.extUnknown > 0 ? `, ${agg.extUnknown} of unknown value` : '') +
        `; outside supply is ${shareText} of local buyers' sourcing (${allValued ? 'by value' : 'by number of links'}). Suppliers: ${suppliers.map(nameOf).join(', ')}; local buyers: ${buyers.map(nameOf).join(', ')}.`;
      push(
        {
          ...base,
          code: 'external_dependency',
          enterprises: [...buyers, ...suppliers].sort((a, b) => a - b).map(idOf),
          buyers: buyers.map(idOf),
          suppliers: suppliers.map(idOf),
          links: agg.extLinks,
          value: round(agg.extValue, 4),
          linksWithValue: valued,
          linksWithoutValue: agg.extUnknown,
          externalShare: round(externalShare, 4),
          externalShareBasis: allValued ? 'value' : 'count',
          segmentBasis: { given: agg.given, inferred: agg.inferred },
          components,
          ...finish(j, components, zh, enText),
        },
      );
    }

    // capacity shortfall
    const terms: CapacityShortfallFinding['terms'] = [];
    const excluded: CapacityShortfallFinding['excluded'] = [];
    const termSegs = new Set<number>();
    for (let k = flows.out.offsets[s0 + j]!; k < flows.out.offsets[s0 + j + 1]!; k++) {
      const f = flows.out.items[k]!;
      const t = flows.to[f]! - s0;
      if (localBySeg[t]!.length === 0) continue;
      const a = flows.coefficient[f]!;
      const out = localOutput[t];
      if (out === null || out === undefined) excluded.push({ segment: segId(t), reason: 'output_unknown' });
      else if (!Number.isFinite(a)) excluded.push({ segment: segId(t), reason: 'coefficient_unknown' });
      else {
        terms.push({ segment: segId(t), coefficient: a, localOutput: round(out, 4), demand: round(a * out, 4) });
        termSegs.add(t);
      }
    }
    const demand = terms.reduce((acc, t) => acc + t.coefficient * t.localOutput, 0);
    const supply = localOutput[j];
    if (terms.length > 0 && (supply === null || supply === undefined)) {
      limitations.push({
        code: 'capacity_unknown',
        segments: [segId(j)],
        reason: {
          zh: `${quoted}环节本地企业产值不全，无法比较本地需求（${round(demand, 2)}亿元${excluded.length > 0 ? '以上' : ''}）与本地产值。`,
          en: `Outputs of the local firms in ${en} are incomplete: local demand (${excluded.length > 0 ? 'at least ' : ''}${round(demand, 2)} 亿元) cannot be compared with local output.`,
        },
      });
    } else if (terms.length === 0 && excluded.length > 0) {
      limitations.push({
        code: 'capacity_unknown',
        segments: [segId(j)],
        reason: {
          zh: `${quoted}环节的本地需求无法推算：下游${excluded.map((x) => `「${chain.segments.find((s) => s.id === x.segment)!.name}」${x.reason === 'output_unknown' ? '产值未知' : '投入系数未知'}`).join('、')}。`,
          en: `Local demand for ${en} cannot be derived: downstream ${excluded.map((x) => `${x.segment} (${x.reason === 'output_unknown' ? 'output unknown' : 'coefficient unknown'})`).join(', ')}.`,
        },
      });
    } else if (terms.length > 0 && supply !== null && supply !== undefined && demand - supply > 1e-9) {
      const shortfall = demand - supply;
      const deps = firmsIn([...termSegs].sort((a, b) => a - b));
      const components = severityOf(j, deps, shortfall / demand);
      const complete = excluded.length === 0;
      const zh =
        `${quoted}本地产能不足：按投入系数推算本地需求${complete ? '' : '至少'}${formatYi(demand, 'zh')}，本地产值${formatYi(supply, 'zh')}，缺口${complete ? '' : '至少'}${formatYi(shortfall, 'zh')}。`;
      const enText =
        `Local capacity of ${en} falls short: local demand from input coefficients is ${complete ? '' : 'at least '}${formatYi(demand, 'en')}, local output ${formatYi(supply, 'en')}, shortfall ${complete ? '' : 'at least '}${formatYi(shortfall, 'en')}.`;
      push(
        {
          ...base,
          code: 'capacity_shortfall',
          enterprises: [...new Set([...localBySeg[j]!, ...deps])].sort((a, b) => a - b).map(idOf),
          demand: round(demand, 4),
          localOutput: round(supply, 4),
          shortfall: round(shortfall, 4),
          demandComplete: complete,
          terms,
          excluded,
          components,
          ...finish(j, components, zh, enText),
        },
      );
    }

    // extension opportunities
    if (!present[j]) {
      const backward = downOf[j]!.filter((t) => present[t]);
      const forward = upOf[j]!.filter((t) => present[t]);
      if (backward.length > 0) {
        const deps = firmsIn(backward);
        const components = severityOf(j, deps, 1);
        const names = backward.map((t) => `「${segName(t)}」`).join('、');
        const zh = `向上游延链：本地已有${names}环节，其上游投入${quoted}本地缺失，引进后可就近配套。`;
        const enText = `Backward extension (向上游延链): the region has ${backward.map((t) => `${segName(t)} (${segId(t)})`).join(', ')}, whose input ${en} is missing locally; adding it would supply local firms.`;
        push(
          {
            ...base,
            code: 'extension_opportunity',
            direction: 'backward',
            adjacent: backward.map(segId),
            enterprises: deps.map(idOf),
            components,
            ...finish(j, components, zh, enText),
          },
        );
      }
      if (forward.length > 0) {
        const deps = firmsIn(forward);
        const components = severityOf(j, deps, 1);
        const names = forward.map((t) => `「${segName(t)}」`).join('、');
        const zh = `向下游延链：本地${names}环节的产品流向${quoted}，该环节本地缺失，引进后可就地转化本地产品。`;
        const enText = `Forward extension (向下游延链): local ${forward.map((t) => `${segName(t)} (${segId(t)})`).join(', ')} output flows into ${en}, which is missing locally; adding it would use local output in the region.`;
        push(
          {
            ...base,
            code: 'extension_opportunity',
            direction: 'forward',
            adjacent: forward.map(segId),
            enterprises: deps.map(idOf),
            components,
            ...finish(j, components, zh, enText),
          },
        );
      }
    }
  }

  if (!feasibilityAvailable || neutralSegments.length > 0) {
    const list = feasibilityAvailable ? neutralSegments : [...Array(n).keys()];
    limitations.push({
      code: 'feasibility_neutral',
      segments: list.map(segId),
      reason: feasibilityAvailable
        ? {
            zh: `比较地区中没有一个具有比较优势（RCA≥${rcaThreshold}）的环节无法计算关联密度，可行性取中性值${neutralFeasibility}：${list.map(segName).join('、')}。`,
            en: `No peer region has these segments with RCA ≥ ${rcaThreshold}, so relatedness density is undefined and feasibility is the neutral ${neutralFeasibility}: ${list.map(segId).join(', ')}.`,
          }
        : {
            zh: `仅${activeRegions}个比较地区（${peers === 'siblings' ? '同一上级地区的下级地区' : '同级地区'}）在该产业链有企业，少于${minRegions}个，无法计算关联密度，可行性取中性值${neutralFeasibility}。`,
            en: `Only ${activeRegions} peer region${activeRegions === 1 ? '' : 's'} (${peers === 'siblings' ? 'children of the same parent' : 'regions at the same depth'}) have firms in the chain, fewer than ${minRegions}: relatedness density not computed, feasibility is the neutral ${neutralFeasibility}.`,
          },
    });
  }
  if (unresolved > 0) {
    const names = [...unresolvedSuppliers].sort((a, b) => a - b).map(nameOf);
    limitations.push({
      code: 'unresolved_links',
      segments: [],
      reason: {
        zh: `${unresolved}条本地企业从外地采购的供货关系无法确定产品所属环节（未标注环节，供应方在链上的环节也无法唯一推断），未计入外部依赖：供应方${names.join('、')}。`,
        en: `${unresolved} supply link${unresolved > 1 ? 's' : ''} from outside into local firms could not be placed in a segment (no segment given and none inferable from the supplier's segments): not counted as external dependency. Suppliers: ${names.join(', ')}.`,
      },
    });
  }

  findings.sort((a, b) => b.severity - a.severity || a.order - b.order);
  // order already encodes segment order then kind; strip the helpers
  const ranked = findings.map(({ order: _order, ...f }) => f as GapFinding);

  const count = (code: GapCode) => ranked.filter((f) => f.code === code).length;
  return {
    chain: chain.id,
    region: scope.region,
    findings: ranked,
    segments: chain.segments.map((s, j) => ({
      segment: s.id,
      name: s.name,
      stage: s.stage,
      present: present[j]!,
      localEnterprises: localBySeg[j]!.map(idOf),
      localOutput: localOutput[j] === null ? null : round(localOutput[j]!, 4),
      criticality: round(criticality[j]!, 4),
      feasibility: round(feasibility[j]!, 4),
      feasibilityBasis: feasibilityBasis[j]!,
    })),
    summary: {
      segments: n,
      present: present.filter(Boolean).length,
      missing: count('missing_segment'),
      thin: count('thin_segment'),
      externalDependencies: count('external_dependency'),
      capacityShortfalls: count('capacity_shortfall'),
      extensionOpportunities: count('extension_opportunity'),
      beingFilled: filling.filter((f, j) => f.length > 0 && ranked.some((x) => x.segment === segId(j))).length,
      localEnterprises: chainLocal.length,
      findings: ranked.length,
    },
    limitations,
    assumptions: {
      presentStatuses,
      linkStatuses,
      hhiThreshold,
      weights: { value: round(weights.value, 6), criticality: round(weights.criticality, 6), feasibility: round(weights.feasibility, 6) },
      leaderWeight,
      fillingProjectStatuses,
      fillingEnterpriseStatuses,
      fillingReduction,
      peers,
      minRegions,
      rcaThreshold,
      neutralFeasibility,
      valueBasis,
      criticalityBasis,
      feasibility: { available: feasibilityAvailable, peerRegions: peerRegions.map((q) => regions.ids[q]!), activeRegions },
    },
  };
}
