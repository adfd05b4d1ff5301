/**
 * The reasons of a target audit, in Chinese and English, rendered from its numbers: where the
 * target lies against the band, the probability of meeting it, the growth it needs, and how much
 * of it the modelled firms cover (a low probability may reflect missing data, not an implausible
 * target).
 */
import { formatShare, formatYi } from '../../internal/format.js';
import type { Reason } from '../scope/index.js';
import type { AuditContext, AuditNumbers } from './audit.js';
import type { AuditPlan } from './audit-plan.js';
import { printGrowth } from './audit-rules.js';
import type { TargetAudit } from './types.js';

/**
 * Why an audit cannot be made for want of data (./audit-rules.ts): "无法审核", the counts, and
 * the zone check when there is one (it needs no firm data).
 *
 * @example
 * noDataReason(plan, coverage, '运城经济技术开发区 铜基新材料产业链', null).zh; // '… 无法审核：…'
 */
export function noDataReason(plan: AuditPlan, cov: AuditContext['coverage'], where: string, zone: TargetAudit['zoneCheck']): Reason {
  const kind = plan.target.kind === 'expectation' ? { zh: '预期', en: 'expectation' } : { zh: '目标', en: 'target' };
  const zoneText = zone ? { zh: `。${zone.reason.zh}`, en: `. ${zone.reason.en.charAt(0).toUpperCase()}${zone.reason.en.slice(1)}` } : { zh: '', en: '' };
  return {
    zh: `${where} 的${kind.zh}无法审核：数据集中本范围的 ${cov.enterprises} 家企业均无产值或产能，${cov.projects} 个项目均无预期产值，测算没有数据可依，达成概率无从计算（不是 0%）${zoneText.zh}`,
    en: `the ${kind.en} for ${where} cannot be audited: none of the ${cov.enterprises} enterprise(s) in scope has an output or capacity figure and none of the ${cov.projects} project(s) an expected output, so the estimate rests on no data and no probability can be given (it is not 0%)${zoneText.en}`,
  };
}

/**
 * Why a target is not audited.
 *
 * @example
 * unavailableReason(plan, { zh: '…', en: 'metric jobs is not output' }, '酒泉').en; // 'target t1 (酒泉) is not audited: metric jobs is not output'
 */
export function unavailableReason(plan: AuditPlan, why: Reason, where: string): Reason {
  const t = plan.target;
  return {
    zh: `目标 ${t.id}（${where}）未审核：${why.zh}`,
    en: `target ${t.id} (${where}) is not audited: ${why.en}`,
  };
}

/** The coverage figures a coverage reason is rendered from. */
interface CoverageFigures {
  basis: TargetAudit['basis'];
  partial: boolean;
  noData: boolean;
  shareOfTarget: number | null;
  impliedBase: TargetAudit['coverage']['impliedBase'];
  observed: TargetAudit['coverage']['observed'];
  statedGrowth: number | null;
  where: string;
}

/**
 * What the estimate covers of the target's scope, and what that means for the comparison.
 *
 * @example
 * coverageReason(plan, auditContext, figures).en; // 'the estimate holds only the 12 enterprises of 酒泉 …'
 */
export function coverageReason(plan: AuditPlan, ctx: AuditContext, f: CoverageFigures): Reason {
  const cov = ctx.coverage;
  const { shareOfTarget, impliedBase, observed, statedGrowth, where } = f;
  if (f.basis === 'indicators')
    return {
      zh: `按观测指标外推，覆盖 ${ctx.regionName(plan.region)} 的统计口径`,
      en: `projected from the observed indicator, covering the statistical scope of ${ctx.regionName(plan.region)}`,
    };
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
  const missing = f.partial
    ? f.noData
      ? {
          zh: '。数据集中没有任何可用产值，测算为 0：比较结果（包括低概率）反映数据缺失，而非目标不可信',
          en: '. The dataset holds no usable output figure, so the estimate is 0: the comparison, a low probability included, reflects missing data, not an implausible target',
        }
      : {
          zh: '。低概率可能反映数据缺失（未收录的企业），而非目标不可信',
          en: '. A low probability may reflect missing data (firms not in the dataset) rather than an implausible target',
        }
    : { zh: '', en: '' };
  return {
    zh: `${scopeText.zh}${shareText.zh}${impliedText.zh}${observedText.zh}${missing.zh}`,
    en: `${scopeText.en}${shareText.en}${impliedText.en}${observedText.en}${missing.en}`,
  };
}

/**
 * The audit's conclusion: the band, where the target lies, its probability, the growth figures, the coverage.
 *
 * @example
 * auditReason(plan, auditContext, numbers, 0.15, coverage, '酒泉').en; // 'target t1 for 酒泉: in 2030 the estimate's P10–P90 is …'
 */
export function auditReason(plan: AuditPlan, ctx: AuditContext, n: AuditNumbers, statedGrowth: number | null, coverage: Reason, where: string): Reason {
  const t = plan.target;
  const { estimate, base, value, bandPosition, probability, requiredGrowth, estimateGrowth, growthProbability } = n;
  const zone = ctx.zone;
  const upper = t.comparator === '<=' || t.comparator === '<';
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
  // a target value with no credible base behind it: say why no growth is given
  const withheld =
    value !== null && !n.impliedValue && n.span > 0 && base.value > 0
      ? { zh: `；${ctx.baseYear}年测算基数 ${formatYi(base.value, 'zh')} 过小，所需增速无意义，不予计算`, en: `; the modelled base of ${formatYi(base.value, 'en')} in ${ctx.baseYear} is too small for a meaningful required growth, so none is given` }
      : { zh: '', en: '' };
  const growthText =
    requiredGrowth !== null || statedGrowth !== null || withheld.zh !== ''
      ? {
          zh: `${requiredGrowth !== null ? `；从 ${ctx.baseYear}年测算值 ${formatYi(base.value, 'zh')} 起需年均增长 ${printGrowth(requiredGrowth).zh}` : withheld.zh}${statedGrowth !== null ? `；目标增速 ${printGrowth(statedGrowth).zh}` : ''}${estimateGrowth !== null ? `，测算年均增速 ${printGrowth(estimateGrowth).zh}` : ''}${growthProbability !== null ? `，达到目标增速的概率 ${formatShare(growthProbability)}` : ''}`,
          en: `${requiredGrowth !== null ? `; from ${formatYi(base.value, 'en')} modelled for ${ctx.baseYear} it needs ${printGrowth(requiredGrowth).en} a year` : withheld.en}${statedGrowth !== null ? `; stated growth ${printGrowth(statedGrowth).en}` : ''}${estimateGrowth !== null ? `, estimate ${printGrowth(estimateGrowth).en} a year` : ''}${growthProbability !== null ? `, probability of the stated growth ${formatShare(growthProbability)}` : ''}`,
        }
      : { zh: '', en: '' };
  return {
    zh: `${where} ${t.kind === 'expectation' ? '预期' : '目标'} ${t.id}：${plan.year}年测算 P10–P90 为 ${formatYi(estimate.p10, 'zh')}–${formatYi(estimate.p90, 'zh')}（期望 ${formatYi(estimate.expected, 'zh')}），${positionText.zh}${probText.zh}${growthText.zh}。${coverage.zh}${zone ? `。${zone.reason.zh}` : ''}`,
    en: `${t.kind} ${t.id} for ${where}: in ${plan.year} the estimate's P10–P90 is ${formatYi(estimate.p10, 'en')} – ${formatYi(estimate.p90, 'en')} (expected ${formatYi(estimate.expected, 'en')}); ${positionText.en}${probText.en}${growthText.en}. ${coverage.en.charAt(0).toUpperCase()}${coverage.en.slice(1)}${zone ? `. ${zone.reason.en.charAt(0).toUpperCase()}${zone.reason.en.slice(1)}` : ''}`,
  };
}
