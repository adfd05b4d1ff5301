/**
 * The chain map (产业链图谱) as an SVG string: pure string building, no DOM, deterministic.
 *
 * Layout
 * - Columns are the topological generations of the chain's segment flows (上游 → 下游, see
 *   `segmentGenerations`); a generation with more than `maxPerColumn` segments is split into
 *   side-by-side columns of equal height. Within a column, segments are ordered by the mean row
 *   of their upstream segments (one barycentre pass, Sugiyama et al. 1981), ties in chain order,
 *   which keeps flow arrows short and uncrossed where it can.
 * - Each segment is a box: its name (wrapped to two lines), badges for its gap findings, then its
 *   local enterprises (the region and its sub-regions, any status, 链主 first and marked ★ in
 *   bold, non-operating statuses named), at most `maxEnterprises` lines with "+N more" for the
 *   rest, and the projects filling a gap with their production year.
 * - Gap kinds are drawn apart: missing (缺链) a dashed red outline on grey; thin (短板) orange;
 *   external dependency (外部依赖) a purple "外" badge entering the box from outside; being
 *   filled (补链中) blue hatching with the project's name and year.
 * - Flows are cubic paths with arrowheads, drawn under the boxes, spread along the box edges.
 * - Every label is measured (./text.ts: CJK at 1 em) and wrapped or cut with "…" to fit its box;
 *   a cut label keeps its full text in a `<title>` (a tooltip in browsers).
 */
import type { FillingEntry } from '../analysis/gaps/index.js';
import type { ChainModel } from '../graph/model.js';
import type { Locale } from '../model/issues.js';
import { chainView, type ChainView, type ChainViewOptions, type EnterpriseView, type SegmentView } from './chain-view.js';
import { ENTERPRISE_STATUS_LABELS, GAP_LABELS, labelOf, PROJECT_STATUS_LABELS, STAGE_LABELS, pick } from './labels.js';
import { textWidth, truncateText, wrapText } from './text.js';
import { escapeXml, num, xmlId } from './xml.js';

/** Options of {@link renderChainMap}. */
export interface ChainMapOptions extends ChainViewOptions {
  /** Language of the labels. Default `'zh-CN'`. */
  locale?: Locale;
  /** Enterprise lines per box before "+N more". Default 8. */
  maxEnterprises?: number;
  /** Segments per column before a generation is split into several columns. Default 8. */
  maxPerColumn?: number;
  /** Prefix of the ids inside the SVG (markers, patterns), so several maps can share a page. Default: from the chain id. */
  idPrefix?: string;
  /** Title drawn at the top. Default: the chain's name and the region's. */
  title?: string;
}

/** Font stack: CJK fonts first so that Chinese renders wherever one is installed. */
export const FONT_FAMILY =
  "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Hiragino Sans GB',sans-serif";

/** Geometry of the map, px. */
const BOX_WIDTH = 180;
const PAD = 8;
const INNER = BOX_WIDTH - 2 * PAD;
const COLUMN_GAP = 48;
const ROW_GAP = 16;
const MARGIN = 24;
const NAME_SIZE = 14;
const NAME_LINE = 18;
const BADGE_SIZE = 11;
const BADGE_LINE = 18;
const FIRM_SIZE = 12;
const FIRM_LINE = 16;
const NOTE_SIZE = 11;
const NOTE_LINE = 15;

const COLOR = {
  text: '#263238',
  muted: '#78909c',
  present: { stroke: '#2e7d32', fill: '#ffffff', band: '#e8f5e9' },
  thin: { stroke: '#ef6c00', fill: '#fff8e1', band: '#ffe0b2' },
  missing: { stroke: '#c62828', fill: '#f5f5f5', band: '#eeeeee' },
  filling: { stroke: '#1565c0', text: '#0d47a1' },
  external: '#6a1b9a',
  extension: '#00838f',
  capacity: '#ad1457',
  flow: '#90a4ae',
  leader: '#b71c1c',
};

interface Line {
  text: string;
  /** Full text when cut. */
  full?: string;
  size: number;
  y: number;
  weight?: number;
  color: string;
  italic?: boolean;
}

interface Badge {
  text: string;
  color: string;
  x: number;
  y: number;
  width: number;
}

interface Box {
  segment: SegmentView;
  x: number;
  y: number;
  height: number;
  headerHeight: number;
  lines: Line[];
  badges: Badge[];
  /** Names hidden behind "+N more". */
  hidden: string[];
}

const T = {
  leader: { zh: '链主', en: 'chain leader' },
  noFirm: { zh: '无本地企业', en: 'no local firm' },
  filling: { zh: '补链中', en: 'being filled' },
  external: { zh: '外部依赖', en: 'external supply' },
  externalShort: { zh: '外', en: 'ext' },
  present: { zh: '本地已有', en: 'present' },
  flow: { zh: '产业链流向', en: 'flow' },
  column: { zh: '第{n}层', en: 'tier {n}' },
  more: { zh: '+{n} more（另 {n} 家）', en: '+{n} more' },
  moreProjects: { zh: '+{n} more（另 {n} 项）', en: '+{n} more project(s)' },
  yearUnknown: { zh: '投产年份未知', en: 'year unknown' },
};

/** `风电装备制造产业链图谱 · 酒泉市`: 产业链 is not repeated when the chain's name ends with it. */
function chainMapTitle(chain: string, region: string, locale: Locale): string {
  if (locale === 'en') return `${chain} chain map · ${region}`;
  return `${chain.endsWith('产业链') ? `${chain}图谱` : `${chain}产业链图谱`} · ${region}`;
}

/** Short English statuses for the narrow boxes. */
const SHORT_STATUS_EN: Record<string, string> = {
  'under-construction': 'building',
  signed: 'signed',
  planned: 'planned',
  prospect: 'prospect',
  closed: 'closed',
};

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (_, key: string) => String(values[key] ?? ''));
}

/** The label of an enterprise line: ★ for a 链主, the status when not operating; the full name when it fits, else its longest fitting alias, else the name cut with "…". */
function firmLabel(e: EnterpriseView, locale: Locale): { text: string; full: string } {
  const prefix = e.leader ? '★ ' : '';
  const suffix = e.status === 'operating' ? '' : locale === 'en' ? ` (${SHORT_STATUS_EN[e.status] ?? e.status})` : `（${labelOf(ENTERPRISE_STATUS_LABELS, e.status, locale)}）`;
  const full = `${prefix}${e.name}${suffix}`;
  const size = FIRM_SIZE;
  if (textWidth(full, size) <= INNER) return { text: full, full };
  const alias = [...e.aliases]
    .map((a) => `${prefix}${a}${suffix}`)
    .filter((a) => textWidth(a, size) <= INNER)
    .sort((a, b) => b.length - a.length)[0];
  if (alias !== undefined) return { text: alias, full };
  const room = INNER - textWidth(prefix + suffix, size);
  if (room >= 3 * size) return { text: `${prefix}${truncateText(e.name, room, size)}${suffix}`, full };
  return { text: truncateText(full, INNER, size), full };
}

function fillingLabel(entry: FillingEntry, model: ChainModel, locale: Locale): string {
  const status = labelOf(PROJECT_STATUS_LABELS, entry.status, locale);
  const name =
    entry.project !== null
      ? model.dataset.projects[model.index.projects.byId.get(entry.project)!]!.name
      : model.dataset.enterprises[model.index.enterprises.byId.get(entry.enterprise!)!]!.name;
  const year = entry.productionYear === null ? '' : locale === 'en' ? ` ${entry.productionYear}` : ` ${entry.productionYear}年`;
  return locale === 'en' ? `${status}: ${name}${year}` : `${status}：${name}${year}`;
}

function layoutBox(segment: SegmentView, model: ChainModel, locale: Locale, maxEnterprises: number): Omit<Box, 'x' | 'y'> {
  const lines: Line[] = [];
  let y = PAD;
  const nameColor = segment.state === 'missing' ? '#616161' : COLOR.text;
  const nameLines = wrapText(segment.name, INNER, NAME_SIZE, 2);
  for (const text of nameLines) {
    y += NAME_LINE;
    lines.push({ text, size: NAME_SIZE, y: y - 4, weight: 700, color: nameColor, ...(text.endsWith('…') ? { full: segment.name } : {}) });
  }
  const headerHeight = y + 4;

  // badges: gap kinds, then the stage
  const badgeTexts: { text: string; color: string }[] = [];
  for (const code of segment.findings) {
    const color =
      code === 'missing_segment'
        ? COLOR.missing.stroke
        : code === 'thin_segment'
          ? COLOR.thin.stroke
          : code === 'external_dependency'
            ? COLOR.external
            : code === 'capacity_shortfall'
              ? COLOR.capacity
              : COLOR.extension;
    let text = pick(GAP_LABELS[code], locale);
    if (code === 'external_dependency' && segment.external) text += ` ${segment.external.suppliers.length}`;
    badgeTexts.push({ text, color });
  }
  if (segment.filling.length > 0) badgeTexts.push({ text: pick(T.filling, locale), color: COLOR.filling.stroke });
  badgeTexts.push({ text: labelOf(STAGE_LABELS, segment.stage, locale), color: COLOR.muted });
  const badges: Badge[] = [];
  let bx = PAD;
  let by = y + 4;
  let rowUsed = false;
  for (const b of badgeTexts) {
    const text = truncateText(b.text, INNER - 8, BADGE_SIZE);
    const width = textWidth(text, BADGE_SIZE) + 8;
    if (rowUsed && bx + width > PAD + INNER) {
      bx = PAD;
      by += BADGE_LINE;
    }
    badges.push({ text, color: b.color, x: bx, y: by, width });
    bx += width + 4;
    rowUsed = true;
  }
  y = by + BADGE_LINE;

  // enterprises
  const hidden: string[] = [];
  const firms = segment.enterprises;
  if (firms.length === 0) {
    y += FIRM_LINE;
    lines.push({ text: pick(T.noFirm, locale), size: FIRM_SIZE, y: y - 4, color: COLOR.muted, italic: true });
  } else {
    const shown = firms.length <= maxEnterprises ? firms.length : Math.max(0, maxEnterprises - 1);
    for (const e of firms.slice(0, shown)) {
      const { text, full } = firmLabel(e, locale);
      y += FIRM_LINE;
      lines.push({
        text,
        size: FIRM_SIZE,
        y: y - 4,
        color: e.leader ? COLOR.leader : e.status === 'operating' ? COLOR.text : COLOR.muted,
        ...(e.leader ? { weight: 700 } : {}),
        ...(text !== full ? { full } : {}),
      });
    }
    if (shown < firms.length) {
      const rest = firms.slice(shown);
      for (const e of rest) hidden.push(e.name);
      y += FIRM_LINE;
      const text = truncateText(fill(pick(T.more, locale), { n: rest.length }), INNER, FIRM_SIZE);
      lines.push({ text, size: FIRM_SIZE, y: y - 4, color: COLOR.muted, italic: true, full: nameList(rest, locale) });
    }
  }

  // projects filling a gap
  const maxFilling = 3;
  const filling = segment.filling;
  const shownFilling = filling.length <= maxFilling ? filling.length : maxFilling - 1;
  for (const entry of filling.slice(0, shownFilling)) {
    const full = fillingLabel(entry, model, locale);
    const wrapped = wrapText(full, INNER, NOTE_SIZE, 2);
    for (const text of wrapped) {
      y += NOTE_LINE;
      lines.push({ text, size: NOTE_SIZE, y: y - 3, color: COLOR.filling.text, ...(text.endsWith('…') ? { full } : {}) });
    }
  }
  if (shownFilling < filling.length) {
    y += NOTE_LINE;
    lines.push({ text: fill(pick(T.moreProjects, locale), { n: filling.length - shownFilling }), size: NOTE_SIZE, y: y - 3, color: COLOR.filling.text });
  }
  return { segment, height: y + PAD, headerHeight, lines, badges, hidden };
}

/** Orders each column's segments by the mean row of their upstream segments (one left-to-right pass). */
function orderColumns(view: ChainView, maxPerColumn: number): { ids: string[]; generation: number }[] {
  const upstream = new Map<string, string[]>();
  for (const f of view.flows) upstream.set(f.to, [...(upstream.get(f.to) ?? []), f.from]);
  const order = new Map(view.segments.map((s, i) => [s.id, i]));
  const row = new Map<string, number>();
  const columns: { ids: string[]; generation: number }[] = [];
  view.columns.forEach((generation, g) => {
    const key = (id: string) => {
      const rows = (upstream.get(id) ?? []).map((u) => row.get(u)).filter((r): r is number => r !== undefined);
      return rows.length === 0 ? Number.POSITIVE_INFINITY : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    const sorted = g === 0 ? [...generation] : [...generation].sort((a, b) => key(a) - key(b) || order.get(a)! - order.get(b)!);
    const parts = Math.ceil(sorted.length / maxPerColumn);
    const per = Math.ceil(sorted.length / parts);
    for (let p = 0; p < parts; p++) {
      const ids = sorted.slice(p * per, (p + 1) * per);
      // rows across the split columns of one generation interleave, so a row number stays comparable
      ids.forEach((id, i) => row.set(id, i + p / parts));
      columns.push({ ids, generation: g });
    }
  });
  return columns;
}

function stageText(segments: readonly SegmentView[], locale: Locale): string {
  const stages = (['upstream', 'midstream', 'downstream'] as const).filter((s) => segments.some((x) => x.stage === s));
  return stages.map((s) => pick(STAGE_LABELS[s]!, locale)).join('/');
}

/**
 * Renders the chain map (产业链图谱) of a chain in a region as a standalone SVG document string:
 * segments in columns 上游 → 下游 by flow order, local enterprises in their boxes with 链主
 * marked, gaps drawn by kind, flows as arrows, a legend. Deterministic; no DOM needed.
 *
 * @example
 * const svg = renderChainMap(model, { chain: 'wind-power', region: 'jiuquan' });
 * writeFileSync('wind-power.svg', svg); // opens in any browser; embed inline in HTML as is
 */
export function renderChainMap(model: ChainModel, options: ChainMapOptions): string {
  return chainMapOf(model, chainView(model, options), options);
}

/**
 * {@link renderChainMap} of a chain view already made with the same chain, region and gaps (the
 * report draws the map and lists the view's firms, and at province size a view is 10⁵ firms).
 *
 * @example
 * const view = chainView(model, { chain: 'wind-power', region: 'jiuquan' });
 * const svg = chainMapOf(model, view, { chain: 'wind-power', region: 'jiuquan' });
 */
export function chainMapOf(model: ChainModel, view: ChainView, options: ChainMapOptions): string {
  const locale = options.locale ?? 'zh-CN';
  const maxEnterprises = Math.max(1, Math.floor(options.maxEnterprises ?? 8));
  const maxPerColumn = Math.max(1, Math.floor(options.maxPerColumn ?? 8));
  const id = options.idPrefix ?? xmlId(`map-${view.chain}-${view.region}`);
  const byId = new Map(view.segments.map((s) => [s.id, s]));

  const columns = orderColumns(view, maxPerColumn);
  const width = Math.max(760, 2 * MARGIN + columns.length * BOX_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP);

  // title, subtitle, legend
  const parts: string[] = [];
  const title = options.title ?? chainMapTitle(view.chainName, view.regionName, locale);
  const s = view.gaps.summary;
  const subtitle =
    locale === 'en'
      ? `${s.segments} segments · ${s.present} present · ${s.missing} missing · ${s.thin} thin · ${s.externalDependencies} external · ${s.beingFilled} being filled · ${s.localEnterprises} local firms`
      : `环节 ${s.segments} · 本地已有 ${s.present} · 缺链 ${s.missing} · 短板 ${s.thin} · 外部依赖 ${s.externalDependencies} · 补链中 ${s.beingFilled} · 本地企业 ${s.localEnterprises}`;
  let y = MARGIN;
  const titleText = truncateText(title, width - 2 * MARGIN, 18);
  parts.push(`<text x="${MARGIN}" y="${y + 16}" font-size="18" font-weight="700" fill="${COLOR.text}">${escapeXml(titleText)}</text>`);
  y += 26;
  parts.push(`<text x="${MARGIN}" y="${y + 12}" font-size="12" fill="${COLOR.muted}">${escapeXml(truncateText(subtitle, width - 2 * MARGIN, 12))}</text>`);
  y += 24;
  const legend = legendItems(locale, id);
  let lx = MARGIN;
  for (const item of legend) {
    const w = 26 + textWidth(item.label, 12) + 18;
    if (lx > MARGIN && lx + w > width - MARGIN) {
      lx = MARGIN;
      y += 22;
    }
    parts.push(`<g transform="translate(${num(lx)},${num(y)})">${item.swatch}<text x="26" y="12" font-size="12" fill="${COLOR.text}">${escapeXml(item.label)}</text></g>`);
    lx += w;
  }
  y += 30;

  // column headers
  const top = y + 22;
  const boxes = new Map<string, Box>();
  let bottom = top;
  columns.forEach((col, k) => {
    const x = MARGIN + k * (BOX_WIDTH + COLUMN_GAP);
    const segs = col.ids.map((sid) => byId.get(sid)!);
    const header = `${fill(pick(T.column, locale), { n: col.generation + 1 })} · ${stageText(segs, locale)}`;
    parts.push(
      `<text x="${num(x + BOX_WIDTH / 2)}" y="${num(y + 12)}" font-size="12" font-weight="700" fill="${COLOR.muted}" text-anchor="middle">${escapeXml(truncateText(header, BOX_WIDTH, 12))}</text>`,
    );
    let by = top;
    for (const seg of segs) {
      const box = { ...layoutBox(seg, model, locale, maxEnterprises), x, y: by };
      boxes.set(seg.id, box);
      by += box.height + ROW_GAP;
    }
    bottom = Math.max(bottom, by);
  });
  const height = bottom + MARGIN;

  // flows: exits along the source's right edge and entries along the target's left edge, ordered by the other end's height
  const outs = new Map<string, { to: string; y: number }[]>();
  const ins = new Map<string, { from: string; y: number }[]>();
  const flows = view.flows.filter((f) => boxes.has(f.from) && boxes.has(f.to));
  for (const f of flows) {
    const a = boxes.get(f.from)!;
    const b = boxes.get(f.to)!;
    outs.set(f.from, [...(outs.get(f.from) ?? []), { to: f.to, y: b.y }]);
    ins.set(f.to, [...(ins.get(f.to) ?? []), { from: f.from, y: a.y }]);
  }
  const anchor = (box: Box, rank: number, count: number) => {
    const span = Math.max(0, box.height - 24);
    return box.y + 12 + (span * (rank + 1)) / (count + 1);
  };
  const flowParts: string[] = [];
  for (const f of flows) {
    const a = boxes.get(f.from)!;
    const b = boxes.get(f.to)!;
    const outList = [...outs.get(f.from)!].sort((p, q) => p.y - q.y || p.to.localeCompare(q.to));
    const inList = [...ins.get(f.to)!].sort((p, q) => p.y - q.y || p.from.localeCompare(q.from));
    const x1 = a.x + BOX_WIDTH;
    const y1 = anchor(a, outList.findIndex((o) => o.to === f.to), outList.length);
    const x2 = b.x - 2;
    const y2 = anchor(b, inList.findIndex((o) => o.from === f.from), inList.length);
    const dx = Math.max(24, (x2 - x1) / 2);
    const faint = a.segment.state === 'missing' || b.segment.state === 'missing';
    flowParts.push(
      `<path class="ic-flow" data-from="${escapeXml(f.from)}" data-to="${escapeXml(f.to)}" d="M${num(x1)},${num(y1)} C${num(x1 + dx)},${num(y1)} ${num(x2 - dx)},${num(y2)} ${num(x2)},${num(y2)}" fill="none" stroke="${COLOR.flow}" stroke-width="1.3"${faint ? ' stroke-dasharray="4 3" stroke-opacity="0.6"' : ''} marker-end="url(#${id}-arrow)"/>`,
    );
  }

  const boxParts = [...boxes.values()].map((box) => renderBox(box, id, locale));

  const defs = [
    `<marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLOR.flow}"/></marker>`,
    `<pattern id="${id}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#e3f2fd"/><line x1="0" y1="0" x2="0" y2="8" stroke="#bbdefb" stroke-width="4"/></pattern>`,
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ic-chain-map" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-labelledby="${id}-title" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<defs>${defs.join('')}</defs>`,
    `<rect width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    ...parts,
    `<g class="ic-flows">${flowParts.join('')}</g>`,
    `<g class="ic-segments">${boxParts.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

function renderBox(box: Box, id: string, locale: Locale): string {
  const { segment } = box;
  const style = segment.state === 'missing' ? COLOR.missing : segment.state === 'thin' ? COLOR.thin : COLOR.present;
  const filling = segment.filling.length > 0;
  const stroke = filling ? COLOR.filling.stroke : style.stroke;
  const dashed = segment.state === 'missing' ? ' stroke-dasharray="6 4"' : '';
  const out: string[] = [];
  out.push(
    `<g class="ic-seg ic-${segment.state}${filling ? ' ic-filling' : ''}${segment.external ? ' ic-external' : ''}" data-segment="${escapeXml(segment.id)}" transform="translate(${num(box.x)},${num(box.y)})">`,
  );
  out.push(`<title>${escapeXml(segmentTooltip(segment, box, locale))}</title>`);
  out.push(
    `<rect class="ic-box" width="${BOX_WIDTH}" height="${num(box.height)}" rx="6" fill="${filling ? `url(#${id}-hatch)` : style.fill}" stroke="${stroke}" stroke-width="1.6"${dashed}/>`,
  );
  out.push(
    `<rect x="1" y="1" width="${BOX_WIDTH - 2}" height="${num(box.headerHeight - 1)}" rx="5" fill="${filling ? '#e3f2fd' : style.band}" fill-opacity="0.9"/>`,
  );
  for (const b of box.badges) {
    out.push(
      `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="15" rx="3" fill="#ffffff" stroke="${b.color}" stroke-width="1"/>`,
      `<text x="${num(b.x + 4)}" y="${num(b.y + 11)}" font-size="${BADGE_SIZE}" fill="${b.color}">${escapeXml(b.text)}</text>`,
    );
  }
  for (const line of box.lines) {
    const attrs = [
      `x="${PAD}"`,
      `y="${num(line.y)}"`,
      `font-size="${line.size}"`,
      `fill="${line.color}"`,
      line.weight ? `font-weight="${line.weight}"` : '',
      line.italic ? 'font-style="italic"' : '',
    ].filter((a) => a !== '');
    const tip = line.full !== undefined ? `<title>${escapeXml(line.full)}</title>` : '';
    out.push(`<text ${attrs.join(' ')}>${tip}${escapeXml(line.text)}</text>`);
  }
  if (segment.external) {
    // supply from outside: a badge outside the box's top-right corner with an arrow into it
    const cx = BOX_WIDTH + 14;
    const cy = -6;
    out.push(
      `<g class="ic-external-badge"><path d="M${cx - 8},${cy + 6} L${BOX_WIDTH - 6},${10}" stroke="${COLOR.external}" stroke-width="1.5" fill="none" marker-end="url(#${id}-arrow)"/>`,
      `<circle cx="${cx}" cy="${cy}" r="10" fill="${COLOR.external}"/>`,
      `<text x="${cx}" y="${cy + 4}" font-size="11" fill="#ffffff" text-anchor="middle">${escapeXml(pick(T.externalShort, locale))}</text></g>`,
    );
  }
  out.push('</g>');
  return out.join('');
}

/** Names for a tooltip: at most 50, so that a segment of thousands of firms keeps the SVG small. */
/** The names of the first 50 firms, and how many more. */
function nameList(firms: readonly { name: string }[], locale: Locale): string {
  const shown = firms
    .slice(0, 50)
    .map((e) => e.name)
    .join(locale === 'en' ? ', ' : '、');
  return firms.length > 50 ? `${shown}${locale === 'en' ? ` and ${firms.length - 50} more` : ` 等 ${firms.length} 家`}` : shown;
}

function segmentTooltip(segment: SegmentView, box: Box, locale: Locale): string {
  const parts = [`${segment.name} (${segment.id})`];
  if (segment.findings.length > 0) parts.push(segment.findings.map((c) => pick(GAP_LABELS[c], locale)).join(locale === 'en' ? ', ' : '、'));
  if (segment.enterprises.length > 0) parts.push(nameList(segment.enterprises, locale));
  if (box.hidden.length > 0) parts.push(locale === 'en' ? `not listed: ${box.hidden.length}` : `未列出 ${box.hidden.length} 家`);
  return parts.join(' — ');
}

function legendItems(locale: Locale, id: string): { swatch: string; label: string }[] {
  const rect = (fillColor: string, stroke: string, dash = '') =>
    `<rect x="0" y="1" width="20" height="13" rx="3" fill="${fillColor}" stroke="${stroke}" stroke-width="1.5"${dash}/>`;
  return [
    { swatch: rect(COLOR.present.band, COLOR.present.stroke), label: pick(T.present, locale) },
    { swatch: rect(COLOR.thin.fill, COLOR.thin.stroke), label: pick(GAP_LABELS.thin_segment, locale) },
    { swatch: rect(COLOR.missing.fill, COLOR.missing.stroke, ' stroke-dasharray="4 3"'), label: pick(GAP_LABELS.missing_segment, locale) },
    { swatch: rect(`url(#${id}-hatch)`, COLOR.filling.stroke), label: pick(T.filling, locale) },
    {
      swatch: `<circle cx="10" cy="7" r="8" fill="${COLOR.external}"/><text x="10" y="11" font-size="10" fill="#ffffff" text-anchor="middle">${escapeXml(pick(T.externalShort, locale))}</text>`,
      label: pick(T.external, locale),
    },
    { swatch: `<text x="2" y="12" font-size="14" font-weight="700" fill="${COLOR.leader}">★</text>`, label: pick(T.leader, locale) },
    {
      swatch: `<path d="M0,7 L18,7" stroke="${COLOR.flow}" stroke-width="1.5" marker-end="url(#${id}-arrow)"/>`,
      label: pick(T.flow, locale),
    },
  ];
}
