/** Part 4 of the report (区域与统计指标): the regions of the scope and their indicators. */
import type { Block } from '../document.js';
import { labelOf, METRIC_LABELS, REGION_KIND_LABELS } from '../labels.js';
import type { ReportContext } from './context.js';
import { unitOf } from './shared-labels.js';

/**
 * Part 4: the scope region and its sub-regions (indented by depth), then the indicators.
 *
 * @example
 * regionsBlocks(ctx)[0]; // → the heading 四、区域与统计指标
 */
export function regionsBlocks(ctx: ReportContext): Block[] {
  const { data, L, NA, locale } = ctx;
  const blocks: Block[] = [ctx.heading(2, '四、区域与统计指标', '4. Regions and indicators', 'regions')];
  blocks.push(ctx.heading(3, '区域', 'Regions'));
  blocks.push({
    kind: 'table',
    headers: [L('区域', 'Region'), L('类型', 'Kind'), L('企业数（含下辖）', 'Enterprises (incl. sub-regions)'), L('说明', 'Note')],
    numeric: [false, false, true, false],
    nowrap: [true, true, false, false],
    rows: data.summary.regions.map((r) => [
      `${'　'.repeat(r.depth)}${r.name}`,
      labelOf(REGION_KIND_LABELS, r.kind, locale),
      String(r.enterprises),
      r.note ?? '',
    ]),
  });
  blocks.push(ctx.heading(3, '统计指标', 'Indicators'));
  if (data.summary.indicators.length === 0) blocks.push(ctx.na(L('数据集中没有本区域的统计指标', 'the dataset has no indicator for this region')));
  else
    blocks.push({
      kind: 'table',
      headers: [L('区域', 'Region'), L('产业链', 'Chain'), L('指标', 'Metric'), L('年份', 'Year'), L('数值', 'Value'), L('单位', 'Unit'), L('同比增速', 'Growth')],
      numeric: [false, false, false, false, true, false, true],
      rows: data.summary.indicators.map((i) => [
        i.regionName,
        i.chainName ?? '—',
        labelOf(METRIC_LABELS, i.metric, locale),
        `${i.year}${i.period === null ? '' : ` ${i.period}`}`,
        i.value === null ? { text: NA, tone: 'muted' } : String(i.value),
        i.unit ?? (i.value === null ? '' : unitOf(i.metric, L)),
        i.growth === null ? '—' : `${i.growth}%`,
      ]),
    });
  return blocks;
}
