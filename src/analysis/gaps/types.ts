/**
 * The result and option types of findGaps: the five kinds of finding, the numbers behind a
 * severity, the state of each segment, and what could not be computed.
 */
import type { EnterpriseStatus, LinkStatus, ProjectStatus, Stage } from '../../model/vocabulary.js';
import type { Reason, ScopeOptions } from '../scope/index.js';

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

/**
 * The aspects of a segment's one finding: which rules fired on it. A missing segment next to a
 * present one carries `missing` and `backward_extension` / `forward_extension` in one row.
 *
 * @example
 * const a: GapAspect[] = ['missing', 'backward_extension'];
 */
export type GapAspect = 'missing' | 'thin' | 'external_dependency' | 'capacity_shortfall' | 'backward_extension' | 'forward_extension';

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
  /**
   * Weight of the segment's own value share (valueShare / the chain's largest) in the severity,
   * in [0, 1]; the other weights are scaled by 1 − it. Applies only when every segment of the
   * chain has a valueShare. Default 0.2.
   */
  segmentValueWeight?: number;
  /**
   * Factor on the severity of a segment under capacity controls or restrictions (policy flags
   * `capacity_replacement`, `restricted`), in [0, 1]; such findings also rank after all others.
   * Default 0.5.
   */
  policyFactor?: number;
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
  /** The segment's valueShare over the chain's largest (weight 0, basis `none`, when a segment lacks one). */
  segmentValue: SeverityComponent & { basis: 'valueShare' | 'none' };
  /** Weighted sum before the policy factor and the filling reduction. */
  raw: number;
  /** Factor applied for capacity controls or restrictions on the segment (1 if none). */
  policyFactor: number;
  /** The policy flags behind `policyFactor`: code and source document. */
  policies: { code: 'capacity_replacement' | 'restricted'; source: string }[];
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

export interface FindingBase {
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
  /**
   * Every rule that fired on the segment, in kind order (the row's `code` is the first): a
   * segment appears once in a gap list, with all its problems here.
   */
  aspects: GapAspect[];
  /**
   * The findings of the other aspects, in kind order, each complete with its own severity and
   * reason (their own `also` is empty). The row's severity is the largest of them and its own.
   */
  also: GapFinding[];
}

/** 缺链: no local presence in the segment. */
export interface MissingSegmentFinding extends FindingBase {
  code: 'missing_segment';
  /** Local enterprises in the segment with statuses that do not count as present. */
  notPresent: { enterprise: string; status: EnterpriseStatus }[];
}

/** How an HHI was computed. */
export type HhiBasis = 'single-supplier' | 'output' | 'link-value' | 'link-count' | 'lower-bound';

/**
 * 短板: weak relative to something stated — a sole local supplier (not a 链主, not an assembly or
 * operation segment) that local buyers downstream depend on, or concentrated supply that falls
 * short of local demand (HHI above the threshold and a capacity shortfall).
 */
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
  /**
   * Concentration of local supply (present segments whose HHI can be computed), whether or not
   * it makes a 短板: the HHI, its basis and the shares behind it.
   */
  concentration: { hhi: number; basis: HhiBasis; shares: { enterprise: string; share: number }[] } | null;
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
    /** Rows with a backward or forward extension aspect. */
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
    segmentValueWeight: number;
    policyFactor: number;
    valueBasis: 'output' | 'count';
    criticalityBasis: 'valueShare' | 'segments';
    feasibility: { available: boolean; peerRegions: string[]; activeRegions: number };
  };
}
