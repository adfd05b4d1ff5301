import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, it } from 'vitest';
import { pagerankCsr } from '../../../src/graph/algorithms/pagerank.js';
import { ChainError } from '../../../src/model/issues.js';
import { csr, graphologyOf } from '../../support/csr.js';
import { KARATE_ORDER } from '../../fixtures/karate.js';
import { karateCsr } from './karate-csr.js';

// graphology-metrics is CommonJS: the default import is the function itself at run time
const pagerank = ((pagerankModule as unknown as { default?: unknown }).default ?? pagerankModule) as typeof pagerankModule.default;

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

describe('pagerankCsr', () => {
  it('solves a two-node chain exactly: x0 = 1/(2+α), x1 = (1+α)/(2+α)', () => {
    // 0 → 1, node 1 dangling. x0 = (1−α)/2 + α·x1/2 and x0 + x1 = 1 give x0 = 1/(2+α).
    const r = pagerankCsr(csr(2, [[0, 1, 1]]));
    expect(r.converged).toBe(true);
    expect(r.scores[0]).toBeCloseTo(1 / 2.85, 10); // stop rule: change < 1e-10
    expect(r.scores[1]).toBeCloseTo(1.85 / 2.85, 10);
  });

  it('agrees with graphology-metrics on a small weighted graph with a cycle and dangling nodes', () => {
    const g = csr(6, [
      [0, 1, 2],
      [0, 2, 1],
      [1, 2, 3],
      [2, 0, 1],
      [2, 3, 0.5],
      [3, 4, 1],
      [5, 4, 4],
      [5, 1, 1],
    ]);
    const ours = pagerankCsr(g, { tolerance: 1e-12 });
    const theirs = pagerank(graphologyOf(g), { getEdgeWeight: 'weight', tolerance: 1e-12, maxIterations: 10_000 });
    for (let i = 0; i < 6; i++) expect(Math.abs(ours.scores[i]! - theirs[String(i)]!)).toBeLessThan(1e-6);
    expect(ours.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('keeps iterating where graphology-metrics stops after one iteration (its tolerance grows with N)', () => {
    // A directed path 0 → 1 → … → n−1. From the uniform start, the first iteration changes the
    // ranks by about 1.7/n in total, below graphology's N × 1e-6, so graphology returns after one
    // step with every node but the first still equal. The exact ranks rise along the path:
    // x_k = c (1 − α^(k+1)) / (1 − α), with c fixed by Σ x = 1.
    const n = 10_000;
    const edges = Array.from({ length: n - 1 }, (_, k) => [k, k + 1, 1] as const);
    const g = csr(n, edges);
    const theirs = pagerank(graphologyOf(g), { getEdgeWeight: 'weight' });
    expect(theirs['1']).toBeCloseTo(theirs[String(n - 1)]!, 15); // stopped early: no gradient
    const ours = pagerankCsr(g);
    expect(ours.converged).toBe(true);
    expect(ours.iterations).toBeGreaterThan(50);
    const alpha = 0.85;
    const c = (1 - alpha) / (n - (alpha * (1 - alpha ** n)) / (1 - alpha));
    for (const k of [0, 1, 2, 10, n - 1]) expect(ours.scores[k]! / (c * (1 - alpha ** (k + 1)) / (1 - alpha))).toBeCloseTo(1, 8);
    expect(ours.scores[n - 1]! / ours.scores[1]!).toBeCloseTo((1 - alpha ** n) / (1 - alpha ** 2), 8);
  });

  it('converges at a million nodes with the max-abs stop rule', () => {
    const n = 1_000_000;
    const offsets = Int32Array.from({ length: n + 1 }, (_, i) => Math.min(i, n - 1));
    const targets = Int32Array.from({ length: n - 1 }, (_, k) => k + 1);
    const r = pagerankCsr({ order: n, offsets, targets, weights: new Float64Array(n - 1).fill(1) });
    const alpha = 0.85;
    const c = (1 - alpha) / (n - (alpha * (1 - alpha ** n)) / (1 - alpha));
    expect(r.converged).toBe(true);
    expect(r.scores[n - 1]! / (c / (1 - alpha))).toBeCloseTo(1, 6);
    expect(r.scores[0]! / c).toBeCloseTo(1, 6);
  });

  it('reports non-convergence instead of throwing, and rejects bad options', () => {
    const r = pagerankCsr(csr(3, [[0, 1, 1], [1, 2, 1], [2, 0, 1]]), { maxIterations: 1, tolerance: 1e-300 });
    expect(r.iterations).toBe(1);
    // a 3-cycle is already stationary at the uniform start
    expect(r.converged).toBe(true);
    const s = pagerankCsr(csr(2, [[0, 1, 1]]), { maxIterations: 2 });
    expect(s.converged).toBe(false);
    expect(() => pagerankCsr(csr(1, []), { alpha: 2 })).toThrow(ChainError);
  });
});
