/**
 * The chain map (产业链图谱) of a chain's chapter: the SVG map in HTML; in Markdown, its
 * fallback — a table of segments by tier with their state and local firms, and a Mermaid
 * flowchart of the same segments and flows.
 */
import { chainMapOf } from '../chain-map.js';
import { chainView, type ChainView } from '../chain-view.js';
import type { Block, Cell, Inline } from '../document.js';
import { ENTERPRISE_STATUS_LABELS, GAP_LABELS, labelOf, pick, STAGE_LABELS } from '../labels.js';
import type { ChainReport } from './data/index.js';
import type { ReportContext } from './context.js';
import { TONE_OF } from './shared-labels.js';

/** Maps wider than this many pixels scroll rather than shrink to the page width. */
const FIT_WIDTH = 1450;

/**
 * The heading and the map figure of a chain.
 *
 * @example
 * chainMapBlocks(ctx, ctx.data.chains[0])[1].kind; // → 'figure'
 */
export function chainMapBlocks(ctx: ReportContext, c: ChainReport): Block[] {
  const { model, data, locale, L } = ctx;
  const view = chainView(model, { chain: c.chain, region: data.scope.region, gaps: c.gaps });
  const svg = chainMapOf(model, view, { chain: c.chain, region: data.scope.region, gaps: c.gaps, locale });
  const mapWidth = Number(/width="([\d.]+)"/u.exec(svg)?.[1] ?? 0);
  return [
    ctx.heading(3, '产业链图谱', 'Chain map'),
    {
      kind: 'figure',
      svg,
      fit: mapWidth <= FIT_WIDTH,
      caption: L('方框为环节，按流向从左（上游）到右（下游）排列；框内为本地企业，★ 为链主。悬停可见全名。', 'Boxes are segments, left (upstream) to right (downstream) by flow; inside are the local firms, ★ marks a chain leader. Hover for full names.'),
      fallback: [tierTable(ctx, view), { kind: 'mermaid', code: mermaidOf(view) }],
    },
  ];
}

/** The segments tier by tier, with their state and local firms (at most the list limit named). */
function tierTable(ctx: ReportContext, view: ChainView): Block {
  const { locale, L } = ctx;
  const rows: Cell[][] = [];
  view.columns.forEach((col, g) =>
    col.forEach((id) => {
      const seg = view.segments.find((x) => x.id === id)!;
      const state: Inline[] = seg.findings.map((code) => ({ text: `${pick(GAP_LABELS[code], locale)} `, tone: TONE_OF[code]! }));
      if (seg.filling.length > 0) state.push({ text: L('补链中', 'being filled'), tone: 'filling' });
      if (state.length === 0) state.push({ text: L('本地已有', 'present'), tone: 'ok' });
      rows.push([String(g + 1), seg.name, labelOf(STAGE_LABELS, seg.stage, locale), state, segmentFirms(ctx, seg)]);
    }),
  );
  return {
    kind: 'table',
    headers: [L('层', 'Tier'), L('环节', 'Segment'), L('位置', 'Stage'), L('状态', 'State'), L('本地企业（★ 链主）', 'Local firms (★ leader)')],
    numeric: [true, false, false, false, false],
    rows,
  };
}

/** The local firms of a segment, ★ for 链主, status when not operating, cut to the list limit. */
function segmentFirms(ctx: ReportContext, seg: ChainView['segments'][number]): Inline[] {
  const { locale, L } = ctx;
  const limit = ctx.data.settings.listLimit ?? Infinity;
  const named = seg.enterprises.length > limit ? seg.enterprises.slice(0, limit) : seg.enterprises;
  const firms: Inline[] =
    seg.enterprises.length === 0
      ? [{ text: L('无本地企业', 'no local firm'), tone: 'muted' }]
      : named.flatMap((e, k) => [
          ...(k > 0 ? [L('、', ', ')] : []),
          e.leader ? { text: `★${e.name}`, strong: true } : e.name,
          ...(e.status === 'operating' ? [] : [`（${labelOf(ENTERPRISE_STATUS_LABELS, e.status, locale)}）`]),
        ]);
  if (named.length < seg.enterprises.length)
    firms.push({ text: L(`等 ${seg.enterprises.length} 家`, ` and ${seg.enterprises.length - named.length} more (${seg.enterprises.length} in all)`), tone: 'muted' });
  return firms;
}

/** A Mermaid flowchart of the chain: a node per segment (at most three firms named), an edge per flow. */
function mermaidOf(view: ChainView): string {
  const nodeId = new Map(view.segments.map((s, k) => [s.id, `s${k}`]));
  const mermaidText = (text: string) => text.replace(/"/gu, '#quot;').replace(/[<>\r\n]/gu, ' ');
  const lines = ['flowchart LR'];
  for (const seg of view.segments) {
    const firms = seg.enterprises.map((e) => `${e.leader ? '★' : ''}${e.name}`);
    const shown = firms.length > 3 ? [...firms.slice(0, 3), `+${firms.length - 3}`] : firms;
    const label = [seg.name, ...shown].map(mermaidText).join('<br/>');
    lines.push(`  ${nodeId.get(seg.id)}["${label}"]:::${seg.filling.length > 0 ? 'filling' : seg.state}`);
  }
  for (const f of view.flows) lines.push(`  ${nodeId.get(f.from)} --> ${nodeId.get(f.to)}`);
  lines.push(
    '  classDef present fill:#e8f5e9,stroke:#2e7d32',
    '  classDef thin fill:#fff8e1,stroke:#ef6c00',
    '  classDef missing fill:#f5f5f5,stroke:#c62828,stroke-dasharray:5 3,color:#757575',
    '  classDef filling fill:#e3f2fd,stroke:#1565c0',
  );
  return lines.join('\n');
}
