/**
 * Step 4 of recommendRecruits, the supply links: what each candidate already sends to local
 * present buyers of its gap segment's product (the flow a local plant would substitute), and
 * whom it trades with locally (the ranking's tie-breaker). Links count with the statuses the
 * gaps counted; a link's product segment is found as in ../scope/link-segment.ts.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import { productSegmentCode } from '../scope/index.js';
import { CANDIDATE, LOCAL_PRESENT } from './local.js';

/** What the candidates send and whom they trade with (arrays from the scratch arena: valid in the call only). */
export interface CandidateLinks {
  /** Per (candidate, gap segment) slot: counted links of the segment's product to local present buyers. */
  slotCount: Int32Array;
  /** Their known value, summed in link order. */
  slotValue: Float64Array;
  /** How many have no value. */
  slotUnknown: Int32Array;
  /** Their buyers (with repeats), by slot. */
  slotBuyers: Map<number, number[]>;
  /** The local present partners of candidate `e` (with repeats; a view of a scratch array). */
  partnersOf: (e: number) => Int32Array;
}

/**
 * One sequential pass over the link arrays for what the candidates (`flags` CANDIDATE) send to
 * local present buyers and whom they trade with locally: walking each candidate's CSR rows
 * instead costs a random access per link at scale. In a function of its own so that V8
 * optimises the loop on its own.
 * - Per (candidate, gap segment) slot = position in the enterprise → segments CSR: the counted
 *   links of the segment's product to local present buyers, their known value (summed in link
 *   order, as a walk over the candidate's outgoing links would), the number of unknown values and
 *   the buyers (with repeats).
 * - Per candidate: its local present partners over counted links in either direction (with repeats).
 *
 * @example
 * const links = scanCandidateLinks(scratch, model, s0, s1, settings.linkCode, local.flags, isGapSegment);
 * links.partnersOf(e).length; // counted links between candidate e and local present firms
 */
export function scanCandidateLinks(
  s: Scratch,
  model: ChainModel,
  s0: number,
  s1: number,
  linkCode: Uint8Array,
  flags: Uint8Array,
  isGapSegment: Uint8Array,
): CandidateLinks {
  const { links, enterprises: ents } = model.index;
  const slots = ents.segments.items.length;
  const slotCount = s.int32(slots);
  const slotValue = s.float64(slots);
  const slotUnknown = s.int32(slots);
  const slotBuyers = new Map<number, number[]>();
  // partners as (candidate, partner) pairs, grouped by candidate afterwards (a counting sort)
  const candidateOf = s.int32(flags.length, -1);
  let candidates = 0;
  for (let e = 0; e < flags.length; e++) if (flags[e]! & CANDIDATE) candidateOf[e] = candidates++;
  let pairs = 0;
  let pairCandidate = s.int32(1024);
  let pairOther = s.int32(1024);
  const addPartner = (e: number, other: number) => {
    if (pairs === pairCandidate.length) {
      // doubled in the arena: the outgrown arrays stay taken until the scope ends (< the final size)
      const grownCandidate = s.int32(2 * pairs);
      grownCandidate.set(pairCandidate);
      pairCandidate = grownCandidate;
      const grownOther = s.int32(2 * pairs);
      grownOther.set(pairOther);
      pairOther = grownOther;
    }
    pairCandidate[pairs] = candidateOf[e]!;
    pairOther[pairs++] = other;
  };
  const { offsets, items } = ents.segments;
  const linkCount = links.from.length;
  for (let l = 0; l < linkCount; l++) {
    if (!linkCode[links.status[l]!]) continue;
    const a = links.from[l]!;
    const b = links.to[l]!;
    const fa = flags[a]!;
    const fb = flags[b]!;
    if (fa & CANDIDATE && fb & LOCAL_PRESENT) {
      addPartner(a, b);
      const code = productSegmentCode(model, l, s0, s1);
      if (code >= 0 && isGapSegment[code >> 1]) {
        const s = code >> 1;
        let q = offsets[a]!;
        while (q < offsets[a + 1]! && items[q] !== s) q++;
        if (q < offsets[a + 1]!) {
          slotCount[q]!++;
          const buyers = slotBuyers.get(q);
          if (buyers) buyers.push(b);
          else slotBuyers.set(q, [b]);
          const v = links.value[l]!;
          if (Number.isFinite(v)) slotValue[q]! += v;
          else slotUnknown[q]!++;
        }
      }
    }
    if (fb & CANDIDATE && fa & LOCAL_PRESENT) addPartner(b, a);
  }
  const partnerStart = s.int32(candidates + 1);
  for (let i = 0; i < pairs; i++) partnerStart[pairCandidate[i]! + 1]!++;
  for (let c = 0; c < candidates; c++) partnerStart[c + 1]! += partnerStart[c]!;
  const partnerItems = s.int32(pairs);
  const cursor = s.copy(partnerStart.subarray(0, candidates));
  for (let i = 0; i < pairs; i++) partnerItems[cursor[pairCandidate[i]!]!++] = pairOther[i]!;
  /** The local present partners of candidate `e` (with repeats; a view of a scratch array: read it within the scope). */
  const partnersOf = (e: number) => partnerItems.subarray(partnerStart[candidateOf[e]!]!, partnerStart[candidateOf[e]! + 1]!);
  return { slotCount, slotValue, slotUnknown, slotBuyers, partnersOf };
}

