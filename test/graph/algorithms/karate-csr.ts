/** Zachary's karate club (../../fixtures/karate.ts) as a CSR graph: each tie both ways, weight 1, rows ascending. */
import type { WeightedCsr } from '../../../src/graph/algorithms/csr.js';
import { KARATE_EDGES, KARATE_ORDER } from '../../fixtures/karate.js';

export function karateCsr(): WeightedCsr {
  const neighbours: number[][] = Array.from({ length: KARATE_ORDER }, () => []);
  for (const [a, b] of KARATE_EDGES) {
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const offsets = new Int32Array(KARATE_ORDER + 1);
  const targets: number[] = [];
  for (let i = 0; i < KARATE_ORDER; i++) {
    targets.push(...neighbours[i]!.sort((x, y) => x - y));
    offsets[i + 1] = targets.length;
  }
  return { order: KARATE_ORDER, offsets, targets: Int32Array.from(targets), weights: new Float64Array(targets.length).fill(1) };
}
