/**
 * Relatedness (economic complexity): revealed comparative advantage, presence, proximity and
 * relatedness density over a region × activity matrix (here: region × chain segment).
 *
 * Method (Hidalgo, Klinger, Barabási & Hausmann 2007, "The Product Space Conditions the
 * Development of Nations", Science 317: 482–487; as implemented in the Growth Lab's
 * py-ecomplexity and in EconGeo for R):
 * - RCA_cp = (x_cp / Σ_p x_cp) / (Σ_c x_cp / Σ_cp x_cp)  (Balassa index);
 * - presence M_cp = [RCA_cp ≥ threshold], threshold 1;
 * - ubiquity k_p = Σ_c M_cp; proximity φ_pp' = Σ_c M_cp M_cp' / max(k_p, k_p');
 * - relatedness density ω_cp = Σ_p' M_cp' φ_pp' / Σ_p' φ_pp' (the sums include p' = p, as
 *   py-ecomplexity's `calc_density` does).
 *
 * Conventions where the formulas divide by zero (documented, never NaN): a region with no
 * activity, an activity no region has, or an empty matrix give RCA 0; φ_pp' is 0 when neither
 * activity is present anywhere; ω_cp is 0 when activity p is present in no region (nothing is
 * related to it). RCA within 1e-9 (relative) of the threshold counts as present, so a region
 * whose mix equals the overall mix is not split by rounding.
 *
 * Assumptions: rows are comparable regions (e.g. the districts of one city), columns the
 * activities; x may be counts of firms or output. Cost: RCA and presence O(C·P); proximity
 * O(Σ_c k_c² + P²) with k_c the diversity of region c; density O(rows · P²) — pass only the rows
 * needed (e.g. `[m[c]]`).
 */
import { ChainError } from '../model/issues.js';

/** A dense matrix as rows of numbers (region × activity, or activity × activity). */
export type Matrix = readonly (readonly number[])[];

const EPSILON = 1e-9;

function check(x: Matrix, name: string): number {
  if (!Array.isArray(x)) throw new ChainError('invalid_argument', `${name} must be an array of rows`, { name });
  const cols = x.length === 0 ? 0 : x[0]!.length;
  x.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols)
      throw new ChainError('invalid_argument', `${name} is not rectangular: row ${i} has ${row?.length} columns, row 0 has ${cols}`, { name, row: i });
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new ChainError('invalid_argument', `${name}[${i}][${j}] must be a finite number ≥ 0, got ${String(v)}`, { name, row: i, column: j });
    });
  });
  return cols;
}

/**
 * Revealed comparative advantage (Balassa) of each region in each activity:
 * RCA_cp = (x_cp / Σ_p x_cp) / (Σ_c x_cp / Σ x). Zero rows, zero columns and an all-zero
 * matrix give 0; a value too large to represent (subnormal shares) is capped at
 * Number.MAX_VALUE. Throws a ChainError for a ragged matrix or negative / non-finite entries.
 *
 * @example
 * revealedComparativeAdvantage([[2, 1], [1, 2]]);
 * // → [[1.333…, 0.666…], [0.666…, 1.333…]]
 */
export function revealedComparativeAdvantage(x: Matrix): number[][] {
  const cols = check(x, 'x');
  const rowSum = x.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum = new Array<number>(cols).fill(0);
  for (const row of x) for (let p = 0; p < cols; p++) colSum[p]! += row[p]!;
  const total = rowSum.reduce((a, b) => a + b, 0);
  return x.map((row, c) =>
    row.map((v, p) => {
      if (!(rowSum[c]! > 0 && colSum[p]! > 0 && total > 0)) return 0;
      const rca = v / rowSum[c]! / (colSum[p]! / total);
      // subnormal column shares overflow: keep the result finite
      return Number.isFinite(rca) ? rca : Number.MAX_VALUE;
    }),
  );
}

/**
 * Presence (the binary M matrix): 1 where RCA ≥ `threshold` (default 1), else 0. Values within
 * 1e-9 (relative) below the threshold count as present.
 *
 * @example
 * presence([[1.33, 0.67], [0.67, 1.33]]); // → [[1, 0], [0, 1]]
 */
export function presence(rca: Matrix, threshold = 1): number[][] {
  check(rca, 'rca');
  if (!Number.isFinite(threshold) || threshold < 0)
    throw new ChainError('invalid_argument', `threshold must be a finite number ≥ 0, got ${threshold}`, { threshold });
  const cut = threshold - EPSILON * Math.max(1, threshold);
  return rca.map((row) => row.map((v) => (v >= cut ? 1 : 0)));
}

/**
 * Ubiquity of each activity: the number of regions where it is present, k_p = Σ_c M_cp.
 *
 * @example
 * ubiquity([[1, 1, 0], [1, 0, 0], [0, 1, 1]]); // → [2, 2, 1]
 */
export function ubiquity(m: Matrix): number[] {
  const cols = check(m, 'm');
  const k = new Array<number>(cols).fill(0);
  for (const row of m) for (let p = 0; p < cols; p++) k[p]! += row[p]!;
  return k;
}

/**
 * Diversity of each region: the number of activities present in it, k_c = Σ_p M_cp.
 *
 * @example
 * diversity([[1, 1, 0], [1, 0, 0], [0, 1, 1]]); // → [2, 1, 2]
 */
export function diversity(m: Matrix): number[] {
  check(m, 'm');
  return m.map((row) => row.reduce((a, b) => a + b, 0));
}

/**
 * Proximity between activities: φ_pp' = Σ_c M_cp M_cp' / max(k_p, k_p') — the smaller of the
 * two conditional probabilities that a region has one activity given it has the other. The
 * result is symmetric with values in [0, 1]; the diagonal is 1 for an activity present
 * somewhere and 0 otherwise.
 *
 * @example
 * proximity([[1, 1, 0], [1, 0, 0], [0, 1, 1]]);
 * // → [[1, 0.5, 0], [0.5, 1, 0.5], [0, 0.5, 1]]
 */
export function proximity(m: Matrix): number[][] {
  const cols = check(m, 'm');
  const k = ubiquity(m);
  // co-occurrence counts from each region's present activities: Σ_c k_c² work, not C · P²
  const both = Array.from({ length: cols }, () => new Float64Array(cols));
  for (const row of m) {
    const present: number[] = [];
    for (let p = 0; p < cols; p++) if (row[p]! !== 0) present.push(p);
    for (const p of present) for (const q of present) both[p]![q]! += row[p]! * row[q]!;
  }
  return both.map((counts, p) =>
    Array.from(counts, (c, q) => {
      const denominator = Math.max(k[p]!, k[q]!);
      return denominator === 0 ? 0 : c / denominator;
    }),
  );
}

/**
 * Relatedness density of each activity for each region:
 * ω_cp = Σ_p' M_cp' φ_pp' / Σ_p' φ_pp', in [0, 1]: the share of the activities related to p
 * (weighted by proximity) that region c already has. 0 for an activity present nowhere.
 *
 * @example
 * const m = [[1, 1, 0], [1, 0, 0], [0, 1, 1]];
 * relatednessDensity(m, proximity(m))[1]; // → [0.666…, 0.25, 0]
 */
export function relatednessDensity(m: Matrix, phi: Matrix): number[][] {
  const cols = check(m, 'm');
  const size = check(phi, 'phi');
  if (phi.length !== cols || size !== cols)
    throw new ChainError('invalid_argument', `phi must be ${cols} × ${cols} (one row and column per activity of m)`, { columns: cols });
  const phiSum = phi.map((row) => row.reduce((a, b) => a + b, 0));
  return m.map((row) =>
    phi.map((phiRow, p) => {
      if (phiSum[p]! === 0) return 0;
      let related = 0;
      for (let q = 0; q < cols; q++) related += row[q]! * phiRow[q]!;
      return related / phiSum[p]!;
    }),
  );
}

/** Options of {@link relatedness}. */
export interface RelatednessOptions {
  /** RCA at or above which an activity counts as present. Default 1. */
  threshold?: number;
}

/** Every relatedness measure of a region × activity matrix. */
export interface RelatednessResult {
  rca: number[][];
  presence: number[][];
  ubiquity: number[];
  diversity: number[];
  proximity: number[][];
  density: number[][];
}

/**
 * Computes RCA, presence, ubiquity, diversity, proximity and relatedness density of a
 * region × activity matrix in one call.
 *
 * @example
 * const { density } = relatedness([[2, 1, 0], [3, 0, 0], [0, 1, 2]]);
 * density[1][1]; // 0.25: region 1 has a quarter of what activity 1 is related to
 */
export function relatedness(x: Matrix, options: RelatednessOptions = {}): RelatednessResult {
  const rca = revealedComparativeAdvantage(x);
  const m = presence(rca, options.threshold ?? 1);
  const phi = proximity(m);
  return { rca, presence: m, ubiquity: ubiquity(m), diversity: diversity(m), proximity: phi, density: relatednessDensity(m, phi) };
}
