/**
 * The disruption cascade (see ./index.ts): output factors φ ∈ [0, 1] after some firms lose
 * supply, propagated downstream until stable.
 *
 * - The removed firms keep φ = 1 − shortfall. Every other firm with inputs gets
 *   φ_i = min over its input groups g of Σ_{l ∈ g} w_l φ_{supplier(l)} / Σ_{l ∈ g} w_l
 *   ({@link inputFactor}; groups and weights from ./input-rows.ts). A firm without recorded
 *   inputs keeps φ = 1.
 * - Frontiers: the buyers of the removed firms are queued first; in each round the queued firms
 *   are evaluated in ascending index order, each against the factors as they stand (updated
 *   earlier in the same round included), and a firm whose factor fell by more than `tolerance`
 *   queues its buyers (every buyer by any link, the removed excepted) for the next round.
 * - The map is monotone and starts from φ = 1, so φ only falls and converges to the greatest
 *   fixed point (Inoue & Todo 2019); cycles in the firm network are allowed.
 *
 * Cost per round: each queued firm's input row plus the buyers of each firm whose factor fell.
 * The buffers are scratch arrays reusable across cascades on one model (assessResilience runs
 * many); the buyer of every out-link is cached per model (4 bytes per link), filled firm by firm.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import { inputRow, type InputTable } from './input-rows.js';

/**
 * Buffers of {@link cascade}, reusable across cascades on one model: after a cascade, `phi` is 1
 * and `isRemoved` 0 everywhere except at the entries listed in `touched[0 .. touchedCount)`.
 */
export interface CascadeWork {
  phi: Float64Array;
  isRemoved: Uint8Array;
  /** Last round stamp at which each firm was queued (stamps grow across cascades). */
  queued: Int32Array;
  stamp: number;
  frontier: Int32Array;
  next: Int32Array;
  touched: Int32Array;
  touchedCount: number;
}

/**
 * Fresh cascade buffers for `ne` firms, scratch arrays of the caller's scope.
 *
 * @example
 * withScratch(model, (s) => cascadeWork(model.index.enterprises.ids.length, s).phi[0]); // 1
 */
export function cascadeWork(ne: number, s: Scratch): CascadeWork {
  return {
    phi: s.float64(ne, 1),
    isRemoved: s.uint8(ne),
    queued: s.int32(ne, -1),
    stamp: 0,
    frontier: s.int32(ne),
    next: s.int32(ne),
    touched: s.int32(ne),
    touchedCount: 0,
  };
}

/**
 * Puts the work buffers back to φ = 1, nothing removed.
 *
 * @example
 * cascade(model, table, [e], 1, 1e-12, 10000, work);
 * resetWork(work); // ready for the next cascade
 */
export function resetWork(work: CascadeWork): void {
  for (let t = 0; t < work.touchedCount; t++) {
    const e = work.touched[t]!;
    work.phi[e] = 1;
    work.isRemoved[e] = 0;
  }
  work.touchedCount = 0;
}

/** The buyer of each entry of `links.out.items`, filled firm by firm on first use. */
interface OutBuyers {
  buyer: Int32Array;
  ready: Uint8Array;
}

const outBuyersCache = new WeakMap<ChainModel, OutBuyers>();

/** The model's out-link buyers (cached per model: 4 bytes per link), with firm e's row filled. */
function outBuyers(model: ChainModel): OutBuyers {
  let cached = outBuyersCache.get(model);
  if (cached === undefined) {
    cached = { buyer: new Int32Array(model.index.links.out.items.length), ready: new Uint8Array(model.index.enterprises.ids.length) };
    outBuyersCache.set(model, cached);
  }
  return cached;
}

function fillOutRow(model: ChainModel, out: OutBuyers, e: number): void {
  const { links } = model.index;
  for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) out.buyer[q] = links.to[links.out.items[q]!]!;
  out.ready[e] = 1;
}

/**
 * Firm i's output factor from its suppliers' current factors (Leontief across input groups,
 * substitutes within one): the least, over its input groups, of the weighted mean of the group's
 * suppliers' factors; 1 for a firm without inputs.
 */
function inputFactor(model: ChainModel, table: InputTable, phi: Float64Array, i: number): number {
  let factor = 1;
  let j = inputRow(model, table, i);
  const end = j + table.length[i]!;
  const { from, groups, weights } = table;
  while (j < end) {
    const g = groups[j]!;
    let num = 0;
    let den = 0;
    while (j < end && groups[j] === g) {
      const w = weights[j]!;
      num += w * phi[from[j]!]!;
      den += w;
      j++;
    }
    const share = den > 0 ? num / den : 1;
    if (share < factor) factor = share;
  }
  return factor;
}

/** Marks the removed firms at 1 − shortfall and queues their buyers (stamped `base`) as the first frontier; returns its size. */
function firstFrontier(model: ChainModel, out: OutBuyers, removed: readonly number[], shortfall: number, work: CascadeWork, base: number): number {
  const outOffsets = model.index.links.out.offsets;
  const outBuyer = out.buyer;
  const { phi, isRemoved, queued, touched, frontier } = work;
  for (const e of removed) {
    if (!isRemoved[e] && phi[e] === 1) touched[work.touchedCount++] = e;
    isRemoved[e] = 1;
    phi[e] = 1 - shortfall;
  }
  let size = 0;
  if (shortfall > 0)
    for (const e of removed) {
      if (!out.ready[e]) fillOutRow(model, out, e);
      for (let q = outOffsets[e]!; q < outOffsets[e + 1]!; q++) {
        const b = outBuyer[q]!;
        if (isRemoved[b] || queued[b] === base) continue;
        queued[b] = base;
        frontier[size++] = b;
      }
    }
  return size;
}

/**
 * Output factors after a shock (see the file header), in `work.phi`; `removed` keep 1 − shortfall.
 * Rounds: the firms queued in a round are evaluated in ascending index order, each against the
 * factors as they stand (updated earlier in the same round included); a firm whose factor fell by
 * more than `tolerance` queues its buyers (every buyer by any link, the removed excepted) for the
 * next round.
 *
 * @example
 * const { rounds, converged } = cascade(model, table, [removedFirm], 1, 1e-12, 10000, work);
 * work.phi; // each firm's share of normal output still produced
 */
export function cascade(
  model: ChainModel,
  table: InputTable,
  removed: readonly number[],
  shortfall: number,
  tolerance: number,
  maxRounds: number,
  work: CascadeWork,
): { rounds: number; converged: boolean } {
  const outOffsets = model.index.links.out.offsets;
  const out = outBuyers(model);
  const outBuyer = out.buyer;
  const ne = outOffsets.length - 1;
  const { phi, isRemoved, queued, touched } = work;
  // round r of this cascade is stamped base + r
  const base = work.stamp;
  let frontier = work.frontier;
  let next = work.next;
  let size = firstFrontier(model, out, removed, shortfall, work, base);
  let rounds = 0;
  while (size > 0 && rounds < maxRounds) {
    // ascending order: the firms queued with the last stamp, by a scan when they are many
    if (size * 16 > ne) {
      const last = base + rounds;
      for (let e = 0, f = 0; f < size; e++) if (queued[e] === last) frontier[f++] = e;
    } else frontier.subarray(0, size).sort();
    rounds++;
    const stamp = base + rounds;
    let nextSize = 0;
    for (let f = 0; f < size; f++) {
      const i = frontier[f]!;
      const factor = inputFactor(model, table, phi, i);
      // monotone: suppliers' factors only fall, so φ only falls
      const old = phi[i]!;
      if (factor < old - tolerance) {
        if (old === 1 && factor !== 1) touched[work.touchedCount++] = i;
        phi[i] = factor;
        if (!out.ready[i]) fillOutRow(model, out, i);
        for (let q = outOffsets[i]!; q < outOffsets[i + 1]!; q++) {
          const b = outBuyer[q]!;
          if (isRemoved[b] || queued[b] === stamp) continue;
          queued[b] = stamp;
          next[nextSize++] = b;
        }
      } else if (factor < old) {
        if (old === 1) touched[work.touchedCount++] = i;
        phi[i] = factor;
      }
    }
    const t = frontier;
    frontier = next;
    next = t;
    size = nextSize;
  }
  work.stamp = base + rounds + 1;
  return { rounds, converged: size === 0 };
}
