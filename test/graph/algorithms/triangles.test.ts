import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triangleCounts } from '../../../src/graph/algorithms/triangles.js';
import { build, edgesArbitrary, karate } from '../../support/simple-graphs.js';

/*
 * Published values for Zachary's karate club (NetworkX `karate_club_graph()`): 45 triangles
 * (sum(nx.triangles(G).values()) / 3), nx.triangles(G)[0] = 18 and nx.triangles(G)[33] = 15 —
 * the same as clustering 0.15 = 2·18/(16·15) and 2·15/(17·16) for the two leaders, and as
 * transitivity 3·45/528 = 0.2557 (528 connected triples).
 */
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
});
