import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessResilience, simulateDisruption, singlePointsOfFailure } from '../../../src/analysis/resilience/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';
import { seedModel } from '../../support/seeds.js';


const chain = (segments: string[]) => ({
  id: 'c',
  name: '链',
  segments: segments.map((id) => ({ id, name: id, stage: 'midstream' as const })),
});
const seg = (segment: string) => ({ chain: 'c', segment });

/*
 * Cascade, hand-checked. Firms (output, 亿元): A raw 10, B raw 20, C part 30, D asm 100,
 * E raw2 (unknown), F asm + svc 40. A and E are located outside (region out).
 * Links: A→C raw 2, B→C raw 6, E→C raw2 (no value), C→D part 10, C→F part 5, B→F raw 1.
 * C's inputs: group raw {A 2, B 6} (substitutes), group raw2 {E} — Leontief over the groups.
 *
 * Remove A: φ_C = min((2·0 + 6·1)/8, 1) = .75; D = .75 (only C); F = min(.75, 1) = .75.
 *   lost: A 10 (direct), C 7.5, D 25, F 10 → 52.5 of 200 known; firm-equivalents 1 + 3·.25 = 1.75.
 *   segments (F split over asm and svc): asm D 25 + F 5 = 30 of 100 + 20; svc 5 of 20.
 * Shortfall .5: φ_A = .5, φ_C = (2·.5 + 6)/8 = .875 = φ_D = φ_F.
 * Remove E: C's raw2 group is empty → φ_C = 0 → D and F cut off: 30 + 100 + 40 = 170 lost.
 */
const cascadeInput: DatasetInput = {
  meta: { id: 'cascade', name: '断供', region: 'home' },
  regions: [
    { id: 'cn', name: '中国', kind: 'country' },
    { id: 'home', name: '本市', kind: 'city', parent: 'cn' },
    { id: 'out', name: '外省', kind: 'province', parent: 'cn' },
  ],
  chains: [chain(['raw', 'raw2', 'part', 'asm', 'svc'])],
  enterprises: [
    { id: 'A', name: '甲', region: 'out', segments: [seg('raw')], output: 10 },
    { id: 'B', name: '乙', region: 'home', segments: [seg('raw')], output: 20 },
    { id: 'C', name: '丙', region: 'home', segments: [seg('part')], output: 30 },
    { id: 'D', name: '丁', region: 'home', segments: [seg('asm')], output: 100 },
    { id: 'E', name: '戊', region: 'out', segments: [seg('raw2')] },
    { id: 'F', name: '己', region: 'home', segments: [seg('asm'), seg('svc')], output: 40 },
  ],
  links: [
    { from: 'A', to: 'C', segment: seg('raw'), value: 2 },
    { from: 'B', to: 'C', segment: seg('raw'), value: 6 },
    { from: 'E', to: 'C', segment: seg('raw2') },
    { from: 'C', to: 'D', segment: seg('part'), value: 10 },
    { from: 'C', to: 'F', segment: seg('part'), value: 5 },
    { from: 'B', to: 'F', segment: seg('raw'), value: 1 },
  ],
};
const cascadeModel = buildModel(deepFreeze(parseDataset(cascadeInput, { templates: [] })), { templates: [] });

/** Firms from which `leader` is reachable along counted (active, brokered) links avoiding `without`: the naive reference of the dominator checks. */
function reachesAvoiding(links: readonly { from: string; to: string; status: string }[], leader: string, without: string): Set<string> {
  const counted = links.filter((l) => l.status === 'active' || l.status === 'brokered');
  const seen = new Set([leader]);
  const queue = [leader];
  while (queue.length > 0) {
    const b = queue.shift()!;
    for (const l of counted) if (l.to === b && l.from !== without && !seen.has(l.from)) (seen.add(l.from), queue.push(l.from));
  }
  return seen;
}

describe('simulateDisruption', () => {
  it('propagates a supplier loss downstream in fixed proportions (hand-checked)', () => {
    const r = simulateDisruption(cascadeModel, { remove: { enterprises: ['A'] } });
    expect(r.removed).toEqual(['A']);
    expect(r.enterprises.map((e) => [e.id, e.outputFactor, e.outputLost])).toEqual([
      ['A', 0, 10],
      ['D', 0.75, 25],
      ['F', 0.75, 10],
      ['C', 0.75, 7.5],
    ]);
    expect(r.total).toMatchObject({ firms: 6, firmsAffected: 4, outputLost: 52.5, knownOutput: 200, lostShare: 0.2625, firmEquivalentsLost: 1.75 });
    expect(r.direct).toMatchObject({ outputLost: 10, firmsAffected: 1 });
    expect(r.indirect).toMatchObject({ outputLost: 42.5, firmsAffected: 3, firmsCutOff: 0 });
    // local (home): B, C, D, F
    expect(r.local).toMatchObject({ region: 'home', firms: 4, outputLost: 42.5, knownOutput: 190 });
    expect(r.segments).toEqual([
      { chain: 'c', segment: 'raw', firmsAffected: 1, outputLost: 10, knownOutput: 30, lostShare: 1 / 3, firmEquivalentsLost: 1 },
      { chain: 'c', segment: 'part', firmsAffected: 1, outputLost: 7.5, knownOutput: 30, lostShare: 0.25, firmEquivalentsLost: 0.25 },
      { chain: 'c', segment: 'asm', firmsAffected: 2, outputLost: 30, knownOutput: 120, lostShare: 0.25, firmEquivalentsLost: 0.375 },
      { chain: 'c', segment: 'svc', firmsAffected: 1, outputLost: 5, knownOutput: 20, lostShare: 0.25, firmEquivalentsLost: 0.125 },
    ]);
    expect(r.cutOff).toEqual([]);
    expect(r.converged).toBe(true);
    expect(r.reason.zh).toContain('波及 3 家下游企业');
    expect(r.reason.zh).toContain('产值损失 52.5亿元');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('scales the shock with the shortfall', () => {
    const r = simulateDisruption(cascadeModel, { remove: { enterprises: ['A'] }, shortfall: 0.5 });
    expect(Object.fromEntries(r.enterprises.map((e) => [e.id, e.outputFactor]))).toEqual({ A: 0.5, C: 0.875, D: 0.875, F: 0.875 });
    expect(r.total.outputLost).toBeCloseTo(5 + 0.125 * 170, 12);
  });

  it('cuts off every firm downstream of a sole input (links of unknown value counted by count)', () => {
    const r = simulateDisruption(cascadeModel, { remove: { enterprises: ['E'] } });
    expect(r.cutOff).toEqual(['C', 'D', 'F']);
    expect(r.total).toMatchObject({ outputLost: 170, affectedWithUnknownOutput: 1, firmsCutOff: 4 });
    expect(r.direct.outputLost).toBeNull(); // E's own output is unknown: nothing known to lose, not 0
  });

  it('removes a segment or every supplier of a region', () => {
    const bySegment = simulateDisruption(cascadeModel, { remove: { chain: 'c', segment: 'raw' } });
    expect(bySegment.removed).toEqual(['A', 'B']);
    expect(bySegment.cutOff).toEqual(['C', 'D', 'F']);
    const byRegion = simulateDisruption(cascadeModel, { remove: { region: 'out' } });
    expect(byRegion.removed).toEqual(['A', 'E']);
    expect(byRegion.cutOff).toEqual(['C', 'D', 'F']);
    // a region's firms that supply nobody are not "suppliers located there"
    const home = simulateDisruption(cascadeModel, { remove: { region: 'home' } });
    expect(home.removed).toEqual(['B', 'C']);
  });

  it('weighs a group by count when any of its links lacks a value', () => {
    // G → C raw without a value: C's raw group {A, B, G} counts 1 each → removing A leaves 2/3
    const m = buildModel(
      parseDataset({ ...cascadeInput, enterprises: [...cascadeInput.enterprises!, { id: 'G', name: '庚', region: 'home', segments: [seg('raw')] }], links: [...cascadeInput.links!, { from: 'G', to: 'C', segment: seg('raw') }] }, { templates: [] }),
      { templates: [] },
    );
    const r = simulateDisruption(m, { remove: { enterprises: ['A'] } });
    expect(r.enterprises.find((e) => e.id === 'C')!.outputFactor).toBeCloseTo(2 / 3, 15);
  });

  it('converges on a supply cycle to the greatest fixed point', () => {
    // X's input group g: from Z and from Y (1 each); Y's only input: X. Without Z:
    // φ_X = φ_Y / 2, φ_Y = φ_X → both fall geometrically to 0.
    const m = buildModel(
      parseDataset(
        {
          meta: { id: 'cycle', name: '循环', region: 'r' },
          regions: [{ id: 'r', name: '区', kind: 'zone' }],
          chains: [chain(['g', 'h'])],
          enterprises: [
            { id: 'X', name: 'X', region: 'r', segments: [seg('h')], output: 8 },
            { id: 'Y', name: 'Y', region: 'r', segments: [seg('g')], output: 2 },
            { id: 'Z', name: 'Z', region: 'r', segments: [seg('g')] },
          ],
          links: [
            { from: 'Z', to: 'X', segment: seg('g') },
            { from: 'Y', to: 'X', segment: seg('g') },
            { from: 'X', to: 'Y', segment: seg('h') },
          ],
        },
        { templates: [] },
      ),
      { templates: [] },
    );
    const r = simulateDisruption(m, { remove: { enterprises: ['Z'] } });
    expect(r.converged).toBe(true);
    expect(r.rounds).toBeGreaterThan(30);
    expect(r.cutOff).toEqual(['X', 'Y']);
    expect(r.total.outputLost).toBeCloseTo(10, 9);
  });

  it('counts only links of the counted statuses', () => {
    const r = simulateDisruption(cascadeModel, { remove: { enterprises: ['A'] }, linkStatuses: ['brokered'] });
    expect(r.enterprises.map((e) => e.id)).toEqual(['A']);
  });

  it('rejects a bad shortfall or target, and unknown ids', () => {
    expect(() => simulateDisruption(cascadeModel, { remove: { enterprises: ['A'] }, shortfall: 1.5 })).toThrow(ChainError);
    expect(() => simulateDisruption(cascadeModel, { remove: { enterprises: ['nobody'] } })).toThrow(ChainError);
    expect(() => simulateDisruption(cascadeModel, { remove: { chain: 'c', segment: 'nope' } })).toThrow(ChainError);
    expect(() => simulateDisruption(cascadeModel, { remove: {} as never })).toThrow(ChainError);
  });

  it('never loses more output than exists, never raises output, and removing nothing changes nothing (random datasets)', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.array(fc.nat()), fc.double({ min: 0, max: 1, noNaN: true }), (ds, picks, shortfall) => {
        const m = buildModel(deepFreeze(ds), { templates: [] });
        const ids = ds.enterprises.map((e) => e.id);
        const remove = ids.length === 0 ? [] : [...new Set(picks.map((p) => ids[p % ids.length]!))];
        const r = simulateDisruption(m, { remove: { enterprises: remove }, shortfall, linkStatuses: ['active', 'brokered', 'planned', 'potential'] });
        for (const e of r.enterprises) {
          expect(e.outputFactor).toBeGreaterThanOrEqual(0);
          expect(e.outputFactor).toBeLessThan(1);
          if (e.output !== null) {
            expect(e.outputLost!).toBeGreaterThanOrEqual(0);
            expect(e.outputLost!).toBeLessThanOrEqual(e.output * (1 + 1e-12));
          }
        }
        if (r.total.knownOutput === null) expect(r.total.outputLost).toBeNull();
        else expect(r.total.outputLost).toBeLessThanOrEqual(r.total.knownOutput * (1 + 1e-12) + 1e-9);
        // more shortfall never loses less
        const more = simulateDisruption(m, { remove: { enterprises: remove }, shortfall: Math.min(1, shortfall + 0.25), linkStatuses: ['active', 'brokered', 'planned', 'potential'] });
        expect(more.total.firmEquivalentsLost).toBeGreaterThanOrEqual(r.total.firmEquivalentsLost - 1e-9);
        // removing nothing, or losing nothing, changes nothing
        for (const none of [simulateDisruption(m, { remove: { enterprises: [] } }), simulateDisruption(m, { remove: { enterprises: remove }, shortfall: 0 })]) {
          expect(none.enterprises).toEqual([]);
          expect(none.total).toMatchObject({ outputLost: none.total.knownOutput === null ? null : 0, firmEquivalentsLost: 0, firmsAffected: 0 });
        }
      }),
      { numRuns: 150 },
    );
  });
});

/*
 * Single points of failure, hand-checked. The leader L buys part from P and Q and motor from
 * M; R supplies raw to both P and Q; S supplies magnet to M; T and U supply ore to S.
 * Reversed subgraph from L: L→P, L→Q, L→M, P→R, Q→R, M→S, S→T, S→U.
 * Dominator tree: idom(P) = idom(Q) = idom(M) = idom(R) = L (R is reached via P or Q),
 * idom(S) = M, idom(T) = idom(U) = S.
 *   part  {P, Q} → common dominator L → no critical supplier
 *   raw   {R}    → [R]
 *   motor {M}    → [M]
 *   magnet {S}   → [M, S]
 *   ore   {T, U} → NCA S → [M, S]
 * Articulation points of the undirected subgraph (L–P–R–Q–L is a cycle): L (the leader, not
 * listed), M and S. V supplies L with a segment of another chain (left out with chain: 'c').
 */
const spofInput: DatasetInput = {
  meta: { id: 'spof', name: '单点', region: 'r' },
  regions: [{ id: 'r', name: '区', kind: 'zone' }],
  chains: [chain(['part', 'raw', 'motor', 'magnet', 'ore']), { id: 'd', name: '他链', segments: [{ id: 'x', name: 'x', stage: 'upstream' }] }],
  enterprises: ['L', 'P', 'Q', 'M', 'R', 'S', 'T', 'U'].map((id) => ({ id, name: `企业${id}`, region: 'r' })).concat([{ id: 'V', name: '企业V', region: 'r' }]),
  links: [
    { from: 'P', to: 'L', segment: seg('part') },
    { from: 'Q', to: 'L', segment: seg('part') },
    { from: 'M', to: 'L', segment: seg('motor') },
    { from: 'R', to: 'P', segment: seg('raw') },
    { from: 'R', to: 'Q', segment: seg('raw') },
    { from: 'S', to: 'M', segment: seg('magnet') },
    { from: 'T', to: 'S', segment: seg('ore') },
    { from: 'U', to: 'S', segment: seg('ore') },
    { from: 'V', to: 'L', segment: { chain: 'd', segment: 'x' } },
  ],
};
const spofModel = buildModel(deepFreeze(parseDataset(spofInput, { templates: [] })), { templates: [] });

describe('singlePointsOfFailure', () => {
  it('finds the dominators that cut the leader off from a segment (hand-checked)', () => {
    const r = singlePointsOfFailure(spofModel, { leader: 'L', chain: 'c' });
    expect(r.subgraph).toEqual({ suppliers: 7, links: 8 });
    expect(r.segments.map((s) => [s.segment, s.suppliers, s.critical, s.direct, s.singleSource])).toEqual([
      ['part', ['P', 'Q'], [], true, false],
      ['raw', ['R'], ['R'], false, false],
      ['motor', ['M'], ['M'], true, true],
      ['magnet', ['S'], ['M', 'S'], false, false],
      ['ore', ['T', 'U'], ['M', 'S'], false, false],
    ]);
    expect(r.pointsOfFailure.map((p) => [p.id, p.segments.map((s) => s.segment), p.direct, p.articulation, p.dominates])).toEqual([
      ['M', ['motor', 'magnet', 'ore'], true, true, 4],
      ['S', ['magnet', 'ore'], false, true, 3],
      ['R', ['raw'], false, false, 1],
    ]);
    expect(r.articulationPoints).toEqual(['M', 'S']);
    expect(r.singleSourceSegments).toEqual([{ chain: 'c', segment: 'motor', supplier: 'M' }]);
    expect(r.pointsOfFailure[0]!.reason.zh).toContain('断开 3 个环节的全部供应');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('includes links of other chains without a chain filter', () => {
    const r = singlePointsOfFailure(spofModel, { leader: 'L' });
    expect(r.subgraph.suppliers).toBe(8);
    expect(r.singleSourceSegments.map((s) => s.supplier)).toEqual(['M', 'V']);
  });

  it('says so when the leader has no recorded supply', () => {
    const r = singlePointsOfFailure(spofModel, { leader: 'T' });
    expect(r.pointsOfFailure).toEqual([]);
    expect(r.notes[0]!.en).toContain('cannot be assessed');
  });

  it('throws ChainErrors for unknown ids', () => {
    expect(() => singlePointsOfFailure(spofModel, { leader: 'nobody' })).toThrow(ChainError);
    expect(() => singlePointsOfFailure(spofModel, { leader: 'L', chain: 'nope' })).toThrow(ChainError);
  });

  it('agrees with a naive path check and with the cascade (random datasets)', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.nat(), (ds, pick) => {
        if (ds.enterprises.length === 0) return;
        const m = buildModel(deepFreeze(ds), { templates: [] });
        const leader = ds.enterprises[pick % ds.enterprises.length]!.id;
        const r = singlePointsOfFailure(m, { leader });
        // naive reference: v is critical for a segment iff, without v, no other provider of the
        // segment reaches the leader along counted links
        const reaches = (without: string) => reachesAvoiding(ds.links, leader, without);
        const upstream = [...reaches('')].filter((v) => v !== leader);
        for (const s of r.segments) {
          const naive = upstream.filter((v) => {
            const reached = reaches(v);
            return s.suppliers.every((p) => p === v || !reached.has(p));
          });
          expect([...s.critical].sort()).toEqual(naive.sort());
        }
        // a single-source direct input lost means the leader can make nothing
        for (const s of r.singleSourceSegments) {
          const d = simulateDisruption(m, { remove: { enterprises: [s.supplier] } });
          if (s.supplier !== leader) expect(d.cutOff).toContain(leader);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts what each point of failure dominates and finds articulation points as a naive check does (denser random datasets)', () => {
    fc.assert(
      fc.property(datasetArbitrary({ maxEnterprises: 25, maxLinks: 90 }), fc.nat(), (ds, pick) => {
        if (ds.enterprises.length === 0) return;
        const m = buildModel(deepFreeze(ds), { templates: [] });
        const leader = ds.enterprises[pick % ds.enterprises.length]!.id;
        const r = singlePointsOfFailure(m, { leader });
        const counted = ds.links.filter((l) => l.status === 'active' || l.status === 'brokered');
        const reaches = (without: string) => reachesAvoiding(ds.links, leader, without);
        const all = reaches('');
        expect(r.subgraph.suppliers).toBe(all.size - 1);
        for (const p of r.pointsOfFailure) {
          const reached = reaches(p.id);
          // itself, and every firm of the subgraph that no longer reaches the leader without it
          expect(p.dominates).toBe([...all].filter((v) => !reached.has(v)).length);
        }
        // articulation points of the subgraph taken as undirected: removing one disconnects it
        const edges = counted.filter((l) => all.has(l.from) && all.has(l.to));
        const connectedWithout = (without: string): boolean => {
          const rest = [...all].filter((v) => v !== without);
          const seen = new Set([rest[0]!]);
          const queue = [rest[0]!];
          while (queue.length > 0) {
            const v = queue.shift()!;
            for (const l of edges) {
              if (l.from === without || l.to === without) continue;
              const w = l.from === v ? l.to : l.to === v ? l.from : undefined;
              if (w !== undefined && !seen.has(w)) (seen.add(w), queue.push(w));
            }
          }
          return seen.size === rest.length;
        };
        const naive = [...all].filter((v) => v !== leader && all.size > 2 && !connectedWithout(v));
        expect([...r.articulationPoints].sort()).toEqual(naive.sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('assessResilience', () => {
  it('summarises single sourcing, leaders and the worst single removal (hand-checked)', () => {
    const r = assessResilience(cascadeModel, { chain: 'c' });
    // home firms B, C, D, F; inputs: C {raw: A, B; raw2: E}, D {part: C}, F {part: C; raw: B}
    expect(r).toMatchObject({ firms: 4, buyersWithInputs: 3, inputSegments: 5, singleSourceInputs: 4, singleSourceShare: 0.8, leaders: [] });
    // removing C cuts off D and F: 2 firm-equivalents. Removing B: C keeps (2·1 + 6·0)/8 = .25,
    // D .25, F min(.25, 0) = 0 → .75 + .75 + 1 = 2.5, output .75·30 + .75·100 + 40 = 137.5
    expect(r.worstRemoval).toMatchObject({ enterprise: 'B', firmsAffected: 3, firmEquivalentsLost: 2.5, outputLost: 137.5 });
    expect(r.simulations).toBe(2);
  });
});

// golden: on the 酒泉 seed, losing 九鼎叶片 cuts 云风智慧 off from blades
const jiuquan = seedModel('jiuquan');

describe('resilience on the 酒泉 seed', () => {
  it('finds 九鼎叶片 the single source of 云风智慧\'s blades, and the cascade agrees', () => {
    const s = singlePointsOfFailure(jiuquan, { leader: 'yunfeng-smart-wind' });
    expect(s.singleSourceSegments).toEqual([{ chain: 'wind-power', segment: 'blades', supplier: 'jiuding-blade' }]);
    const d = simulateDisruption(jiuquan, { remove: { enterprises: ['jiuding-blade'] } });
    expect(d.cutOff).toEqual(['yunfeng-smart-wind']);
    // no output is published for either firm: the loss is in firm-equivalents only
    expect(d.total).toMatchObject({ outputLost: null, knownOutput: null, lostShare: null, firmEquivalentsLost: 2 });
    expect(d.reason.en).toContain('no output known');
  });
});
