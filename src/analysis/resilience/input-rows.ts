/**
 * A buyer's inputs, grouped by product (the cascade's input rows; see ./index.ts).
 *
 * - Input group of a counted link: its product segment where tagged; otherwise the first segment
 *   of the supplier that feeds one of the buyer's segments by a flow of its chain, else the
 *   supplier's first segment, else a group of the supplier's own. Inputs of one group substitute
 *   for each other; different groups are complements (Leontief).
 * - Weight of an input within its group: the link's value when every link of the group has a
 *   value and they sum to more than 0, else 1 each (links of unknown value counted by count).
 *
 * Two layers, both filled on first use so that an analysis pays only for the buyers it reads:
 * the per-model cache of in-link rows (supplier, status, input group of each in-link: 9 bytes
 * per link at most; also read by the supply-subgraph search of ./subgraph.ts), and per analysis
 * the input table (counted in-links sorted by group, with weights) in scratch arrays of its scope.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';

/** A copy of `array` with room for `capacity` entries, its first `used` entries kept (the per-model row cache, grown as it is filled). */
function resized<T extends Int32Array | Uint8Array | Float64Array>(array: T, capacity: number, used: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array.subarray(0, used));
  return copy;
}

/**
 * Input group of one counted link (see the file header): its product segment where tagged;
 * otherwise the first segment of the supplier that feeds one of the buyer's segments by a flow
 * of its chain, else the supplier's first segment, else −1 − supplier.
 */
function linkGroup(model: ChainModel, k: number): number {
  const { links, enterprises, flows } = model.index;
  const tagged = links.segment[k]!;
  if (tagged >= 0) return tagged;
  const from = links.from[k]!;
  const to = links.to[k]!;
  const segOffsets = enterprises.segments.offsets;
  const segItems = enterprises.segments.items;
  const first = segOffsets[from]!;
  const end = segOffsets[from + 1]!;
  const toStart = segOffsets[to]!;
  const toEnd = segOffsets[to + 1]!;
  for (let a = first; a < end; a++) {
    const s = segItems[a]!;
    for (let q = flows.out.offsets[s]!; q < flows.out.offsets[s + 1]!; q++) {
      const t = flows.to[flows.out.items[q]!]!;
      for (let b = toStart; b < toEnd; b++) if (segItems[b] === t) return s;
    }
  }
  return first < end ? segItems[first]! : -1 - from;
}

/**
 * In-link rows of the enterprises, copied in the order of `links.in` on first use: supplier,
 * status code and input group ({@link linkGroup}) of each in-link, contiguous per buyer. The
 * supply subgraph searches of singlePointsOfFailure (the report runs one per declared 链主)
 * then read each row sequentially instead of three scattered link columns per link. Holds only
 * the rows searched so far (9 bytes per link).
 */
export interface SupplyRows {
  /** Start of each enterprise's row, −1 until copied. */
  at: Int32Array;
  from: Int32Array;
  status: Uint8Array;
  group: Int32Array;
  size: number;
}

const supplyRowsCache = new WeakMap<ChainModel, SupplyRows>();

/**
 * The model's in-link rows (cached per model, the model itself untouched), holding the rows
 * copied so far.
 *
 * @example
 * const rows = supplyRows(model);
 * const at = cachedRow(model, rows, buyer); // rows.from[at ..] are the buyer's suppliers
 */
export function supplyRows(model: ChainModel): SupplyRows {
  let rows = supplyRowsCache.get(model);
  if (rows === undefined) {
    const capacity = Math.min(model.index.links.from.length, 1 << 16);
    rows = {
      at: new Int32Array(model.index.enterprises.ids.length).fill(-1),
      from: new Int32Array(capacity),
      status: new Uint8Array(capacity),
      group: new Int32Array(capacity),
      size: 0,
    };
    supplyRowsCache.set(model, rows);
  }
  return rows;
}

/**
 * Start of buyer b's row in `rows`, copying it first if needed (which may reallocate the columns).
 *
 * @example
 * const at = cachedRow(model, supplyRows(model), buyer);
 */
export function cachedRow(model: ChainModel, rows: SupplyRows, b: number): number {
  const cached = rows.at[b]!;
  if (cached >= 0) return cached;
  const { links } = model.index;
  const start = links.in.offsets[b]!;
  const length = links.in.offsets[b + 1]! - start;
  const at = rows.size;
  if (at + length > rows.from.length) {
    const capacity = Math.min(links.from.length, Math.max(2 * rows.from.length, at + length));
    rows.from = resized(rows.from, capacity, at);
    rows.status = resized(rows.status, capacity, at);
    rows.group = resized(rows.group, capacity, at);
  }
  for (let r = 0; r < length; r++) {
    const k = links.in.items[start + r]!;
    rows.from[at + r] = links.from[k]!;
    rows.status[at + r] = links.status[k]!;
    rows.group[at + r] = linkGroup(model, k);
  }
  rows.size = at + length;
  rows.at[b] = at;
  return at;
}

/**
 * Per buyer, its counted in-links sorted by group (then link), with the supplier and the weight
 * of each within its group. Rows are built on first use ({@link inputRow}) from the model's
 * cached in-link rows, so a simulation pays only for the buyers it evaluates. Every column is a
 * scratch array of the analysis' scope (grown by taking larger ones): the table lives only as
 * long as that scope.
 */
export interface InputTable {
  /** The scope the columns are taken from (and grown in). */
  scratch: Scratch;
  counted: Uint8Array;
  /** Start of each buyer's row in the columns, −1 until built. */
  start: Int32Array;
  length: Int32Array;
  from: Int32Array;
  groups: Int32Array;
  weights: Float64Array;
  size: number;
  /** Scratch of one row being built: link, group, supplier, order. */
  scratchLink: Int32Array;
  scratchGroup: Int32Array;
  scratchFrom: Int32Array;
  scratchOrder: Int32Array;
}

/**
 * An empty input table over the links of the counted statuses, its columns in the scope `s`.
 *
 * @example
 * withScratch(model, (s) => inputRow(model, inputTable(model, counted, s), buyer));
 */
export function inputTable(model: ChainModel, counted: Uint8Array, s: Scratch): InputTable {
  const ne = model.index.enterprises.ids.length;
  const capacity = Math.min(model.index.links.from.length, 1 << 16);
  return {
    scratch: s,
    counted,
    start: s.int32(ne, -1),
    length: s.int32(ne),
    from: s.int32(capacity),
    groups: s.int32(capacity),
    weights: s.float64(capacity),
    size: 0,
    scratchLink: s.int32(64),
    scratchGroup: s.int32(64),
    scratchFrom: s.int32(64),
    scratchOrder: s.int32(64),
  };
}

/** Room for a row of `degree` in-links in the table's row scratch. */
function growRowScratch(table: InputTable, degree: number): void {
  const size = Math.max(degree, 2 * table.scratchLink.length);
  const s = table.scratch;
  table.scratchLink = s.int32(size);
  table.scratchGroup = s.int32(size);
  table.scratchFrom = s.int32(size);
  table.scratchOrder = s.int32(size);
}

/** Orders the first `c` entries of the row scratch by (group, link): insertion sort for short rows, else a library sort. */
function sortByGroup(table: InputTable, c: number): void {
  const { scratchLink: sk, scratchGroup: sg, scratchOrder: order } = table;
  const before = (a: number, b: number) => sg[a]! < sg[b]! || (sg[a] === sg[b] && sk[a]! < sk[b]!);
  if (c <= 32) {
    for (let i = 1; i < c; i++) {
      const x = order[i]!;
      let j = i;
      while (j > 0 && before(x, order[j - 1]!)) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = x;
    }
  } else {
    const sorted = Array.from(order.subarray(0, c)).sort((a, b) => sg[a]! - sg[b]! || sk[a]! - sk[b]!);
    for (let i = 0; i < c; i++) order[i] = sorted[i]!;
  }
}

/**
 * Larger scratch columns for `needed` entries (the old ones stay taken until the scope ends: at
 * most twice the final size in all).
 */
function growColumns(table: InputTable, linkCount: number, needed: number): void {
  const start = table.size;
  const capacity = Math.min(linkCount, Math.max(2 * table.from.length, needed));
  const s = table.scratch;
  const from = s.int32(capacity);
  const groups = s.int32(capacity);
  const weights = s.float64(capacity);
  from.set(table.from.subarray(0, start));
  groups.set(table.groups.subarray(0, start));
  weights.set(table.weights.subarray(0, start));
  table.from = from;
  table.groups = groups;
  table.weights = weights;
}

/**
 * Weights of the row `[start, start + c)` (see the file header): per run of one group, the
 * links' values when all are known and sum to more than 0, else 1 each.
 */
function weighGroups(model: ChainModel, table: InputTable, start: number, c: number): void {
  const { value } = model.index.links;
  const { groups, weights, scratchLink: sk, scratchOrder: order } = table;
  const end = start + c;
  let run = start;
  while (run < end) {
    let stop = run;
    let allKnown = true;
    let sum = 0;
    while (stop < end && groups[stop] === groups[run]) {
      const v = value[sk[order[stop - start]!]!]!;
      if (Number.isNaN(v)) allKnown = false;
      else sum += v;
      stop++;
    }
    const byValue = allKnown && sum > 0;
    for (let j = run; j < stop; j++) weights[j] = byValue ? value[sk[order[j - start]!]!]! : 1;
    run = stop;
  }
}

/**
 * Start of buyer e's row in the table's columns, building it first if needed (which may
 * reallocate the columns: read them after the call): its counted in-links, sorted by (group,
 * link), with supplier, group and weight.
 *
 * @example
 * let j = inputRow(model, table, buyer);
 * const end = j + table.length[buyer]; // table.from[j .. end) are its suppliers
 */
export function inputRow(model: ChainModel, table: InputTable, e: number): number {
  const built = table.start[e]!;
  if (built >= 0) return built;
  const { links } = model.index;
  const rows = supplyRows(model);
  const at = cachedRow(model, rows, e);
  const base = links.in.offsets[e]!;
  const degree = links.in.offsets[e + 1]! - base;
  if (degree > table.scratchLink.length) growRowScratch(table, degree);
  const { counted, scratchLink: sk, scratchGroup: sg, scratchFrom: sf, scratchOrder: order } = table;
  let c = 0;
  for (let r = 0; r < degree; r++) {
    if (!counted[rows.status[at + r]!]) continue;
    sk[c] = links.in.items[base + r]!;
    sg[c] = rows.group[at + r]!;
    sf[c] = rows.from[at + r]!;
    order[c] = c;
    c++;
  }
  sortByGroup(table, c);
  const start = table.size;
  if (start + c > table.from.length) growColumns(table, links.from.length, start + c);
  const { from, groups } = table;
  for (let i = 0; i < c; i++) {
    from[start + i] = sf[order[i]!]!;
    groups[start + i] = sg[order[i]!]!;
  }
  weighGroups(model, table, start, c);
  table.size = start + c;
  table.start[e] = start;
  table.length[e] = c;
  return start;
}
