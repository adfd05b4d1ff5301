/**
 * Step 5 of recommendRecruits: what the data say of each candidate of a gap segment — the flow
 * it already sends to local buyers, its other segments and which of them the region has, and
 * its ties to local firms (trading partners, group companies).
 */
import type { ChainModel } from '../../graph/model.js';
import { sortedUnique } from '../scope/index.js';
import type { RecruitContext } from './context.js';
import { LOCAL, LOCAL_PRESENT } from './local.js';

/** The facts about one candidate of a gap segment. */
export interface CandidateFacts {
  /** Enterprise index. */
  e: number;
  /** Local present buyers of the segment's product from it, distinct, ascending. */
  buyers: readonly number[];
  /** Counted links of the segment's product to local present buyers. */
  links: number;
  /** Their known value, 亿元. */
  value: number;
  /** Those of them without a value. */
  unknown: number;
  /** Its other segments (global indices, any chain) that the region has. */
  shared: number[];
  /** Its other segments, distinct. */
  others: number;
  /** Local present firms it trades with in either direction (any chain), distinct, ascending. */
  partners: readonly number[];
  /** Local firms of its group (its subsidiaries, or its parent), distinct, ascending. */
  affiliates: readonly number[];
}

const NONE: readonly number[] = Object.freeze([]);
/** The distinct values, ascending, as a plain array ({@link sortedUnique}); a shared empty list for none. */
function uniqueSorted(model: ChainModel, values: ArrayLike<number> | undefined): readonly number[] {
  return values === undefined || values.length === 0 ? NONE : sortedUnique(model, values);
}

/**
 * The facts about every candidate of global segment `s`, in dataset order.
 *
 * @example
 * candidateFacts(ctx, s0 + j)[0]; // → { e: 12, buyers: [3], links: 1, value: 3, unknown: 0, shared: [], … }
 */
export function candidateFacts(ctx: RecruitContext, s: number): CandidateFacts[] {
  const { model, local, links } = ctx;
  const { segments, enterprises: ents } = model.index;
  const { flags, presentHere, localChildren, parentOf } = local;
  const { candidateCode } = ctx.settings;
  const facts: CandidateFacts[] = [];
  for (let k = segments.enterprises.offsets[s]!; k < segments.enterprises.offsets[s + 1]!; k++) {
    const e = segments.enterprises.items[k]!;
    if (flags[e]! & LOCAL || !candidateCode[ents.status[e]!]) continue;
    const slot = slotOf(model, e, s);
    const shared: number[] = [];
    let others = 0;
    for (let q = ents.segments.offsets[e]!; q < ents.segments.offsets[e + 1]!; q++) {
      const t = ents.segments.items[q]!;
      if (t === s || shared.includes(t)) continue;
      others++;
      if (presentHere[t]) shared.push(t);
    }
    // local firms it already trades with, either way (any chain): the ranking's tie-breaker
    const partners = links.partnersOf(e);
    // local firms of the same group: its local subsidiaries, or its parent when that is local
    let affiliates = localChildren.get(e);
    const parentIdx = parentOf === null ? -1 : parentOf[e]!;
    if (parentIdx >= 0 && (flags[parentIdx]! & LOCAL_PRESENT) !== 0) affiliates = [...(affiliates ?? []), parentIdx];
    facts.push({
      e,
      buyers: uniqueSorted(model, links.slotBuyers.get(slot)),
      links: links.slotCount[slot]!,
      value: links.slotValue[slot]!,
      unknown: links.slotUnknown[slot]!,
      shared,
      others,
      partners: uniqueSorted(model, partners),
      affiliates: uniqueSorted(model, affiliates),
    });
  }
  return facts;
}

/** Position of segment `s` in the enterprise → segments CSR row of `e`, -1 if absent. */
function slotOf(model: ChainModel, e: number, s: number): number {
  const { offsets, items } = model.index.enterprises.segments;
  for (let q = offsets[e]!; q < offsets[e + 1]!; q++) if (items[q] === s) return q;
  return -1;
}
