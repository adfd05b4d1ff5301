/** 缺链清单 of a chain's chapter: findGaps' findings by severity, and the analysis' limitations. */
import type { GapAspect } from '../../analysis/gaps/index.js';
import type { Block } from '../document.js';
import { GAP_LABELS, labelOf, pick, STAGE_LABELS } from '../labels.js';
import type { ChainReport } from './data/index.js';
import type { ReportContext } from './context.js';
import { TONE_OF } from './shared-labels.js';

/** The label of one aspect of a gap row: its kind, with the direction of an extension. */
function aspectLabel({ L, locale }: ReportContext, a: GapAspect): string {
  if (a === 'backward_extension' || a === 'forward_extension')
    return `${pick(GAP_LABELS.extension_opportunity, locale)}（${a === 'backward_extension' ? L('向上游', 'backward') : L('向下游', 'forward')}）`;
  const code = a === 'missing' ? 'missing_segment' : a === 'thin' ? 'thin_segment' : a;
  return pick(GAP_LABELS[code], locale);
}

/**
 * The gaps of a chain (missing, thin, external, …), then the limitations of the analysis.
 *
 * @example
 * gapBlocks(ctx, ctx.data.chains[0])[0].kind; // → 'table' (or a paragraph when nothing was found)
 */
export function gapBlocks(ctx: ReportContext, c: ChainReport): Block[] {
  const { L, R, p, locale } = ctx;
  const out: Block[] = [];
  if (c.gaps.findings.length === 0) out.push(p(L('未发现缺链、短板或外部依赖。', 'No missing, thin or externally supplied segment found.')));
  else
    out.push({
      kind: 'table',
      headers: ['#', L('环节', 'Segment'), L('位置', 'Stage'), L('类型', 'Kind'), L('严重度', 'Severity'), L('原因', 'Reason')],
      numeric: [true, false, false, false, true, false],
      rows: c.gaps.findings.map((f, k) => [
        String(k + 1),
        f.segmentName,
        labelOf(STAGE_LABELS, f.stage, locale),
        { text: f.aspects.map((a) => aspectLabel(ctx, a)).join(L('、', ', ')), tone: TONE_OF[f.code]! },
        ctx.fmt(f.severity, 3),
        [R(f.reason), ...(f.beingFilledBy.length > 0 ? [{ text: L(' 【补链中】', ' [being filled]'), tone: 'filling' as const }] : [])],
      ]),
    });
  if (c.gaps.limitations.length > 0) {
    out.push(p({ text: L('分析局限：', 'Limitations: '), strong: true }));
    out.push({ kind: 'list', items: c.gaps.limitations.map((l) => [R(l.reason)]) });
  }
  return out;
}
