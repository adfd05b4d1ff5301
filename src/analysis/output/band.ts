/**
 * Bands over the Monte Carlo runs: the mean and P10 / P50 / P90, percentiles by linear
 * interpolation between order statistics (numpy's default, Hyndman & Fan type 7); and the yearly
 * growth between two values.
 */
import { OUTPUT_KINDS, type Band, type OutputKind, type YearEstimate } from './types.js';

function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Mean and P10/P50/P90 of column `t` of a runs × T matrix.
 *
 * @example
 * bandOf(total, runs, T, t, scratch).p50; // the median of year slot t over the runs
 */
export function bandOf(values: Float64Array, runs: number, T: number, t: number, scratch: Float64Array): Band {
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const v = values[r * T + t]!;
    scratch[r] = v;
    sum += v;
  }
  scratch.sort();
  return { expected: sum / runs, p10: percentile(scratch, 0.1), p50: percentile(scratch, 0.5), p90: percentile(scratch, 0.9) };
}

/**
 * Mean and P10/P50/P90 of per-run values.
 *
 * @example
 * bandOfRuns(Float64Array.of(1, 2, 3, 4, 5), new Float64Array(5)); // { expected: 3, p10: 1.4, p50: 3, p90: 4.6 }
 */
export function bandOfRuns(values: Float64Array, scratch: Float64Array): Band {
  let sum = 0;
  for (let r = 0; r < values.length; r++) {
    scratch[r] = values[r]!;
    sum += values[r]!;
  }
  scratch.sort();
  return {
    expected: sum / values.length,
    p10: percentile(scratch, 0.1),
    p50: percentile(scratch, 0.5),
    p90: percentile(scratch, 0.9),
  };
}

/**
 * A ratio that may overflow for tiny denominators: null when not finite (results hold no Infinity).
 *
 * @example
 * finite(1 / 0); // null
 */
export const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Compound yearly growth from `from` to `to` over `years`; null when undefined.
 *
 * @example
 * cagr(100, 121, 2); // ≈ 0.1 (10% a year)
 */
export const cagr = (from: number, to: number, years: number): number | null =>
  years > 0 && from > 0 && to >= 0 ? finite((to / from) ** (1 / years) - 1) : null;

/**
 * The band of each requested year, of the total and of each kind.
 *
 * @example
 * yearBands([2030], [slot2030], total, kindRuns, runs, T, scratch)[0].byKind.pipeline.p90;
 */
export function yearBands(
  years: readonly number[],
  reqSlots: readonly number[],
  total: Float64Array,
  kindRuns: readonly Float64Array[],
  runs: number,
  T: number,
  scratch: Float64Array,
): YearEstimate[] {
  return years.map((year, yi) => {
    const t = reqSlots[yi]!;
    const band = bandOf(total, runs, T, t, scratch);
    const byKind = {} as Record<OutputKind, Band>;
    OUTPUT_KINDS.forEach((kind, k) => (byKind[kind] = bandOf(kindRuns[k]!, runs, T, t, scratch)));
    return { year, ...band, byKind };
  });
}
