/**
 * The result's breakdown by segment: each segment's expected output by kind, a firm's or project's
 * output split equally among its segments in scope (all to the row without segment if it has
 * none), induced output to the segment it is induced in. With a chain scope every segment of the
 * chain has a row; rows follow the segment order, the row without segment last. Also fills each
 * induced chain's expected output from the runs' sums.
 */
import type { EstimateContext } from './context.js';
import type { FirmItems } from './current.js';
import type { InducedModel } from './induced.js';
import type { PipeItem } from './pipeline.js';
import type { RunMeans } from './result.js';
import { OUTPUT_KINDS, type OutputKind, type SegmentEstimate } from './types.js';

/** Sums over runs of each induced segment position's output: added to the total, and gross. */
export interface InducedSums {
  added: Float64Array;
  gross: Float64Array;
}

/**
 * Expected output by segment and kind, in segment order, the row without segment last.
 *
 * @example
 * segmentEstimates(ctx, firms, itemGroup, pipes, induced, inducedSums, means)[0].byKind.current;
 */
export function segmentEstimates(
  ctx: EstimateContext,
  firms: FirmItems,
  itemGroup: Int32Array,
  pipes: readonly PipeItem[],
  induced: InducedModel,
  inducedSums: InducedSums,
  m: RunMeans,
): SegmentEstimate[] {
  const { model, scopeChain, years } = ctx;
  const S = model.index.segments;
  const chainIds = model.index.chains.ids;
  const { runs, T, reqSlots, projSum } = m;
  const segRows: (SegmentEstimate | undefined)[] = new Array(S.keys.length + 1);
  /** The row of segment s (-1: no segment), at position s + 1. */
  const segRow = (s: number): SegmentEstimate => {
    let row = segRows[s + 1];
    if (!row) {
      const zeros = () => new Array<number>(years.length).fill(0);
      row = {
        chain: s < 0 ? null : chainIds[S.chain[s]!]!,
        segment: s < 0 ? null : ctx.segIds[s]!,
        expected: zeros(),
        byKind: { current: zeros(), pipeline: zeros(), capacity: zeros(), induced: zeros() },
      };
      segRows[s + 1] = row;
    }
    return row;
  };
  if (scopeChain >= 0) for (let s = S.chainStart[scopeChain]!; s < S.chainStart[scopeChain + 1]!; s++) segRow(s);
  const spread = (segs: readonly number[], kind: OutputKind, values: (yi: number) => number) => {
    const list = segs.length > 0 ? segs : [-1];
    const w = 1 / list.length;
    for (const s of list) {
      const row = segRow(s);
      for (let yi = 0; yi < years.length; yi++) {
        const v = values(yi) * w;
        row.expected[yi]! += v;
        row.byKind[kind][yi]! += v;
      }
    }
  };
  spreadFirms(ctx, firms, itemGroup, m.itemMean, segRow);
  pipes.forEach((p, i) => {
    if (p.counted) spread(p.segs, 'pipeline', (yi) => projSum[i * T + reqSlots[yi]!]! / runs);
  });
  for (const ic of induced.chains)
    for (let i = 0; i < ic.n; i++) {
      const seg = ic.info.segments[i]!;
      reqSlots.forEach((t, yi) => {
        seg.expected[yi] = inducedSums.added[(ic.pos + i) * T + t]! / runs;
        seg.expectedGross[yi] = inducedSums.gross[(ic.pos + i) * T + t]! / runs;
        ic.info.expected[yi]! += seg.expected[yi]!;
      });
      if (seg.expected.some((v) => v !== 0)) spread([ic.segStart + i], 'induced', (yi) => seg.expected[yi]!);
    }
  const segments: SegmentEstimate[] = [];
  for (let s = 0; s < S.keys.length; s++) if (segRows[s + 1]) segments.push(segRows[s + 1]!);
  if (segRows[0]) segments.push(segRows[0]);
  return segments;
}

/**
 * The firms' items, as `spread` would without a list and a closure per firm: an equal share to
 * each of its segments in scope, all to the row without segment if it has none.
 */
function spreadFirms(
  ctx: EstimateContext,
  firms: FirmItems,
  itemGroup: Int32Array,
  itemMean: Float64Array,
  segRow: (s: number) => SegmentEstimate,
): void {
  const { model, scopeChain } = ctx;
  const E = model.index.enterprises;
  const S = model.index.segments;
  const nY = ctx.years.length;
  const fixedValues = new Float64Array(nY);
  const addShare = (s: number, kind: OutputKind, w: number) => {
    const row = segRow(s);
    const byKind = row.byKind[kind];
    for (let yi = 0; yi < nY; yi++) {
      const v = fixedValues[yi]! * w;
      row.expected[yi]! += v;
      byKind[yi]! += v;
    }
  };
  for (let i = 0; i < firms.n; i++) {
    const e = firms.ent[i]!;
    const base = firms.base[i]!;
    const g = itemGroup[i]! * nY;
    for (let yi = 0; yi < nY; yi++) fixedValues[yi] = base * itemMean[g + yi]!;
    const kind = OUTPUT_KINDS[firms.kind[i]!]!;
    const s0 = E.segments.offsets[e]!;
    const s1 = E.segments.offsets[e + 1]!;
    let nSegs = 0;
    for (let k = s0; k < s1; k++) if (scopeChain < 0 || S.chain[E.segments.items[k]!] === scopeChain) nSegs++;
    if (nSegs === 0) {
      addShare(-1, kind, 1);
      continue;
    }
    const w = 1 / nSegs;
    for (let k = s0; k < s1; k++) {
      const s = E.segments.items[k]!;
      if (scopeChain < 0 || S.chain[s] === scopeChain) addShare(s, kind, w);
    }
  }
}
