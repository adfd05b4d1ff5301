/** The shapes of a report's data: its options, its sections and rows, and the whole object. */
import type { ClusterScore } from '../../../analysis/cluster/index.js';
import type { RecruitReference } from '../../../analysis/recruits/index.js';
import type { Reason } from '../../../analysis/scope/index.js';
import type { GapsResult } from '../../../analysis/gaps/index.js';
import type { LeaderRanking } from '../../../analysis/leaders/index.js';
import type { MatchResult } from '../../../analysis/matches/index.js';
import type { OutputEstimate } from '../../../analysis/output/index.js';
import type { RecruitsResult } from '../../../analysis/recruits/index.js';
import type { SinglePointResult } from '../../../analysis/resilience/index.js';
import type { Locale } from '../../../model/issues.js';
import type { EnterpriseStatus, Role } from '../../../model/vocabulary.js';

/** A part of a report: the analysis' result, or why the data could not support it. */
export type Section<T> = { available: true; result: T } | { available: false; reason: Reason };

/** Progress of {@link buildReport}: a step is about to run. */
export interface ReportProgress {
  /** Steps done so far. */
  done: number;
  /** All steps. */
  total: number;
  /** Chain of the step; null for the region-wide estimate. */
  chain: string | null;
  step: 'gaps' | 'recruits' | 'cluster' | 'output' | 'leaders' | 'matches' | 'resilience' | 'region-output';
  /** What runs, in both languages. */
  label: Reason;
}

/** Options of {@link buildReport}. */
export interface ReportDataOptions {
  /** One chain; default: every chain of the dataset. */
  chain?: string;
  /** Region; covers its sub-regions. Default: `meta.region`. */
  region?: string;
  /** Language of the report. Default `'zh-CN'`. */
  locale?: Locale;
  /** Seed of every seeded analysis (output Monte Carlo, Louvain, sampled betweenness). Default: the analyses' `DEFAULT_SEED`. */
  seed?: number;
  /** Monte Carlo runs of the output estimates. Default {@link DEFAULT_REPORT_RUNS} (2 000). */
  runs?: number;
  /** Years of the output estimates. Default: derived from the data (see {@link reportYears}). */
  years?: readonly number[];
  /** Candidates per gap in the recruitment list. Default 5. */
  recruitLimit?: number;
  /**
   * The reference directory for the recruitment list (`import * as reference from
   * 'industrial-chain/reference'`): its firms become candidates, ranked with the dataset's by
   * the combined score. Default none (the dataset's candidates only).
   */
  reference?: RecruitReference;
  /** Suggested matches per chain. Default 10. */
  matchLimit?: number;
  /**
   * Largest number of rows of each list (see {@link DEFAULT_REPORT_LIST_LIMIT}, 200); `Infinity`
   * lists everything. A longer list keeps its most important rows (see {@link TruncatedList}).
   */
  listLimit?: number;
  /**
   * Declared local 链主 per chain whose single points of failure are analysed, the largest by
   * output first (then dataset order). Default {@link DEFAULT_REPORT_RESILIENCE_LIMIT} (10);
   * `Infinity` analyses every one.
   */
  resilienceLimit?: number;
  /** Called before each step (for progress bars on long runs). */
  onProgress?: (progress: ReportProgress) => void;
}

/** A region of the scope. */
export interface RegionRow {
  id: string;
  name: string;
  kind: string;
  /** Depth below the scope region (0 for it). */
  depth: number;
  parent: string | null;
  /** Enterprises located in it or its sub-regions. */
  enterprises: number;
  note: string | null;
}

/** An indicator (指标) of the scope. */
export interface IndicatorRow {
  id: string;
  region: string;
  regionName: string;
  chain: string | null;
  chainName: string | null;
  metric: string;
  value: number | null;
  unit: string | null;
  growth: number | null;
  year: number;
  period: string | null;
}

/** A target (目标/预期) of the scope, with its audit when one was made. */
export interface TargetRow {
  id: string;
  region: string;
  regionName: string;
  chain: string | null;
  chainName: string | null;
  metric: string;
  kind: 'target' | 'expectation';
  comparator: string;
  value: number | null;
  unit: string | null;
  growth: number | null;
  year: number | null;
  period: string | null;
  condition: string | null;
  /** The audit of `estimateOutput` (region-wide or of the target's chain); null for metrics it does not audit. */
  audit: {
    available: boolean;
    /** Whether the estimate behind the audit rests on any output figure (see {@link estimateHasData}); when not, its probability says nothing about the target. */
    estimateHasData: boolean;
    /** The audit itself rests on no data and says "无法审核" (cannot be audited). */
    noData: boolean;
    probability: number | null;
    bandPosition: 'below' | 'within' | 'above' | null;
    reason: Reason;
  } | null;
}

/** A local firm of a chain that is not its 链主 (配套清单). */
export interface SupportingRow {
  id: string;
  name: string;
  role: Role | null;
  status: EnterpriseStatus;
  region: string;
  regionName: string;
  /** Names of the chain's segments it operates in. */
  segments: string[];
  /** Output, 亿元; null when unknown. */
  output: number | null;
  /** Local firms it supplies (counted links: active, brokered). */
  localBuyers: string[];
  /** Outside firms it supplies. */
  outsideBuyers: string[];
}

/** The single points of failure of one declared 链主. */
export interface LeaderResilience {
  leader: string;
  name: string;
  result: SinglePointResult;
}

/** Lists a report may cut (see {@link TruncatedList}). */
export type ReportList = 'leaders' | 'supporting' | 'output.enterprises' | 'output.projects' | 'output.gaps' | 'resilience';

/**
 * A list of the report longer than its limit, and what was kept:
 * - `leaders`: the ranking's first `listLimit` ranks, plus every declared 链主 ranked below them;
 * - `supporting`, `output.enterprises`, `output.projects`: the `listLimit` entries with the
 *   largest output (firms: their recorded output; estimates: the expected value of the last
 *   year; unknown last, then the list's order), kept in the list's order;
 * - `output.gaps`: the first `listLimit`; `omittedByCode` counts the others by code;
 * - `resilience`: the `resilienceLimit` declared 链主 with the largest output.
 */
export interface TruncatedList {
  /** Chain of the list; null for the region-wide output estimate. */
  chain: string | null;
  list: ReportList;
  shown: number;
  total: number;
  /** `output.gaps` only: the entries left out, counted by code. */
  omittedByCode?: Record<string, number>;
}

/** Everything reported about one chain. */
export interface ChainReport {
  chain: string;
  name: string;
  template: string | null;
  description: string | null;
  /** Segment ids by column (topological generation), 上游 → 下游. */
  columns: string[][];
  /** Segment names by id. */
  segmentNames: Record<string, string>;
  gaps: GapsResult;
  recruits: Section<RecruitsResult>;
  cluster: Section<ClusterScore>;
  output: Section<OutputEstimate>;
  leaders: Section<LeaderRanking>;
  supporting: SupportingRow[];
  matches: Section<MatchResult>;
  resilience: Section<LeaderResilience[]>;
}

/** The data of a report. */
export interface ReportData {
  kind: 'industrial-chain-report';
  version: 1;
  dataset: { id: string; name: string; description: string | null; updated: string | null; version: string | null };
  scope: { region: string; regionName: string; chain: string | null };
  settings: {
    locale: Locale;
    seed: number;
    runs: number;
    years: number[];
    yearsSource: 'option' | 'derived' | 'none';
    recruitLimit: number;
    matchLimit: number;
    /** Rows per list; null: no limit. */
    listLimit: number | null;
    /** 链主 per chain analysed for single points of failure; null: no limit. */
    resilienceLimit: number | null;
  };
  summary: {
    counts: {
      chains: number;
      segments: number;
      enterprises: number;
      /** Enterprises in the scope region and its sub-regions. */
      localEnterprises: number;
      links: number;
      projects: number;
      localProjects: number;
      regions: number;
      targets: number;
      indicators: number;
      sources: number;
    };
    regions: RegionRow[];
    indicators: IndicatorRow[];
    targets: TargetRow[];
  };
  /** Output of all the region's modelled firms, auditing the targets not tied to a chain. */
  regionOutput: Section<OutputEstimate>;
  chains: ChainReport[];
  /** The lists cut to the limits, with their full lengths (empty when nothing was cut). */
  truncated: TruncatedList[];
  /** Why no chain is analysed (the dataset models none), else null. */
  noChain: Reason | null;
  sources: { id: string; title: string; publisher: string | null; date: string | null; file: string | null; url: string | null }[];
}
