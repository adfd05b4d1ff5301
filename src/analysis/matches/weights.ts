/**
 * The weights of the match score's components: the defaults, the caller's merged over them, and
 * which components the data support — a component absent from every candidate is not
 * available, and its weight is shared out among the others.
 */
import type { Reason } from '../scope/index.js';
import { ChainError } from '../../model/issues.js';
import type { Scales } from './scales.js';
import { MATCH_COMPONENTS, type MatchComponent, type MatchComponentInfo, type MatchOptions } from './types.js';

/**
 * Default weights of the match score.
 *
 * @example
 * suggestMatches(model, { weights: { ...DEFAULT_MATCH_WEIGHTS, colocation: 0.4 } });
 */
export const DEFAULT_MATCH_WEIGHTS: Readonly<Record<MatchComponent, number>> = {
  demand: 0.4,
  outside: 0.2,
  capacity: 0.2,
  colocation: 0.2,
};

/**
 * Each component's name in Chinese and English, as the notes print it.
 *
 * @example
 * COMPONENT_LABELS.outside.zh; // '买方外购'
 */
export const COMPONENT_LABELS: Record<MatchComponent, Reason> = {
  demand: { zh: '买方需求', en: 'buyer demand' },
  outside: { zh: '买方外购', en: 'buyer sources from outside' },
  capacity: { zh: '供方规模', en: 'supplier size' },
  colocation: { zh: '同园区', en: 'same park' },
};

/**
 * The weights merged over the defaults; unknown components and weights that are not finite and
 * ≥ 0 throw.
 *
 * @example
 * resolveMatchWeights({ demand: 0.6 }).outside; // 0.2
 */
export function resolveMatchWeights(given: MatchOptions['weights']): Record<MatchComponent, number> {
  const weights: Record<MatchComponent, number> = { ...DEFAULT_MATCH_WEIGHTS, ...given };
  for (const [name, w] of Object.entries(weights))
    if (!(MATCH_COMPONENTS as readonly string[]).includes(name) || !(Number.isFinite(w) && w >= 0))
      throw new ChainError('invalid_argument', `invalid weight ${String(w)} for "${name}"`, { name, weight: w, valid: MATCH_COMPONENTS });
  return weights;
}

/**
 * How each component enters the score: available when some candidate has its data, with the
 * reason, and its weight renormalised over the available ones.
 *
 * @example
 * componentInfos(found.candidates, scales, anyOutside, anyColocated, weights);
 */
export function componentInfos(
  candidates: number,
  scales: Pick<Scales, 'known'>,
  anyOutside: boolean,
  anyColocated: boolean,
  weights: Record<MatchComponent, number>,
): MatchComponentInfo[] {
  const { known } = scales;
  const infos: MatchComponentInfo[] = MATCH_COMPONENTS.map((name) => {
    let available = candidates > 0;
    let reason: Reason;
    if (name === 'demand') {
      available &&= known.coefficients > 0 || known.buyerOutputs > 0;
      reason = {
        zh: `候选所用流向中 ${known.coefficients} 个有投入系数，候选买方中 ${known.buyerOutputs} 家有产值`,
        en: `${known.coefficients} of the candidates' flows have a coefficient, ${known.buyerOutputs} candidate buyer(s) have an output`,
      };
    } else if (name === 'capacity') {
      available &&= known.supplierOutputs > 0;
      reason =
        known.supplierOutputs > 0
          ? { zh: `候选供方中 ${known.supplierOutputs} 家有产值`, en: `${known.supplierOutputs} candidate supplier(s) have an output` }
          : { zh: '候选供方均无产值数据', en: 'no candidate supplier has a known output' };
    } else if (name === 'outside') {
      available &&= anyOutside;
      reason = anyOutside
        ? { zh: '部分买方现从外地采购该投入', en: 'some buyers now buy the input from outside' }
        : { zh: '无候选买方记录有从外地采购该投入的供货关系', en: 'no candidate buyer has a recorded link buying the input from outside' };
    } else {
      available &&= anyColocated;
      reason = anyColocated
        ? { zh: '部分候选同在一个园区或开发区', en: 'some candidates share a zone or park' }
        : { zh: '候选双方均不在同一园区或开发区', en: 'no candidate pair shares a zone or park' };
    }
    return { name, weight: weights[name], usedWeight: 0, available, reason };
  });
  const totalWeight = infos.reduce((sum, c) => sum + (c.available ? c.weight : 0), 0);
  for (const c of infos) c.usedWeight = c.available && totalWeight > 0 ? c.weight / totalWeight : 0;
  return infos;
}

/**
 * The weights used, by component.
 *
 * @example
 * usedWeights(infos).demand; // 0.5 when colocation is not available
 */
export function usedWeights(infos: MatchComponentInfo[]): Record<MatchComponent, number> {
  return Object.fromEntries(infos.map((c) => [c.name, c.usedWeight])) as Record<MatchComponent, number>;
}
