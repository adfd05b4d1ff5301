/**
 * Helpers of the render tests: a strict XML check and a walk over a chain map's SVG, and the
 * datasets the tests draw.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildModel, type ChainModel } from '../../src/graph/model.js';
import { parseDataset } from '../../src/model/parse.js';
import type { DatasetInput } from '../../src/model/schema.js';

/** Throws with the parser's message when the text is not well-formed XML. */
export function assertWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`not well-formed XML: ${result.err.msg} (line ${result.err.line}, col ${result.err.col})`);
}

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false, htmlEntities: true });

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

function attrs(node: Node): Record<string, string> {
  const raw = (node[':@'] ?? {}) as Record<string, string>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^@_/u, ''), v]));
}

function children(node: Node): Node[] {
  const tag = tagOf(node);
  return tag === undefined || tag === '#text' ? [] : (node[tag] as Node[]);
}

/** The visible text of a `<text>` element: its text nodes, not its `<title>`. */
function visibleText(node: Node): string {
  return children(node)
    .filter((c) => tagOf(c) === '#text')
    .map((c) => String(c['#text']))
    .join('');
}

/** A text element of a segment box: position and size as written. */
export interface BoxText {
  text: string;
  x: number;
  size: number;
  anchor: string;
}

/** A segment box of a chain map. */
export interface MapBox {
  segment: string;
  classes: string[];
  width: number;
  texts: BoxText[];
}

/** Every element's tag, depth first, and the segment boxes (`<g class="ic-seg">`) with their texts. */
export function readChainMap(svg: string): { tags: string[]; boxes: MapBox[]; texts: string[] } {
  const tags: string[] = [];
  const boxes: MapBox[] = [];
  const texts: string[] = [];
  const walk = (nodes: Node[], box: MapBox | null) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === undefined || tag === '#text') continue;
      tags.push(tag);
      const a = attrs(node);
      let current = box;
      if (tag === 'g' && (a.class ?? '').split(' ').includes('ic-seg')) {
        current = { segment: a['data-segment'] ?? '', classes: (a.class ?? '').split(' '), width: 0, texts: [] };
        boxes.push(current);
      }
      // the "外" badge of an external dependency sits outside the box's corner on purpose
      if (tag === 'g' && (a.class ?? '') === 'ic-external-badge') current = null;
      if (tag === 'rect' && current && (a.class ?? '') === 'ic-box') current.width = Number(a.width);
      if (tag === 'text') {
        const text = visibleText(node);
        texts.push(text);
        if (current) current.texts.push({ text, x: Number(a.x), size: Number(a['font-size']), anchor: a['text-anchor'] ?? 'start' });
      }
      walk(children(node), current);
    }
  };
  walk(parser.parse(svg) as Node[], null);
  return { tags, boxes, texts };
}

/**
 * A chain of `segments` segments in `tiers` tiers (every segment of tier t flows into two of
 * tier t + 1), with `firms` local firms spread unevenly (segment k gets about k² shares), some
 * with long Chinese or Latin names, a 链主, statuses other than operating, and outside firms
 * that must not be drawn. Regions: a city with a zone and a park inside it, and another province.
 */
export function largeModel(segments = 34, firms = 230, tiers = 6): ChainModel {
  const segs = Array.from({ length: segments }, (_, k) => ({
    id: `seg-${k}`,
    name: k % 5 === 0 ? `超长环节名称用于测试换行与截断效果第${k}号` : `环节${k}`,
    stage: (k < segments / 3 ? 'upstream' : k < (2 * segments) / 3 ? 'midstream' : 'downstream') as 'upstream',
  }));
  const tierOf = (k: number) => Math.floor((k * tiers) / segments);
  const flows: { from: string; to: string; coefficient?: number }[] = [];
  for (let a = 0; a < segments; a++)
    for (let b = a + 1; b < segments; b++)
      if (tierOf(b) === tierOf(a) + 1 && (a + b) % 3 !== 0) flows.push({ from: `seg-${a}`, to: `seg-${b}`, coefficient: 0.05 });
  const weights = segs.map((_, k) => (k % 4 === 3 ? 0 : (k % 7) ** 2 + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const enterprises: DatasetInput['enterprises'] = [];
  let n = 0;
  segs.forEach((seg, k) => {
    const count = Math.round((weights[k]! / total) * firms);
    for (let i = 0; i < count; i++, n++) {
      const long = n % 3 === 0;
      enterprises.push({
        id: `firm-${n}`,
        name: long
          ? n % 2 === 0
            ? `甘肃省酒泉市某某新能源装备制造股份有限公司第${n}分公司`
            : `Northwest Renewable Energy Equipment Manufacturing Co Ltd ${n}`
          : `企业${n}`,
        ...(n % 6 === 0 ? { aliases: [`简称${n}`] } : {}),
        region: ['city', 'zone', 'park'][n % 3]!,
        segments: [{ chain: 'big', segment: seg.id }],
        ...(n % 41 === 0 ? { role: '链主' as const } : {}),
        ...(n % 9 === 0 ? { status: '在建' as const } : n % 13 === 0 ? { status: '签约' as const } : {}),
      });
    }
  });
  for (let i = 0; i < 12; i++)
    enterprises.push({ id: `outside-${i}`, name: `外地企业${i}`, region: 'other', segments: [{ chain: 'big', segment: `seg-${(i * 5) % segments}` }] });
  const dataset = parseDataset(
    {
      meta: { id: 'large', name: '大规模测试', region: 'city' },
      regions: [
        { id: 'prov', name: '某省', kind: 'province' },
        { id: 'city', name: '某市', kind: 'city', parent: 'prov' },
        { id: 'zone', name: '某开发区', kind: 'zone', parent: 'city' },
        { id: 'park', name: '某园区', kind: 'park', parent: 'zone' },
        { id: 'other', name: '外省', kind: 'province' },
      ],
      chains: [{ id: 'big', name: '大型测试产业链', segments: segs, flows }],
      enterprises,
      projects: [{ id: 'p1', name: '补链项目一期', region: 'zone', chain: 'big', segment: 'seg-3', status: '在建', productionYear: 2026 }],
    },
    { templates: [] },
  );
  return buildModel(dataset, { templates: [] });
}

/**
 * A small wind chain in 酒泉: 钢材 → 紧固件 → 整机 ← 叶片, 整机 → 风电场. Local: 云风智慧 (链主, 整机,
 * 40亿元), 九鼎 (叶片, 8亿元, alias 九鼎叶片), 瑞达 (紧固件, in 玉门, 在建); outside: 金风 (整机,
 * 新疆), 宝钢 (钢材, 上海) supplying 瑞达. Links: 九鼎 → 云风 (brokered, 2亿元), 瑞达 → 云风 (active),
 * 宝钢 → 瑞达 (active, 1.5亿元). A project fills 钢材 (在建, 2025). Targets: 酒泉 output 100亿元 by 2026.
 */
export function windInput(): DatasetInput {
  return {
    meta: { id: 'wind-test', name: '风电测试', region: 'jiuquan', updated: '2024-04' },
    sources: [{ id: 'doc-003', title: '酒泉一季度项目建设报道', date: '2024-04-16' }],
    regions: [
      { id: 'gansu', name: '甘肃省', kind: '省' },
      { id: 'jiuquan', name: '酒泉市', kind: '市', parent: 'gansu' },
      { id: 'jq-etdz', name: '酒泉经开区', kind: '开发区', parent: 'jiuquan' },
      { id: 'yumen', name: '玉门市', kind: '县', parent: 'jiuquan' },
      { id: 'xinjiang', name: '新疆', kind: '省' },
      { id: 'shanghai', name: '上海市', kind: '市' },
    ],
    chains: [
      {
        id: 'wind',
        name: '风电装备',
        segments: [
          { id: 'steel', name: '钢材', stage: '上游' },
          { id: 'blade', name: '叶片', stage: '中游' },
          { id: 'fastener', name: '紧固件', stage: '中游' },
          { id: 'turbine', name: '整机', stage: '中游' },
          { id: 'farm', name: '风电场', stage: '下游' },
        ],
        flows: [
          { from: 'steel', to: 'fastener', coefficient: 0.4 },
          { from: 'blade', to: 'turbine', coefficient: 0.2 },
          { from: 'fastener', to: 'turbine', coefficient: 0.05 },
          { from: 'turbine', to: 'farm', coefficient: 0.5 },
        ],
      },
    ],
    enterprises: [
      { id: 'yunfeng', name: '甘肃省云风智慧风电设备有限公司', aliases: ['云风智慧'], region: 'jq-etdz', segments: [{ chain: 'wind', segment: 'turbine' }], role: '链主', output: 40, outputYear: 2023 },
      { id: 'jiuding', name: '九鼎风电叶片', aliases: ['九鼎叶片'], region: 'jq-etdz', segments: [{ chain: 'wind', segment: 'blade' }], role: '配套', output: 8, outputYear: 2023 },
      { id: 'ruida', name: '瑞达紧固件', region: 'yumen', segments: [{ chain: 'wind', segment: 'fastener' }], status: '在建' },
      { id: 'goldwind', name: '金风科技', region: 'xinjiang', segments: [{ chain: 'wind', segment: 'turbine' }], output: 500 },
      { id: 'baosteel', name: '宝钢', region: 'shanghai', segments: [{ chain: 'wind', segment: 'steel' }] },
    ],
    links: [
      { from: 'jiuding', to: 'yunfeng', status: '撮合', value: 2 },
      { from: 'ruida', to: 'yunfeng' },
      { from: 'baosteel', to: 'ruida', value: 1.5 },
    ],
    projects: [{ id: 'steel-mill', name: '酒泉钢材加工项目', region: 'jq-etdz', chain: 'wind', segment: 'steel', status: '在建', productionYear: 2025, expectedOutput: 5 }],
    targets: [{ id: 'jq-output-2026', scope: { region: 'jiuquan' }, metric: '产值', value: 100, unit: '亿元', year: 2026 }],
    indicators: [{ id: 'jq-output-2023', scope: { region: 'jiuquan' }, metric: '产值', value: 60, unit: '亿元', year: 2023, growth: 12 }],
  };
}

/** The model of {@link windInput}. */
export function windModel(): ChainModel {
  return buildModel(parseDataset(windInput(), { templates: [] }), { templates: [] });
}
