/** 供需对接 of a chain's chapter: suggestMatches' local supplier–buyer pairs not yet linked. */
import type { MatchResult } from '../../analysis/matches/index.js';
import type { Block } from '../document.js';
import type { Section } from './data/index.js';
import type { ReportContext } from './context.js';

/**
 * The suggested matches of a chain, or why there are none.
 *
 * @example
 * matchBlocks(ctx, ctx.data.chains[0].matches, (id) => id);
 */
export function matchBlocks(ctx: ReportContext, section: Section<MatchResult>, segName: (id: string) => string): Block[] {
  const { L, R, p } = ctx;
  if (!section.available) return [ctx.na(section.reason)];
  const r = section.result;
  const out: Block[] = [];
  if (r.matches.length === 0) {
    out.push(ctx.na(L('未找到尚未建立供货关系、且环节在模板流向上相接的本地供需组合', 'no local supplier–buyer pair, not yet linked, whose segments meet in a template flow')));
  } else {
    out.push(p(L(`共找到 ${r.candidates} 个候选组合，列出前 ${r.matches.length} 个。`, `${r.candidates} candidate pair(s) found; the top ${r.matches.length} are listed.`)));
    out.push({
      kind: 'table',
      headers: [L('排名', 'Rank'), L('供方', 'Supplier'), L('需方', 'Buyer'), L('流向', 'Flow'), L('得分', 'Score'), L('理由', 'Reason')],
      numeric: [true, false, false, false, true, false],
      rows: r.matches.map((m) => [
        String(m.rank),
        ctx.enterpriseName(m.supplier),
        ctx.enterpriseName(m.buyer),
        `${m.flow.chain === r.scope.chain ? segName(m.flow.from) : m.flow.from} → ${m.flow.chain === r.scope.chain ? segName(m.flow.to) : m.flow.to}${m.crossChain ? L('（跨链）', ' (cross-chain)') : ''}`,
        ctx.fmt(m.score, 3),
        R(m.reason),
      ]),
    });
  }
  if (r.notes.length > 0) out.push({ kind: 'list', items: r.notes.map((n) => [R(n)]) });
  return out;
}
