/**
 * The upper-bound pruning: buyers are taken by decreasing bound on their pairs' scores, and only
 * while a bound reaches the `limit`-th best score found so far — a buyer whose bound is lower has
 * no pair in the result.
 */
import type { Scratch } from '../../internal/scratch.js';
import type { Candidates, Vias } from './candidates.js';
import { demandOf } from './scales.js';
import { PairSearch, type Scoring } from './scoring.js';
import type { Tables } from './tables.js';
import { MaxQueue, TopPairs, type FoundPair } from './top-pairs.js';

/**
 * Bound on the scores of a buyer's pairs: per via, the demand and outside parts (outside as 1
 * when the buyer buys anything from outside), the largest capacity part in the via's segment
 * and the best co-location the buyer can have, summed in the score's order (rounding is
 * monotone, so the bound holds in floating point too); the largest over the vias.
 *
 * @example
 * const bound = scoreBounds(s, t, candidateBuyers, keyOf, vias, scoring);
 */
export function scoreBounds(s: Scratch, t: Tables, buyers: Int32Array, keyOf: (b: number) => number, vias: Vias, sc: Scoring): Float64Array {
  const { siteKey, zoneKey } = t;
  const { used, stream, capacityPart } = sc;
  const bound = s.float64(buyers.length);
  for (let i = 0; i < buyers.length; i++) {
    const b = buyers[i]!;
    const outside = sc.outside.buysOutside[b]!;
    const colocation = siteKey[b]! >= 0 ? 1 : zoneKey[b]! >= 0 ? 0.5 : 0;
    const key = keyOf(b);
    let best = Number.NEGATIVE_INFINITY;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      let score = 0;
      score += used.demand * (sc.maxDemand > 0 ? demandOf(sc.demand, b, vias.flow[v]!) / sc.maxDemand : 0);
      score += used.outside * outside;
      score += capacityPart[stream.items[stream.offsets[vias.s[v]!]!]!]!;
      score += used.colocation * colocation;
      if (score > best) best = score;
    }
    bound[i] = best;
  }
  return bound;
}

/**
 * Pass 2: per buyer, the best suppliers of each via from the streams, each pair's best via; the
 * best `limit` pairs overall, best first. Buyers are taken by decreasing bound on their pairs'
 * scores; once a bound is below the `limit`-th best score found, no pair of the remaining buyers
 * can enter (a buyer is also skipped when its tighter bound is below it).
 *
 * @example
 * const best = searchPairs(s, t, found, scoring);
 */
export function searchPairs(s: Scratch, t: Tables, found: Candidates, scoring: Scoring): FoundPair[] {
  const { candidateBuyers, keyOf, vias, linkedStamp } = found;
  const kept = new TopPairs(Math.floor(scoring.limit));
  if (kept.capacity > 0 && candidateBuyers.length > 0) {
    const bound = scoreBounds(s, t, candidateBuyers, keyOf, vias, scoring);
    const queue = new MaxQueue(bound, s.int32(bound.length));
    const search = new PairSearch(s, t, vias, scoring, kept, linkedStamp);
    for (let i = queue.pop(); i >= 0 && !(kept.full() && bound[i]! < kept.worstScore()); i = queue.pop()) {
      const b = candidateBuyers[i]!;
      if (!(kept.full() && search.bound(b, keyOf(b)) < kept.worstScore())) search.buyer(b, keyOf(b));
    }
  }
  return kept.sorted();
}
