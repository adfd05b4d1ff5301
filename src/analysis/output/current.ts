/**
 * Operating firms' own output, as items valued ahead of the runs (one per firm at most):
 * - `current`: the reported output, grown from its `outputYear` at a yearly rate g:
 *   x_t = x_0 (1 + g)^(t − outputYear);
 * - `capacity`: no reported output but a capacity with a known unit price: capacity × unit price
 *   × utilisation (constant over the years: capacity-bound; ./capacity.ts);
 * - neither: a gap (`no-output`, or `no-price` when only unpriced capacity is given), unless a
 *   producing project of the firm stands for its production.
 * A non-operating firm's own output or capacity is not current output: ./pipeline.ts turns it into
 * an implied project.
 */
import type { Enterprise } from '../../model/schema.js';
import { priceCapacity, type PriceMatch } from './capacity.js';
import type { EstimateContext } from './context.js';
import { NO_YEAR, ST_CLOSED, ST_OPERATING } from './firms.js';
import { KIND_CAPACITY, KIND_CURRENT, type OutputGap } from './types.js';

/** The firms' items as columns, in firm order. */
export interface FirmItems {
  n: number;
  /** Enterprise of each item. */
  ent: Int32Array;
  /** KIND_CURRENT or KIND_CAPACITY. */
  kind: Uint8Array;
  /** Output in the output year (current), or priced capacity (capacity), 亿元. */
  base: Float64Array;
  /** Output year (current); the base year for capacity (ignored). */
  origin: Int32Array;
  /** Item of each enterprise, −1: none. */
  itemOfEnt: Int32Array;
  /** Year each firm's output figure refers to: its output year, a priced capacity's year, else the base year. */
  refYear: Int32Array;
}

/**
 * The items of the operating firms in scope, and the gaps of those that cannot be valued.
 * `projectsOf` lists each firm's projects in scope: a producing one stands for an unvalued firm.
 *
 * @example
 * firmItems(ctx, projectsOf, gaps).n; // operating firms valued at output or priced capacity
 */
export function firmItems(ctx: EstimateContext, projectsOf: ReadonlyMap<number, number[]>, gaps: OutputGap[]): FirmItems {
  const { model, s, a, baseYear, firms } = ctx;
  const { dataset } = model;
  const E = model.index.enterprises;
  const nE = E.ids.length;
  const nScope = firms.length;
  const outputYear = ctx.columns.outputYear;
  const items: FirmItems = {
    n: 0,
    ent: s.int32(nScope),
    kind: s.uint8(nScope),
    base: s.float64(nScope),
    origin: s.int32(nScope),
    itemOfEnt: s.int32(nE, -1),
    refYear: s.int32(nE),
  };
  const { refYear } = items;
  const addItem = (e: number, kind: number, base: number, origin: number) => {
    const n = items.n;
    items.itemOfEnt[e] = n;
    items.ent[n] = e;
    items.kind[n] = kind;
    items.base[n] = base;
    items.origin[n] = origin;
    items.n = n + 1;
  };
  for (let q = 0; q < nScope; q++) {
    const e = firms[q]!;
    const status = E.status[e]!;
    if (status === ST_CLOSED) continue;
    const outYear = outputYear[e]!;
    refYear[e] = outYear !== NO_YEAR ? outYear : baseYear;
    if (status !== ST_OPERATING) continue;
    const output = E.output[e]!;
    if (!Number.isNaN(output)) {
      addItem(e, KIND_CURRENT, output, outYear !== NO_YEAR ? outYear : baseYear);
      continue;
    }
    const rec = dataset.enterprises[e]!;
    let best: PriceMatch | undefined;
    let unpriced = 0;
    for (const cap of rec.capacity ?? []) {
      const m = priceCapacity(cap.value, cap.unit, cap.product ?? rec.name, a.prices);
      if (m === undefined) unpriced++;
      else if (best === undefined || m.value > best.value) best = m;
      if (m && cap.year !== undefined) refYear[e] = cap.year;
    }
    if (best) {
      addItem(e, KIND_CAPACITY, best.value, baseYear);
      continue;
    }
    const producing = (projectsOf.get(e) ?? []).some((k) => {
      const s = dataset.projects[k]!.status;
      return s === 'in-production' || s === 'at-capacity';
    });
    if (!producing) gaps.push(unvaluedFirm(rec, unpriced > 0));
  }
  return items;
}

/** The gap of an operating firm with neither output nor priced capacity. */
function unvaluedFirm(rec: Enterprise, unpriced: boolean): OutputGap {
  if (unpriced)
    return {
      code: 'no-price',
      enterprise: rec.id,
      project: null,
      reason: {
        zh: `${rec.name} 仅有产能（${(rec.capacity ?? []).map((c) => `${c.value}${c.unit}`).join('、')}），单价表中没有对应单价，无法折算产值`,
        en: `${rec.name} has only capacity (${(rec.capacity ?? []).map((c) => `${c.value} ${c.unit}`).join(', ')}) and no unit price matches it, so its output cannot be valued`,
      },
    };
  return {
    code: 'no-output',
    enterprise: rec.id,
    project: null,
    reason: {
      zh: `${rec.name} 在产，但数据集中没有其产值或产能，未计入测算`,
      en: `${rec.name} is operating but the dataset gives neither its output nor its capacity; it is left out of the estimate`,
    },
  };
}
