/**
 * One line of the recruitment list: a gap segment, what the gaps say of it, its best fitting
 * candidates, and a reason — which, when the data hold no candidate, tells the planner what to
 * look for (the segment's products).
 */
import type { ResolvedChain } from '../../model/chains.js';
import type { GapCode } from '../gaps/index.js';
import type { Reason } from '../scope/index.js';
import { recruitCandidate } from './candidate.js';
import { combinedCandidates } from './combined.js';
import type { RecruitContext } from './context.js';
import { candidateFacts } from './facts.js';
import { rankCandidates } from './fit.js';
import type { GapSegment } from './gap-segments.js';
import type { RecruitEntry } from './types.js';

const GAP_ZH: Record<GapCode, string> = {
  missing_segment: '缺链',
  thin_segment: '短板',
  external_dependency: '外部依赖',
  capacity_shortfall: '产能不足',
  extension_opportunity: '延链机会',
};

/**
 * The list entry of gap segment `segmentId` of the chain.
 *
 * @example
 * recruitEntry(ctx, 'pv-plant', bySegment.get('pv-plant')!).candidates[0].enterprise; // 'chint-new-energy'
 */
export function recruitEntry(ctx: RecruitContext, segmentId: string, info: GapSegment): RecruitEntry {
  const { chain } = ctx;
  const j = chain.segments.findIndex((s) => s.id === segmentId);
  const segment = chain.segments[j]!;
  const facts = candidateFacts(ctx, ctx.s0 + j);
  const ranking = rankCandidates(ctx.model, facts, ctx.settings.weights);
  // with a reference directory: both sources on the combined score (./combined.ts)
  const { candidates, total } = ctx.reference
    ? combinedCandidates(ctx, segment, j, ranking)
    : { candidates: ranking.scored.slice(0, ctx.settings.limit).map((c) => recruitCandidate(ctx, segment, ranking, c)), total: facts.length };
  return {
    chain: chain.id,
    segment: segment.id,
    segmentName: segment.name,
    gaps: info.gaps,
    severity: info.severity,
    beingFilledBy: info.beingFilledBy,
    plannedProjects: info.plannedProjects,
    candidates,
    candidatesTotal: total,
    reason: entryReason(segment, info, total, candidates.length),
  };
}

/** How many candidates the data hold for the segment and how many are listed, or what to look for when none. */
function entryReason(segment: ResolvedChain['segments'][number], info: GapSegment, found: number, listed: number): Reason {
  const quoted = `「${segment.name}」`;
  const gapZh = info.gaps.map((g) => GAP_ZH[g]).join('、');
  const products = segment.products && segment.products.length > 0 ? segment.products : undefined;
  return found === 0
    ? {
        zh: `${quoted}环节（${gapZh}）：数据中没有本地以外经营该环节的企业，请按该环节${products ? `产品（${products.join('、')}）` : '产品'}寻找目标企业。`,
        en: `${segment.name} (${segment.id}; ${info.gaps.join(', ')}): the data hold no firm outside the region in this segment; look for firms making ${products ? products.join(', ') : 'its products'}.`,
      }
    : {
        zh: `${quoted}环节（${gapZh}，严重度${info.severity}）：数据中有${found}家本地以外的企业经营该环节，列出匹配度最高的${listed}家。`,
        en: `${segment.name} (${segment.id}; ${info.gaps.join(', ')}, severity ${info.severity}): ${found} firm${found > 1 ? 's' : ''} outside the region operate in this segment; the ${listed} best fitting are listed.`,
      };
}
