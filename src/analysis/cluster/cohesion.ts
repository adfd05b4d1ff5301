/**
 * Network cohesion (网络凝聚度): on the undirected view of the local network, the mean of the
 * largest weakly connected component's share, density against a spanning tree's, and average
 * clustering; Louvain communities and modularity are reported, not scored.
 */
import { averageClustering, transitivity } from '../../graph/algorithms/clustering.js';
import { weaklyConnectedComponentsIn } from '../../graph/algorithms/components.js';
import { density } from '../../graph/algorithms/density.js';
import { louvainCommunitiesIn } from '../../graph/algorithms/louvain.js';
import { simpleGraphIn } from '../../graph/algorithms/simple-graph.js';
import { triangleCountsIn } from '../../graph/algorithms/triangles.js';
import { round } from '../../internal/format.js';
import type { ClusterNetwork, ClusterRaw, ComponentPart } from './types.js';
import { idsOf, pct, unavailable, type Context } from './context.js';

/** The cohesion component and the local network it was measured on. */
export interface CohesionResult {
  component: ComponentPart;
  network: ClusterNetwork;
}

/**
 * The cohesion of the local network (largest component, density against a tree, clustering)
 * and the network the result reports.
 *
 * @example
 * const { component, network } = cohesion(ctx);
 */
export function cohesion(ctx: Context): CohesionResult {
  const n = ctx.nodes.length;
  const { from, to, value: values } = ctx.localLinks;
  let allValued = true;
  let valueSum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) allValued = false;
    else valueSum += v;
  }
  const byValue = allValued && valueSum > 0 && from.length > 0;
  const graph = simpleGraphIn(n, from, to, byValue ? values : undefined, ctx.scratch);
  const firms = idsOf(ctx, ctx.nodes);
  const network: ClusterNetwork = { firms, links: ctx.localLinks.from.length, pairs: graph.size, largestComponent: [], communities: null };
  if (n < 2 || graph.size === 0) {
    const component = unavailable(
      n < 2
        ? {
            zh: `本地只有 ${n} 家该产业链企业，构不成网络。`,
            en: `Only ${n} local firm(s) of the chain: there is no network to measure.`,
          }
        : {
            zh: `${n} 家本地企业之间没有记录供货链接，无法衡量网络凝聚度。`,
            en: `No supply links are recorded among the ${n} local firms, so network cohesion cannot be measured.`,
          },
      { firms: n, pairs: graph.size, links: ctx.localLinks.from.length },
    );
    return { component, network };
  }
  const components = weaklyConnectedComponentsIn(graph, ctx.scratch);
  const largest = components.sizes[components.largest]!;
  const dens = density(graph);
  const treeDensity = Math.min(1, (dens * n) / 2);
  const triangles = triangleCountsIn(graph, ctx.scratch);
  const clustering = averageClustering(graph, triangles);
  // Louvain through graphology costs seconds per 1e5 firms and is reported, not scored
  const communities = n <= ctx.communityLimit ? louvainCommunitiesIn(graph, { seed: ctx.seed }, ctx.scratch) : null;
  const largestShare = largest / n;
  const value = (largestShare + treeDensity + clustering) / 3;
  network.largestComponent = firms.filter((_, i) => components.membership[i] === components.largest);
  if (communities) {
    const groups: string[][] = Array.from({ length: communities.count }, () => []);
    firms.forEach((id, i) => groups[communities.membership[i]!]!.push(id));
    network.communities = groups;
  }
  const isolated = firms.filter((_, i) => graph.offsets[i + 1] === graph.offsets[i]);
  const raw: ClusterRaw = {
    firms: n,
    links: ctx.localLinks.from.length,
    pairs: graph.size,
    density: dens,
    densityVsTree: treeDensity,
    components: components.count,
    largestComponent: largest,
    largestComponentShare: largestShare,
    averageClustering: clustering,
    transitivity: transitivity(graph, triangles),
    modularity: communities ? communities.modularity : null,
    communities: communities ? communities.count : null,
  };
  return {
    network,
    component: {
      available: true,
      value,
      raw,
      basis: byValue ? 'value' : 'count',
      ids: { isolated },
      reason: {
        zh: `${n} 家本地企业、${graph.size} 对供货关系：最大连通部分占 ${pct(largestShare)}，密度 ${round(dens, 3)}（相对生成树 ${pct(treeDensity)}），平均聚类系数 ${round(clustering, 3)}；凝聚度 ${pct(value)}。${communities ? `Louvain 社区 ${communities.count} 个，模块度 ${communities.modularity === null ? '—' : round(communities.modularity, 3)}（仅供参考）` : `企业数超过 ${ctx.communityLimit}，未做 Louvain 社区划分`}。`,
        en: `${n} local firms, ${graph.size} linked pairs: the largest connected part holds ${pct(largestShare)}, density ${round(dens, 3)} (${pct(treeDensity)} of a spanning tree's), average clustering ${round(clustering, 3)}; cohesion ${pct(value)}. ${communities ? `${communities.count} Louvain communities, modularity ${communities.modularity === null ? '—' : round(communities.modularity, 3)} (reported, not scored)` : `No Louvain communities above ${ctx.communityLimit} firms`}.`,
      },
    },
  };
}
