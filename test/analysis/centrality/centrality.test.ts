import { describe, expect, it } from 'vitest';
import { betweennessOf, scopeNetwork, supplyCentrality } from '../../../src/analysis/centrality/index.js';
import { scopeMembers } from '../../../src/analysis/scope/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import { csr } from '../../support/csr.js';
import { deepFreeze } from '../../support/freeze.js';

describe('betweennessOf', () => {
  const g = csr(6, [
    [0, 1, 1],
    [0, 2, 1],
    [1, 3, 1],
    [2, 3, 1],
    [3, 4, 1],
    [4, 5, 1],
    [5, 3, 1],
  ]);

  it('is exact below the limit, sampled above it (exact again when every node is sampled), or skipped', () => {
    const exact = betweennessOf(g);
    expect(exact.info.method).toBe('exact');
    const all = betweennessOf(g, { betweennessLimit: 2, betweennessSamples: 6 });
    expect(all.info).toMatchObject({ method: 'sampled', samples: 6 });
    for (let i = 0; i < 6; i++) expect(all.scores![i]).toBeCloseTo(exact.scores![i]!, 12);
    const some = betweennessOf(g, { betweennessLimit: 2, betweennessSamples: 3, seed: 7 });
    expect(some.info.samples).toBe(3);
    expect(betweennessOf(g, { betweennessLimit: 2, betweennessSamples: 3, seed: 7 }).scores).toEqual(some.scores);
    const skipped = betweennessOf(g, { betweennessLimit: 2, betweennessSamples: 0 });
    expect(skipped.scores).toBeNull();
    expect(skipped.info.reason.en).toContain('skipped');
  });

  it('gives no scores, and no error, for a network without nodes', () => {
    const empty = { order: 0, offsets: Int32Array.of(0), targets: new Int32Array(0), weights: new Float64Array(0) };
    const r = betweennessOf(empty);
    expect(r.info.method).toBe('exact');
    expect([...r.scores!]).toEqual([]);
    const none = supplyCentrality(model, { region: 'z', statuses: ['prospect'] });
    expect(none).toMatchObject({ nodes: 0, edges: 0 });
    expect(none.enterprises).toEqual([]);
  });
});

/*
 * Three local firms in zone z: a → c (value 2), b → c (value unknown), and an outside firm o →
 * c. Weighting: the unknown value takes the median known value 2, so a and b weigh the same.
 * PageRank (α = 0.85, n = 3, c dangling): a = b = 0.05 + 0.85c/3 and 2a + c = 1 give
 * c = 27/47, a = b = 10/47.
 */
const dataset = deepFreeze(
  parseDataset(
    {
      meta: { id: 'c', name: '中心性', region: 'z' },
      regions: [
        { id: 'p', name: '省', kind: 'province' },
        { id: 'z', name: '园区', kind: 'zone', parent: 'p' },
        { id: 'x', name: '外地', kind: 'province' },
      ],
      chains: [{ id: 'k', name: '链', segments: [{ id: 's', name: '环节', stage: 'upstream' }, { id: 't', name: '整机', stage: 'downstream' }], flows: [{ from: 's', to: 't' }] }],
      enterprises: [
        { id: 'a', name: '甲', region: 'z', segments: [{ chain: 'k', segment: 's' }] },
        { id: 'b', name: '乙', region: 'z', segments: [{ chain: 'k', segment: 's' }] },
        { id: 'c', name: '丙', region: 'z', segments: [{ chain: 'k', segment: 't' }] },
        { id: 'o', name: '外', region: 'x', segments: [{ chain: 'k', segment: 's' }] },
        { id: 'gone', name: '关', region: 'z', status: 'closed', segments: [{ chain: 'k', segment: 's' }] },
      ],
      links: [
        { from: 'a', to: 'c', value: 2 },
        { from: 'b', to: 'c' },
        { from: 'o', to: 'c', value: 9 },
        { from: 'gone', to: 'c', value: 1 },
        { from: 'a', to: 'b', status: 'potential' },
      ],
    },
    { templates: [] },
  ),
);
const model = buildModel(dataset, { templates: [] });

describe('supplyCentrality', () => {
  it('ranks the local network by weighted PageRank along the supply direction (hand-checked)', () => {
    const r = supplyCentrality(model);
    expect(r.scope).toEqual({ region: 'z', chain: null });
    expect(r).toMatchObject({ nodes: 3, edges: 2, linkCount: 2, weighting: 'value-imputed', imputedWeight: 2 });
    expect(r.enterprises.map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(r.enterprises[0]!.pagerank).toBeCloseTo(27 / 47, 9);
    expect(r.enterprises[1]!.pagerank).toBeCloseTo(10 / 47, 9);
    expect(r.enterprises[0]).toMatchObject({ suppliers: 2, buyers: 0, betweenness: 0 });
    expect(r.betweenness.method).toBe('exact');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('counts planned or potential links only when asked', () => {
    const r = supplyCentrality(model, { linkStatuses: ['active', 'potential'] });
    expect(r.edges).toBe(3);
    expect(r.enterprises.find((e) => e.id === 'a')).toMatchObject({ buyers: 2, suppliers: 0 });
  });

  it('builds the network from the compact index: merged edges, per-node counts and values', () => {
    const members = scopeMembers(model, model.index.regions.byId.get('z')!, undefined);
    expect([...members]).toEqual([0, 1, 2]);
    const net = scopeNetwork(model, members);
    expect([...net.valueIn]).toEqual([0, 0, 2]);
    expect([...net.linksTotal]).toEqual([1, 1, 2]);
    expect([...net.linksValued]).toEqual([1, 0, 1]);
  });

  it('throws a ChainError listing valid ids for an unknown region', () => {
    expect(() => supplyCentrality(model, { region: 'nowhere' })).toThrow(ChainError);
  });
});
