import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGaps } from '../../src/analysis/gaps/index.js';
import { buildModel, type ChainModel } from '../../src/graph/model.js';
import { enterprisesIn } from '../../src/graph/queries.js';
import { ChainError } from '../../src/model/issues.js';
import { parseDataset } from '../../src/model/parse.js';
import { renderChainMap } from '../../src/render/chain-map.js';
import { textWidth } from '../../src/render/text.js';
import { datasetArbitrary } from '../support/arbitraries.js';
import { deepFreeze } from '../support/freeze.js';
import { seedModel } from '../support/seeds.js';
import { assertWellFormed, largeModel, readChainMap, windInput, windModel, type MapBox } from './helpers.js';

/** The line counting a box's firms beyond those named (projects have a line of their own: 另 N 项 / project(s)). */
const MORE = /^\+(\d+) more(?:（另 \d+ 家）)?$/u;

/** A firm line without its ★ and status suffix. */
function bare(text: string): string {
  return text.replace(/^★ /u, '').replace(/（[^（）]*）$/u, '').replace(/ \([^()]*\)$/u, '');
}

/**
 * Checks that every local enterprise of each segment is named in its box — by its name, an
 * alias, or a prefix of either cut with "…" — or counted in the box's "+N more" line. Returns the
 * number of firms counted in "+N more" lines.
 */
function checkNamed(model: ChainModel, chain: string, region: string, boxes: MapBox[]): number {
  let hidden = 0;
  for (const box of boxes) {
    const firms = enterprisesIn(model, { chain, segment: box.segment, region }).map(
      (id) => model.dataset.enterprises[model.index.enterprises.byId.get(id)!]!,
    );
    const lines = box.texts.map((t) => bare(t.text));
    const used = new Set<number>();
    let unnamed = 0;
    for (const firm of firms) {
      const names = [firm.name, ...(firm.aliases ?? [])];
      const k = lines.findIndex(
        (line, i) => !used.has(i) && names.some((n) => n === line || (line.endsWith('…') && line.length > 1 && n.startsWith(line.slice(0, -1)))),
      );
      if (k >= 0) used.add(k);
      else unnamed++;
    }
    const more = box.texts.map((t) => MORE.exec(t.text)).find((m) => m !== null);
    expect(unnamed, `segment ${box.segment}: ${unnamed} firm(s) neither named nor counted`).toBe(more ? Number(more[1]) : 0);
    hidden += unnamed;
  }
  return hidden;
}

/** Checks every text of every box ends within the box by the measure of ../src/render/text.ts. */
function checkFits(boxes: MapBox[]): void {
  for (const box of boxes) {
    expect(box.width).toBeGreaterThan(0);
    for (const t of box.texts) {
      expect(t.anchor).toBe('start');
      expect(t.x + textWidth(t.text, t.size), `"${t.text}" in ${box.segment}`).toBeLessThanOrEqual(box.width);
    }
  }
}

/** Found by the property below: four projects and no firm in one segment; their "+2 more" line is not a count of firms. */
const PROJECTS_ONLY = parseDataset(
  {
    meta: { id: 'generated', name: '生成的数据集', region: 'r0' },
    regions: [{ id: 'r0', name: '地区0', kind: 'province' }],
    chains: [{ id: 'c0', name: '产业链0', segments: [{ id: 's0', name: '环节0', stage: 'upstream' }], flows: [] }],
    projects: [0, 1, 2, 3].map((k) => ({ id: `p${k}`, name: `项目${k}`, region: 'r0', status: '在建' as const, chain: 'c0', segment: 's0' })),
  },
  { templates: [] },
);

describe('renderChainMap', () => {
  const model = windModel();

  it('is a well-formed SVG document with a box per segment and an arrow per flow', () => {
    const svg = renderChainMap(model, { chain: 'wind' });
    assertWellFormed(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const { boxes, tags } = readChainMap(svg);
    expect(boxes.map((b) => b.segment).sort()).toEqual(['blade', 'farm', 'fastener', 'steel', 'turbine']);
    expect(tags.filter((t) => t === 'marker')).toHaveLength(1);
    expect(svg.match(/class="ic-flow"/gu)).toHaveLength(4);
    expect(svg.match(/class="ic-flow"[^>]*marker-end="url\(#/gu)).toHaveLength(4);
  });

  it('orders columns by flow: 钢材 and 叶片 first, then 紧固件, 整机, 风电场', () => {
    const svg = renderChainMap(model, { chain: 'wind' });
    const x = (segment: string) => Number(new RegExp(`data-segment="${segment}" transform="translate\\(([\\d.]+),`, 'u').exec(svg)![1]);
    expect(x('steel')).toBe(x('blade'));
    expect(x('steel')).toBeLessThan(x('fastener'));
    expect(x('fastener')).toBeLessThan(x('turbine'));
    expect(x('turbine')).toBeLessThan(x('farm'));
  });

  it('draws each kind of gap apart: missing, thin, external dependency, being filled', () => {
    const { boxes } = readChainMap(renderChainMap(model, { chain: 'wind' }));
    const classes = (segment: string) => boxes.find((b) => b.segment === segment)!.classes;
    // 钢材: no local firm (missing), bought from 宝钢 outside by 瑞达 (external), the steel mill project under way (filling)
    expect(classes('steel')).toEqual(expect.arrayContaining(['ic-missing', 'ic-filling', 'ic-external']));
    expect(classes('farm')).toEqual(expect.arrayContaining(['ic-missing']));
    expect(classes('farm')).not.toContain('ic-filling');
    expect(classes('fastener')).toContain('ic-thin');
    expect(classes('blade')).toContain('ic-thin');
    const steel = boxes.find((b) => b.segment === 'steel')!.texts.map((t) => t.text);
    expect(steel).toContain('在建：酒泉钢材加工项目 2025年');
    expect(steel).toEqual(expect.arrayContaining(['缺链', '外部依赖 1', '补链中']));
  });

  it('marks the 链主 with ★ in bold and names non-operating firms with their status', () => {
    const svg = renderChainMap(model, { chain: 'wind' });
    // the full name does not fit the box: the alias does
    expect(svg).toMatch(/<text [^>]*font-weight="700"[^>]*><title>★ 甘肃省云风智慧风电设备有限公司<\/title>★ 云风智慧<\/text>/u);
    expect(readChainMap(svg).texts).toContain('瑞达紧固件（在建）');
  });

  it('names every local firm and no outside firm', () => {
    const svg = renderChainMap(model, { chain: 'wind' });
    const { boxes, texts } = readChainMap(svg);
    expect(checkNamed(model, 'wind', 'jiuquan', boxes)).toBe(0);
    expect(texts.join('\n')).not.toMatch(/金风|宝钢/u);
    // a region deeper down: only 酒泉经开区's firms
    const zone = readChainMap(renderChainMap(model, { chain: 'wind', region: 'jq-etdz' }));
    expect(zone.texts.join('\n')).not.toContain('瑞达');
    expect(checkNamed(model, 'wind', 'jq-etdz', zone.boxes)).toBe(0);
  });

  it('writes English labels with locale en', () => {
    const svg = renderChainMap(model, { chain: 'wind', locale: 'en' });
    expect(svg).toContain('风电装备 chain map · 酒泉市');
    expect(readChainMap(svg).texts).toEqual(expect.arrayContaining(['missing', 'thin', 'being filled', '瑞达紧固件 (building)']));
  });

  it('escapes names so the SVG stays well-formed, and drops characters XML cannot hold', () => {
    const input = windInput();
    input.enterprises![1] = { ...input.enterprises![1]!, name: `A&B <"叶片"> 'Co'\u0001`, aliases: [] };
    const hostile = buildModel(parseDataset(input, { templates: [] }), { templates: [] });
    const svg = renderChainMap(hostile, { chain: 'wind' });
    assertWellFormed(svg);
    expect(svg).not.toContain('\u0001');
    expect(readChainMap(svg).texts).toContain(`A&B <"叶片"> 'Co'`);
  });

  it('is deterministic, does not mutate the dataset, and accepts gaps computed beforehand', () => {
    const frozen = buildModel(deepFreeze(parseDataset(windInput(), { templates: [] })), { templates: [] });
    const a = renderChainMap(frozen, { chain: 'wind' });
    const gaps = findGaps(frozen, { chain: 'wind', region: 'jiuquan' });
    expect(renderChainMap(frozen, { chain: 'wind', gaps })).toBe(a);
    expect(renderChainMap(windModel(), { chain: 'wind' })).toBe(a);
    expect(() => renderChainMap(frozen, { chain: 'wind', region: 'jq-etdz', gaps })).toThrow(ChainError);
  });

  it('throws a ChainError listing the valid ids for an unknown chain or region', () => {
    expect(() => renderChainMap(model, { chain: 'solar' })).toThrow('未知产业链 "solar"；数据集中的产业链：wind（风电装备）');
    try {
      renderChainMap(model, { chain: 'wind', region: 'mars' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChainError);
      expect((error as ChainError).details.valid).toContain('jiuquan');
    }
  });

  it('stays legible at 34 segments and 228 local firms: labels fit their boxes, the rest is "+N more"', () => {
    const big = largeModel();
    expect(enterprisesIn(big, { chain: 'big', region: 'city' }).length).toBeGreaterThanOrEqual(200);
    const svg = renderChainMap(big, { chain: 'big' });
    assertWellFormed(svg);
    const { boxes } = readChainMap(svg);
    expect(boxes).toHaveLength(34);
    checkFits(boxes);
    const hidden = checkNamed(big, 'big', 'city', boxes);
    expect(hidden).toBeGreaterThan(0);
    expect(svg).toMatch(/\+\d+ more/u);
    // long names are cut with "…", never drawn past the box
    expect(boxes.some((b) => b.texts.some((t) => t.text.endsWith('…')))).toBe(true);
    // a generation of more than 8 segments would be split; none here has more than 6, so 6 columns
    const xs = new Set([...svg.matchAll(/data-segment="[^"]+" transform="translate\(([\d.]+),/gu)].map((m) => m[1]));
    expect(xs.size).toBe(6);
    // with 3 lines per box at most 2 firms are listed before "+N more"
    const tight = readChainMap(renderChainMap(big, { chain: 'big', maxEnterprises: 3, maxPerColumn: 3 }));
    checkFits(tight.boxes);
    expect(checkNamed(big, 'big', 'city', tight.boxes)).toBeGreaterThan(hidden);
  });

  it.each(['jiuquan', 'yuncheng', 'linfen'])('names every local firm of every chain of the %s seed, none hidden', (seed) => {
    const m = seedModel(seed);
    const region = m.dataset.meta.region!;
    for (const chain of m.chains) {
      const svg = renderChainMap(m, { chain: chain.id });
      assertWellFormed(svg);
      const { boxes } = readChainMap(svg);
      expect(boxes).toHaveLength(chain.segments.length);
      checkFits(boxes);
      expect(checkNamed(m, chain.id, region, boxes)).toBe(0);
      expect(svg).not.toMatch(/\+\d+ more/u);
    }
  });

  it('names or counts every local firm on any valid dataset (property)', () => {
    fc.assert(
      fc.property(datasetArbitrary({ maxEnterprises: 30, maxSegments: 8 }), fc.nat(), (dataset, pick) => {
        const m = buildModel(deepFreeze(dataset), { templates: [] });
        const region = dataset.regions[pick % dataset.regions.length]!.id;
        for (const chain of m.chains) {
          const svg = renderChainMap(m, { chain: chain.id, region, maxEnterprises: 2 });
          assertWellFormed(svg);
          const { boxes } = readChainMap(svg);
          checkFits(boxes);
          checkNamed(m, chain.id, region, boxes);
        }
      }),
      { numRuns: 40, examples: [[PROJECTS_ONLY, 0]] },
    );
  });
});
