import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weaklyConnectedComponents, weaklyConnectedComponentsIn } from '../../../src/graph/algorithms/components.js';
import { louvainCommunities, louvainCommunitiesIn } from '../../../src/graph/algorithms/louvain.js';
import { simpleGraph, simpleGraphIn, type SimpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
import { triangleCounts, triangleCountsIn } from '../../../src/graph/algorithms/triangles.js';
import { withScratch } from '../../../src/internal/scratch.js';

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
