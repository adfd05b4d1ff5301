/**
 * Step 3 of findGaps, criticality: the segment's transitive downstream reach in the flow DAG —
 * Σ valueShare of the segments reachable from it over Σ valueShare of the other segments when
 * every segment has a valueShare (basis "valueShare"), else the count of reachable segments over
 * n − 1 (basis "segments"). Also the direct neighbours of each segment, which the findings read.
 */
import type { ChainModel } from '../../graph/model.js';
import type { ResolvedChain } from '../../model/chains.js';

/** Direct neighbours of each segment in the chain's flows, as positions in the chain, ascending. */
export interface SegmentFlows {
  /** Segments each segment flows into (directly downstream). */
  downOf: number[][];
  /** Segments that flow into each segment (directly upstream). */
  upOf: number[][];
}

/** Criticality of every segment of the chain. */
export interface Criticality {
  basis: 'valueShare' | 'segments';
  /** Per segment: the segments reachable downstream of it, ascending. */
  reach: number[][];
  /** Per segment: its criticality in [0, 1]. */
  value: number[];
}

/**
 * The direct upstream and downstream segments of each of the `n` segments from global index `s0`.
 *
 * @example
 * segmentFlows(model, s0, n).downOf[0]; // [2]: steel flows into gearbox
 */
export function segmentFlows(model: ChainModel, s0: number, n: number): SegmentFlows {
  const { flows } = model.index;
  const downOf: number[][] = [];
  const upOf: number[][] = [];
  for (let j = 0; j < n; j++) {
    const s = s0 + j;
    const down: number[] = [];
    for (let k = flows.out.offsets[s]!; k < flows.out.offsets[s + 1]!; k++) down.push(flows.to[flows.out.items[k]!]! - s0);
    const up: number[] = [];
    for (let k = flows.in.offsets[s]!; k < flows.in.offsets[s + 1]!; k++) up.push(flows.from[flows.in.items[k]!]! - s0);
    downOf.push([...new Set(down)].sort((a, b) => a - b));
    upOf.push([...new Set(up)].sort((a, b) => a - b));
  }
  return { downOf, upOf };
}

/**
 * The criticality of every segment of `chain` from its downstream reach over `downOf`.
 *
 * @example
 * downstreamCriticality(chain, flows.downOf).value[0]; // 0.75: steel reaches 3 of the 4 others
 */
export function downstreamCriticality(chain: ResolvedChain, downOf: readonly number[][]): Criticality {
  const n = downOf.length;
  const shares = chain.segments.map((s) => s.valueShare);
  const basis: 'valueShare' | 'segments' = n > 0 && shares.every((v) => v !== undefined) ? 'valueShare' : 'segments';
  const reach: number[][] = [];
  const value: number[] = [];
  for (let j = 0; j < n; j++) {
    const seen = new Uint8Array(n);
    seen[j] = 1;
    const queue = [j];
    const found: number[] = [];
    while (queue.length > 0) {
      const t = queue.pop()!;
      for (const u of downOf[t]!) if (!seen[u]) (seen[u] = 1, found.push(u), queue.push(u));
    }
    found.sort((a, b) => a - b);
    reach.push(found);
    if (basis === 'valueShare') {
      let others = 0;
      for (let t = 0; t < n; t++) if (t !== j) others += shares[t]!;
      value.push(others > 0 ? found.reduce((a, t) => a + shares[t]!, 0) / others : 0);
    } else value.push(n > 1 ? found.length / (n - 1) : 0);
  }
  return { basis, reach, value };
}
