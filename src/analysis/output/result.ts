/**
 * The result's breakdowns by firm and by project: each firm's expected output (its items at the
 * mean factor of their group, plus its counted projects' mean output over the runs), listed in
 * dataset order, only the `enterpriseLimit` largest in the last requested year when limited; and
 * how each project is counted, with its mean output by year.
 */
import type { EstimateContext } from './context.js';
import { entName } from './context.js';
import type { FirmItems } from './current.js';
import { firmsListed, largestFirms } from './firms.js';
import type { PipeItem } from './pipeline.js';
import { KIND_PIPELINE, OUTPUT_KINDS, type EnterpriseEstimate, type ProjectEstimate } from './types.js';

/** What the runs summed that the breakdowns read, at the requested years. */
export interface RunMeans {
  runs: number;
  T: number;
  /** Slot of each requested year. */
  reqSlots: number[];
  /** Mean over runs of each item group's factor by requested year: itemMean[g * nY + yi]. */
  itemMean: Float64Array;
  /** Sum over runs of each project's output, nP × T. */
  projSum: Float64Array;
}

/**
 * The mean factor of each group (J of them) at each requested year, from the sums over runs (T × J).
 *
 * @example
 * itemMeans(meanFactor, runs, J, reqSlots)[g * reqSlots.length + yi]; // mean factor of group g in requested year yi
 */
export function itemMeans(meanFactor: Float64Array, runs: number, J: number, reqSlots: readonly number[]): Float64Array {
  const nY = reqSlots.length;
  const meanF = (t: number, g: number) => meanFactor[t * J + g]! / runs;
  const itemMean = new Float64Array(J * nY);
  for (let g = 0; g < J; g++) for (let yi = 0; yi < nY; yi++) itemMean[g * nY + yi] = meanF(reqSlots[yi]!, g);
  return itemMean;
}

/**
 * Firms with an estimate (an item or a counted project), in dataset order; the largest `limit` when given.
 *
 * @example
 * enterpriseEstimates(ctx, firms, itemGroup, pipes, isLeaderEnt, means, 100).listed; // firms with an estimate, before the limit
 */
export function enterpriseEstimates(
  ctx: EstimateContext,
  firms: FirmItems,
  itemGroup: Int32Array,
  pipes: readonly PipeItem[],
  isLeaderEnt: Uint8Array,
  m: RunMeans,
  limit: number | undefined,
): { enterprises: EnterpriseEstimate[]; listed: number } {
  const { s, model } = ctx;
  const E = model.index.enterprises;
  const nE = E.ids.length;
  const nY = ctx.years.length;
  const { runs, T, reqSlots, itemMean, projSum } = m;
  const entRow = s.int32(nE, -1);
  const entExp = s.float64((firms.n + pipes.length) * nY);
  const entKinds = s.uint8(nE);
  let nRows = 0;
  const rowOf = (e: number) => (entRow[e]! >= 0 ? entRow[e]! : (entRow[e] = nRows++));
  for (let i = 0; i < firms.n; i++) {
    const e = firms.ent[i]!;
    entKinds[e]! |= 1 << firms.kind[i]!;
    const row = rowOf(e) * nY;
    const g = itemGroup[i]! * nY;
    for (let yi = 0; yi < nY; yi++) entExp[row + yi]! += firms.base[i]! * itemMean[g + yi]!;
  }
  pipes.forEach((p, i) => {
    if (p.enterprise < 0 || !p.counted) return;
    entKinds[p.enterprise]! |= 1 << KIND_PIPELINE;
    const row = rowOf(p.enterprise) * nY;
    for (let yi = 0; yi < nY; yi++) entExp[row + yi]! += projSum[i * T + reqSlots[yi]!]! / runs;
  });
  const listed = firmsListed(s, entKinds);
  const kept = limit === undefined || limit >= listed.length ? listed : largestFirms(s, listed, entRow, entExp, nY, limit);
  return { enterprises: listFirms(ctx, kept, entRow, entExp, entKinds, isLeaderEnt), listed: listed.length };
}

function listFirms(
  ctx: EstimateContext,
  kept: Int32Array,
  entRow: Int32Array,
  entExp: Float64Array,
  entKinds: Uint8Array,
  isLeaderEnt: Uint8Array,
): EnterpriseEstimate[] {
  const { model, scopeChain, segIds } = ctx;
  const E = model.index.enterprises;
  const S = model.index.segments;
  const chainIds = model.index.chains.ids;
  const nY = ctx.years.length;
  const kindLists = Array.from({ length: 1 << OUTPUT_KINDS.length }, (_, mask) => OUTPUT_KINDS.filter((_, k) => (mask >> k) & 1));
  const enterprises: EnterpriseEstimate[] = new Array<EnterpriseEstimate>(kept.length);
  for (let q = 0; q < kept.length; q++) {
    const e = kept[q]!;
    const segs: { chain: string; segment: string }[] = [];
    for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) {
      const s = E.segments.items[k]!;
      if (scopeChain < 0 || S.chain[s] === scopeChain) segs.push({ chain: chainIds[S.chain[s]!]!, segment: segIds[s]! });
    }
    const row = entRow[e]! * nY;
    const expected = new Array<number>(nY);
    for (let yi = 0; yi < nY; yi++) expected[yi] = entExp[row + yi]!;
    enterprises[q] = {
      id: E.ids[e]!,
      name: entName(model, e),
      leader: isLeaderEnt[e] === 1,
      kinds: kindLists[entKinds[e]!]!.slice(),
      segments: segs,
      expected,
    };
  }
  return enterprises;
}

/**
 * How each pipeline item is counted, with its mean output by requested year.
 *
 * @example
 * projectEstimates(ctx, pipes, means)[0].expected; // mean output by requested year
 */
export function projectEstimates(ctx: EstimateContext, pipes: readonly PipeItem[], m: RunMeans): ProjectEstimate[] {
  const E = ctx.model.index.enterprises;
  const { runs, T, reqSlots, projSum } = m;
  return pipes.map((p, i) => ({
    id: p.id,
    name: p.name,
    enterprise: p.enterprise >= 0 ? E.ids[p.enterprise]! : null,
    implied: p.project < 0,
    status: p.status,
    counted: p.counted,
    likelihood: p.likelihood,
    fullOutput: p.valuation === null ? null : p.base,
    valuation: p.valuation,
    productionYear: p.prod < 0 ? null : p.prod,
    productionYearSource: p.prod < 0 ? 'status' : p.prodSource,
    delayable: p.delayable,
    rampUp: p.ramp,
    expected: reqSlots.map((t) => projSum[i * T + t]! / runs),
    reason: p.reason,
  }));
}
