/**
 * The total: 100 × Σ w_c v_c / Σ w_c over the available components, the weights validated and
 * merged over the defaults; a component the data cannot support never counts as zero.
 */
import type { ChainModel } from '../../graph/model.js';
import { round } from '../../internal/format.js';
import { ChainError } from '../../model/issues.js';
import type { Reason } from '../scope/index.js';
import type { Context } from './context.js';
import { DEFAULT_CLUSTER_WEIGHTS, FORMULAS, LABELS } from './defaults.js';
import {
  CLUSTER_COMPONENTS,
  type ClusterComponent,
  type ClusterComponentId,
  type ClusterOptions,
  type ComponentPart,
} from './types.js';

/**
 * The weights merged over the defaults; unknown components and weights that are not finite and ≥ 0 throw.
 *
 * @example
 * resolveWeights({ localSupply: 0.4 }).completeness; // 0.25
 */
export function resolveWeights(weights: ClusterOptions['weights']): Record<ClusterComponentId, number> {
  const resolved = { ...DEFAULT_CLUSTER_WEIGHTS };
  for (const [key, w] of Object.entries(weights ?? {})) {
    if (!(CLUSTER_COMPONENTS as readonly string[]).includes(key))
      throw new ChainError('invalid_argument', `unknown cluster component "${key}"`, { id: key, valid: CLUSTER_COMPONENTS });
    if (w === undefined) continue;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      throw new ChainError('invalid_argument', `the weight of "${key}" must be a finite number ≥ 0, got ${String(w)}`, {
        id: key,
        weight: w,
      });
    resolved[key as ClusterComponentId] = w;
  }
  return resolved;
}

/**
 * The weights renormalised over the available components (0 for the others) and the total,
 * 100 × Σ w_c v_c clamped to [0, 100]; null when no available component has weight.
 *
 * @example
 * const { total, weightsUsed } = weightedTotal(parts, weights);
 */
export function weightedTotal(parts: Record<ClusterComponentId, ComponentPart>, weights: Record<ClusterComponentId, number>) {
  let weightSum = 0;
  for (const id of CLUSTER_COMPONENTS) if (parts[id].available) weightSum += weights[id];
  const weightsUsed = {} as Record<ClusterComponentId, number>;
  let total: number | null = null;
  if (weightSum > 0) {
    total = 0;
    for (const id of CLUSTER_COMPONENTS) {
      weightsUsed[id] = parts[id].available ? weights[id] / weightSum : 0;
      if (parts[id].available) total += weightsUsed[id] * parts[id].value!;
    }
    total = Math.min(100, Math.max(0, total * 100));
  } else for (const id of CLUSTER_COMPONENTS) weightsUsed[id] = 0;
  return { total, weightsUsed };
}

/**
 * Each component as the result reports it: its measure with id, label, formula and weights.
 *
 * @example
 * describeComponents(parts, weights, weightsUsed)[0].id; // 'completeness'
 */
export function describeComponents(
  parts: Record<ClusterComponentId, ComponentPart>,
  weights: Record<ClusterComponentId, number>,
  weightsUsed: Record<ClusterComponentId, number>,
): ClusterComponent[] {
  return CLUSTER_COMPONENTS.map((id) => ({
    id,
    label: LABELS[id],
    available: parts[id].available,
    value: parts[id].value,
    raw: parts[id].raw,
    basis: parts[id].basis,
    formula: FORMULAS[id],
    weight: weights[id],
    weightUsed: weightsUsed[id],
    reason: parts[id].reason,
    ids: parts[id].ids,
  }));
}

/**
 * The score's reason: the total and the components it rests on, or why there is none.
 *
 * @example
 * totalReason(model, ctx, 61.3, components).en;
 */
export function totalReason(model: ChainModel, ctx: Context, total: number | null, components: ClusterComponent[]): Reason {
  const region = model.index.regions.ids[ctx.r]!;
  const regionName = model.dataset.regions[ctx.r]!.name;
  const chainName = model.chains[ctx.c]!.name;
  const available = components.filter((c) => c.available);
  const missing = components.filter((c) => !c.available);
  if (total === null)
    return available.length === 0
      ? {
          zh: `数据不足以计算${regionName}${chainName}产业集群得分：六项指标均无法计算。`,
          en: `The data supports none of the six components, so ${chainName} (${ctx.chain}) in ${regionName} (${region}) gets no cluster score.`,
        }
      : {
          zh: '可计算指标的权重之和为 0，无法得出总分。',
          en: 'The weights of the available components sum to 0, so there is no total.',
        };
  return {
    zh: `${regionName}${chainName}产业集群得分 ${round(total, 1)}（满分 100），依据 ${available.length} 项指标（${available.map((c) => c.label.zh).join('、')}）按权重重新归一${missing.length > 0 ? `；${missing.map((c) => c.label.zh).join('、')}因数据不足未计入` : ''}。`,
    en: `${chainName} (${ctx.chain}) in ${regionName} (${region}) scores ${round(total, 1)} of 100 on ${available.length} component(s) (${available.map((c) => c.label.en).join(', ')}), weights renormalised over them${missing.length > 0 ? `; ${missing.map((c) => c.label.en).join(', ')} left out for lack of data` : ''}.`,
  };
}
