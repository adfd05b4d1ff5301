/**
 * Step 8 of findGaps, the severity each rule of step 7 gives its finding, in [0, 1]:
 *
 *   severity = [(1 − w_s)·(w_v·value + w_c·criticality + w_f·feasibility) + w_s·segmentValue]
 *              × policyFactor × (1 − fillingReduction)
 *
 * - w_v, w_c, w_f normalised to sum 1 (default 0.5 / 0.3 / 0.2); w_s = segmentValueWeight
 *   (default 0.2) when every segment of the chain has a valueShare, else 0 (the formula is then
 *   the three-component one). segmentValue = valueShare_j / max_k valueShare_k: the segment's
 *   own share of the chain's value added (the templates' valueShare, value added per unit of
 *   final demand from x = (I − A)⁻¹y, Miller & Blair, Input-Output Analysis, 2009, ch. 2), so
 *   that a high-value component outranks a low-value one with the same dependants.
 * - policyFactor (default 0.5) when the segment carries a policy flag `capacity_replacement`
 *   (产能置换: new capacity only against retired capacity, e.g. 工业和信息化部《钢铁行业产能置换
 *   实施办法》, 《水泥玻璃行业产能置换实施办法》, 2021) or `restricted` (限制类 items of the
 *   国家发展改革委《产业结构调整指导目录》): a zone cannot simply recruit new capacity there, so
 *   the finding is scaled down, ranked after every unflagged one (./result.ts), and its reason
 *   names the policy and its source; 1 otherwise.
 * - fillingReduction (default 0.5) when projects under way fill the gap, else 0.
 * - value = share × extent. share = W(D) / W(L ∪ D), where L are the local present firms of the
 *   chain, D the local firms that depend on the gap (firms in the segments directly downstream —
 *   or, for a forward extension, directly upstream — or the local buyers of an external flow),
 *   and W sums firm weights: leaderWeight (default 3) for a 链主 of the chain, 1 otherwise, times
 *   the firm's output when every firm of L has a known output (basis "output"), else not (basis
 *   "count"). extent is how open the gap is, given by each rule.
 * - criticality: ./criticality.ts; feasibility: ./feasibility.ts.
 */
import type { ChainModel } from '../../graph/model.js';
import { round } from '../../internal/format.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Reason } from '../scope/index.js';
import type { GapContext } from './context.js';
import { fillingText, plannedText } from './filling.js';
import { IN_CHAIN_LOCAL } from './presence.js';
import type { FillingEntry, SeverityBreakdown } from './types.js';

/** The policy codes that lower a finding's rank: capacity controls and restricted items. */
const CONTROLLED = new Set(['capacity_replacement', 'restricted']);

/**
 * The capacity-control and restriction flags of the chain's j-th segment (code and source).
 *
 * @example
 * controlPolicies(ctx, 0); // [{ code: 'capacity_replacement', source: '工业和信息化部《钢铁行业产能置换实施办法》（2021年）' }]
 */
export function controlPolicies(ctx: GapContext, j: number): SeverityBreakdown['policies'] {
  return (ctx.chain.segments[j]!.policy ?? [])
    .filter((p) => CONTROLLED.has(p.code))
    .map((p) => ({ code: p.code as 'capacity_replacement' | 'restricted', source: p.source }));
}

/**
 * The segment-value component of the chain's j-th segment: valueShare over the chain's largest,
 * with the weight `segmentValueWeight`; weight 0 when any segment lacks a valueShare.
 *
 * @example
 * segmentValue(ctx, j); // → { value: 0.5, weight: 0.2, basis: 'valueShare' } for 0.1 when the largest is 0.2
 */
export function segmentValue(ctx: GapContext, j: number): SeverityBreakdown['segmentValue'] {
  const shares = ctx.chain.segments.map((s) => s.valueShare);
  const max = Math.max(0, ...shares.map((v) => v ?? 0));
  if (shares.some((v) => v === undefined) || max <= 0) return { value: 0, weight: 0, basis: 'none' };
  return { value: shares[j]! / max, weight: ctx.settings.segmentValueWeight, basis: 'valueShare' };
}

/** The firm weights W of the value component, and the distinct-dependants stamps of the call. */
export interface SeverityScale {
  basis: 'output' | 'count';
  /** W(L): the summed weight of the local present firms of the chain. */
  totalLocal: number;
  weightOf: (e: number) => number;
  /** Per enterprise: the call of severityOf that last saw it (a scratch array). */
  seen: Int32Array;
  /** Calls of severityOf so far. */
  stamp: number;
}

/**
 * The firm weights over the chain's local present firms `chainLocal`.
 *
 * @example
 * severityScale(scratch, model, presence.chainLocal, names.isLeader, 3).basis; // 'output' when all outputs are known
 */
export function severityScale(
  scratch: Scratch,
  model: ChainModel,
  chainLocal: Int32Array,
  isLeader: (e: number) => boolean,
  leaderWeight: number,
): SeverityScale {
  const output = model.index.enterprises.output;
  const basis: 'output' | 'count' =
    chainLocal.length > 0 && chainLocal.every((e) => Number.isFinite(output[e]!)) && chainLocal.some((e) => output[e]! > 0) ? 'output' : 'count';
  const weightOf = (e: number) => (isLeader(e) ? leaderWeight : 1) * (basis === 'output' ? (Number.isFinite(output[e]!) ? output[e]! : 0) : 1);
  let totalLocal = 0;
  for (let i = 0; i < chainLocal.length; i++) totalLocal += weightOf(chainLocal[i]!);
  return { basis, totalLocal, weightOf, seen: scratch.int32(model.index.enterprises.ids.length), stamp: 0 };
}

/**
 * The severity breakdown of a gap in the chain's j-th segment, with local firms `dependants`
 * (repeats allowed) and how open it is, `extent` in [0, 1].
 *
 * @example
 * severityOf(ctx, j, firmsDownstream, 1).raw; // 0.45 before any filling reduction
 */
export function severityOf(ctx: GapContext, j: number, dependants: readonly number[], extent: number): SeverityBreakdown {
  const { severity: scale, settings, criticality, feasibility, names } = ctx;
  const { weights } = settings;
  // the distinct dependants in order of first appearance (a stamp per call, not a Set)
  const stamp = ++scale.stamp;
  const distinct: number[] = [];
  let ascending = true;
  for (const e of dependants) {
    if (scale.seen[e] === stamp) continue;
    scale.seen[e] = stamp;
    if (distinct.length > 0 && e < distinct[distinct.length - 1]!) ascending = false;
    distinct.push(e);
  }
  let union = scale.totalLocal;
  for (const e of distinct) if ((ctx.presence.flags[e]! & IN_CHAIN_LOCAL) === 0) union += scale.weightOf(e);
  let depWeight = 0;
  for (const e of distinct) depWeight += scale.weightOf(e);
  const share = union > 0 ? depWeight / union : 0;
  const value = share * extent;
  const seg = segmentValue(ctx, j);
  const base = weights.value * value + weights.criticality * criticality.value[j]! + weights.feasibility * feasibility.value[j]!;
  const raw = (1 - seg.weight) * base + seg.weight * seg.value;
  const policies = controlPolicies(ctx, j);
  const reduction = ctx.filling.underWay[j]!.length > 0 ? settings.fillingReduction : 0;
  const sorted = ascending ? distinct : distinct.sort((a, b) => a - b);
  return {
    value: {
      value: round(value, 4),
      weight: round(weights.value * (1 - seg.weight), 4),
      basis: scale.basis,
      share: round(share, 4),
      extent: round(extent, 4),
      dependants: sorted.map(names.idOf),
      leaders: sorted.filter(names.isLeader).map(names.idOf),
    },
    criticality: {
      value: round(criticality.value[j]!, 4),
      weight: round(weights.criticality * (1 - seg.weight), 4),
      basis: criticality.basis,
      downstream: criticality.reach[j]!.map(names.segId),
    },
    feasibility: { value: round(feasibility.value[j]!, 4), weight: round(weights.feasibility * (1 - seg.weight), 4), basis: feasibility.basis[j]! },
    segmentValue: { value: round(seg.value, 4), weight: round(seg.weight, 4), basis: seg.basis },
    raw: round(raw, 4),
    policyFactor: policies.length > 0 ? settings.policyFactor : 1,
    policies,
    fillingReduction: reduction,
  };
}

/** The closing fields of a finding: severity, what fills the gap, and the reason. */
export interface FindingEnd {
  severity: number;
  beingFilledBy: FillingEntry[];
  plannedProjects: FillingEntry[];
  reason: Reason;
  aspects: [];
  also: [];
}

/**
 * A breakdown's severity: raw × policyFactor × (1 − fillingReduction), rounded to 4 decimals.
 *
 * @example
 * severityFrom({ raw: 0.5, policyFactor: 0.5, fillingReduction: 0 }); // 0.25
 */
export const severityFrom = (c: Pick<SeverityBreakdown, 'raw' | 'policyFactor' | 'fillingReduction'>): number =>
  round(c.raw * c.policyFactor * (1 - c.fillingReduction), 4);

/**
 * The severity after the policy factor and the filling reduction, what fills the gap and what is
 * planned, and the reason: the rule's sentence `zh` / `en`, then {@link reasonTail}. The row's
 * aspects are set when the segment's findings are merged (./merge.ts).
 *
 * @example
 * finishFinding(ctx, j, components, '本地缺少「钢材」环节。', 'No local firm in steel.').severity; // 0.45
 */
export function finishFinding(ctx: GapContext, j: number, components: SeverityBreakdown, zh: string, en: string): FindingEnd {
  const severity = severityFrom(components);
  const tail = reasonTail(ctx, j, components, severity);
  return {
    severity,
    beingFilledBy: ctx.filling.underWay[j]!.map((f) => ({ ...f })),
    plannedProjects: ctx.filling.planned[j]!.map((f) => ({ ...f })),
    reason: { zh: `${zh}${tail.zh}`, en: `${en}${tail.en}` },
    aspects: [],
    also: [],
  };
}

/**
 * What closes every reason of the chain's j-th segment: the policy that lowers its rank, what
 * fills it, what is planned, and the severity.
 *
 * @example
 * reasonTail(ctx, j, components, 0.25).zh;
 * // '「钢材」受工业和信息化部《钢铁行业产能置换实施办法》（2021年）产能置换管控，新增产能须等量或减量置换，招商优先级下调（×0.5）。严重度0.25。'
 */
export function reasonTail(ctx: GapContext, j: number, components: SeverityBreakdown, severity: number): Reason {
  const fill = fillingText(ctx.filling.underWay[j]!, ctx.model);
  const plan = plannedText(ctx.filling.planned[j]!, ctx.model);
  const policy = policyText(ctx.names.segName(j), components);
  return {
    zh: `${policy ? policy.zh : ''}${fill ? fill.zh : ''}${plan ? plan.zh : ''}严重度${severity}。`,
    en: `${policy ? ` ${policy.en}` : ''}${fill ? ` ${fill.en[0]!.toUpperCase()}${fill.en.slice(1)}` : ''}${plan ? ` ${plan.en}` : ''} Severity ${severity}.`,
  };
}

/** Why a segment's rank is lowered: its capacity-control or restriction flags with their sources. */
function policyText(name: string, c: SeverityBreakdown): Reason | undefined {
  if (c.policies.length === 0) return undefined;
  const zh = c.policies
    .map((p) => (p.code === 'capacity_replacement' ? `受${p.source}产能置换管控，新增产能须等量或减量置换` : `属${p.source}限制类项目`))
    .join('；');
  const en = c.policies
    .map((p) => (p.code === 'capacity_replacement' ? `under capacity replacement (${p.source}): new capacity only against retired capacity` : `a restricted item (${p.source})`))
    .join('; ');
  return {
    zh: `「${name}」${zh}，招商优先级下调（×${c.policyFactor}）。`,
    en: `${name} is ${en}, so its rank is lowered (×${c.policyFactor}).`,
  };
}
