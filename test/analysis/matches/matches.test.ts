import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestMatches } from '../../../src/analysis/matches/index.js';
import { withChanges } from '../../../src/analysis/scenarios/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { isLocal } from '../../../src/graph/queries.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';
import { seedModel } from '../../support/seeds.js';


/*
 * Hand-checked dataset. Regions: cn ⊃ p ⊃ city ⊃ zone ⊃ {parkA, parkB}; an outside province far.
 * Chains: wind (cables 电线电缆, blades 叶片 → turbine 整机; cables→turbine 0.01, blades→turbine
 * 0.2) and copper (rod 铜杆 → wire-cable 电线电缆, 0.6): copper's wire-cable is "the same product"
 * as wind's cables through the shared name 电线电缆 (the ids differ).
 *
 *   parkA: T1 turbine 50, B1 blades 8            parkB: T2 turbine 10, K1 copper wire-cable 4
 *   zone:  R1 copper rod (output unknown)        far:   OB blades, OT turbine 100
 * Links: OB → T1 blades (active: T1 buys blades from outside); B1 → T2 (potential).
 *
 * Candidates (local buyers): (B1,T1) via blades→turbine; (K1,T1), (K1,T2) via cables→turbine,
 * matched across chains; (R1,K1) via rod→wire-cable; (B1,T2) is linked (potential) → left out.
 *   demand a·x:  (B1,T1) 0.2·50 = 10   (K1,T1) 0.5   (K1,T2) 0.1   (R1,K1) 0.6·4 = 2.4   → /10
 *   outside:     (B1,T1) 1 (OB → T1 blades), others 0
 *   capacity:    B1 8, K1 4, R1 unknown → median of {8, 4} = 6     → /8
 *   colocation:  (B1,T1) same park 1; (K1,T1) same zone 0.5; (K1,T2) same park 1; (R1,K1) zone 0.5
 * Score = .4·demand + .2·outside + .2·capacity + .2·colocation:
 *   (B1,T1) = .4 + .2 + .2 + .2 = 1
 *   (R1,K1) = .4·.24 + 0 + .2·.75 + .2·.5 = .346
 *   (K1,T2) = .4·.01 + 0 + .2·.5 + .2·1 = .304
 *   (K1,T1) = .4·.05 + 0 + .2·.5 + .2·.5 = .22
 */
const input: DatasetInput = {
  meta: { id: 'matches', name: '供需对接', region: 'city' },
  regions: [
    { id: 'cn', name: '中国', kind: 'country' },
    { id: 'p', name: '省', kind: 'province', parent: 'cn' },
    { id: 'city', name: '市', kind: 'city', parent: 'p' },
    { id: 'zone', name: '经开区', kind: 'zone', parent: 'city' },
    { id: 'parkA', name: '装备园', kind: 'park', parent: 'zone' },
    { id: 'parkB', name: '材料园', kind: 'park', parent: 'zone' },
    { id: 'far', name: '外省', kind: 'province', parent: 'cn' },
  ],
  chains: [
    {
      id: 'wind',
      name: '风电',
      segments: [
        { id: 'cables', name: '电线电缆', stage: 'midstream' },
        { id: 'blades', name: '叶片', stage: 'midstream' },
        { id: 'turbine', name: '整机', stage: 'downstream' },
      ],
      flows: [
        { from: 'cables', to: 'turbine', coefficient: 0.01 },
        { from: 'blades', to: 'turbine', coefficient: 0.2 },
      ],
    },
    {
      id: 'copper',
      name: '铜材',
      segments: [
        { id: 'rod', name: '铜杆', stage: 'upstream' },
        { id: 'wire-cable', name: '电线电缆', stage: 'midstream' },
      ],
      flows: [{ from: 'rod', to: 'wire-cable', coefficient: 0.6 }],
    },
  ],
  enterprises: [
    { id: 'T1', name: '整机一', region: 'parkA', segments: [{ chain: 'wind', segment: 'turbine' }], output: 50 },
    { id: 'T2', name: '整机二', region: 'parkB', segments: [{ chain: 'wind', segment: 'turbine' }], output: 10 },
    { id: 'B1', name: '叶片厂', region: 'parkA', segments: [{ chain: 'wind', segment: 'blades' }], output: 8 },
    { id: 'K1', name: '线缆厂', region: 'parkB', segments: [{ chain: 'copper', segment: 'wire-cable' }], output: 4 },
    { id: 'R1', name: '铜杆厂', region: 'zone', segments: [{ chain: 'copper', segment: 'rod' }] },
    { id: 'OB', name: '外地叶片', region: 'far', segments: [{ chain: 'wind', segment: 'blades' }] },
    { id: 'OT', name: '外地整机', region: 'far', segments: [{ chain: 'wind', segment: 'turbine' }], output: 100 },
  ],
  links: [
    { from: 'OB', to: 'T1', segment: { chain: 'wind', segment: 'blades' } },
    { from: 'B1', to: 'T2', status: 'potential' },
  ],
};
const model = buildModel(deepFreeze(parseDataset(input, { templates: [] })), { templates: [] });
const pairs = (r: ReturnType<typeof suggestMatches>) => r.matches.map((m) => `${m.supplier}→${m.buyer}`);

describe('suggestMatches', () => {
  it('ranks unlinked local pairs by demand, outside sourcing, capacity and co-location (hand-checked)', () => {
    const r = suggestMatches(model);
    expect(r.scope).toEqual({ region: 'city', chain: null });
    expect(r.candidates).toBe(4);
    expect(pairs(r)).toEqual(['B1→T1', 'R1→K1', 'K1→T2', 'K1→T1']);
    expect(r.matches.map((m) => m.score)).toEqual([1, 0.346, 0.304, 0.22].map((x) => expect.closeTo(x, 12)));
    expect(r.matches.map((m) => m.rank)).toEqual([1, 2, 3, 4]);
    expect(r.components.every((c) => c.available)).toBe(true);
    expect(r.notes).toEqual([]);
    const top = r.matches[0]!;
    expect(top).toMatchObject({
      supplierSegment: { chain: 'wind', segment: 'blades' },
      buyerSegment: { chain: 'wind', segment: 'turbine' },
      flow: { chain: 'wind', from: 'blades', to: 'turbine', coefficient: 0.2 },
      crossChain: false,
      buyerLocal: true,
      demand: { value: 10, coefficient: 'known', buyerOutput: 'known' },
      outsideSuppliers: 1,
      supplierOutput: 8,
      colocation: { level: 'site', region: 'parkA' },
    });
    expect(top.reason.zh).toContain('估计需求 10亿元');
    expect(top.reason.zh).toContain('买方现从外地 1 家企业采购该投入');
    expect(top.reason.zh).toContain('双方同在装备园');
    const rod = r.matches[1]!;
    expect(rod.colocation).toEqual({ level: 'zone', region: 'zone' });
    expect(rod.scores).toEqual({ demand: expect.closeTo(0.24, 12), outside: 0, capacity: 0.75, colocation: 0.5 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('matches segments across chains by a shared product name, and says on which label', () => {
    const r = suggestMatches(model);
    const cable = r.matches.find((m) => m.supplier === 'K1' && m.buyer === 'T1')!;
    expect(cable).toMatchObject({
      supplierSegment: { chain: 'copper', segment: 'wire-cable' },
      flow: { chain: 'wind', from: 'cables', to: 'turbine', coefficient: 0.01 },
      crossChain: true,
      matchedOn: ['电线电缆'],
    });
    expect(cable.demand.value).toBeCloseTo(0.5, 12);
    expect(cable.reason.zh).toContain('跨链按同类产品匹配（电线电缆）');
  });

  it('does not match segments sharing only an id or only an alias', () => {
    const m = buildModel(
      parseDataset(
        {
          meta: { id: 'ids', name: '同名', region: 'z' },
          regions: [{ id: 'z', name: '区', kind: 'zone' }],
          chains: [
            { id: 'pv', name: '光伏', segments: [{ id: 'cells', name: '电池片', aliases: ['电池'], stage: 'midstream' }, { id: 'modules', name: '组件', stage: 'midstream' }], flows: [{ from: 'cells', to: 'modules', coefficient: 0.5 }] },
            { id: 'es', name: '储能', segments: [{ id: 'cells', name: '电芯', aliases: ['电池'], stage: 'midstream' }, { id: 'pack', name: 'PACK', stage: 'midstream' }], flows: [{ from: 'cells', to: 'pack', coefficient: 0.8 }] },
          ],
          enterprises: [
            { id: 'solar', name: '电池片厂', region: 'z', segments: [{ chain: 'pv', segment: 'cells' }] },
            { id: 'battery', name: '电芯厂', region: 'z', segments: [{ chain: 'es', segment: 'cells' }] },
            { id: 'packer', name: 'PACK厂', region: 'z', segments: [{ chain: 'es', segment: 'pack' }] },
            { id: 'moduler', name: '组件厂', region: 'z', segments: [{ chain: 'pv', segment: 'modules' }] },
          ],
        },
        { templates: [] },
      ),
      { templates: [] },
    );
    expect(pairs(suggestMatches(m)).sort()).toEqual(['battery→packer', 'solar→moduler']);
  });

  it('counts a link of any status as linked, or only active links when asked', () => {
    const r = suggestMatches(model, { excludeLinked: 'active' });
    // (B1,T2): demand 0.2·10 = 2 → .2; outside 0; capacity 1; same zone .5 → .08 + .2 + .1 = .38
    expect(pairs(r)).toEqual(['B1→T1', 'B1→T2', 'R1→K1', 'K1→T2', 'K1→T1']);
    expect(r.matches[1]!.score).toBeCloseTo(0.38, 12);
  });

  it('considers outside buyers with buyers: "any"', () => {
    const r = suggestMatches(model, { buyers: 'any' });
    // OT's demand for blades 0.2·100 = 20 is now the largest: (B1,OT) = .4 + 0 + .2 + 0 = .6,
    // (B1,T1) = .4·.5 + .2 + .2 + .2 = .8
    expect(r.candidates).toBe(6);
    const ot = r.matches.find((m) => m.supplier === 'B1' && m.buyer === 'OT')!;
    expect(ot).toMatchObject({ buyerLocal: false, colocation: null });
    expect(ot.score).toBeCloseTo(0.6, 12);
    expect(ot.reason.zh).toContain('买方在本地以外');
    expect(r.matches[0]).toMatchObject({ supplier: 'B1', buyer: 'T1', score: expect.closeTo(0.8, 12) });
    expect(r.matches.every((m) => m.supplier !== 'OB')).toBe(true);
  });

  it('keeps pairs touching the chain, and cuts the list at the limit', () => {
    expect(pairs(suggestMatches(model, { chain: 'copper' }))).toEqual(['R1→K1', 'K1→T2', 'K1→T1']);
    const two = suggestMatches(model, { limit: 2 });
    expect(pairs(two)).toEqual(['B1→T1', 'R1→K1']);
    expect(two.candidates).toBe(4);
  });

  it('re-weights when a component carries no information, and says so', () => {
    const bare: DatasetInput = { ...input, enterprises: input.enterprises!.map(({ output: _o, ...e }) => e), links: [] };
    const r = suggestMatches(buildModel(parseDataset(bare, { templates: [] }), { templates: [] }));
    expect(r.components.filter((c) => c.available).map((c) => c.name)).toEqual(['demand', 'colocation']);
    expect(r.matches[0]!.demand).toEqual({ value: null, coefficient: 'known', buyerOutput: 'unknown' });
    expect(r.notes[0]!.en).toContain('supplier size (no candidate supplier has a known output)');
    // demand = coefficient alone (.2 / .6 = 1/3 for blades) · 2/3 + colocation · 1/3
    const b1 = r.matches.find((m) => m.supplier === 'B1' && m.buyer === 'T1')!;
    expect(b1.score).toBeCloseTo((2 / 3) * (0.2 / 0.6) + 1 / 3, 12);
  });

  it('throws ChainErrors for unknown ids and a bad limit', () => {
    expect(() => suggestMatches(model, { chain: 'nope' })).toThrow(ChainError);
    expect(() => suggestMatches(model, { limit: -1 })).toThrow(ChainError);
    expect(() => suggestMatches(model, { weights: { demand: Number.NaN } })).toThrow(ChainError);
  });

  it('never suggests a linked pair, a self pair or a non-local supplier (random datasets)', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.constantFrom<'any' | 'local'>('any', 'local'), fc.nat(), (ds, buyers, pick) => {
        const m = buildModel(deepFreeze(ds), { templates: [] });
        const region = ds.regions[pick % ds.regions.length]!.id;
        const r = suggestMatches(m, { buyers, region, limit: Infinity });
        const linked = new Set(ds.links.map((l) => `${l.from}→${l.to}`));
        for (const x of r.matches) {
          expect(linked.has(`${x.supplier}→${x.buyer}`)).toBe(false);
          expect(x.supplier).not.toBe(x.buyer);
          expect(isLocal(m, x.supplier, region)).toBe(true);
          expect(x.buyerLocal).toBe(isLocal(m, x.buyer, region));
          if (buyers === 'local') expect(x.buyerLocal).toBe(true);
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(new Set(pairs(r)).size).toBe(r.matches.length);
        expect(r.matches.length).toBe(r.candidates);
      }),
      { numRuns: 80 },
    );
  });

  it('finds exactly the pairs a naive enumeration over all pairs of firms finds (random datasets)', () => {
    // naive reference: every (supplier, buyer) of eligible firms, kept when some segment of the
    // supplier has the id of a flow's source and some segment of the buyer the id of its target —
    // in the same chain, or in another chain with the same name (the generated segments of all
    // chains are named 环节0, 环节1 ...: a shared name, no aliases)
    fc.assert(
      fc.property(datasetArbitrary(), fc.constantFrom<'any' | 'local'>('any', 'local'), fc.nat(), (ds, buyers, pick) => {
        const m = buildModel(deepFreeze(ds), { templates: [] });
        const region = ds.regions[pick % ds.regions.length]!.id;
        const r = suggestMatches(m, { buyers, region, limit: Infinity });
        const ok = (e: (typeof ds.enterprises)[number]) => e.status !== 'closed' && e.status !== 'prospect';
        const same = (a: { chain: string; segment: string }, chain: string, segment: string) =>
          a.segment === segment && (a.chain === chain || ds.chains.find((c) => c.id === a.chain)!.segments.find((x) => x.id === a.segment)!.name === ds.chains.find((c) => c.id === chain)!.segments.find((x) => x.id === segment)!.name);
        const expected = new Set<string>();
        for (const b of ds.enterprises) {
          if (!ok(b) || (buyers === 'local' && !isLocal(m, b.id, region))) continue;
          for (const s of ds.enterprises) {
            if (s === b || !ok(s) || !isLocal(m, s.id, region)) continue;
            if (ds.links.some((l) => l.from === s.id && l.to === b.id)) continue;
            const feeds = ds.chains.some((c) =>
              c.flows.some((f) => s.segments.some((a) => same(a, c.id, f.from)) && b.segments.some((a) => same(a, c.id, f.to))),
            );
            if (feeds) expected.add(`${s.id}→${b.id}`);
          }
        }
        expect(new Set(pairs(r))).toEqual(expected);
        expect(r.candidates).toBe(expected.size);
      }),
      { numRuns: 150 },
    );
  });

  it('returns with a limit exactly the head of the full ranking (random datasets)', () => {
    fc.assert(
      fc.property(datasetArbitrary({ maxEnterprises: 20, maxLinks: 15 }), fc.integer({ min: 0, max: 6 }), (ds, k) => {
        const m = buildModel(deepFreeze(ds), { templates: [] });
        const all = suggestMatches(m, { buyers: 'any', limit: Infinity });
        const head = suggestMatches(m, { buyers: 'any', limit: k });
        expect(head.matches).toEqual(all.matches.slice(0, k));
        expect(head.candidates).toBe(all.candidates);
      }),
      { numRuns: 150 },
    );
  });
});

/*
 * Golden: 酒泉 (doc-003, line 34). The zone brokered five supply deals, recorded in the seed as
 * eight links with status `brokered` (the cable sentence pairs two suppliers with two buyers).
 * Removed, does suggestMatches find them again?
 *
 * What the seed and the templates allow:
 * - Only one of the eight buyers is local: 云风智慧 (yunfeng-smart-wind, 酒泉). 金风 (urumqi),
 *   华锐 (beijing), 明阳 (zhongshan) and 正泰新能源 (zhejiang) are recorded at their
 *   headquarters, so with local buyers (the default) only 九鼎叶片 → 云风智慧 can come back.
 * - With buyers: 'any' all eight come back (each rests on a template flow), but no output of any
 *   firm is published, no link has a value and no outside sourcing is recorded: demand is the
 *   template coefficient alone. Blades (0.2) and frames (0.08) rank high; piles → PV plants (0.04)
 *   mid; fasteners and cables into turbine assembly (0.01, about 1% of a turbine) rank last.
 */
const jiuquan = seedModel('jiuquan');
const brokered = jiuquan.dataset.links.filter((l) => l.status === 'brokered' && l.sources?.some((s) => s.source === 'doc-003'));
const withoutBrokered = withChanges(jiuquan, { removeLinks: brokered.map((l) => l.id!) });

describe('suggestMatches on the 酒泉 seed without the brokered links of doc-003', () => {
  it('removes the eight brokered link records of the five deals', () => {
    expect(brokered).toHaveLength(8);
    expect(withoutBrokered.dataset.links.some((l) => l.status === 'brokered')).toBe(false);
  });

  it('suggests the one brokered pair with a local buyer, 九鼎叶片 → 云风智慧, first among that supplier\'s buyers', () => {
    const r = suggestMatches(withoutBrokered, { limit: Infinity });
    const hit = r.matches.find((m) => m.supplier === 'jiuding-blade' && m.buyer === 'yunfeng-smart-wind')!;
    expect(hit).toBeDefined();
    expect(hit.flow).toEqual({ chain: 'wind-power', from: 'blades', to: 'turbine-assembly', coefficient: expect.any(Number) });
    // behind only the storage pairs with larger coefficients (cells → pack, pack → integration)
    expect(hit.rank).toBeLessThanOrEqual(5);
    expect(r.matches.filter((m) => m.score > hit.score).every((m) => m.flow.chain === 'energy-storage')).toBe(true);
    const local = new Set(r.matches.map((m) => `${m.supplier}→${m.buyer}`));
    expect(brokered.filter((l) => local.has(`${l.from}→${l.to}`)).map((l) => l.id)).toEqual(['jiuding-yunfeng']);
  });

  it('finds all eight brokered pairs with outside buyers, ranked by the template coefficient alone', () => {
    const r = suggestMatches(withoutBrokered, { buyers: 'any', limit: Infinity });
    const found = brokered.map((l) => r.matches.find((m) => m.supplier === l.from && m.buyer === l.to));
    expect(found.every((m) => m !== undefined)).toBe(true);
    expect(r.components.filter((c) => c.available).map((c) => c.name)).toEqual(['demand']);
    expect(found.every((m) => m!.demand.buyerOutput === 'unknown')).toBe(true);
    const rankOf = (id: string) => found[brokered.findIndex((l) => l.id === id)]!;
    // blade and frame deals in the top third; the coefficient orders the rest
    expect(rankOf('jiuding-yunfeng').rank).toBeLessThanOrEqual(r.candidates / 3);
    expect(rankOf('zhongshui-chint').rank).toBeLessThanOrEqual(r.candidates / 3);
    expect(rankOf('jiuding-yunfeng').score).toBeGreaterThan(rankOf('zhongshui-chint').score);
    expect(rankOf('zhongshui-chint').score).toBeGreaterThan(rankOf('tongfengyuan-chint').score);
    expect(rankOf('tongfengyuan-chint').score).toBeGreaterThan(rankOf('ruida-goldwind').score);
    // the fastener and cable deals tie in the last group: coefficient 0.01 into turbine assembly
    const last = Math.max(...r.matches.map((m) => m.rank));
    for (const id of ['ruida-goldwind', 'xinjin-sinovel', 'xinjin-mingyang', 'lvneng-sinovel', 'lvneng-mingyang']) {
      expect(rankOf(id).rank).toBe(last);
      expect(rankOf(id).flow.coefficient).toBe(0.01);
    }
    // each brokered buyer is one of its supplier's best-scoring buyers in that segment
    for (const m of found) {
      const sameFlow = r.matches.filter((x) => x.supplier === m!.supplier && x.flow.from === m!.flow.from && x.flow.to === m!.flow.to);
      expect(m!.score).toBe(Math.max(...sameFlow.map((x) => x.score)));
    }
  });
});

describe('suggestMatches called repeatedly on one model', () => {
  it('gives each call the result of a first call, in any order (the scratch arrays are reused)', () => {
    const calls: Parameters<typeof suggestMatches>[1][] = [
      ...jiuquan.chains.map((c) => ({ chain: c.id, limit: 10 })),
      { limit: 5, region: 'jiuquan-etdz' },
      { chain: 'energy-storage', limit: Infinity, buyers: 'any' },
      { chain: 'wind-power', limit: 3, excludeLinked: 'active' },
    ];
    // each on a model of its own: a first call, with no scratch memory used before
    const fresh = calls.map((options) => JSON.stringify(suggestMatches(seedModel('jiuquan'), options)));
    for (const order of [calls.map((_, i) => i), calls.map((_, i) => calls.length - 1 - i)])
      for (const i of order) expect(JSON.stringify(suggestMatches(jiuquan, calls[i]))).toBe(fresh[i]);
  });
});
