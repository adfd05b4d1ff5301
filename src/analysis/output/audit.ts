/**
 * Target audit: every output target (metric `output`; `sales` audited as output) whose region
 * lies within the scope region and whose chain is the scope chain (or none): the probability of
 * reaching its value by its year, where its value lies against the P10–P90 band, the yearly growth
 * it requires from the modelled base-year output, its stated growth against the estimate's, and
 * how much of it the modelled firms cover. An audit resting on no data is not made ("无法审核",
 * ./audit-rules.ts); a chain target is also set against the zone's totals (./audit-zone.ts).
 */
import type { Scratch } from '../../internal/scratch.js';
import { formatShare, formatYi } from '../../internal/format.js';
import type { Reason } from '../scope/index.js';
import { bandOfRuns, cagr, finite } from './band.js';
import { regionWithinIdx } from '../../graph/queries.js';
import type { AuditPlan } from './audit-plan.js';
import { chainName, hasChain, regionName, type EstimateContext } from './context.js';
import type { FirmItems } from './current.js';
import type { PipeItem } from './pipeline.js';
import { auditReason, coverageReason, noDataReason, unavailableReason } from './audit-text.js';
import { credibleBase } from './audit-rules.js';
import { zoneCheck } from './audit-zone.js';
import type { Band, TargetAudit } from './types.js';

/** What the runs give the audits: per run and year, each audit's output, and each run's growth draw. */
export interface AuditRuns {
  runs: number;
  T: number;
  slot: ReadonlyMap<number, number>;
  /** Per audit, runs × T. */
  values: Float64Array[];
  zRuns: Float64Array;
  scratch: Float64Array;
}

/**
 * The audit of each target in scope, in plan order.
 *
 * @example
 * auditTargets(ctx, plans, firms, pipes, auditRuns)[0].probability; // share of runs meeting the first target
 */
export function auditTargets(
  ctx: EstimateContext,
  plans: readonly AuditPlan[],
  firms: FirmItems,
  pipes: readonly PipeItem[],
  r: AuditRuns,
): TargetAudit[] {
  const { model, a, baseYear } = ctx;
  const tBase = r.slot.get(baseYear)!;
  const coverage = coverageCounter(ctx, firms, pipes);
  return plans.map((plan, i) =>
    auditTarget(plan, {
      runs: r.runs,
      T: r.T,
      slot: r.slot,
      tBase,
      baseYear,
      growthRate: a.growthRate,
      growthSpread: a.growthSpread,
      values: r.values[i]!,
      zRuns: r.zRuns,
      scratch: r.scratch,
      arena: ctx.s,
      scopeRegion: ctx.scopeRegion,
      scopeChain: ctx.scopeChain,
      regionName: (region) => regionName(model, region),
      chainName: (c) => chainName(model, c),
      coverage: coverage(plan),
      zone: zoneCheck(model, plan),
    }),
  );
}

/** Counts, for an audit, the firms in scope (with output) and the projects (counted) its scope holds. */
function coverageCounter(ctx: EstimateContext, firms: FirmItems, pipes: readonly PipeItem[]): (plan: AuditPlan) => AuditContext['coverage'] {
  const { model, s, firms: scopeEnts } = ctx;
  const E = model.index.enterprises;
  const { enter: regionEnter, leave: regionLeave } = model.index.regions;
  const nScope = scopeEnts.length;
  /** Euler entry of each firm in scope's region, for the audits' coverage counts. */
  let scopeEnter: Int32Array | undefined;
  return (plan) => {
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
      if (plan.chain >= 0 && !hasChain(ctx.columns, e, plan.chain)) continue;
      enterprises++;
      if (firms.itemOfEnt[e]! >= 0) withOutput++;
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
  };
}

/** What one audit reads. */
export interface AuditContext {
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
  /** The target against its zone's totals (./audit-zone.ts). */
  zone: TargetAudit['zoneCheck'];
}

/** The per-run values an audit compares: at the audited year and at the base year. */
interface AuditRunValues {
  atY: Float64Array;
  atB: Float64Array;
  basis: TargetAudit['basis'];
}

/** The numbers of an available audit. */
export interface AuditNumbers {
  estimate: Band;
  base: { year: number; value: number };
  /** Years from the base year to the audited year. */
  span: number;
  /** The target's value, or the one its stated growth implies. */
  value: number | null;
  impliedValue: boolean;
  probability: number | null;
  bandPosition: TargetAudit['bandPosition'];
  requiredGrowth: number | null;
  estimateGrowth: number | null;
  growthProbability: number | null;
}

function auditTarget(plan: AuditPlan, ctx: AuditContext): TargetAudit {
  const t = plan.target;
  const where = `${ctx.regionName(plan.region)}${plan.chain >= 0 ? ` ${ctx.chainName(plan.chain)}` : ''}`;
  const statedGrowth = t.growth === undefined ? null : t.growth / 100;
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
  const notes: Reason[] = ctx.zone ? [ctx.zone.reason] : [];
  const zone = { zoneCheck: ctx.zone };
  if (plan.unavailable !== null) return { ...common, ...unavailableAudit(plan, plan.unavailable, ctx.coverage), ...zone, notes, reason: unavailableReason(plan, plan.unavailable, where) };
  // no data, no audit (./audit-rules.ts): an estimate of 0 for want of figures has no probability
  const cov = ctx.coverage;
  if (!(plan.useIndicators && plan.indicator) && cov.withOutput === 0 && cov.projectsWithOutput === 0) {
    const why = noDataReason(plan, cov, where, ctx.zone);
    return { ...common, ...unavailableAudit(plan, why, cov), noData: true, ...zone, notes, reason: why };
  }
  const values = runValues(plan, ctx, notes);
  const n = auditNumbers(plan, ctx, values, statedGrowth, notes);
  addNotes(plan, ctx, n, values.basis, statedGrowth, notes);
  const coverage = auditCoverage(plan, ctx, n, values.basis, statedGrowth, where);
  return {
    ...common,
    available: true,
    noData: false,
    ...zone,
    value: n.value,
    basis: values.basis,
    estimate: n.estimate,
    bandPosition: n.bandPosition,
    probability: n.probability,
    base: n.base,
    requiredGrowth: n.requiredGrowth,
    estimateGrowth: n.estimateGrowth,
    growthProbability: n.growthProbability,
    coverage,
    notes,
    reason: auditReason(plan, ctx, n, statedGrowth, coverage.reason, where),
  };
}

/** The fields of an audit that cannot be made (metric not output, unit not money). */
function unavailableAudit(plan: AuditPlan, why: Reason, cov: AuditContext['coverage']) {
  return {
    available: false,
    noData: false,
    value: plan.target.value ?? null,
    basis: 'firms' as const,
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
      reason: why,
    },
  };
}

/**
 * Per-run values at the audited year and the base year: the audit's bucket, or, for a
 * region-wide target with `baseline: 'indicators'`, the observed indicator grown at its rate
 * with the run's growth draw (new projects are taken to be in that growth).
 */
function runValues(plan: AuditPlan, ctx: AuditContext, notes: Reason[]): AuditRunValues {
  const { runs, T } = ctx;
  const atY = ctx.arena.float64(runs);
  const atB = ctx.arena.float64(runs);
  const ind = plan.indicator;
  if (!(plan.useIndicators && ind)) {
    const tY = ctx.slot.get(plan.year)!;
    const tB = ctx.tBase;
    for (let r = 0; r < runs; r++) {
      atY[r] = ctx.values[r * T + tY]!;
      atB[r] = ctx.values[r * T + tB]!;
    }
    return { atY, atB, basis: 'firms' };
  }
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
  return { atY, atB, basis: 'indicators' };
}

/** The band at the audited year, the base, the probability of the target and the growth figures. */
function auditNumbers(plan: AuditPlan, ctx: AuditContext, values: AuditRunValues, statedGrowth: number | null, notes: Reason[]): AuditNumbers {
  const t = plan.target;
  const { runs } = ctx;
  const { atY, atB } = values;
  const estimate = bandOfRuns(atY, ctx.scratch);
  let baseSum = 0;
  for (let r = 0; r < runs; r++) baseSum += atB[r]!;
  const base = { year: ctx.baseYear, value: baseSum / runs };
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
  // required growth only from a credible base (./audit-rules.ts)
  const requiredGrowth = value !== null && !impliedValue && credibleBase(base.value, value, statedGrowth, span) ? cagr(base.value, value, span) : null;
  const estimateGrowth = cagr(base.value, estimate.expected, span);
  let growthProbability: number | null = null;
  if (statedGrowth !== null && span > 0) {
    let hits = 0;
    const needed = (1 + statedGrowth) ** span;
    for (let r = 0; r < runs; r++) if (atB[r]! > 0 && atY[r]! / atB[r]! >= needed) hits++;
    growthProbability = hits / runs;
  }
  return { estimate, base, span, value, impliedValue, probability, bandPosition, requiredGrowth, estimateGrowth, growthProbability };
}

/** What a reader must know to read the audit: no growth to derive, periods, horizons, sales, a tiny base. */
function addNotes(plan: AuditPlan, ctx: AuditContext, n: AuditNumbers, basis: TargetAudit['basis'], statedGrowth: number | null, notes: Reason[]): void {
  const t = plan.target;
  const { base, span } = n;
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
  if (span > 0 && base.value > 0 && plan.value !== null && !credibleBase(base.value, plan.value, statedGrowth, span))
    notes.push({
      zh: `${ctx.baseYear}年测算基数 ${formatYi(base.value, 'zh')} 不到目标所隐含基数的 10%：基数过小，增速无意义，不计算所需年均增速；增速比较的是新项目与近乎空白的基数，不能说明目标本身`,
      en: `the modelled base of ${formatYi(base.value, 'en')} in ${ctx.baseYear} is under 10% of the base the target implies: the base is too small for a meaningful rate, so no required growth is derived; growth figures would compare new projects with an almost empty base and say little about the target itself`,
    });
}

/** How much of the target the modelled firms cover: counts, share of the target, implied base, observed output. */
function auditCoverage(
  plan: AuditPlan,
  ctx: AuditContext,
  n: AuditNumbers,
  basis: TargetAudit['basis'],
  statedGrowth: number | null,
  where: string,
): TargetAudit['coverage'] {
  const cov = ctx.coverage;
  const { value, estimate, base, span } = n;
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
  const ind = plan.indicator;
  if (ind) {
    const { runs, T } = ctx;
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
  const reason = coverageReason(plan, ctx, { basis, partial, noData, shareOfTarget, impliedBase, observed, statedGrowth, where });
  return {
    partial,
    enterprises: cov.enterprises,
    enterprisesWithOutput: cov.withOutput,
    projects: cov.projects,
    projectsWithOutput: cov.projectsWithOutput,
    shareOfTarget,
    impliedBase,
    observed,
    reason,
  };
}
