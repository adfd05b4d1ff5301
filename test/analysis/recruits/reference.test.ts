import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recommendRecruits, type DirectoryFirm, type RecruitReference } from '../../../src/analysis/recruits/index.js';
import { closenessOf, provinceNeighbours } from '../../../src/analysis/recruits/provinces.js';
import { buildModel, type ChainModel } from '../../../src/graph/model.js';
import { isLocal } from '../../../src/graph/queries.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { ChainTemplate } from '../../../src/model/schema.js';
import * as reference from '../../../src/reference/index.js';

const seed = (name: string): ChainModel => buildModel(parseDataset(JSON.parse(readFileSync(`seeds/${name}.json`, 'utf8'))));

/*
 * A small chain (template 'mini': bearing → turbine) in 运城 (山西省), local turbine maker T
 * (present), and outside: X (河南省, bearing, output 10, supplies T with bearings for 2亿元).
 * The directory (a fake satisfying RecruitReference): A (河南省, listed, 单项冠军, 主轴轴承),
 * B (江苏省, unlisted, 齿轮), and x — the dataset's X under its registered name (轴承).
 */
const mini: ChainTemplate = {
  id: 'mini',
  name: '迷你风电',
  segments: [
    { id: 'bearing', name: '轴承', stage: 'midstream', products: ['主轴轴承'] },
    { id: 'turbine', name: '整机', stage: 'downstream' },
  ],
  flows: [{ from: 'bearing', to: 'turbine' }],
};
const firms: DirectoryFirm[] = [
  { id: 'a', name: '甲轴承股份有限公司', shortNames: ['甲轴承'], province: '河南省', city: '洛阳市', products: ['主轴轴承'], listing: [{ exchange: 'SZSE', code: '300001' }], tags: ['单项冠军'] },
  { id: 'b', name: '乙齿轮有限公司', shortNames: ['乙齿轮'], province: '江苏省', city: '南京市', products: ['齿轮'], tags: [] },
  { id: 'x', name: '丙轴承有限公司', shortNames: ['丙轴承'], province: '河南省', city: '郑州市', products: ['轴承'], tags: [] },
];
const directory: RecruitReference = {
  referenceFirmsFor: (template, segment) => (template === 'mini' && segment === 'bearing' ? firms : []),
  matchReferenceFirm: ({ name }) => {
    const f = firms.find((x) => x.name === name || x.shortNames.includes(name));
    return f && { firm: f.id, group: f.id };
  },
  referenceGroupOf: (id) => firms.find((f) => f.id === id),
  getReferenceFirm: (id) => firms.find((f) => f.id === id),
};
const small = buildModel(
  parseDataset(
    {
      meta: { id: 'mini', name: '迷你', region: 'yc' },
      regions: [
        { id: 'cn', name: '中国', kind: 'country' },
        { id: 'sx', name: '山西省', kind: 'province', parent: 'cn' },
        { id: 'yc', name: '运城市', kind: 'city', parent: 'sx' },
        { id: 'hn', name: '河南省', kind: 'province', parent: 'cn' },
      ],
      chains: [{ id: 'wind', name: '风电', template: 'mini' }],
      enterprises: [
        { id: 'T', name: '丁整机', region: 'yc', segments: [{ chain: 'wind', segment: 'turbine' }], status: 'operating' },
        { id: 'X', name: '丙轴承', region: 'hn', segments: [{ chain: 'wind', segment: 'bearing' }], output: 10, status: 'operating' },
      ],
      links: [{ from: 'X', to: 'T', segment: { chain: 'wind', segment: 'bearing' }, value: 2 }],
    },
    { templates: [mini] },
  ),
  { templates: [mini] },
);

describe('recommendRecruits with a reference directory: the combined score', () => {
  it('scores by hand: X 0.775, A 0.725, B 0.275; X listed once, with its directory record', () => {
    const r = recommendRecruits(small, { chain: 'wind', reference: directory });
    const entry = r.entries.find((e) => e.segment === 'bearing')!;
    // X: fit 1 (轴承 ⊂ 主轴轴承), standing max(0, 0.5·size 1) = 0.5, closeness 河南 next to 山西 0.5,
    //    synergy 0.5·(turbine has T) + 0.5 (supplies T) = 1 → 0.3 + 0.15 + 0.075 + 0.25 = 0.775
    // A: fit 1, standing 0.5 listed + 0.25 单项冠军 = 0.75, closeness 0.5, synergy 0.5 → 0.3 + 0.225 + 0.075 + 0.125 = 0.725
    // B: fit 0.5, standing 0, closeness 江苏 0, synergy 0.5 → 0.15 + 0.125 = 0.275
    expect(entry.candidates.map((c) => [c.enterprise, c.reference?.firm, c.source, c.fit])).toEqual([
      ['X', 'x', 'dataset', 0.775],
      [null, 'a', 'reference', 0.725],
      [null, 'b', 'reference', 0.275],
    ]);
    expect(entry.candidatesTotal).toBe(3);
    expect(entry.candidates[0]!.score!.standing).toEqual({ value: 0.5, weight: 0.3, listed: false, tags: [], datasetSize: 1 });
    expect(entry.candidates[0]!.score!.synergy).toEqual({ value: 1, weight: 0.25, downstreamBuyers: ['T'], downstreamShare: 1, ties: true });
    expect(entry.candidates[1]!.score).toEqual({
      value: 0.725,
      fit: { value: 1, weight: 0.3, productMatches: ['主轴轴承'] },
      standing: { value: 0.75, weight: 0.3, listed: true, tags: ['单项冠军'], datasetSize: null },
      closeness: { value: 0.5, weight: 0.15, basis: 'neighbouring-province', province: '河南省' },
      synergy: { value: 0.5, weight: 0.25, downstreamBuyers: ['T'], downstreamShare: 1, ties: false },
    });
    expect(entry.candidates[1]!.reason.zh).toBe(
      '甲轴承（甲轴承股份有限公司，总部河南省洛阳市）经营「轴承」环节（参考名录）；上市（深交所300001）；单项冠军；主营主轴轴承，与该环节产品相符；总部在邻省（河南省洛阳市）；本地下游已有丁整机，可就近配套。综合得分0.725。',
    );
    expect(r.assumptions.scoreWeights).toEqual({ fit: 0.3, standing: 0.3, closeness: 0.15, synergy: 0.25 });
  });

  it('without a reference the dataset candidates keep their fit (0.5·1 + 0.3·1 + 0.2·0) and carry no score', () => {
    const entry = recommendRecruits(small, { chain: 'wind' }).entries.find((e) => e.segment === 'bearing')!;
    expect(entry.candidates.map((c) => [c.enterprise, c.fit, c.score, c.source])).toEqual([['X', 0.8, undefined, undefined]]);
  });

  it('the neighbour table is symmetric and closeness reads it', () => {
    const table = provinceNeighbours();
    for (const [p, list] of Object.entries(table)) for (const q of list) expect(table[q], `${q} of ${p}`).toContain(p);
    expect(closenessOf('山西省', '山西省').basis).toBe('same-province');
    expect(closenessOf('内蒙古自治区', '甘肃省').value).toBe(0.5);
    expect(closenessOf('德国', '甘肃省').basis).toBe('elsewhere');
    expect(closenessOf('江苏省', null).basis).toBe('unknown');
  });
});

describe('recommendRecruits with the reference directory on the seeds', () => {
  const names = (model: ChainModel, chain: string, segment: string) =>
    recommendRecruits(model, { chain, reference, limit: 20 })
      .entries.find((e) => e.segment === segment)!
      .candidates.map((c) => c.name);

  it('运城 power batteries: 宁德时代, 比亚迪 or 弗迪电池, 国轩高科', () => {
    const list = names(seed('yuncheng'), 'new-energy-vehicle', 'power-battery');
    expect(list.some((n) => n.includes('宁德时代'))).toBe(true);
    expect(list.some((n) => n.includes('比亚迪') || n.includes('弗迪电池'))).toBe(true);
    expect(list.some((n) => n.includes('国轩高科'))).toBe(true);
  });

  it('酒泉 wind bearings: 新强联, 洛阳LYC, 瓦轴; gearboxes: 南高齿 or its group', () => {
    const model = seed('jiuquan');
    const bearings = names(model, 'wind-power', 'bearings');
    for (const firm of ['新强联', '洛阳LYC', '瓦房店轴承']) expect(bearings.some((n) => n.includes(firm)), firm).toBe(true);
    expect(names(model, 'wind-power', 'gearbox').some((n) => n.includes('南京高速齿轮') || n.includes('中国高速传动'))).toBe(true);
  });

  it('never recommends a firm for a segment a local plant of its group covers (正泰 in 酒泉 PV modules)', () => {
    for (const [file, regionPrefix] of [['jiuquan', '酒泉'], ['yuncheng', '运城']] as const) {
      const model = seed(file);
      for (const chain of model.chains) {
        const r = recommendRecruits(model, { chain: chain.id, reference, limit: 50 });
        for (const entry of r.entries) {
          const localGroups = new Set(
            model.dataset.enterprises
              .filter((e) => isLocal(model, e.id, r.region) && e.segments.some((a) => a.chain === chain.id && a.segment === entry.segment))
              .flatMap((e) => {
                const parent = model.dataset.enterprises.find((p) => p.id === e.parent);
                return [e, ...(parent ? [parent] : [])].map((x) => reference.matchReferenceFirm(x, { places: [regionPrefix] })?.group);
              })
              .filter((g) => g !== undefined),
          );
          for (const c of entry.candidates) if (c.reference) expect(localGroups.has(c.reference.group), `${file} ${entry.segment} ${c.name}`).toBe(false);
        }
      }
    }
    // 正泰's local plant covers modules: since a lone maker no local buyer depends on is not a
    // 短板, modules is no gap at all and nobody, 正泰 least of all, is recruited for it
    const pv = recommendRecruits(seed('jiuquan'), { chain: 'photovoltaic', reference, limit: 50 });
    expect(pv.entries.find((e) => e.segment === 'modules')).toBeUndefined();
  });
});

describe('the report passes the reference directory through', () => {
  it('buildReport({ reference }) lists directory firms for 酒泉 wind bearings; without it, none', async () => {
    const { buildReport } = await import('../../../src/render/report/data/index.js');
    const model = seed('jiuquan');
    const bearings = (options: { reference?: RecruitReference }) => {
      const section = buildReport(model, { chain: 'wind-power', runs: 20, ...options }).chains[0]!.recruits;
      return section.available ? section.result.entries.find((e) => e.segment === 'bearings')!.candidates : [];
    };
    expect(bearings({ reference }).some((c) => c.source === 'reference' && c.name.includes('新强联'))).toBe(true);
    expect(bearings({})).toEqual([]);
  });
});
