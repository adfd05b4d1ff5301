import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_COMPONENTS,
  compareClusters,
  DEFAULT_CLUSTER_WEIGHTS,
  scoreCluster,
  type ClusterComponentId,
  type ClusterScore,
} from '../../../src/analysis/cluster/index.js';
import { buildModel, type ChainModel } from '../../../src/graph/model.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';


/*
 * The hand-checked dataset. Regions: cn ⊃ prov ⊃ city ⊃ {zone, county, county2, county3}; an
 * outside province. Chain wind (valueShare: steel .1, blade .2, fastener .1, turbine .4, farm .2,
 * om none) and chain chem (resin).
 *
 *   zone:    tur  turbine, 链主, output 40      bla  blade, 8        fas  fastener, 2
 *            oam  om, output unknown            ste  steel, 5, under construction (not counted)
 *            che  chem resin, 10
 *   county:  k1 chem 30, k2 wind blade 10       county2: q1 wind blade 20, q2 chem 20
 *   county3: r1 chem 40                         other province: out (wind turbine supplier)
 *
 * Links: 0 bla→tur active 3 (blade) · 1 fas→tur brokered 1 · 2 fas→bla active (no value)
 *        3 out→tur active 6 · 4 k2→tur planned · 5 che→bla active 2 tagged chem/resin
 *        6 k2→bla active 1 · 7 tur→oam active (no value)
 */
const input: DatasetInput = {
  meta: { id: 'hand', name: '手算数据集', region: 'zone' },
  regions: [
    { id: 'cn', name: '中国', kind: 'country' },
    { id: 'prov', name: '某省', kind: 'province', parent: 'cn' },
    { id: 'city', name: '某市', kind: 'city', parent: 'prov' },
    { id: 'zone', name: '经开区', kind: 'zone', parent: 'city' },
    { id: 'county', name: '甲县', kind: 'county', parent: 'city' },
    { id: 'county2', name: '乙县', kind: 'county', parent: 'city' },
    { id: 'county3', name: '丙县', kind: 'county', parent: 'city' },
    { id: 'other', name: '外省', kind: 'province', parent: 'cn' },
  ],
  chains: [
    {
      id: 'wind',
      name: '风电装备',
      segments: [
        { id: 'steel', name: '钢材', stage: 'upstream', valueShare: 0.1 },
        { id: 'blade', name: '叶片', stage: 'midstream', valueShare: 0.2 },
        { id: 'fastener', name: '紧固件', stage: 'midstream', valueShare: 0.1 },
        { id: 'turbine', name: '整机', stage: 'midstream', valueShare: 0.4 },
        { id: 'farm', name: '风电场', stage: 'downstream', valueShare: 0.2 },
        { id: 'om', name: '运维', stage: 'downstream' },
      ],
      flows: [
        { from: 'steel', to: 'fastener' },
        { from: 'blade', to: 'turbine' },
        { from: 'fastener', to: 'turbine' },
        { from: 'turbine', to: 'farm' },
      ],
    },
    { id: 'chem', name: '化工', segments: [{ id: 'resin', name: '树脂', stage: 'upstream' }] },
  ],
  enterprises: [
    { id: 'tur', name: '整机厂', region: 'zone', segments: [{ chain: 'wind', segment: 'turbine' }], chainRoles: [{ chain: 'wind', role: 'leader' }], output: 40 },
    { id: 'bla', name: '叶片厂', region: 'zone', segments: [{ chain: 'wind', segment: 'blade' }], role: 'supporting', output: 8 },
    { id: 'fas', name: '紧固件厂', region: 'zone', segments: [{ chain: 'wind', segment: 'fastener' }], output: 2 },
    { id: 'oam', name: '运维公司', region: 'zone', segments: [{ chain: 'wind', segment: 'om' }] },
    { id: 'ste', name: '钢厂', region: 'zone', segments: [{ chain: 'wind', segment: 'steel' }], status: 'under-construction', output: 5 },
    { id: 'che', name: '树脂厂', region: 'zone', segments: [{ chain: 'chem', segment: 'resin' }], role: 'leader', output: 10 },
    { id: 'out', name: '外地整机', region: 'other', segments: [{ chain: 'wind', segment: 'turbine' }], output: 100 },
    { id: 'k1', name: '甲县化工', region: 'county', segments: [{ chain: 'chem', segment: 'resin' }], output: 30 },
    { id: 'k2', name: '甲县叶片', region: 'county', segments: [{ chain: 'wind', segment: 'blade' }], output: 10 },
    { id: 'q1', name: '乙县叶片', region: 'county2', segments: [{ chain: 'wind', segment: 'blade' }], output: 20 },
    { id: 'q2', name: '乙县化工', region: 'county2', segments: [{ chain: 'chem', segment: 'resin' }], output: 20 },
    { id: 'r1', name: '丙县化工', region: 'county3', segments: [{ chain: 'chem', segment: 'resin' }], output: 40 },
  ],
  links: [
    { from: 'bla', to: 'tur', value: 3, segment: { chain: 'wind', segment: 'blade' } },
    { from: 'fas', to: 'tur', value: 1, status: 'brokered' },
    { from: 'fas', to: 'bla' },
    { from: 'out', to: 'tur', value: 6 },
    { from: 'k2', to: 'tur', status: 'planned', value: 50 },
    { from: 'che', to: 'bla', value: 2, segment: { chain: 'chem', segment: 'resin' } },
    { from: 'k2', to: 'bla', value: 1 },
    { from: 'tur', to: 'oam' },
  ],
};
const dataset = deepFreeze(parseDataset(input, { templates: [] }));
const model = buildModel(dataset, { templates: [] });
const score = scoreCluster(model, { chain: 'wind' });
const component = (s: ClusterScore, id: ClusterComponentId) => s.components.find((c) => c.id === id)!;

describe('scoreCluster on a hand-checked dataset', () => {
  it('scores the default region (meta.region) and lists the local firms of the chain', () => {
    expect(score.region).toBe('zone');
    // ste is under construction and che is in another chain
    expect(score.network.firms).toEqual(['tur', 'bla', 'fas', 'oam']);
    // links 0, 1, 2, 7 are among local firms
    expect(score.network.links).toBe(4);
    expect(score.network.pairs).toBe(4);
  });

  it('completeness: valueShare-weighted, om outside the basis → (.2 + .1 + .4) / 1 = 0.7', () => {
    const c = component(score, 'completeness');
    expect(c.basis).toBe('valueShare');
    expect(c.value).toBeCloseTo(0.7, 12);
    expect(c.raw).toMatchObject({ segments: 6, segmentsPresent: 4, countShare: 4 / 6, segmentsOutsideBasis: 1 });
    expect(c.raw.weightTotal).toBeCloseTo(1, 12);
    expect(c.ids).toEqual({ present: ['blade', 'fastener', 'turbine', 'om'], missing: ['steel', 'farm'], outsideBasis: ['om'] });
  });

  it('completeness weighs segments equally when no segment has a valueShare', () => {
    const equal = structuredClone(input);
    for (const s of equal.chains[0]!.segments!) delete s.valueShare;
    const m = buildModel(parseDataset(equal, { templates: [] }), { templates: [] });
    const c = component(scoreCluster(m, { chain: 'wind' }), 'completeness');
    expect(c.basis).toBe('equal');
    expect(c.value).toBeCloseTo(4 / 6, 12);
  });

  it('local supply: by count when a value is missing → 4 local of 6 inputs', () => {
    // inputs of tur: bla (3), fas (1), out (6) — k2 is only planned; of bla: fas (—), k2 (1) —
    // che's link is tagged with the chem chain; of oam: tur (—). Local: bla, fas, fas, tur.
    const c = component(score, 'localSupply');
    expect(c.basis).toBe('count');
    expect(c.value).toBeCloseTo(4 / 6, 12);
    expect(c.raw).toMatchObject({ inputLinks: 6, localInputLinks: 4, linksWithValue: 4, inputValue: 11, localInputValue: 4 });
    // by the known values only: (3 + 1) / (3 + 1 + 6 + 1)
    expect(c.raw.rateByKnownValue).toBeCloseTo(4 / 11, 12);
    expect(c.ids).toEqual({ localSuppliers: ['tur', 'bla', 'fas'], outsideSuppliers: ['out', 'k2'] });
    expect(c.reason.zh).toContain('66.7%');
    expect(c.reason.en).toContain('2 have no value');
  });

  it('local supply: by value when every link has one → 6.5 / 13.5', () => {
    const valued = structuredClone(input);
    valued.links![2]!.value = 2;
    valued.links![7]!.value = 0.5;
    const s = scoreCluster(buildModel(parseDataset(valued, { templates: [] }), { templates: [] }), { chain: 'wind' });
    const c = component(s, 'localSupply');
    expect(c.basis).toBe('value');
    // local: 3 + 1 + 2 + 0.5 = 6.5; all: 6.5 + 6 (out) + 1 (k2) = 13.5
    expect(c.value).toBeCloseTo(13 / 27, 12);
    expect(component(s, 'cohesion').basis).toBe('value');
  });

  it('leader anchoring: 3 of 4 local links touch tur; all known output anchored → (0.75 + 1) / 2', () => {
    const c = component(score, 'leaderAnchoring');
    expect(c.value).toBeCloseTo(0.875, 12);
    expect(c.basis).toBe('links+output');
    expect(c.raw).toMatchObject({ leaders: 1, localLinks: 4, linksTouchingLeaders: 3, linkShare: 0.75, outputShare: 1, localOutput: 50, firmShare: 1 });
    expect(c.ids).toEqual({ leaders: ['tur'], anchored: ['bla', 'fas', 'oam'] });
  });

  it('leader anchoring honours leaderRoles and is unavailable without a local 链主', () => {
    // bla as the only "leader": links touching bla: bla→tur, fas→bla = 2 of 4; anchored tur, bla, fas
    const c = component(scoreCluster(model, { chain: 'wind', leaderRoles: ['supporting'] }), 'leaderAnchoring');
    expect(c.value).toBeCloseTo((0.5 + 1) / 2, 12);
    const none = component(scoreCluster(model, { chain: 'wind', region: 'county2' }), 'leaderAnchoring');
    expect(none.available).toBe(false);
    expect(none.value).toBeNull();
    expect(none.reason.en).toContain('No local firm is a chain leader');
  });

  it('cohesion: triangle tur–bla–fas plus oam on tur → (1 + 1 + 7/12) / 3', () => {
    // n = 4, 4 pairs: largest component 4/4; density 4/6, × n/2 = 4/3 → capped at 1;
    // clustering tur 2·1/(3·2) = 1/3, bla 1, fas 1, oam 0 → 7/12
    const c = component(score, 'cohesion');
    expect(c.value).toBeCloseTo(31 / 36, 12);
    expect(c.basis).toBe('count');
    expect(c.raw).toMatchObject({ firms: 4, pairs: 4, components: 1, largestComponent: 4, largestComponentShare: 1, densityVsTree: 1 });
    expect(c.raw.density).toBeCloseTo(2 / 3, 12);
    expect(c.raw.averageClustering).toBeCloseTo(7 / 12, 12);
    expect(c.raw.transitivity).toBeCloseTo(3 / 5, 12);
    expect(typeof c.raw.modularity).toBe('number');
    expect(score.network.communities!.flat().sort()).toEqual(['bla', 'fas', 'oam', 'tur']);
    expect(score.network.largestComponent).toEqual(['tur', 'bla', 'fas', 'oam']);
  });

  it('specialisation: LQ against the city by output = (50/60)/(80/180) = 15/8, a strong cluster', () => {
    // zone: wind 40 + 8 + 2 = 50 of 60 (with che); city: wind 50 + 10 + 20 = 80 of 180
    const c = component(score, 'specialisation');
    expect(c.basis).toBe('output');
    expect(c.raw.locationQuotient).toBeCloseTo(15 / 8, 12);
    expect(c.value).toBeCloseTo(15 / 23, 12);
    expect(c.raw).toMatchObject({ chainInRegion: 50, regionTotal: 60, chainInReference: 80, referenceTotal: 180, comparableRegions: 4, rankAmongRegions: 1, strongCluster: true });
    expect(c.ids.reference).toEqual(['city']);
    expect(score.settings.reference).toBe('city');
  });

  it('strong-cluster test: county2 has LQ (20/40)/(80/180) = 9/8 ≥ 1 but one of four ranks higher', () => {
    const c = component(scoreCluster(model, { chain: 'wind', region: 'county2' }), 'specialisation');
    expect(c.raw.locationQuotient).toBeCloseTo(9 / 8, 12);
    expect(c.raw.rankAmongRegions).toBe(2);
    expect(c.raw.strongCluster).toBe(false);
  });

  it('strong-cluster test needs four comparable regions; the reference can be set', () => {
    // against the province (same firms as the city here) the siblings are still the city's four
    const c = component(scoreCluster(model, { chain: 'wind', reference: 'prov' }), 'specialisation');
    expect(c.raw.locationQuotient).toBeCloseTo(15 / 8, 12);
    const small = structuredClone(input);
    small.enterprises = small.enterprises!.filter((e) => e.region !== 'county3' && e.region !== 'county2');
    const s = component(scoreCluster(buildModel(parseDataset(small, { templates: [] }), { templates: [] }), { chain: 'wind' }), 'specialisation');
    // zone 50/60 vs city 60/100 → LQ 25/18
    expect(s.raw.locationQuotient).toBeCloseTo(25 / 18, 12);
    expect(s.raw.strongCluster).toBeNull();
    expect(() => scoreCluster(model, { chain: 'wind', reference: 'county' })).toThrow(ChainError);
  });

  it('specialisation is unavailable when the dataset records no other industry', () => {
    const single = structuredClone(input);
    single.enterprises = single.enterprises!.filter((e) => e.segments!.every((a) => a.chain === 'wind'));
    single.links = single.links!.filter((l) => l.from !== 'che');
    const c = component(scoreCluster(buildModel(parseDataset(single, { templates: [] }), { templates: [] }), { chain: 'wind' }), 'specialisation');
    expect(c.available).toBe(false);
    expect(c.reason.en).toContain('records no other industry');
  });

  it('concentration: HHI of 40, 8, 2 = 1668/2500 → 1 − HHI = 0.3328; γ across the city by hand', () => {
    const c = component(score, 'concentration');
    expect(c.value).toBeCloseTo(0.3328, 12);
    expect(c.raw).toMatchObject({ firms: 4, firmsWithOutput: 3, coverage: 0.75, localOutput: 50, largestShare: 0.8 });
    expect(c.raw.hhi).toBeCloseTo(0.6672, 12);
    expect(c.ids.firmsWithOutput).toEqual(['tur', 'bla', 'fas']);
    // areas of the city: zone (50 of 60), county (10 of 40), county2 (20 of 40), county3 (0 of 40)
    // s = (5/8, 1/8, 1/4, 0), x = (1/3, 2/9, 2/9, 2/9): G = 125/864; 1 − Σx² = 20/27;
    // plants 40, 8, 2, 10, 20: H = 2168/6400 = 271/800; γ = (125/864 − 271/1080) / (529/1080) = −459/2116
    expect(c.raw.ellisonGlaeserAreas).toBe(4);
    expect(c.raw.ellisonGlaeserRawConcentration).toBeCloseTo(125 / 864, 12);
    expect(c.raw.ellisonGlaeserPlantHerfindahl).toBeCloseTo(271 / 800, 12);
    expect(c.raw.ellisonGlaeserGamma).toBeCloseTo(-459 / 2116, 12);
  });

  it('the total is the weighted mean of the six components', () => {
    const expected =
      100 * (0.25 * 0.7 + 0.2 * (4 / 6) + 0.15 * 0.875 + 0.15 * (31 / 36) + 0.15 * (15 / 23) + 0.1 * 0.3328);
    expect(score.total).toBeCloseTo(expected, 10);
    expect(score.weightsUsed).toEqual(DEFAULT_CLUSTER_WEIGHTS);
    expect(score.components.map((c) => c.id)).toEqual([...CLUSTER_COMPONENTS]);
    expect(score.notes.map((n) => n.en).join(' ')).toContain('by count of links: 2 of 6');
  });

  it('re-weights over the available components, never counting the others as zero', () => {
    // county2: q1 (blade) only: completeness 0.2; LQ 9/8 → 9/17; the rest unavailable
    const s = scoreCluster(model, { chain: 'wind', region: 'county2' });
    const available = s.components.filter((c) => c.available).map((c) => c.id);
    expect(available).toEqual(['completeness', 'specialisation']);
    expect(s.weightsUsed.completeness).toBeCloseTo(0.25 / 0.4, 12);
    expect(s.weightsUsed.specialisation).toBeCloseTo(0.15 / 0.4, 12);
    expect(s.weightsUsed.localSupply).toBe(0);
    expect(s.total).toBeCloseTo((100 * (0.25 * 0.2 + 0.15 * (9 / 17))) / 0.4, 10);
    for (const c of s.components.filter((x) => !x.available)) {
      expect(c.value).toBeNull();
      expect(c.reason.zh.length).toBeGreaterThan(0);
    }
    expect(component(s, 'cohesion').reason.en).toContain('Only 1 local firm');
    expect(component(s, 'concentration').reason.en).toContain('Only 1 of 1');
    expect(s.reason.en).toContain('left out for lack of data');
  });

  it('takes weights over the defaults and rejects invalid ones', () => {
    const only = scoreCluster(model, {
      chain: 'wind',
      weights: { completeness: 1, localSupply: 0, leaderAnchoring: 0, cohesion: 0, specialisation: 0, concentration: 0 },
    });
    expect(only.total).toBeCloseTo(70, 10);
    const noWeight = scoreCluster(model, { chain: 'wind', region: 'county2', weights: { completeness: 0, specialisation: 0 } });
    expect(noWeight.total).toBeNull();
    expect(() => scoreCluster(model, { chain: 'wind', weights: { size: 1 } as never })).toThrow(ChainError);
    expect(() => scoreCluster(model, { chain: 'wind', weights: { completeness: -1 } })).toThrow(ChainError);
    expect(() => scoreCluster(model, { chain: 'wind', weights: { completeness: Number.NaN } })).toThrow(ChainError);
  });

  it('completeness is unavailable, not zero, where no firm of the chain is recorded', () => {
    // county3 holds only a chem firm
    const s = scoreCluster(model, { chain: 'wind', region: 'county3' });
    const c = component(s, 'completeness');
    expect(c.available).toBe(false);
    expect(c.reason.en).toContain('records no local firm of the chain');
    // LQ = 0 is a measured zero (the region has activity, none of it in the chain)
    expect(component(s, 'specialisation').value).toBe(0);
    expect(s.total).toBe(0);
  });

  it('counts a firm with a chainRoles entry for the chain as a member', () => {
    const withRole = structuredClone(input);
    withRole.enterprises!.push({ id: 'ldr', name: '集团', region: 'zone', chainRoles: [{ chain: 'wind', role: 'leader' }] });
    const s = scoreCluster(buildModel(parseDataset(withRole, { templates: [] }), { templates: [] }), { chain: 'wind' });
    expect(s.network.firms).toEqual(['tur', 'bla', 'fas', 'oam', 'ldr']);
    expect(component(s, 'leaderAnchoring').raw.leaders).toBe(2);
  });

  it('points to 龙头 firms when no 链主 is recorded', () => {
    const leading = structuredClone(input);
    leading.enterprises![0]!.chainRoles = [{ chain: 'wind', role: 'leading' }];
    const m = buildModel(parseDataset(leading, { templates: [] }), { templates: [] });
    const c = component(scoreCluster(m, { chain: 'wind' }), 'leaderAnchoring');
    expect(c.available).toBe(false);
    expect(c.raw).toEqual({ leaders: 0, leadingFirms: 1, firms: 4 });
    expect(c.reason.zh).toContain('龙头企业');
    expect(component(scoreCluster(m, { chain: 'wind', leaderRoles: ['leader', 'leading'] }), 'leaderAnchoring').value).toBeCloseTo(0.875, 12);
  });

  it('skips Louvain above communityLimit without changing the total', () => {
    const s = scoreCluster(model, { chain: 'wind', communityLimit: 3 });
    expect(component(s, 'cohesion').raw.modularity).toBeNull();
    expect(component(s, 'cohesion').raw.communities).toBeNull();
    expect(s.network.communities).toBeNull();
    expect(s.total).toBe(score.total);
    expect(() => scoreCluster(model, { chain: 'wind', communityLimit: -1 })).toThrow(ChainError);
  });

  it('counts other statuses on request', () => {
    // ste (steel, under construction) joins: completeness .8; it has no links
    const s = scoreCluster(model, { chain: 'wind', statuses: ['operating', 'under-construction'] });
    expect(component(s, 'completeness').value).toBeCloseTo(0.8, 12);
    expect(s.network.firms).toContain('ste');
    // brokered links no longer counted: fas→tur drops out of the local supply rate: 3 of 5
    const t = scoreCluster(model, { chain: 'wind', linkStatuses: ['active'] });
    expect(component(t, 'localSupply').value).toBeCloseTo(3 / 5, 12);
    expect(() => scoreCluster(model, { chain: 'wind', statuses: ['running' as never] })).toThrow(ChainError);
  });

  it('throws a ChainError listing valid ids for an unknown chain or region', () => {
    expect(() => scoreCluster(model, { chain: 'solar' })).toThrow(ChainError);
    try {
      scoreCluster(model, { chain: 'wind', region: 'mars' });
      expect.unreachable();
    } catch (error) {
      expect((error as ChainError).code).toBe('unknown_region');
      expect((error as ChainError).details.valid).toContain('zone');
    }
  });

  it('is deterministic and JSON-serialisable', () => {
    const again = scoreCluster(model, { chain: 'wind' });
    expect(again).toEqual(score);
    expect(JSON.parse(JSON.stringify(score))).toEqual(score);
  });
});

describe('compareClusters', () => {
  const cmp = compareClusters(model, { chain: 'wind', regions: ['county3', 'county2', 'zone'] });

  it('ranks places by total and every component across them', () => {
    expect(cmp.ranking.map((r) => r.region)).toEqual(['zone', 'county2', 'county3']);
    expect(cmp.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(cmp.ranking[0]!.total).toBe(score.total);
    const completeness = cmp.components.find((c) => c.id === 'completeness')!;
    // zone 0.7, county2 0.2, county3 has no wind firm: unavailable, unranked
    expect(completeness.values.map((v) => [v.value, v.rank])).toEqual([
      [component(score, 'completeness').value, 1],
      [0.2, 2],
      [null, null],
    ]);
    const supply = cmp.components.find((c) => c.id === 'localSupply')!;
    expect(supply.values).toEqual([
      { region: 'zone', value: component(score, 'localSupply').value, rank: 1 },
      { region: 'county2', value: null, rank: null },
      { region: 'county3', value: null, rank: null },
    ]);
    expect(cmp.scores.map((s) => s.region)).toEqual(['zone', 'county2', 'county3']);
  });

  it('gives ties the same rank', () => {
    const tie = compareClusters(model, { chain: 'wind', regions: ['county', 'county2'], weights: { specialisation: 0 } });
    // both have one blade firm: completeness 0.2 each and nothing else weighted
    expect(tie.ranking.map((r) => [r.region, r.rank])).toEqual([
      ['county', 1],
      ['county2', 1],
    ]);
  });

  it('rejects an empty or repeated list and unknown regions', () => {
    expect(() => compareClusters(model, { chain: 'wind', regions: [] })).toThrow(ChainError);
    expect(() => compareClusters(model, { chain: 'wind', regions: ['zone', 'zone'] })).toThrow(ChainError);
    expect(() => compareClusters(model, { chain: 'wind', regions: ['zone', 'mars'] })).toThrow(ChainError);
  });
});

function assertPlain(value: unknown, path = '$'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => assertPlain(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`${path} is not a plain object`);
    for (const [k, v] of Object.entries(value)) assertPlain(v, `${path}.${k}`);
  }
}

describe('properties on generated datasets', () => {
  it('totals lie in [0, 100], values in [0, 1], weights sum to 1, results are plain and input untouched', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.nat(), fc.integer(), (generated, pick, seed) => {
        const frozen = deepFreeze(generated);
        const m = buildModel(frozen, { templates: [] });
        const chain = frozen.chains[pick % frozen.chains.length]!.id;
        const region = frozen.regions[pick % frozen.regions.length]!.id;
        const s = scoreCluster(m, { chain, region, seed, statuses: ['operating', 'under-construction'], leaderRoles: ['leader', 'leading'] });
        assertPlain(s);
        if (s.total !== null) {
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(100);
          const sum = Object.values(s.weightsUsed).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(1, 12);
        }
        for (const c of s.components) {
          expect(c.available).toBe(c.value !== null);
          if (c.value !== null) {
            expect(c.value).toBeGreaterThanOrEqual(0);
            expect(c.value).toBeLessThanOrEqual(1 + 1e-12);
          } else expect(c.weightUsed).toBe(0);
        }
        expect(scoreCluster(m, { chain, region, seed, statuses: ['operating', 'under-construction'], leaderRoles: ['leader', 'leading'] })).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('scaling every output by the same factor changes no component', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.constantFrom(0.5, 2, 10), (generated, factor) => {
        const scaled = structuredClone(generated);
        for (const e of scaled.enterprises) if (e.output !== undefined) e.output *= factor;
        const chain = generated.chains[0]!.id;
        const a = scoreCluster(buildModel(generated, { templates: [] }), { chain, statuses: ['operating', 'under-construction', 'signed'] });
        const b = scoreCluster(buildModel(scaled, { templates: [] }), { chain, statuses: ['operating', 'under-construction', 'signed'] });
        for (const id of CLUSTER_COMPONENTS) {
          const va = component(a, id).value;
          const vb = component(b, id).value;
          if (va === null) expect(vb).toBeNull();
          else expect(vb).toBeCloseTo(va, 9);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('scores in any order on one model (its scratch arrays reused) equal scores on a fresh model', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.nat(), (generated, pick) => {
        const frozen = deepFreeze(generated);
        const shared = buildModel(frozen, { templates: [] });
        const calls = frozen.chains.flatMap((c) =>
          frozen.regions.map((r, i) => ({
            chain: c.id,
            region: r.id,
            communityLimit: i % 2 === 0 ? 0 : 50,
            statuses: ['operating', 'signed'] as const,
          })),
        );
        // a rotated order, then the calls again in reverse: every call runs after different ones
        const order = calls.map((_, i) => calls[(i + pick) % calls.length]!);
        for (const options of [...order, ...order.reverse()]) {
          const opts = { ...options, statuses: [...options.statuses] };
          expect(scoreCluster(shared, opts)).toEqual(scoreCluster(buildModel(frozen, { templates: [] }), opts));
        }
      }),
      { numRuns: 40 },
    );
  });
});

const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../seeds');
function loadSeed(name: string): ChainModel {
  return buildModel(deepFreeze(parseDataset(JSON.parse(readFileSync(resolve(seedsDir, `${name}.json`), 'utf8')))));
}

/** Expected completeness from the template: Σ valueShare of the present segments / Σ valueShare. */
function valueShareOf(m: ChainModel, chain: string, present: string[]): number {
  const segments = m.chains.find((c) => c.id === chain)!.segments;
  const total = segments.reduce((a, s) => a + (s.valueShare ?? 0), 0);
  return segments.filter((s) => present.includes(s.id)).reduce((a, s) => a + (s.valueShare ?? 0), 0) / total;
}

function expectUnavailable(s: ClusterScore, ids: ClusterComponentId[]): void {
  for (const id of ids) {
    const c = component(s, id);
    expect(c.available, id).toBe(false);
    expect(c.value, id).toBeNull();
    expect(c.weightUsed, id).toBe(0);
    expect(c.reason.zh.length, id).toBeGreaterThan(0);
    expect(c.reason.en.length, id).toBeGreaterThan(0);
  }
}

describe('seed: 运城经开区 (yuncheng.json)', () => {
  const m = loadSeed('yuncheng');

  it('scores the new-energy-vehicle chain on completeness alone: no links, no outputs', () => {
    const s = scoreCluster(m, { chain: 'new-energy-vehicle' });
    expect(s.region).toBe('yuncheng-etdz');
    expect(s.network.firms).toEqual(['dayun', 'tongyu-hub', 'chuangda-auto-parts']);
    const c = component(s, 'completeness');
    expect(c.basis).toBe('valueShare');
    expect(c.ids.present).toEqual(['wheels-hubs', 'auto-parts', 'vehicle-assembly']);
    expect(c.value).toBeCloseTo(valueShareOf(m, 'new-energy-vehicle', c.ids.present!), 12);
    expect(c.raw).toMatchObject({ segments: 22, segmentsPresent: 3 });
    expectUnavailable(s, ['localSupply', 'leaderAnchoring', 'cohesion', 'specialisation', 'concentration']);
    // 大运 is the 链主, but nothing links to it and no output is known
    expect(component(s, 'leaderAnchoring').raw).toMatchObject({ leaders: 1, localLinks: 0, firmsWithOutput: 0 });
    expect(component(s, 'cohesion').reason.en).toContain('No supply links are recorded among the 3 local firms');
    expect(component(s, 'specialisation').reason.en).toContain('known output or employee count');
    expect(s.weightsUsed.completeness).toBe(1);
    expect(s.total).toBeCloseTo(100 * c.value!, 10);
    // the document counts 20 firms of the chain; the dataset names 3
    expect(s.notes.some((n) => n.en.includes('nev-enterprise-count counts 20 firms'))).toBe(true);
  });

  it('scores every chain of the zone, with the 链主 of each recorded', () => {
    const expected: Record<string, { firms: number; leaders: number; present: number; basis: string }> = {
      'new-energy-vehicle': { firms: 3, leaders: 1, present: 3, basis: 'valueShare' },
      'copper-materials': { firms: 4, leaders: 2, present: 6, basis: 'valueShare' },
      // 华兆东南 is a 链主 by chainRoles, without a segment
      'green-building-materials': { firms: 5, leaders: 2, present: 2, basis: 'valueShare' },
      'intelligent-equipment': { firms: 1, leaders: 1, present: 1, basis: 'valueShare' },
    };
    for (const [chain, e] of Object.entries(expected)) {
      const s = scoreCluster(m, { chain });
      expect(s.network.firms, chain).toHaveLength(e.firms);
      expect(component(s, 'leaderAnchoring').raw.leaders, chain).toBe(e.leaders);
      const c = component(s, 'completeness');
      expect(c.raw.segmentsPresent, chain).toBe(e.present);
      expect(c.basis, chain).toBe(e.basis);
      if (e.basis === 'equal') expect(c.value, chain).toBeCloseTo(e.present / Number(c.raw.segments), 12);
      else expect(c.value, chain).toBeCloseTo(valueShareOf(m, chain, c.ids.present!), 12);
      expectUnavailable(s, ['localSupply', 'leaderAnchoring', 'cohesion', 'specialisation', 'concentration']);
      expect(s.total, chain).toBeCloseTo(100 * c.value!, 10);
    }
    expect(scoreCluster(m, { chain: 'green-building-materials' }).network.firms).toContain('huazhao-dongnan');
  });
});

describe('seed: 酒泉 (jiuquan.json)', () => {
  const m = loadSeed('jiuquan');
  const wind = scoreCluster(m, { chain: 'wind-power' });

  it('wind power in 酒泉: completeness, a local supply rate from the one local brokered link, cohesion', () => {
    expect(wind.region).toBe('jiuquan');
    expect(wind.network.firms).toEqual(['yunfeng-smart-wind', 'jiuding-blade', 'ruida-fastener', 'xinjin-cable', 'lvneng-cable', 'riyue-gansu']);
    const c = component(wind, 'completeness');
    expect(c.ids.present).toEqual(['castings-forgings', 'blades', 'fasteners', 'cables', 'turbine-assembly']);
    expect(c.ids.outsideBasis).toEqual([]);
    expect(c.value).toBeCloseTo(valueShareOf(m, 'wind-power', c.ids.present!), 12);

    // 九鼎叶片 → 云风智慧 is the only brokered link into a local firm; the others go to buyers
    // outside 酒泉. No link carries a value: by count, 1 of 1.
    const supply = component(wind, 'localSupply');
    expect(supply.basis).toBe('count');
    expect(supply.value).toBe(1);
    expect(supply.raw).toMatchObject({ inputLinks: 1, localInputLinks: 1, linksWithValue: 0, rateByKnownValue: null });
    expect(supply.ids.localSuppliers).toEqual(['jiuding-blade']);

    // 6 firms, 1 linked pair: largest component 2/6; density 1/15, × 6/2 = 1/5; clustering 0
    const cohesion = component(wind, 'cohesion');
    expect(cohesion.value).toBeCloseTo((1 / 3 + 1 / 5 + 0) / 3, 12);
    expect(cohesion.raw).toMatchObject({ firms: 6, pairs: 1, components: 5, largestComponent: 2, averageClustering: 0, modularity: 0 });
    expect(cohesion.raw.density).toBeCloseTo(1 / 15, 12);
    expect(wind.network.largestComponent).toEqual(['yunfeng-smart-wind', 'jiuding-blade']);

    expectUnavailable(wind, ['leaderAnchoring', 'specialisation', 'concentration']);
    expect(component(wind, 'leaderAnchoring').reason.en).toContain('No local firm is a chain leader');
    expect(component(wind, 'concentration').reason.en).toContain('Only 0 of 6 local firms have a known output');
    expect(wind.total).toBeCloseTo((100 * (0.25 * c.value! + 0.2 * 1 + 0.15 * cohesion.value!)) / 0.6, 10);
  });

  it('compares 酒泉 with its development zone: the zone has no recorded local buyer', () => {
    const cmp = compareClusters(m, { chain: 'wind-power', regions: ['jiuquan-etdz', 'jiuquan'] });
    expect(cmp.ranking.map((r) => r.region)).toEqual(['jiuquan', 'jiuquan-etdz']);
    const zone = cmp.scores[1]!;
    // blades, fasteners and cables makers sit in the zone; their buyers do not
    expect(zone.network.firms).toEqual(['jiuding-blade', 'ruida-fastener', 'xinjin-cable', 'lvneng-cable']);
    expect(component(zone, 'completeness').ids.present).toEqual(['blades', 'fasteners', 'cables']);
    expectUnavailable(zone, ['localSupply', 'leaderAnchoring', 'cohesion', 'specialisation', 'concentration']);
    expect(cmp.components.find((c) => c.id === 'localSupply')!.values.map((v) => v.rank)).toEqual([1, null]);
  });

  it('chains without a recorded local firm get no score rather than zero', () => {
    for (const chain of ['solar-thermal', 'hydrogen', 'smart-grid', 'petrochemical', 'coal-chemical']) {
      const s = scoreCluster(m, { chain });
      expect(s.total, chain).toBeNull();
      expectUnavailable(s, [...CLUSTER_COMPONENTS]);
      expect(s.reason.en, chain).toContain('supports none of the six components');
    }
  });

  it('fine chemicals, counting signed and building firms: a 龙头 but no 链主', () => {
    const s = scoreCluster(m, { chain: 'fine-chemical', statuses: ['operating', 'under-construction', 'signed'] });
    expect(s.network.firms).toEqual(['gansu-juhua', 'yabang-acid']);
    const completeness = component(s, 'completeness');
    expect(completeness.ids.present).toEqual(['acid-making', 'fluorosilicon-materials']);
    expect(completeness.value).toBeCloseTo(valueShareOf(m, 'fine-chemical', ['acid-making', 'fluorosilicon-materials']), 12);
    expect(component(s, 'leaderAnchoring').raw).toEqual({ leaders: 0, leadingFirms: 1, firms: 2 });
    expect(scoreCluster(m, { chain: 'fine-chemical' }).total).toBeNull();
  });
});
