/**
 * Regional concentration statistics the cluster score rests on: the Herfindahl–Hirschman index
 * H = Σ s_i²; the location quotient LQ = (e_ir / e_r) / (e_i / e); the Ellison–Glaeser index
 * γ = (G − (1 − Σ x_a²) H) / ((1 − Σ x_a²)(1 − H)), G = Σ_a (s_a − x_a)².
 *
 * References
 * - Hirschman, A. O. (1964). The paternity of an index. American Economic Review 54(5), 761.
 * - Isard, W. (1960). Methods of Regional Analysis. MIT Press (location quotient).
 * - Ellison, G. & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
 *   industries: a dartboard approach. J. Political Economy 105(5), 889–927.
 */
import { ChainError } from '../../model/issues.js';

function checkAmounts(values: ArrayLike<number>, what: string): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0) || !Number.isFinite(v))
      throw new ChainError('invalid_argument', `${what} are finite and non-negative, got ${v} at ${i}`, { index: i, value: v });
    total += v;
  }
  return total;
}

/**
 * Herfindahl–Hirschman index of sizes (output, employees...): Σ s_i², s_i = x_i / Σ x, in
 * (0, 1]; 1 for a single firm, 1/n for n equal firms. Null when the sizes sum to 0.
 *
 * @example
 * herfindahl([6, 2, 2]); // 0.36 + 0.04 + 0.04 = 0.44
 */
export function herfindahl(sizes: ArrayLike<number>): number | null {
  const total = checkAmounts(sizes, 'sizes');
  if (total === 0) return null;
  let h = 0;
  for (let i = 0; i < sizes.length; i++) h += (sizes[i]! / total) ** 2;
  return h;
}

/**
 * Location quotient LQ_ir = (e_ir / e_r) / (e_i / e): the industry's share of the region's
 * activity relative to its share in the reference area (> 1: the region is specialised in it).
 * Null when a share is undefined (e_r = 0, e = 0 or e_i = 0).
 *
 * @example
 * locationQuotient(30, 50, 60, 300); // (30/50) / (60/300) = 3
 */
export function locationQuotient(industryInRegion: number, regionTotal: number, industryTotal: number, total: number): number | null {
  checkAmounts([industryInRegion, regionTotal, industryTotal, total], 'amounts');
  if (regionTotal === 0 || total === 0 || industryTotal === 0) return null;
  if (industryInRegion === 0) return 0;
  const direct = industryInRegion / regionTotal / (industryTotal / total);
  if (Number.isFinite(direct) && direct > 0) return direct;
  // subnormal amounts underflow in the direct quotient; their logarithms are finite
  return Math.exp(Math.log(industryInRegion) - Math.log(regionTotal) - Math.log(industryTotal) + Math.log(total));
}

/** Inputs of {@link ellisonGlaeser}, per area of the reference territory. */
export interface EllisonGlaeserInput {
  /** The industry's activity (output, employment) in each area. */
  industryByArea: ArrayLike<number>;
  /** All industries' activity in each area (same order). */
  totalByArea: ArrayLike<number>;
  /** Size of each plant (firm) of the industry, for the plant Herfindahl H. */
  plantSizes: ArrayLike<number>;
}

/** Ellison–Glaeser index and its parts. */
export interface EllisonGlaeserResult {
  /** γ: concentration beyond what plant lumpiness and random location explain (≈0 random). */
  gamma: number;
  /** Raw geographic concentration G = Σ_a (s_a − x_a)². */
  rawConcentration: number;
  /** Plant Herfindahl H. */
  plantHerfindahl: number;
  /** Σ_a x_a² of the areas' shares of all activity. */
  areaHerfindahl: number;
}

/**
 * Ellison–Glaeser γ = (G − (1 − Σ x_a²) H) / ((1 − Σ x_a²)(1 − H)), with s_a the area's share of
 * the industry, x_a its share of all activity, G = Σ (s_a − x_a)² and H the Herfindahl of the
 * industry's plants. Null when it is undefined: no industry or total activity, a single area
 * holding all activity (Σ x_a² = 1) or a single plant (H = 1).
 *
 * @example
 * ellisonGlaeser({ industryByArea: [8, 2], totalByArea: [50, 50], plantSizes: [4, 4, 2] });
 */
export function ellisonGlaeser(input: EllisonGlaeserInput): EllisonGlaeserResult | null {
  const { industryByArea, totalByArea, plantSizes } = input;
  if (industryByArea.length !== totalByArea.length)
    throw new ChainError('invalid_argument', 'industryByArea and totalByArea differ in length', {
      industry: industryByArea.length,
      total: totalByArea.length,
    });
  const industry = checkAmounts(industryByArea, 'industry amounts');
  const total = checkAmounts(totalByArea, 'area totals');
  const plantHerfindahl = herfindahl(plantSizes);
  if (industry === 0 || total === 0 || plantHerfindahl === null) return null;
  let rawConcentration = 0;
  let areaHerfindahl = 0;
  for (let a = 0; a < industryByArea.length; a++) {
    const s = industryByArea[a]! / industry;
    const x = totalByArea[a]! / total;
    rawConcentration += (s - x) ** 2;
    areaHerfindahl += x * x;
  }
  const spread = 1 - areaHerfindahl;
  if (spread <= 1e-12 || 1 - plantHerfindahl <= 1e-12) return null;
  return {
    gamma: (rawConcentration - spread * plantHerfindahl) / (spread * (1 - plantHerfindahl)),
    rawConcentration,
    plantHerfindahl,
    areaHerfindahl,
  };
}
