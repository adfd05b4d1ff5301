/**
 * Centrality of firms in the supply network (供应网络中心性): weighted PageRank and betweenness.
 *
 * Method
 * 1. The scope's members (../scope/statuses.ts): the enterprises of a region and its
 *    sub-regions, in a chain if one is given, with a present status.
 * 2. Their supply network (./network.ts): one edge supplier → buyer per pair of firms with at
 *    least one supply link of a counted status (default `active` and `brokered`); parallel
 *    links are merged and their weights summed. With a chain, links tagged with a segment of
 *    another chain are left out. Weight of a link: its value (亿元) where given. Links of
 *    unknown value get the median of the known values of the network; when no value is known
 *    every link weighs 1 (a count). The result says which (`weighting`).
 * 3. Weighted PageRank along the supply direction (../../graph/algorithms/pagerank.ts): value
 *    flows from supplier to buyer, so a firm fed by many (or large) suppliers ranks high, and so
 *    do the buyers of such firms. Stop rule: the largest absolute change of one iteration below
 *    `tolerance` (default 1e-10); at most `maxIterations` (default 1000); the result says
 *    whether it converged.
 * 4. Betweenness (./betweenness.ts; Brandes 2001, unweighted shortest paths along the supply
 *    direction, not normalised): exact up to `betweennessLimit` nodes (default 2000), above that
 *    estimated from `betweennessSamples` seeded random sources (Brandes & Pich 2007), or skipped
 *    with `betweennessSamples: 0`. The result says which.
 *
 * Cost: the scope's members (one pass over the region's firms; chain roles from a per-model
 * cache) and its network (one pass over the members' out-links) are linear; PageRank is
 * O(iterations × edges) over typed arrays (each edge's share of its node's weight computed
 * once); sampled betweenness is O(samples × edges). {@link supplyCentrality} takes its typed
 * arrays from the model's scratch arena (../../internal/scratch.ts; so do the callers that pass
 * a scratch scope to the `…In` variants), so a call after the first allocates none outside the
 * JS heap; the exported CSR functions without a scope allocate their arrays.
 *
 * References
 * - Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking:
 *   bringing order to the Web. Stanford InfoLab.
 * - Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociology
 *   25(2), 163–177.
 * - Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. Int. J.
 *   Bifurcation and Chaos 17(7), 2303–2318.
 */
import { pagerankCsrIn } from '../../graph/algorithms/pagerank.js';
import type { ChainModel } from '../../graph/model.js';
import { round } from '../../internal/format.js';
import { withScratch } from '../../internal/scratch.js';
import { resolveScope, scopeMembers, type Reason } from '../scope/index.js';
import { betweennessOfIn } from './betweenness.js';
import { scopeNetwork } from './network.js';
import type { CentralityOptions, CentralityResult, ScopeNetwork } from './types.js';

export { betweennessOf, betweennessOfIn } from './betweenness.js';
export { scopeNetwork } from './network.js';
export type {
  BetweennessInfo,
  BetweennessOptions,
  CentralityOptions,
  CentralityResult,
  EnterpriseCentrality,
  ScopeNetwork,
  ScopeNetworkOptions,
} from './types.js';

/** How the links were weighted, in words. */
function weightingText(net: ScopeNetwork): Reason {
  return {
    value: { zh: '按供货额加权', en: 'weighted by link value' },
    'value-imputed': {
      zh: `按供货额加权，未知额按已知中位数 ${round(net.imputedWeight ?? 0)}亿元计`,
      en: `weighted by link value, unknown values at the known median ${round(net.imputedWeight ?? 0)} 亿元`,
    },
    count: { zh: '供货额均未知，按关系数计', en: 'no link value known, links counted' },
  }[net.weighting];
}

/**
 * Weighted PageRank (supply direction) and betweenness of the enterprises of a scope's local
 * supply network (see the header above).
 *
 * @example
 * const c = supplyCentrality(model, { chain: 'wind-power', region: 'jiuquan' });
 * c.enterprises[0]; // { id, pagerank, betweenness, suppliers, buyers }
 */
export function supplyCentrality(model: ChainModel, options: CentralityOptions = {}): CentralityResult {
  const scope = resolveScope(model, options);
  // the network, the ranks and the scores live in the model's scratch arena for this call
  return withScratch(model, (s) => {
    const members = scopeMembers(model, scope.regionIndex, scope.chainIndex, options.statuses, s);
    const net = scopeNetwork(
      model,
      members,
      {
        ...(options.linkStatuses ? { linkStatuses: options.linkStatuses } : {}),
        ...(scope.chainIndex === undefined ? {} : { chainIndex: scope.chainIndex }),
      },
      s,
    );
    const alpha = options.alpha ?? 0.85;
    const tolerance = options.tolerance ?? 1e-10;
    const pr = pagerankCsrIn(net, options, s);
    const bc = betweennessOfIn(net, options, s);
    const ids = model.index.enterprises.ids;
    const order = Array.from({ length: net.order }, (_, i) => i).sort(
      (a, b) => pr.scores[b]! - pr.scores[a]! || net.nodes[a]! - net.nodes[b]!,
    );
    const edges = net.targets.length;
    const weighting = weightingText(net);
    return {
      scope: { region: scope.region, chain: scope.chain ?? null },
      nodes: net.order,
      edges,
      linkCount: net.linkCount,
      weighting: net.weighting,
      imputedWeight: net.imputedWeight,
      pagerank: { alpha, tolerance, iterations: pr.iterations, converged: pr.converged },
      betweenness: bc.info,
      enterprises: order.map((i) => ({
        id: ids[net.nodes[i]!]!,
        pagerank: pr.scores[i]!,
        betweenness: bc.scores ? bc.scores[i]! : null,
        suppliers: net.suppliers[i]!,
        buyers: net.buyers[i]!,
      })),
      reason: {
        zh: `本地供应网络 ${net.order} 家企业、${edges} 条供货关系（${weighting.zh}）；PageRank 迭代 ${pr.iterations} 次${pr.converged ? '收敛' : '未收敛'}。`,
        en: `Local supply network of ${net.order} firms and ${edges} supply relations (${weighting.en}); PageRank ${pr.converged ? 'converged' : 'did not converge'} in ${pr.iterations} iterations.`,
      },
    };
  });
}
