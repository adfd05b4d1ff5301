/** The option and result types of {@link estimateOutput}, and the kinds of output it adds up. */
import type { ProjectStatus, Role } from '../../model/vocabulary.js';
import type { Reason, ScopeOptions } from '../scope/index.js';

/**
 * The kinds of output an estimate adds up, in the order of every breakdown.
 *
 * @example
 * OUTPUT_KINDS.map((kind) => estimate.byYear[0].byKind[kind].expected);
 */
export const OUTPUT_KINDS = ['current', 'pipeline', 'capacity', 'induced'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** Positions of the kinds in OUTPUT_KINDS, as the typed columns index them. */
export const KIND_CURRENT = 0;
export const KIND_PIPELINE = 1;
export const KIND_CAPACITY = 2;
export const KIND_INDUCED = 3;

/** A triangular distribution on [min, max] with its mode. */
export interface Triangular {
  min: number;
  mode: number;
  max: number;
}

/** Price of one unit of capacity, in 亿元 per unit (e.g. 7.5 亿元 per GWh of storage systems). */
export interface UnitPrice {
  /** Unit of capacity: GWh, MWh, GW, MW, kW, 万千瓦 convert to each other; others match exactly. */
  unit: string;
  /** Keywords: the price applies when the capacity's product (else the project's or enterprise's name) contains one. Absent: any product. */
  products?: string[];
  /** 亿元 per unit. */
  price: number;
  /** `derived` from a source figure, or an `assumption` the planner must check. */
  basis: 'derived' | 'assumption';
  note: string;
}

/** How induced output enters the total. */
export type InducedMode = 'net' | 'gross' | 'none';

/** Every assumption of {@link estimateOutput}; defaults in {@link DEFAULT_OUTPUT_ASSUMPTIONS}. */
export interface OutputAssumptions {
  /** Year the estimate starts from. Default: latest observed year in scope (null = derive). */
  baseYear: number | null;
  /** Yearly growth of current output, as a fraction. */
  growthRate: number;
  /** Standard deviation of the yearly growth rate across runs. */
  growthSpread: number;
  /** Share of a project's full output in its 1st, 2nd, ... production year; the last share holds after. */
  rampUp: number[];
  /** Probability a project goes ahead, by status. */
  likelihood: Record<ProjectStatus, number>;
  /** Probability of a delay of 0, 1, 2, ... years for projects not yet producing (sums to 1). */
  delayProbabilities: number[];
  /** Factor on a project's announced output. */
  shortfall: Triangular;
  /** Years from a project's start to its production when no production year is given. */
  productionLag: number;
  /** Years from the base year to the start of a project that gives neither start nor production year. */
  startLag: { planned: number; signed: number; 'under-construction': number };
  /** Capacity utilisation. */
  utilisation: Triangular;
  /** Unit prices of capacity; the first matching entry applies. */
  prices: UnitPrice[];
  /** Roles whose output drives induced supplier output. */
  leaderRoles: Role[];
  /** Local supply share of a segment with local firms but no valued links. */
  localShare: number;
  /** Local shares given by the planner, by `chain/segment` (or segment id with a chain scope). */
  localShares: Record<string, number>;
  /** `net` [default]: add induced output beyond the listed local firms' output; `gross`: add all; `none`: report only. */
  induced: InducedMode;
  /** Year at which expectations without a year are audited. Default: the last requested year (null = derive). */
  expectationHorizon: number | null;
  /** What region-wide targets are audited against: modelled `firms` [default], or observed output `indicators` grown at their growth rate. */
  baseline: 'firms' | 'indicators';
}

/** Assumptions as given in options: any subset; `likelihood` and `startLag` merge with the defaults. */
export type OutputAssumptionOptions = Partial<Omit<OutputAssumptions, 'likelihood' | 'startLag'>> & {
  likelihood?: Partial<Record<ProjectStatus, number>>;
  startLag?: Partial<OutputAssumptions['startLag']>;
};

/** Options of {@link estimateOutput}. */
export interface OutputOptions extends ScopeOptions {
  /** Years to estimate (required). */
  years: readonly number[];
  /** Monte Carlo runs. Default 10 000. */
  runs?: number;
  /** Seed of the random numbers. Default {@link DEFAULT_SEED}. */
  seed?: number;
  assumptions?: OutputAssumptionOptions;
  /**
   * List at most this many firms in `enterprises`: those with the largest expected output in the
   * last requested year (ties: the earlier in dataset order), kept in dataset order, the rule a
   * report uses to cut the list. Every other part of the result (bands, segments, projects,
   * induced output, audits) still covers every firm, and `enterprisesOmitted` says how many were
   * left out. For region-wide estimates of hundreds of thousands of firms, where building the
   * full list costs more than the estimate. Default: no limit (every firm listed, and no
   * `enterprisesOmitted`).
   */
  enterpriseLimit?: number;
}

/** Mean and P10 / P50 / P90 of a quantity over the runs, 亿元. */
export interface Band {
  expected: number;
  p10: number;
  p50: number;
  p90: number;
}

/** The estimate of one year. */
export interface YearEstimate extends Band {
  year: number;
  byKind: Record<OutputKind, Band>;
}

/** An enterprise's expected output, aligned with `years`. */
export interface EnterpriseEstimate {
  id: string;
  name: string;
  /** Leader (in the sense of `leaderRoles`) in at least one chain in scope. */
  leader: boolean;
  kinds: OutputKind[];
  segments: { chain: string; segment: string }[];
  expected: number[];
}

/** A segment's expected output by kind, aligned with `years`. `segment` null: output with no segment. */
export interface SegmentEstimate {
  chain: string | null;
  segment: string | null;
  expected: number[];
  byKind: Record<OutputKind, number[]>;
}

/** How a project is counted. */
export interface ProjectEstimate {
  /** Project id, or `enterprise:<id>` for a project implied by a non-operating enterprise. */
  id: string;
  name: string;
  enterprise: string | null;
  implied: boolean;
  status: ProjectStatus;
  counted: boolean;
  likelihood: number;
  /** Output at full production before shortfall, 亿元 (for capacity-valued: capacity × price, before utilisation). */
  fullOutput: number | null;
  valuation: 'reported' | 'capacity' | null;
  productionYear: number | null;
  productionYearSource: 'given' | 'start-plus-lag' | 'base-year' | 'status' | null;
  delayable: boolean;
  rampUp: number[];
  expected: number[];
  reason: Reason;
}

/** A segment of a chain in the induced-output model. */
export interface InducedSegment {
  segment: string;
  localShare: number;
  localShareSource: 'option' | 'links' | 'no-local-firm' | 'default';
  /** Local output multiplier Σ_i (L_d)_ij. */
  localMultiplier: number;
  /** Output multiplier without leakage Σ_i L_ij. */
  multiplier: number;
  backwardLinkage: number;
  forwardLinkage: number;
  /** Induced output added to the total (per `induced` mode), aligned with `years`. */
  expected: number[];
  /** Induced output before netting out listed firms, aligned with `years`. */
  expectedGross: number[];
}

/** Induced supplier output of one chain. */
export interface InducedEstimate {
  chain: string;
  available: boolean;
  reason: Reason;
  mode: InducedMode;
  leaders: string[];
  /** Leaders whose output is known (reported, capacity or a counted project): only they drive induced output. */
  leadersWithOutput: string[];
  coefficientFlows: number;
  flowsWithoutCoefficient: number;
  segments: InducedSegment[];
  expected: number[];
}

/** Something the estimate could not value, or left out on purpose. */
export interface OutputGap {
  code: 'no-output' | 'no-price' | 'no-expected-output' | 'in-current-output';
  enterprise: string | null;
  project: string | null;
  reason: Reason;
}

/** How a target compares with the estimate. */
export interface TargetAudit {
  target: string;
  kind: 'target' | 'expectation';
  metric: string;
  scope: { region: string; chain: string | null };
  available: boolean;
  comparator: string;
  value: number | null;
  /** Year audited: the target's, or the expectation horizon. */
  year: number;
  yearSource: 'target' | 'expectation-horizon';
  condition: string | null;
  /** What the target is audited against. */
  basis: 'firms' | 'indicators';
  estimate: Band | null;
  /** Where the target value lies against [P10, P90]: below it, within it, or above it. */
  bandPosition: 'below' | 'within' | 'above' | null;
  /** Probability of meeting the target value by its year; null when not audited, or when the estimate rests on no data (never 0 for missing data). */
  probability: number | null;
  /**
   * The estimate behind the audit rests on no data (no firm with output or capacity, no project
   * with expected output in its scope): the audit says "无法审核" and its figures are null.
   */
  noData: boolean;
  base: { year: number; value: number } | null;
  /** Yearly growth from the base to the target value (fraction); null unless the base is credible (./audit-rules.ts). */
  requiredGrowth: number | null;
  /** Growth the target states (fraction, e.g. 0.15). */
  statedGrowth: number | null;
  /** Yearly growth of the expected estimate from the base year (fraction). */
  estimateGrowth: number | null;
  /** Probability the estimate grows at least at the stated rate. */
  growthProbability: number | null;
  coverage: {
    /** The target covers more than the modelled firms (region-wide target, or firms missing). */
    partial: boolean;
    enterprises: number;
    enterprisesWithOutput: number;
    projects: number;
    projectsWithOutput: number;
    /** Expected estimate / target value. */
    shareOfTarget: number | null;
    /** Base-year value the target implies at its stated growth, and the modelled share of it. */
    impliedBase: { year: number; value: number; modelledShare: number | null } | null;
    /** An observed output indicator of the same scope, annualised, and the modelled share of it. */
    observed: { indicator: string; year: number; value: number; annualised: number; modelledShare: number | null } | null;
    reason: Reason;
  };
  /**
   * A chain target set against its zone's own yearly output (./audit-zone.ts): the zone-wide
   * output indicator (annualised) or zone-wide target, and the sum of the zone's chain targets;
   * null for zone-wide targets or when the dataset has no zone-wide figure.
   */
  zoneCheck: {
    basis: 'indicator' | 'target';
    /** Zone's yearly output, 亿元 (annualised from the recorded figure). */
    zoneValue: number;
    zoneRecorded: number;
    zoneYear: number | null;
    zonePeriod: string | null;
    /** Chain targets of the zone (same year or no year) and their sum, 亿元. */
    chainTargets: number;
    chainTargetsTotal: number;
    /** This target / the zone's yearly output. */
    shareOfZone: number;
    /** All chain targets / the zone's yearly output. */
    totalShareOfZone: number;
    exceedsZone: boolean;
    reason: Reason;
  } | null;
  notes: Reason[];
  reason: Reason;
}

/** A documented assumption as used. */
export interface AssumptionNote {
  key: keyof OutputAssumptions;
  value: unknown;
  given: boolean;
  reason: Reason;
}

/** Result of {@link estimateOutput}. */
export interface OutputEstimate {
  scope: { region: string; chain: string | null };
  years: number[];
  baseYear: number;
  runs: number;
  seed: number;
  assumptions: OutputAssumptions;
  assumptionNotes: AssumptionNote[];
  byYear: YearEstimate[];
  /** Firms with an estimate, in dataset order (only the largest with `enterpriseLimit`). */
  enterprises: EnterpriseEstimate[];
  /** Only with the option `enterpriseLimit`: firms with an estimate left out of `enterprises`. */
  enterprisesOmitted?: number;
  segments: SegmentEstimate[];
  projects: ProjectEstimate[];
  induced: InducedEstimate[];
  gaps: OutputGap[];
  targets: TargetAudit[];
}
