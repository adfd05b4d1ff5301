/**
 * What every analysis shares: the scope it runs on (a chain and a region) and the shape of a
 * finding's reason.
 */
import type { ChainModel } from '../../graph/model.js';
import { chainIndex, regionIndex } from '../../graph/queries.js';
import { ChainError, type Locale } from '../../model/issues.js';
import { listChoices } from '../../model/lookup-messages.js';

/** A reason rendered from a finding's numbers, in Chinese and English. */
export interface Reason {
  zh: string;
  en: string;
}

/** The chain and region an analysis runs on. */
export interface ScopeOptions {
  /** Chain id, name or alias (`wind-power`, `风电装备制造产业链`, `风电`). */
  chain?: string;
  /**
   * Region id, name or alias (`jiuquan`, `酒泉市`, `酒泉`); the analysis covers it and all its
   * sub-regions. Default: `meta.region`.
   */
  region?: string;
  /** Locale of the messages of the errors thrown for a bad scope. Default `'zh-CN'`. */
  locale?: Locale;
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
 * single root region; a chain is required when `requireChain` is set. Chains and regions may be
 * given by id, name or alias; the resolved scope holds their ids. Unknown or ambiguous ones
 * throw a {@link ChainError} listing the valid ones (or the candidates), in `options.locale`.
 *
 * @example
 * resolveScope(model, { chain: '风电' }); // → { region: 'jiuquan', regionIndex: 2, chain: 'wind', chainIndex: 0 }
 */
export function resolveScope(model: ChainModel, options: ScopeOptions, requireChain = false): ResolvedScope {
  const locale = options.locale ?? 'zh-CN';
  const { regions, chains } = model.index;
  let region = options.region ?? model.dataset.meta.region;
  if (region === undefined) {
    const roots = model.dataset.regions.filter((_, r) => regions.parent[r] === -1);
    if (roots.length !== 1) {
      const choices = roots.map((r) => ({ id: r.id, name: r.name }));
      const messages = {
        'zh-CN': `未给出地区，数据集也没有 meta.region；顶层地区：${listChoices(choices, 'zh-CN')}`,
        en: `no region given and the dataset has no meta.region; the top-level regions: ${listChoices(choices, 'en')}`,
      };
      throw new ChainError('invalid_argument', messages, { valid: regions.ids }, locale);
    }
    region = roots[0]!.id;
  }
  const r = regionIndex(model, region, locale);
  const scope: ResolvedScope = { region: regions.ids[r]!, regionIndex: r };
  if (options.chain !== undefined) {
    const c = chainIndex(model, options.chain, locale);
    scope.chain = chains.ids[c]!;
    scope.chainIndex = c;
  } else if (requireChain) {
    const choices = model.chains.map((c) => ({ id: c.id, name: c.name }));
    const messages = {
      'zh-CN': `需要指定产业链；数据集中的产业链：${choices.length === 0 ? '（无）' : listChoices(choices, 'zh-CN')}`,
      en: `a chain is required; the dataset's chains: ${choices.length === 0 ? '(none)' : listChoices(choices, 'en')}`,
    };
    throw new ChainError('invalid_argument', messages, { valid: chains.ids }, locale);
  }
  return scope;
}
