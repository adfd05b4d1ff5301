/**
 * 招商清单 of a chain's chapter: recommendRecruits' candidates per gap segment, then the gaps
 * with no candidate in the data and what to look for.
 */
import type { RecruitsResult } from '../../analysis/recruits/index.js';
import type { Block } from '../document.js';
import { GAP_LABELS, pick } from '../labels.js';
import type { Section } from './data/index.js';
import type { ReportContext } from './context.js';

type Entry = RecruitsResult['entries'][number];

/**
 * The recruitment list of a chain, or why it is not available.
 *
 * @example
 * recruitBlocks(ctx, ctx.data.chains[0].recruits);
 */
export function recruitBlocks(ctx: ReportContext, section: Section<RecruitsResult>): Block[] {
  const { L, p } = ctx;
  if (!section.available) return [ctx.na(section.reason)];
  const r = section.result;
  const out: Block[] = [];
  if (r.entries.length === 0) return [p(L('没有需要招商补齐的缺口。', 'No gap to recruit for.'))];
  out.push(
    p(
      L(
        r.assumptions.scoreWeights
          ? `${r.summary.gaps} 个缺口环节，其中 ${r.summary.withCandidates} 个在数据或参考名录中有候选企业（共列出 ${r.summary.candidates} 家）。`
          : `${r.summary.gaps} 个缺口环节，其中 ${r.summary.withCandidates} 个在数据中有候选企业（共 ${r.summary.candidates} 家）。`,
        r.assumptions.scoreWeights
          ? `${r.summary.gaps} gap segment(s), ${r.summary.withCandidates} with candidates in the data or the reference directory (${r.summary.candidates} listed).`
          : `${r.summary.gaps} gap segment(s), ${r.summary.withCandidates} with candidates in the data (${r.summary.candidates} in all).`,
      ),
    ),
  );
  const withCandidates = r.entries.filter((e) => e.candidates.length > 0);
  if (withCandidates.length > 0) out.push(candidateTable(ctx, withCandidates));
  const without = r.entries.filter((e) => e.candidates.length === 0);
  if (without.length > 0) {
    out.push(p({ text: L(`数据中没有候选企业的缺口（${without.length} 个）：`, `Gaps with no candidate in the data (${without.length}):`), strong: true }));
    out.push({
      kind: 'table',
      headers: [L('环节', 'Segment'), L('缺口', 'Gap'), L('严重度', 'Severity'), L('招商方向', 'What to look for')],
      numeric: [false, false, true, false],
      rows: without.map((e) => [e.segmentName, gapKinds(ctx, e), ctx.fmt(e.severity, 3), ctx.R(e.reason)]),
    });
  }
  return out;
}

/** The candidates of each gap segment, the segment named on its first candidate's row. */
function candidateTable(ctx: ReportContext, entries: Entry[]): Block {
  const { L, fmt } = ctx;
  return {
    kind: 'table',
    headers: [L('环节', 'Segment'), L('缺口', 'Gap'), L('严重度', 'Severity'), L('候选企业', 'Candidate'), L('所在地', 'Located in'), L('匹配度', 'Fit'), L('理由', 'Reason')],
    numeric: [false, false, true, false, false, true, false],
    rows: entries.flatMap((e) =>
      e.candidates.map((cand, k) => [
        k === 0 ? e.segmentName : '',
        k === 0 ? gapKinds(ctx, e) : '',
        k === 0 ? fmt(e.severity, 3) : '',
        { text: cand.name, strong: k === 0 },
        cand.region !== null ? ctx.regionName(cand.region) : cand.reference ? `${cand.reference.province}${cand.reference.city === cand.reference.province ? '' : cand.reference.city}` : '',
        fmt(cand.fit, 3),
        ctx.R(cand.reason),
      ]),
    ),
  };
}

function gapKinds(ctx: ReportContext, e: Entry): string {
  return e.gaps.map((g) => pick(GAP_LABELS[g], ctx.locale)).join(ctx.L('、', ', '));
}
