/**
 * Cluster score (产业集群): one transparent score of how clustered a chain is at a place, made of
 * six components, each normalised to [0, 1], with its raw numbers and formula.
 *
 * Scope: the local firms of the chain are the enterprises located in the region or its
 * sub-regions, with a counted status (default `operating`: the cluster as it stands), that are
 * members of the chain: an activity in one of its segments, or a `chainRoles` entry for it. A supply link counts when its status is counted
 * (default `active` and `brokered`) and its segment is in the chain or not given. The local
 * supply network has the local firms as nodes and the counted links among them as edges.
 *
 * Components
 * - completeness (链条完整度): Σ_{s present} w_s / Σ_s w_s over the chain's segments; a segment
 *   is present when a local firm operates in it. w_s is the segment's `valueShare` when any
 *   segment of the chain has one (segments without one are outside that basis and left out);
 *   otherwise every segment weighs 1. Unavailable when no local firm of the chain is recorded:
 *   an empty dataset does not show an empty chain.
 * - localSupply (本地配套率): inputs of local firms bought from suppliers located in the region
 *   ÷ all their inputs, over counted links into local firms: by link value when every such link
 *   has a value, else by number of links (the share by the known values is reported too).
 * - leaderAnchoring (链主带动): the mean of (a) the share of local links with a 链主 at either end
 *   and (b) the share of local output (firms of known output) produced by the 链主 and their
 *   direct local suppliers and buyers; each part only when its data exists. Unavailable when no
 *   local firm is a 链主 of the chain (role in `chainRoles` for the chain, else `role`).
 * - cohesion (网络凝聚度): on the undirected view of the local network, the mean of the share
 *   of firms in the largest weakly connected component, density normalised by the density of
 *   a spanning tree (min(1, density × n / 2) = min(1, pairs / (n − 1))), and the average
 *   clustering coefficient. Density alone falls with network size, hence the tree yardstick.
 *   Louvain modularity (seeded; weights: link values when all are known, else link counts) is
 *   reported but not scored: community structure is neither good nor bad for a cluster. It is
 *   skipped above `communityLimit` firms (default 50 000), where graphology's Louvain takes
 *   seconds; every other step is linear (triangles O(m^1.5)): the local network is gathered in
 *   one sequential pass over the supply links, and the sums over regions are sequential scans
 *   of the enterprises in region order. The working arrays (per firm, per link of the local
 *   network) come from the model's scratch arena (`internal/scratch.ts`), so repeated scores
 *   allocate no typed-array memory after the first.
 * - specialisation (专业化): LQ / (1 + LQ) (LQ = 1 → 0.5), LQ = (e_ir / e_r) / (e_i / e) of the
 *   chain's output — employees when output does not allow it — over firms with a counted status
 *   and a known amount (e_r: all such firms of the region, any chain). The reference region is
 *   the nearest ancestor whose firms include activity outside the region and outside the chain
 *   (or `reference`). The US Cluster Mapping "strong cluster" test (LQ ≥ 1 and in the top
 *   quartile — fewer than a quarter of the regions rank higher — of the region and its sibling
 *   regions with activity, same reference) is reported when at least four regions compare.
 * - concentration (企业分布均衡度): 1 − HHI of output across local firms of known output
 *   (at least two): a cluster with a broad supply base scores higher than one dominated by a
 *   single firm. Ellison–Glaeser γ of the chain across the areas (child regions) of the
 *   reference region is reported, not scored.
 *
 * Total: 100 × Σ w_c v_c / Σ w_c over the available components. A component the data cannot
 * support is `available: false` with the reason, and never counts as zero.
 *
 * Steps (one file each): context.ts gathers the scope, the chain's local firms and, through
 * local-network.ts, their links; completeness.ts, local-supply.ts, leader-anchoring.ts,
 * cohesion.ts, specialisation.ts and concentration.ts measure the components (region-sums.ts and
 * statistics.ts hold the sums and indices they rest on; the graph kernels are in
 * src/graph/algorithms); total.ts weighs them; notes.ts states bases and assumptions.
 *
 * Assumptions: recorded links are a sample — datasets tend to record local, brokered links more
 * than distant ones, which biases the local supply rate upwards; unknown outputs, employees and
 * link values are left out, never taken as zero, and coverage is reported.
 *
 * References
 * - Porter, M. E. (1998). Clusters and the new economics of competition. Harvard Business
 *   Review 76(6), 77–90.
 * - Delgado, M., Porter, M. E. & Stern, S. (2016). Defining clusters of related industries.
 *   J. Economic Geography 16(1), 1–38 (US Cluster Mapping; strong clusters).
 * - Ellison, G. & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
 *   industries: a dartboard approach. J. Political Economy 105(5), 889–927.
 * - Newman, M. E. J. (2010). Networks: An Introduction. Oxford University Press (density,
 *   components, clustering, modularity); Blondel et al. (2008) for Louvain.
 */
import type { ChainModel } from '../../graph/model.js';
import { regionIndex } from '../../graph/queries.js';
import { round } from '../../internal/format.js';
import { withScratch, type Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import type { Reason } from '../scope/index.js';
import { cohesion } from './cohesion.js';
import { completeness } from './completeness.js';
import { concentration } from './concentration.js';
import { buildContext } from './context.js';
import { LABELS } from './defaults.js';
import { leaderAnchoring } from './leader-anchoring.js';
import { localSupply } from './local-supply.js';
import { assumptions, basisNotes, countNotes } from './notes.js';
import { specialisation } from './specialisation.js';
import { describeComponents, resolveWeights, totalReason, weightedTotal } from './total.js';
import {
  CLUSTER_COMPONENTS,
  type ClusterComparison,
  type ClusterComponentId,
  type ClusterOptions,
  type ClusterScore,
  type CompareClustersOptions,
  type ComponentPart,
} from './types.js';

export {
  DEFAULT_CLUSTER_LINK_STATUSES,
  DEFAULT_CLUSTER_STATUSES,
  DEFAULT_CLUSTER_WEIGHTS,
  DEFAULT_COMMUNITY_LIMIT,
  DEFAULT_LEADER_ROLES,
} from './defaults.js';
export { CLUSTER_COMPONENTS } from './types.js';
export type {
  ClusterComparison,
  ClusterComponent,
  ClusterComponentComparison,
  ClusterComponentId,
  ClusterNetwork,
  ClusterOptions,
  ClusterRanking,
  ClusterRaw,
  ClusterScore,
  CompareClustersOptions,
} from './types.js';

/**
 * Scores how clustered a chain is in a region: six components (completeness, local supply
 * rate, leader anchoring, network cohesion, specialisation, concentration), each normalised to
 * [0, 1] with its raw numbers, formula and reason, and a total in [0, 100] re-weighted over the
 * components the data supports. See the file header for the method.
 *
 * @example
 * const score = scoreCluster(model, { chain: 'wind', region: 'jiuquan-etdz' });
 * score.total;                       // e.g. 61.3
 * score.components.find((c) => c.id === 'localSupply'); // { value: 0.42, basis: 'count', ... }
 */
export function scoreCluster(model: ChainModel, options: ClusterOptions): ClusterScore {
  const weights = resolveWeights(options?.weights);
  return withScratch(model, (scratch) => score(model, options, weights, scratch));
}

/** {@link scoreCluster} inside its scratch scope: nothing returned refers to a scratch array. */
function score(model: ChainModel, options: ClusterOptions, weights: Record<ClusterComponentId, number>, scratch: Scratch): ClusterScore {
  const ctx = buildContext(model, options, scratch);
  const spec = specialisation(ctx);
  const cohesive = cohesion(ctx);
  const parts: Record<ClusterComponentId, ComponentPart> = {
    completeness: completeness(ctx),
    localSupply: localSupply(ctx),
    leaderAnchoring: leaderAnchoring(ctx),
    cohesion: cohesive.component,
    specialisation: spec.component,
    concentration: concentration(ctx, spec),
  };
  const { total, weightsUsed } = weightedTotal(parts, weights);
  const components = describeComponents(parts, weights, weightsUsed);
  return {
    chain: ctx.chain,
    region: model.index.regions.ids[ctx.r]!,
    total,
    components,
    weightsUsed,
    network: cohesive.network,
    settings: {
      statuses: ctx.statuses,
      linkStatuses: ctx.linkStatuses,
      leaderRoles: ctx.leaderRoles,
      seed: ctx.seed,
      weights,
      reference: spec.reference >= 0 ? model.index.regions.ids[spec.reference]! : null,
      communityLimit: ctx.communityLimit,
    },
    notes: [...basisNotes(components), ...countNotes(ctx)],
    assumptions: assumptions(ctx),
    reason: totalReason(model, ctx, total, components),
  };
}

/** Competition ranks (1, 2, 2, 4) of values, highest first; null values get no rank. */
function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

/**
 * Compares several places on the same chain: each is scored with {@link scoreCluster} (same
 * options), ranked by total, and every component is ranked across the places where it is
 * available. Note that totals of places with different available components are re-weighted
 * over different components; the component table shows where they differ.
 *
 * @example
 * const cmp = compareClusters(model, { chain: 'wind', regions: ['jiuquan-etdz', 'yumen'] });
 * cmp.ranking; // [{ region: 'jiuquan-etdz', rank: 1, total: 61.3 }, ...]
 */
export function compareClusters(model: ChainModel, options: CompareClustersOptions): ClusterComparison {
  const regions = options?.regions;
  if (!Array.isArray(regions) || regions.length === 0)
    throw new ChainError('invalid_argument', 'compareClusters needs at least one region', { valid: model.index.regions.ids });
  const seen = new Set<string>();
  for (const id of regions) {
    if (seen.has(id)) throw new ChainError('invalid_argument', `region "${id}" is listed twice`, { id });
    seen.add(id);
    regionIndex(model, id);
  }
  const { regions: _omit, ...shared } = options;
  const scores = regions.map((region) => scoreCluster(model, { ...shared, region }));
  const totalRanks = ranks(scores.map((s) => s.total));
  const order = scores
    .map((s, i) => ({ s, i, rank: totalRanks[i]! }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.i - b.i);
  const sorted = order.map((o) => o.s);
  const components = CLUSTER_COMPONENTS.map((id) => {
    const values = sorted.map((s) => s.components.find((c) => c.id === id)!.value);
    const r = ranks(values);
    return {
      id,
      label: LABELS[id],
      values: sorted.map((s, i) => ({ region: s.region, value: values[i]!, rank: r[i]! })),
    };
  });
  const ranking = order.map((o) => ({ region: o.s.region, rank: o.rank, total: o.s.total }));
  const first = ranking[0]!;
  // the chain as resolved by scoreCluster: an id even when the option gave a name or alias
  const chain = sorted[0]!.chain;
  const chainName = model.chains.find((c) => c.id === chain)!.name;
  const reason: Reason =
    first.total === null
      ? { zh: '所比较的地区都没有集群得分。', en: 'None of the compared places has a cluster score.' }
      : {
          zh: `${chainName}产业集群比较：${ranking.map((x) => `${x.region} ${x.total === null ? '—' : round(x.total, 1)}`).join('，')}。`,
          en: `${chainName} (${chain}) cluster scores: ${ranking.map((x) => `${x.region} ${x.total === null ? '—' : round(x.total, 1)}`).join(', ')}.`,
        };
  return { chain, ranking, components, scores: sorted, reason };
}
