/**
 * `capacity_shortfall`: local demand derived from input coefficients, D_s = Σ_t a_st · x_t over
 * the segments t that s flows into, exceeds local output x_s — the technical-coefficient reading
 * of A = Z x̂⁻¹ (Miller & Blair, Input-Output Analysis: Foundations and Extensions, ch. 2).
 * Local output of a segment is the sum over its local present firms, known only when every one
 * is; demand sums the terms a_st · x_t whose coefficient and local output are known — a lower
 * bound when some are not (`demandComplete: false`, `excluded` lists them); a shortfall is
 * reported only when the local output is known and below that demand. Its dependants are the
 * local firms of the segments whose terms are known; extent is shortfall / demand.
 */
import { formatYi, round } from '../../internal/format.js';
import type { GapContext, SegmentLabel } from './context.js';
import { localFirmsIn } from './presence.js';
import { finishFinding, severityOf } from './severity.js';
import type { CapacityShortfallFinding } from './types.js';

/** Local demand for a segment's product: the known terms a_st · x_t, and the downstream segments left out. */
export interface LocalDemand {
  terms: CapacityShortfallFinding['terms'];
  excluded: CapacityShortfallFinding['excluded'];
  /** Positions of the segments of `terms`, ascending. */
  termSegments: number[];
  /** Σ a_st · x_t over `terms`. */
  demand: number;
}

/**
 * The capacity-shortfall finding of the chain's j-th segment, or undefined when local output
 * covers local demand or either cannot be compared (then a `capacity_unknown` limitation says why).
 *
 * @example
 * capacityShortfall(ctx, j, segmentLabel(ctx, j))?.shortfall; // 3 (亿元)
 */
export function capacityShortfall(ctx: GapContext, j: number, label: SegmentLabel): CapacityShortfallFinding | undefined {
  const { terms, excluded, termSegments, demand } = localDemand(ctx, j);
  const supply = ctx.presence.localOutput[j];
  if (terms.length === 0 && excluded.length === 0) return undefined;
  if (supply === null || supply === undefined || terms.length === 0) {
    ctx.limitations.push(capacityUnknown(ctx, j, label, terms.length > 0, demand, excluded));
    return undefined;
  }
  if (!(demand - supply > 1e-9)) return undefined;
  const { base, quoted, en } = label;
  const shortfall = demand - supply;
  const deps = localFirmsIn(ctx.model, ctx.presence.localBySeg, termSegments);
  const components = severityOf(ctx, j, deps, shortfall / demand);
  const complete = excluded.length === 0;
  const zh = `${quoted}本地产能不足：按投入系数推算本地需求${complete ? '' : '至少'}${formatYi(demand, 'zh')}，本地产值${formatYi(supply, 'zh')}，缺口${complete ? '' : '至少'}${formatYi(shortfall, 'zh')}。`;
  const enText = `Local capacity of ${en} falls short: local demand from input coefficients is ${complete ? '' : 'at least '}${formatYi(demand, 'en')}, local output ${formatYi(supply, 'en')}, shortfall ${complete ? '' : 'at least '}${formatYi(shortfall, 'en')}.`;
  return {
    ...base,
    code: 'capacity_shortfall',
    enterprises: [...new Set([...ctx.presence.localBySeg[j]!, ...deps])].sort((a, b) => a - b).map(ctx.names.idOf),
    demand: round(demand, 4),
    localOutput: round(supply, 4),
    shortfall: round(shortfall, 4),
    demandComplete: complete,
    terms,
    excluded,
    components,
    ...finishFinding(ctx, j, components, zh, enText),
  };
}

/**
 * Local demand for the j-th segment's product from the present segments it flows into.
 *
 * @example
 * localDemand(ctx, 0).terms; // [{ segment: 'gearbox', coefficient: 0.3, localOutput: 10, demand: 3 }]
 */
export function localDemand(ctx: GapContext, j: number): LocalDemand {
  const { flows } = ctx.model.index;
  const { s0 } = ctx;
  const { segId } = ctx.names;
  const terms: CapacityShortfallFinding['terms'] = [];
  const excluded: CapacityShortfallFinding['excluded'] = [];
  const termSegs = new Set<number>();
  for (let k = flows.out.offsets[s0 + j]!; k < flows.out.offsets[s0 + j + 1]!; k++) {
    const f = flows.out.items[k]!;
    const t = flows.to[f]! - s0;
    if (ctx.presence.localBySeg[t]!.length === 0) continue;
    const a = flows.coefficient[f]!;
    const out = ctx.presence.localOutput[t];
    if (out === null || out === undefined) excluded.push({ segment: segId(t), reason: 'output_unknown' });
    else if (!Number.isFinite(a)) excluded.push({ segment: segId(t), reason: 'coefficient_unknown' });
    else {
      terms.push({ segment: segId(t), coefficient: a, localOutput: round(out, 4), demand: round(a * out, 4) });
      termSegs.add(t);
    }
  }
  const demand = terms.reduce((acc, t) => acc + t.coefficient * t.localOutput, 0);
  return { terms, excluded, termSegments: [...termSegs].sort((a, b) => a - b), demand };
}

/** Why local demand and output of the j-th segment cannot be compared: output unknown (`withTerms`), or no term known. */
function capacityUnknown(
  ctx: GapContext,
  j: number,
  { quoted, en }: SegmentLabel,
  withTerms: boolean,
  demand: number,
  excluded: CapacityShortfallFinding['excluded'],
) {
  const segments = [ctx.names.segId(j)];
  if (withTerms)
    return {
      code: 'capacity_unknown' as const,
      segments,
      reason: {
        zh: `${quoted}环节本地企业产值不全，无法比较本地需求（${round(demand, 2)}亿元${excluded.length > 0 ? '以上' : ''}）与本地产值。`,
        en: `Outputs of the local firms in ${en} are incomplete: local demand (${excluded.length > 0 ? 'at least ' : ''}${round(demand, 2)} 亿元) cannot be compared with local output.`,
      },
    };
  const nameOf = (id: string) => ctx.chain.segments.find((s) => s.id === id)!.name;
  return {
    code: 'capacity_unknown' as const,
    segments,
    reason: {
      zh: `${quoted}环节的本地需求无法推算：下游${excluded.map((x) => `「${nameOf(x.segment)}」${x.reason === 'output_unknown' ? '产值未知' : '投入系数未知'}`).join('、')}。`,
      en: `Local demand for ${en} cannot be derived: downstream ${excluded.map((x) => `${x.segment} (${x.reason === 'output_unknown' ? 'output unknown' : 'coefficient unknown'})`).join(', ')}.`,
    },
  };
}
