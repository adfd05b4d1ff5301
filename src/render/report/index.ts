/**
 * The report (图谱 + 清单): the whole analysis of the chains in scope — summary figures, chain
 * maps, 链主清单, 配套清单, 缺链清单, 招商清单, suggested matches (供需对接), cluster score,
 * output estimate with its band and target audit, single points of failure — as self-contained
 * HTML, Markdown, or JSON (the data of ./data/).
 *
 * Every number shown comes from an analysis' result or the dataset; what an analysis could not
 * compute is shown as "无数据 / not available" with its reason, never as 0. Headings carry both
 * languages, the locale's first; reasons are shown in the locale. Each part of the report is a
 * file of this folder, a function from the report's context to blocks of ../document.ts.
 */
import type { ChainModel } from '../../graph/model.js';
import { toHtml, toMarkdown, type Doc } from '../document.js';
import { buildReport, type ReportData, type ReportDataOptions } from './data/index.js';
import { appendixBlocks } from './appendix.js';
import { chainsBlocks } from './chain.js';
import { reportContext } from './context.js';
import { contentsBlocks, coverBlocks, reportTitle } from './cover.js';
import { regionsBlocks } from './regions.js';
import { summaryBlocks } from './summary.js';
import { targetsBlocks } from './targets.js';

/** Formats of {@link renderReport}. */
export type ReportFormat = 'md' | 'html' | 'json';

/** Options of {@link renderReport}. */
export interface ReportOptions extends ReportDataOptions {
  /** `html` (self-contained page), `md` (GitHub Markdown) or `json` (the report data). */
  format: ReportFormat;
}

/**
 * Renders the report of a dataset: every chain in scope (all chains when `chain` is not given)
 * analysed in full, as `html`, `md` or `json`. Monte Carlo runs default to 2 000 (option `runs`);
 * the result is deterministic for a given seed. Unknown chain or region ids throw a ChainError
 * listing the valid ones.
 *
 * @example
 * const html = renderReport(model, { format: 'html' });           // every chain, meta.region
 * const md = renderReport(model, { chain: 'wind-power', format: 'md', locale: 'en' });
 * const data = JSON.parse(renderReport(model, { format: 'json' })); // the analyses' results
 */
export function renderReport(model: ChainModel, options: ReportOptions): string {
  const format = options.format;
  if (format !== 'md' && format !== 'html' && format !== 'json')
    throw new TypeError(`format must be 'md', 'html' or 'json', got ${JSON.stringify(format)}`);
  const data = buildReport(model, options);
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  const doc = reportDocument(model, data);
  return format === 'html' ? toHtml(doc) : toMarkdown(doc);
}

/**
 * The document of a report's data (headings, tables, chain maps), for formats of one's own.
 *
 * @example
 * const doc = reportDocument(model, buildReport(model, {}));
 * doc.blocks.filter((b) => b.kind === 'heading').length;
 */
export function reportDocument(model: ChainModel, data: ReportData): Doc {
  const ctx = reportContext(model, data);
  return {
    title: reportTitle(ctx),
    lang: ctx.locale,
    blocks: [
      ...coverBlocks(ctx),
      ...contentsBlocks(ctx),
      ...summaryBlocks(ctx), // 一、概况
      ...chainsBlocks(ctx), // 二、产业链: one chapter per chain
      ...targetsBlocks(ctx), // 三、目标与产值测算
      ...regionsBlocks(ctx), // 四、区域与统计指标
      ...appendixBlocks(ctx), // 附：数据来源与方法
    ],
  };
}
