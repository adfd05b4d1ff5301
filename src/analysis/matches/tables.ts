/**
 * The tables a call reads: the model's typed arrays and the call's eligibility (local firms,
 * eligible suppliers, buyers considered) and co-location keys, with the small queries over them.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx } from '../../graph/queries.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Equivalents } from './equivalents.js';
import { modelTables } from './model-tables.js';

/*
 * The phases below are module-level functions over typed arrays (small functions that V8
 * optimises and keeps optimised across calls), called in order by suggestMatches.
 */

/** What the phases read: the model's typed arrays and the call's eligibility and co-location tables. */
export interface Tables {
  ne: number;
  ns: number;
  nr: number;
  /** Enterprise → segments. */
  segOffsets: Int32Array;
  segItems: Int32Array;
  output: Float64Array;
  linkInOffsets: Int32Array;
  linkInItems: Int32Array;
  /** The supplier of each in-link (linkFrom[linkInItems[q]]). */
  inFrom: Int32Array;
  linkFrom: Int32Array;
  linkStatus: Uint8Array;
  linkSegment: Int32Array;
  flowFrom: Int32Array;
  /** Link status codes that count as current sourcing. */
  counted: Uint8Array;
  /** Only links of this status code make a pair linked; -1: any link. */
  linkedOnly: number;
  local: Uint8Array;
  /** Eligible suppliers: local, with a considered status. */
  supplierOk: Uint8Array;
  /** The firm's site (park, or zone node where no park is recorded) and zone; -1 if none. */
  siteKey: Int32Array;
  zoneKey: Int32Array;
  /** Per eligible supplier operating in some segment, its signature (set of segments); else -1 (set once the signatures are known). */
  sigOf: Int32Array;
  equivalents: Equivalents;
}

/**
 * The tables of a call: the model's arrays, the local firms, the eligible suppliers, the
 * co-location keys and the counted link statuses.
 *
 * @example
 * const t = makeTables(s, model, scope.regionIndex, allowed, counted, -1);
 */
export function makeTables(s: Scratch, model: ChainModel, r0: number, allowed: Uint8Array, counted: Uint8Array, linkedOnly: number): Tables {
  const { enterprises, regions, links, flows } = model.index;
  const ne = enterprises.ids.length;
  const local = s.uint8(ne);
  for (const e of enterprisesInRegionIdx(model, r0)) local[e] = 1;
  const supplierOk = s.uint8(ne);
  for (let e = 0; e < ne; e++) supplierOk[e] = local[e]! && allowed[enterprises.status[e]!] ? 1 : 0;
  const { siteKey, zoneKey, equivalents, inFrom } = modelTables(model);
  return {
    ne,
    ns: model.index.segments.keys.length,
    nr: regions.ids.length,
    segOffsets: enterprises.segments.offsets,
    segItems: enterprises.segments.items,
    output: enterprises.output,
    linkInOffsets: links.in.offsets,
    linkInItems: links.in.items,
    inFrom,
    linkFrom: links.from,
    linkStatus: links.status,
    linkSegment: links.segment,
    flowFrom: flows.from,
    counted,
    linkedOnly,
    local,
    supplierOk,
    siteKey,
    zoneKey,
    sigOf: new Int32Array(0),
    equivalents,
  };
}

/**
 * Whether a firm operates in a segment.
 *
 * @example
 * operatesIn(t, e, sg); // true when firm e has an activity in segment sg
 */
export function operatesIn(t: Tables, e: number, sg: number): boolean {
  for (let a = t.segOffsets[e]!; a < t.segOffsets[e + 1]!; a++) if (t.segItems[a] === sg) return true;
  return false;
}

/**
 * The co-location component of a pair (supplier a, buyer b): 1 same site, 0.5 same zone, else 0.
 *
 * @example
 * colocationValue(t, supplier, buyer); // 1, 0.5 or 0
 */
export function colocationValue(t: Tables, a: number, b: number): number {
  const { siteKey, zoneKey } = t;
  return siteKey[a]! >= 0 && siteKey[a] === siteKey[b] ? 1 : zoneKey[a]! >= 0 && zoneKey[a] === zoneKey[b] ? 0.5 : 0;
}

/**
 * Eligible suppliers per segment (memberships).
 *
 * @example
 * const eligibleIn = eligibleCounts(t);
 */
export function eligibleCounts(t: Tables): Int32Array {
  const { ne, segOffsets, segItems, supplierOk } = t;
  const out = new Int32Array(t.ns);
  for (let e = 0; e < ne; e++) if (supplierOk[e]) for (let a = segOffsets[e]!; a < segOffsets[e + 1]!; a++) out[segItems[a]!]!++;
  return out;
}

/**
 * Indices of the set entries of a table, ascending.
 *
 * @example
 * indicesOf(s, Uint8Array.of(0, 1, 1)); // Int32Array [1, 2]
 */
export function indicesOf(s: Scratch, flags: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i]!;
  const out = s.int32(n);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i]) out[k++] = i;
  return out;
}

/**
 * The known (not NaN) values of the indexed entries, in index order.
 *
 * @example
 * knownValues(Float64Array.of(1, NaN, 3), Int32Array.of(0, 1, 2)); // [1, 3]
 */
export function knownValues(values: Float64Array, indices: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < indices.length; i++) if (!Number.isNaN(values[indices[i]!]!)) out.push(values[indices[i]!]!);
  return out;
}

/**
 * Buyers considered: a considered status, and local unless `local` is null.
 *
 * @example
 * const isBuyer = buyerTable(s, enterprises.status, allowed, buyerMode === 'any' ? null : local);
 */
export function buyerTable(s: Scratch, status: Uint8Array, allowed: Uint8Array, local: Uint8Array | null): Uint8Array {
  const out = s.uint8(status.length);
  for (let e = 0; e < status.length; e++) out[e] = (local === null || local[e]) && allowed[status[e]!] ? 1 : 0;
  return out;
}
