/**
 * The rules that decide whether an audit can speak at all and which growth figures it may print
 * (see ./index.ts, step 8):
 *
 * - No data, no audit: an audit against modelled firms whose scope holds no firm with an output
 *   or capacity figure and no project with an expected output rests on no data; its estimate is 0
 *   by construction, so it says "无法审核" (cannot be audited) with the reason, and its
 *   probability is null, never 0 %.
 * - Credible base: the yearly growth a target requires is derived only from a base-year value of
 *   at least {@link CREDIBLE_BASE_SHARE} (10 %) of the base the target implies (the target value
 *   discounted at its stated growth, or the target value itself when it states none). Below that
 *   the modelled base is mostly missing firms, and the growth compares new projects with an almost
 *   empty base ("基数过小，增速无意义"). The 10 % rule is the one the audit's note on a tiny base
 *   already used; it also bounds the required growth by (1 + g)·10^(1/span) − 1.
 * - Printed growth is capped: a growth above {@link MAX_PRINTED_GROWTH} (1 000 % a year) is never
 *   printed as a number but as "超过 1000%（基数过小，增速无意义）".
 *
 * The 10 % share and the 1 000 % cap are screening thresholds of this library, stated as such,
 * not published constants: a rate computed on a base that is mostly missing rows measures the
 * dataset's coverage, not the target.
 */
import { formatShare } from '../../internal/format.js';
import type { Reason } from '../scope/index.js';

/** Share of the implied base the modelled base must reach for a required growth to be derived. */
export const CREDIBLE_BASE_SHARE = 0.1;

/** Largest yearly growth (fraction) printed as a number: 10 = 1 000 %. */
export const MAX_PRINTED_GROWTH = 10;

/**
 * Whether a modelled base-year value is a credible base for the target: at least 10 % of the
 * base the target implies (value / (1 + stated growth)^span; the value itself without a stated
 * growth).
 *
 * @example
 * credibleBase(4.28, 1000, 0.15, 1); // false: 4.28 < 10 % of 869.57
 * credibleBase(150, 1000, null, 5);  // true: 150 ≥ 10 % of 1000
 */
export function credibleBase(base: number, value: number, statedGrowth: number | null, span: number): boolean {
  if (!(base > 0) || !(value > 0) || !(span > 0)) return false;
  const impliedBase = statedGrowth !== null && statedGrowth > -1 ? value / (1 + statedGrowth) ** span : value;
  return base >= CREDIBLE_BASE_SHARE * impliedBase;
}

/**
 * A yearly growth rate as printed: the percentage, or above 1 000 % the cap with its reason.
 *
 * @example
 * printGrowth(0.15);  // { zh: '15%', en: '15%' }
 * printGrowth(232.6); // { zh: '超过 1000%（基数过小，增速无意义）', en: 'over 1000% (base too small for a meaningful rate)' }
 */
export function printGrowth(g: number): Reason {
  if (g > MAX_PRINTED_GROWTH) return { zh: '超过 1000%（基数过小，增速无意义）', en: 'over 1000% (base too small for a meaningful rate)' };
  return { zh: formatShare(g), en: formatShare(g) };
}
