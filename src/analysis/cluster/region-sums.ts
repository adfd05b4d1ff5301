/**
 * Sums over the firms of a region subtree (the chain's and all industries' amounts), read as
 * sequential scans of the enterprises in region order: the location quotient and the
 * Ellison–Glaeser areas rest on them.
 */
import type { ChainModel } from '../../graph/model.js';
import { regionRangeIdx } from '../../graph/queries.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Context } from './context.js';

/**
 * Bit of {@link Context.regionOrderFlags}: the firm has a counted status.
 *
 * @example
 * if (flags[i]! & COUNTED) total += amount;
 */
export const COUNTED = 1;
/**
 * Bit of {@link Context.regionOrderFlags}: the firm is a member of the chain.
 *
 * @example
 * if (flags[i]! & MEMBER) chain += amount;
 */
export const MEMBER = 2;

/** The amount a quotient is taken of. */
export type Measure = 'output' | 'employees';

/** Sums of a measure over a region subtree: the chain's firms, all firms, and how many have it. */
export interface Sums {
  chain: number;
  total: number;
  firms: number;
}

/**
 * Sums of a measure over firms with a counted status and a known amount, in a region subtree.
 *
 * @example
 * const { chain, total } = sums(ctx, ctx.r, 'output');
 */
export function sums(ctx: Context, region: number, measure: Measure): Sums {
  // a sequential scan of the region's range of the region order (the same firms in the same order
  // as a walk over enterprisesInRegionIdx)
  const amounts = regionOrderColumns(ctx.model)[measure];
  const flags = ctx.regionOrderFlags;
  const [lo, hi] = regionRangeIdx(ctx.model, region);
  const result: Sums = { chain: 0, total: 0, firms: 0 };
  for (let i = lo; i < hi; i++) {
    const f = flags[i]!;
    if (!(f & COUNTED)) continue;
    const x = amounts[i]!;
    if (Number.isNaN(x)) continue;
    result.firms++;
    result.total += x;
    if (f & MEMBER) result.chain += x;
  }
  return result;
}

/** Output and employees of the enterprises in `byRegionOrder` order (read sequentially by region range). */
export interface RegionOrderColumns {
  output: Float64Array;
  employees: Float64Array;
}
const regionOrderCache = new WeakMap<ChainModel, RegionOrderColumns>();

/**
 * The {@link RegionOrderColumns} of a model, computed on first use and cached (the model is immutable).
 *
 * @example
 * regionOrderColumns(model).output[i]; // output of byRegionOrder[i]
 */
export function regionOrderColumns(model: ChainModel): RegionOrderColumns {
  let columns = regionOrderCache.get(model);
  if (columns) return columns;
  const { byRegionOrder, output, employees } = model.index.enterprises;
  columns = { output: new Float64Array(byRegionOrder.length), employees: new Float64Array(byRegionOrder.length) };
  for (let i = 0; i < byRegionOrder.length; i++) {
    const e = byRegionOrder[i]!;
    columns.output[i] = output[e]!;
    columns.employees[i] = employees[e]!;
  }
  regionOrderCache.set(model, columns);
  return columns;
}

/**
 * {@link Context.regionOrderFlags}: COUNTED and MEMBER bits per position of the region order.
 *
 * @example
 * const flags = regionOrderFlagsOf(model, statusOk, member, scratch);
 */
export function regionOrderFlagsOf(model: ChainModel, statusOk: Uint8Array, member: Uint8Array, s: Scratch): Uint8Array {
  const { byRegionOrder, status } = model.index.enterprises;
  const flags = s.uint8(byRegionOrder.length);
  for (let i = 0; i < byRegionOrder.length; i++) {
    const e = byRegionOrder[i]!;
    flags[i] = (statusOk[status[e]!] ? COUNTED : 0) | (member[e] ? MEMBER : 0);
  }
  return flags;
}
