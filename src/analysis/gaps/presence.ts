/**
 * Step 2 of findGaps, local presence: a segment is present when a local enterprise with a
 * counted status (default 在产 operating, 在建 under construction) operates in it. Also the
 * per-enterprise flags the later steps read, and each segment's local output (known only when
 * every local present firm's output is).
 */
import type { ChainModel } from '../../graph/model.js';
import { withScratch, type Scratch } from '../../internal/scratch.js';
import { distinctSorted } from '../scope/index.js';

/**
 * Bits of the per-enterprise flags of findGaps: in the region.
 *
 * @example
 * if (presence.flags[e] & LOCAL) local++; // e is in the region or a sub-region
 */
export const LOCAL = 1;
/**
 * In the region with a present status.
 *
 * @example
 * (presence.flags[e] & LOCAL_PRESENT) !== 0; // a local 在产 or 在建 firm
 */
export const LOCAL_PRESENT = 2;
/**
 * Operates in a segment of the chain.
 *
 * @example
 * (presence.flags[e] & MEMBER) !== 0; // e operates in a segment of the chain
 */
export const MEMBER = 4;
/**
 * A local present member of the chain.
 *
 * @example
 * (presence.flags[e] & IN_CHAIN_LOCAL) !== 0; // e is among presence.chainLocal
 */
export const IN_CHAIN_LOCAL = 8;
/**
 * An outside supplier of a link that could not be placed in a segment (set by the link scan).
 *
 * @example
 * (flags[a] & UNRESOLVED_SUPPLIER) !== 0; // a is already listed among the unresolved suppliers
 */
export const UNRESOLVED_SUPPLIER = 16;

/** Who is present where, for the chain in the region. */
export interface SegmentPresence {
  /** Per enterprise: LOCAL, LOCAL_PRESENT, MEMBER, IN_CHAIN_LOCAL (a scratch array). */
  flags: Uint8Array;
  /** Per segment of the chain: its local present firms, in dataset order. */
  localBySeg: number[][];
  /** Per segment: its local firms of other statuses, in dataset order. */
  notPresentBySeg: number[][];
  /** The local present members of the chain, once each, ascending (a scratch array). */
  chainLocal: Int32Array;
  /** Per segment: whether it has a local present firm. */
  present: boolean[];
  /** Per segment: Σ output of its local present firms, null when any is unknown. */
  localOutput: (number | null)[];
}

/**
 * The presence of every segment of the chain `[s0, s1)` among `regionFirms` (the enterprises of
 * the region and its sub-regions), with statuses flagged in `presentCode` counting as present.
 *
 * @example
 * const { present, localBySeg } = segmentPresence(scratch, model, s0, s1, presentCode, regionFirms);
 * present[j]; // true when a local 在产 or 在建 firm operates in the chain's j-th segment
 */
export function segmentPresence(
  s: Scratch,
  model: ChainModel,
  s0: number,
  s1: number,
  presentCode: Uint8Array,
  regionFirms: Int32Array,
): SegmentPresence {
  const { flags, localBySeg, notPresentBySeg, chainLocal } = localFirms(s, model, s0, s1, presentCode, regionFirms);
  const output = model.index.enterprises.output;
  const localOutput = localBySeg.map((firms) => {
    let sum = 0;
    for (const e of firms) {
      const o = output[e]!;
      if (!Number.isFinite(o)) return null;
      sum += o;
    }
    return sum;
  });
  return { flags, localBySeg, notPresentBySeg, chainLocal, present: localBySeg.map((l) => l.length > 0), localOutput };
}

/**
 * The flags of every enterprise (LOCAL, LOCAL_PRESENT, MEMBER of the chain `[s0, s1)`,
 * IN_CHAIN_LOCAL), and per segment of the chain its local present firms and its local firms of
 * other statuses, in dataset order (the segment CSR keeps enterprise order); `chainLocal` lists
 * the local present members once each, ascending.
 */
function localFirms(s: Scratch, model: ChainModel, s0: number, s1: number, presentCode: Uint8Array, regionFirms: Int32Array) {
  const { enterprises: ents, segments } = model.index;
  const flags = s.uint8(ents.ids.length);
  for (let i = 0; i < regionFirms.length; i++) {
    const e = regionFirms[i]!;
    flags[e] = presentCode[ents.status[e]!] === 1 ? LOCAL | LOCAL_PRESENT : LOCAL;
  }
  const localBySeg: number[][] = [];
  const notPresentBySeg: number[][] = [];
  const chainLocalList: number[] = [];
  for (let g = s0; g < s1; g++) {
    const here: number[] = [];
    const other: number[] = [];
    for (let k = segments.enterprises.offsets[g]!; k < segments.enterprises.offsets[g + 1]!; k++) {
      const e = segments.enterprises.items[k]!;
      const f = flags[e]!;
      flags[e] = f | MEMBER;
      if (!(f & LOCAL)) continue;
      if (f & LOCAL_PRESENT) {
        here.push(e);
        if (!(f & IN_CHAIN_LOCAL)) (flags[e] = f | MEMBER | IN_CHAIN_LOCAL, chainLocalList.push(e));
      } else other.push(e);
    }
    localBySeg.push(here);
    notPresentBySeg.push(other);
  }
  const chainLocal = s.int32(chainLocalList.length);
  chainLocal.set(chainLocalList);
  return { flags, localBySeg, notPresentBySeg, chainLocal: chainLocal.sort() };
}

/**
 * The distinct local present firms of the segments `segs` (positions in the chain), ascending —
 * for one segment, its firms in dataset order (which is ascending).
 *
 * @example
 * localFirmsIn(model, presence.localBySeg, [2, 3]); // firms of segments 2 and 3, once each
 */
export function localFirmsIn(model: ChainModel, localBySeg: readonly number[][], segs: readonly number[]): number[] {
  if (segs.length === 1) return localBySeg[segs[0]!]!.slice();
  // a scope of its own: the array is free again once the distinct firms are copied out
  return withScratch(model, (local) => {
    let total = 0;
    for (const t of segs) total += localBySeg[t]!.length;
    const all = local.int32(total);
    let at = 0;
    for (const t of segs) for (const e of localBySeg[t]!) all[at++] = e;
    return distinctSorted(all.sort());
  });
}
