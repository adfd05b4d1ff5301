import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGaps } from '../../../src/analysis/gaps/index.js';
import { recommendRecruits } from '../../../src/analysis/recruits/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { isLocal } from '../../../src/graph/queries.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';


/*
 * The wind chain of test/analysis/gaps.test.ts (steel → gearbox; blade, gearbox → turbine →
 * farm) in `city`, with local st1 (steel), bl1 (blade), tur (turbine, 链主), and outside (`far`):
 *   ext-gb   gearbox, output 10, supplies tur 3亿元 (inferred gearbox)
 *   ext-gb2  gearbox + steel + turbine, output 20
 *   ext-gb3  gearbox, closed → never a candidate
 *   ext-gb4  gearbox, nothing known
 *   ext-gb5  gearbox, nothing known, buys steel from st1 (a local trading partner)
 *   ext-bl   blade, supplies tur (segment given, value unknown)
 *   ext-multi blade + gearbox, supplies tur with no segment (ambiguous) and bl1 (ended)
 * Gaps (as dataset C of the gaps tests), one row per segment: blade 0.55 (thin, external),
 * gearbox 0.55 (missing, external, extensions), farm 0.4 (missing, extension). Steel (no local
 * buyer) and turbine (the 链主's own segment) are no 短板; `thinModel` makes them so.
 */
const w = (...segments: string[]) => segments.map((segment) => ({ chain: 'wind', segment }));
const dataset = deepFreeze(
  parseDataset(
    {
      meta: { id: 'r', name: '招商测试', region: 'city' },
      regions: [
        { id: 'cn', name: '中国', kind: 'country' },
        { id: 'prov', name: '甘肃省', kind: 'province', parent: 'cn' },
        { id: 'city', name: '酒泉市', kind: 'city', parent: 'prov' },
        { id: 'zone', name: '酒泉经开区', kind: 'zone', parent: 'city' },
        { id: 'far', name: '江苏省', kind: 'province', parent: 'cn' },
      ],
      chains: [
        {
          id: 'wind',
          name: '风电装备',
          segments: [
            { id: 'steel', name: '钢材', stage: 'upstream' },
            { id: 'blade', name: '叶片', stage: 'midstream' },
            { id: 'gearbox', name: '齿轮箱', stage: 'midstream' },
            { id: 'turbine', name: '整机', stage: 'midstream' },
            { id: 'farm', name: '风电场', stage: 'downstream', products: ['陆上风电场', '风电场EPC'] },
          ],
          flows: [
            { from: 'steel', to: 'gearbox', coefficient: 0.3 },
            { from: 'blade', to: 'turbine', coefficient: 0.2 },
            { from: 'gearbox', to: 'turbine', coefficient: 0.1 },
            { from: 'turbine', to: 'farm', coefficient: 0.4 },
          ],
        },
      ],
      enterprises: [
        { id: 'st1', name: '酒钢', region: 'city', segments: w('steel') },
        { id: 'bl1', name: '九鼎叶片', region: 'zone', segments: w('blade') },
        { id: 'tur', name: '云风智慧', region: 'zone', segments: w('turbine'), chainRoles: [{ chain: 'wind', role: 'leader' }] },
        { id: 'ext-gb', name: '南高齿', region: 'far', segments: w('gearbox'), output: 10 },
        { id: 'ext-gb2', name: '重齿集团', region: 'far', segments: w('gearbox', 'steel', 'turbine'), output: 20 },
        { id: 'ext-gb3', name: '已关停齿轮', region: 'far', segments: w('gearbox'), status: 'closed', output: 100 },
        { id: 'ext-gb4', name: '某齿轮厂', region: 'far', segments: w('gearbox') },
        { id: 'ext-gb5', name: '另一齿轮厂', region: 'far', segments: w('gearbox') },
        { id: 'ext-bl', name: '中材叶片', region: 'far', segments: w('blade') },
        { id: 'ext-multi', name: '综合配套', region: 'far', segments: w('blade', 'gearbox') },
      ],
      links: [
        { from: 'ext-gb', to: 'tur', value: 3 },
        { from: 'ext-bl', to: 'tur', segment: { chain: 'wind', segment: 'blade' } },
        { from: 'bl1', to: 'tur', value: 2 },
        { from: 'ext-multi', to: 'tur' },
        { from: 'ext-multi', to: 'bl1', status: 'ended' },
        { from: 'st1', to: 'ext-gb5', value: 1, segment: { chain: 'wind', segment: 'steel' } },
      ],
    },
    { templates: [] },
  ),
);
const model = buildModel(dataset, { templates: [] });

/**
 * The dataset with steel and turbine as 短板: tur is no 链主, and local buyers depend on both —
 * a gearbox maker gb1 (buys steel, feeds turbine) and a farm developer fm (buys turbines).
 */
const thinDataset = deepFreeze({
  ...dataset,
  enterprises: [
    ...dataset.enterprises.map((e) => (e.id === 'tur' ? { ...e, chainRoles: [] } : e)),
    { id: 'gb1', name: '本地齿轮箱', region: 'city', segments: w('gearbox'), status: 'operating' as const },
    { id: 'fm', name: '本地风场', region: 'city', segments: w('farm'), status: 'operating' as const },
  ],
});
const thinModel = buildModel(thinDataset, { templates: [] });

describe('recommendRecruits', () => {
  const list = recommendRecruits(model, { chain: 'wind', region: 'city', limit: 5 });
  const ranked = (segment: string) => list.entries.find((e) => e.segment === segment)!.candidates.map((c) => [c.enterprise, c.fit]);

  it('lists the gap segments in the order of their most severe finding', () => {
    expect(list.entries.map((e) => [e.segment, e.gaps, e.severity, e.candidatesTotal])).toEqual([
      ['blade', ['thin_segment', 'external_dependency'], 0.55, 2],
      ['gearbox', ['missing_segment', 'external_dependency', 'extension_opportunity'], 0.55, 5],
      ['farm', ['missing_segment', 'extension_opportunity'], 0.4, 0],
    ]);
    expect(list.summary).toEqual({ gaps: 3, withCandidates: 2, withoutCandidates: 1, candidates: 7 });
  });

  it('ranks candidates by substitution, size and relatedness (gearbox, exact fits)', () => {
    /*
     * substitution (basis value: every local link of the candidates has a value): ext-gb 3/3 = 1
     * size (basis output, max 20): ext-gb 0.5, ext-gb2 1, others unknown → 0
     * relatedness: ext-gb2's other segments steel and turbine are both local → 1;
     *   ext-multi's other segment blade is local → 1; the rest have no other segment → 0
     * fit = 0.5 s + 0.3 z + 0.2 r: ext-gb 0.5 + 0.15 = 0.65; ext-gb2 0.3 + 0.2 = 0.5;
     *   ext-multi 0.2; ext-gb5 0 and ext-gb4 0 — ext-gb5 first: it already trades with st1
     */
    expect(ranked('gearbox')).toEqual([
      ['ext-gb', 0.65],
      ['ext-gb2', 0.5],
      ['ext-multi', 0.2],
      ['ext-gb5', 0],
      ['ext-gb4', 0],
    ]);
    const top = list.entries[1]!.candidates[0]!;
    expect(top.components).toEqual({
      substitution: { value: 1, weight: 0.5, basis: 'value', localBuyers: ['tur'], links: 1, linkValue: 3, linksWithoutValue: 0 },
      size: { value: 0.5, weight: 0.3, basis: 'output', output: 10, employees: null },
      relatedness: { value: 0, weight: 0.2, sharedSegments: [], otherSegments: 0 },
    });
    expect(top.localPartners).toEqual(['tur']);
    expect(top.reason.zh).toBe(
      '南高齿（江苏省）经营「齿轮箱」环节；已从外地向本地云风智慧供货1条（已知金额3亿元），在本地设厂可替代这部分外购；产值10亿元；已与本地企业云风智慧有供货往来。匹配度0.65。',
    );
    const second = list.entries[1]!.candidates[1]!;
    expect(second.components!.relatedness).toEqual({ value: 1, weight: 0.2, sharedSegments: ['wind/steel', 'wind/turbine'], otherSegments: 2 });
    expect(second.reason.zh).toContain('还在本地已有的「钢材」、「整机」环节经营，熟悉本地产业链');
    expect(list.entries[1]!.candidates[3]!.localPartners).toEqual(['st1']);
  });

  it('scores substitution by link count when a value is unknown (blade)', () => {
    // ext-bl supplies tur once (value unknown) → basis count, 1/1; ext-multi's link is ambiguous → 0
    expect(ranked('blade')).toEqual([
      ['ext-bl', 0.5],
      ['ext-multi', 0],
    ]);
    const blade = list.entries[0]!.candidates[0]!;
    expect(blade.components!.substitution).toMatchObject({ basis: 'count', links: 1, linkValue: 0, linksWithoutValue: 1 });
    expect(blade.components!.size).toEqual({ value: 0, weight: 0.3, basis: 'unknown', output: null, employees: null });
    expect(blade.reason.zh).toContain('供货1条（金额未知）');
    expect(blade.reason.zh).toContain('规模未知');
  });

  it('scores size and relatedness for thin segments (steel, turbine)', () => {
    // thinModel: ext-gb2 alone: size 20/20 = 1; its other segments are all local (gearbox gb1,
    // turbine tur / steel st1) → relatedness 1 → fit 0.3 + 0.2 = 0.5
    const thin = recommendRecruits(thinModel, { chain: 'wind', region: 'city', limit: 5 });
    const of = (segment: string) => thin.entries.find((e) => e.segment === segment)!.candidates.map((c) => [c.enterprise, c.fit]);
    expect(of('steel')).toEqual([['ext-gb2', 0.5]]);
    expect(of('turbine')).toEqual([['ext-gb2', 0.5]]);
  });

  it('reports group ties and uses them to break ties in fit', () => {
    // a group headquarters outside (parent of the local turbine maker) is tied to the region
    const grouped = buildModel(
      deepFreeze({
        ...thinDataset,
        enterprises: [
          ...thinDataset.enterprises.map((e) => (e.id === 'tur' ? { ...e, parent: 'hq' } : e)),
          { id: 'hq', name: '运达股份', region: 'far', segments: w('turbine'), status: 'operating' as const },
        ],
      }),
      { templates: [] },
    );
    const turbine = recommendRecruits(grouped, { chain: 'wind' }).entries.find((e) => e.segment === 'turbine')!;
    expect(turbine.candidates.map((c) => [c.enterprise, c.fit, c.localAffiliates])).toEqual([
      ['ext-gb2', 0.5, []],
      ['hq', 0, ['tur']],
    ]);
    expect(turbine.candidates[1]!.reason.zh).toContain('在本地已有同一集团的企业云风智慧');
  });

  it('never proposes local or closed firms', () => {
    for (const entry of list.entries)
      for (const c of entry.candidates) {
        expect(isLocal(model, c.enterprise!, 'city')).toBe(false);
        expect(c.enterprise).not.toBe('ext-gb3');
      }
  });

  it('says so when the data hold no candidate', () => {
    const farm = list.entries.find((e) => e.segment === 'farm')!;
    expect(farm.candidates).toEqual([]);
    expect(farm.reason.zh).toBe('「风电场」环节（缺链、延链机会）：数据中没有本地以外经营该环节的企业，请按该环节产品（陆上风电场、风电场EPC）寻找目标企业。');
    expect(farm.reason.en).toContain('look for firms making 陆上风电场, 风电场EPC');
  });

  it('honours limit, codes, weights and candidate statuses', () => {
    const two = recommendRecruits(model, { chain: 'wind', limit: 2 });
    expect(two.entries[1]!.candidates.map((c) => c.enterprise)).toEqual(['ext-gb', 'ext-gb2']);
    expect(two.entries[1]!.candidatesTotal).toBe(5);
    const missingOnly = recommendRecruits(model, { chain: 'wind', codes: ['missing_segment'] });
    expect(missingOnly.entries.map((e) => e.segment)).toEqual(['gearbox', 'farm']);
    // size only: ext-gb2 (20) before ext-gb (10)
    const size = recommendRecruits(model, { chain: 'wind', weights: { substitution: 0, size: 1, relatedness: 0 } });
    expect(size.entries[1]!.candidates.slice(0, 2).map((c) => [c.enterprise, c.fit])).toEqual([
      ['ext-gb2', 1],
      ['ext-gb', 0.5],
    ]);
    // closed firms allowed: ext-gb3 (output 100) becomes the size reference
    const closed = recommendRecruits(model, { chain: 'wind', candidateStatuses: ['operating', 'closed'] });
    expect(closed.entries[1]!.candidates.find((c) => c.enterprise === 'ext-gb3')!.components!.size.value).toBe(1);
    expect(closed.entries[1]!.candidates.find((c) => c.enterprise === 'ext-gb')!.components!.size.value).toBe(0.1);
  });

  it('takes gaps computed beforehand, for the same chain and region only', () => {
    const gaps = findGaps(model, { chain: 'wind', fillingReduction: 0 });
    expect(recommendRecruits(model, { chain: 'wind', gaps })).toEqual(recommendRecruits(model, { chain: 'wind', gapOptions: { fillingReduction: 0 } }));
    const elsewhere = findGaps(model, { chain: 'wind', region: 'zone' });
    expect(() => recommendRecruits(model, { chain: 'wind', gaps: elsewhere })).toThrow(ChainError);
  });

  it('passes planned and filling projects through', () => {
    const withProjects = buildModel(
      deepFreeze({
        ...dataset,
        projects: [
          { id: 'pf', name: '风电场一期', region: 'city', chain: 'wind', segment: 'farm', status: 'planned' as const },
          { id: 'pg', name: '齿轮箱项目', region: 'zone', chain: 'wind', segment: 'gearbox', status: 'signed' as const, productionYear: 2026 },
        ],
      }),
      { templates: [] },
    );
    const result = recommendRecruits(withProjects, { chain: 'wind' });
    const farm = result.entries.find((e) => e.segment === 'farm')!;
    expect(farm.plannedProjects).toEqual([{ project: 'pf', enterprise: null, status: 'planned', productionYear: null }]);
    const gearbox = result.entries.find((e) => e.segment === 'gearbox')!;
    expect(gearbox.beingFilledBy).toEqual([{ project: 'pg', enterprise: null, status: 'signed', productionYear: 2026 }]);
    expect(gearbox.severity).toBe(0.275);
  });

  it('rejects invalid arguments', () => {
    expect(() => recommendRecruits(model, { chain: 'nope' })).toThrow(ChainError);
    expect(() => recommendRecruits(model, { chain: 'wind', limit: -1 })).toThrow(/limit/);
    expect(() => recommendRecruits(model, { chain: 'wind', codes: ['gap' as never] })).toThrow(/unknown gap code/);
    expect(() => recommendRecruits(model, { chain: 'wind', weights: { substitution: 0, size: 0, relatedness: 0 } })).toThrow(ChainError);
  });

  it('is deterministic, JSON-serialisable and leaves the frozen dataset alone', () => {
    const again = recommendRecruits(model, { chain: 'wind', region: 'city', limit: 5 });
    expect(again).toEqual(list);
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
    expect(Object.isFrozen(model.dataset.links[0])).toBe(true);
  });

  it('holds its invariants on generated datasets', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.integer({ min: 0, max: 4 }), (generated, limit) => {
        const m = buildModel(deepFreeze(generated), { templates: [] });
        for (const chain of generated.chains) {
          const result = recommendRecruits(m, { chain: chain.id, region: 'r0', limit });
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
          for (const entry of result.entries) {
            expect(entry.candidates.length).toBeLessThanOrEqual(limit);
            expect(entry.candidates.length).toBe(Math.min(limit, entry.candidatesTotal));
            const fits = entry.candidates.map((c) => c.fit);
            expect(fits).toEqual([...fits].sort((a, b) => b - a));
            for (const c of entry.candidates) {
              expect(c.fit).toBeGreaterThanOrEqual(0);
              expect(c.fit).toBeLessThanOrEqual(1);
              expect(isLocal(m, c.enterprise!, 'r0')).toBe(false);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

const seed = (name: string) => new URL(`../../../seeds/${name}.json`, import.meta.url);
const seedModel = (name: string) => buildModel(parseDataset(JSON.parse(readFileSync(seed(name), 'utf8'))));

describe.skipIf(!existsSync(seed('jiuquan')))('recommendRecruits on the 酒泉 seed', () => {
  const model = seedModel('jiuquan');

  it('photovoltaic: 正泰新能源, which already buys from local frame and pile makers, is the candidate for PV plants', () => {
    const list = recommendRecruits(model, { chain: 'photovoltaic' });
    const plant = list.entries.find((e) => e.segment === 'pv-plant')!;
    expect(plant.gaps).toEqual(['missing_segment', 'extension_opportunity']);
    expect(plant.candidates).toHaveLength(1);
    expect(plant.candidates[0]).toMatchObject({
      enterprise: 'chint-new-energy',
      fit: 0.2,
      localPartners: ['tongfengyuan-pile', 'zhongshui-pv-frame'],
      components: { relatedness: { value: 1, sharedSegments: ['photovoltaic/modules'] } },
    });
  });

  it('wind power: outside turbine makers are ranked by their ties to local firms; other gaps ask the planner to search', () => {
    const list = recommendRecruits(model, { chain: 'wind-power' });
    // 整机 is the 链主 云风智慧's own segment (kind 'assembly'): no gap, so no turbine maker is courted
    expect(list.entries.some((e) => e.segment === 'turbine-assembly')).toBe(false);
    const gearbox = list.entries.find((e) => e.segment === 'gearbox')!;
    expect(gearbox.candidates).toEqual([]);
    expect(gearbox.reason.zh).toContain('请按该环节产品（双馈齿轮箱、半直驱齿轮箱）寻找目标企业');
  });
});

describe.skipIf(!existsSync(seed('yuncheng')))('recommendRecruits on the 运城 seed', () => {
  it('names no candidate where the data hold no outside firm of the segment, and says what to look for', () => {
    const model = seedModel('yuncheng');
    const list = recommendRecruits(model, { chain: 'new-energy-vehicle' });
    // sales and service (a forward extension of 整车) edges the power battery by 0.003
    expect(list.entries.slice(0, 2).map((e) => e.segment)).toEqual(['sales-services', 'power-battery']);
    expect(list.summary.withCandidates).toBe(0);
    expect(list.entries[1]!.reason.zh).toMatch(/^「动力电池」环节（缺链、延链机会）：数据中没有本地以外经营该环节的企业/);
  });
});

describe.skipIf(!existsSync(seed('yuncheng')))('recommendRecruits reuses its scratch arrays safely', () => {
  it('gives the same results on one model in any call order, with or without gaps given, as on fresh models', () => {
    const shared = seedModel('yuncheng');
    const calls = shared.chains.flatMap((chain) => [
      { chain: chain.id },
      { chain: chain.id, limit: 2, candidateStatuses: ['operating' as const] },
    ]);
    const fresh = calls.map((options) => JSON.stringify(recommendRecruits(seedModel('yuncheng'), options)));
    for (const i of [...calls.keys()].reverse()) expect(JSON.stringify(recommendRecruits(shared, calls[i]!))).toBe(fresh[i]);
    for (const i of calls.keys()) {
      const gaps = findGaps(shared, { chain: calls[i]!.chain });
      expect(JSON.stringify(recommendRecruits(shared, { ...calls[i]!, gaps }))).toBe(fresh[i]);
    }
  });
});
