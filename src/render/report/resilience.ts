/**
 * 断链风险 of a chain's chapter: for each declared 链主, its supply subgraph, the suppliers whose
 * loss cuts it off from an input segment (singlePointsOfFailure), and its single-source inputs.
 */
import type { Block } from '../document.js';
import type { LeaderResilience, Section } from './data/index.js';
import type { ReportContext } from './context.js';

/**
 * The single points of failure of a chain's 链主, one sub-heading each, or why there are none.
 *
 * @example
 * resilienceBlocks(ctx, ctx.data.chains[0].resilience, (id) => id);
 */
export function resilienceBlocks(ctx: ReportContext, section: Section<LeaderResilience[]>, segName: (id: string) => string): Block[] {
  if (!section.available) return [ctx.na(section.reason)];
  return section.result.flatMap((leader) => leaderResilienceBlocks(ctx, leader, segName));
}

function leaderResilienceBlocks(ctx: ReportContext, { name, result }: LeaderResilience, segName: (id: string) => string): Block[] {
  const { L, R, p } = ctx;
  const out: Block[] = [{ kind: 'heading', level: 4, text: `★ ${name}` }];
  out.push(
    p(
      L(
        `供应子图：上游企业 ${result.subgraph.suppliers} 家，供货关系 ${result.subgraph.links} 条。`,
        `Supply subgraph: ${result.subgraph.suppliers} upstream firm(s), ${result.subgraph.links} link(s).`,
      ),
    ),
  );
  if (result.subgraph.suppliers === 0)
    out.push(ctx.na(L('数据中没有该链主的上游供货关系，无法判断单点失效', 'the data record no supplier of this leader, so no single point of failure can be found')));
  else if (result.pointsOfFailure.length === 0) out.push(p({ text: L('在已记录的供货关系内未发现单点失效。', 'No single point of failure within the recorded links.'), tone: 'ok' }));
  else
    out.push({
      kind: 'table',
      headers: [L('供应商', 'Supplier'), L('直接供货', 'Direct'), L('断供即切断的环节', 'Segments cut off'), L('支配企业数', 'Dominates'), L('说明', 'Explanation')],
      numeric: [false, false, false, true, false],
      rows: result.pointsOfFailure.map((x) => [
        ctx.enterpriseName(x.id),
        x.direct ? L('是', 'yes') : L('否', 'no'),
        x.segments.map((sg) => segName(sg.segment)).join(L('、', ', ')),
        String(x.dominates),
        R(x.reason),
      ]),
    });
  if (result.singleSourceSegments.length > 0)
    out.push({
      kind: 'list',
      items: result.singleSourceSegments.map((x) => [
        { text: L('单一来源：', 'Single source: '), tone: 'warn' },
        L(`${segName(x.segment)} 仅由 ${ctx.enterpriseName(x.supplier)} 直接供货`, `${segName(x.segment)} is supplied directly by ${ctx.enterpriseName(x.supplier)} only`),
      ]),
    });
  if (result.notes.length > 0) out.push({ kind: 'list', items: result.notes.map((n) => [R(n)]) });
  return out;
}
