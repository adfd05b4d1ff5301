import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominators } from '../../../src/graph/algorithms/dominators.js';
import { withScratch } from '../../../src/internal/scratch.js';
import { successorsAndPredecessors } from './rows.js';

// one owner for every scratch scope of this file (an arena is kept per owner)
const owner = {};

/** idom of every node and the preorder, copied out of the scratch scope. */
function idomsOf(n: number, edges: readonly (readonly [number, number])[]): { idom: number[]; preorder: number[] } {
  const { succ, pred } = successorsAndPredecessors(n, edges);
  return withScratch(owner, (s) => {
    const r = dominators(n, succ, pred, s);
    return { idom: Array.from(r.idom), preorder: Array.from(r.preorder) };
  });
}

/*
 * The flow graph of Lengauer & Tarjan (1979), fig. 1, and its dominator tree (their fig. 2):
 * R dominates every node directly except F and G (dominated by C), J (by G) and L (by D).
 */
const NAMES = ['R', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
const LT_EDGES: readonly (readonly [string, string])[] = [
  ['R', 'A'], ['R', 'B'], ['R', 'C'], ['A', 'D'], ['B', 'A'], ['B', 'D'], ['B', 'E'], ['C', 'F'],
  ['C', 'G'], ['D', 'L'], ['E', 'H'], ['F', 'I'], ['G', 'I'], ['G', 'J'], ['H', 'E'], ['H', 'K'],
  ['I', 'K'], ['J', 'I'], ['K', 'I'], ['K', 'R'], ['L', 'H'],
];
const LT_IDOM: Readonly<Record<string, string>> = {
  A: 'R', B: 'R', C: 'R', D: 'R', E: 'R', F: 'C', G: 'C', H: 'R', I: 'R', J: 'G', K: 'R', L: 'D',
};

/** The nodes reachable from the root 0 without passing through `removed` (−1: none removed). */
function reachedAvoiding(n: number, edges: readonly (readonly [number, number])[], removed: number): boolean[] {
  const reached = new Array<boolean>(n).fill(false);
  const stack = [0];
  reached[0] = true;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const [a, b] of edges) if (a === v && b !== removed && !reached[b]) (reached[b] = true), stack.push(b);
  }
  return reached;
}

describe('dominators (semi-NCA)', () => {
  it('gives the dominator tree of Lengauer & Tarjan\'s example', () => {
    const index = (name: string) => NAMES.indexOf(name as (typeof NAMES)[number]);
    const { idom, preorder } = idomsOf(NAMES.length, LT_EDGES.map(([a, b]) => [index(a), index(b)] as const));
    expect(idom[0]).toBe(0);
    for (const [node, dominator] of Object.entries(LT_IDOM)) expect(NAMES[idom[index(node)]!]).toBe(dominator);
    // preorder starts at the root and lists each node after its immediate dominator
    expect(preorder[0]).toBe(0);
    expect(preorder).toHaveLength(NAMES.length);
    for (let j = 1; j < preorder.length; j++) expect(preorder.indexOf(idom[preorder[j]!]!)).toBeLessThan(j);
  });

  it('leaves nodes the root does not reach out of the tree (idom −1, not in the preorder)', () => {
    const { idom, preorder } = idomsOf(4, [[0, 1], [1, 2], [3, 2]]);
    expect(idom).toEqual([0, 0, 1, -1]);
    expect(preorder).toEqual([0, 1, 2]);
  });

  it('agrees with the definition on random flow graphs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.record({ n: fc.constant(n), edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }) }),
        ),
        ({ n, edges }) => {
          const { idom } = idomsOf(n, edges);
          const reachable = reachedAvoiding(n, edges, -1);
          for (let v = 1; v < n; v++) {
            if (!reachable[v]) continue;
            // the strict dominators of v are exactly idom(v), idom(idom(v)), … up to the root
            const chain = new Set<number>();
            for (let d = idom[v]!; ; d = idom[d]!) {
              chain.add(d);
              if (d === 0) break;
            }
            // by definition: d dominates v when v is unreachable from the root once d is removed
            for (let d = 1; d < n; d++) if (d !== v && reachable[d]) expect(chain.has(d)).toBe(!reachedAvoiding(n, edges, d)[v]);
            expect(chain.has(0)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
