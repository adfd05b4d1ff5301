import { describe, expect, it } from 'vitest';
import { averageClustering, clusteringCoefficients, transitivity } from '../../../src/graph/algorithms/clustering.js';
import { simpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
import { triangleCounts } from '../../../src/graph/algorithms/triangles.js';
import { ChainError } from '../../../src/model/issues.js';
import { KARATE_EDGES, KARATE_ORDER } from '../../fixtures/karate.js';

const karate = simpleGraph(
  KARATE_ORDER,
  KARATE_EDGES.map((e) => e[0]),
  KARATE_EDGES.map((e) => e[1]),
);

/*
 * Reference values computed once with NetworkX 3.6.1 (not needed by CI):
 *   G = nx.karate_club_graph()
 *   nx.average_clustering(G)                       → 0.5706384782076823 (also in NetworkX docs)
 *   nx.transitivity(G)                             → 0.2556818181818182
 *   nx.clustering(G)[0]                            → 0.15
 */
const NX_AVERAGE_CLUSTERING = 0.5706384782076823;
const NX_TRANSITIVITY = 0.2556818181818182;

describe('karate club reference values (NetworkX)', () => {
  it('average clustering and transitivity match NetworkX within 1e-9', () => {
    expect(Math.abs(averageClustering(karate) - NX_AVERAGE_CLUSTERING)).toBeLessThan(1e-9);
    expect(Math.abs(transitivity(karate) - NX_TRANSITIVITY)).toBeLessThan(1e-9);
    expect(clusteringCoefficients(karate)[0]).toBeCloseTo(0.15, 15);
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
});
