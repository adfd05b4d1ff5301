import { describe, expect, it } from 'vitest';
import { pagerankCsr } from '../../../src/graph/algorithms/pagerank.js';
import { KARATE_ORDER } from '../../fixtures/karate.js';
import { karateCsr } from './karate-csr.js';

/*
 * NetworkX's `pagerank` of the unweighted karate club graph with its defaults (α = 0.85,
 * tol = 1e-6), as printed by NetworkX and reproduced in its users' tutorials. NetworkX stops
 * once the summed change is below N × tol = 34e-6, so its values lie within about 5e-6 of the
 * fixed point; the exact solution is checked apart below, by solving the linear system.
 */
const NETWORKX_KARATE_PAGERANK: Readonly<Record<number, number>> = {
  0: 0.09700181758983709,
  1: 0.05287839103742701,
  2: 0.057078423047636745,
  3: 0.03586064322306479,
  11: 0.009564916863537148,
  31: 0.03715663592267942,
  32: 0.07169213006588289,
  33: 0.1009179167487121,
};

/** PageRank of a graph without dangling nodes as the solution of (I − α Pᵀ) x = (1 − α)/N, by Gaussian elimination. */
function solvedPagerank(alpha: number): number[] {
  const g = karateCsr();
  const n = g.order;
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (j === i ? 1 : j === n ? (1 - alpha) / n : 0)));
  for (let i = 0; i < n; i++) {
    const degree = g.offsets[i + 1]! - g.offsets[i]!;
    for (let k = g.offsets[i]!; k < g.offsets[i + 1]!; k++) a[g.targets[k]!]![i]! -= alpha / degree;
  }
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let j = c; j <= n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

describe('pagerankCsr on Zachary\'s karate club', () => {
  const r = pagerankCsr(karateCsr(), { tolerance: 1e-13 });

  it('agrees with NetworkX\'s published values within its stopping tolerance', () => {
    expect(r.converged).toBe(true);
    for (const [node, value] of Object.entries(NETWORKX_KARATE_PAGERANK)) expect(Math.abs(r.scores[Number(node)]! - value)).toBeLessThan(1e-5);
  });

  it('is the solution of the PageRank linear system to 1e-12', () => {
    const exact = solvedPagerank(0.85);
    for (let i = 0; i < KARATE_ORDER; i++) expect(Math.abs(r.scores[i]! - exact[i]!)).toBeLessThan(1e-12);
  });

  it('ranks the two leaders of the split first: the administrator (33), then the instructor (0)', () => {
    const order = Array.from(r.scores.keys()).sort((a, b) => r.scores[b]! - r.scores[a]!);
    expect(order.slice(0, 5)).toEqual([33, 0, 32, 2, 1]);
    expect(r.scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
