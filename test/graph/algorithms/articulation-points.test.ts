import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articulationPoints } from '../../../src/graph/algorithms/articulation-points.js';
import { withScratch } from '../../../src/internal/scratch.js';
import { KARATE_EDGES, KARATE_ORDER } from '../../fixtures/karate.js';
import { successorsAndPredecessors } from './rows.js';

// one owner for every scratch scope of this file (an arena is kept per owner)
const owner = {};

/** The articulation points, ascending, of the undirected graph of the given edges. */
function cutVertices(n: number, edges: readonly (readonly [number, number])[]): number[] {
  const { succ, pred } = successorsAndPredecessors(n, edges);
  return withScratch(owner, (s) => {
    const cut = articulationPoints(n, succ, pred, s);
    return Array.from(cut.keys()).filter((v) => cut[v] === 1);
  });
}

/** Connected components of the undirected graph once `removed` is taken out (−1: none). */
function componentCount(n: number, edges: readonly (readonly [number, number])[], removed: number): number {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const [a, b] of edges) if (a !== removed && b !== removed) parent[find(a)] = find(b);
  let count = 0;
  for (let v = 0; v < n; v++) if (v !== removed && find(v) === v) count++;
  return count;
}

describe('articulationPoints (Hopcroft–Tarjan)', () => {
  it('finds the cut vertices of two triangles joined by a bridge, with a pendant node', () => {
    // 0–1–2–0, bridge 2–3, 3–4–5–3, pendant 5–6: removing 2, 3 or 5 disconnects the graph
    expect(cutVertices(7, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 3], [5, 6]])).toEqual([2, 3, 5]);
  });

  it('reads the edges either way round and treats the root like any node', () => {
    // a star given with edges pointing in: the centre 0 (the search's root) is the cut vertex
    expect(cutVertices(4, [[1, 0], [2, 0], [3, 0]])).toEqual([0]);
    expect(cutVertices(2, [[0, 1]])).toEqual([]);
    expect(cutVertices(3, [[0, 1], [1, 2]])).toEqual([1]);
  });

  it('finds the instructor as the one cut vertex of Zachary\'s karate club (member 11 knows only him)', () => {
    expect(cutVertices(KARATE_ORDER, KARATE_EDGES)).toEqual([0]);
  });

  it('agrees with the definition on random graphs: removing the node adds a component', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }).chain((n) =>
          fc.record({ n: fc.constant(n), edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }) }),
        ),
        ({ n, edges }) => {
          const whole = componentCount(n, edges, -1);
          // taking out an isolated node removes a component; a cut vertex leaves more than before
          const expected = Array.from({ length: n }, (_, v) => v).filter((v) => componentCount(n, edges, v) > whole);
          expect(cutVertices(n, edges)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
