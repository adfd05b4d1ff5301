/**
 * The target audits in scope: every target (metric `output`; `sales` audited as output) whose
 * region lies within the scope region and whose chain is the scope chain (or none), with its value
 * in 亿元, the year it is audited at (expectations without a year at the horizon), and the latest
 * observed output indicator of the same scope, annualised.
 */
import { regionWithinIdx } from '../../graph/queries.js';
import type { Indicator, Target } from '../../model/schema.js';
import type { Reason } from '../scope/index.js';
import type { EstimateContext } from './context.js';
import type { TargetAudit } from './types.js';

/**
 * Months an indicator period covers: "1-8月" → 8, "Q1"/"一季度" → 3, "前三季度" → 9, "上半年" → 6; 12 when absent or unknown.
 *
 * @example
 * periodMonths('1-8月'); // { months: 8, known: true }
 */
export function periodMonths(period: string | undefined): { months: number; known: boolean } {
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

/**
 * 亿元 per unit of a target's or indicator's unit; undefined when not money.
 *
 * @example
 * moneyFactor('万元'); // 1e-4 (亿元 per 万元); moneyFactor('GWh'); // undefined
 */
export function moneyFactor(unit: string | undefined): number | undefined {
  if (unit === undefined) return 1;
  const u = unit.trim();
  if (u === '亿元' || u === '亿' || u === '') return 1;
  if (u === '万元') return 1e-4;
  if (u === '元') return 1e-8;
  return undefined;
}

/** How one target in scope is audited. */
export interface AuditPlan {
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

/**
 * The audit of each target in scope, in dataset order.
 *
 * @example
 * planAudits(ctx).map((plan) => plan.target.id); // the output targets within the scope
 */
export function planAudits(ctx: EstimateContext): AuditPlan[] {
  const { model, a, horizon, scopeRegion, scopeChain } = ctx;
  const { dataset, index } = model;
  const plans: AuditPlan[] = [];
  dataset.targets.forEach((t, ti) => {
    const r = index.regions.byId.get(t.scope.region);
    if (r === undefined || !regionWithinIdx(model, r, scopeRegion)) return;
    const c = t.scope.chain === undefined ? -1 : (index.chains.byId.get(t.scope.chain) ?? -2);
    if (c === -2) return;
    if (scopeChain >= 0 && c >= 0 && c !== scopeChain) return;
    const { value, unavailable } = targetValue(t);
    const indicator = latestIndicator(dataset.indicators, t);
    plans.push({
      target: t,
      index: ti,
      region: r,
      chain: c,
      value,
      year: t.year ?? horizon,
      yearSource: t.year === undefined ? 'expectation-horizon' : 'target',
      unavailable,
      indicator,
      useIndicators: a.baseline === 'indicators' && c < 0 && indicator !== null,
    });
  });
  return plans;
}

/** A target's value in 亿元, or why it cannot be audited. */
function targetValue(t: Target): { value: number | null; unavailable: Reason | null } {
  if (t.metric !== 'output' && t.metric !== 'sales')
    return {
      value: null,
      unavailable: {
        zh: `指标 ${t.metric} 不是产值，本测算不覆盖`,
        en: `metric ${t.metric} is not output; the estimate does not cover it`,
      },
    };
  if (t.value === undefined) return { value: null, unavailable: null };
  const f = moneyFactor(t.unit);
  if (f === undefined)
    return { value: null, unavailable: { zh: `单位 "${t.unit}" 不是金额，无法与产值比较`, en: `unit "${t.unit}" is not money; it cannot be set against output` } };
  return { value: t.value * f, unavailable: null };
}

/** The latest output indicator of the target's scope in money (of a year: the longest period), annualised. */
function latestIndicator(indicators: readonly Indicator[], t: Target): AuditPlan['indicator'] {
  let indicator: AuditPlan['indicator'] = null;
  for (const ind of indicators) {
    if (ind.metric !== 'output' || ind.value === undefined) continue;
    if (ind.scope.region !== t.scope.region || (ind.scope.chain ?? null) !== (t.scope.chain ?? null)) continue;
    const f = moneyFactor(ind.unit);
    if (f === undefined) continue;
    const { months, known } = periodMonths(ind.period);
    const annualised = (ind.value * f * 12) / months;
    if (indicator === null || ind.year > indicator.record.year || (ind.year === indicator.record.year && months > indicator.months))
      indicator = { record: ind, annualised, months, known };
  }
  return indicator;
}

/**
 * The years the runs compute: requested ∪ base ∪ audit years ∪ indicator years, ascending, and the slot of each.
 *
 * @example
 * internalYears([2025, 2030], 2023, []).Y; // [2023, 2025, 2030]
 */
export function internalYears(years: readonly number[], baseYear: number, plans: readonly AuditPlan[]): { Y: number[]; slot: Map<number, number> } {
  const yearSet = new Set<number>([...years, baseYear]);
  for (const p of plans) {
    yearSet.add(p.year);
    if (p.indicator) yearSet.add(p.indicator.record.year);
  }
  const Y = [...yearSet].sort((x, y) => x - y);
  return { Y, slot: new Map(Y.map((y, t) => [y, t])) };
}
