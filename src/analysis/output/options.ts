/**
 * The call's options checked: the years (distinct, ascending), the runs, the seed, the listing
 * limit and the assumptions; and the local shares the planner gives, resolved to segments.
 */
import type { ChainModel } from '../../graph/model.js';
import { segmentIndex } from '../../graph/queries.js';
import { DEFAULT_SEED } from '../../internal/random.js';
import { invalid, resolveAssumptions } from './assumptions.js';
import type { OutputAssumptions, OutputOptions } from './types.js';

/** The options as used. */
export interface ResolvedOptions {
  /** Requested years, distinct and ascending. */
  years: number[];
  runs: number;
  seed: number;
  enterpriseLimit: number | undefined;
  a: OutputAssumptions;
  /** Assumptions the caller gave. */
  givenKeys: Set<string>;
}

/**
 * Checks the options in the order their errors are reported; bad ones throw `invalid_argument`.
 *
 * @example
 * resolveOptions({ years: [2030, 2025, 2030] }).years; // [2025, 2030]
 */
export function resolveOptions(options: OutputOptions): ResolvedOptions {
  if (!Array.isArray(options.years) || options.years.length === 0)
    invalid('years must be a non-empty list of years', { value: options.years });
  for (const y of options.years)
    if (!(Number.isInteger(y) && y >= 1900 && y <= 2200)) invalid(`years: ${String(y)} is not a year (integer 1900–2200)`, { value: y });
  const years = [...new Set(options.years)].sort((x, y) => x - y);
  const runs = options.runs ?? 10_000;
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 1_000_000)) invalid('runs must be an integer in 1..1 000 000', { value: runs });
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) invalid('seed must be an integer', { value: seed });
  const enterpriseLimit = options.enterpriseLimit;
  if (enterpriseLimit !== undefined && !(Number.isInteger(enterpriseLimit) && enterpriseLimit >= 0))
    invalid('enterpriseLimit must be an integer ≥ 0', { value: enterpriseLimit });
  const { a, givenKeys } = resolveAssumptions(options.assumptions);
  return { years, runs, seed, enterpriseLimit, a, givenKeys };
}

/**
 * The planner's local shares by segment index: keys `chain/segment`, or a segment id alone with a
 * chain scope. Unknown chains or segments throw.
 *
 * @example
 * localShareOverrides(model, { ...a, localShares: { 'energy-storage/cell': 0.6 } }, undefined); // Map { <segment index> => 0.6 }
 */
export function localShareOverrides(model: ChainModel, a: OutputAssumptions, scopeChain: string | undefined): Map<number, number> {
  const overrides = new Map<number, number>();
  for (const [key, share] of Object.entries(a.localShares)) {
    const slash = key.indexOf('/');
    let chain: string;
    let segment: string;
    if (slash >= 0) [chain, segment] = [key.slice(0, slash), key.slice(slash + 1)];
    else if (scopeChain !== undefined) [chain, segment] = [scopeChain, key];
    else return invalid(`localShares key "${key}" needs the form chain/segment without a chain scope`, { key });
    overrides.set(segmentIndex(model, chain, segment), share);
  }
  return overrides;
}
