/**
 * Step 2 of recommendRecruits, the region's side: which enterprises are local (and present),
 * which segments of any chain the region has, and the local firms by parent group — what a
 * candidate's relatedness and group ties are measured against.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx } from '../../graph/queries.js';
import type { Scratch } from '../../internal/scratch.js';
import { recordExtras } from '../scope/index.js';

/**
 * Bits of the per-enterprise flags of recommendRecruits: in the region.
 *
 * @example
 * (local.flags[e] & LOCAL) !== 0; // e is in the region: never a candidate
 */
export const LOCAL = 1;
/**
 * In the region with a present status.
 *
 * @example
 * (local.flags[e] & LOCAL_PRESENT) !== 0; // a local buyer or partner that counts
 */
export const LOCAL_PRESENT = 2;
/**
 * Outside the region, with a candidate status, in a gap segment (set by markCandidates).
 *
 * @example
 * (local.flags[e] & CANDIDATE) !== 0; // e is proposed for some gap segment
 */
export const CANDIDATE = 4;

/** The region's side of the recruitment list. */
export interface LocalSide {
  /** Per enterprise: LOCAL, LOCAL_PRESENT, CANDIDATE (a scratch array). */
  flags: Uint8Array;
  /** Per segment of the model (any chain): 1 when a local present firm operates in it. */
  presentHere: Uint8Array;
  /** Local present firms by their parent's enterprise index. */
  localChildren: Map<number, number[]>;
  /** Each firm's parent as an enterprise index (-1 none); null when no firm has one. */
  parentOf: Int32Array | null;
}

/**
 * The local side in region index `r`, with statuses flagged in `presentCode` counting as present.
 *
 * @example
 * const { presentHere } = localSide(scratch, model, r, settings.presentCode);
 * presentHere[s]; // 1 when the region has a present firm in segment s
 */
export function localSide(scratch: Scratch, model: ChainModel, r: number, presentCode: Uint8Array): LocalSide {
  const { enterprises: ents, segments } = model.index;
  // per-enterprise flags (typed, in the scratch arena): LOCAL in the region, LOCAL_PRESENT also
  // with a present status, CANDIDATE (later)
  const flags = scratch.uint8(ents.ids.length);
  const regionFirms = enterprisesInRegionIdx(model, r);
  for (let i = 0; i < regionFirms.length; i++) {
    const e = regionFirms[i]!;
    flags[e] = presentCode[ents.status[e]!] ? LOCAL | LOCAL_PRESENT : LOCAL;
  }
  // one sequential pass over the local present firms: the segments (of every chain) present in
  // the region, and the local firms by parent (group ties)
  const presentHere = new Uint8Array(segments.keys.length);
  const localChildren = new Map<number, number[]>();
  const parentOf = recordExtras(model).parent;
  for (let e = 0; e < flags.length; e++) {
    if (!(flags[e]! & LOCAL_PRESENT)) continue;
    for (let k = ents.segments.offsets[e]!; k < ents.segments.offsets[e + 1]!; k++) presentHere[ents.segments.items[k]!] = 1;
    const parent = parentOf === null ? -1 : parentOf[e]!;
    if (parent < 0) continue;
    const list = localChildren.get(parent) ?? [];
    list.push(e);
    localChildren.set(parent, list);
  }
  return { flags, presentHere, localChildren, parentOf };
}
