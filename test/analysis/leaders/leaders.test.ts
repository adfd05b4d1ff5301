import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEADER_WEIGHTS, rankLeaders } from '../../../src/analysis/leaders/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';
import { seedModel } from '../../support/seeds.js';


/*
 * Hand-checked dataset. Chain c: raw → part (0.5) → asm (0.3). Local (zone z): L1 asm, 链主 of c,
 * output 60; P1 part 20; P2 part 20; R1 raw, output unknown, overall role 链主. Outside: O1 part.
 * Links: P1→L1 6, P2→L1 3, R1→P1 (no value), O1→L1 5 (outside: not in the local network).
 *
 * Components (all available; weights .3/.2/.1/.2/.1/.1):
 *   output      L1 60, P1 20, P2 20 of 100 known → scores 1, 1/3, 1/3; R1 missing
 *   partners    L1 2 (P1, P2), P1 2 (R1, L1), P2 1, R1 1 → 1, 1, .5, .5
 *   linkValue   L1 9, P1 6 (R1's link has no value), P2 3, R1 missing (its only link unvalued) → 1, 2/3, 1/3
 *   pagerank    each node has one out-edge, L1 dangling; with t = x_R1 = x_P2:
 *               x_P1 = 1.85t, x_L1 = t + .85·2.85t = 3.4225t, Σ = 7.2725t = 1
 *               → scores 1, 1.85/3.4225, 1/3.4225, 1/3.4225
 *   betweenness P1 lies on R1 → L1: 1; others 0
 *   potential   every firm has 2 local firms in adjacent segments → 1 each
 * Composite:
 *   L1 = .3 + .2 + .1 + .2 + 0 + .1 = 0.9
 *   P1 = .3/3 + .2 + .1·2/3 + .2·1.85/3.4225 + .1 + .1
 *   P2 = .3/3 + .1 + .1/3 + .2/3.4225 + 0 + .1
 *   R1 = (.2·.5 + .2/3.4225 + 0 + .1) / .6   (output and linkValue missing, re-weighted)
 * Order: L1, P1, R1, P2.
 */
const input: DatasetInput = {
  meta: { id: 'leaders', name: '链主', region: 'z' },
  regions: [
    { id: 'cn', name: '中国', kind: 'country' },
    { id: 'z', name: '开发区', kind: 'zone', parent: 'cn' },
    { id: 'x', name: '外地', kind: 'province', parent: 'cn' },
  ],
  chains: [
    {
      id: 'c',
      name: '装备',
      segments: [
        { id: 'raw', name: '原料', stage: 'upstream' },
        { id: 'part', name: '部件', stage: 'midstream' },
        { id: 'asm', name: '整机', stage: 'downstream' },
      ],
      flows: [
        { from: 'raw', to: 'part', coefficient: 0.5 },
        { from: 'part', to: 'asm', coefficient: 0.3 },
      ],
    },
  ],
  enterprises: [
    { id: 'L1', name: '整机厂', region: 'z', segments: [{ chain: 'c', segment: 'asm' }], chainRoles: [{ chain: 'c', role: '链主' }], output: 60 },
    { id: 'P1', name: '部件一', region: 'z', segments: [{ chain: 'c', segment: 'part' }], output: 20 },
    { id: 'P2', name: '部件二', region: 'z', segments: [{ chain: 'c', segment: 'part' }], output: 20 },
    { id: 'R1', name: '原料厂', region: 'z', segments: [{ chain: 'c', segment: 'raw' }], role: 'leader' },
    { id: 'O1', name: '外地部件', region: 'x', segments: [{ chain: 'c', segment: 'part' }], output: 100 },
  ],
  links: [
    { from: 'P1', to: 'L1', value: 6 },
    { from: 'P2', to: 'L1', value: 3 },
    { from: 'R1', to: 'P1' },
    { from: 'O1', to: 'L1', value: 5 },
  ],
};
const model = buildModel(deepFreeze(parseDataset(input, { templates: [] })), { templates: [] });

const t = 3.4225;
const expected = {
  L1: 0.9,
  P1: 0.3 / 3 + 0.2 + (0.1 * 2) / 3 + (0.2 * 1.85) / t + 0.1 + 0.1,
  R1: (0.2 * 0.5 + 0.2 / t + 0.1) / 0.6,
  P2: 0.3 / 3 + 0.1 + 0.1 / 3 + 0.2 / t + 0.1,
};

describe('rankLeaders', () => {
  it('ranks by the documented composite with every component value (hand-checked)', () => {
    const r = rankLeaders(model, { chain: 'c' });
    expect(r.scope).toEqual({ region: 'z', chain: 'c' });
    expect(r.ranked).toBe(true);
    expect(r.ranking.map((x) => x.id)).toEqual(['L1', 'P1', 'R1', 'P2']);
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    for (const x of r.ranking) expect(x.composite).toBeCloseTo(expected[x.id as keyof typeof expected], 9);
    const l1 = r.ranking[0]!;
    expect(l1).toMatchObject({ role: 'leader', declaredLeader: true, missing: [] });
    expect(l1.values).toMatchObject({ output: 60, outputShare: 0.6, suppliers: 2, buyers: 0, linkValue: 9, betweenness: 0, potentialPartners: 2 });
    expect(l1.values.pagerank).toBeCloseTo(t / 7.2725, 9);
    const r1 = r.ranking.find((x) => x.id === 'R1')!;
    expect(r1.missing).toEqual(['output', 'linkValue']);
    expect(r1.values).toMatchObject({ output: null, outputShare: null, linkValue: null, suppliers: 0, buyers: 1 });
    expect(r1.scores.output).toBeNull();
    const p1 = r.ranking.find((x) => x.id === 'P1')!;
    expect(p1.values).toMatchObject({ suppliers: 1, buyers: 1, linkValue: 6, betweenness: 1 });
    expect(p1.scores.pagerank).toBeCloseTo(1.85 / t, 9);
    expect(r.components.every((c) => c.available && c.usedWeight === DEFAULT_LEADER_WEIGHTS[c.name])).toBe(true);
    expect(r.network).toMatchObject({ nodes: 4, edges: 3, linkCount: 3, weighting: 'value-imputed' });
    expect(r.flags).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('leaves outside firms out of the candidates and the network', () => {
    const r = rankLeaders(model, { chain: 'c' });
    expect(r.ranking.some((x) => x.id === 'O1')).toBe(false);
    // O1 → L1 is not a local link: L1 has 2 local suppliers, not 3
    expect(r.ranking[0]!.values.suppliers).toBe(2);
  });

  it('flags a declared leader below the cut, with a reason rendered from its numbers', () => {
    const r = rankLeaders(model, { chain: 'c', top: 2 });
    expect(r.flags).toHaveLength(1);
    const flag = r.flags[0]!;
    expect(flag).toMatchObject({ code: 'declared_leader_low', enterprise: 'R1', rank: 3, top: 2 });
    expect(flag.composite).toBeCloseTo(expected.R1, 9);
    expect(flag.reason.zh).toContain('排名第 3/4');
    expect(flag.reason.zh).toContain('未进入前 2');
    expect(flag.reason.zh).toContain('本地客户 1 家');
    expect(flag.reason.en).toContain('rank 3 of 4');
  });

  it('flags an undeclared firm at the top when no leader is declared', () => {
    const noRoles: DatasetInput = {
      ...input,
      enterprises: input.enterprises!.map(({ chainRoles: _c, role: _r, ...e }) => e),
    };
    const m = buildModel(parseDataset(noRoles, { templates: [] }), { templates: [] });
    const r = rankLeaders(m, { chain: 'c' });
    expect(r.flags.map((f) => [f.code, f.enterprise])).toEqual([['undeclared_high', 'L1']]);
    expect(r.flags[0]!.reason.zh).toContain('范围内无申报链主');
  });

  it('breaks a tie on equal output by local partners, and does not flag a declared leader the data cannot measure', () => {
    // weigh output only: L1 60 first; P1 and P2 both 20 (score 1/3): P1 has 2 local partners,
    // P2 1, so P1 goes first; the declared leader R1 has no output: with only output weighted
    // nothing measures it (its link counts for nothing here), so it is unverified, not flagged
    const r = rankLeaders(model, {
      chain: 'c',
      weights: { output: 1, partners: 0, linkValue: 0, pagerank: 0, betweenness: 0, potential: 0 },
    });
    expect(r.ranking.map((x) => [x.id, x.rank])).toEqual([
      ['L1', 1],
      ['P1', 2],
      ['P2', 3],
      ['R1', 4],
    ]);
    expect(r.ranking[3]!.composite).toBeNull();
    expect(r.ranking.map((x) => x.evidence)).toEqual(['measured', 'measured', 'measured', 'insufficient_data']);
    expect(r.ranking[1]!.tie).toMatchObject({ with: ['P2'], decidedBy: 'partners' });
    expect(r.ranking[2]!.tie).toMatchObject({ with: ['P1'], decidedBy: 'partners' });
    expect(r.ranking[1]!.tie!.reason.zh).toBe('与部件二综合得分同为 0.333，排序依据：本地上下游企业较多者优先');
    expect(r.ranking[0]!.tie).toBeNull();
    expect(r.flags).toEqual([]);
    expect(r.unverified).toEqual(['R1']);
    expect(r.notes.at(-1)!.zh).toContain('申报链主原料厂：数据不足以验证');
  });

  it('flags a declared leader the data measure and rank last on output', () => {
    // R1 given output 5: measured, last of four on output alone (5 < 20 < 60) → contradicted
    const withOutput: DatasetInput = { ...input, enterprises: input.enterprises!.map((e) => (e.id === 'R1' ? { ...e, output: 5 } : e)) };
    const m = buildModel(parseDataset(withOutput, { templates: [] }), { templates: [] });
    const r = rankLeaders(m, { chain: 'c', top: 3, weights: { output: 1, partners: 0, linkValue: 0, pagerank: 0, betweenness: 0, potential: 0 } });
    expect(r.ranking.map((x) => [x.id, x.rank])).toEqual([
      ['L1', 1],
      ['P1', 2],
      ['P2', 3],
      ['R1', 4],
    ]);
    expect(r.ranking[3]!.composite).toBeCloseTo(5 / 60, 12);
    expect(r.flags.map((f) => [f.code, f.enterprise])).toEqual([['declared_leader_low', 'R1']]);
    expect(r.unverified).toEqual([]);
  });

  it('without a chain, a firm with a leader role in any chain counts as declared', () => {
    const r = rankLeaders(model);
    expect(r.scope.chain).toBeNull();
    expect(r.ranking.filter((x) => x.declaredLeader).map((x) => x.id).sort()).toEqual(['L1', 'R1']);
  });

  it('says which components were unavailable and re-weights the rest where data are sparse', () => {
    const sparse: DatasetInput = {
      ...input,
      enterprises: input.enterprises!.map(({ output: _o, ...e }) => e),
      links: [],
    };
    const m = buildModel(parseDataset(sparse, { templates: [] }), { templates: [] });
    const r = rankLeaders(m, { chain: 'c' });
    expect(r.components.filter((c) => c.available).map((c) => c.name)).toEqual(['potential']);
    expect(r.components.find((c) => c.name === 'potential')!.usedWeight).toBe(1);
    expect(r.components.find((c) => c.name === 'output')!.reason.en).toBe('no output is known for any of the 4 firm(s) in scope');
    // potential: every firm has 2 local firms in adjacent segments → all tie at 1; the tie is
    // resolved: the declared leaders L1 and R1 first (between them nothing differs: dataset
    // order), then P1 and P2 in dataset order
    expect(r.ranking.every((x) => x.composite === 1)).toBe(true);
    expect(r.ranking.map((x) => [x.id, x.rank, x.tie!.decidedBy])).toEqual([
      ['L1', 1, 'dataset_order'],
      ['R1', 2, 'dataset_order'],
      ['P1', 3, 'declared_leader'],
      ['P2', 4, 'dataset_order'],
    ]);
    expect(r.ranking[2]!.tie!.reason.en).toBe('tied with 整机厂, 原料厂, 部件二 (same composite 1); order decided by: declared chain leader first');
    // nothing measures any firm (no output, no link): no flag, both declared leaders unverified
    expect(r.ranking.every((x) => x.evidence === 'insufficient_data')).toBe(true);
    expect(r.flags).toEqual([]);
    expect(r.unverified).toEqual(['L1', 'R1']);
    expect(r.notes).toHaveLength(2);
    expect(r.notes[0]!.zh).toContain('综合得分按其余成分的权重重新归一：模板相邻环节本地企业数 1');
    expect(r.network.betweenness.method).toBe('skipped');
  });

  it('ranks nothing, and says why, when no component has data', () => {
    const bare = buildModel(
      parseDataset(
        {
          meta: { id: 'bare', name: '空', region: 'z' },
          regions: [{ id: 'z', name: '区', kind: 'zone' }],
          chains: [{ id: 'c', name: '链', segments: [{ id: 's', name: '环节', stage: 'upstream' }] }],
          enterprises: [{ id: 'a', name: '甲', region: 'z', segments: [{ chain: 'c', segment: 's' }], role: 'leader' }],
        },
        { templates: [] },
      ),
      { templates: [] },
    );
    const r = rankLeaders(bare, { chain: 'c' });
    expect(r.ranked).toBe(false);
    expect(r.ranking).toMatchObject([{ id: 'a', rank: 1, composite: null }]);
    expect(r.flags).toEqual([]);
    expect(r.notes[0]!.en).toMatch(/^Cannot rank: /);
  });

  it('counts a firm with a declared role in the chain even without a recorded segment', () => {
    const withRole: DatasetInput = {
      ...input,
      enterprises: [...input.enterprises!, { id: 'H', name: '控股', region: 'z', chainRoles: [{ chain: 'c', role: 'leader' }] }],
    };
    const m = buildModel(parseDataset(withRole, { templates: [] }), { templates: [] });
    const r = rankLeaders(m, { chain: 'c' });
    const h = r.ranking.find((x) => x.id === 'H')!;
    // unlinked and without output: it scores only the PageRank baseline every node gets, which
    // says nothing about it: shown as declared and unverified, not flagged as a weak leader
    expect(h).toMatchObject({ declaredLeader: true, segments: 0, rank: 5, missing: ['output'], evidence: 'insufficient_data' });
    expect(h.values).toMatchObject({ suppliers: 0, buyers: 0, potentialPartners: 0, linkValue: 0 });
    expect(r.flags.find((f) => f.enterprise === 'H')).toBeUndefined();
    expect(r.unverified).toEqual(['H']);
    expect(r.notes.at(-1)!.en).toContain('Declared chain leader(s) 控股: not enough data to verify');
  });

  it('throws ChainErrors for unknown ids', () => {
    expect(() => rankLeaders(model, { chain: 'nope' })).toThrow(ChainError);
    expect(() => rankLeaders(model, { region: 'nope' })).toThrow(ChainError);
    expect(() => rankLeaders(model, { weights: { output: -1 } })).toThrow(ChainError);
  });

  it('keeps composites in [0, 1], ranks consistent with them, and results serialisable (random datasets)', () => {
    fc.assert(
      fc.property(datasetArbitrary(), (ds) => {
        const m = buildModel(deepFreeze(ds), { templates: [] });
        for (const chain of [undefined, ...m.index.chains.ids]) {
          const r = rankLeaders(m, chain === undefined ? {} : { chain });
          for (let i = 0; i < r.ranking.length; i++) {
            const x = r.ranking[i]!;
            if (x.composite !== null) {
              expect(x.composite).toBeGreaterThanOrEqual(0);
              expect(x.composite).toBeLessThanOrEqual(1 + 1e-12);
            }
            if (i > 0) expect(x.rank).toBeGreaterThanOrEqual(r.ranking[i - 1]!.rank);
            // ties are resolved: distinct ranks 1..n, and a firm level with the one before it says why
            if (r.ranked) expect(x.rank).toBe(i + 1);
            if (r.ranked && i > 0 && x.composite === r.ranking[i - 1]!.composite) expect(x.tie).not.toBeNull();
            // only measured firms are flagged
            if (x.evidence === 'insufficient_data') expect(r.flags.some((f) => f.enterprise === x.id)).toBe(false);
          }
          expect(JSON.parse(JSON.stringify(r))).toEqual(r);
        }
      }),
      { numRuns: 60 },
    );
  });
});

// golden: the 运城 seed (doc-004 names the 链主 of each chain; no outputs or links are published)
const yuncheng = seedModel('yuncheng');

describe('rankLeaders on the 运城 seed', () => {
  const results = Object.fromEntries(yuncheng.index.chains.ids.map((chain) => [chain, rankLeaders(yuncheng, { chain })]));

  it('either ranks every declared leader at the top or explains why not', () => {
    for (const r of Object.values(results)) {
      for (const x of r.ranking.filter((e) => e.declaredLeader)) {
        const explained = !r.ranked || r.flags.some((f) => f.enterprise === x.id && f.code === 'declared_leader_low') || r.unverified.includes(x.id);
        const atTop = x.rank <= 3 && (x.composite ?? 0) > 0;
        expect(atTop || explained).toBe(true);
      }
      if (!r.ranked) expect(r.notes[0]!.zh).toMatch(/^无法排序/);
    }
  });

  it('ranks 大运 first in new-energy vehicles, from its two local suppliers by the template', () => {
    const r = results['new-energy-vehicle']!;
    expect(r.ranking[0]).toMatchObject({ id: 'dayun', rank: 1, declaredLeader: true });
    expect(r.ranking[1]!.rank).toBe(2);
    // no outputs and no links in the seed: only the structural component is available
    expect(r.components.filter((c) => c.available).map((c) => c.name)).toEqual(['potential']);
    expect(r.notes[0]!.zh).toContain('均无产值数据');
  });

  it('shows 北方铜业 as a declared 链主 the data cannot verify, not as a weak one', () => {
    const r = results['copper-materials']!;
    expect(r.ranking[0]!.id).toBe('zhengwei');
    const nc = r.ranking.find((x) => x.id === 'northern-copper')!;
    expect(nc).toMatchObject({ declaredLeader: true, evidence: 'insufficient_data', rank: 4, composite: 0 });
    expect(r.flags).toEqual([]);
    expect(r.unverified).toEqual(['zhengwei', 'northern-copper']);
    expect(r.notes.at(-1)!.zh).toContain('申报链主正威集团、北方铜业：数据不足以验证');
    // the two supporting firms tie at 0.5 and are placed in dataset order, said so
    expect(r.ranking.slice(1, 3).map((x) => [x.rank, x.tie!.decidedBy])).toEqual([
      [2, 'dataset_order'],
      [3, 'dataset_order'],
    ]);
  });

  it('never leaves a supporting firm level with a declared 链主 without an explanation', () => {
    // green building: 山西建投 (declared) and 众之翼建科 both score 1 on potential alone
    const r = results['green-building-materials']!;
    expect(r.ranking.slice(0, 2).map((x) => [x.name, x.rank, x.declaredLeader, x.tie!.decidedBy])).toEqual([
      ['山西建设投资集团有限公司', 1, true, 'declared_leader'],
      ['众之翼建科', 2, false, 'declared_leader'],
    ]);
    expect(r.ranking[1]!.tie!.reason.zh).toBe('与山西建设投资集团有限公司综合得分同为 1，排序依据：申报链主优先');
    for (const res of Object.values(results))
      for (const x of res.ranking) if (res.ranked && x.rank > 1 && res.ranking[x.rank - 2]!.composite === x.composite) expect(x.tie).not.toBeNull();
    expect(r.flags).toEqual([]);
  });
});
