import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weaklyConnectedComponents, weaklyConnectedComponentsIn } from '../../../src/graph/algorithms/components.js';
import { louvainCommunities, louvainCommunitiesIn } from '../../../src/graph/algorithms/louvain.js';
import { simpleGraphIn } from '../../../src/graph/algorithms/simple-graph.js';
import { triangleCounts, triangleCountsIn } from '../../../src/graph/algorithms/triangles.js';
import { withScratch } from '../../../src/internal/scratch.js';
import { build, edgesArbitrary } from '../../support/simple-graphs.js';

describe('properties', () => {
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
