/**
 * A chain as a Graphviz DOT graph: a cluster per segment (styled by its gap state) holding a
 * node for the segment and its local enterprises, the chain's flows between segments (drawn
 * between clusters with `compound=true`), and the supply links of the chain's local firms,
 * including those with outside firms (drawn outside the clusters). Left to right = 上游 → 下游.
 * Render with `dot -Tsvg chain.dot > chain.svg`.
 */
import { linkProductSegment } from '../analysis/scope/index.js';
import type { ChainModel } from '../graph/model.js';
import { chainIndex, isLocalIdx } from '../graph/queries.js';
import type { Locale } from '../model/issues.js';
import { LINK_STATUSES, type LinkStatus } from '../model/vocabulary.js';
import { chainView, type ChainViewOptions } from './chain-view.js';
import { ENTERPRISE_STATUS_LABELS, GAP_LABELS, labelOf, pick } from './labels.js';

/** Options of {@link toDot}. */
export interface DotOptions extends ChainViewOptions {
  /** Language of the labels. Default `'zh-CN'`. */
  locale?: Locale;
  /** Link statuses drawn. Default `['active', 'brokered']`. */
  linkStatuses?: readonly LinkStatus[];
}

/**
 * A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`, characters
 * DOT cannot hold dropped.
 *
 * @example
 * dotString('say "hi"'); // → '"say \\"hi\\""'
 */
export function dotString(text: string): string {
  const body = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu, '')
    .replace(/\\/gu, '\\\\')
    .replace(/"/gu, '\\"')
    .replace(/\r?\n/gu, '\\n');
  return `"${body}"`;
}

const STYLE = {
  present: { color: '#2e7d32', fill: '#f1f8e9', style: 'rounded,filled' },
  thin: { color: '#ef6c00', fill: '#fff8e1', style: 'rounded,filled' },
  missing: { color: '#c62828', fill: '#f5f5f5', style: 'rounded,filled,dashed' },
};

/**
 * Graphviz DOT source of a chain in a region (see the file header). Deterministic; ids and
 * labels are quoted and escaped.
 *
 * @example
 * writeFileSync('wind.dot', toDot(model, { chain: 'wind-power', region: 'jiuquan' }));
 * // then: dot -Tsvg wind.dot > wind.svg
 */
export function toDot(model: ChainModel, options: DotOptions): string {
  const view = chainView(model, options);
  const locale = options.locale ?? 'zh-CN';
  const statuses = new Set(options.linkStatuses ?? ['active', 'brokered']);
  const { index, dataset } = model;
  const c = chainIndex(model, view.chain);
  const r = index.regions.byId.get(view.region)!;
  const font = 'Noto Sans CJK SC';
  const lines: string[] = [];
  const title = locale === 'en' ? `${view.chainName} · ${view.regionName}` : `${view.chainName} · ${view.regionName}`;
  lines.push(`digraph ${dotString(`${view.chain}@${view.region}`)} {`);
  lines.push(`  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.25, ranksep=0.8, fontname=${dotString(font)}, label=${dotString(title)}, labelloc=t, fontsize=16];`);
  lines.push(`  node [fontname=${dotString(font)}, fontsize=11, shape=box, style="rounded,filled", fillcolor="#ffffff", color="#90a4ae"];`);
  lines.push(`  edge [fontname=${dotString(font)}, fontsize=9, color="#90a4ae"];`);

  const placed = new Set<string>();
  const nodeId = (id: string) => dotString(`e:${id}`);
  const segNode = (id: string) => dotString(`s:${id}`);
  const clusterOf = (id: string) => dotString(`cluster_${id}`);
  for (const seg of view.segments) {
    const style = STYLE[seg.state];
    const badges = seg.findings.map((code) => pick(GAP_LABELS[code], locale));
    if (seg.filling.length > 0) badges.push(locale === 'en' ? 'being filled' : '补链中');
    lines.push(`  subgraph ${clusterOf(seg.id)} {`);
    lines.push(
      `    graph [label=${dotString(badges.length > 0 ? `${seg.name}（${badges.join('、')}）` : seg.name)}, color=${dotString(seg.filling.length > 0 ? '#1565c0' : style.color)}, fillcolor=${dotString(style.fill)}, style=${dotString(style.style)}];`,
    );
    lines.push(`    ${segNode(seg.id)} [label=${dotString(seg.name)}, shape=plaintext, style="", fontsize=12];`);
    for (const e of seg.enterprises) {
      if (placed.has(e.id)) continue;
      placed.add(e.id);
      const status = e.status === 'operating' ? '' : `（${labelOf(ENTERPRISE_STATUS_LABELS, e.status, locale)}）`;
      const attrs = [`label=${dotString(`${e.leader ? '★ ' : ''}${e.name}${status}`)}`];
      if (e.leader) attrs.push('color="#b71c1c"', 'fontcolor="#b71c1c"', 'penwidth=2');
      if (e.status !== 'operating') attrs.push('style="rounded,filled,dashed"');
      lines.push(`    ${nodeId(e.id)} [${attrs.join(', ')}];`);
    }
    lines.push('  }');
  }
  for (const f of view.flows) {
    const faint = view.segments.find((s) => s.id === f.from)!.state === 'missing' || view.segments.find((s) => s.id === f.to)!.state === 'missing';
    const attrs = [`ltail=${clusterOf(f.from)}`, `lhead=${clusterOf(f.to)}`];
    if (f.coefficient !== null) attrs.push(`label=${dotString(String(f.coefficient))}`);
    if (faint) attrs.push('style=dashed');
    lines.push(`  ${segNode(f.from)} -> ${segNode(f.to)} [${attrs.join(', ')}];`);
  }
  // supply links touching the chain's local firms
  const outside = new Set<number>();
  const supply: string[] = [];
  for (let k = 0; k < index.links.from.length; k++) {
    if (!statuses.has(LINK_STATUSES[index.links.status[k]!]!)) continue;
    const from = index.links.from[k]!;
    const to = index.links.to[k]!;
    const fromId = index.enterprises.ids[from]!;
    const toId = index.enterprises.ids[to]!;
    if (!placed.has(fromId) && !placed.has(toId)) continue;
    if (linkProductSegment(model, k, c).basis === 'other-chain' && !(placed.has(fromId) && placed.has(toId))) continue;
    for (const e of [from, to]) if (!placed.has(index.enterprises.ids[e]!)) outside.add(e);
    const value = index.links.value[k]!;
    const status = LINK_STATUSES[index.links.status[k]!]!;
    const attrs = ['color="#1565c0"', 'constraint=false'];
    if (!Number.isNaN(value)) attrs.push(`label=${dotString(`${value}亿元`)}`, `penwidth=${Math.min(5, 1 + Math.sqrt(value)).toFixed(2)}`);
    if (status === 'brokered') attrs.push('style=dashed');
    supply.push(`  ${nodeId(fromId)} -> ${nodeId(toId)} [${attrs.join(', ')}];`);
  }
  for (const e of [...outside].sort((a, b) => a - b)) {
    const record = dataset.enterprises[e]!;
    const where = dataset.regions[index.enterprises.region[e]!]!.name;
    const local = isLocalIdx(model, e, r);
    lines.push(`  ${nodeId(record.id)} [label=${dotString(`${record.name}\n${where}`)}, shape=ellipse, style=${local ? '"filled"' : '"filled,dashed"'}, fillcolor="#f3e5f5"];`);
  }
  for (const line of supply) lines.push(line);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
