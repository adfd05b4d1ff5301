import { describe, expect, it } from 'vitest';
import { simpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
import { triangleCounts } from '../../../src/graph/algorithms/triangles.js';
import { KARATE_EDGES, KARATE_ORDER } from '../../fixtures/karate.js';

/*
 * Published values for Zachary's karate club (NetworkX `karate_club_graph()`): 45 triangles
 * (sum(nx.triangles(G).values()) / 3), nx.triangles(G)[0] = 18 and nx.triangles(G)[33] = 15 —
 * the same as clustering 0.15 = 2·18/(16·15) and 2·15/(17·16) for the two leaders, and as
 * transitivity 3·45/528 = 0.2557 (528 connected triples).
 */
const karate = simpleGraph(
  KARATE_ORDER,
  KARATE_EDGES.map((e) => e[0]),
  KARATE_EDGES.map((e) => e[1]),
);

describe('triangleCounts on the karate club', () => {
  it('counts 45 triangles, 18 through Mr. Hi (node 0) and 15 through the Officer (node 33)', () => {
    const t = triangleCounts(karate);
    expect(t.reduce((a, b) => a + b, 0)).toBe(3 * 45);
    expect(t[0]).toBe(18);
    expect(t[33]).toBe(15);
  });

  it('gives 528 connected triples, so transitivity 135 / 528', () => {
    let triples = 0;
    for (let i = 0; i < karate.order; i++) {
      const d = karate.offsets[i + 1]! - karate.offsets[i]!;
      triples += (d * (d - 1)) / 2;
    }
    expect(triples).toBe(528);
  });
});
