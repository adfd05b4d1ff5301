/**
 * Step 6 of recommendRecruits, the fit of each candidate of a gap segment:
 *   fit = w_s·substitution + w_z·size + w_r·relatedness   (weights normalised; default 0.5 / 0.3 / 0.2)
 * each component in [0, 1], relative to the gap's other candidates where it is a size; ranked by
 * fit (rounded to 4 decimals) descending, then by the number of local firms a candidate already
 * trades with or shares a group with (reported, not in the fit), then dataset order.
 */
import type { ChainModel } from '../../graph/model.js';
import { round } from '../../internal/format.js';
import type { CandidateFacts } from './facts.js';
import type { FitWeights } from './types.js';

/** A candidate with its fit and components. */
export interface ScoredCandidate {
  x: CandidateFacts;
  /** Position among the gap's candidates (dataset order). */
  i: number;
  substitution: number;
  size: number;
  relatedness: number;
  fit: number;
}

/** The candidates of one gap segment, ranked, with the bases their components were measured on. */
export interface FitRanking {
  scored: ScoredCandidate[];
  substitutionBasis: 'value' | 'count';
  sizeBasis: 'output' | 'employees' | 'unknown';
  /** Per candidate (dataset order): output and employees as recorded (NaN unknown). */
  outputs: number[];
  employees: number[];
}

/**
 * The fit of every candidate in `facts`, ranked.
 *
 * @example
 * rankCandidates(model, facts, weights).scored[0].fit; // 0.8
 */
export function rankCandidates(model: ChainModel, facts: readonly CandidateFacts[], weights: FitWeights): FitRanking {
  const ents = model.index.enterprises;
  const { basis: substitutionBasis, of: subOf, max: maxSub } = substitutionScale(facts);
  const outputs = facts.map((x) => ents.output[x.e]!);
  const employees = facts.map((x) => ents.employees[x.e]!);
  const { basis: sizeBasis, sizes, max: maxSize } = sizeScale(outputs, employees);
  const scored = facts.map((x, i) => {
    const substitution = maxSub > 0 ? subOf(x) / maxSub : 0;
    const size = Number.isFinite(sizes[i]!) && maxSize > 0 ? sizes[i]! / maxSize : 0;
    const relatedness = relatednessOf(x);
    const fit = round(weights.substitution * substitution + weights.size * size + weights.relatedness * relatedness, 4);
    return { x, i, substitution, size, relatedness, fit };
  });
  const ties = (x: CandidateFacts) => x.partners.length + x.affiliates.length;
  scored.sort((a, b) => b.fit - a.fit || ties(b.x) - ties(a.x) || a.x.e - b.x.e);
  return { scored, substitutionBasis, sizeBasis, outputs, employees };
}

/**
 * Substitution: the candidate already supplies local buyers with the segment's product from
 * outside — a local plant would substitute that flow. Value of those links over the largest
 * among the gap's candidates when every such link has a value (basis "value"), else the number
 * of links over the largest number (basis "count").
 */
function substitutionScale(facts: readonly CandidateFacts[]) {
  const basis: 'value' | 'count' =
    facts.some((x) => x.links > 0) && facts.every((x) => x.unknown === 0) && facts.some((x) => x.value > 0) ? 'value' : 'count';
  const of = (x: CandidateFacts) => (basis === 'value' ? x.value : x.links);
  const max = facts.reduce((m, x) => Math.max(m, of(x)), 0);
  return { basis, of, max };
}

/**
 * Size: output over the largest output among the gap's candidates (basis "output") when any
 * candidate's output is known, else employees likewise; unknown size scores 0 and is said.
 */
function sizeScale(outputs: readonly number[], employees: readonly number[]) {
  const basis: 'output' | 'employees' | 'unknown' = outputs.some((o) => Number.isFinite(o) && o > 0)
    ? 'output'
    : employees.some((o) => Number.isFinite(o) && o > 0)
      ? 'employees'
      : 'unknown';
  const sizes = basis === 'output' ? outputs : basis === 'employees' ? employees : outputs.map(() => Number.NaN);
  const max = sizes.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, v) : m), 0);
  return { basis, sizes, max };
}

/**
 * Relatedness: the share of the candidate's other segments (any chain) that are present in the
 * region — a firm that already works in segments the region has knows the local chain (the
 * firm-level reading of relatedness: Neffke, Henning & Boschma 2011, "How do regions diversify
 * over time?", Economic Geography 87: 237–265).
 */
function relatednessOf(x: CandidateFacts): number {
  return x.others > 0 ? x.shared.length / x.others : 0;
}
