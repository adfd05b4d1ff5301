/**
 * Output estimation (产值测算): what a chain or a zone can produce year by year, as a Monte Carlo
 * range with every assumption in view, and an audit of the plan's output targets against it.
 *
 * Method
 * - Four kinds of output, summed per year:
 *   - `current`: the reported output of operating enterprises, grown from its `outputYear` at a
 *     yearly rate g: x_t = x_0 (1 + g)^(t − outputYear);
 *   - `capacity`: operating enterprises with no reported output but a capacity with a known unit
 *     price: capacity × unit price × utilisation (constant over the years: capacity-bound);
 *   - `pipeline`: projects phased in from their production year along a ramp-up curve and
 *     weighted by the likelihood of their status; valued at `expectedOutput`, else at priced
 *     capacity × utilisation;
 *   - `induced`: output of local suppliers induced by the chain leaders' (链主) output through the
 *     chain's input coefficients and local supply shares: with D = I − M̂ the diagonal of local
 *     shares and y the leaders' output by segment, local output is L_d y with
 *     L_d = (I − D A)⁻¹ (./input-output.ts), so the induced part is (L_d − I) y.
 * - Monte Carlo (seeded; `runs` default 10 000): per run one growth rate g ~ Normal(rate,
 *   spread) and one utilisation u ~ Triangular, shared by all firms (a common market shock, so
 *   the band does not shrink by diversification); per project three uniform draws, always taken
 *   so that changing one assumption keeps the other streams aligned: goes ahead with the
 *   probability of its status (Bernoulli), a delay from the delay distribution (projects not yet
 *   producing), and a shortfall factor ~ Triangular on its announced output (capacity-valued
 *   projects take u instead). Bands are P10 / P50 / P90 (linear interpolation between order
 *   statistics, numpy's default); `expected` is the mean over runs.
 * - Current and capacity output scale with one factor per run, so they are summed ahead of the
 *   runs by output year; a run costs O(projects + chain segments²), not O(firms).
 *
 * Cost: O(firms in scope × audits + projects + links) to prepare (one pass over the links for
 * local shares, typed columns per firm, no object per firm until the result), O(runs × projects ×
 * years) for the Monte Carlo (three uniform draws per project and run), and O(firms listed) for
 * the result, which `enterpriseLimit` caps. Per-model columns (each firm's chains and roles,
 * output years) are derived once per model and cached. The call's temporary typed arrays (per
 * firm, per item, the runs × years matrices of the Monte Carlo) are cut from the model's scratch
 * arena (src/internal/scratch.ts) and copied into plain arrays for the result, so calls after
 * the first allocate almost no memory outside the JS heap (no full GCs for external memory).
 *
 * Assumptions (each an option in `assumptions`, each reported with its source in the result)
 * - base year: the latest year observed in scope (`outputYear` of operating enterprises with an
 *   output, indicator `year`), else the first requested year;
 * - growth 5% ± 3% (s.d.) a year; ramp-up 40% / 80% / 100% in production years 1 / 2 / 3;
 *   likelihood planned 0.2, signed 0.5, under construction 0.8, in production 0.95, at capacity 1,
 *   cancelled 0; delay 0 / 1 / 2 years with probability 0.5 / 0.3 / 0.2; shortfall
 *   Triangular(0.6, 0.9, 1.1); one year from start to production; undated projects start 2 / 1 /
 *   0 years after the base year when planned / signed / under construction;
 * - utilisation Triangular(0.6, 0.75, 0.9); unit prices per GWh / GW from a small table
 *   ({@link DEFAULT_OUTPUT_ASSUMPTIONS}), each marked derived or an assumption to check;
 * - leaders are enterprises with the role `leader` in the chain; local share of a segment's
 *   supply: from the valued active/brokered supply links into local buyers of the chain where
 *   known, else 0 where no local firm is in the segment, else 0.3;
 * - induced output is added net of the listed local firms' own output in the segment
 *   (`induced: 'net'`), since that output is already counted as current or pipeline output.
 *
 * No double counting between kinds
 * - a non-operating enterprise's own output or capacity figure is not current output: it enters
 *   as an implied project (status from the enterprise's status, production from its
 *   `outputYear` when not before the base year) unless the enterprise has a project in scope
 *   with an expected output or priced capacity, which then stands for its production;
 * - a project of an operating enterprise with a known output or capacity is an expansion and is
 *   added, except an `in-production` / `at-capacity` project that produced by the year of the
 *   enterprise's output figure: that output already contains it, so the project is left out
 *   (gap `in-current-output`);
 * - an enterprise counts in full in each chain it is active in; within a chain its output is
 *   split equally among its segments (the data give no split).
 *
 * Target audit: every output target (metric `output`; `sales` audited as output) whose region
 * lies within the scope region and whose chain is the scope chain (or none): the probability of
 * reaching its value by its year, where its value lies against the P10–P90 band, the yearly growth
 * it requires from the modelled base-year output, its stated growth against the estimate's, and
 * how much of it the modelled firms cover. Expectations without a year are audited at the last
 * requested year (`expectationHorizon`). Region-wide targets compared with modelled firms say that
 * the estimate covers only the firms in the dataset.
 *
 * References: Miller & Blair, Input-Output Analysis (2nd ed., 2009), ch. 2–3 and 6 (Leontief
 * inverse, regional coefficients, multipliers); Vose, Risk Analysis: A Quantitative Guide (3rd
 * ed., 2008) for Monte Carlo ranges with triangular and discrete inputs; Flyvbjerg, "From Nobel
 * Prize to project management: getting risks right" (2006) on optimism bias in announced
 * project outputs and schedules (why shortfall and delay are sampled).
 */
import type { ChainModel } from '../graph/model.js';
import { enterprisesInRegionIdx, regionWithinIdx, segmentIndex } from '../graph/queries.js';
import { formatShare, formatYi } from '../internal/format.js';
import { largestPositions } from '../internal/largest.js';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DEFAULT_SEED } from '../internal/random.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';
import type { Indicator, Target } from '../model/schema.js';
import { ENTERPRISE_STATUSES, PROJECT_STATUSES, ROLES, type ProjectStatus, type Role } from '../model/vocabulary.js';
import { resolveScope, type Reason, type ScopeOptions } from './scope/index.js';
import { leontief, localLeontief, outputMultipliers, rasmussenLinkages } from './input-output.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The kinds of output an estimate adds up, in the order of every breakdown.
 *
 * @example
 * OUTPUT_KINDS.map((kind) => estimate.byYear[0].byKind[kind].expected);
 */
export const OUTPUT_KINDS = ['current', 'pipeline', 'capacity', 'induced'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

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

/**
 * Default assumptions of {@link estimateOutput}, with the reason for each in
 * {@link OutputEstimate.assumptionNotes}.
 *
 * @example
 * DEFAULT_OUTPUT_ASSUMPTIONS.rampUp; // [0.4, 0.8, 1]
 * estimateOutput(model, { years: [2024, 2025], assumptions: { growthRate: 0.08 } });
 */
export const DEFAULT_OUTPUT_ASSUMPTIONS: Readonly<OutputAssumptions> = deepFreeze({
  baseYear: null,
  growthRate: 0.05,
  growthSpread: 0.03,
  rampUp: [0.4, 0.8, 1],
  likelihood: {
    planned: 0.2,
    signed: 0.5,
    'under-construction': 0.8,
    'in-production': 0.95,
    'at-capacity': 1,
    cancelled: 0,
  },
  delayProbabilities: [0.5, 0.3, 0.2],
  shortfall: { min: 0.6, mode: 0.9, max: 1.1 },
  productionLag: 1,
  startLag: { planned: 2, signed: 1, 'under-construction': 0 },
  utilisation: { min: 0.6, mode: 0.75, max: 0.9 },
  prices: [
    {
      unit: 'GWh',
      products: ['储能系统', '系统集成', 'pack', '电池包', 'storage system'],
      price: 7.5,
      basis: 'derived',
      note: 'doc-003 (甘肃日报 2024-04-16): 酒泉南都 4GWh LFP storage cells, PACK and system integration, expected yearly output 30亿元 → 7.5亿元/GWh',
    },
    {
      unit: 'GWh',
      products: ['电芯', '电池', 'cell', 'battery'],
      price: 3.5,
      basis: 'assumption',
      note: 'about 0.35元/Wh, a rough 2024 price of LFP storage cells; check against current quotes',
    },
    {
      unit: 'GWh',
      price: 3.5,
      basis: 'assumption',
      note: 'GWh with no product named is taken as storage cells (0.35元/Wh); check',
    },
    {
      unit: 'GW',
      products: ['组件', 'module'],
      price: 8,
      basis: 'assumption',
      note: 'about 0.8元/W, a rough 2024 PV module price; check against current quotes',
    },
    {
      unit: 'GW',
      products: ['风机', '整机', '风电机组', 'turbine'],
      price: 15,
      basis: 'assumption',
      note: 'about 1500元/kW, a rough 2024 onshore wind-turbine price without tower; check',
    },
  ],
  leaderRoles: ['leader'],
  localShare: 0.3,
  localShares: {},
  induced: 'net',
  expectationHorizon: null,
  baseline: 'firms',
} satisfies OutputAssumptions);

const ASSUMPTION_KEYS = Object.keys(DEFAULT_OUTPUT_ASSUMPTIONS) as (keyof OutputAssumptions)[];

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
  /** Probability of meeting the target value by its year. */
  probability: number | null;
  base: { year: number; value: number } | null;
  /** Yearly growth from the base to the target value (fraction). */
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

// ---------------------------------------------------------------------------------------------
// options

function invalid(message: string, details: Record<string, unknown> = {}): never {
  throw new ChainError('invalid_argument', message, details);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkShare(name: string, v: unknown): void {
  if (!isNum(v) || v < 0 || v > 1) invalid(`${name} must be a share in [0, 1], got ${String(v)}`, { option: name, value: v });
}

function checkTriangular(name: string, t: Triangular): void {
  if (!t || !isNum(t.min) || !isNum(t.mode) || !isNum(t.max) || t.min < 0 || t.min > t.mode || t.mode > t.max)
    invalid(`${name} must be { min, mode, max } with 0 ≤ min ≤ mode ≤ max`, { option: name, value: t });
}

function resolveAssumptions(given: OutputAssumptionOptions | undefined): { a: OutputAssumptions; givenKeys: Set<string> } {
  const g = given ?? {};
  for (const key of Object.keys(g))
    if (!ASSUMPTION_KEYS.includes(key as keyof OutputAssumptions))
      invalid(`unknown assumption "${key}"`, { option: key, valid: ASSUMPTION_KEYS });
  const d = DEFAULT_OUTPUT_ASSUMPTIONS;
  const a: OutputAssumptions = {
    baseYear: g.baseYear ?? d.baseYear,
    growthRate: g.growthRate ?? d.growthRate,
    growthSpread: g.growthSpread ?? d.growthSpread,
    rampUp: [...(g.rampUp ?? d.rampUp)],
    likelihood: { ...d.likelihood, ...g.likelihood },
    delayProbabilities: [...(g.delayProbabilities ?? d.delayProbabilities)],
    shortfall: { ...(g.shortfall ?? d.shortfall) },
    productionLag: g.productionLag ?? d.productionLag,
    startLag: { ...d.startLag, ...g.startLag },
    utilisation: { ...(g.utilisation ?? d.utilisation) },
    prices: (g.prices ?? d.prices).map((p) => ({ ...p, ...(p.products ? { products: [...p.products] } : {}) })),
    leaderRoles: [...(g.leaderRoles ?? d.leaderRoles)],
    localShare: g.localShare ?? d.localShare,
    localShares: { ...(g.localShares ?? d.localShares) },
    induced: g.induced ?? d.induced,
    expectationHorizon: g.expectationHorizon ?? d.expectationHorizon,
    baseline: g.baseline ?? d.baseline,
  };
  const year = (name: string, v: unknown) => {
    if (!(Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2200))
      invalid(`${name} must be a year (integer 1900–2200), got ${String(v)}`, { option: name, value: v });
  };
  if (a.baseYear !== null) year('baseYear', a.baseYear);
  if (a.expectationHorizon !== null) year('expectationHorizon', a.expectationHorizon);
  if (!isNum(a.growthRate) || a.growthRate <= -1) invalid('growthRate must be a number > −1', { value: a.growthRate });
  if (!isNum(a.growthSpread) || a.growthSpread < 0) invalid('growthSpread must be ≥ 0', { value: a.growthSpread });
  if (a.rampUp.length === 0 || a.rampUp.some((v) => !isNum(v) || v < 0))
    invalid('rampUp must be a non-empty list of shares ≥ 0', { value: a.rampUp });
  for (const s of PROJECT_STATUSES) checkShare(`likelihood.${s}`, a.likelihood[s]);
  for (const key of Object.keys(a.likelihood))
    if (!PROJECT_STATUSES.includes(key as ProjectStatus)) invalid(`unknown project status "${key}" in likelihood`, { valid: PROJECT_STATUSES });
  const delaySum = a.delayProbabilities.reduce((s, v) => s + v, 0);
  if (a.delayProbabilities.length === 0 || a.delayProbabilities.some((v) => !isNum(v) || v < 0) || Math.abs(delaySum - 1) > 1e-9)
    invalid('delayProbabilities must be probabilities ≥ 0 of a delay of 0, 1, 2, ... years summing to 1', { value: a.delayProbabilities });
  checkTriangular('shortfall', a.shortfall);
  checkTriangular('utilisation', a.utilisation);
  const lag = (name: string, v: unknown) => {
    if (!(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 50)) invalid(`${name} must be a whole number of years ≥ 0`, { value: v });
  };
  lag('productionLag', a.productionLag);
  lag('startLag.planned', a.startLag.planned);
  lag('startLag.signed', a.startLag.signed);
  lag('startLag.under-construction', a.startLag['under-construction']);
  a.prices.forEach((p, i) => {
    if (!p || typeof p.unit !== 'string' || p.unit.trim() === '' || !isNum(p.price) || p.price < 0)
      invalid(`prices[${i}] needs a unit and a price ≥ 0 (亿元 per unit)`, { value: p });
  });
  for (const r of a.leaderRoles) if (!ROLES.includes(r)) invalid(`unknown role "${String(r)}" in leaderRoles`, { valid: ROLES });
  checkShare('localShare', a.localShare);
  for (const [k, v] of Object.entries(a.localShares)) checkShare(`localShares.${k}`, v);
  if (!['net', 'gross', 'none'].includes(a.induced)) invalid(`induced must be 'net', 'gross' or 'none'`, { value: a.induced });
  if (!['firms', 'indicators'].includes(a.baseline)) invalid(`baseline must be 'firms' or 'indicators'`, { value: a.baseline });
  return { a, givenKeys: new Set(Object.keys(g)) };
}

// ---------------------------------------------------------------------------------------------
// units, prices, periods

const UNIT_SCALE: Record<string, [string, number]> = {
  gwh: ['GWh', 1],
  mwh: ['GWh', 1e-3],
  kwh: ['GWh', 1e-6],
  吉瓦时: ['GWh', 1],
  兆瓦时: ['GWh', 1e-3],
  gw: ['GW', 1],
  mw: ['GW', 1e-3],
  kw: ['GW', 1e-6],
  吉瓦: ['GW', 1],
  兆瓦: ['GW', 1e-3],
  千瓦: ['GW', 1e-6],
  万千瓦: ['GW', 1e-2],
};

/** A unit in its base unit and the factor to it. */
function baseUnit(unit: string): [string, number] {
  const key = unit.trim().toLowerCase();
  return UNIT_SCALE[key] ?? [key, 1];
}

interface PriceMatch {
  price: UnitPrice;
  /** 亿元 for the capacity's value. */
  value: number;
}

function priceCapacity(value: number, unit: string, text: string, prices: readonly UnitPrice[]): PriceMatch | undefined {
  const [base, factor] = baseUnit(unit);
  const lower = text.toLowerCase();
  let generic: UnitPrice | undefined;
  for (const p of prices) {
    const [pBase, pFactor] = baseUnit(p.unit);
    if (pBase !== base) continue;
    const perBase = p.price / pFactor;
    if (p.products === undefined || p.products.length === 0) {
      generic ??= p;
      continue;
    }
    if (p.products.some((k) => lower.includes(k.toLowerCase()))) return { price: p, value: value * factor * perBase };
  }
  if (generic) return { price: generic, value: (value * factor * generic.price) / baseUnit(generic.unit)[1] };
  return undefined;
}

/** Months an indicator period covers: "1-8月" → 8, "Q1"/"一季度" → 3, "前三季度" → 9, "上半年" → 6; 12 when absent or unknown. */
function periodMonths(period: string | undefined): { months: number; known: boolean } {
  if (period === undefined || period.trim() === '' || /全年|年度/u.test(period)) return { months: 12, known: true };
  const p = period.trim();
  const range = /(\d{1,2})\s*[-–—~至到]\s*(\d{1,2})\s*月/u.exec(p);
  if (range) return { months: Math.max(1, Number(range[2]) - Number(range[1]) + 1), known: true };
  if (/前三季度|Q1\s*[-–~]\s*Q3/iu.test(p)) return { months: 9, known: true };
  if (/上半年|H1/iu.test(p)) return { months: 6, known: true };
  if (/^(Q[1-4]|[一二三四]季度|第[一二三四]季度)$/iu.test(p)) return { months: 3, known: true };
  const single = /^(\d{1,2})月$/u.exec(p);
  if (single) return { months: 1, known: true };
  return { months: 12, known: false };
}

/** 亿元 per unit of a target's or indicator's unit; undefined when not money. */
function moneyFactor(unit: string | undefined): number | undefined {
  if (unit === undefined) return 1;
  const u = unit.trim();
  if (u === '亿元' || u === '亿' || u === '') return 1;
  if (u === '万元') return 1e-4;
  if (u === '元') return 1e-8;
  return undefined;
}

function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Mean and P10/P50/P90 of column `t` of a runs × T matrix. */
function bandOf(values: Float64Array, runs: number, T: number, t: number, scratch: Float64Array): Band {
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const v = values[r * T + t]!;
    scratch[r] = v;
    sum += v;
  }
  scratch.sort();
  return { expected: sum / runs, p10: percentile(scratch, 0.1), p50: percentile(scratch, 0.5), p90: percentile(scratch, 0.9) };
}

function bandOfRuns(values: Float64Array, scratch: Float64Array): Band {
  let sum = 0;
  for (let r = 0; r < values.length; r++) {
    scratch[r] = values[r]!;
    sum += values[r]!;
  }
  scratch.sort();
  return {
    expected: sum / values.length,
    p10: percentile(scratch, 0.1),
    p50: percentile(scratch, 0.5),
    p90: percentile(scratch, 0.9),
  };
}

/** A ratio that may overflow for tiny denominators: null when not finite (results hold no Infinity). */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

const cagr = (from: number, to: number, years: number): number | null =>
  years > 0 && from > 0 && to >= 0 ? finite((to / from) ** (1 / years) - 1) : null;

// ---------------------------------------------------------------------------------------------
// the estimate

/** A pipeline item: a project in scope, or a project implied by a non-operating enterprise. */
interface PipeItem {
  id: string;
  name: string;
  project: number;
  enterprise: number;
  status: ProjectStatus;
  likelihood: number;
  base: number;
  valuation: 'reported' | 'capacity' | null;
  capacityValued: boolean;
  prod: number;
  prodSource: ProjectEstimate['productionYearSource'];
  delayable: boolean;
  ramp: number[];
  region: number;
  segs: number[];
  chains: number[];
  counted: boolean;
  reason: Reason;
}

interface AuditPlan {
  target: Target;
  index: number;
  region: number;
  chain: number;
  value: number | null;
  year: number;
  yearSource: TargetAudit['yearSource'];
  unavailable: Reason | null;
  indicator: { record: Indicator; annualised: number; months: number; known: boolean } | null;
  useIndicators: boolean;
}

const KIND_CURRENT = 0;
const KIND_PIPELINE = 1;
const KIND_CAPACITY = 2;
const KIND_INDUCED = 3;

const ST_OPERATING = ENTERPRISE_STATUSES.indexOf('operating');
const ST_CLOSED = ENTERPRISE_STATUSES.indexOf('closed');
const ST_PROSPECT = ENTERPRISE_STATUSES.indexOf('prospect');
/** Status of the project a non-operating enterprise implies, by enterprise status code. */
const IMPLIED_STATUS: (ProjectStatus | undefined)[] = ENTERPRISE_STATUSES.map((s) =>
  s === 'under-construction' || s === 'signed' || s === 'planned' ? s : s === 'prospect' ? 'planned' : undefined,
);
const NO_ROLE_CODE = 255;
const ROLE_CODE = new Map<string, number>(ROLES.map((r, i) => [r, i]));
const NO_YEAR = -2_147_483_648;

/**
 * Columns of a model every estimate reads, derived once per model (a model is never mutated):
 * each enterprise's distinct chains (those of its segments, then of its chain roles; ascending)
 * with its role in each (the chain role, else its own role), and its output year.
 */
interface EnterpriseColumns {
  /** CSR over enterprises: chain indices, ascending. */
  chainOff: Int32Array;
  chainItems: Int32Array;
  /** Role code (index into ROLES, or NO_ROLE_CODE) in each chain of `chainItems`. */
  chainRole: Uint8Array;
  /** `outputYear`, or NO_YEAR. */
  outputYear: Int32Array;
}

const columnCache = new WeakMap<ChainModel, EnterpriseColumns>();

function enterpriseColumns(model: ChainModel): EnterpriseColumns {
  const cached = columnCache.get(model);
  if (cached) return cached;
  const { dataset, index } = model;
  const E = index.enterprises;
  const S = index.segments;
  const chainIds = index.chains.ids;
  const n = E.ids.length;
  const chainOff = new Int32Array(n + 1);
  let chainItems = new Int32Array(n + 16);
  let chainRole = new Uint8Array(n + 16);
  const outputYear = new Int32Array(n);
  const list: number[] = [];
  let len = 0;
  for (let e = 0; e < n; e++) {
    const rec = dataset.enterprises[e]!;
    outputYear[e] = rec.outputYear ?? NO_YEAR;
    list.length = 0;
    for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) {
      const c = S.chain[E.segments.items[k]!]!;
      if (!list.includes(c)) list.push(c);
    }
    const chainRoles = rec.chainRoles;
    if (chainRoles !== undefined)
      for (const r of chainRoles) {
        const c = index.chains.byId.get(r.chain);
        if (c !== undefined && !list.includes(c)) list.push(c);
      }
    if (list.length > 1) list.sort((x, y) => x - y);
    if (len + list.length > chainItems.length) {
      const grown = new Int32Array(2 * chainItems.length + list.length);
      grown.set(chainItems);
      chainItems = grown;
      const grownRoles = new Uint8Array(grown.length);
      grownRoles.set(chainRole);
      chainRole = grownRoles;
    }
    for (const c of list) {
      const role = chainRoles?.find((r) => r.chain === chainIds[c])?.role ?? rec.role;
      chainItems[len] = c;
      chainRole[len] = role === undefined ? NO_ROLE_CODE : ROLE_CODE.get(role)!;
      len++;
    }
    chainOff[e + 1] = len;
  }
  const columns: EnterpriseColumns = { chainOff, chainItems: chainItems.slice(0, len), chainRole: chainRole.slice(0, len), outputYear };
  columnCache.set(model, columns);
  return columns;
}

function triangular(u: number, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const c = (mode - min) / (max - min);
  return u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Firms of the region active in the chain (all with chain −1), ascending. */
function firmsInScope(s: Scratch, regionEnts: Int32Array, chain: number, chainOff: Int32Array, chainItems: Int32Array): Int32Array {
  if (chain < 0) return s.copy(regionEnts).sort();
  const out = s.int32(regionEnts.length);
  let n = 0;
  for (let q = 0; q < regionEnts.length; q++) {
    const e = regionEnts[q]!;
    let found = false;
    for (let k = chainOff[e]!; k < chainOff[e + 1]! && !found; k++) found = chainItems[k] === chain;
    if (found) out[n++] = e;
  }
  return out.subarray(0, n).sort();
}

/** Latest output year of the operating firms with an output and its year; −1 if none. */
function latestOutputYear(firms: Int32Array, status: Uint8Array, output: Float64Array, outputYear: Int32Array): number {
  let latest = -1;
  for (let q = 0; q < firms.length; q++) {
    const e = firms[q]!;
    if (status[e] === ST_OPERATING && !Number.isNaN(output[e]!) && outputYear[e] !== NO_YEAR) latest = Math.max(latest, outputYear[e]!);
  }
  return latest;
}

/** Firms with a leader role by chain (those not closed), each list ascending. */
function leadersOf(
  firms: Int32Array,
  status: Uint8Array,
  chainOff: Int32Array,
  chainItems: Int32Array,
  chainRole: Uint8Array,
  leaderRole: Uint8Array,
  nChains: number,
): number[][] {
  const out: number[][] = Array.from({ length: nChains }, () => []);
  for (let q = 0; q < firms.length; q++) {
    const e = firms[q]!;
    if (status[e] === ST_CLOSED) continue;
    for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) if (leaderRole[chainRole[k]!] === 1) out[chainItems[k]!]!.push(e);
  }
  return out;
}

/** Enterprises with a non-zero entry, ascending. */
function firmsListed(s: Scratch, kinds: Uint8Array): Int32Array {
  let n = 0;
  for (let e = 0; e < kinds.length; e++) if (kinds[e] !== 0) n++;
  const out = s.int32(n);
  for (let e = 0, q = 0; e < kinds.length; e++) if (kinds[e] !== 0) out[q++] = e;
  return out;
}

/**
 * The `limit` firms of `listed` with the largest expected output in the last year (`entExp` row
 * `entRow[e]`, width nY; NaN counts as −∞), ties to the earlier in the list, kept in list order.
 */
function largestFirms(s: Scratch, listed: Int32Array, entRow: Int32Array, entExp: Float64Array, nY: number, limit: number): Int32Array {
  const key = s.float64(listed.length);
  for (let q = 0; q < listed.length; q++) key[q] = entExp[entRow[listed[q]!]! * nY + nY - 1]!;
  return largestPositions(key, limit, s).map((q) => listed[q]!);
}

/**
 * The draws of `createRandom(seed)` (src/internal/random.ts: pure-rand's xoroshiro128+, 53-bit
 * uniforms as pure-rand's uniformFloat64 makes them, Box–Muller normals keeping the spare), with
 * the generator's state in a typed array, so that the Monte Carlo's inner loop can step it in
 * local variables: the draws cost about half as much as through a method call per 32 bits. The
 * tests check the Monte Carlo against a reference drawing from createRandom.
 */
class Draws {
  /** xoroshiro128+ state as pure-rand's getState orders it: s01, s00, s11, s10. */
  readonly state: Int32Array;
  /** A double from the start, so the field keeps one representation. */
  private spare = Number.NaN;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = Int32Array.from(xoroshiro128plus(seed | 0).getState());
  }

  /** Uniform in [0, 1), as random.float(). */
  float(): number {
    const st = this.state;
    let s01 = st[0]!;
    let s00 = st[1]!;
    let s11 = st[2]!;
    let s10 = st[3]!;
    let out = (s00 + s10) | 0;
    let a0 = s10 ^ s00;
    let a1 = s11 ^ s01;
    let t00 = s00;
    let t01 = s01;
    s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const high = out & UNIFORM_HIGH_MASK;
    out = (s00 + s10) | 0;
    a0 = s10 ^ s00;
    a1 = s11 ^ s01;
    t00 = s00;
    t01 = s01;
    s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    st[0] = s01;
    st[1] = s00;
    st[2] = s11;
    st[3] = s10;
    return high * UNIFORM_HIGH_SCALE + (out & UNIFORM_LOW_MASK) * UNIFORM_LOW_SCALE;
  }

  /** Standard normal, as random.normal(). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** pure-rand's uniformFloat64: 26 high bits from one 32-bit draw, 27 low bits from the next. */
const UNIFORM_HIGH_MASK = 0x3ffffff;
const UNIFORM_LOW_MASK = 0x7ffffff;
const UNIFORM_HIGH_SCALE = 2 ** -26;
const UNIFORM_LOW_SCALE = 2 ** -53;

/** A chain whose induced output is modelled. */
interface InducedChain {
  chain: number;
  segStart: number;
  n: number;
  /** L_d − I, row-major n × n. */
  Lm1: Float64Array;
  /** Positions of the segments leaders put output in (the only non-zero entries of y). */
  leaderCols: Int32Array;
  leaders: number[];
  info: InducedEstimate;
  pos: number;
}

/** Everything the Monte Carlo reads and writes, as flat arrays (a function of its own, so the JIT optimises the loop on its own). */
interface Simulation {
  runs: number;
  T: number;
  J: number;
  CAP: number;
  origins: Float64Array;
  yearArr: Float64Array;
  nBuckets: number;
  AUD0: number;
  nAudits: number;
  LEAD0: number;
  LIST0: number;
  termBucket: Int32Array;
  termGroup: Int32Array;
  termCoef: Float64Array;
  pBase: Float64Array;
  pLik: Float64Array;
  /** Production year (whole; −1 000 000: at capacity since ever). */
  pProd: Int32Array;
  pDelayable: Uint8Array;
  pCapValued: Uint8Array;
  pRampOff: Int32Array;
  rampArr: Float64Array;
  pGroup: Int32Array;
  nG: number;
  gOff: Int32Array;
  tBucket: Int32Array;
  tWeight: Float64Array;
  inducedChains: InducedChain[];
  inducedAudits: Int32Array[];
  inducedPositions: number;
  induced: InducedMode;
  growthRate: number;
  growthSpread: number;
  shortfall: Triangular;
  utilisation: Triangular;
  delayProbabilities: readonly number[];
  seed: number;
}

interface SimulationResult {
  /** Sum over runs of each (year slot, factor group) factor. */
  meanFactor: Float64Array;
  /** runs × T. */
  total: Float64Array;
  kindRuns: Float64Array[];
  auditRuns: Float64Array[];
  zRuns: Float64Array;
  /** Sum over runs of each project's output, nP × T. */
  projSum: Float64Array;
  inducedGrossSum: Float64Array;
  inducedAddedSum: Float64Array;
}

/** The Monte Carlo's project columns and per-run scratch, read by {@link drawProjects}. */
interface ProjectRun {
  nP: number;
  T: number;
  /** Requested and internal years, ascending, whole. */
  yearInt: Int32Array;
  lastYear: number;
  pBase: Float64Array;
  pLik: Float64Array;
  pProd: Int32Array;
  pDelayable: Uint8Array;
  pCapValued: Uint8Array;
  pRampOff: Int32Array;
  rampArr: Float64Array;
  pGroup: Int32Array;
  delayCum: Float64Array;
  shortfall: Triangular;
  /** Sum over runs of each project's output, nP × T. */
  projSum: Float64Array;
  /** This run's output by group, nG × T (all 0 between runs). */
  groupRun: Float64Array;
  /** First year slot a group has output in during the run (T: none); earlier slots hold 0. */
  groupFrom: Int32Array;
  /**
   * This run's utilisation, in a typed array: read from it, it is a plain double in the loop (a
   * number argument may stay boxed, and each capacity-or-shortfall factor would then allocate).
   */
  util: Float64Array;
}

/**
 * One run over the projects: three uniforms each, in project order, drawn with the generator's
 * state in local variables (the steps of {@link Draws.float}); adds each project's output to its
 * sum over runs and to its group's output in this run.
 */
function drawProjects(pr: ProjectRun, st: Int32Array): void {
  const { nP, T, yearInt, lastYear, pBase, pLik, pProd, pDelayable, pCapValued, pRampOff, rampArr, pGroup, delayCum } = pr;
  const { projSum, groupRun, groupFrom } = pr;
  const util = pr.util[0]!;
  const { min: sMin, mode: sMode, max: sMax } = pr.shortfall;
  // triangular(u, sMin, sMode, sMax) with its constant parts hoisted (the same operations in the same order)
  const sFixed = sMax === sMin;
  const sWidth = sMax - sMin;
  const sLow = sMode - sMin;
  const sHigh = sMax - sMode;
  const sCut = sLow / sWidth;
  let s01 = st[0]!;
  let s00 = st[1]!;
  let s11 = st[2]!;
  let s10 = st[3]!;
  for (let i = 0; i < nP; i++) {
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    for (let d = 0; d < 3; d++) {
      let out = (s00 + s10) | 0;
      let a0 = s10 ^ s00;
      let a1 = s11 ^ s01;
      let t00 = s00;
      let t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const high = out & UNIFORM_HIGH_MASK;
      out = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = s00;
      t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const u = high * UNIFORM_HIGH_SCALE + (out & UNIFORM_LOW_MASK) * UNIFORM_LOW_SCALE;
      if (d === 0) u1 = u;
      else if (d === 1) u2 = u;
      else u3 = u;
    }
    // the state back in every iteration (cheap stores): stores first reached after the loop would
    // leave code compiled during the first call without feedback for them, and deoptimise every call
    st[0] = s01;
    st[1] = s00;
    st[2] = s11;
    st[3] = s10;
    if (!(u1 < pLik[i]!)) continue;
    let delay = 0;
    if (pDelayable[i]) while (u2 >= delayCum[delay]!) delay++;
    const start = pProd[i]! + delay;
    // a project starting after the last year adds nothing (its draws are taken all the same)
    if (start > lastYear) continue;
    const f = pCapValued[i]
      ? util
      : sFixed
        ? sMin
        : u3 < sCut
          ? sMin + Math.sqrt(u3 * sWidth * sLow)
          : sMax - Math.sqrt((1 - u3) * sWidth * sHigh);
    const full = pBase[i]! * f;
    const r0 = pRampOff[i]!;
    const rLast = pRampOff[i + 1]! - r0 - 1;
    const pRow = i * T;
    const gi = pGroup[i]!;
    const gRow = gi * T;
    let t = 0;
    while (yearInt[t]! < start) t++;
    if (t < groupFrom[gi]!) groupFrom[gi] = t;
    for (; t < T; t++) {
      const k = yearInt[t]! - start;
      const v = full * rampArr[r0 + (k < rLast ? k : rLast)]!;
      projSum[pRow + t]! += v;
      groupRun[gRow + t]! += v;
    }
  }
}

/**
 * Adds each group's output in this run to its buckets, in group order. Slots before a group's
 * first output hold 0 and would add nothing (a bucket, a sum from +0, is never −0), so they are
 * skipped; the group's row is cleared for the next run.
 */
function addGroups(
  T: number,
  nG: number,
  gOff: Int32Array,
  tBucket: Int32Array,
  tWeight: Float64Array,
  groupRun: Float64Array,
  groupFrom: Int32Array,
  bucket: Float64Array,
): void {
  for (let gi = 0; gi < nG; gi++) {
    const from = groupFrom[gi]!;
    if (from === T) continue;
    const gRow = gi * T;
    for (let q = gOff[gi]!; q < gOff[gi + 1]!; q++) {
      const b = tBucket[q]! * T;
      const w = tWeight[q]!;
      for (let t = from; t < T; t++) bucket[b + t]! += w * groupRun[gRow + t]!;
    }
    for (let t = from; t < T; t++) groupRun[gRow + t] = 0;
    groupFrom[gi] = T;
  }
}

/**
 * The Monte Carlo runs. Per run: one normal draw (growth), one uniform (utilisation), then three
 * uniforms per project in project order; current and capacity output enter as (bucket, factor
 * group) terms, projects through their (bucket, weight) groups, induced output last.
 */
function simulate(s: Scratch, sim: Simulation): SimulationResult {
  const { runs, T, J, CAP, origins, yearArr, nBuckets, AUD0, nAudits, LEAD0, LIST0 } = sim;
  const { termBucket, termGroup, termCoef, pBase, nG, gOff, tBucket, tWeight, inducedChains, inducedAudits, inducedPositions } = sim;
  const { growthRate, growthSpread } = sim;
  const nTerms = termBucket.length;
  const nP = pBase.length;
  const net = sim.induced === 'net';
  const none = sim.induced === 'none';
  const draws = new Draws(sim.seed);
  const delayCum = new Float64Array(sim.delayProbabilities.length);
  sim.delayProbabilities.reduce((s, v, i) => (delayCum[i] = s + v), 0);
  delayCum[delayCum.length - 1] = Infinity;
  // years and production years are whole: their differences index the ramp-up in integers
  const yearInt = Int32Array.from(yearArr);
  const projects: ProjectRun = {
    nP,
    T,
    yearInt,
    lastYear: T > 0 ? yearInt[T - 1]! : 0,
    pBase,
    pLik: sim.pLik,
    pProd: sim.pProd,
    pDelayable: sim.pDelayable,
    pCapValued: sim.pCapValued,
    pRampOff: sim.pRampOff,
    rampArr: sim.rampArr,
    pGroup: sim.pGroup,
    delayCum,
    shortfall: sim.shortfall,
    projSum: s.float64(nP * T),
    groupRun: s.float64(nG * T),
    groupFrom: s.int32(nG, T),
    util: new Float64Array(1),
  };
  const bucket = s.float64(nBuckets * T);
  const factor = s.float64(T * J);
  const meanFactor = s.float64(T * J);
  const total = s.float64(runs * T);
  const kindRuns = [0, 1, 2, 3].map(() => s.float64(runs * T));
  const auditRuns: Float64Array[] = [];
  for (let i = 0; i < nAudits; i++) auditRuns.push(s.float64(runs * T));
  const zRuns = s.float64(runs);
  const inducedGrossSum = s.float64(inducedPositions * T);
  const inducedAddedSum = s.float64(inducedPositions * T);
  let maxN = 0;
  for (const ic of inducedChains) maxN = Math.max(maxN, ic.n);
  const yVec = new Float64Array(maxN);
  const { min: uMin, mode: uMode, max: uMax } = sim.utilisation;

  for (let run = 0; run < runs; run++) {
    bucket.fill(0);
    const z = draws.normal();
    zRuns[run] = z;
    const g = Math.max(-0.95, growthRate + growthSpread * z);
    const util = triangular(draws.float(), uMin, uMode, uMax);
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < CAP; j++) factor[t * J + j] = (1 + g) ** (yearArr[t]! - origins[j]!);
      factor[t * J + CAP] = util;
    }
    for (let k = 0; k < T * J; k++) meanFactor[k]! += factor[k]!;
    for (let i = 0; i < nTerms; i++) {
      const b = termBucket[i]! * T;
      const gr = termGroup[i]!;
      const coef = termCoef[i]!;
      for (let t = 0; t < T; t++) bucket[b + t]! += coef * factor[t * J + gr]!;
    }
    projects.util[0] = util;
    drawProjects(projects, draws.state);
    addGroups(T, nG, gOff, tBucket, tWeight, projects.groupRun, projects.groupFrom, bucket);
    for (let ci = 0; ci < inducedChains.length; ci++) {
      const ic = inducedChains[ci]!;
      const n = ic.n;
      const cols = ic.leaderCols;
      const nc = cols.length;
      if (nc === 0) continue;
      const Lm1 = ic.Lm1;
      const audits = inducedAudits[ci]!;
      for (let t = 0; t < T; t++) {
        for (let q = 0; q < nc; q++) yVec[q] = bucket[(LEAD0 + ic.pos + cols[q]!) * T + t]!;
        let added = 0;
        for (let i = 0; i < n; i++) {
          let gross = 0;
          for (let q = 0; q < nc; q++) gross += Lm1[i * n + cols[q]!]! * yVec[q]!;
          let add = gross;
          if (net) add = Math.max(0, gross - bucket[(LIST0 + ic.pos + i) * T + t]!);
          else if (none) add = 0;
          inducedGrossSum[(ic.pos + i) * T + t]! += gross;
          inducedAddedSum[(ic.pos + i) * T + t]! += add;
          added += add;
        }
        bucket[KIND_INDUCED * T + t]! += added;
        for (let q = 0; q < audits.length; q++) bucket[audits[q]! * T + t]! += added;
      }
    }
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) {
        const v = bucket[k * T + t]!;
        kindRuns[k]![run * T + t] = v;
        sum += v;
      }
      total[run * T + t] = sum;
      for (let i = 0; i < nAudits; i++) auditRuns[i]![run * T + t] = bucket[(AUD0 + i) * T + t]!;
    }
  }
  return { meanFactor, total, kindRuns, auditRuns, zRuns, projSum: projects.projSum, inducedGrossSum, inducedAddedSum };
}

/**
 * Estimates output year by year for a chain and/or region: current, capacity-based, pipeline
 * and induced output, as a seeded Monte Carlo range with P10 / P50 / P90 bands, broken down by
 * enterprise, segment and kind, with each assumption reported and every output target in scope
 * audited. Unknown chain or region ids throw a {@link ChainError} listing the valid ones; bad
 * options throw a {@link ChainError} with code `invalid_argument`.
 *
 * @example
 * const estimate = estimateOutput(model, { chain: 'energy-storage', years: [2024, 2025, 2026], runs: 10_000, seed: 7 });
 * estimate.byYear[2]; // { year: 2026, expected: 61.2, p10: 38.0, p50: 60.1, p90: 85.4, byKind: {...} }
 * estimate.targets[0].bandPosition; // 'above': the target lies above the P90 of the estimate
 * // a province-wide estimate listing only its 100 largest firms (totals still cover every firm)
 * estimateOutput(model, { region: 'gansu', years: [2030], runs: 2000, enterpriseLimit: 100 }).enterprisesOmitted; // e.g. 59 900
 */
export function estimateOutput(model: ChainModel, options: OutputOptions): OutputEstimate {
  return withScratch(model, (s) => estimate(model, options, s));
}

/** {@link estimateOutput} with the call's scratch arrays taken from `s` (none of them reaches the result). */
function estimate(model: ChainModel, options: OutputOptions, s: Scratch): OutputEstimate {
  const scope = resolveScope(model, options);
  const { dataset, index } = model;
  const scopeRegion = scope.regionIndex;
  const scopeChain = scope.chainIndex ?? -1;

  if (!Array.isArray(options.years) || options.years.length === 0)
    invalid('years must be a non-empty list of years', { value: options.years });
  for (const y of options.years)
    if (!(Number.isInteger(y) && y >= 1900 && y <= 2200)) invalid(`years: ${String(y)} is not a year (integer 1900–2200)`, { value: y });
  const years = [...new Set(options.years)].sort((x, y) => x - y);
  const runs = options.runs ?? 10_000;
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 1_000_000)) invalid('runs must be an integer in 1..1 000 000', { value: runs });
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) invalid('seed must be an integer', { value: seed });
  const enterpriseLimit = options.enterpriseLimit;
  if (enterpriseLimit !== undefined && !(Number.isInteger(enterpriseLimit) && enterpriseLimit >= 0))
    invalid('enterpriseLimit must be an integer ≥ 0', { value: enterpriseLimit });
  const { a, givenKeys } = resolveAssumptions(options.assumptions);

  const localShareOverrides = new Map<number, number>();
  for (const [key, share] of Object.entries(a.localShares)) {
    const slash = key.indexOf('/');
    let chain: string;
    let segment: string;
    if (slash >= 0) [chain, segment] = [key.slice(0, slash), key.slice(slash + 1)];
    else if (scope.chain !== undefined) [chain, segment] = [scope.chain, key];
    else return invalid(`localShares key "${key}" needs the form chain/segment without a chain scope`, { key });
    localShareOverrides.set(segmentIndex(model, chain, segment), share);
  }

  const E = index.enterprises;
  const S = index.segments;
  const nE = E.ids.length;
  const nChains = index.chains.ids.length;
  const chainIds = index.chains.ids;
  const { enter: regionEnter, leave: regionLeave } = index.regions;
  const regionName = (r: number) => dataset.regions[r]!.name;
  const chainName = (c: number) => model.chains[c]!.name;
  const segName = (s: number) => {
    const c = S.chain[s]!;
    return model.chains[c]!.segments[s - S.chainStart[c]!]!.name;
  };
  const segIds = Array.from(S.keys, (_, s) => model.chains[S.chain[s]!]!.segments[s - S.chainStart[S.chain[s]!]!]!.id);
  const segId = (s: number) => segIds[s]!;

  // --- enterprises in scope: located in the region, active in the chain (segment or chain role)
  const { chainOff, chainItems, chainRole, outputYear } = enterpriseColumns(model);
  /** Whether enterprise e is active in chain c (its segments or chain roles). */
  const hasChain = (e: number, c: number): boolean => {
    for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) if (chainItems[k] === c) return true;
    return false;
  };
  /** Distinct chains of an enterprise, ascending (a new list). */
  const entChains = (e: number): number[] => {
    const out: number[] = [];
    for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) out.push(chainItems[k]!);
    return out;
  };
  const entSegs = (e: number): number[] => {
    const out: number[] = [];
    for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) {
      const s = E.segments.items[k]!;
      if (scopeChain < 0 || S.chain[s] === scopeChain) out.push(s);
    }
    return out;
  };
  const leaderRole = new Uint8Array(256);
  for (const r of a.leaderRoles) leaderRole[ROLE_CODE.get(r)!] = 1;
  /** Whether e has a leader role in chain c: its role in the chain, else its own role. */
  const isLeaderIn = (e: number, c: number): boolean => {
    for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) if (chainItems[k] === c) return leaderRole[chainRole[k]!] === 1;
    return leaderRole[E.role[e]!] === 1;
  };
  const scopeEnts = firmsInScope(s, enterprisesInRegionIdx(model, scopeRegion), scopeChain, chainOff, chainItems);
  const nScope = scopeEnts.length;

  // --- base year: latest observed year in scope
  let baseYear = a.baseYear ?? -1;
  if (baseYear < 0) {
    baseYear = Math.max(baseYear, latestOutputYear(scopeEnts, E.status, E.output, outputYear));
    for (const ind of dataset.indicators) {
      const r = index.regions.byId.get(ind.scope.region);
      if (r !== undefined && regionWithinIdx(model, r, scopeRegion)) baseYear = Math.max(baseYear, ind.year);
    }
    if (baseYear < 0) baseYear = years[0]!;
  }
  const horizon = a.expectationHorizon ?? years[years.length - 1]!;

  // --- target audits in scope
  const plans: AuditPlan[] = [];
  dataset.targets.forEach((t, ti) => {
    const r = index.regions.byId.get(t.scope.region);
    if (r === undefined || !regionWithinIdx(model, r, scopeRegion)) return;
    const c = t.scope.chain === undefined ? -1 : (index.chains.byId.get(t.scope.chain) ?? -2);
    if (c === -2) return;
    if (scopeChain >= 0 && c >= 0 && c !== scopeChain) return;
    let unavailable: Reason | null = null;
    let value: number | null = null;
    if (t.metric !== 'output' && t.metric !== 'sales')
      unavailable = {
        zh: `指标 ${t.metric} 不是产值，本测算不覆盖`,
        en: `metric ${t.metric} is not output; the estimate does not cover it`,
      };
    else if (t.value !== undefined) {
      const f = moneyFactor(t.unit);
      if (f === undefined)
        unavailable = { zh: `单位 "${t.unit}" 不是金额，无法与产值比较`, en: `unit "${t.unit}" is not money; it cannot be set against output` };
      else value = t.value * f;
    }
    const year = t.year ?? horizon;
    let indicator: AuditPlan['indicator'] = null;
    for (const ind of dataset.indicators) {
      if (ind.metric !== 'output' || ind.value === undefined) continue;
      if (ind.scope.region !== t.scope.region || (ind.scope.chain ?? null) !== (t.scope.chain ?? null)) continue;
      const f = moneyFactor(ind.unit);
      if (f === undefined) continue;
      const { months, known } = periodMonths(ind.period);
      const annualised = (ind.value * f * 12) / months;
      if (indicator === null || ind.year > indicator.record.year || (ind.year === indicator.record.year && months > indicator.months))
        indicator = { record: ind, annualised, months, known };
    }
    plans.push({
      target: t,
      index: ti,
      region: r,
      chain: c,
      value,
      year,
      yearSource: t.year === undefined ? 'expectation-horizon' : 'target',
      unavailable,
      indicator,
      useIndicators: a.baseline === 'indicators' && c < 0 && indicator !== null,
    });
  });

  // --- internal years: requested ∪ base ∪ audit years ∪ indicator years
  const yearSet = new Set<number>([...years, baseYear]);
  for (const p of plans) {
    yearSet.add(p.year);
    if (p.indicator) yearSet.add(p.indicator.record.year);
  }
  const Y = [...yearSet].sort((x, y) => x - y);
  const T = Y.length;
  const slot = new Map(Y.map((y, t) => [y, t]));

  // --- fixed items (current / capacity) and gaps, as columns: one per operating firm with output or priced capacity
  const gaps: OutputGap[] = [];
  const pipes: PipeItem[] = [];
  const itemOfEnt = s.int32(nE, -1);
  const refYear = s.int32(nE);
  const entName = (e: number) => dataset.enterprises[e]!.name;
  const priceText = (text: string | undefined, fallback: string) => text ?? fallback;
  const fixedEnt = s.int32(nScope);
  const fixedKind = s.uint8(nScope);
  const fixedBase = s.float64(nScope);
  /** Output year (current); baseYear for capacity (ignored). */
  const fixedOrigin = s.int32(nScope);
  let nFixed = 0;
  const addFixed = (e: number, kind: number, base: number, origin: number) => {
    itemOfEnt[e] = nFixed;
    fixedEnt[nFixed] = e;
    fixedKind[nFixed] = kind;
    fixedBase[nFixed] = base;
    fixedOrigin[nFixed] = origin;
    nFixed++;
  };

  const projectsOf = new Map<number, number[]>();
  const P = index.projects;
  const projInScope = (k: number): boolean => {
    if (!regionWithinIdx(model, P.region[k]!, scopeRegion)) return false;
    if (scopeChain < 0) return true;
    if (P.chain[k]! >= 0) return P.chain[k] === scopeChain;
    const e = P.enterprise[k]!;
    return e >= 0 && hasChain(e, scopeChain);
  };
  const scopeProjects: number[] = [];
  for (let k = 0; k < P.ids.length; k++) {
    if (!projInScope(k)) continue;
    scopeProjects.push(k);
    const e = P.enterprise[k]!;
    if (e >= 0) {
      const list = projectsOf.get(e) ?? [];
      list.push(k);
      projectsOf.set(e, list);
    }
  }

  // a function of its own, so that the JIT compiles the loop on its own
  const collectFixed = () => {
    for (let q = 0; q < nScope; q++) {
      const e = scopeEnts[q]!;
      const status = E.status[e]!;
      if (status === ST_CLOSED) continue;
      const outYear = outputYear[e]!;
      refYear[e] = outYear !== NO_YEAR ? outYear : baseYear;
      if (status !== ST_OPERATING) continue;
      const output = E.output[e]!;
      if (!Number.isNaN(output)) {
        addFixed(e, KIND_CURRENT, output, outYear !== NO_YEAR ? outYear : baseYear);
        continue;
      }
      const rec = dataset.enterprises[e]!;
      let best: PriceMatch | undefined;
      let unpriced = 0;
      for (const cap of rec.capacity ?? []) {
        const m = priceCapacity(cap.value, cap.unit, priceText(cap.product, rec.name), a.prices);
        if (m === undefined) unpriced++;
        else if (best === undefined || m.value > best.value) best = m;
        if (m && cap.year !== undefined) refYear[e] = cap.year;
      }
      if (best) {
        addFixed(e, KIND_CAPACITY, best.value, baseYear);
        continue;
      }
      const producing = (projectsOf.get(e) ?? []).some((k) => {
        const s = dataset.projects[k]!.status;
        return s === 'in-production' || s === 'at-capacity';
      });
      if (producing) continue;
      if (unpriced > 0)
        gaps.push({
          code: 'no-price',
          enterprise: rec.id,
          project: null,
          reason: {
            zh: `${rec.name} 仅有产能（${(rec.capacity ?? []).map((c) => `${c.value}${c.unit}`).join('、')}），单价表中没有对应单价，无法折算产值`,
            en: `${rec.name} has only capacity (${(rec.capacity ?? []).map((c) => `${c.value} ${c.unit}`).join(', ')}) and no unit price matches it, so its output cannot be valued`,
          },
        });
      else
        gaps.push({
          code: 'no-output',
          enterprise: rec.id,
          project: null,
          reason: {
            zh: `${rec.name} 在产，但数据集中没有其产值或产能，未计入测算`,
            en: `${rec.name} is operating but the dataset gives neither its output nor its capacity; it is left out of the estimate`,
          },
        });
    }
  };
  collectFixed();

  // --- pipeline: projects in scope, and projects implied by non-operating enterprises
  const rampFor = (prod: number, full: number | undefined): number[] => {
    if (full === undefined || full < prod) return [...a.rampUp];
    if (full === prod) return [1];
    const first = a.rampUp[0]!;
    const n = full - prod;
    return Array.from({ length: n + 1 }, (_, k) => (k === n ? 1 : first + ((1 - first) * k) / n));
  };
  // the texts most projects share, formatted once
  const likelihoodText = Object.fromEntries(PROJECT_STATUSES.map((st) => [st, formatShare(a.likelihood[st])])) as Record<ProjectStatus, string>;
  const defaultRampParts = a.rampUp.map(formatShare);
  const defaultRampText: readonly [string, string] = [defaultRampParts.join('/'), defaultRampParts.join(' / ')];
  const rampText = (ramp: readonly number[]): readonly [string, string] => {
    if (ramp.length === a.rampUp.length && ramp.every((v, k) => v === a.rampUp[k])) return defaultRampText;
    const parts = ramp.map(formatShare);
    return [parts.join('/'), parts.join(' / ')];
  };
  const addPipe = (args: {
    id: string;
    name: string;
    project: number;
    enterprise: number;
    status: ProjectStatus;
    expectedOutput: number | undefined;
    capacity: readonly { value: number; unit: string; product?: string | undefined }[] | undefined;
    startYear: number | undefined;
    productionYear: number | undefined;
    fullCapacityYear: number | undefined;
    region: number;
    segs: number[];
    chains: number[];
  }) => {
    const { status } = args;
    let base = 0;
    let valuation: PipeItem['valuation'] = null;
    let price: UnitPrice | undefined;
    if (args.expectedOutput !== undefined) {
      base = args.expectedOutput;
      valuation = 'reported';
    } else {
      let best: PriceMatch | undefined;
      for (const cap of args.capacity ?? []) {
        const m = priceCapacity(cap.value, cap.unit, priceText(cap.product, args.name), a.prices);
        if (m && (best === undefined || m.value > best.value)) best = m;
      }
      if (best) {
        base = best.value;
        valuation = 'capacity';
        price = best.price;
      }
    }
    let prod: number;
    let prodSource: PipeItem['prodSource'];
    if (args.productionYear !== undefined) {
      prod = args.productionYear;
      prodSource = 'given';
    } else if (status === 'at-capacity') {
      prod = -1_000_000;
      prodSource = 'status';
    } else if (status === 'in-production') {
      prod = baseYear;
      prodSource = 'base-year';
    } else if (args.startYear !== undefined) {
      prod = args.startYear + a.productionLag;
      prodSource = 'start-plus-lag';
    } else {
      const lag = status === 'planned' || status === 'signed' || status === 'under-construction' ? a.startLag[status] : 0;
      prod = baseYear + lag + a.productionLag;
      prodSource = 'status';
    }
    const ramp = status === 'at-capacity' ? [1] : rampFor(prod, args.fullCapacityYear);
    const delayable = status === 'planned' || status === 'signed' || status === 'under-construction';
    let counted = valuation !== null;
    let reason: Reason;
    const e = args.enterprise;
    const prodText = prod < 0 ? '' : `${prod}`;
    if (valuation === null) {
      reason = {
        zh: `${args.name} 没有预期产值，也没有可按单价折算的产能，未计入`,
        en: `${args.name} has no expected output and no capacity with a unit price; not counted`,
      };
      gaps.push({ code: 'no-expected-output', enterprise: e >= 0 ? E.ids[e]! : null, project: args.project >= 0 ? args.id : null, reason });
    } else if (
      e >= 0 &&
      itemOfEnt[e]! >= 0 &&
      (status === 'in-production' || status === 'at-capacity') &&
      (args.productionYear === undefined || args.productionYear <= refYear[e]!)
    ) {
      counted = false;
      reason = {
        zh: `${args.name} 已${status === 'at-capacity' ? '达产' : '投产'}，其产值已含在 ${entName(e)} ${refYear[e]}年的产值中，不重复计入`,
        en: `${args.name} is ${status}; its output is already in ${entName(e)}'s ${refYear[e]} output and is not counted twice`,
      };
      gaps.push({ code: 'in-current-output', enterprise: E.ids[e]!, project: args.id, reason });
    } else {
      const valued =
        valuation === 'reported'
          ? { zh: `预期产值 ${formatYi(base, 'zh')}`, en: `expected output ${formatYi(base, 'en')}` }
          : {
              zh: `按产能折算 ${formatYi(base, 'zh')}（单价 ${price!.price}亿元/${price!.unit}，再乘开工率）`,
              en: `valued from capacity at ${formatYi(base, 'en')} (${price!.price} 亿元 per ${price!.unit}, times utilisation)`,
            };
      const from =
        prod < 0
          ? { zh: '已达产', en: 'at capacity' }
          : { zh: `${prodText}年起按 ${rampText(ramp)[0]} 爬坡`, en: `ramping up ${rampText(ramp)[1]} from ${prodText}` };
      const expansion = e >= 0 && itemOfEnt[e]! >= 0;
      reason = {
        zh: `${args.name}：${valued.zh}，${from.zh}，落地概率 ${likelihoodText[status]}（${status}）${expansion ? '；作为扩产计入' : ''}`,
        en: `${args.name}: ${valued.en}, ${from.en}, likelihood ${likelihoodText[status]} (${status})${expansion ? '; counted as an expansion' : ''}`,
      };
    }
    pipes.push({
      id: args.id,
      name: args.name,
      project: args.project,
      enterprise: e,
      status,
      likelihood: a.likelihood[status],
      base,
      valuation,
      capacityValued: valuation === 'capacity',
      prod,
      prodSource,
      delayable,
      ramp,
      region: args.region,
      segs: args.segs,
      chains: args.chains,
      counted,
      reason,
    });
  };

  for (const k of scopeProjects) {
    const p = dataset.projects[k]!;
    const e = P.enterprise[k]!;
    let segs: number[];
    if (P.segment[k]! >= 0) segs = [P.segment[k]!];
    else if (e >= 0) segs = entSegs(e).filter((s) => P.chain[k]! < 0 || S.chain[s] === P.chain[k]);
    else segs = [];
    const chains = P.chain[k]! >= 0 ? [P.chain[k]!] : e >= 0 ? entChains(e).filter((c) => scopeChain < 0 || c === scopeChain) : [];
    addPipe({
      id: p.id,
      name: p.name,
      project: k,
      enterprise: e,
      status: p.status,
      expectedOutput: p.expectedOutput,
      capacity: p.capacity,
      startYear: p.startYear,
      productionYear: p.productionYear,
      fullCapacityYear: p.fullCapacityYear,
      region: P.region[k]!,
      segs,
      chains,
    });
  }
  const withValuedProject = s.uint8(nE);
  for (let i = 0; i < pipes.length; i++) {
    const p = pipes[i]!;
    if (p.valuation !== null && p.enterprise >= 0) withValuedProject[p.enterprise] = 1;
  }
  const addImplied = () => {
    for (let q = 0; q < nScope; q++) {
      const e = scopeEnts[q]!;
      const status = IMPLIED_STATUS[E.status[e]!];
      if (status === undefined || withValuedProject[e] === 1) continue;
      const rec = dataset.enterprises[e]!;
      if (rec.output === undefined && (rec.capacity ?? []).length === 0) continue;
      addPipe({
        id: `enterprise:${rec.id}`,
        name: rec.name,
        project: -1,
        enterprise: e,
        status,
        expectedOutput: rec.output,
        capacity: rec.capacity,
        startYear: undefined,
        productionYear: rec.outputYear !== undefined && rec.outputYear >= baseYear ? rec.outputYear : undefined,
        fullCapacityYear: undefined,
        region: E.region[e]!,
        segs: entSegs(e),
        chains: scopeChain < 0 ? entChains(e) : [scopeChain], // a firm in a chain scope is active in it
      });
    }
  };
  addImplied();
  /** Enterprises with a counted pipeline item. */
  const hasCountedPipe = s.uint8(nE);
  for (let i = 0; i < pipes.length; i++) {
    const p = pipes[i]!;
    if (p.counted && p.enterprise >= 0) hasCountedPipe[p.enterprise] = 1;
  }

  // --- induced: chains in scope with coefficients and local leaders
  const inducedChains: InducedChain[] = [];
  const inducedInfo: InducedEstimate[] = [];
  const chainsInScope = scopeChain >= 0 ? [scopeChain] : Array.from({ length: nChains }, (_, c) => c);
  const posOfSeg = new Int32Array(S.keys.length).fill(-1);
  const leadersByChain = leadersOf(scopeEnts, E.status, chainOff, chainItems, chainRole, leaderRole, nChains);
  let inducedPositions = 0;
  const isLeaderEnt = s.uint8(nE);
  /**
   * Value of active/brokered links of known value into buyers in scope, by chain of the buyer and
   * product segment (given, else the supplier's one segment in the chain); from suppliers in the
   * region (`local`) and from any (`all`). One pass over the links serves every chain; each
   * chain's sums add its links in link order, as a pass per chain would.
   */
  const valuedLinksByChain = () => {
    const byChain: ({ local: Float64Array; all: Float64Array } | undefined)[] = [];
    for (const c of chainsInScope) {
      const n = S.chainStart[c + 1]! - S.chainStart[c]!;
      byChain[c] = { local: new Float64Array(n), all: new Float64Array(n) };
    }
    // whether each firm is in scope, and whether it is located in the region, in typed arrays:
    // at 1e7 links, following a list per buyer or a firm's region costs a cache miss per link
    const buyerInScope = s.uint8(nE);
    for (let q = 0; q < nScope; q++) buyerInScope[scopeEnts[q]!] = 1;
    const inRegion = s.uint8(nE);
    const regionLo = regionEnter[scopeRegion]!;
    const regionHi = regionLeave[scopeRegion]!;
    for (let e = 0; e < nE; e++) {
      const re = regionEnter[E.region[e]!]!;
      inRegion[e] = regionLo <= re && re < regionHi ? 1 : 0;
    }
    const L = index.links;
    for (let l = 0; l < L.from.length; l++) {
      const v = L.value[l]!;
      if (Number.isNaN(v) || (L.status[l] !== 0 && L.status[l] !== 1)) continue;
      const buyer = L.to[l]!;
      if (buyerInScope[buyer] === 0) continue;
      const supplier = L.from[l]!;
      // with a chain scope, every firm in scope is active in that chain, the only one summed
      // (kc = −1 stands for it); else the buyer's chains
      const k0 = scopeChain >= 0 ? -1 : chainOff[buyer]!;
      const k1 = scopeChain >= 0 ? 0 : chainOff[buyer + 1]!;
      for (let kc = k0; kc < k1; kc++) {
        const c = kc < 0 ? scopeChain : chainItems[kc]!;
        const sums = byChain[c];
        if (sums === undefined) continue;
        let s = L.segment[l]!;
        if (s < 0) {
          let own = 0;
          for (let k = E.segments.offsets[supplier]!; k < E.segments.offsets[supplier + 1]!; k++)
            if (S.chain[E.segments.items[k]!] === c) (own++, (s = E.segments.items[k]!));
          if (own !== 1) continue;
        }
        if (S.chain[s] !== c) continue;
        const start = S.chainStart[c]!;
        sums.all[s - start]! += v;
        if (inRegion[supplier] === 1) sums.local[s - start]! += v;
      }
    }
    return byChain;
  };
  let linkValues: ReturnType<typeof valuedLinksByChain> | undefined;
  /** Segments with a firm in scope that is neither closed nor a prospect, or a counted project. */
  const segmentsWithFirms = (): Uint8Array => {
    const present = new Uint8Array(S.keys.length);
    for (let q = 0; q < nScope; q++) {
      const e = scopeEnts[q]!;
      const st = E.status[e]!;
      if (st === ST_CLOSED || st === ST_PROSPECT) continue;
      for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) present[E.segments.items[k]!] = 1;
    }
    for (let i = 0; i < pipes.length; i++) {
      const segs = pipes[i]!.segs;
      if (pipes[i]!.counted) for (let k = 0; k < segs.length; k++) present[segs[k]!] = 1;
    }
    return present;
  };
  let presentSegments: Uint8Array | undefined;
  for (const c of chainsInScope) {
    const start = S.chainStart[c]!;
    const n = S.chainStart[c + 1]! - start;
    const chainId = index.chains.ids[c]!;
    const leaders = leadersByChain[c]!;
    for (const e of leaders) isLeaderEnt[e] = 1;
    let coefficientFlows = 0;
    let flowsWithoutCoefficient = 0;
    const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let s = start; s < start + n; s++)
      for (let k = index.flows.in.offsets[s]!; k < index.flows.in.offsets[s + 1]!; k++) {
        const f = index.flows.in.items[k]!;
        const coef = index.flows.coefficient[f]!;
        if (Number.isNaN(coef)) flowsWithoutCoefficient++;
        else {
          coefficientFlows++;
          A[index.flows.from[f]! - start]![s - start]! += coef;
        }
      }
    const leaderIds = leaders.map((e) => E.ids[e]!);
    const info: InducedEstimate = {
      chain: chainId,
      available: false,
      reason: { zh: '', en: '' },
      mode: a.induced,
      leaders: leaderIds,
      leadersWithOutput: leaders
        .filter((e) => itemOfEnt[e]! >= 0 || hasCountedPipe[e] === 1)
        .map((e) => E.ids[e]!),
      coefficientFlows,
      flowsWithoutCoefficient,
      segments: [],
      expected: new Array<number>(years.length).fill(0),
    };
    inducedInfo.push(info);
    if (coefficientFlows === 0) {
      info.reason = {
        zh: `${chainName(c)} 的环节流向没有投入系数，无法测算链主带动的本地配套产值`,
        en: `the segment flows of ${chainName(c)} carry no input coefficients, so the output leaders induce in local suppliers cannot be estimated`,
      };
      continue;
    }
    if (leaders.length === 0) {
      info.reason = {
        zh: `${regionName(scopeRegion)} 的 ${chainName(c)} 没有链主企业（角色 ${a.leaderRoles.join('/')}），不测算带动产值`,
        en: `${chainName(c)} has no leader (role ${a.leaderRoles.join('/')}) in ${regionName(scopeRegion)}; no induced output is estimated`,
      };
      continue;
    }
    // local shares: option, else valued active/brokered links into local buyers of the chain, else presence
    const { local: localValue, all: allValue } = (linkValues ??= valuedLinksByChain())[c]!;
    const present = (presentSegments ??= segmentsWithFirms()).subarray(start, start + n);
    const shares: number[] = [];
    const sources: InducedSegment['localShareSource'][] = [];
    for (let i = 0; i < n; i++) {
      const override = localShareOverrides.get(start + i);
      if (override !== undefined) (shares.push(override), sources.push('option'));
      else if (allValue[i]! > 0) (shares.push(localValue[i]! / allValue[i]!), sources.push('links'));
      else if (!present[i]) (shares.push(0), sources.push('no-local-firm'));
      else (shares.push(a.localShare), sources.push('default'));
    }
    let Ld: number[][];
    let Lfull: number[][];
    try {
      Ld = localLeontief(A, shares);
      Lfull = leontief(A);
    } catch (error) {
      if (!(error instanceof ChainError)) throw error;
      info.reason = {
        zh: `${chainName(c)} 的投入系数矩阵不可用（${String(error.details.reason)}），不测算带动产值`,
        en: `the coefficient matrix of ${chainName(c)} cannot be used (${String(error.details.reason)}); no induced output is estimated`,
      };
      continue;
    }
    const localMult = outputMultipliers(Ld);
    const mult = outputMultipliers(Lfull);
    const linkages = rasmussenLinkages(Lfull);
    const Lm1 = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Lm1[i * n + j] = Ld[i]![j]! - (i === j ? 1 : 0);
    info.available = true;
    info.segments = Array.from({ length: n }, (_, i) => ({
      segment: segId(start + i),
      localShare: shares[i]!,
      localShareSource: sources[i]!,
      localMultiplier: localMult[i]!,
      multiplier: mult[i]!,
      backwardLinkage: linkages.backward[i]!,
      forwardLinkage: linkages.forward[i]!,
      expected: new Array<number>(years.length).fill(0),
      expectedGross: new Array<number>(years.length).fill(0),
    }));
    const noSeg = leaders.filter((e) => !hasSegIn(e, c));
    const unknown =
      info.leadersWithOutput.length === 0
        ? { zh: '；但链主产值均未知，带动产值为 0（乘数仍可参考）', en: '; but no leader\'s output is known, so the induced output is 0 (the multipliers still apply)' }
        : { zh: '', en: '' };
    const shareList = shares.flatMap((d, i) => (d > 0 ? [`${segName(start + i)} ${formatShare(d)}`] : []));
    info.reason = {
      zh: `链主 ${leaders.map(entName).join('、')} 的产值经 ${chainName(c)} 的 ${coefficientFlows} 个投入系数、本地配套率（${shareList.length > 0 ? shareList.join('，') : '均为 0'}）和本地里昂惕夫逆矩阵带动本地配套产值${flowsWithoutCoefficient > 0 ? `；${flowsWithoutCoefficient} 个流向没有系数，未计入` : ''}${noSeg.length > 0 ? `；${noSeg.map(entName).join('、')} 未标明所属环节，其产值无法传导` : ''}${unknown.zh}`,
      en: `the output of the leaders ${leaderIds.join(', ')} passes through ${coefficientFlows} input coefficients of ${chainName(c)}, the local supply shares and the local Leontief inverse into local supplier output${flowsWithoutCoefficient > 0 ? `; ${flowsWithoutCoefficient} flows have no coefficient and are left out` : ''}${noSeg.length > 0 ? `; ${noSeg.map((e) => E.ids[e]!).join(', ')} name no segment of the chain, so their output cannot be passed on` : ''}${unknown.en}`,
    };
    for (let i = 0; i < n; i++) posOfSeg[start + i] = inducedPositions + i;
    inducedChains.push({ chain: c, segStart: start, n, Lm1, leaderCols: new Int32Array(0), leaders, info, pos: inducedPositions });
    inducedPositions += n;
  }
  function hasSegIn(e: number, c: number): boolean {
    for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) if (S.chain[E.segments.items[k]!] === c) return true;
    return false;
  }

  // --- buckets: 4 kinds, audits, induced leader / listed output by segment position
  const nAudits = plans.length;
  const AUD0 = 4;
  const LEAD0 = AUD0 + nAudits;
  const LIST0 = LEAD0 + inducedPositions;
  const nBuckets = LIST0 + inducedPositions;
  const auditMatch = (plan: AuditPlan, region: number, chains: readonly number[]) =>
    plan.unavailable === null && regionWithinIdx(model, region, plan.region) && (plan.chain < 0 || chains.includes(plan.chain));
  /** Adds the (bucket, weight) pairs a project contributes to, besides its kind, to `buckets` and `weights`. */
  const addTargets = (p: PipeItem, buckets: number[], weights: number[]) => {
    for (let i = 0; i < nAudits; i++)
      if (auditMatch(plans[i]!, p.region, p.chains)) {
        buckets.push(AUD0 + i);
        weights.push(1);
      }
    const segs = p.segs;
    const w = segs.length > 0 ? 1 / segs.length : 0;
    for (let k = 0; k < segs.length; k++) {
      const s = segs[k]!;
      const pos = posOfSeg[s]!;
      if (pos < 0) continue;
      const leader = p.enterprise >= 0 && isLeaderEnt[p.enterprise] === 1 && isLeaderIn(p.enterprise, S.chain[s]!);
      buckets.push((leader ? LEAD0 : LIST0) + pos);
      weights.push(w);
    }
  };

  // fixed items → terms by (bucket, group); groups: distinct output years, then capacity. Each
  // (bucket, group) coefficient adds its items' contributions in item order.
  const originSet = new Set<number>();
  for (let i = 0; i < nFixed; i++) if (fixedKind[i] === KIND_CURRENT) originSet.add(fixedOrigin[i]!);
  const origins = [...originSet].sort((x, y) => x - y);
  const groupOfOrigin = new Map(origins.map((o, j) => [o, j]));
  const J = origins.length + 1;
  const CAP = origins.length;
  const termAcc = s.float64(nBuckets * J);
  const termUsed = s.uint8(nBuckets * J);
  const addTerm = (bucket: number, group: number, coef: number) => {
    const key = bucket * J + group;
    termAcc[key]! += coef;
    termUsed[key] = 1;
  };
  // the audits a firm counts toward: available, its region within theirs, its chain theirs (if any)
  const planAvailable = Uint8Array.from(plans, (p) => (p.unavailable === null ? 1 : 0));
  const planEnter = Int32Array.from(plans, (p) => regionEnter[p.region]!);
  const planLeave = Int32Array.from(plans, (p) => regionLeave[p.region]!);
  const planChain = Int32Array.from(plans, (p) => p.chain);
  const fixedGroup = s.int32(nFixed);
  const addFixedTerms = () => {
    for (let i = 0; i < nFixed; i++) {
      const e = fixedEnt[i]!;
      const kind = fixedKind[i]!;
      const base = fixedBase[i]!;
      const g = kind === KIND_CURRENT ? groupOfOrigin.get(fixedOrigin[i]!)! : CAP;
      fixedGroup[i] = g;
      addTerm(kind, g, base);
      const re = regionEnter[E.region[e]!]!;
      for (let pi = 0; pi < nAudits; pi++)
        if (planAvailable[pi] === 1 && planEnter[pi]! <= re && re < planLeave[pi]! && (planChain[pi]! < 0 || hasChain(e, planChain[pi]!)))
          addTerm(AUD0 + pi, g, base * 1);
      const s0 = E.segments.offsets[e]!;
      const s1 = E.segments.offsets[e + 1]!;
      let nSegs = 0;
      for (let k = s0; k < s1; k++) if (scopeChain < 0 || S.chain[E.segments.items[k]!] === scopeChain) nSegs++;
      const w = nSegs > 0 ? 1 / nSegs : 0;
      for (let k = s0; k < s1; k++) {
        const s = E.segments.items[k]!;
        if (scopeChain >= 0 && S.chain[s] !== scopeChain) continue;
        const pos = posOfSeg[s]!;
        if (pos < 0) continue;
        const leader = isLeaderEnt[e] === 1 && isLeaderIn(e, S.chain[s]!);
        addTerm((leader ? LEAD0 : LIST0) + pos, g, base * w);
      }
    }
  };
  addFixedTerms();
  let nTerms = 0;
  for (let key = 0; key < termUsed.length; key++) nTerms += termUsed[key]!;
  const termBucket = s.int32(nTerms);
  const termGroup = s.int32(nTerms);
  const termCoef = s.float64(nTerms);
  for (let key = 0, i = 0; key < termUsed.length; key++) {
    if (termUsed[key] === 0) continue;
    termBucket[i] = Math.floor(key / J);
    termGroup[i] = key % J;
    termCoef[i] = termAcc[key]!;
    i++;
  }

  // pipeline items → flat arrays
  const nP = pipes.length;
  const pBase = s.float64(nP);
  const pLik = s.float64(nP);
  const pProd = s.int32(nP);
  const pDelayable = s.uint8(nP);
  const pCapValued = s.uint8(nP);
  const pRampOff = s.int32(nP + 1);
  const rampValues: number[] = [];
  const pTgtOff = s.int32(nP + 1);
  const tgtBucket: number[] = [];
  const tgtWeight: number[] = [];
  pipes.forEach((p, i) => {
    pBase[i] = p.counted ? p.base : 0;
    pLik[i] = p.counted ? p.likelihood : 0;
    pProd[i] = p.prod;
    pDelayable[i] = p.delayable ? 1 : 0;
    pCapValued[i] = p.capacityValued ? 1 : 0;
    for (let k = 0; k < p.ramp.length; k++) rampValues.push(p.ramp[k]!);
    pRampOff[i + 1] = rampValues.length;
    tgtBucket.push(KIND_PIPELINE);
    tgtWeight.push(1);
    if (p.counted) addTargets(p, tgtBucket, tgtWeight);
    pTgtOff[i + 1] = tgtBucket.length;
  });
  const rampArr = s.float64(rampValues.length);
  rampArr.set(rampValues);
  // leader columns of each induced chain: segments some term or project feeds a leader bucket of
  const fedLeader = new Uint8Array(inducedPositions);
  const markLeader = (b: number) => {
    if (b >= LEAD0 && b < LIST0) fedLeader[b - LEAD0] = 1;
  };
  termBucket.forEach(markLeader);
  tgtBucket.forEach(markLeader);
  for (const ic of inducedChains) {
    const cols: number[] = [];
    for (let j = 0; j < ic.n; j++) if (fedLeader[ic.pos + j]) cols.push(j);
    ic.leaderCols = Int32Array.from(cols);
  }
  // projects with the same (bucket, weight) list share a group: a run adds a project's value to its
  // group once, and each group to its buckets once
  const groupOf = new Map<string, number>();
  const pGroup = s.int32(nP);
  const gTgtOff: number[] = [0];
  const gBucket: number[] = [];
  const gWeight: number[] = [];
  for (let i = 0; i < nP; i++) {
    const lo = pTgtOff[i]!;
    const hi = pTgtOff[i + 1]!;
    let key = '';
    for (let q = lo; q < hi; q++) key += `${tgtBucket[q]}:${tgtWeight[q]};`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(key, g);
      for (let q = lo; q < hi; q++) (gBucket.push(tgtBucket[q]!), gWeight.push(tgtWeight[q]!));
      gTgtOff.push(gBucket.length);
    }
    pGroup[i] = g;
  }
  const nG = groupOf.size;
  const gOff = s.int32(gTgtOff.length);
  gOff.set(gTgtOff);
  const tBucket = s.int32(gBucket.length);
  tBucket.set(gBucket);
  const tWeight = s.float64(gWeight.length);
  tWeight.set(gWeight);

  // induced: audits each chain's induced output counts toward (audits at the scope region)
  const inducedAudits = inducedChains.map((ic) =>
    Int32Array.from(
      plans.flatMap((plan, i) =>
        plan.unavailable === null && plan.region === scopeRegion && (plan.chain < 0 || plan.chain === ic.chain)
          ? [AUD0 + i]
          : [],
      ),
    ),
  );


  // --- Monte Carlo
  const { meanFactor, total, kindRuns, auditRuns, zRuns, projSum, inducedGrossSum, inducedAddedSum } = simulate(s, {
    runs,
    T,
    J,
    CAP,
    origins: Float64Array.from(origins),
    yearArr: Float64Array.from(Y),
    nBuckets,
    AUD0,
    nAudits,
    LEAD0,
    LIST0,
    termBucket,
    termGroup,
    termCoef,
    pBase,
    pLik,
    pProd,
    pDelayable,
    pCapValued,
    pRampOff,
    rampArr,
    pGroup,
    nG,
    gOff,
    tBucket,
    tWeight,
    inducedChains,
    inducedAudits,
    inducedPositions,
    induced: a.induced,
    growthRate: a.growthRate,
    growthSpread: a.growthSpread,
    shortfall: a.shortfall,
    utilisation: a.utilisation,
    delayProbabilities: a.delayProbabilities,
    seed,
  });

  // --- statistics
  const scratch = s.float64(runs);
  const reqSlots = years.map((y) => slot.get(y)!);
  const byYear: YearEstimate[] = years.map((year, yi) => {
    const t = reqSlots[yi]!;
    const band = bandOf(total, runs, T, t, scratch);
    const byKind = {} as Record<OutputKind, Band>;
    OUTPUT_KINDS.forEach((kind, k) => (byKind[kind] = bandOf(kindRuns[k]!, runs, T, t, scratch)));
    return { year, ...band, byKind };
  });
  const meanF = (t: number, g: number) => meanFactor[t * J + g]! / runs;

  // enterprises: expected output by firm (a row per firm with a fixed item or a counted project)
  const nY = years.length;
  const entRow = s.int32(nE, -1);
  const entExp = s.float64((nFixed + nP) * nY);
  const entKinds = s.uint8(nE);
  let nRows = 0;
  const rowOf = (e: number) => (entRow[e]! >= 0 ? entRow[e]! : (entRow[e] = nRows++));
  /** Mean over runs of each fixed item's factor by requested year: fixedMean[g * nY + yi]. */
  const fixedMean = new Float64Array(J * nY);
  for (let g = 0; g < J; g++) for (let yi = 0; yi < nY; yi++) fixedMean[g * nY + yi] = meanF(reqSlots[yi]!, g);
  const addFixedExpected = () => {
    for (let i = 0; i < nFixed; i++) {
      const e = fixedEnt[i]!;
      entKinds[e]! |= 1 << fixedKind[i]!;
      const row = rowOf(e) * nY;
      const g = fixedGroup[i]! * nY;
      for (let yi = 0; yi < nY; yi++) entExp[row + yi]! += fixedBase[i]! * fixedMean[g + yi]!;
    }
  };
  addFixedExpected();
  pipes.forEach((p, i) => {
    if (p.enterprise < 0 || !p.counted) return;
    entKinds[p.enterprise]! |= 1 << KIND_PIPELINE;
    const row = rowOf(p.enterprise) * nY;
    for (let yi = 0; yi < nY; yi++) entExp[row + yi]! += projSum[i * T + reqSlots[yi]!]! / runs;
  });
  const listed = firmsListed(s, entKinds);
  const nListed = listed.length;
  const kept =
    enterpriseLimit === undefined || enterpriseLimit >= nListed
      ? listed
      : largestFirms(s, listed, entRow, entExp, nY, enterpriseLimit);
  const kindLists = Array.from({ length: 1 << OUTPUT_KINDS.length }, (_, mask) => OUTPUT_KINDS.filter((_, k) => (mask >> k) & 1));
  const enterprises: EnterpriseEstimate[] = new Array<EnterpriseEstimate>(kept.length);
  const listFirms = () => {
    for (let q = 0; q < kept.length; q++) {
      const e = kept[q]!;
      const segs: { chain: string; segment: string }[] = [];
      for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) {
        const s = E.segments.items[k]!;
        if (scopeChain < 0 || S.chain[s] === scopeChain) segs.push({ chain: chainIds[S.chain[s]!]!, segment: segIds[s]! });
      }
      const row = entRow[e]! * nY;
      const expected = new Array<number>(nY);
      for (let yi = 0; yi < nY; yi++) expected[yi] = entExp[row + yi]!;
      enterprises[q] = {
        id: E.ids[e]!,
        name: entName(e),
        leader: isLeaderEnt[e] === 1,
        kinds: kindLists[entKinds[e]!]!.slice(),
        segments: segs,
        expected,
      };
    }
  };
  listFirms();

  // segments
  const segRows: (SegmentEstimate | undefined)[] = new Array(S.keys.length + 1);
  /** The row of segment s (-1: no segment), at position s + 1. */
  const segRow = (s: number): SegmentEstimate => {
    let row = segRows[s + 1];
    if (!row) {
      const zeros = () => new Array<number>(years.length).fill(0);
      row = {
        chain: s < 0 ? null : chainIds[S.chain[s]!]!,
        segment: s < 0 ? null : segId(s),
        expected: zeros(),
        byKind: { current: zeros(), pipeline: zeros(), capacity: zeros(), induced: zeros() },
      };
      segRows[s + 1] = row;
    }
    return row;
  };
  if (scopeChain >= 0) for (let s = S.chainStart[scopeChain]!; s < S.chainStart[scopeChain + 1]!; s++) segRow(s);
  const spread = (segs: readonly number[], kind: OutputKind, values: (yi: number) => number) => {
    const list = segs.length > 0 ? segs : [-1];
    const w = 1 / list.length;
    for (const s of list) {
      const row = segRow(s);
      for (let yi = 0; yi < years.length; yi++) {
        const v = values(yi) * w;
        row.expected[yi]! += v;
        row.byKind[kind][yi]! += v;
      }
    }
  };
  // fixed items, as `spread` would without a list and a closure per firm: an equal share to
  // each of its segments in scope, all to the row without segment if it has none
  const fixedValues = new Float64Array(nY);
  const addShare = (s: number, kind: OutputKind, w: number) => {
    const row = segRow(s);
    const byKind = row.byKind[kind];
    for (let yi = 0; yi < nY; yi++) {
      const v = fixedValues[yi]! * w;
      row.expected[yi]! += v;
      byKind[yi]! += v;
    }
  };
  const spreadFixed = () => {
    for (let i = 0; i < nFixed; i++) {
      const e = fixedEnt[i]!;
      const base = fixedBase[i]!;
      const g = fixedGroup[i]! * nY;
      for (let yi = 0; yi < nY; yi++) fixedValues[yi] = base * fixedMean[g + yi]!;
      const kind = OUTPUT_KINDS[fixedKind[i]!]!;
      const s0 = E.segments.offsets[e]!;
      const s1 = E.segments.offsets[e + 1]!;
      let nSegs = 0;
      for (let k = s0; k < s1; k++) if (scopeChain < 0 || S.chain[E.segments.items[k]!] === scopeChain) nSegs++;
      if (nSegs === 0) {
        addShare(-1, kind, 1);
        continue;
      }
      const w = 1 / nSegs;
      for (let k = s0; k < s1; k++) {
        const s = E.segments.items[k]!;
        if (scopeChain < 0 || S.chain[s] === scopeChain) addShare(s, kind, w);
      }
    }
  };
  spreadFixed();
  pipes.forEach((p, i) => {
    if (p.counted) spread(p.segs, 'pipeline', (yi) => projSum[i * T + reqSlots[yi]!]! / runs);
  });
  for (const ic of inducedChains)
    for (let i = 0; i < ic.n; i++) {
      const seg = ic.info.segments[i]!;
      reqSlots.forEach((t, yi) => {
        seg.expected[yi] = inducedAddedSum[(ic.pos + i) * T + t]! / runs;
        seg.expectedGross[yi] = inducedGrossSum[(ic.pos + i) * T + t]! / runs;
        ic.info.expected[yi]! += seg.expected[yi]!;
      });
      if (seg.expected.some((v) => v !== 0)) spread([ic.segStart + i], 'induced', (yi) => seg.expected[yi]!);
    }
  const segments: SegmentEstimate[] = [];
  for (let s = 0; s < S.keys.length; s++) if (segRows[s + 1]) segments.push(segRows[s + 1]!);
  if (segRows[0]) segments.push(segRows[0]);

  // projects
  const projects: ProjectEstimate[] = pipes.map((p, i) => ({
    id: p.id,
    name: p.name,
    enterprise: p.enterprise >= 0 ? E.ids[p.enterprise]! : null,
    implied: p.project < 0,
    status: p.status,
    counted: p.counted,
    likelihood: p.likelihood,
    fullOutput: p.valuation === null ? null : p.base,
    valuation: p.valuation,
    productionYear: p.prod < 0 ? null : p.prod,
    productionYearSource: p.prod < 0 ? 'status' : p.prodSource,
    delayable: p.delayable,
    rampUp: p.ramp,
    expected: reqSlots.map((t) => projSum[i * T + t]! / runs),
    reason: p.reason,
  }));

  // --- audits
  const tBase = slot.get(baseYear)!;
  /** Euler entry of each firm in scope's region, for the audits' coverage counts. */
  let scopeEnter: Int32Array | undefined;
  const targets: TargetAudit[] = plans.map((plan, i) =>
    auditTarget(plan, {
      runs,
      T,
      slot,
      tBase,
      baseYear,
      growthRate: a.growthRate,
      growthSpread: a.growthSpread,
      values: auditRuns[i]!,
      zRuns,
      scratch,
      arena: s,
      scopeRegion,
      scopeChain,
      regionName,
      chainName,
      coverage: auditCoverage(plan),
    }),
  );
  function auditCoverage(plan: AuditPlan) {
    let enterprises = 0;
    let withOutput = 0;
    const lo = regionEnter[plan.region]!;
    const hi = regionLeave[plan.region]!;
    if (scopeEnter === undefined) {
      scopeEnter = s.int32(nScope);
      for (let q = 0; q < nScope; q++) scopeEnter[q] = regionEnter[E.region[scopeEnts[q]!]!]!;
    }
    for (let q = 0; q < nScope; q++) {
      const e = scopeEnts[q]!;
      const re = scopeEnter[q]!;
      if (re < lo || re >= hi) continue;
      if (plan.chain >= 0 && !hasChain(e, plan.chain)) continue;
      enterprises++;
      if (itemOfEnt[e]! >= 0) withOutput++;
    }
    let projectsN = 0;
    let projectsWithOutput = 0;
    for (let i = 0; i < pipes.length; i++) {
      const p = pipes[i]!;
      if (!regionWithinIdx(model, p.region, plan.region)) continue;
      if (plan.chain >= 0 && !p.chains.includes(plan.chain)) continue;
      projectsN++;
      if (p.counted) projectsWithOutput++;
    }
    return { enterprises, withOutput, projects: projectsN, projectsWithOutput };
  }

  // --- assumptions as used
  const assumptionNotes = noteAssumptions(a, givenKeys, baseYear, horizon, years);

  return {
    scope: { region: scope.region, chain: scope.chain ?? null },
    years,
    baseYear,
    runs,
    seed,
    assumptions: { ...a, baseYear, expectationHorizon: horizon },
    assumptionNotes,
    byYear,
    enterprises,
    ...(enterpriseLimit === undefined ? {} : { enterprisesOmitted: nListed - kept.length }),
    segments,
    projects,
    induced: inducedInfo,
    gaps,
    targets,
  };
}

interface AuditContext {
  runs: number;
  T: number;
  slot: ReadonlyMap<number, number>;
  tBase: number;
  baseYear: number;
  growthRate: number;
  growthSpread: number;
  values: Float64Array;
  zRuns: Float64Array;
  scratch: Float64Array;
  /** The call's scratch arena (the per-run columns of an audit). */
  arena: Scratch;
  scopeRegion: number;
  scopeChain: number;
  regionName: (r: number) => string;
  chainName: (c: number) => string;
  coverage: { enterprises: number; withOutput: number; projects: number; projectsWithOutput: number };
}

function auditTarget(plan: AuditPlan, ctx: AuditContext): TargetAudit {
  const t = plan.target;
  const where = `${ctx.regionName(plan.region)}${plan.chain >= 0 ? ` ${ctx.chainName(plan.chain)}` : ''}`;
  const statedGrowth = t.growth === undefined ? null : t.growth / 100;
  const notes: Reason[] = [];
  const cov = ctx.coverage;
  const common = {
    target: t.id,
    kind: t.kind,
    metric: t.metric,
    scope: { region: t.scope.region, chain: t.scope.chain ?? null },
    comparator: t.comparator,
    year: plan.year,
    yearSource: plan.yearSource,
    condition: t.condition ?? null,
    statedGrowth,
  };
  if (plan.unavailable !== null)
    return {
      ...common,
      available: false,
      value: t.value ?? null,
      basis: 'firms',
      estimate: null,
      bandPosition: null,
      probability: null,
      base: null,
      requiredGrowth: null,
      estimateGrowth: null,
      growthProbability: null,
      coverage: {
        partial: true,
        enterprises: cov.enterprises,
        enterprisesWithOutput: cov.withOutput,
        projects: cov.projects,
        projectsWithOutput: cov.projectsWithOutput,
        shareOfTarget: null,
        impliedBase: null,
        observed: null,
        reason: plan.unavailable,
      },
      notes,
      reason: {
        zh: `目标 ${t.id}（${where}）未审核：${plan.unavailable.zh}`,
        en: `target ${t.id} (${where}) is not audited: ${plan.unavailable.en}`,
      },
    };

  const { runs, T, scratch } = ctx;
  const tY = ctx.slot.get(plan.year)!;
  const tB = ctx.tBase;
  // per-run values at the audited year and the base year
  const atY = ctx.arena.float64(runs);
  const atB = ctx.arena.float64(runs);
  let base: { year: number; value: number };
  let basis: TargetAudit['basis'] = 'firms';
  const ind = plan.indicator;
  if (plan.useIndicators && ind) {
    basis = 'indicators';
    const rate = ind.record.growth === undefined ? ctx.growthRate : ind.record.growth / 100;
    for (let r = 0; r < runs; r++) {
      const g = Math.max(-0.95, rate + ctx.growthSpread * ctx.zRuns[r]!);
      atY[r] = ind.annualised * (1 + g) ** (plan.year - ind.record.year);
      atB[r] = ind.annualised * (1 + g) ** (ctx.baseYear - ind.record.year);
    }
    notes.push({
      zh: `按观测指标 ${ind.record.id}（${ind.record.year}年${ind.record.period ?? ''} ${formatYi(ind.record.value!, 'zh')}，折全年 ${formatYi(ind.annualised, 'zh')}）以年增长 ${formatShare(rate)} 外推；新项目视为已含在增速中`,
      en: `projected from the observed indicator ${ind.record.id} (${ind.record.year}${ind.record.period ? ` ${ind.record.period}` : ''}: ${formatYi(ind.record.value!, 'en')}, ${formatYi(ind.annualised, 'en')} a year) at ${formatShare(rate)} a year; new projects are taken to be in that growth`,
    });
    if (!ind.known)
      notes.push({
        zh: `指标期间 "${ind.record.period}" 无法识别，按全年计`,
        en: `the indicator period "${ind.record.period}" is not recognised and is taken as a full year`,
      });
  } else {
    for (let r = 0; r < runs; r++) {
      atY[r] = ctx.values[r * T + tY]!;
      atB[r] = ctx.values[r * T + tB]!;
    }
  }
  const estimate = bandOfRuns(atY, scratch);
  let baseSum = 0;
  for (let r = 0; r < runs; r++) baseSum += atB[r]!;
  base = { year: ctx.baseYear, value: baseSum / runs };
  const span = plan.year - ctx.baseYear;

  let value = plan.value;
  let impliedValue = false;
  const implied = statedGrowth !== null && span > 0 && base.value > 0 ? base.value * (1 + statedGrowth) ** span : Number.NaN;
  if (value === null && Number.isFinite(implied) && implied >= 0) {
    value = implied;
    impliedValue = true;
    notes.push({
      zh: `目标只给出增速：以 ${ctx.baseYear}年测算值 ${formatYi(base.value, 'zh')} 按 ${formatShare(statedGrowth!)} 增长推得 ${plan.year}年 ${formatYi(value, 'zh')}`,
      en: `the target gives only a growth rate: ${formatYi(base.value, 'en')} modelled for ${ctx.baseYear} grown at ${formatShare(statedGrowth!)} gives ${formatYi(value, 'en')} in ${plan.year}`,
    });
  }
  const upper = t.comparator === '<=' || t.comparator === '<';
  if (t.comparator === '=')
    notes.push({ zh: '“=” 目标按“达到该值”（≥）审核', en: 'an "=" target is audited as reaching the value (≥)' });
  let probability: number | null = null;
  let bandPosition: TargetAudit['bandPosition'] = null;
  if (value !== null) {
    let hits = 0;
    for (let r = 0; r < runs; r++) {
      const x = atY[r]!;
      if (t.comparator === '>' ? x > value : t.comparator === '<' ? x < value : t.comparator === '<=' ? x <= value : x >= value) hits++;
    }
    probability = hits / runs;
    bandPosition = value < estimate.p10 ? 'below' : value > estimate.p90 ? 'above' : 'within';
  }
  const requiredGrowth = value !== null && !impliedValue ? cagr(base.value, value, span) : null;
  const estimateGrowth = cagr(base.value, estimate.expected, span);
  let growthProbability: number | null = null;
  if (statedGrowth !== null && span > 0) {
    let hits = 0;
    const needed = (1 + statedGrowth) ** span;
    for (let r = 0; r < runs; r++) if (atB[r]! > 0 && atY[r]! / atB[r]! >= needed) hits++;
    growthProbability = hits / runs;
  }
  if (span <= 0)
    notes.push({
      zh: `目标年份 ${plan.year} 不晚于测算基年 ${ctx.baseYear}，无法计算所需年均增速`,
      en: `the target year ${plan.year} is not after the base year ${ctx.baseYear}, so no yearly growth can be derived`,
    });
  else if (base.value <= 0)
    notes.push({
      zh: `${ctx.baseYear}年（基年）测算产值为 0，无法计算所需年均增速`,
      en: `the modelled output in the base year ${ctx.baseYear} is 0, so no yearly growth can be derived`,
    });
  if (t.period !== undefined)
    notes.push({
      zh: `目标针对期间 "${t.period}"，本测算按全年比较`,
      en: `the target refers to the period "${t.period}"; the estimate compares whole years`,
    });
  if (plan.yearSource === 'expectation-horizon')
    notes.push({
      zh: `${t.kind === 'expectation' ? '预期' : '目标'}未给年份${t.condition ? `（条件：${t.condition}）` : ''}，按测算末年 ${plan.year} 审核`,
      en: `the ${t.kind} gives no year${t.condition ? ` (condition: ${t.condition})` : ''}; it is audited at the horizon ${plan.year}`,
    });
  if (t.metric === 'sales') notes.push({ zh: '销售收入按产值近似', en: 'sales are audited as output' });
  if (basis === 'firms' && span > 0 && base.value > 0 && plan.value !== null && base.value < 0.1 * plan.value / (1 + (statedGrowth ?? 0)) ** span)
    notes.push({
      zh: `${ctx.baseYear}年测算基数 ${formatYi(base.value, 'zh')} 不到目标所隐含基数的 10%：增速比较的是新项目与近乎空白的基数，不能说明目标本身`,
      en: `the modelled base of ${formatYi(base.value, 'en')} in ${ctx.baseYear} is under 10% of the base the target implies: the growth figures compare new projects with an almost empty base and say little about the target itself`,
    });

  // coverage
  const regionWide = plan.chain < 0;
  const noData = cov.withOutput === 0 && cov.projectsWithOutput === 0;
  const partial = basis === 'firms' && (regionWide || cov.withOutput < cov.enterprises || noData);
  const shareOfTarget = value !== null && value > 0 ? finite(estimate.expected / value) : null;
  const impliedBase =
    plan.value !== null && statedGrowth !== null && statedGrowth > -1 && span >= 0 && Number.isFinite(plan.value / (1 + statedGrowth) ** span)
      ? (() => {
          const v = plan.value / (1 + statedGrowth) ** span;
          return { year: ctx.baseYear, value: v, modelledShare: v > 0 && basis === 'firms' ? finite(base.value / v) : null };
        })()
      : null;
  let observed: TargetAudit['coverage']['observed'] = null;
  if (ind) {
    const tI = ctx.slot.get(ind.record.year)!;
    let s = 0;
    for (let r = 0; r < runs; r++) s += ctx.values[r * T + tI]!;
    const modelled = s / runs;
    observed = {
      indicator: ind.record.id,
      year: ind.record.year,
      value: ind.record.value!,
      annualised: ind.annualised,
      modelledShare: ind.annualised > 0 ? finite(modelled / ind.annualised) : null,
    };
  }
  const scopeText = {
    zh:
      plan.chain >= 0
        ? `测算只含数据集中 ${where} 的 ${cov.enterprises} 家企业（${cov.withOutput} 家有产值或产能）和 ${cov.projects} 个项目（${cov.projectsWithOutput} 个有预期产值）`
        : `目标覆盖 ${ctx.regionName(plan.region)} 全部企业，而测算只含数据集中的 ${cov.enterprises} 家企业（${cov.withOutput} 家有产值或产能）和 ${cov.projects} 个项目（${cov.projectsWithOutput} 个有预期产值）${ctx.scopeChain >= 0 ? `，且仅限 ${ctx.chainName(ctx.scopeChain)}` : ''}`,
    en:
      plan.chain >= 0
        ? `the estimate holds only the ${cov.enterprises} enterprises of ${where} in the dataset (${cov.withOutput} with output or capacity) and ${cov.projects} projects (${cov.projectsWithOutput} with expected output)`
        : `the target covers every firm of ${ctx.regionName(plan.region)}, while the estimate holds only the ${cov.enterprises} enterprises in the dataset (${cov.withOutput} with output or capacity) and ${cov.projects} projects (${cov.projectsWithOutput} with expected output)${ctx.scopeChain >= 0 ? `, in ${ctx.chainName(ctx.scopeChain)} only` : ''}`,
  };
  const shareText =
    shareOfTarget === null
      ? { zh: '', en: '' }
      : { zh: `，期望值为目标的 ${formatShare(shareOfTarget)}`, en: `; the expected estimate is ${formatShare(shareOfTarget)} of the target` };
  const impliedText =
    impliedBase && impliedBase.modelledShare !== null
      ? {
          zh: `；按 ${formatShare(statedGrowth!)} 增速，目标意味着 ${ctx.baseYear}年约 ${formatYi(impliedBase.value, 'zh')}，已建模企业占其 ${formatShare(impliedBase.modelledShare)}`,
          en: `; at ${formatShare(statedGrowth!)} a year the target implies about ${formatYi(impliedBase.value, 'en')} in ${ctx.baseYear}, of which the modelled firms hold ${formatShare(impliedBase.modelledShare)}`,
        }
      : { zh: '', en: '' };
  const observedText =
    observed && observed.modelledShare !== null
      ? {
          zh: `；${observed.year}年观测产值折全年 ${formatYi(observed.annualised, 'zh')}，已建模企业占 ${formatShare(observed.modelledShare)}`,
          en: `; the observed output of ${observed.year}, ${formatYi(observed.annualised, 'en')} a year, is ${formatShare(observed.modelledShare)} covered by the modelled firms`,
        }
      : { zh: '', en: '' };
  const missing = partial
    ? noData
      ? {
          zh: '。数据集中没有任何可用产值，测算为 0：比较结果（包括低概率）反映数据缺失，而非目标不可信',
          en: '. The dataset holds no usable output figure, so the estimate is 0: the comparison, a low probability included, reflects missing data, not an implausible target',
        }
      : {
          zh: '。低概率可能反映数据缺失（未收录的企业），而非目标不可信',
          en: '. A low probability may reflect missing data (firms not in the dataset) rather than an implausible target',
        }
    : { zh: '', en: '' };
  const coverageReason: Reason =
    basis === 'indicators'
      ? {
          zh: `按观测指标外推，覆盖 ${ctx.regionName(plan.region)} 的统计口径`,
          en: `projected from the observed indicator, covering the statistical scope of ${ctx.regionName(plan.region)}`,
        }
      : {
          zh: `${scopeText.zh}${shareText.zh}${impliedText.zh}${observedText.zh}${missing.zh}`,
          en: `${scopeText.en}${shareText.en}${impliedText.en}${observedText.en}${missing.en}`,
        };

  const positionText: Reason =
    bandPosition === null || value === null
      ? { zh: '目标没有可比的数值', en: 'the target has no value to compare' }
      : bandPosition === 'within'
        ? { zh: `目标 ${formatYi(value, 'zh')} 落在区间内`, en: `the target ${formatYi(value, 'en')} lies within the band` }
        : bandPosition === 'above'
          ? { zh: `目标 ${formatYi(value, 'zh')} 高于区间上沿（P90）`, en: `the target ${formatYi(value, 'en')} lies above the band (P90)` }
          : { zh: `目标 ${formatYi(value, 'zh')} 低于区间下沿（P10）`, en: `the target ${formatYi(value, 'en')} lies below the band (P10)` };
  const probText =
    probability === null
      ? { zh: '', en: '' }
      : { zh: `，${upper ? '不超过' : '达到'}目标的概率 ${formatShare(probability)}`, en: `; probability of ${upper ? 'staying within' : 'reaching'} it ${formatShare(probability)}` };
  const growthText =
    requiredGrowth !== null || statedGrowth !== null
      ? {
          zh: `${requiredGrowth !== null ? `；从 ${ctx.baseYear}年测算值 ${formatYi(base.value, 'zh')} 起需年均增长 ${formatShare(requiredGrowth)}` : ''}${statedGrowth !== null ? `；目标增速 ${formatShare(statedGrowth)}` : ''}${estimateGrowth !== null ? `，测算年均增速 ${formatShare(estimateGrowth)}` : ''}${growthProbability !== null ? `，达到目标增速的概率 ${formatShare(growthProbability)}` : ''}`,
          en: `${requiredGrowth !== null ? `; from ${formatYi(base.value, 'en')} modelled for ${ctx.baseYear} it needs ${formatShare(requiredGrowth)} a year` : ''}${statedGrowth !== null ? `; stated growth ${formatShare(statedGrowth)}` : ''}${estimateGrowth !== null ? `, estimate ${formatShare(estimateGrowth)} a year` : ''}${growthProbability !== null ? `, probability of the stated growth ${formatShare(growthProbability)}` : ''}`,
        }
      : { zh: '', en: '' };
  const reason: Reason = {
    zh: `${where} ${t.kind === 'expectation' ? '预期' : '目标'} ${t.id}：${plan.year}年测算 P10–P90 为 ${formatYi(estimate.p10, 'zh')}–${formatYi(estimate.p90, 'zh')}（期望 ${formatYi(estimate.expected, 'zh')}），${positionText.zh}${probText.zh}${growthText.zh}。${coverageReason.zh}`,
    en: `${t.kind} ${t.id} for ${where}: in ${plan.year} the estimate's P10–P90 is ${formatYi(estimate.p10, 'en')} – ${formatYi(estimate.p90, 'en')} (expected ${formatYi(estimate.expected, 'en')}); ${positionText.en}${probText.en}${growthText.en}. ${coverageReason.en.charAt(0).toUpperCase()}${coverageReason.en.slice(1)}`,
  };
  return {
    ...common,
    available: true,
    value,
    basis,
    estimate,
    bandPosition,
    probability,
    base,
    requiredGrowth,
    estimateGrowth,
    growthProbability,
    coverage: {
      partial,
      enterprises: cov.enterprises,
      enterprisesWithOutput: cov.withOutput,
      projects: cov.projects,
      projectsWithOutput: cov.projectsWithOutput,
      shareOfTarget,
      impliedBase,
      observed,
      reason: coverageReason,
    },
    notes,
    reason,
  };
}

function noteAssumptions(
  a: OutputAssumptions,
  given: ReadonlySet<string>,
  baseYear: number,
  horizon: number,
  years: readonly number[],
): AssumptionNote[] {
  const note = (key: keyof OutputAssumptions, value: unknown, zh: string, en: string): AssumptionNote => ({
    key,
    value,
    given: given.has(key),
    reason: given.has(key) ? { zh: `由使用者设定：${zh}`, en: `set by the caller: ${en}` } : { zh, en },
  });
  const lik = a.likelihood;
  const tri = (t: Triangular) => `(${t.min}, ${t.mode}, ${t.max})`;
  return [
    note('baseYear', baseYear, `基年 ${baseYear}：范围内最近的观测年份（企业产值年份、指标年份），否则为首个测算年`, `base year ${baseYear}: the latest observed year in scope (enterprise output years, indicator years), else the first requested year`),
    note('growthRate', a.growthRate, `在产企业产值年增长 ${formatShare(a.growthRate)}（假设，接近 2023 年全国规上工业增加值增速 4.6%，国家统计局）`, `current output grows ${formatShare(a.growthRate)} a year (assumption, near the 4.6% growth of China's industrial value added in 2023, NBS)`),
    note('growthSpread', a.growthSpread, `增速的标准差 ${formatShare(a.growthSpread)}，每次模拟全部企业共用一个增速`, `standard deviation of the growth rate ${formatShare(a.growthSpread)}; one rate per run, shared by all firms`),
    note('rampUp', a.rampUp, `项目投产后第 1、2、3… 年达到满产的 ${a.rampUp.map(formatShare).join('/')}（假设；给出达产年份的项目按线性爬坡）`, `projects reach ${a.rampUp.map(formatShare).join(' / ')} of full output in production years 1, 2, 3... (assumption; a project with a full-capacity year ramps linearly to it)`),
    note('likelihood', lik, `落地概率：谋划 ${lik.planned}（doc-003：储备项目转化率力争 20%以上）、签约 ${lik.signed}、在建 ${lik['under-construction']}、投产 ${lik['in-production']}、达产 ${lik['at-capacity']}、取消 ${lik.cancelled}（其余为假设）`, `likelihood: planned ${lik.planned} (doc-003: the city aims to convert at least 20% of its reserve projects), signed ${lik.signed}, under construction ${lik['under-construction']}, in production ${lik['in-production']}, at capacity ${lik['at-capacity']}, cancelled ${lik.cancelled} (the others are assumptions)`),
    note('delayProbabilities', a.delayProbabilities, `尚未投产的项目延期 0、1、2… 年的概率 ${a.delayProbabilities.join('/')}（假设）`, `probability of a delay of 0, 1, 2... years for projects not yet producing: ${a.delayProbabilities.join(' / ')} (assumption)`),
    note('shortfall', a.shortfall, `项目实际产值与公布预期之比 ~ 三角分布 ${tri(a.shortfall)}（假设：公布的预期产值往往偏乐观）`, `realised over announced project output ~ Triangular${tri(a.shortfall)} (assumption: announced outputs tend to be optimistic)`),
    note('productionLag', a.productionLag, `开工到投产 ${a.productionLag} 年（doc-003：远景一期开工半年即投产，南都 2023年8月开工、次年调试）`, `${a.productionLag} year(s) from start to production (doc-003: 远景 phase 1 produced half a year after starting; 南都 started in August 2023 and was commissioning in spring 2024)`),
    note('startLag', a.startLag, `未给年份的项目自基年起开工：谋划 ${a.startLag.planned} 年、签约 ${a.startLag.signed} 年、在建 ${a.startLag['under-construction']} 年后（假设）`, `undated projects start ${a.startLag.planned} / ${a.startLag.signed} / ${a.startLag['under-construction']} years after the base year when planned / signed / under construction (assumption)`),
    note('utilisation', a.utilisation, `产能利用率 ~ 三角分布 ${tri(a.utilisation)}（众数取 2023 年全国工业产能利用率 75.1%，国家统计局）`, `capacity utilisation ~ Triangular${tri(a.utilisation)} (mode near China's 2023 industrial capacity utilisation of 75.1%, NBS)`),
    note('prices', a.prices, `产能单价表：${a.prices.map((p) => `${p.products?.[0] ?? '任意产品'} ${p.price}亿元/${p.unit}（${p.basis === 'derived' ? '推算' : '假设，需核实'}）`).join('；')}`, `unit prices: ${a.prices.map((p) => `${p.products?.[0] ?? 'any product'} ${p.price} 亿元/${p.unit} (${p.basis === 'derived' ? 'derived' : 'assumption to check'})`).join('; ')}`),
    note('leaderRoles', a.leaderRoles, `带动产值的企业角色：${a.leaderRoles.join('、')}`, `roles whose output drives induced output: ${a.leaderRoles.join(', ')}`),
    note('localShare', a.localShare, `有本地企业但无供货金额的环节，本地配套率取 ${formatShare(a.localShare)}（假设）；无本地企业的环节取 0`, `local supply share of a segment with local firms but no valued links: ${formatShare(a.localShare)} (assumption); 0 where no local firm is in the segment`),
    note('localShares', a.localShares, `使用者指定的本地配套率：${Object.keys(a.localShares).length} 个环节`, `local shares set by the caller: ${Object.keys(a.localShares).length} segment(s)`),
    note('induced', a.induced, a.induced === 'net' ? '带动产值扣除已列入的本地企业在该环节的产值后计入（避免重复）' : a.induced === 'gross' ? '带动产值全额计入（可能与已列入企业重复）' : '带动产值只报告，不计入合计', a.induced === 'net' ? 'induced output is added net of the listed local firms\' output in the segment (no double counting)' : a.induced === 'gross' ? 'induced output is added in full (may overlap listed firms)' : 'induced output is reported, not added'),
    note('expectationHorizon', horizon, `未给年份的预期按 ${horizon} 年审核${horizon === years[years.length - 1] ? '（测算末年）' : ''}`, `expectations without a year are audited at ${horizon}${horizon === years[years.length - 1] ? ' (the last requested year)' : ''}`),
    note('baseline', a.baseline, a.baseline === 'firms' ? '全域目标按已建模企业审核' : '全域目标按观测产值指标外推审核（无指标时按企业）', a.baseline === 'firms' ? 'region-wide targets are audited against the modelled firms' : 'region-wide targets are audited against observed output indicators projected forward (firms where there is none)'),
  ];
}


