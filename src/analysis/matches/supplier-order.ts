/**
 * Supplier ordering: each feeding segment's candidate suppliers as a stream in score order (by
 * their capacity part, then dataset order), and the same streams split per site and per zone for
 * the co-location part, so that a buyer's best suppliers are the heads of three streams.
 */
import type { Scratch } from '../../internal/scratch.js';
import type { Vias } from './candidates.js';
import { operatesIn, type Tables } from './tables.js';

/** Per-segment streams split into groups by a region key (site or zone), each in stream order. */
export interface Groups {
  /** (segment · (regions + 1) + key + 1) → group. */
  index: Map<number, number>;
  /** Group g's items: items[start[g] .. start[g + 1]). */
  start: Int32Array;
  items: Int32Array;
  /** Key of each group. */
  key: Int32Array;
  /** Groups of segment s: segmentStart[s] .. segmentStart[s + 1]. */
  segmentStart: Int32Array;
  /** Scratch: key → group while filling. */
  scratch: Int32Array;
}

export interface Streams {
  offsets: Int32Array;
  items: Int32Array;
}

/**
 * The site (or zone) groups of each segment's stream: sizes and keys, filled in stream order.
 *
 * @example
 * const sites = groupLayout(s, stream, t.siteKey, t.ns, t.nr);
 */
export function groupLayout(s: Scratch, stream: Streams, keyOfFirm: Int32Array, ns: number, nr: number): Groups {
  const index = new Map<number, number>();
  const keys: number[] = [];
  const size: number[] = [];
  const segmentStart = s.int32(ns + 1);
  const stamp = s.int32(nr, -1);
  const scratch = s.int32(nr);
  for (let sg = 0; sg < ns; sg++) {
    segmentStart[sg] = keys.length;
    for (let m = stream.offsets[sg]!; m < stream.offsets[sg + 1]!; m++) {
      const r = keyOfFirm[stream.items[m]!]!;
      if (r < 0) continue;
      if (stamp[r] !== sg) {
        stamp[r] = sg;
        scratch[r] = keys.length;
        index.set(sg * (nr + 1) + r + 1, keys.length);
        keys.push(r);
        size.push(0);
      }
      size[scratch[r]!]!++;
    }
  }
  segmentStart[ns] = keys.length;
  const start = s.int32(keys.length + 1);
  for (let g = 0; g < keys.length; g++) start[g + 1] = start[g]! + size[g]!;
  const key = s.int32(keys.length);
  key.set(keys);
  const groups: Groups = { index, start, items: s.int32(start[keys.length]!), key, segmentStart, scratch };
  fillGroups(s, groups, stream, keyOfFirm);
  return groups;
}

/**
 * Fills the groups' items from the streams' current order.
 *
 * @example
 * fillGroups(s, sites, stream, t.siteKey);
 */
export function fillGroups(s: Scratch, groups: Groups, stream: Streams, keyOfFirm: Int32Array): void {
  const { start, items, key, segmentStart, scratch } = groups;
  // start[g] for each group g (start's last entry unused)
  const cursor = s.copy(start);
  for (let sg = 0; sg + 1 < segmentStart.length; sg++) {
    if (segmentStart[sg] === segmentStart[sg + 1]) continue;
    for (let g = segmentStart[sg]!; g < segmentStart[sg + 1]!; g++) scratch[key[g]!] = g;
    for (let m = stream.offsets[sg]!; m < stream.offsets[sg + 1]!; m++) {
      const e = stream.items[m]!;
      const r = keyOfFirm[e]!;
      if (r >= 0) items[cursor[scratch[r]!]!++] = e;
    }
  }
}

/**
 * Each feeding segment's candidate suppliers, in dataset order (reordered by score later).
 *
 * @example
 * const stream = segmentStreams(s, t, candidate, supplierSide, eligibleIn);
 */
export function segmentStreams(s: Scratch, t: Tables, candidate: Uint8Array, supplierSide: Uint8Array, eligibleIn: Int32Array): Streams {
  const { ne, ns, segOffsets, segItems } = t;
  const offsets = s.int32(ns + 1);
  for (let sg = 0; sg < ns; sg++) offsets[sg + 1] = offsets[sg]! + (supplierSide[sg] ? eligibleIn[sg]! : 0);
  const cursor = s.copy(offsets);
  const items = s.int32(offsets[ns]!);
  for (let e = 0; e < ne; e++)
    if (candidate[e])
      for (let a = segOffsets[e]!; a < segOffsets[e + 1]!; a++) {
        const sg = segItems[a]!;
        if (supplierSide[sg]) items[cursor[sg]!++] = e;
      }
  return { offsets, items };
}

/**
 * Refills the streams in the order of `order` (each segment's members in that order).
 *
 * @example
 * orderStreams(s, t, stream, byDecreasingValue(s, suppliers, capacityPart));
 */
export function orderStreams(s: Scratch, t: Tables, stream: Streams, order: Int32Array): void {
  const { segOffsets, segItems } = t;
  const cursor = s.copy(stream.offsets);
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    for (let a = segOffsets[e]!; a < segOffsets[e + 1]!; a++) {
      const sg = segItems[a]!;
      if (stream.offsets[sg + 1]! > stream.offsets[sg]!) stream.items[cursor[sg]!++] = e;
    }
  }
}

/**
 * The group of segment `sg` for a site or zone key, or -1.
 *
 * @example
 * const site = groupOf(sites, t.nr, sg, t.siteKey[b]!);
 */
export function groupOf(groups: Groups, nr: number, sg: number, key: number): number {
  return key < 0 ? -1 : (groups.index.get(sg * (nr + 1) + key + 1) ?? -1);
}
/**
 * The number of suppliers in a group (0 for -1).
 *
 * @example
 * groupSize(sites, groupOf(sites, t.nr, sg, key));
 */
export function groupSize(groups: Groups, g: number): number {
  return g < 0 ? 0 : groups.start[g + 1]! - groups.start[g]!;
}

/**
 * Whether some candidate buyer has an eligible supplier other than itself in a via segment at its site or in its zone.
 *
 * @example
 * const anyColocated = anyColocation(t, candidateBuyers, keyOf, vias, sites, zones);
 */
export function anyColocation(t: Tables, buyers: Int32Array, keyOf: (b: number) => number, vias: Vias, sites: Groups, zones: Groups): boolean {
  const { siteKey, zoneKey, supplierOk, nr } = t;
  for (let i = 0; i < buyers.length; i++) {
    const b = buyers[i]!;
    if (siteKey[b]! < 0 && zoneKey[b]! < 0) continue;
    const key = keyOf(b);
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const sg = vias.s[v]!;
      const self = supplierOk[b] && operatesIn(t, b, sg) ? 1 : 0;
      const site = siteKey[b]! >= 0 ? groupSize(sites, groupOf(sites, nr, sg, siteKey[b]!)) - self : 0;
      const zone = zoneKey[b]! >= 0 ? groupSize(zones, groupOf(zones, nr, sg, zoneKey[b]!)) - self : 0;
      if (site > 0 || zone > 0) return true;
    }
  }
  return false;
}

/**
 * The indices (ascending) ordered by decreasing value, ties in index order — the order of a
 * sort by `value[y] − value[x] || x − y` for values that are not NaN — by ranking the distinct
 * values (a native numeric sort) and counting.
 *
 * @example
 * byDecreasingValue(s, Int32Array.of(0, 1, 2), Float64Array.of(1, 3, 1)); // [1, 0, 2]
 */
export function byDecreasingValue(s: Scratch, indices: Int32Array, value: Float64Array): Int32Array {
  const n = indices.length;
  const sorted = s.float64(n);
  for (let i = 0; i < n; i++) sorted[i] = value[indices[i]!]!;
  sorted.sort();
  // distinct values, descending, at the front (−0 and 0 are one value, as for the comparator)
  sorted.reverse();
  let m = 0;
  for (let i = 0; i < n; i++) if (m === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  const distinct = sorted.subarray(0, m);
  const rankOf = (x: number) => {
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! > x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = s.int32(m + 1);
  for (let i = 0; i < n; i++) start[rankOf(value[indices[i]!]!) + 1]!++;
  for (let r = 0; r < m; r++) start[r + 1]! += start[r]!;
  const out = s.int32(n);
  for (let i = 0; i < n; i++) out[start[rankOf(value[indices[i]!]!)]!++] = indices[i]!;
  return out;
}

/** Each feeding segment's candidate suppliers as a stream, and the same split per site and per zone. */
export interface SupplierStreams {
  stream: Streams;
  sites: Groups;
  zones: Groups;
}

/**
 * The streams laid out in dataset order (the group sizes tell whether any pair is co-located);
 * {@link orderSuppliers} puts them in score order once the weights are known.
 *
 * @example
 * const streams = supplierStreams(s, t, scales.supplierCandidate, found.supplierSide, found.eligibleIn);
 */
export function supplierStreams(s: Scratch, t: Tables, candidate: Uint8Array, supplierSide: Uint8Array, eligibleIn: Int32Array): SupplierStreams {
  const stream = segmentStreams(s, t, candidate, supplierSide, eligibleIn);
  const sites = groupLayout(s, stream, t.siteKey, t.ns, t.nr);
  const zones = groupLayout(s, stream, t.zoneKey, t.ns, t.nr);
  return { stream, sites, zones };
}

/**
 * The streams in score order: by the suppliers' capacity part of the score, then dataset order
 * (the other parts are the same for every supplier of a via, or given by the stream: co-location).
 *
 * @example
 * orderSuppliers(s, t, streams, suppliers, capacityPart);
 */
export function orderSuppliers(s: Scratch, t: Tables, streams: SupplierStreams, suppliers: Int32Array, capacityPart: Float64Array): void {
  const { stream, sites, zones } = streams;
  const order = byDecreasingValue(s, suppliers, capacityPart);
  orderStreams(s, t, stream, order);
  fillGroups(s, sites, stream, t.siteKey);
  fillGroups(s, zones, stream, t.zoneKey);
}
