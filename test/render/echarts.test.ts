import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/graph/model.js';
import { parseDataset } from '../../src/model/parse.js';
import { toEChartsOption } from '../../src/render/echarts.js';
import { datasetArbitrary } from '../support/arbitraries.js';
import { deepFreeze } from '../support/freeze.js';
import { seedModel } from '../support/seeds.js';
import { windInput, windModel } from './helpers.js';

describe('toEChartsOption: graph', () => {
  const option = toEChartsOption(windModel(), { chain: 'wind', kind: 'graph' });
  const series = option.series[0];

  it('has segments and the chain’s enterprises as nodes, with categories', () => {
    expect(series.type).toBe('graph');
    expect(series.categories.map((c) => c.name)).toEqual(['环节·本地已有', '环节·短板', '环节·缺链', '链主', '本地企业', '外地企业']);
    const category = Object.fromEntries(series.data.map((n) => [n.id, n.category]));
    expect(category).toEqual({
      'segment:steel': 2,
      'segment:blade': 1,
      'segment:fastener': 1,
      // the 链主 云风's own segment: present, not a 短板 for having one firm
      'segment:turbine': 0,
      'segment:farm': 2,
      'enterprise:yunfeng': 3,
      'enterprise:jiuding': 4,
      'enterprise:ruida': 4,
      'enterprise:goldwind': 5,
      'enterprise:baosteel': 5,
    });
  });

  it('links each firm to its segment and draws the counted supply links with their values', () => {
    const ids = new Set(series.data.map((n) => n.id));
    for (const link of series.links) {
      expect(ids.has(link.source)).toBe(true);
      expect(ids.has(link.target)).toBe(true);
    }
    const supply = series.links.filter((l) => l.source.startsWith('enterprise:') && l.target.startsWith('enterprise:'));
    expect(supply.map((l) => [l.source, l.target, l.value])).toEqual([
      ['enterprise:jiuding', 'enterprise:yunfeng', 2],
      ['enterprise:ruida', 'enterprise:yunfeng', undefined],
      ['enterprise:baosteel', 'enterprise:ruida', 1.5],
    ]);
    expect(series.links.filter((l) => l.target.startsWith('segment:'))).toHaveLength(5);
    expect(option.title.subtext).toBe('5 个环节、5 家企业、3 条供货关系');
  });

  it('is plain JSON: serialising and parsing it gives it back', () => {
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });
});

describe('toEChartsOption: sankey', () => {
  it('values flows by coefficient × local output of the receiving segment when all are known', () => {
    const input = windInput();
    input.enterprises![2] = { ...input.enterprises![2]!, output: 3 };
    input.enterprises!.push({ id: 'farm-co', name: '风电场公司', region: 'jiuquan', segments: [{ chain: 'wind', segment: 'farm' }], output: 100 });
    const model = buildModel(parseDataset(input, { templates: [] }), { templates: [] });
    const option = toEChartsOption(model, { chain: 'wind', kind: 'sankey' });
    // 钢材→紧固件 0.4 × 3; 叶片→整机 0.2 × 40; 紧固件→整机 0.05 × 40; 整机→风电场 0.5 × 100
    expect(option.series[0].links.map((l) => [l.source, l.target, l.value])).toEqual([
      ['钢材', '紧固件', 1.2],
      ['叶片', '整机', 8],
      ['紧固件', '整机', 2],
      ['整机', '风电场', 50],
    ]);
    expect(option.title.subtext).toContain('投入系数 × 本地下游环节产值');
    expect(option.series[0].data.map((n) => [n.name, n.depth])).toEqual([
      ['钢材', 0],
      ['叶片', 0],
      ['紧固件', 1],
      ['整机', 2],
      ['风电场', 3],
    ]);
  });

  it('falls back to counts of supply links when some output is unknown, and says so', () => {
    const option = toEChartsOption(windModel(), { chain: 'wind', kind: 'sankey', locale: 'en' });
    // 瑞达's output is unknown; links: 宝钢→瑞达 (钢材→紧固件), 九鼎→云风 (叶片→整机), 瑞达→云风 (紧固件→整机)
    expect(option.series[0].links.map((l) => [l.source, l.target, l.value])).toEqual([
      ['钢材', '紧固件', 1],
      ['叶片', '整机', 1],
      ['紧固件', '整机', 1],
    ]);
    expect(option.title.subtext).toMatch(/^value = number of recorded supply links/u);
  });

  it('shows the structure (1 per flow) when neither values nor links are known', () => {
    const input = windInput();
    input.links = [];
    const option = toEChartsOption(buildModel(parseDataset(input, { templates: [] }), { templates: [] }), { chain: 'wind', kind: 'sankey' });
    expect(option.series[0].links.map((l) => l.value)).toEqual([1, 1, 1, 1]);
    expect(option.title.subtext).toContain('仅示结构');
  });

  it('gives JSON-serialisable options whose links name existing nodes on any dataset and seed (property)', () => {
    const check = (option: ReturnType<typeof toEChartsOption>) => {
      expect(JSON.parse(JSON.stringify(option))).toEqual(option);
      const series = option.series[0];
      const names = new Set(series.data.map((n) => ('id' in n ? n.id : n.name)));
      for (const link of series.links) {
        expect(names.has(link.source)).toBe(true);
        expect(names.has(link.target)).toBe(true);
        if (link.value !== undefined) expect(Number.isFinite(link.value)).toBe(true);
      }
    };
    fc.assert(
      fc.property(datasetArbitrary(), fc.constantFrom('graph' as const, 'sankey' as const), (dataset, kind) => {
        const model = buildModel(deepFreeze(dataset), { templates: [] });
        for (const chain of model.chains) check(toEChartsOption(model, { chain: chain.id, kind }));
      }),
      { numRuns: 40 },
    );
    const jiuquan = seedModel('jiuquan');
    for (const chain of jiuquan.chains) {
      check(toEChartsOption(jiuquan, { chain: chain.id, kind: 'graph' }));
      check(toEChartsOption(jiuquan, { chain: chain.id, kind: 'sankey' }));
    }
  });
});
