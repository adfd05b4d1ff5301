import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweennessOf, scopeNetwork, supplyCentrality } from '../../../src/analysis/centrality/index.js';
import { scopeMembers } from '../../../src/analysis/scope/index.js';
import { betweennessCsr } from '../../../src/graph/algorithms/betweenness.js';
import type { WeightedCsr } from '../../../src/graph/algorithms/csr.js';
import { pagerankCsr } from '../../../src/graph/algorithms/pagerank.js';
import { buildModel } from '../../../src/graph/model.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import { deepFreeze } from '../../support/freeze.js';

// graphology-metrics is CommonJS: the default import is the function itself at run time
const pagerank = ((pagerankModule as unknown as { default?: unknown }).default ?? pagerankModule) as typeof pagerankModule.default;
const betweenness = ((betweennessModule as unknown as { default?: unknown }).default ??
  betweennessModule) as typeof betweennessModule.default;


/** A CSR graph from edge triples (from, to, weight). */
function csr(order: number, edges: readonly (readonly [number, number, number])[]): WeightedCsr {
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const offsets = new Int32Array(order + 1);
  for (const [a] of sorted) offsets[a + 1]!++;
  for (let i = 0; i < order; i++) offsets[i + 1]! += offsets[i]!;
  return {
    order,
    offsets,
    targets: Int32Array.from(sorted.map((e) => e[1])),
    weights: Float64Array.from(sorted.map((e) => e[2])),
  };
}

function graphologyOf(g: WeightedCsr): DirectedGraph {
  const graph = new DirectedGraph();
  for (let i = 0; i < g.order; i++) graph.addNode(String(i));
  for (let i = 0; i < g.order; i++)
    for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) graph.addEdge(String(i), String(g.targets[k]!), { weight: g.weights[k]! });
  return graph;
}

describe('pagerankCsr', () => {
  it('solves a two-node chain exactly: x0 = 1/(2+α), x1 = (1+α)/(2+α)', () => {
    // 0 → 1, node 1 dangling. x0 = (1−α)/2 + α·x1/2 and x0 + x1 = 1 give x0 = 1/(2+α).
    const r = pagerankCsr(csr(2, [[0, 1, 1]]));
    expect(r.converged).toBe(true);
    expect(r.scores[0]).toBeCloseTo(1 / 2.85, 10); // stop rule: change < 1e-10
    expect(r.scores[1]).toBeCloseTo(1.85 / 2.85, 10);
  });

  it('agrees with graphology-metrics on a small weighted graph with a cycle and dangling nodes', () => {
    const g = csr(6, [
      [0, 1, 2],
      [0, 2, 1],
      [1, 2, 3],
      [2, 0, 1],
      [2, 3, 0.5],
      [3, 4, 1],
      [5, 4, 4],
      [5, 1, 1],
    ]);
    const ours = pagerankCsr(g, { tolerance: 1e-12 });
    const theirs = pagerank(graphologyOf(g), { getEdgeWeight: 'weight', tolerance: 1e-12, maxIterations: 10_000 });
    for (let i = 0; i < 6; i++) expect(Math.abs(ours.scores[i]! - theirs[String(i)]!)).toBeLessThan(1e-6);
    expect(ours.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('keeps iterating where graphology-metrics stops after one iteration (its tolerance grows with N)', () => {
    // A directed path 0 → 1 → … → n−1. From the uniform start, the first iteration changes the
    // ranks by about 1.7/n in total, below graphology's N × 1e-6, so graphology returns after one
    // step with every node but the first still equal. The exact ranks rise along the path:
    // x_k = c (1 − α^(k+1)) / (1 − α), with c fixed by Σ x = 1.
    const n = 10_000;
    const edges = Array.from({ length: n - 1 }, (_, k) => [k, k + 1, 1] as const);
    const g = csr(n, edges);
    const theirs = pagerank(graphologyOf(g), { getEdgeWeight: 'weight' });
    expect(theirs['1']).toBeCloseTo(theirs[String(n - 1)]!, 15); // stopped early: no gradient
    const ours = pagerankCsr(g);
    expect(ours.converged).toBe(true);
    expect(ours.iterations).toBeGreaterThan(50);
    const alpha = 0.85;
    const c = (1 - alpha) / (n - (alpha * (1 - alpha ** n)) / (1 - alpha));
    for (const k of [0, 1, 2, 10, n - 1]) expect(ours.scores[k]! / (c * (1 - alpha ** (k + 1)) / (1 - alpha))).toBeCloseTo(1, 8);
    expect(ours.scores[n - 1]! / ours.scores[1]!).toBeCloseTo((1 - alpha ** n) / (1 - alpha ** 2), 8);
  });

  it('converges at a million nodes with the max-abs stop rule', () => {
    const n = 1_000_000;
    const offsets = Int32Array.from({ length: n + 1 }, (_, i) => Math.min(i, n - 1));
    const targets = Int32Array.from({ length: n - 1 }, (_, k) => k + 1);
    const r = pagerankCsr({ order: n, offsets, targets, weights: new Float64Array(n - 1).fill(1) });
    const alpha = 0.85;
    const c = (1 - alpha) / (n - (alpha * (1 - alpha ** n)) / (1 - alpha));
    expect(r.converged).toBe(true);
    expect(r.scores[n - 1]! / (c / (1 - alpha))).toBeCloseTo(1, 6);
    expect(r.scores[0]! / c).toBeCloseTo(1, 6);
  });

  it('reports non-convergence instead of throwing, and rejects bad options', () => {
    const r = pagerankCsr(csr(3, [[0, 1, 1], [1, 2, 1], [2, 0, 1]]), { maxIterations: 1, tolerance: 1e-300 });
    expect(r.iterations).toBe(1);
    // a 3-cycle is already stationary at the uniform start
    expect(r.converged).toBe(true);
    const s = pagerankCsr(csr(2, [[0, 1, 1]]), { maxIterations: 2 });
    expect(s.converged).toBe(false);
    expect(() => pagerankCsr(csr(1, []), { alpha: 2 })).toThrow(ChainError);
  });
});

describe('betweenness', () => {
  const g = csr(6, [
    [0, 1, 1],
    [0, 2, 1],
    [1, 3, 1],
    [2, 3, 1],
    [3, 4, 1],
    [4, 5, 1],
    [5, 3, 1],
  ]);

  it('counts shortest paths through a node (hand-checked on a path)', () => {
    expect([...betweennessCsr(csr(3, [[0, 1, 1], [1, 2, 1]]))]).toEqual([0, 1, 0]);
  });

  it('matches graphology-metrics (Brandes, unnormalised) exactly', () => {
    const graph = graphologyOf(g);
    const theirs = betweenness(graph, { getEdgeWeight: null, normalized: false });
    const ours = betweennessCsr(g);
    for (let i = 0; i < 6; i++) expect(ours[i]).toBeCloseTo(theirs[String(i)]!, 12);
    // node 1 lies on one of the two shortest paths 0 → 3, 0 → 4, 0 → 5: 3 × 1/2
    expect(ours[1]).toBeCloseTo(1.5, 12);
  });

  it('gives, bit for bit, what a plain Brandes accumulation over all out-edges gives (random graphs, parallel edges, loops)', () => {
    // the reference: dist/sigma reset per source, dependencies summed over every out-edge in order
    const reference = (graph: WeightedCsr, sources: readonly number[]): Float64Array => {
      const { order: n, offsets, targets } = graph;
      const centrality = new Float64Array(n);
      const sigma = new Float64Array(n);
      const delta = new Float64Array(n);
      const dist = new Int32Array(n);
      for (const s of sources) {
        dist.fill(-1);
        sigma.fill(0);
        dist[s] = 0;
        sigma[s] = 1;
        const order = [s];
        for (let head = 0; head < order.length; head++) {
          const v = order[head]!;
          for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
            const w = targets[k]!;
            if (dist[w] === -1) (dist[w] = dist[v]! + 1), order.push(w);
            if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
          }
        }
        for (let j = order.length - 1; j >= 0; j--) {
          const v = order[j]!;
          let d = 0;
          for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
            const w = targets[k]!;
            if (dist[w] === dist[v]! + 1) d += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
          }
          delta[v] = d;
          if (v !== s) centrality[v]! += d;
        }
      }
      return centrality;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 120 }),
            sources: fc.array(fc.nat(n - 1), { maxLength: 12 }),
          }),
        ),
        ({ n, edges, sources }) => {
          const graph = csr(
            n,
            edges.map(([a, b]) => [a, b, 1] as const),
          );
          const all = Array.from({ length: n }, (_, i) => i);
          for (const list of [all, sources]) {
            const ours = betweennessCsr(graph, list);
            const theirs = reference(graph, list);
            for (let i = 0; i < n; i++) expect(Object.is(ours[i], theirs[i])).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

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
