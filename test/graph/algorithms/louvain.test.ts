import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageClustering } from '../../../src/graph/algorithms/clustering.js';
import { weaklyConnectedComponents } from '../../../src/graph/algorithms/components.js';
import { density } from '../../../src/graph/algorithms/density.js';
import { louvainCommunities } from '../../../src/graph/algorithms/louvain.js';
import { modularity } from '../../../src/graph/algorithms/modularity.js';
import { build, edgesArbitrary, karate } from '../../support/simple-graphs.js';

/*
 * Reference values computed once with NetworkX 3.6.1 (not needed by CI):
 *   G = nx.karate_club_graph()
 *   max over seeds 0..49 of modularity(louvain_communities(G, weight=None, seed=s)) → 0.41978961209730437
 *     (the best known partition of the club, 4 communities)
 */
const BEST_KNOWN_MODULARITY = 0.41978961209730437;

describe('karate club reference values (NetworkX)', () => {
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

describe('properties', () => {
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
});
