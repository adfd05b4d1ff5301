/**
 * 产值测算与目标审核, of a chain's chapter and of the region (part 3): estimateOutput's bands by
 * year and by kind, its projects, what it left out, and its audit of the targets.
 */
import { OUTPUT_KINDS, type OutputEstimate } from '../../analysis/output/index.js';
import type { Block } from '../document.js';
import { labelOf, PROJECT_STATUS_LABELS } from '../labels.js';
import { estimateHasData, type Section } from './data/index.js';
import type { ReportContext } from './context.js';
import { cutNote } from './shared-labels.js';

/** Entries of the estimate's left-out list shown in the document (the JSON report has more). */
const GAPS_SHOWN = 10;

/**
 * The output estimate of a chain (`chain` its id) or of the region (`chain` null), or why it is
 * not available. An estimate resting on no figure says so instead of showing zeros.
 *
 * @example
 * outputBlocks(ctx, ctx.data.regionOutput, null);
 */
export function outputBlocks(ctx: ReportContext, section: Section<OutputEstimate>, chain: string | null): Block[] {
  if (!section.available) return [ctx.na(section.reason)];
  const est = section.result;
  return [
    ...(estimateHasData(est) ? estimateBlocks(ctx, est, chain) : [noDataBlock(ctx, est, chain)]),
    ...leftOutBlocks(ctx, est, chain),
    ...auditBlocks(ctx, est, chain),
  ];
}

function noDataBlock(ctx: ReportContext, est: OutputEstimate, chain: string | null): Block {
  const { L } = ctx;
  const missingOutput = est.gaps.filter((g) => g.code === 'no-output').length + (ctx.cutOf(chain, 'output.gaps')?.omittedByCode?.['no-output'] ?? 0);
  return ctx.na(
    L(
      `测算范围内没有任何已知产值、可折算的产能或带预期产值的项目${missingOutput > 0 ? `（${missingOutput} 家企业缺产值数据）` : ''}，无法测算产值`,
      `no known output, priced capacity or project with an expected output in scope${missingOutput > 0 ? ` (${missingOutput} firm(s) without output data)` : ''}, so output cannot be estimated`,
    ),
  );
}

/** The bands by year and kind, then the projects with their likelihood and what they add. */
function estimateBlocks(ctx: ReportContext, est: OutputEstimate, chain: string | null): Block[] {
  const { L, NA, fmt, p } = ctx;
  const out: Block[] = [
    p(
      L(
        `基准年 ${est.baseYear}；${est.runs} 次模拟，种子 ${est.seed}。单位：亿元。期望为各次模拟的均值，P10/P90 为 80% 区间。`,
        `Base year ${est.baseYear}; ${est.runs} runs, seed ${est.seed}. In 亿元. Expected is the mean over runs; P10–P90 is the 80% band.`,
      ),
    ),
    {
      kind: 'table',
      headers: [L('年份', 'Year'), L('期望', 'Expected'), 'P10', 'P50', 'P90', L('现有产值', 'Current'), L('在建/签约项目', 'Pipeline'), L('产能折算', 'Capacity'), L('链主带动', 'Induced')],
      numeric: [false, true, true, true, true, true, true, true, true],
      rows: est.byYear.map((y) => [String(y.year), fmt(y.expected), fmt(y.p10), fmt(y.p50), fmt(y.p90), ...OUTPUT_KINDS.map((k) => fmt(y.byKind[k].expected))]),
    },
  ];
  const counted = est.projects.filter((x) => x.counted);
  const lastYear = est.years[est.years.length - 1];
  if (est.projects.length > 0)
    out.push({
      kind: 'table',
      headers: [L('项目', 'Project'), L('状态', 'Status'), L('满产产值（亿元）', 'Full output (亿元)'), L('投产年份', 'Production year'), L('落地概率', 'Likelihood'), L('计入', 'Counted'), L(`${lastYear}年期望`, `Expected ${lastYear}`)],
      numeric: [false, false, true, true, true, false, true],
      rows: est.projects.map((x) => [
        x.name,
        labelOf(PROJECT_STATUS_LABELS, x.status, ctx.locale),
        x.fullOutput === null ? { text: NA, tone: 'muted' } : fmt(x.fullOutput),
        x.productionYear === null ? { text: NA, tone: 'muted' } : String(x.productionYear),
        ctx.share(x.likelihood),
        x.counted ? L('是', 'yes') : { text: L('否', 'no'), tone: 'muted' },
        x.counted ? fmt(x.expected[x.expected.length - 1]) : '—',
      ]),
    });
  out.push(...cutNote(ctx, chain, 'output.projects'));
  if (counted.length === 0 && est.projects.length > 0) out.push(p(L('没有项目计入测算（见各项目说明）。', 'No project is counted (see each project).')));
  return out;
}

/** The first firms and projects the estimate left out, and how many more there are. */
function leftOutBlocks(ctx: ReportContext, est: OutputEstimate, chain: string | null): Block[] {
  const { L, p } = ctx;
  if (est.gaps.length === 0) return [];
  const cut = ctx.cutOf(chain, 'output.gaps');
  const gapTotal = cut?.total ?? est.gaps.length;
  const shown = est.gaps.slice(0, GAPS_SHOWN);
  const out: Block[] = [
    p({ text: L('未计入测算的企业与项目：', 'Left out of the estimate: '), strong: true }),
    { kind: 'list', items: shown.map((g) => [ctx.R(g.reason)]) },
  ];
  if (gapTotal > shown.length)
    out.push(
      p(
        cut === undefined
          ? L(`另有 ${gapTotal - shown.length} 条未列出（见 JSON 报告）。`, `${gapTotal - shown.length} more not listed (see the JSON report).`)
          : L(
              `另有 ${gapTotal - shown.length} 条未列出（JSON 报告列出前 ${est.gaps.length} 条；全部列出：--list-limit all）。`,
              `${gapTotal - shown.length} more not listed (the JSON report lists the first ${est.gaps.length}; to list all: --list-limit all).`,
            ),
      ),
    );
  return out;
}

/** The audit of the targets of this chain (or, for the region, of those tied to no chain). */
function auditBlocks(ctx: ReportContext, est: OutputEstimate, chain: string | null): Block[] {
  const { L, p } = ctx;
  const audits = est.targets.filter((t) => (chain === null ? t.scope.chain === null : t.scope.chain === chain));
  if (audits.length > 0)
    return [
      p({ text: L('目标审核：', 'Target audit: '), strong: true }),
      { kind: 'list', items: audits.map((t) => [{ text: t.target, code: true }, '：', ctx.R(t.reason)]) },
    ];
  if (chain !== null)
    return [p({ text: L('目标审核：', 'Target audit: '), strong: true }, L('本链没有专门的产值目标；区域目标见第三部分。', 'this chain has no output target of its own; region-wide targets are in part 3.'))];
  return [];
}
