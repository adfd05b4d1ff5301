/**
 * The total: 100 × Σ w_c v_c / Σ w_c over the available components, the weights validated and
 * merged over the defaults; a component the data cannot support never counts as zero.
 */
import { ChainError } from '../../model/issues.js';
import { DEFAULT_CLUSTER_WEIGHTS } from './defaults.js';
import { CLUSTER_COMPONENTS, type ClusterComponentId, type ClusterOptions } from './types.js';

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
