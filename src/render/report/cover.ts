/**
 * The opening of the report: its title, scope and settings (years estimated, Monte Carlo runs,
 * seed), and the table of contents.
 */
import type { Block, Inline } from '../document.js';
import type { ReportContext } from './context.js';

/**
 * The report's title: the dataset's name and what the report is.
 *
 * @example
 * reportTitle(ctx); // → '酒泉示例：产业链分析报告'
 */
export function reportTitle(ctx: ReportContext): string {
  return ctx.L(`${ctx.data.dataset.name}：产业链分析报告`, `${ctx.data.dataset.name}: industrial chain report`);
}

/**
 * The title heading, the scope (region and chains) and the settings the report was made with.
 *
 * @example
 * coverBlocks(ctx)[0]; // → { kind: 'heading', level: 1, … }
 */
export function coverBlocks(ctx: ReportContext): Block[] {
  const { data, L, p } = ctx;
  const chainScope =
    data.noChain !== null
      ? L('未建模产业链', 'no chain modelled')
      : data.scope.chain === null
        ? L(`全部 ${data.chains.length} 条产业链`, `all ${data.chains.length} chain(s)`)
        : `${data.chains[0]?.name ?? data.scope.chain}`;
  const yearsText =
    data.settings.years.length === 0
      ? L('无（数据中没有年份）', 'none (no year in the data)')
      : `${data.settings.years[0]}–${data.settings.years[data.settings.years.length - 1]}${data.settings.yearsSource === 'derived' ? L('（由数据推定）', ' (derived from the data)') : ''}`;
  return [
    { kind: 'heading', level: 1, text: reportTitle(ctx), secondary: L('图谱与清单', 'chain maps and lists') },
    p(
      { text: L('范围：', 'Scope: '), strong: true },
      `${data.scope.regionName}（${data.scope.region}）${L('及其下辖区域', ' and its sub-regions')} · ${chainScope}`,
      data.dataset.updated === null ? '' : ` · ${L('数据更新', 'data updated')} ${data.dataset.updated}`,
    ),
    p(
      { text: L('设置：', 'Settings: '), strong: true },
      L(
        `产值测算年份 ${yearsText}；蒙特卡洛模拟 ${data.settings.runs} 次，随机种子 ${data.settings.seed}（同一种子结果可复现）。`,
        `output estimated for ${yearsText}; ${data.settings.runs} Monte Carlo runs, seed ${data.settings.seed} (the same seed reproduces the report).`,
      ),
    ),
  ];
}

/**
 * The table of contents: the parts of the report, each chain under part 2.
 *
 * @example
 * contentsBlocks(ctx)[1].kind; // → 'list'
 */
export function contentsBlocks(ctx: ReportContext): Block[] {
  const { data, L } = ctx;
  const toc: Inline[][] = [[{ text: L('一、概况', '1. Summary'), href: '#summary' }]];
  if (data.chains.length === 0) toc.push([{ text: L('二、产业链', '2. Chains'), href: '#chains' }]);
  data.chains.forEach((c, i) => toc.push([{ text: `${L('二', '2')}.${i + 1} ${c.name}`, href: `#chain-${c.chain}` }]));
  toc.push(
    [{ text: L('三、目标与产值测算', '3. Targets and output'), href: '#targets' }],
    [{ text: L('四、区域与统计指标', '4. Regions and indicators'), href: '#regions' }],
    [{ text: L('附：数据来源与方法', 'Appendix: sources and methods'), href: '#appendix' }],
  );
  return [ctx.heading(2, '目录', 'Contents'), { kind: 'list', items: toc }];
}
