/**
 * Output estimation (产值测算): what a chain or a zone can produce year by year, as a Monte Carlo
 * range with every assumption in view, and an audit of the plan's output targets against it.
 *
 * Method, in the order `estimate` below takes its steps (each step's file says more)
 * 1. Scope and assumptions (./options.ts, ./assumptions.ts, ./context.ts): the firms of the
 *    region active in the chain (its segments or chain roles), and the base year, the latest year
 *    observed in scope (`outputYear` of operating enterprises with an output, indicator `year`),
 *    else the first requested year.
 * 2. Target audits planned (./audit-plan.ts): every output target (metric `output`; `sales`
 *    audited as output) whose region lies within the scope region and whose chain is the scope
 *    chain (or none); expectations without a year are audited at the last requested year
 *    (`expectationHorizon`). The runs compute the requested years, the base year, the audit years
 *    and the years of the observed indicators.
 * 3. Four kinds of output, summed per year:
 *    - `current` (./current.ts): the reported output of operating enterprises, grown from its
 *      `outputYear` at a yearly rate g: x_t = x_0 (1 + g)^(t − outputYear);
 *    - `capacity` (./current.ts, ./capacity.ts): operating enterprises with no reported output but
 *      a capacity with a known unit price: capacity × unit price × utilisation (constant over the
 *      years: capacity-bound);
 *    - `pipeline` (./pipeline.ts): projects phased in from their production year along a ramp-up
 *      curve and weighted by the likelihood of their status; valued at `expectedOutput`, else at
 *      priced capacity × utilisation;
 *    - `induced` (./induced.ts, ./local-shares.ts): output of local suppliers induced by the chain
 *      leaders' (链主) output through the chain's input coefficients and local supply shares:
 *      with D = I − M̂ the diagonal of local shares and y the leaders' output by segment, local
 *      output is L_d y with L_d = (I − D A)⁻¹ (../input-output.ts), so the induced part is
 *      (L_d − I) y.
 * 4. Buckets (./buckets.ts): where each run adds each firm's and project's output (its kind, the
 *    audits it counts toward, the induced model's leader or listed-firm output by segment).
 * 5. Monte Carlo (./simulate.ts; seeded; `runs` default 10 000): per run one growth rate
 *    g ~ Normal(rate, spread) and one utilisation u ~ Triangular, shared by all firms (a common
 *    market shock, so the band does not shrink by diversification); per project three uniform
 *    draws, always taken so that changing one assumption keeps the other streams aligned: goes
 *    ahead with the probability of its status (Bernoulli), a delay from the delay distribution
 *    (projects not yet producing), and a shortfall factor ~ Triangular on its announced output
 *    (capacity-valued projects take u instead). Current and capacity output scale with one factor
 *    per run, so they are summed ahead of the runs by output year; a run costs
 *    O(projects + chain segments²), not O(firms). The draws: ../../internal/draws.ts.
 * 6. Bands (./band.ts): P10 / P50 / P90 (linear interpolation between order statistics, numpy's
 *    default); `expected` is the mean over runs.
 * 7. Breakdowns (./result.ts, ./segments.ts): expected output by enterprise (the largest
 *    `enterpriseLimit` when given), by segment and kind, by project, by induced chain.
 * 8. Target audits (./audit.ts): the probability of reaching each target's value by its year,
 *    where its value lies against the P10–P90 band, the yearly growth it requires from the
 *    modelled base-year output, its stated growth against the estimate's, and how much of it the
 *    modelled firms cover. Region-wide targets compared with modelled firms say that the estimate
 *    covers only the firms in the dataset. Rules (./audit-rules.ts): an audit whose scope holds no
 *    firm with an output or capacity figure and no project with an expected output rests on no
 *    data and says "无法审核" with the reason, probability null (never 0 % for missing data); the
 *    required growth is derived only from a credible base, at least 10 % of the base the target
 *    implies (else "基数过小，增速无意义"); no growth above 1 000 % is printed as a number. A chain
 *    target is also set against its zone's own yearly output (./audit-zone.ts: the zone-wide
 *    output indicator annualised, else a zone-wide output target), with the sum of the zone's
 *    chain targets; targets adding up to more than the zone are a finding.
 * 9. Assumptions as used (./assumptions.ts): each with its value, whether given, its source.
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
 * - base year: the latest observed year in scope, else the first requested year;
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
 * References: Miller & Blair, Input-Output Analysis (2nd ed., 2009), ch. 2–3 and 6 (Leontief
 * inverse, regional coefficients, multipliers); Vose, Risk Analysis: A Quantitative Guide (3rd
 * ed., 2008) for Monte Carlo ranges with triangular and discrete inputs; Flyvbjerg, "From Nobel
 * Prize to project management: getting risks right" (2006) on optimism bias in announced
 * project outputs and schedules (why shortfall and delay are sampled).
 */
import type { ChainModel } from '../../graph/model.js';
import { withScratch, type Scratch } from '../../internal/scratch.js';
import { resolveScope } from '../scope/index.js';
import { noteAssumptions } from './assumptions.js';
import { auditTargets } from './audit.js';
import { internalYears, planAudits } from './audit-plan.js';
import { yearBands } from './band.js';
import { bucketsOf, firmTerms, inducedAuditBuckets, projectColumns, simulationOf } from './buckets.js';
import { estimateContext } from './context.js';
import { firmItems } from './current.js';
import { inducedModels } from './induced.js';
import { localShareOverrides, resolveOptions } from './options.js';
import { pipelineItems, projectsInScope } from './pipeline.js';
import { enterpriseEstimates, itemMeans, projectEstimates, type RunMeans } from './result.js';
import { segmentEstimates } from './segments.js';
import { simulate } from './simulate.js';
import type { OutputEstimate, OutputGap, OutputOptions } from './types.js';

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
  // 1. scope and assumptions
  const scope = resolveScope(model, options);
  const { years, runs, seed, enterpriseLimit, a, givenKeys } = resolveOptions(options);
  const overrides = localShareOverrides(model, a, scope.chain);
  const ctx = estimateContext(model, s, a, years, scope);
  const { baseYear, horizon } = ctx;

  // 2. the target audits, and the years the runs compute
  const plans = planAudits(ctx);
  const { Y, slot } = internalYears(years, baseYear, plans);
  const T = Y.length;

  // 3. current and capacity output, pipeline, induced output (gaps in that order)
  const gaps: OutputGap[] = [];
  const { projects: scopeProjects, projectsOf } = projectsInScope(ctx);
  const firms = firmItems(ctx, projectsOf, gaps);
  const pipes = pipelineItems(ctx, scopeProjects, firms, gaps);
  const induced = inducedModels(ctx, firms, pipes, overrides);

  // 4. where each run adds what
  const buckets = bucketsOf(plans.length, induced.positions);
  const terms = firmTerms(ctx, buckets, plans, firms, induced);
  const columns = projectColumns(ctx, buckets, plans, pipes, induced, terms.termBucket);
  const inducedAudits = inducedAuditBuckets(ctx, buckets, plans, induced);

  // 5. the Monte Carlo
  const sim = simulate(s, simulationOf({ runs, seed, years: Y, a }, buckets, terms, columns, induced, inducedAudits));

  // 6. bands
  const scratch = s.float64(runs);
  const reqSlots = years.map((y) => slot.get(y)!);
  const byYear = yearBands(years, reqSlots, sim.total, sim.kindRuns, runs, T, scratch);

  // 7. breakdowns by firm, segment, project and induced chain
  const means: RunMeans = { runs, T, reqSlots, itemMean: itemMeans(sim.meanFactor, runs, terms.J, reqSlots), projSum: sim.projSum };
  const { enterprises, listed } = enterpriseEstimates(ctx, firms, terms.itemGroup, pipes, induced.isLeaderEnt, means, enterpriseLimit);
  const inducedSums = { added: sim.inducedAddedSum, gross: sim.inducedGrossSum };
  const segments = segmentEstimates(ctx, firms, terms.itemGroup, pipes, induced, inducedSums, means);
  const projects = projectEstimates(ctx, pipes, means);

  // 8. the target audits
  const targets = auditTargets(ctx, plans, firms, pipes, { runs, T, slot, values: sim.auditRuns, zRuns: sim.zRuns, scratch });

  // 9. the assumptions as used
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
    ...(enterpriseLimit === undefined ? {} : { enterprisesOmitted: listed - enterprises.length }),
    segments,
    projects,
    induced: induced.info,
    gaps,
    targets,
  };
}
