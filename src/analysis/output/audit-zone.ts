/**
 * A chain's target against its zone's own totals (see ./index.ts, step 8): where the dataset holds
 * a zone-wide output figure for the target's region — the latest output indicator with no chain
 * (annualised by the months of its period, as ./audit-plan.ts does), else a zone-wide output
 * target — the chain target and the sum of all chain targets of that region (output or sales in
 * money, the same year or the same absence of a year) are set against it. Chains of one zone
 * cannot together produce more than the zone: when their targets add up to more than the zone's
 * yearly output, the audit says so as a finding (the targets then imply that the zone grows by
 * that factor, or that the chains overlap).
 *
 * Assumption: a firm's output counts once in the zone's total; chain targets may overlap (a firm
 * in two chains), so the sum is an upper bound of what the chains add to the zone.
 */
import { formatYi, round } from '../../internal/format.js';
import type { ChainModel } from '../../graph/model.js';
import type { Target } from '../../model/schema.js';
import type { Reason } from '../scope/index.js';
import { moneyFactor, periodMonths, type AuditPlan } from './audit-plan.js';
import type { TargetAudit } from './types.js';

type ZoneCheck = NonNullable<TargetAudit['zoneCheck']>;

/** The zone-wide yearly output of a region: its latest output indicator (annualised), else its zone-wide output target. */
function zoneTotal(model: ChainModel, region: string): Pick<ZoneCheck, 'basis' | 'zoneValue' | 'zoneYear' | 'zonePeriod' | 'zoneRecorded'> | null {
  let best: Pick<ZoneCheck, 'basis' | 'zoneValue' | 'zoneYear' | 'zonePeriod' | 'zoneRecorded'> & { months: number } | null = null;
  for (const ind of model.dataset.indicators) {
    if (ind.metric !== 'output' || ind.value === undefined || ind.scope.region !== region || ind.scope.chain !== undefined) continue;
    const f = moneyFactor(ind.unit);
    if (f === undefined) continue;
    const { months } = periodMonths(ind.period);
    if (best === null || ind.year > best.zoneYear! || (ind.year === best.zoneYear && months > best.months))
      best = { basis: 'indicator', zoneValue: (ind.value * f * 12) / months, zoneYear: ind.year, zonePeriod: ind.period ?? null, zoneRecorded: ind.value * f, months };
  }
  if (best !== null) {
    const { months: _m, ...rest } = best;
    return rest;
  }
  for (const t of model.dataset.targets) {
    if ((t.metric !== 'output' && t.metric !== 'sales') || t.value === undefined || t.scope.region !== region || t.scope.chain !== undefined) continue;
    const f = moneyFactor(t.unit);
    if (f !== undefined) return { basis: 'target', zoneValue: t.value * f, zoneYear: t.year ?? null, zonePeriod: t.period ?? null, zoneRecorded: t.value * f };
  }
  return null;
}

/** The money value (亿元) of a chain target of the region, in the same year (or the same absence of one) as `t`. */
function siblingValue(s: Target, t: Target): number | null {
  if (s.scope.region !== t.scope.region || s.scope.chain === undefined || (s.metric !== 'output' && s.metric !== 'sales')) return null;
  if (s.value === undefined || (s.year ?? null) !== (t.year ?? null)) return null;
  const f = moneyFactor(s.unit);
  return f === undefined ? null : s.value * f;
}

/**
 * The zone check of a chain target, or null (a zone-wide target, no money value, or no zone-wide figure).
 *
 * @example
 * zoneCheck(model, plan)?.totalShareOfZone; // 3.06: the four 运城 chain targets are 3.06 × the zone's yearly output
 */
export function zoneCheck(model: ChainModel, plan: AuditPlan): ZoneCheck | null {
  const t = plan.target;
  if (plan.chain < 0 || plan.value === null || !(plan.value > 0)) return null;
  const zone = zoneTotal(model, t.scope.region);
  if (zone === null || !(zone.zoneValue > 0)) return null;
  let chainTargets = 0;
  let chainTargetsTotal = 0;
  for (const s of model.dataset.targets) {
    const v = siblingValue(s, t);
    if (v === null) continue;
    chainTargets++;
    chainTargetsTotal += v;
  }
  const shareOfZone = plan.value / zone.zoneValue;
  const totalShareOfZone = chainTargetsTotal / zone.zoneValue;
  return { ...zone, chainTargets, chainTargetsTotal, shareOfZone, totalShareOfZone, exceedsZone: totalShareOfZone > 1, reason: zoneReason(plan.value, zone, chainTargets, chainTargetsTotal, shareOfZone, totalShareOfZone) };
}

function zoneReason(value: number, zone: Pick<ZoneCheck, 'basis' | 'zoneValue' | 'zoneYear' | 'zonePeriod' | 'zoneRecorded'>, n: number, total: number, share: number, totalShare: number): Reason {
  const when = zone.zoneYear === null ? { zh: '', en: '' } : { zh: `${zone.zoneYear}年${zone.zonePeriod ?? ''}`, en: `${zone.zoneYear}${zone.zonePeriod ? ` ${zone.zonePeriod}` : ''}` };
  const annualised = zone.zoneRecorded !== zone.zoneValue;
  const zoneText =
    zone.basis === 'indicator'
      ? {
          zh: `全区产值（${when.zh} ${formatYi(zone.zoneRecorded, 'zh')}${annualised ? `，折全年约 ${formatYi(zone.zoneValue, 'zh')}` : ''}）`,
          en: `the zone's output (${when.en}: ${formatYi(zone.zoneRecorded, 'en')}${annualised ? `, about ${formatYi(zone.zoneValue, 'en')} a year` : ''})`,
        }
      : { zh: `全区产值目标（${when.zh} ${formatYi(zone.zoneValue, 'zh')}）`, en: `the zone's output target (${when.en}: ${formatYi(zone.zoneValue, 'en')})` };
  const verdict =
    totalShare > 1
      ? { zh: `，超出全区总量：各链目标不可能同时在现有全区规模内实现，意味着全区产值需增至约 ${round(totalShare, 2)} 倍，或各链目标相互重叠`, en: `, more than the whole zone: the chain targets cannot all be met within the zone's present size; they imply the zone growing about ${round(totalShare, 2)}-fold, or chain targets that overlap` }
      : { zh: '，在全区总量之内', en: ', within the zone total' };
  return {
    zh: `与全区总量对照：本链目标 ${formatYi(value, 'zh')} 相当于${zoneText.zh}的 ${round(share * 100, 1)}%；本区 ${n} 条产业链的目标合计 ${formatYi(total, 'zh')}，为其 ${round(totalShare, 2)} 倍${verdict.zh}`,
    en: `against the zone's totals: this chain's target of ${formatYi(value, 'en')} is ${round(share * 100, 1)}% of ${zoneText.en}; the targets of the zone's ${n} chains add up to ${formatYi(total, 'en')}, ${round(totalShare, 2)} times that${verdict.en}`,
  };
}
