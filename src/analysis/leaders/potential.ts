/**
 * The `potential` component (see ./components.ts): for each candidate, the local candidates in
 * the segments adjacent to its own by the chain templates' flows (its potential local suppliers
 * and buyers), summed over the distinct adjacent segments, itself excluded. Only the firm's
 * segments of the scope's chain count when one is given. Structural: it uses no recorded link.
 *
 * Cost: one pass over the candidates' segments and the flows of each; stamps instead of sets.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';

/**
 * Potential partners of each candidate, and the number of its segments in scope (distinct).
 *
 * @example
 * potentialPartners(model, members, chainIdx, s).potential[i]; // local firms in segments adjacent to i's
 */
export function potentialPartners(
  model: ChainModel,
  members: Int32Array,
  chainIndex: number | undefined,
  s: Scratch,
): { potential: Int32Array; segmentCount: Int32Array } {
  const { enterprises, segments, flows } = model.index;
  const n = members.length;
  const ns = segments.keys.length;
  const membersInSegment = new Int32Array(ns);
  const inChainScope = (s: number) => chainIndex === undefined || segments.chain[s] === chainIndex;
  for (let i = 0; i < n; i++) {
    const e = members[i]!;
    for (let k = enterprises.segments.offsets[e]!; k < enterprises.segments.offsets[e + 1]!; k++)
      membersInSegment[enterprises.segments.items[k]!]!++;
  }
  const potential = s.int32(n);
  const segmentCount = s.int32(n);
  const stamp = new Int32Array(ns).fill(-1);
  // own[s] === i: s is one of member i's segments; counted[s] === i: s already counted for i
  const own = new Int32Array(ns).fill(-1);
  const counted = new Int32Array(ns).fill(-1);
  for (let i = 0; i < n; i++) {
    const e = members[i]!;
    const first = enterprises.segments.offsets[e]!;
    const last = enterprises.segments.offsets[e + 1]!;
    for (let k = first; k < last; k++) own[enterprises.segments.items[k]!] = i;
    let total = 0;
    for (let k = first; k < last; k++) {
      const s = enterprises.segments.items[k]!;
      if (counted[s] === i) continue;
      counted[s] = i;
      if (!inChainScope(s)) continue;
      segmentCount[i]!++;
      for (let side = 0; side < 2; side++) {
        const csr = side === 0 ? flows.in : flows.out;
        const end = side === 0 ? flows.from : flows.to;
        for (let q = csr.offsets[s]!; q < csr.offsets[s + 1]!; q++) {
          const t = end[csr.items[q]!]!;
          if (stamp[t] === i) continue;
          stamp[t] = i;
          total += membersInSegment[t]! - (own[t] === i ? 1 : 0);
        }
      }
    }
    potential[i] = total;
  }
  return { potential, segmentCount };
}
