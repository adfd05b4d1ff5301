/**
 * What matchmaking derives from the model alone, kept per model (a WeakMap; the model is not
 * touched): the cross-chain equivalences, each firm's site, zone and segment list (as sequence
 * and signature ids), and the supplier of each in-link in `links.in` order.
 */
import type { ChainModel } from '../../graph/model.js';
import { segmentEquivalents, type Equivalents } from './equivalents.js';

/**
 * Each firm's segment list as a sequence id (equal lists, equal ids), a firm per sequence, and
 * per sequence its set of segments as a signature id (sorted, distinct) with the signatures'
 * segments.
 *
 * @example
 * const { seqOf, seqFirm } = segmentSequences(offsets, items, ne, ns);
 */
export function segmentSequences(offsets: Int32Array, items: Int32Array, ne: number, ns: number) {
  // a list of up to two segments as a number in base ns + 1 (digits segment + 1), a longer one as a string
  const base = ns + 1;
  const keyOf = (list: ArrayLike<number>, from: number, to: number): number | string => {
    if (to - from > 2) {
      let text = '';
      for (let i = from; i < to; i++) text += `${list[i]!},`;
      return text;
    }
    let key = 0;
    for (let i = from; i < to; i++) key = key * base + list[i]! + 1;
    return key;
  };
  const seqIds = new Map<number | string, number>();
  const seqOf = new Int32Array(ne);
  const seqFirm: number[] = [];
  const sigIds = new Map<number | string, number>();
  const sigOfSeq: number[] = [];
  const sigOffsets: number[] = [0];
  const sigItems: number[] = [];
  // firms in one segment (most), without the map
  const single = new Int32Array(ns).fill(-1);
  for (let e = 0; e < ne; e++) {
    const one = offsets[e + 1]! - offsets[e]! === 1 ? items[offsets[e]!]! : -1;
    if (one >= 0 && single[one]! >= 0) {
      seqOf[e] = single[one]!;
      continue;
    }
    const key = keyOf(items, offsets[e]!, offsets[e + 1]!);
    let id = seqIds.get(key);
    if (id === undefined) {
      id = seqFirm.length;
      seqIds.set(key, id);
      seqFirm.push(e);
      const set = Array.from(items.subarray(offsets[e]!, offsets[e + 1]!))
        .sort((a, b) => a - b)
        .filter((s, i, all) => i === 0 || all[i - 1] !== s);
      const setKey = keyOf(set, 0, set.length);
      let g = sigIds.get(setKey);
      if (g === undefined) {
        g = sigOffsets.length - 1;
        sigIds.set(setKey, g);
        for (const s of set) sigItems.push(s);
        sigOffsets.push(sigItems.length);
      }
      sigOfSeq.push(g);
      if (one >= 0) single[one] = id;
    }
    seqOf[e] = id;
  }
  return {
    seqOf,
    seqFirm: Int32Array.from(seqFirm),
    sigOfSeq: Int32Array.from(sigOfSeq),
    sigSegments: { offsets: Int32Array.from(sigOffsets), items: Int32Array.from(sigItems) },
  };
}

/** What suggestMatches derives from the model alone, kept per model (the model itself untouched). */
export interface ModelTables {
  equivalents: Equivalents;
  /** Per firm, its site (park, or zone node where no park is recorded) and zone; -1 if none. */
  siteKey: Int32Array;
  zoneKey: Int32Array;
  sequences: ReturnType<typeof segmentSequences>;
  /** The supplier of each in-link, in the order of links.in.items (read in sequence, not through the link). */
  inFrom: Int32Array;
}
const modelTablesCache = new WeakMap<ChainModel, ModelTables>();

/**
 * The {@link ModelTables} of a model, computed on first use and cached.
 *
 * @example
 * const { equivalents, siteKey, zoneKey } = modelTables(model);
 */
export function modelTables(model: ChainModel): ModelTables {
  let cached = modelTablesCache.get(model);
  if (cached === undefined) {
    const { enterprises } = model.index;
    cached = {
      equivalents: segmentEquivalents(model),
      ...colocationKeys(model),
      sequences: segmentSequences(enterprises.segments.offsets, enterprises.segments.items, enterprises.ids.length, model.index.segments.keys.length),
      inFrom: gather(model.index.links.from, model.index.links.in.items),
    };
    modelTablesCache.set(model, cached);
  }
  return cached;
}

/** values[index[i]] for each i. */
function gather(values: Int32Array, index: Int32Array): Int32Array {
  const out = new Int32Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = values[index[i]!]!;
  return out;
}

function colocationKeys(model: ChainModel): { siteKey: Int32Array; zoneKey: Int32Array } {
  const { enterprises, regions } = model.index;
  const ne = enterprises.ids.length;
  const nr = regions.ids.length;
  // co-location keys: the site (park, or the zone node itself where no park is recorded) and the zone
  const kinds = model.dataset.regions.map((r) => r.kind);
  const nearest = (kind: 'park' | 'zone') => {
    const out = new Int32Array(nr).fill(-1);
    for (let r = 0; r < nr; r++)
      for (let a = r; a >= 0; a = regions.parent[a]!)
        if (kinds[a] === kind) {
          out[r] = a;
          break;
        }
    return out;
  };
  const parkOfRegion = nearest('park');
  const zoneOfRegion = nearest('zone');
  const siteKey = new Int32Array(ne);
  const zoneKey = new Int32Array(ne);
  for (let e = 0; e < ne; e++) {
    const r = enterprises.region[e]!;
    siteKey[e] = parkOfRegion[r]! >= 0 ? parkOfRegion[r]! : zoneOfRegion[r]! >= 0 ? r : -1;
    zoneKey[e] = zoneOfRegion[r]!;
  }
  return { siteKey, zoneKey };
}
