/**
 * Step 5 of findGaps, the supply links: how local buyers source each segment's product (inside
 * or outside the region), and what each local supplier sends of its segment's product. Links
 * count when their status is active or brokered (撮合). A link's product segment is its
 * `segment` when given, else inferred (../scope/link-segment.ts); links that cannot be placed
 * are counted and reported.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import { OTHER_CHAIN, productSegmentCode, UNRESOLVED } from '../scope/index.js';
import { LOCAL, LOCAL_PRESENT, MEMBER, UNRESOLVED_SUPPLIER } from './presence.js';

/** How local buyers source the product of one segment (see {@link scanSupplyLinks}). */
export interface Sourcing {
  extLinks: number;
  extValue: number;
  extUnknown: number;
  localLinks: number;
  localValue: number;
  localUnknown: number;
  /** Local buyers of outside supply (with repeats). */
  buyers: number[];
  /** Outside suppliers (with repeats). */
  suppliers: number[];
  given: number;
  inferred: number;
}

/** What findGaps reads from the supply links (arrays from the scratch arena: valid in the call only). */
export interface SupplyScan {
  /** Per segment of the chain: how its local present buyers source its product. */
  sourcing: Sourcing[];
  /** Per (firm, segment) slot of a local present member: counted links it sends of that segment's product. */
  slotCount: Int32Array;
  /** Their known value, summed in link order. */
  slotValue: Float64Array;
  /** 1 when any of them has no value. */
  slotUnknown: Uint8Array;
  /** Links from outside into local present buyers whose product could not be placed. */
  unresolved: number;
  /** Their suppliers, once each, in order of first appearance. */
  unresolvedSuppliers: number[];
}

/**
 * Position of segment `s` in the enterprise → segments CSR row of `e` (its (firm, segment) slot), -1 if absent.
 *
 * @example
 * const q = slotIndex(model, e, s0 + j);
 * if (q >= 0) supply.slotCount[q]; // counted links e sends of segment j's product
 */
export function slotIndex(model: ChainModel, e: number, s: number): number {
  const { offsets, items } = model.index.enterprises.segments;
  for (let q = offsets[e]!; q < offsets[e + 1]!; q++) if (items[q] === s) return q;
  return -1;
}

/**
 * The supply links findGaps reads, in one sequential pass over the link arrays (walking
 * the buyers' and suppliers' CSR rows instead costs a random access per link at scale), in a
 * function of its own so that V8 optimises the loop on its own.
 * - Sourcing of each chain segment by the local present buyers (`flags` LOCAL_PRESENT) over counted
 *   links: counts, value sums and the outside buyers and suppliers. The values are summed in the
 *   order of a walk over the buyers in `regionFirms` order and their incoming links in link
 *   order (the CSR keeps input order): the valued links are kept with the buyer's rank and put
 *   in that order by a stable counting sort first.
 * - Per (local present member, segment) slot: the counted links it sends of that segment's product
 *   (to any buyer), their known value (summed in link order) and whether any value is unknown.
 * - Links from outside whose product cannot be placed (UNRESOLVED), with their suppliers.
 * The product segment is found by productSegmentCode only for links that can matter: counted,
 * with a local present buyer or a local present supplier in the chain, and not given a segment
 * of another chain. Its arrays, the returned ones too, are taken from `s`: valid in the caller's
 * scope only.
 *
 * @example
 * const { sourcing } = scanSupplyLinks(scratch, model, s0, s1, settings.linkCode, presence.flags, regionFirms);
 * sourcing[j].extLinks; // counted links bringing segment j's product from outside to local buyers
 */
export function scanSupplyLinks(
  s: Scratch,
  model: ChainModel,
  s0: number,
  s1: number,
  linkCode: Uint8Array,
  flags: Uint8Array,
  regionFirms: Int32Array,
): SupplyScan {
  // one loop over every link: kept whole, a split would cost a call per link at scale
  const { links, enterprises: ents } = model.index;
  const n = s1 - s0;
  const sourcing = Array.from({ length: n }, emptySourcing);
  const rank = s.int32(ents.ids.length);
  for (let i = 0; i < regionFirms.length; i++) rank[regionFirms[i]!] = i;
  let valued = 0;
  let valuedRank = s.int32(1024);
  let valuedSlot = s.int32(1024);
  let valuedValue = s.float64(1024);
  const slots = ents.segments.items.length;
  const slotCount = s.int32(slots);
  const slotValue = s.float64(slots);
  const slotUnknown = s.uint8(slots);
  let unresolved = 0;
  const unresolvedSuppliers: number[] = [];
  const linkCount = links.from.length;
  for (let k = 0; k < linkCount; k++) {
    // links of another chain's product count nowhere: tell them by the sequential arrays first
    const given = links.segment[k]!;
    if (given >= 0 && (given < s0 || given >= s1)) continue;
    if (!linkCode[links.status[k]!]) continue;
    const a = links.from[k]!;
    const b = links.to[k]!;
    const fa = flags[a]!;
    const buyerOk = (flags[b]! & LOCAL_PRESENT) !== 0;
    const supplierOk = (fa & (LOCAL_PRESENT | MEMBER)) === (LOCAL_PRESENT | MEMBER);
    if (!buyerOk && !supplierOk) continue;
    let code: number;
    if (given >= 0) code = given << 1;
    else code = fa & MEMBER ? productSegmentCode(model, k, s0, s1) : OTHER_CHAIN;
    const v = links.value[k]!;
    if (supplierOk && code >= 0) {
      const q = slotIndex(model, a, code >> 1);
      if (q >= 0) {
        slotCount[q]!++;
        if (Number.isFinite(v)) slotValue[q]! += v;
        else slotUnknown[q] = 1;
      }
    }
    if (!buyerOk) continue;
    const local = (fa & LOCAL) !== 0;
    if (code < 0) {
      if (code === UNRESOLVED && !local) {
        unresolved++;
        if (!(fa & UNRESOLVED_SUPPLIER)) (flags[a] = fa | UNRESOLVED_SUPPLIER, unresolvedSuppliers.push(a));
      }
      continue;
    }
    const j = (code >> 1) - s0;
    const agg = sourcing[j]!;
    const finite = Number.isFinite(v);
    if (finite) {
      if (valued === valuedRank.length) {
        // doubled in the arena: the outgrown arrays stay taken until the scope ends (< the final size)
        const grow = <T extends Int32Array | Float64Array>(from: T, to: T) => (to.set(from), to);
        valuedRank = grow(valuedRank, s.int32(2 * valued));
        valuedSlot = grow(valuedSlot, s.int32(2 * valued));
        valuedValue = grow(valuedValue, s.float64(2 * valued));
      }
      valuedRank[valued] = rank[b]!;
      valuedSlot[valued] = local ? 2 * j : 2 * j + 1;
      valuedValue[valued++] = v;
    }
    if (local) {
      agg.localLinks++;
      if (!finite) agg.localUnknown++;
    } else {
      agg.extLinks++;
      if (!finite) agg.extUnknown++;
      agg.buyers.push(b);
      agg.suppliers.push(a);
      if ((code & 1) === 0) agg.given++;
      else agg.inferred++;
    }
  }
  sumInBuyerOrder(s, sourcing, regionFirms.length, valued, valuedRank, valuedSlot, valuedValue);
  return { sourcing, slotCount, slotValue, slotUnknown, unresolved, unresolvedSuppliers };
}

function emptySourcing(): Sourcing {
  return {
    extLinks: 0,
    extValue: 0,
    extUnknown: 0,
    localLinks: 0,
    localValue: 0,
    localUnknown: 0,
    buyers: [],
    suppliers: [],
    given: 0,
    inferred: 0,
  };
}

/**
 * Sets each segment's `localValue` and `extValue` to the sums of its `valued` links' values
 * (`valuedSlot` 2j local, 2j + 1 outside) taken in the order of the buyers' ranks (`valuedRank`,
 * among `buyers`), stable: link order within a buyer — a counting sort, then the sums.
 */
function sumInBuyerOrder(
  s: Scratch,
  sourcing: Sourcing[],
  buyers: number,
  valued: number,
  valuedRank: Int32Array,
  valuedSlot: Int32Array,
  valuedValue: Float64Array,
): void {
  const n = sourcing.length;
  const start = s.int32(buyers + 1);
  for (let i = 0; i < valued; i++) start[valuedRank[i]! + 1]!++;
  for (let i = 0; i < buyers; i++) start[i + 1]! += start[i]!;
  const order = s.int32(valued);
  for (let i = 0; i < valued; i++) order[start[valuedRank[i]!]!++] = i;
  const sums = new Float64Array(2 * n);
  for (let i = 0; i < valued; i++) sums[valuedSlot[order[i]!]!]! += valuedValue[order[i]!]!;
  for (let j = 0; j < n; j++) {
    sourcing[j]!.localValue = sums[2 * j]!;
    sourcing[j]!.extValue = sums[2 * j + 1]!;
  }
}

