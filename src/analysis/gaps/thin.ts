/**
 * 短板 / 强链 (`thin_segment`): a present segment that is weak relative to something stated,
 * never merely for being small —
 * - `single-supplier`: one local supplier that local buyers depend on (local present firms in
 *   the segments directly downstream), unless the segment is the chain's end product or an
 *   operation (segment kind `assembly` / `operation`: one local 整车 or wind-farm maker is the
 *   chain's anchor, not its weak point) or the sole firm is a 链主 of the chain;
 * - `concentrated`: local supply concentrated — the Herfindahl–Hirschman index HHI = Σ s_i² above
 *   0.25, the "highly concentrated" band of the US DOJ/FTC Horizontal Merger Guidelines (2010,
 *   §5.3: HHI above 2500 on the 10 000 scale) — and at the same time short of local demand (a
 *   capacity shortfall, ./capacity.ts): several local makers are not a 短板 for an HHI alone.
 * Its dependants are the local firms of the segments directly downstream; extent is the HHI.
 *
 * HHI shares, in this order (the finding says which, `hhiBasis`): the local firms' outputs when
 * all are known; else the value of the supply links of the segment's product each firm sends
 * (to any buyer) when every firm has such links and all values are known; else their number;
 * else, with n firms and nothing known, the lower bound 1/n (equal shares) when it already
 * exceeds the threshold — with the default 0.25 two or three firms are always concentrated;
 * otherwise the HHI is not computed and `limitations` says so.
 */
import { round } from '../../internal/format.js';
import type { GapContext, SegmentLabel } from './context.js';
import { localFirmsIn } from './presence.js';
import { finishFinding, severityOf } from './severity.js';
import { slotIndex } from './supply-links.js';
import type { HhiBasis, ThinSegmentFinding } from './types.js';

const HHI_BASIS_ZH: Record<HhiBasis, string> = {
  'single-supplier': '唯一供应企业',
  output: '按产值',
  'link-value': '按供货金额',
  'link-count': '按供货关系数',
  'lower-bound': '按等份额下限',
};
const HHI_BASIS_EN: Record<HhiBasis, string> = {
  'single-supplier': 'single supplier',
  output: 'by output',
  'link-value': 'by supply value',
  'link-count': 'by number of supply links',
  'lower-bound': 'lower bound with equal shares',
};

/** The concentration of a segment's local supply: the HHI (null when not computable), its basis and the shares. */
export interface Concentration {
  hhi: number | null;
  basis: HhiBasis;
  shares: number[];
}

/** Segment kinds that are the chain's end product or an asset operated: never 短板 for having one firm. */
const ANCHOR_KINDS = new Set(['assembly', 'operation']);

/**
 * Whether the chain's j-th segment, with local firms `firms` and local dependants downstream
 * `deps`, may be a single-supplier 短板: local buyers depend on it, it is not an end-product or
 * operation segment, and its one firm is not a 链主.
 *
 * @example
 * soleSupplierCounts(ctx, j, [e], deps); // false for 大运's 整车制造 (kind 'assembly')
 */
export function soleSupplierCounts(ctx: GapContext, j: number, firms: readonly number[], deps: readonly number[]): boolean {
  const kind = ctx.chain.segments[j]!.kind;
  if (kind !== undefined && ANCHOR_KINDS.has(kind)) return false;
  if (firms.some(ctx.names.isLeader)) return false;
  return deps.some((e) => !firms.includes(e));
}

/**
 * The 短板 finding of the chain's j-th segment, or undefined when it is missing, when its one
 * supplier does not count ({@link soleSupplierCounts}), or when its several suppliers are not
 * both concentrated and short of local demand (`shortfall`: a capacity shortfall was found); a
 * `hhi_unknown` limitation is added when the HHI cannot be computed.
 *
 * @example
 * thinSegment(ctx, j, segmentLabel(ctx, j), false)?.hhiBasis; // 'single-supplier'
 */
export function thinSegment(ctx: GapContext, j: number, label: SegmentLabel, shortfall: boolean): ThinSegmentFinding | undefined {
  if (!ctx.presence.present[j]) return undefined;
  const firms = ctx.presence.localBySeg[j]!;
  const deps = localFirmsIn(ctx.model, ctx.presence.localBySeg, ctx.flows.downOf[j]!);
  const { hhi, basis, shares } = supplyConcentration(ctx, j, label);
  const { names } = ctx;
  if (hhi !== null) {
    const rounded = firms.map((e, i) => ({ enterprise: names.idOf(e), share: round(shares[i]!, 4) }));
    ctx.concentration[j] = { hhi: round(hhi, 4), basis, shares: rounded };
  }
  if (firms.length === 1 && !soleSupplierCounts(ctx, j, firms, deps)) return undefined;
  const { hhiThreshold } = ctx.settings;
  if (hhi === null || !(firms.length === 1 || (hhi > hhiThreshold + 1e-12 && shortfall))) return undefined;
  const { base, quoted, en } = label;
  const components = severityOf(ctx, j, deps, hhi);
  const list = firms.map(names.nameOf).join('、');
  const buyers = new Set(deps.filter((e) => !firms.includes(e))).size;
  const h = round(hhi, 4);
  const zh =
    firms.length === 1
      ? `${quoted}环节本地仅有1家供应企业（${list}），供应完全集中（HHI=1），本地${buyers}家下游企业依赖其供货。`
      : `${quoted}环节本地供应集中且不足本地需求：${firms.length}家企业（${list}），HHI=${h}（${HHI_BASIS_ZH[basis]}），高于阈值${hhiThreshold}。`;
  const enText =
    firms.length === 1
      ? `Only one local supplier in segment ${en} (${list}): supply is fully concentrated (HHI 1), and ${buyers} local firm${buyers > 1 ? 's' : ''} downstream depend${buyers > 1 ? '' : 's'} on it.`
      : `Local supply of ${en} is concentrated and short of local demand: ${firms.length} firms (${firms.map(names.nameOf).join(', ')}), HHI ${h} (${HHI_BASIS_EN[basis]}), above the threshold ${hhiThreshold}.`;
  return {
    ...base,
    code: 'thin_segment',
    trigger: firms.length === 1 ? 'single-supplier' : 'concentrated',
    enterprises: [...new Set([...firms, ...deps])].sort((a, b) => a - b).map(names.idOf),
    suppliers: firms.map(names.idOf),
    hhi: h,
    hhiBasis: basis,
    hhiThreshold,
    shares: firms.map((e, i) => ({ enterprise: names.idOf(e), share: round(shares[i]!, 4) })),
    components,
    ...finishFinding(ctx, j, components, zh, enText),
  };
}

/**
 * The HHI of the local supply of the chain's j-th segment (present), on the first basis the data
 * allow; when none does, adds a `hhi_unknown` limitation and returns `hhi: null`.
 *
 * @example
 * supplyConcentration(ctx, j, label); // → { hhi: 0.5, basis: 'output', shares: [0.5, 0.5] }
 */
export function supplyConcentration(ctx: GapContext, j: number, { quoted, en }: SegmentLabel): Concentration {
  const firms = ctx.presence.localBySeg[j]!;
  if (firms.length === 1) return { hhi: 1, basis: 'single-supplier', shares: [1] };
  const { basis, shares } = supplyShares(ctx, j);
  if (shares.length > 0) return { hhi: shares.reduce((a, s) => a + s * s, 0), basis, shares };
  ctx.limitations.push({
    code: 'hhi_unknown',
    segments: [ctx.names.segId(j)],
    reason: {
      zh: `${quoted}环节有${firms.length}家本地企业，但产值和供货关系不全，无法计算集中度（HHI）。`,
      en: `Segment ${en} has ${firms.length} local firms but neither their outputs nor their supply links are complete: concentration (HHI) not computed.`,
    },
  });
  return { hhi: null, basis, shares };
}

/** The shares of the local suppliers (two or more) of the j-th segment: by output, link value, link count or the 1/n lower bound; none when no basis applies. */
function supplyShares(ctx: GapContext, j: number): { basis: HhiBasis; shares: number[] } {
  const firms = ctx.presence.localBySeg[j]!;
  const outputs = firms.map((e) => ctx.model.index.enterprises.output[e]!);
  const outTotal = outputs.reduce((a, b) => a + b, 0);
  if (outputs.every(Number.isFinite) && outTotal > 0) return { basis: 'output', shares: outputs.map((o) => o / outTotal) };
  const { slotCount, slotValue, slotUnknown } = ctx.supply;
  const value = new Array<number>(firms.length).fill(0);
  const count = new Array<number>(firms.length).fill(0);
  let allKnown = true;
  // from the pass over the links: per (firm, segment) slot, in link order
  firms.forEach((e, i) => {
    const q = slotIndex(ctx.model, e, ctx.s0 + j);
    count[i] = slotCount[q]!;
    value[i]! += slotValue[q]!;
    if (slotUnknown[q]) allKnown = false;
  });
  const valueTotal = value.reduce((a, b) => a + b, 0);
  const countTotal = count.reduce((a, b) => a + b, 0);
  if (count.every((x) => x > 0) && allKnown && valueTotal > 0) return { basis: 'link-value', shares: value.map((v) => v / valueTotal) };
  if (count.every((x) => x > 0)) return { basis: 'link-count', shares: count.map((x) => x / countTotal) };
  if (1 / firms.length > ctx.settings.hhiThreshold) return { basis: 'lower-bound', shares: firms.map(() => 1 / firms.length) };
  return { basis: 'single-supplier', shares: [] };
}
