/**
 * Scoring a buyer's pairs: per via, the demand and outside parts, then the best suppliers taken
 * from the heads of its site, zone and segment streams (at most `limit`, and ties of the last),
 * each pair keeping its best via; and the tighter bound from those heads used for pruning.
 */
import type { Scratch } from '../../internal/scratch.js';
import type { Vias } from './candidates.js';
import type { OutsideSourcing } from './outside.js';
import { demandOf, type DemandModel } from './scales.js';
import { groupOf, type Groups, type Streams } from './supplier-order.js';
import { colocationValue, type Tables } from './tables.js';
import type { TopPairs } from './top-pairs.js';
import type { MatchComponent } from './types.js';

/** What pass 2 scores with: the weights used, the scales, the streams. */
export interface Scoring {
  used: Record<MatchComponent, number>;
  demand: DemandModel;
  maxDemand: number;
  /** used.capacity × the supplier's capacity score, per candidate supplier. */
  capacityPart: Float64Array;
  stream: Streams;
  sites: Groups;
  zones: Groups;
  outside: OutsideSourcing;
  limit: number;
}

/**
 * Scratch arrays of pass 2 (per firm stamps) and the pairs kept.
 *
 * @example
 * const search = new PairSearch(s, t, vias, scoring, kept, linkedStamp);
 * search.buyer(b, keyOf(b));
 */
export class PairSearch {
  private readonly heads = new Int32Array(3);
  private readonly ends = new Int32Array(3);
  private readonly headScore = new Float64Array(3);
  private readonly lists: Int32Array[];
  private readonly bestStamp: Int32Array;
  private readonly bestScore: Float64Array;
  private readonly bestVia: Int32Array;
  private readonly taken: Int32Array;
  private readonly touched: number[] = [];
  private viaCounter = 0;

  constructor(
    s: Scratch,
    private readonly t: Tables,
    private readonly vias: Vias,
    private readonly sc: Scoring,
    readonly kept: TopPairs,
    /** Per firm, the last buyer it was found linked to (stamps from pass 1 kept: a buyer's are set again before use). */
    private readonly linkedStamp: Int32Array,
  ) {
    this.lists = [sc.sites.items, sc.zones.items, sc.stream.items];
    this.bestStamp = s.int32(t.ne, -1);
    this.bestScore = s.float64(t.ne);
    this.bestVia = s.int32(t.ne);
    this.taken = s.int32(t.ne, -1);
  }

  /** The via's demand and outside parts of the score (outside 0 or 1, or whether the buyer buys anything from outside when a bound), summed as in a score. */
  private base(b: number, f: number, bound: boolean): number {
    const { used } = this.sc;
    let base = 0;
    base += used.demand * (this.sc.maxDemand > 0 ? demandOf(this.sc.demand, b, f) / this.sc.maxDemand : 0);
    base += used.outside * (bound ? this.sc.outside.buysOutside[b]! : this.sc.outside.count(b, f) > 0 ? 1 : 0);
    return base;
  }

  /**
   * Bound on the scores of a buyer's pairs, tighter than scoreBounds: per via, the capacity part
   * of the head of the site group (co-location 1), of the zone group (0.5) and of the segment's
   * stream (0).
   */
  bound(b: number, key: number): number {
    const { t, vias, sc } = this;
    const { used, capacityPart, stream, sites, zones } = sc;
    let best = Number.NEGATIVE_INFINITY;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const sg = vias.s[v]!;
      const base = this.base(b, vias.flow[v]!, true);
      const site = groupOf(sites, t.nr, sg, t.siteKey[b]!);
      const zone = groupOf(zones, t.nr, sg, t.zoneKey[b]!);
      let score = base + capacityPart[stream.items[stream.offsets[sg]!]!]!;
      score += used.colocation * 0;
      if (score > best) best = score;
      if (site >= 0) {
        score = base + capacityPart[sites.items[sites.start[site]!]!]!;
        score += used.colocation * 1;
        if (score > best) best = score;
      }
      if (zone >= 0) {
        score = base + capacityPart[zones.items[zones.start[zone]!]!]!;
        score += used.colocation * 0.5;
        if (score > best) best = score;
      }
    }
    return best;
  }

  /**
   * The pairs of one buyer: per via, the best suppliers from the streams (at most `limit`, and
   * ties of the last), each pair's best via; offered to the pairs kept. One function: the merge
   * of the three streams is the hot loop of a call, and splitting it would cost speed.
   */
  buyer(b: number, key: number): void {
    const { t, vias, sc, heads, ends, headScore, lists, linkedStamp, bestStamp, bestScore, bestVia, taken, touched } = this;
    const { used, capacityPart, stream, sites, zones, limit } = sc;
    for (let q = t.linkInOffsets[b]!; q < t.linkInOffsets[b + 1]!; q++) {
      if (t.linkedOnly >= 0 && t.linkStatus[t.linkInItems[q]!] !== t.linkedOnly) continue;
      linkedStamp[t.inFrom[q]!] = b;
    }
    touched.length = 0;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const viaCounter = ++this.viaCounter;
      const f = vias.flow[v]!;
      const sg = vias.s[v]!;
      const base = this.base(b, f, false);
      // each stream is ordered by score for its own kind of member (site, zone, any); a member
      // also in an earlier stream is met there first with its full score
      const site = groupOf(sites, t.nr, sg, t.siteKey[b]!);
      const zone = groupOf(zones, t.nr, sg, t.zoneKey[b]!);
      heads[0] = site < 0 ? 0 : sites.start[site]!;
      ends[0] = site < 0 ? 0 : sites.start[site + 1]!;
      heads[1] = zone < 0 ? 0 : zones.start[zone]!;
      ends[1] = zone < 0 ? 0 : zones.start[zone + 1]!;
      heads[2] = stream.offsets[sg]!;
      ends[2] = stream.offsets[sg + 1]!;
      headScore.fill(Number.NaN);
      let accepted = 0;
      let lastScore = Number.POSITIVE_INFINITY;
      for (;;) {
        let pick = -1;
        let pickScore = 0;
        let pickSupplier = 0;
        for (let j = 0; j < 3; j++) {
          const list = lists[j]!;
          // skip what cannot be taken
          while (heads[j]! < ends[j]!) {
            const e = list[heads[j]!]!;
            if (e === b || linkedStamp[e] === b || taken[e] === viaCounter) {
              heads[j]!++;
              headScore[j] = Number.NaN;
            } else break;
          }
          if (heads[j]! >= ends[j]!) continue;
          const e = list[heads[j]!]!;
          if (Number.isNaN(headScore[j]!)) {
            let score = base;
            score += capacityPart[e]!;
            score += used.colocation * colocationValue(t, e, b);
            headScore[j] = score;
          }
          const score = headScore[j]!;
          // the better by score, then (same buyer and flow) the earlier supplier
          if (pick < 0 || (score !== pickScore ? score > pickScore : e < pickSupplier)) {
            pick = j;
            pickScore = score;
            pickSupplier = e;
          }
        }
        if (pick < 0) break;
        // past the limit, only ties of the last one taken (the final sort decides among them)
        if (accepted >= limit && pickScore < lastScore) break;
        heads[pick]!++;
        headScore[pick] = Number.NaN;
        taken[pickSupplier] = viaCounter;
        accepted++;
        lastScore = pickScore;
        // the higher score wins; on a tie, the via found first (direct before cross-chain)
        if (bestStamp[pickSupplier] !== b) {
          bestStamp[pickSupplier] = b;
          bestScore[pickSupplier] = pickScore;
          bestVia[pickSupplier] = v;
          touched.push(pickSupplier);
        } else if (pickScore > bestScore[pickSupplier]! + 1e-12) {
          bestScore[pickSupplier] = pickScore;
          bestVia[pickSupplier] = v;
        }
      }
    }
    for (const e of touched) this.kept.offer(bestScore[e]!, demandOf(sc.demand, b, vias.flow[bestVia[e]!]!), e, b, bestVia[e]!);
  }
}
