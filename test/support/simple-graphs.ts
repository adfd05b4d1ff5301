/** Simple graphs for the kernel tests: Zachary's karate club and random small weighted graphs. */
import fc from 'fast-check';
import { simpleGraph, type SimpleGraph } from '../../src/graph/algorithms/simple-graph.js';
import { KARATE_EDGES, KARATE_ORDER } from '../fixtures/karate.js';

/** Zachary's karate club as an unweighted simple graph. */
export const karate: SimpleGraph = simpleGraph(
  KARATE_ORDER,
  KARATE_EDGES.map((e) => e[0]),
  KARATE_EDGES.map((e) => e[1]),
);

/** Small graphs as edge lists: 1–12 nodes, up to 30 weighted edges (loops and repeats included). */
export const edgesArbitrary = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
    }),
  );

/** The simple graph of an edge list drawn by {@link edgesArbitrary}. */
export function build({ n, edges }: { n: number; edges: [number, number, number][] }): SimpleGraph {
  return simpleGraph(
    n,
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
    edges.map((e) => e[2]),
  );
}
