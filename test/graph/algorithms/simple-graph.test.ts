import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleGraph } from '../../../src/graph/algorithms/simple-graph.js';
import { ChainError } from '../../../src/model/issues.js';
import { build, edgesArbitrary, karate } from '../../support/simple-graphs.js';

describe('karate club reference values (NetworkX)', () => {
  it('has 34 nodes, 78 edges and the known degrees of the two leaders', () => {
    expect(karate.order).toBe(34);
    expect(karate.size).toBe(78);
    const degree = (i: number) => karate.offsets[i + 1]! - karate.offsets[i]!;
    expect(degree(0)).toBe(16);
    expect(degree(33)).toBe(17);
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

describe('properties', () => {
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
});
