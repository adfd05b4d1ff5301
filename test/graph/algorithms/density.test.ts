import { describe, expect, it } from 'vitest';
import { density } from '../../../src/graph/algorithms/density.js';
import { simpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
import { KARATE_EDGES, KARATE_ORDER } from '../../fixtures/karate.js';

const karate = simpleGraph(
  KARATE_ORDER,
  KARATE_EDGES.map((e) => e[0]),
  KARATE_EDGES.map((e) => e[1]),
);

/*
 * Reference values computed once with NetworkX 3.6.1 (not needed by CI):
 *   G = nx.karate_club_graph()
 *   nx.density(G)                                  → 0.13903743315508021
 */
const NX_DENSITY = 0.13903743315508021;

describe('karate club reference values (NetworkX)', () => {
  it('density matches NetworkX', () => {
    expect(density(karate)).toBeCloseTo(NX_DENSITY, 15);
  });
});

describe('small graphs by hand', () => {
  // a triangle 0-1-2 with a pendant 3 on 0: d = [3, 2, 2, 1], one triangle
  const g = simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3]);

  it('density: 4 of 6 pairs', () => {
    expect(density(g)).toBeCloseTo(2 / 3, 15);
    expect(density(simpleGraph(1, [], []))).toBe(0);
  });
});
