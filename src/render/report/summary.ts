/**
 * Part 1 of the report (概况): the dataset's counts and the chains at a glance (segments by
 * state, local firms, declared 链主, cluster score).
 */
import type { Block, Cell } from '../document.js';
import type { ChainReport } from './data/index.js';
import type { ReportContext } from './context.js';

/**
 * Part 1: counts of the dataset, then one row per chain of the report.
 *
 * @example
 * summaryBlocks(ctx)[0]; // → the heading 一、概况
 */
export function summaryBlocks(ctx: ReportContext): Block[] {
  const { data, L } = ctx;
  const counts = data.summary.counts;
  const blocks: Block[] = [ctx.heading(2, '一、概况', '1. Summary', 'summary')];
  if (data.noChain !== null) blocks.push(ctx.na(data.noChain));
  blocks.push({
    kind: 'table',
    headers: [L('项目', 'Item'), L('数量', 'Count')],
    numeric: [false, true],
    compact: true,
    rows: [
      [L('产业链', 'chains'), String(counts.chains)],
      [L('环节（按模板展开）', 'segments (templates resolved)'), String(counts.segments)],
      [L('企业（全部 / 本地）', 'enterprises (all / local)'), `${counts.enterprises} / ${counts.localEnterprises}`],
      [L('供应关系', 'supply links'), String(counts.links)],
      [L('项目（全部 / 本地）', 'projects (all / local)'), `${counts.projects} / ${counts.localProjects}`],
      [L('区域', 'regions'), String(counts.regions)],
      [L('目标', 'targets'), String(counts.targets)],
      [L('统计指标', 'indicators'), String(counts.indicators)],
      [L('资料来源', 'sources'), String(counts.sources)],
    ],
  });
  if (data.chains.length > 0) blocks.push(ctx.heading(3, '产业链一览', 'Chains at a glance'), chainsAtAGlance(ctx));
  return blocks;
}

function chainsAtAGlance(ctx: ReportContext): Block {
  const { L, NA } = ctx;
  return {
    kind: 'table',
    headers: [L('产业链', 'Chain'), L('环节', 'Segments'), L('本地已有', 'Present'), L('缺链', 'Missing'), L('短板', 'Thin'), L('外部依赖', 'External'), L('补链中', 'Being filled'), L('本地企业', 'Local firms'), L('链主', 'Leaders'), L('集群得分', 'Cluster score')],
    numeric: [false, true, true, true, true, true, true, true, false, true],
    rows: ctx.data.chains.map((c): Cell[] => {
      const s = c.gaps.summary;
      const leaders = chainLeaders(ctx, c).map(ctx.enterpriseName);
      return [
        [{ text: c.name, href: `#chain-${c.chain}` }],
        String(s.segments),
        String(s.present),
        { text: String(s.missing), tone: s.missing > 0 ? 'missing' : 'ok' },
        String(s.thin),
        String(s.externalDependencies),
        String(s.beingFilled),
        String(s.localEnterprises),
        leaders.length === 0 ? { text: L('未声明', 'none declared'), tone: 'muted' } : leaders.join(L('、', ', ')),
        c.cluster.available && c.cluster.result.total !== null ? ctx.fmt(c.cluster.result.total, 1) : { text: NA, tone: 'muted' },
      ];
    }),
  };
}

/** The local firms of a chain declared its 链主, in the order the gap analysis lists them. */
function chainLeaders(ctx: ReportContext, c: ChainReport): string[] {
  const { model } = ctx;
  const view = c.gaps.segments.flatMap((s) => s.localEnterprises);
  return [...new Set(view)].filter((id) => {
    const e = model.dataset.enterprises[model.index.enterprises.byId.get(id)!]!;
    return (e.chainRoles?.find((x) => x.chain === c.chain)?.role ?? e.role) === 'leader';
  });
}
