/**
 * What every analysis shares: the scope it runs on (a chain and a region) and the shape of a
 * finding's reason.
 */
import type { ChainModel } from '../../graph/model.js';
import { chainIndex, regionIndex } from '../../graph/queries.js';
import { ChainError } from '../../model/issues.js';

/** A reason rendered from a finding's numbers, in Chinese and English. */
export interface Reason {
  zh: string;
  en: string;
}

/** The chain and region an analysis runs on. */
export interface ScopeOptions {
  /** Chain id. */
  chain?: string;
  /** Region id; the analysis covers it and all its sub-regions. Default: `meta.region`. */
  region?: string;
}

/** A resolved scope: ids and their indices in the model. */
export interface ResolvedScope {
  region: string;
  regionIndex: number;
  chain?: string;
  chainIndex?: number;
}

/**
 * Resolves an analysis scope. The region defaults to the dataset's `meta.region`, then to the
 * single root region; a chain is required when `requireChain` is set. Unknown ids throw a
 * {@link ChainError} listing the valid ones.
 *
 * @example
 * resolveScope(model, { chain: 'wind' }); // → { region: 'jiuquan', regionIndex: 2, chain: 'wind', chainIndex: 0 }
 */
export function resolveScope(model: ChainModel, options: ScopeOptions, requireChain = false): ResolvedScope {
  let region = options.region ?? model.dataset.meta.region;
  if (region === undefined) {
    const roots = model.index.regions.ids.filter((_, r) => model.index.regions.parent[r] === -1);
    if (roots.length !== 1)
      throw new ChainError('invalid_argument', 'no region given and the dataset has no meta.region', {
        valid: model.index.regions.ids,
      });
    region = roots[0]!;
  }
  const scope: ResolvedScope = { region, regionIndex: regionIndex(model, region) };
  if (options.chain !== undefined) {
    scope.chain = options.chain;
    scope.chainIndex = chainIndex(model, options.chain);
  } else if (requireChain) {
    throw new ChainError('invalid_argument', 'a chain is required', { valid: model.index.chains.ids });
  }
  return scope;
}
