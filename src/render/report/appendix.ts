/** The appendix of the report (附：数据来源与方法): the dataset's sources and each analysis' method in one line. */
import type { Block } from '../document.js';
import type { ReportContext } from './context.js';

/**
 * The sources table (or why there is none) and the methods list.
 *
 * @example
 * appendixBlocks(ctx)[0]; // → the heading 附：数据来源与方法
 */
export function appendixBlocks(ctx: ReportContext): Block[] {
  const { data, L } = ctx;
  const blocks: Block[] = [ctx.heading(2, '附：数据来源与方法', 'Appendix: sources and methods', 'appendix'), ctx.heading(3, '数据来源', 'Sources')];
  if (data.sources.length === 0) blocks.push(ctx.na(L('数据集未列出资料来源', 'the dataset lists no source')));
  else
    blocks.push({
      kind: 'table',
      headers: ['ID', L('标题', 'Title'), L('发布者', 'Publisher'), L('日期', 'Date'), L('文件', 'File')],
      rows: data.sources.map((s) => [{ text: s.id, code: true }, s.title, s.publisher ?? '—', s.date ?? '—', s.file ?? '—']),
    });
  blocks.push(ctx.heading(3, '方法', 'Methods'), methodsList(ctx));
  return blocks;
}

/** Whether a recruitment list was ranked with the reference directory (it then states its score weights). */
function withDirectory(ctx: ReportContext): boolean {
  return ctx.data.chains.some((c) => c.recruits.available && c.recruits.result.assumptions.scoreWeights !== undefined);
}

function methodsList(ctx: ReportContext): Block {
  const { L } = ctx;
  const runs = ctx.data.settings.runs;
  return {
    kind: 'list',
    items: [
      [L('缺链清单：findGaps——每个环节一行，列出其全部问题（缺链、延链等）；本地无在产/在建企业为缺链；本地下游企业依赖的唯一供应企业（非链主、非整机/运营环节），或 HHI > 0.25 且产能不足本地需求，为短板；严重度 = 0.8×(0.5×价值 + 0.3×关键性 + 0.2×可行性（关联密度）) + 0.2×环节价值占比，受产能置换或限制类政策管控的环节×0.5并排在最后，在建补链项目减半。', 'Gaps: findGaps — one row per segment listing all its problems (missing, extension, …); missing when no local operating or building firm; thin when local buyers depend on a sole supplier (not a chain leader, not an assembly or operation segment), or HHI > 0.25 with supply short of local demand; severity = 0.8·(0.5·value + 0.3·criticality + 0.2·feasibility (relatedness density)) + 0.2·segment value share, ×0.5 and ranked last under capacity replacement or restriction, halved while a project fills it.')],
      withDirectory(ctx)
        ? [L('招商清单：recommendRecruits——数据中的外地企业与参考名录中同环节的企业（其集团已在本地该环节设厂者除外），按综合得分排序：0.3×环节与产品匹配 + 0.3×地位（上市、央企、单项冠军、专精特新小巨人，以名录记载为准）+ 0.15×区位（同省、邻省）+ 0.25×协同（本地下游买方、已有往来）。', 'Recruitment list: recommendRecruits — outside firms of the data and the reference directory\'s firms of the segment (except groups with a local plant in it), ranked by 0.3·fit (segment, products) + 0.3·standing (listing, 央企, 单项冠军, 专精特新小巨人 as recorded) + 0.15·closeness (same or neighbouring province) + 0.25·synergy (local buyers downstream, existing ties).')]
        : [L('招商清单：recommendRecruits——外地同环节企业按替代外购、规模、关联度打分（0.5/0.3/0.2）。', 'Recruitment list: recommendRecruits — outside firms of the segment scored on substitution, size and relatedness (0.5/0.3/0.2).')],
      [L('链主清单：rankLeaders——产值、本地上下游、供货额、PageRank、介数、模板相邻环节的加权综合。', 'Leaders: rankLeaders — weighted composite of output, local partners, link value, PageRank, betweenness and template neighbours.')],
      [L('供需对接：suggestMatches——按模板流向匹配尚未建立供货关系的本地供方与需方。', 'Matches: suggestMatches — local suppliers and buyers not yet linked whose segments meet in a template flow.')],
      [L('集群评分：scoreCluster——完整度、本地配套率、链主带动、网络凝聚度、专业化、分布均衡六项，缺数据的维度不计分并重新分配权重。', 'Cluster score: scoreCluster — completeness, local supply, leader anchoring, cohesion, specialisation, diversity; components without data are left out and the weights re-shared.')],
      [L(`产值测算：estimateOutput——现有产值、产能、项目（按状态加权、爬坡、延期）与链主带动产值的蒙特卡洛模拟（${runs} 次），给出 P10/P50/P90 并审核产值目标。`, `Output: estimateOutput — Monte Carlo (${runs} runs) over current output, capacity, projects (likelihood by status, ramp-up, delay) and output induced by leaders, with P10/P50/P90 and an audit of output targets.`)],
      [L('断链风险：singlePointsOfFailure——链主供应子图的支配点：某一供应商停供即切断某一投入环节。', 'Single points of failure: singlePointsOfFailure — dominators of the leader\'s supply subgraph: suppliers whose loss cuts the leader off from an input segment.')],
    ],
  };
}
