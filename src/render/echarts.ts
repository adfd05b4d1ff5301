/**
 * A chain as an Apache ECharts option: a plain, JSON-serialisable object a web app passes to
 * `chart.setOption(option)`. ECharts is not a dependency; the option types are declared here,
 * covering what this module emits.
 *
 * - `graph`: enterprises and segments as nodes (categories: segment states, 链主, local and outside
 *   firms), membership edges enterprise → segment, and supply links between enterprises (those of
 *   the chain: both ends active in it, or a product segment in it), force layout.
 * - `sankey`: segments as nodes and the chain's flows as links. A link's value is the flow's
 *   coefficient × the local output of the receiving segment (亿元: the input the local segment
 *   needs, a_st · x_t) when that is known for every flow; otherwise the number of recorded supply
 *   links from firms of the source segment to firms of the target segment, when there is any;
 *   otherwise 1 per flow (the structure only). The subtitle says which (`valueBasis`).
 */
import { linkProductSegment } from '../analysis/scope/index.js';
import type { ChainModel } from '../graph/model.js';
import { chainIndex, isLocalIdx } from '../graph/queries.js';
import { round } from '../internal/format.js';
import type { Locale } from '../model/issues.js';
import { LINK_STATUSES, type LinkStatus } from '../model/vocabulary.js';
import { chainView, type ChainViewOptions } from './chain-view.js';
import { labelOf, pick, ROLE_LABELS } from './labels.js';
import { FONT_FAMILY } from './chain-map.js';

/** ECharts title component. */
export interface EChartsTitle {
  text: string;
  subtext?: string;
  left?: string;
}

/** A node of a graph series. */
export interface EChartsGraphNode {
  id: string;
  name: string;
  category: number;
  symbol?: string;
  symbolSize: number;
  /** Output in 亿元 where known. */
  value?: number;
  itemStyle?: { color?: string; borderColor?: string; borderWidth?: number; borderType?: 'solid' | 'dashed' };
  label?: { show?: boolean; fontWeight?: 'bold' | 'normal' };
  tooltip?: { formatter: string };
}

/** An edge of a graph series. */
export interface EChartsGraphLink {
  source: string;
  target: string;
  value?: number;
  lineStyle?: { type?: 'solid' | 'dashed'; width?: number; opacity?: number; color?: string; curveness?: number };
  tooltip?: { formatter: string };
}

/** A graph series. */
export interface EChartsGraphSeries {
  type: 'graph';
  name: string;
  layout: 'force';
  roam: boolean;
  draggable: boolean;
  categories: { name: string; itemStyle?: { color: string } }[];
  data: EChartsGraphNode[];
  links: EChartsGraphLink[];
  edgeSymbol: [string, string];
  edgeSymbolSize: [number, number];
  force: { repulsion: number; edgeLength: number; gravity: number };
  label: { show: boolean; position: 'right' | 'inside'; fontSize: number };
  emphasis: { focus: 'adjacency' };
}

/** A node of a sankey series. */
export interface EChartsSankeyNode {
  name: string;
  /** Column (topological generation) of the segment. */
  depth: number;
  itemStyle?: { color?: string; borderColor?: string; borderType?: 'solid' | 'dashed'; borderWidth?: number };
  tooltip?: { formatter: string };
}

/** A link of a sankey series. */
export interface EChartsSankeyLink {
  source: string;
  target: string;
  value: number;
  tooltip?: { formatter: string };
}

/** A sankey series. */
export interface EChartsSankeySeries {
  type: 'sankey';
  name: string;
  layoutIterations: number;
  nodeAlign: 'left' | 'right' | 'justify';
  data: EChartsSankeyNode[];
  links: EChartsSankeyLink[];
  label: { fontSize: number };
  lineStyle: { color: 'source' | 'target' | 'gradient'; opacity: number; curveness: number };
  emphasis: { focus: 'adjacency' };
}

/** What a sankey link's value measures. */
export type SankeyValueBasis = 'output' | 'links' | 'structure';

interface OptionBase {
  title: EChartsTitle;
  tooltip: { trigger: 'item' };
  textStyle: { fontFamily: string };
}

/** The option of a graph chart. */
export interface EChartsGraphOption extends OptionBase {
  legend: { data: string[]; bottom: number }[];
  series: [EChartsGraphSeries];
}

/** The option of a sankey chart, with what its values mean. */
export interface EChartsSankeyOption extends OptionBase {
  series: [EChartsSankeySeries];
}

/** An ECharts option as produced by {@link toEChartsOption}. */
export type EChartsOption = EChartsGraphOption | EChartsSankeyOption;

/** Options of {@link toEChartsOption}. */
export interface EChartsOptions extends ChainViewOptions {
  /** `graph` (enterprises and segments) or `sankey` (segment flows). */
  kind: 'graph' | 'sankey';
  /** Language of the labels. Default `'zh-CN'`. */
  locale?: Locale;
  /** Link statuses drawn (graph) and counted (sankey). Default `['active', 'brokered']`. */
  linkStatuses?: readonly LinkStatus[];
}

const TOOLTIP_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '{': '&#123;', '}': '&#125;' };

/**
 * Escapes user text for an ECharts tooltip formatter string, which ECharts fills as a template
 * (`{a}`, `{b}`, `{c}`, `{@field}`) and then shows as HTML: `& < > " '` become entities, and so
 * do `{` and `}`, so that no name can open a tag or a template variable. The browser shows the
 * text as written.
 *
 * @example
 * escapeEChartsText('<img src=x onerror=alert(1)>{b}') // → '&lt;img src=x onerror=alert(1)&gt;&#123;b&#125;'
 */
export function escapeEChartsText(text: string): string {
  return text.replace(/[&<>"'{}]/gu, (c) => TOOLTIP_ESCAPES[c]!);
}

const tip = escapeEChartsText;

const STATE_COLOR = { present: '#2e7d32', thin: '#ef6c00', missing: '#bdbdbd' };

const TEXT = {
  categories: {
    zh: ['环节·本地已有', '环节·短板', '环节·缺链', '链主', '本地企业', '外地企业'],
    en: ['segment · present', 'segment · thin', 'segment · missing', 'chain leader', 'local firm', 'outside firm'],
  },
  basis: {
    output: { zh: '流量 = 投入系数 × 本地下游环节产值（亿元）', en: 'value = input coefficient × local output of the receiving segment (亿元)' },
    links: {
      zh: '流量 = 已记录的供货关系数（投入系数或本地产值不全，未按金额计）',
      en: 'value = number of recorded supply links (coefficients or local outputs incomplete, so not in 亿元)',
    },
    structure: {
      zh: '每条流向计 1（无投入系数×产值，也无供货记录：仅示结构）',
      en: 'each flow counts 1 (neither coefficient × output nor supply links known: structure only)',
    },
  },
};

/**
 * An ECharts option for a chain in a region: a `graph` of enterprises and segments with supply
 * links, or a `sankey` of the segment flows (see the file header for what the values are).
 * JSON-serialisable; no function values. User text in tooltips is escaped for HTML and for
 * ECharts' template syntax ({@link escapeEChartsText}); labels and titles are drawn as canvas
 * text, which ECharts does not read as HTML.
 *
 * @example
 * const option = toEChartsOption(model, { chain: 'wind-power', region: 'jiuquan', kind: 'sankey' });
 * chart.setOption(option); // in the browser, with echarts loaded
 * option.series[0].links[0]; // { source: '钢材', target: '塔筒', value: 1, ... }
 */
export function toEChartsOption(model: ChainModel, options: EChartsOptions & { kind: 'graph' }): EChartsGraphOption;
export function toEChartsOption(model: ChainModel, options: EChartsOptions & { kind: 'sankey' }): EChartsSankeyOption;
export function toEChartsOption(model: ChainModel, options: EChartsOptions): EChartsOption;
export function toEChartsOption(model: ChainModel, options: EChartsOptions): EChartsOption {
  const view = chainView(model, options);
  const locale = options.locale ?? 'zh-CN';
  const statuses = new Set(options.linkStatuses ?? ['active', 'brokered']);
  const c = chainIndex(model, view.chain);
  const { index, dataset } = model;
  const r = index.regions.byId.get(view.region)!;
  const s0 = index.segments.chainStart[c]!;
  const s1 = index.segments.chainStart[c + 1]!;
  const base: OptionBase = {
    title: { text: '', left: 'center' },
    tooltip: { trigger: 'item' },
    textStyle: { fontFamily: FONT_FAMILY },
  };

  // supply links of the chain: product segment in the chain, or both ends active in it
  const member = new Uint8Array(index.enterprises.ids.length);
  for (let s = s0; s < s1; s++)
    for (let k = index.segments.enterprises.offsets[s]!; k < index.segments.enterprises.offsets[s + 1]!; k++) member[index.segments.enterprises.items[k]!] = 1;
  const chainLinks: { link: number; segment: number }[] = [];
  for (let k = 0; k < index.links.from.length; k++) {
    if (!statuses.has(LINK_STATUSES[index.links.status[k]!]!)) continue;
    const placed = linkProductSegment(model, k, c);
    if (placed.segment >= 0 || (placed.basis !== 'other-chain' && member[index.links.from[k]!] && member[index.links.to[k]!]))
      chainLinks.push({ link: k, segment: placed.segment });
  }

  if (options.kind === 'sankey') {
    const names = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const s of view.segments) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
    for (const s of view.segments) names.set(s.id, counts.get(s.name)! > 1 ? `${s.name}（${s.id}）` : s.name);
    const byId = new Map(view.segments.map((s) => [s.id, s]));
    const outputValues = view.flows.map((f) => {
      const x = byId.get(f.to)!.localOutput;
      return f.coefficient !== null && x !== null ? f.coefficient * x : null;
    });
    // supply links between firms of the two segments of each flow
    const linkCounts = view.flows.map((f) => {
      const from = index.segments.byKey.get(`${view.chain}/${f.from}`)!;
      const to = index.segments.byKey.get(`${view.chain}/${f.to}`)!;
      const inSeg = (e: number, s: number) => {
        for (let k = index.enterprises.segments.offsets[e]!; k < index.enterprises.segments.offsets[e + 1]!; k++) if (index.enterprises.segments.items[k] === s) return true;
        return false;
      };
      return chainLinks.filter(({ link, segment }) => (segment < 0 || segment === from) && inSeg(index.links.from[link]!, from) && inSeg(index.links.to[link]!, to)).length;
    });
    const basis: SankeyValueBasis =
      view.flows.length > 0 && outputValues.every((v) => v !== null && v > 0) ? 'output' : linkCounts.some((n) => n > 0) ? 'links' : 'structure';
    const links: EChartsSankeyLink[] = [];
    view.flows.forEach((f, k) => {
      const value = basis === 'output' ? round(outputValues[k]!, 4) : basis === 'links' ? linkCounts[k]! : 1;
      if (value <= 0) return;
      const coefficient = f.coefficient === null ? (locale === 'en' ? 'n/a' : '无') : String(f.coefficient);
      links.push({
        source: names.get(f.from)!,
        target: names.get(f.to)!,
        value,
        tooltip: {
          formatter:
            locale === 'en'
              ? `${tip(names.get(f.from)!)} → ${tip(names.get(f.to)!)}: ${value}${basis === 'output' ? ' 亿元' : basis === 'links' ? ' link(s)' : ''} (coefficient ${coefficient})`
              : `${tip(names.get(f.from)!)} → ${tip(names.get(f.to)!)}：${value}${basis === 'output' ? '亿元' : basis === 'links' ? ' 条供货关系' : ''}（投入系数 ${coefficient}）`,
        },
      });
    });
    const used = new Set(links.flatMap((l) => [l.source, l.target]));
    const data: EChartsSankeyNode[] = view.segments
      .filter((s) => used.has(names.get(s.id)!))
      .map((s) => ({
        name: names.get(s.id)!,
        depth: s.generation,
        itemStyle: { color: STATE_COLOR[s.state], ...(s.state === 'missing' ? { borderColor: '#c62828', borderType: 'dashed' as const, borderWidth: 1 } : {}) },
        tooltip: {
          formatter: `${tip(s.name)}：${s.enterprises.length === 0 ? pick({ zh: '无本地企业', en: 'no local firm' }, locale) : s.enterprises.map((e) => tip(e.name)).join('、')}`,
        },
      }));
    return {
      ...base,
      title: {
        text: locale === 'en' ? `${view.chainName} · ${view.regionName}: segment flows` : `${view.chainName} · ${view.regionName}：环节流向`,
        subtext: pick(TEXT.basis[basis], locale),
        left: 'center',
      },
      series: [
        {
          type: 'sankey',
          name: view.chainName,
          layoutIterations: 32,
          nodeAlign: 'left',
          data,
          links,
          label: { fontSize: 12 },
          lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
          emphasis: { focus: 'adjacency' },
        },
      ],
    };
  }

  // graph
  const categoryNames = locale === 'en' ? TEXT.categories.en : TEXT.categories.zh;
  const categoryColors = [STATE_COLOR.present, STATE_COLOR.thin, STATE_COLOR.missing, '#b71c1c', '#1565c0', '#8e24aa'];
  const nodes: EChartsGraphNode[] = view.segments.map((s) => ({
    id: `segment:${s.id}`,
    name: s.name,
    category: s.state === 'present' ? 0 : s.state === 'thin' ? 1 : 2,
    symbol: 'roundRect',
    symbolSize: 26,
    ...(s.state === 'missing' ? { itemStyle: { borderColor: '#c62828', borderWidth: 1, borderType: 'dashed' as const } } : {}),
    label: { show: true, fontWeight: 'bold' },
    tooltip: { formatter: `${tip(s.name)} (${tip(s.id)})` },
  }));
  const links: EChartsGraphLink[] = [];
  const enterpriseNodes = new Set<number>();
  const addEnterprise = (e: number) => {
    if (enterpriseNodes.has(e)) return;
    enterpriseNodes.add(e);
    const record = dataset.enterprises[e]!;
    const role = record.chainRoles?.find((x) => x.chain === view.chain)?.role ?? record.role;
    const local = isLocalIdx(model, e, r);
    const output = record.output;
    nodes.push({
      id: `enterprise:${record.id}`,
      name: record.name,
      category: role === 'leader' && local ? 3 : local ? 4 : 5,
      symbol: 'circle',
      symbolSize: output === undefined ? 12 : Math.min(44, 12 + 4 * Math.sqrt(output)),
      ...(output === undefined ? {} : { value: output }),
      label: { show: local, fontWeight: role === 'leader' ? 'bold' : 'normal' },
      tooltip: {
        formatter: [
          tip(record.name),
          role === undefined ? '' : tip(labelOf(ROLE_LABELS, role, locale)),
          tip(dataset.regions[index.enterprises.region[e]!]!.name),
          output === undefined ? '' : locale === 'en' ? `output ${output} 亿元` : `产值 ${output}亿元`,
        ]
          .filter((x) => x !== '')
          .join(' · '),
      },
    });
  };
  for (let s = s0; s < s1; s++) {
    const seg = view.segments[s - s0]!;
    for (let k = index.segments.enterprises.offsets[s]!; k < index.segments.enterprises.offsets[s + 1]!; k++) {
      const e = index.segments.enterprises.items[k]!;
      addEnterprise(e);
      links.push({
        source: `enterprise:${index.enterprises.ids[e]!}`,
        target: `segment:${seg.id}`,
        lineStyle: { type: 'dashed', width: 1, opacity: 0.35 },
      });
    }
  }
  for (const { link } of chainLinks) {
    const from = index.links.from[link]!;
    const to = index.links.to[link]!;
    addEnterprise(from);
    addEnterprise(to);
    const value = index.links.value[link]!;
    const status = LINK_STATUSES[index.links.status[link]!]!;
    links.push({
      source: `enterprise:${index.enterprises.ids[from]!}`,
      target: `enterprise:${index.enterprises.ids[to]!}`,
      ...(Number.isNaN(value) ? {} : { value }),
      lineStyle: { type: 'solid', width: Number.isNaN(value) ? 1.5 : Math.min(8, 1.5 + Math.sqrt(value)), opacity: 0.8, curveness: 0.15 },
      tooltip: {
        formatter: `${tip(dataset.enterprises[from]!.name)} → ${tip(dataset.enterprises[to]!.name)} (${status}${Number.isNaN(value) ? '' : `, ${value} 亿元`})`,
      },
    });
  }
  return {
    ...base,
    title: {
      text: locale === 'en' ? `${view.chainName} · ${view.regionName}: firms and segments` : `${view.chainName} · ${view.regionName}：企业与环节`,
      subtext:
        locale === 'en'
          ? `${view.segments.length} segments, ${enterpriseNodes.size} firms, ${chainLinks.length} supply links`
          : `${view.segments.length} 个环节、${enterpriseNodes.size} 家企业、${chainLinks.length} 条供货关系`,
      left: 'center',
    },
    legend: [{ data: categoryNames, bottom: 0 }],
    series: [
      {
        type: 'graph',
        name: view.chainName,
        layout: 'force',
        roam: true,
        draggable: true,
        categories: categoryNames.map((name, i) => ({ name, itemStyle: { color: categoryColors[i]! } })),
        data: nodes,
        links,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, 7],
        force: { repulsion: 160, edgeLength: 70, gravity: 0.08 },
        label: { show: true, position: 'right', fontSize: 11 },
        emphasis: { focus: 'adjacency' },
      },
    ],
  };
}
