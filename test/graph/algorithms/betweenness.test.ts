import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweennessCsr, betweennessCsrIn } from '../../../src/graph/algorithms/betweenness.js';
import type { WeightedCsr } from '../../../src/graph/algorithms/csr.js';
import { withScratch } from '../../../src/internal/scratch.js';
import { KARATE_ORDER } from '../../fixtures/karate.js';
import { csr, graphologyOf } from '../../support/csr.js';
import { karateCsr } from './karate-csr.js';

// graphology-metrics is CommonJS: the default import is the function itself at run time
const betweenness = ((betweennessModule as unknown as { default?: unknown }).default ??
  betweennessModule) as typeof betweennessModule.default;

/*
 * NetworkX's `betweenness_centrality` of the unweighted karate club graph (Brandes, normalised
 * by (n − 1)(n − 2)/2 for an undirected graph), as printed by NetworkX and reproduced in its
 * users' tutorials; every node not listed scores 0.
 */
const NETWORKX_KARATE_BETWEENNESS: Readonly<Record<number, number>> = {
  0: 0.43763528138528146,
  1: 0.053936688311688304,
  2: 0.14365680615680618,
  3: 0.011909271284271283,
  4: 0.0006313131313131313,
  5: 0.02998737373737374,
  6: 0.029987373737373736,
  8: 0.05592682780182781,
  9: 0.0008477633477633478,
  10: 0.0006313131313131313,
  13: 0.04586339586339586,
  19: 0.03247504810004811,
  23: 0.017613636363636363,
  24: 0.0022095959595959595,
  25: 0.0038404882154882154,
  27: 0.02233345358345358,
  28: 0.0017947330447330447,
  29: 0.0029220779220779218,
  30: 0.014411976911976909,
  31: 0.13827561327561325,
  32: 0.145247113997114,
  33: 0.30407497594997596,
};

describe('betweennessCsr on Zachary\'s karate club', () => {
  // each tie is two directed edges, so every unordered pair is counted twice: divide by (n − 1)(n − 2)
  const scale = (KARATE_ORDER - 1) * (KARATE_ORDER - 2);

  it('agrees with NetworkX\'s published values', () => {
    const scores = betweennessCsr(karateCsr());
    for (let v = 0; v < KARATE_ORDER; v++) expect(scores[v]! / scale).toBeCloseTo(NETWORKX_KARATE_BETWEENNESS[v] ?? 0, 12);
  });

  it('gives the same scores from a scratch scope', () => {
    const allocated = Array.from(betweennessCsr(karateCsr()));
    const scoped = withScratch({}, (s) => Array.from(betweennessCsrIn(karateCsr(), undefined, s)));
    expect(scoped).toEqual(allocated);
  });

  it('sums, over the sources given, only their dependencies', () => {
    // from the instructor alone: node 0's own dependency is never credited to node 0
    const fromInstructor = betweennessCsr(karateCsr(), [0]);
    expect(fromInstructor[0]).toBe(0);
    // summing each source apart gives the all-sources scores
    const total = new Float64Array(KARATE_ORDER);
    for (let source = 0; source < KARATE_ORDER; source++) {
      const one = betweennessCsr(karateCsr(), [source]);
      for (let v = 0; v < KARATE_ORDER; v++) total[v]! += one[v]!;
    }
    const all = betweennessCsr(karateCsr());
    for (let v = 0; v < KARATE_ORDER; v++) expect(total[v]).toBeCloseTo(all[v]!, 9);
  });
});

describe('betweenness', () => {
  const g = csr(6, [
    [0, 1, 1],
    [0, 2, 1],
    [1, 3, 1],
    [2, 3, 1],
    [3, 4, 1],
    [4, 5, 1],
    [5, 3, 1],
  ]);

  it('counts shortest paths through a node (hand-checked on a path)', () => {
    expect([...betweennessCsr(csr(3, [[0, 1, 1], [1, 2, 1]]))]).toEqual([0, 1, 0]);
  });

  it('matches graphology-metrics (Brandes, unnormalised) exactly', () => {
    const graph = graphologyOf(g);
    const theirs = betweenness(graph, { getEdgeWeight: null, normalized: false });
    const ours = betweennessCsr(g);
    for (let i = 0; i < 6; i++) expect(ours[i]).toBeCloseTo(theirs[String(i)]!, 12);
    // node 1 lies on one of the two shortest paths 0 → 3, 0 → 4, 0 → 5: 3 × 1/2
    expect(ours[1]).toBeCloseTo(1.5, 12);
  });

  it('gives, bit for bit, what a plain Brandes accumulation over all out-edges gives (random graphs, parallel edges, loops)', () => {
    // the reference: dist/sigma reset per source, dependencies summed over every out-edge in order
    const reference = (graph: WeightedCsr, sources: readonly number[]): Float64Array => {
      const { order: n, offsets, targets } = graph;
      const centrality = new Float64Array(n);
      const sigma = new Float64Array(n);
      const delta = new Float64Array(n);
      const dist = new Int32Array(n);
      for (const s of sources) {
        dist.fill(-1);
        sigma.fill(0);
        dist[s] = 0;
        sigma[s] = 1;
        const order = [s];
        for (let head = 0; head < order.length; head++) {
          const v = order[head]!;
          for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
            const w = targets[k]!;
            if (dist[w] === -1) (dist[w] = dist[v]! + 1), order.push(w);
            if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
          }
        }
        for (let j = order.length - 1; j >= 0; j--) {
          const v = order[j]!;
          let d = 0;
          for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
            const w = targets[k]!;
            if (dist[w] === dist[v]! + 1) d += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
          }
          delta[v] = d;
          if (v !== s) centrality[v]! += d;
        }
      }
      return centrality;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 120 }),
            sources: fc.array(fc.nat(n - 1), { maxLength: 12 }),
          }),
        ),
        ({ n, edges, sources }) => {
          const graph = csr(
            n,
            edges.map(([a, b]) => [a, b, 1] as const),
          );
          const all = Array.from({ length: n }, (_, i) => i);
          for (const list of [all, sources]) {
            const ours = betweennessCsr(graph, list);
            const theirs = reference(graph, list);
            for (let i = 0; i < n; i++) expect(Object.is(ours[i], theirs[i])).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

});
