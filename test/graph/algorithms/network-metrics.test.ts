import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageClustering, clusteringCoefficients, transitivity } from '../../../src/graph/algorithms/clustering.js';
import { weaklyConnectedComponents, weaklyConnectedComponentsIn } from '../../../src/graph/algorithms/components.js';
import { density } from '../../../src/graph/algorithms/density.js';
import { louvainCommunities, louvainCommunitiesIn } from '../../../src/graph/algorithms/louvain.js';
import { modularity } from '../../../src/graph/algorithms/modularity.js';
import { simpleGraph, simpleGraphIn, type SimpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
import { triangleCounts, triangleCountsIn } from '../../../src/graph/algorithms/triangles.js';
import { withScratch } from '../../../src/internal/scratch.js';
import { ChainError } from '../../../src/model/issues.js';
import { KARATE_EDGES, KARATE_MR_HI, KARATE_ORDER } from '../../fixtures/karate.js';

const karate = simpleGraph(
  KARATE_ORDER,
  KARATE_EDGES.map((e) => e[0]),
  KARATE_EDGES.map((e) => e[1]),
);
const clubSplit = Array.from({ length: KARATE_ORDER }, (_, i) => ((KARATE_MR_HI as readonly number[]).includes(i) ? 0 : 1));

/*
 * Reference values computed once with NetworkX 3.6.1 (not needed by CI):
 *   G = nx.karate_club_graph()
 *   nx.density(G)                                  → 0.13903743315508021
 *   nx.average_clustering(G)                       → 0.5706384782076823 (also in NetworkX docs)
 *   nx.transitivity(G)                             → 0.2556818181818182
 *   nx.clustering(G)[0]                            → 0.15
 *   club = [{n for n in G if G.nodes[n]['club'] == 'Mr. Hi'}, rest]
 *   community.modularity(G, club, weight=None)     → 0.3582347140039448
 *   community.modularity(G, club, weight=None, resolution=0.5) → 0.6086045364891519
 *   max over seeds 0..49 of modularity(louvain_communities(G, weight=None, seed=s)) → 0.41978961209730437
 *     (the best known partition of the club, 4 communities)
 */
const NX_DENSITY = 0.13903743315508021;
const NX_AVERAGE_CLUSTERING = 0.5706384782076823;
const NX_TRANSITIVITY = 0.2556818181818182;
const NX_CLUB_MODULARITY = 0.3582347140039448;
const NX_CLUB_MODULARITY_HALF_RESOLUTION = 0.6086045364891519;
const BEST_KNOWN_MODULARITY = 0.41978961209730437;

describe('karate club reference values (NetworkX)', () => {
  it('has 34 nodes, 78 edges and the known degrees of the two leaders', () => {
    expect(karate.order).toBe(34);
    expect(karate.size).toBe(78);
    const degree = (i: number) => karate.offsets[i + 1]! - karate.offsets[i]!;
    expect(degree(0)).toBe(16);
    expect(degree(33)).toBe(17);
  });

  it('density matches NetworkX', () => {
    expect(density(karate)).toBeCloseTo(NX_DENSITY, 15);
  });

  it('average clustering and transitivity match NetworkX within 1e-9', () => {
    expect(Math.abs(averageClustering(karate) - NX_AVERAGE_CLUSTERING)).toBeLessThan(1e-9);
    expect(Math.abs(transitivity(karate) - NX_TRANSITIVITY)).toBeLessThan(1e-9);
    expect(clusteringCoefficients(karate)[0]).toBeCloseTo(0.15, 15);
  });

  it('modularity of the club split matches NetworkX within 1e-9', () => {
    expect(Math.abs(modularity(karate, clubSplit)! - NX_CLUB_MODULARITY)).toBeLessThan(1e-9);
    expect(Math.abs(modularity(karate, clubSplit, { resolution: 0.5 })! - NX_CLUB_MODULARITY_HALF_RESOLUTION)).toBeLessThan(1e-9);
  });

  it('is one connected component', () => {
    const c = weaklyConnectedComponents(karate);
    expect(c.count).toBe(1);
    expect(c.sizes).toEqual([34]);
  });

  it('Louvain finds a partition with modularity ≥ 0.40 and never above the best known one', () => {
    for (const seed of [1, 7, 42, 2024]) {
      const found = louvainCommunities(karate, { seed });
      expect(found.modularity!).toBeGreaterThanOrEqual(0.4);
      expect(found.modularity!).toBeLessThanOrEqual(BEST_KNOWN_MODULARITY + 1e-9);
      expect(found.count).toBeGreaterThanOrEqual(3);
      expect(found.count).toBeLessThanOrEqual(5);
    }
  });

  it('Louvain is deterministic for a seed', () => {
    const a = louvainCommunities(karate, { seed: 42 });
    const b = louvainCommunities(karate, { seed: 42 });
    expect([...a.membership]).toEqual([...b.membership]);
    expect(a.modularity).toBe(b.modularity);
    // canonical numbering: node 0 is in community 0, labels appear in node order
    expect(a.membership[0]).toBe(0);
    expect(Math.max(...a.membership)).toBe(a.count - 1);
  });

  it('Louvain modularity is recomputed from the partition', () => {
    const a = louvainCommunities(karate, { seed: 3 });
    expect(a.modularity).toBe(modularity(karate, a.membership));
  });
});

describe('simpleGraph', () => {
  it('drops direction and self-loops and merges parallel edges, summing weights', () => {
    // 0→1 (2), 1→0 (3), 1→2 (1), 2→2 (5)
    const g = simpleGraph(4, [0, 1, 1, 2], [1, 0, 2, 2], [2, 3, 1, 5]);
    expect(g.size).toBe(2);
    expect([...g.offsets]).toEqual([0, 1, 3, 4, 4]);
    expect([...g.neighbours]).toEqual([1, 0, 2, 1]);
    expect([...g.weights]).toEqual([5, 5, 1, 1]);
  });

  it('weighs a merged edge by its multiplicity when no weights are given', () => {
    const g = simpleGraph(2, [0, 0, 1], [1, 1, 0]);
    expect([...g.weights]).toEqual([3, 3]);
  });

  it('sorts neighbours within rows', () => {
    const g = simpleGraph(5, [0, 0, 0, 3], [4, 2, 3, 1]);
    expect([...g.neighbours.subarray(g.offsets[0]!, g.offsets[1]!)]).toEqual([2, 3, 4]);
    expect([...g.neighbours.subarray(g.offsets[3]!, g.offsets[4]!)]).toEqual([0, 1]);
  });

  it('rejects nodes out of range and negative weights with a ChainError', () => {
    expect(() => simpleGraph(2, [0], [2])).toThrow(ChainError);
    expect(() => simpleGraph(2, [0], [1], [-1])).toThrow(ChainError);
    expect(() => simpleGraph(2, [0, 1], [1])).toThrow(ChainError);
  });
});

describe('small graphs by hand', () => {
  // a triangle 0-1-2 with a pendant 3 on 0: d = [3, 2, 2, 1], one triangle
  const g = simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3]);

  it('clustering: c0 = 2·1/(3·2) = 1/3, c1 = c2 = 1, c3 = 0; mean 7/12', () => {
    expect([...triangleCounts(g)]).toEqual([1, 1, 1, 0]);
    expect(clusteringCoefficients(g)).toEqual([1 / 3, 1, 1, 0]);
    expect(averageClustering(g)).toBeCloseTo(7 / 12, 15);
  });

  it('transitivity: 3 closed triples of 3 + 1 + 1 = 5 triples → 0.6', () => {
    expect(transitivity(g)).toBeCloseTo(0.6, 15);
  });

  it('takes triangle counts computed once, with the same results; counts of another graph throw', () => {
    const triangles = triangleCounts(g);
    expect(clusteringCoefficients(g, triangles)).toEqual([1 / 3, 1, 1, 0]);
    expect(averageClustering(g, triangles)).toBe(averageClustering(g));
    expect(transitivity(g, triangles)).toBe(transitivity(g));
    expect(averageClustering(karate, triangleCounts(karate))).toBe(averageClustering(karate));
    expect(() => transitivity(g, new Int32Array(3))).toThrow(ChainError);
    expect(() => averageClustering(g, triangleCounts(karate))).toThrow(ChainError);
  });

  it('density: 4 of 6 pairs', () => {
    expect(density(g)).toBeCloseTo(2 / 3, 15);
    expect(density(simpleGraph(1, [], []))).toBe(0);
  });

  it('modularity of two separate edges split in two is 1/2; of one community 0', () => {
    const two = simpleGraph(4, [0, 2], [1, 3]);
    // each community: L_c/m = 1/2, (D_c/2m)² = (2/4)² = 1/4 → 2 × (1/2 − 1/4)
    expect(modularity(two, [0, 0, 1, 1])).toBe(0.5);
    expect(modularity(two, [5, 5, 5, 5])).toBe(0);
    expect(modularity(simpleGraph(2, [], []), [0, 1])).toBeNull();
    expect(() => modularity(two, [0, 1])).toThrow(ChainError);
  });

  it('weighted modularity uses the weights', () => {
    // 0–1 weight 3, 1–2 weight 1; partition {0,1},{2}: m = 4, strengths 3, 4, 1
    // Q = 3/4 − (7/8)² + 0 − (1/8)² = 0.75 − 0.765625 − 0.015625 = −0.03125
    const w = simpleGraph(3, [0, 1], [1, 2], [3, 1]);
    expect(modularity(w, [0, 0, 1])).toBeCloseTo(-0.03125, 15);
  });

  it('components are numbered by smallest node, with the largest marked', () => {
    const c = weaklyConnectedComponents(simpleGraph(6, [1, 3, 4], [3, 4, 5]));
    expect([...c.membership]).toEqual([0, 1, 2, 1, 1, 1]);
    expect(c.sizes).toEqual([1, 4, 1]);
    expect(c.largest).toBe(1);
  });
});

const edgesArbitrary = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
    }),
  );

function build({ n, edges }: { n: number; edges: [number, number, number][] }): SimpleGraph {
  return simpleGraph(
    n,
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
    edges.map((e) => e[2]),
  );
}

describe('properties', () => {
  it('triangle counts agree with brute force over all triples', () => {
    fc.assert(
      fc.property(edgesArbitrary, (input) => {
        const g = build(input);
        const adjacent = (a: number, b: number) => {
          for (let k = g.offsets[a]!; k < g.offsets[a + 1]!; k++) if (g.neighbours[k] === b) return true;
          return false;
        };
        const expected = new Array<number>(g.order).fill(0);
        for (let a = 0; a < g.order; a++)
          for (let b = a + 1; b < g.order; b++)
            for (let c = b + 1; c < g.order; c++)
              if (adjacent(a, b) && adjacent(b, c) && adjacent(a, c)) (expected[a]! += 1, expected[b]! += 1, expected[c]! += 1);
        expect([...triangleCounts(g)]).toEqual(expected);
      }),
    );
  });

  it('the graph is symmetric, simple, and keeps total weight of non-loop edges', () => {
    fc.assert(
      fc.property(edgesArbitrary, (input) => {
        const g = build(input);
        let total = 0;
        for (let i = 0; i < g.order; i++)
          for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) {
            const j = g.neighbours[k]!;
            expect(j).not.toBe(i);
            if (k > g.offsets[i]!) expect(j).toBeGreaterThan(g.neighbours[k - 1]!);
            total += g.weights[k]!;
          }
        const expected = input.edges.filter((e) => e[0] !== e[1]).reduce((s, e) => s + e[2], 0);
        expect(total).toBe(2 * expected);
      }),
    );
  });

  it('metrics stay in range; components partition the nodes; Louvain never worsens singletons', () => {
    fc.assert(
      fc.property(edgesArbitrary, fc.integer(), (input, seed) => {
        const g = build(input);
        const c = weaklyConnectedComponents(g);
        expect(c.sizes.reduce((a, b) => a + b, 0)).toBe(g.order);
        expect(density(g)).toBeGreaterThanOrEqual(0);
        expect(density(g)).toBeLessThanOrEqual(1);
        const avg = averageClustering(g);
        expect(avg).toBeGreaterThanOrEqual(0);
        expect(avg).toBeLessThanOrEqual(1);
        const found = louvainCommunities(g, { seed });
        const singletons = modularity(g, Array.from({ length: g.order }, (_, i) => i));
        if (g.size === 0) {
          expect(found.modularity).toBeNull();
        } else {
          expect(found.modularity!).toBeLessThanOrEqual(1);
          expect(found.modularity!).toBeGreaterThanOrEqual(singletons! - 1e-12);
          expect(modularity(g, new Array<number>(g.order).fill(0))).toBeCloseTo(0, 12);
        }
        // nodes in one community are in one component
        for (let i = 0; i < g.order; i++)
          for (let j = 0; j < g.order; j++)
            if (found.membership[i] === found.membership[j] && g.size > 0 && c.membership[i] !== c.membership[j])
              expect.unreachable('a Louvain community spans two components');
      }),
    );
  });

  it('with a scratch scope the graph and its metrics equal the allocated ones, call after call', () => {
    const owner = {};
    fc.assert(
      fc.property(edgesArbitrary, fc.integer(), (input, seed) => {
        const g = build(input);
        const plain = {
          graph: [g.order, g.size, [...g.offsets], [...g.neighbours], [...g.weights]],
          triangles: [...triangleCounts(g)],
          components: [...weaklyConnectedComponents(g).membership],
          louvain: [...louvainCommunities(g, { seed }).membership],
        };
        // twice in one scope and in a nested one: arrays reused from earlier properties must not leak in
        for (let round = 0; round < 2; round++)
          withScratch(owner, (s) => {
            const sg = simpleGraphIn(input.n, input.edges.map((e) => e[0]), input.edges.map((e) => e[1]), input.edges.map((e) => e[2]), s);
            const found = {
              graph: [sg.order, sg.size, [...sg.offsets], [...sg.neighbours], [...sg.weights]],
              triangles: [...triangleCountsIn(sg, s)],
              components: [...weaklyConnectedComponentsIn(sg, s).membership],
              louvain: withScratch(owner, (inner) => [...louvainCommunitiesIn(sg, { seed }, inner).membership]),
            };
            expect(found).toEqual(plain);
          });
      }),
    );
  });
});
