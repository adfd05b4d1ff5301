/**
 * Outside sourcing (本地配套 opportunity): how many suppliers outside the region a buyer now buys
 * a flow's input from, by counted links tagged with the input segment (or a segment of another
 * chain matching it) or from a supplier operating in it.
 */
import type { Scratch } from '../../internal/scratch.js';
import type { Vias } from './candidates.js';
import type { Tables } from './tables.js';

/**
 * Outside sourcing: distinct non-local suppliers of a buyer for a flow's input segment (or a segment of another chain matching it).
 *
 * @example
 * const outside = new OutsideSourcing(s, t, model.index.links.to);
 * outside.count(buyer, flow); // outside suppliers of the flow's input
 */
export class OutsideSourcing {
  private readonly inputMark: Int32Array;
  private readonly seen: Int32Array;
  private mark = 0;
  private readonly cache = new Map<number, number>();
  /** Per firm, whether it has a counted link from a non-local supplier (else count is 0 for every flow). */
  readonly buysOutside: Uint8Array;
  constructor(
    s: Scratch,
    private readonly t: Tables,
    linkTo: Int32Array,
  ) {
    this.inputMark = s.int32(t.ns, -1);
    this.seen = s.int32(t.ne, -1);
    const { linkFrom, linkStatus, counted, local } = t;
    this.buysOutside = s.uint8(t.ne);
    for (let k = 0; k < linkFrom.length; k++) if (counted[linkStatus[k]!] && !local[linkFrom[k]!]) this.buysOutside[linkTo[k]!] = 1;
  }

  count(buyer: number, flow: number): number {
    const { ns, linkInOffsets, linkInItems, linkFrom, linkStatus, linkSegment, counted, local, segOffsets, segItems, flowFrom, equivalents } = this.t;
    const s1 = flowFrom[flow]!;
    const key = buyer * ns + s1;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const inputMark = this.inputMark;
    const mark = ++this.mark;
    inputMark[s1] = mark;
    for (let p = equivalents.offsets[s1]!; p < equivalents.offsets[s1 + 1]!; p++) inputMark[equivalents.items[p]!] = mark;
    let n = 0;
    for (let q = linkInOffsets[buyer]!; q < linkInOffsets[buyer + 1]!; q++) {
      const k = linkInItems[q]!;
      const from = linkFrom[k]!;
      if (!counted[linkStatus[k]!] || local[from] || this.seen[from] === mark) continue;
      const tagged = linkSegment[k]!;
      let match = false;
      if (tagged >= 0) match = inputMark[tagged] === mark;
      else for (let a = segOffsets[from]!; a < segOffsets[from + 1]!; a++) if (inputMark[segItems[a]!] === mark) match = true;
      if (match) {
        this.seen[from] = mark;
        n++;
      }
    }
    this.cache.set(key, n);
    return n;
  }
}

/**
 * Whether some candidate buyer now buys one of its vias' inputs from outside the region (else
 * the `outside` component has no data).
 *
 * @example
 * const anyOutside = anyOutsideSourcing(outside, found.candidateBuyers, found.keyOf, found.vias);
 */
export function anyOutsideSourcing(outside: OutsideSourcing, candidateBuyers: Int32Array, keyOf: (b: number) => number, vias: Vias): boolean {
  let anyOutside = false;
  for (let i = 0; i < candidateBuyers.length && !anyOutside; i++) {
    const b = candidateBuyers[i]!;
    if (!outside.buysOutside[b]) continue;
    for (let v = vias.start[keyOf(b)]!; v < vias.start[keyOf(b) + 1]! && !anyOutside; v++) anyOutside = outside.count(b, vias.flow[v]!) > 0;
  }
  return anyOutside;
}
