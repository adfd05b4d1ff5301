/**
 * Step 8 of findGaps, the severity each rule of step 7 gives its finding: in [0, 1],
 * w_v·value + w_c·criticality + w_f·feasibility (weights normalised to sum 1; default
 * 0.5 / 0.3 / 0.2), times (1 − fillingReduction) when projects under way fill the gap (default
 * reduction 0.5).
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
  const raw = weights.value * value + weights.criticality * criticality.value[j]! + weights.feasibility * feasibility.value[j]!;
  const reduction = ctx.filling.underWay[j]!.length > 0 ? settings.fillingReduction : 0;
  const sorted = ascending ? distinct : distinct.sort((a, b) => a - b);
  return {
    value: {
      value: round(value, 4),
      weight: round(weights.value, 4),
      basis: scale.basis,
      share: round(share, 4),
      extent: round(extent, 4),
      dependants: sorted.map(names.idOf),
      leaders: sorted.filter(names.isLeader).map(names.idOf),
    },
    criticality: {
      value: round(criticality.value[j]!, 4),
      weight: round(weights.criticality, 4),
      basis: criticality.basis,
      downstream: criticality.reach[j]!.map(names.segId),
    },
    feasibility: { value: round(feasibility.value[j]!, 4), weight: round(weights.feasibility, 4), basis: feasibility.basis[j]! },
    raw: round(raw, 4),
    fillingReduction: reduction,
  };
}

/** The closing fields of a finding: severity, what fills the gap, and the reason. */
export interface FindingEnd {
  severity: number;
  beingFilledBy: FillingEntry[];
  plannedProjects: FillingEntry[];
  reason: Reason;
}

/**
 * The severity after the filling reduction, what fills the gap and what is planned, and the
 * reason: the rule's sentence `zh` / `en`, then the filling and planned sentences, then the severity.
 *
 * @example
 * finishFinding(ctx, j, components, '本地缺少「钢材」环节。', 'No local firm in steel.').severity; // 0.45
 */
export function finishFinding(ctx: GapContext, j: number, components: SeverityBreakdown, zh: string, en: string): FindingEnd {
  const severity = round(components.raw * (1 - components.fillingReduction), 4);
  const filling = ctx.filling.underWay[j]!;
  const planned = ctx.filling.planned[j]!;
  const fill = fillingText(filling, ctx.model);
  const plan = plannedText(planned, ctx.model);
  return {
    severity,
    beingFilledBy: filling.map((f) => ({ ...f })),
    plannedProjects: planned.map((f) => ({ ...f })),
    reason: {
      zh: `${zh}${fill ? fill.zh : ''}${plan ? plan.zh : ''}严重度${severity}。`,
      en: `${en}${fill ? ` ${fill.en[0]!.toUpperCase()}${fill.en.slice(1)}` : ''}${plan ? ` ${plan.en}` : ''} Severity ${severity}.`,
    },
  };
}
