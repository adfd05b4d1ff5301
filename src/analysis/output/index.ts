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
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx, regionWithinIdx, segmentIndex } from '../../graph/queries.js';
import { formatShare, formatYi } from '../../internal/format.js';
import { DEFAULT_SEED } from '../../internal/random.js';
import { withScratch, type Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../../model/vocabulary.js';
import { resolveScope, type Reason } from '../common.js';
import { leontief, localLeontief, outputMultipliers, rasmussenLinkages } from '../input-output.js';
import { invalid, noteAssumptions, resolveAssumptions } from './assumptions.js';
import { auditTarget, moneyFactor, periodMonths, type AuditPlan } from './audit.js';
import { bandOf } from './band.js';
import { priceCapacity, type PriceMatch } from './capacity.js';
import {
  enterpriseColumns,
  firmsInScope,
  firmsListed,
  IMPLIED_STATUS,
  largestFirms,
  latestOutputYear,
  leadersOf,
  NO_YEAR,
  ROLE_CODE,
  ST_CLOSED,
  ST_OPERATING,
  ST_PROSPECT,
} from './firms.js';
import { simulate, type InducedChain } from './simulate.js';
import {
  KIND_CAPACITY,
  KIND_CURRENT,
  KIND_PIPELINE,
  OUTPUT_KINDS,
  type Band,
  type EnterpriseEstimate,
  type InducedEstimate,
  type InducedSegment,
  type OutputEstimate,
  type OutputGap,
  type OutputKind,
  type OutputOptions,
  type ProjectEstimate,
  type SegmentEstimate,
  type TargetAudit,
  type UnitPrice,
  type YearEstimate,
} from './types.js';

export { DEFAULT_OUTPUT_ASSUMPTIONS } from './assumptions.js';
export { OUTPUT_KINDS } from './types.js';
export type {
  AssumptionNote,
  Band,
  EnterpriseEstimate,
  InducedEstimate,
  InducedMode,
  InducedSegment,
  OutputAssumptionOptions,
  OutputAssumptions,
  OutputEstimate,
  OutputGap,
  OutputKind,
  OutputOptions,
  ProjectEstimate,
  SegmentEstimate,
  TargetAudit,
  Triangular,
  UnitPrice,
  YearEstimate,
} from './types.js';


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
