import { describe, expect, it } from 'vitest';
import { betweennessCsr, betweennessCsrIn } from '../../../src/graph/algorithms/betweenness.js';
import { withScratch } from '../../../src/internal/scratch.js';
import { KARATE_ORDER } from '../../fixtures/karate.js';
import { karateCsr } from './karate-csr.js';

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
