import { describe, expect, it } from 'vitest';
import { modularity } from '../../../src/graph/algorithms/modularity.js';
import { simpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
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
 *   club = [{n for n in G if G.nodes[n]['club'] == 'Mr. Hi'}, rest]
 *   community.modularity(G, club, weight=None)     → 0.3582347140039448
 *   community.modularity(G, club, weight=None, resolution=0.5) → 0.6086045364891519
 */
const NX_CLUB_MODULARITY = 0.3582347140039448;
const NX_CLUB_MODULARITY_HALF_RESOLUTION = 0.6086045364891519;

describe('karate club reference values (NetworkX)', () => {
  it('modularity of the club split matches NetworkX within 1e-9', () => {
    expect(Math.abs(modularity(karate, clubSplit)! - NX_CLUB_MODULARITY)).toBeLessThan(1e-9);
    expect(Math.abs(modularity(karate, clubSplit, { resolution: 0.5 })! - NX_CLUB_MODULARITY_HALF_RESOLUTION)).toBeLessThan(1e-9);
  });
});

describe('small graphs by hand', () => {
  // a triangle 0-1-2 with a pendant 3 on 0: d = [3, 2, 2, 1], one triangle
  const g = simpleGraph(4, [0, 1, 2, 0], [1, 2, 0, 3]);

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
});
