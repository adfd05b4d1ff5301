/**
 * Compressed sparse rows: the compact graph form the kernels of this folder read. Nodes are
 * `0 .. order − 1`; the row of node i is `items[offsets[i] .. offsets[i + 1])`.
 */

/** A directed graph over nodes `0 .. order − 1` in compressed sparse rows, with edge weights. */
export interface WeightedCsr {
  order: number;
  /** Out-edges of node `i` are `targets[offsets[i] .. offsets[i + 1])`. */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Compressed sparse rows over nodes `0 .. n − 1`: the row of node i is `items[offsets[i] .. offsets[i + 1])`. */
export interface Rows {
  offsets: Int32Array;
  items: Int32Array;
}
