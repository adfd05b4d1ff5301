/**
 * Supply-chain resilience (产业链供应链韧性): what breaks when supply stops, and which suppliers a
 * leader cannot do without.
 *
 * Disruption cascade (simulateDisruption), in the style of the production-network model of
 * Inoue & Todo (2019)
 * 1. What is removed (./targets.ts): enterprises, every enterprise of a segment, or every
 *    supplier located in a region.
 * 2. The network: supply links of the counted statuses (default `active` and `brokered`).
 *    A buyer's inputs are grouped by product (./input-rows.ts): the link's segment where tagged;
 *    otherwise the first segment of the supplier that feeds one of the buyer's segments by a
 *    flow of its chain, else the supplier's first segment, else a group of the supplier's own.
 *    Inputs of one group substitute for each other; different groups are complements
 *    (Leontief).
 * 3. The cascade (./cascade.ts). Each firm has an output factor φ ∈ [0, 1] (share of its normal
 *    output it can still make). The firms removed keep φ = 1 − shortfall (`shortfall` ∈ [0, 1],
 *    default 1: all their supply is lost). Every other firm with inputs in the network gets
 *      φ_i = min over its input groups g of  Σ_{l ∈ g} w_l φ_{supplier(l)} / Σ_{l ∈ g} w_l,
 *    where w_l is the link's value when every link of the group has a (positive in sum) value,
 *    and 1 otherwise (links of unknown value are counted by count). A firm without recorded
 *    inputs keeps φ = 1 (its inputs are outside the data and assumed unaffected). Propagated
 *    downstream from the shocked firms until stable: a worklist re-evaluates the buyers of every
 *    firm whose φ fell by more than `tolerance` (default 1e-12), in rounds, at most `maxRounds`
 *    (default 10000). The map is monotone and starts from φ = 1, so φ only falls and converges
 *    to the greatest fixed point; cycles in the firm network are allowed.
 * 4. The losses (./losses.ts): (1 − φ_i) × output_i in 亿元 where the output is known;
 *    otherwise only the fraction 1 − φ_i is reported, and the total also as firm-equivalents
 *    Σ (1 − φ_i). A firm active in several segments has its output split equally among them in
 *    the per-segment figures (the data give no split), so segment figures add up to the total.
 *    Firms with φ below 1e-9 are reported as cut off.
 * Assumptions: fixed input proportions, no inventories, no rerouting to new suppliers within
 * the horizon (Inoue & Todo's most severe, static case).
 *
 * Single points of failure (singlePointsOfFailure)
 * 1. The leader's supply subgraph (./subgraph.ts): every firm from which the leader is
 *    reachable along counted links (with a chain, links whose product segment belongs to
 *    another chain are left out).
 * 2. Dominators (../../graph/algorithms/dominators.ts): a supplier d cuts the leader off from
 *    segment S when every supply path from every provider of S in the subgraph to the leader
 *    passes through d: d dominates all of S's providers in the reversed subgraph rooted at the
 *    leader. Dominators by semi-NCA (Georgiadis 2005: Lengauer & Tarjan's semidominators with
 *    simple path compression, then each immediate dominator as a nearest common ancestor) over
 *    compact arrays; the common dominators of S's providers are the dominator-tree ancestors of
 *    their nearest common ancestor, excluding the leader (./single-points.ts). (The dominator
 *    tree is unique: any correct algorithm gives the same result.)
 * 3. Also reported: articulation points of the subgraph taken as undirected
 *    (../../graph/algorithms/articulation-points.ts, Hopcroft–Tarjan; a looser notion: removing
 *    one disconnects the subgraph), and single-source segments (the leader's direct input
 *    segments with one supplier).
 *
 * Summary of a scope (assessResilience, ./summary.ts): the share of single-sourced inputs, the
 * single points of failure of the scope's declared 链主, and the single-firm removal that costs
 * the scope's firms most.
 *
 * Cost
 * - simulateDisruption: the cascade costs, per round, each queued firm's inputs (its row of the
 *   input table, built on first use: no pass over the whole link table) plus the buyers of each
 *   firm whose factor fell; then O(firms) typed passes and output linear in the firms affected.
 *   assessResilience shares one input table and the cascade's buffers across its simulations
 *   (each costs what it touches, plus a pass over the scope's firms).
 * - singlePointsOfFailure: linear in the leader's supply subgraph (firms + links; dominators
 *   O(m log n)), plus O(firms) to clear the numbering; no pass over the whole link table.
 * - Temporary arrays (input table, cascade buffers, the subgraph's rows, dominator and
 *   articulation-point search buffers) come from the model's scratch arena
 *   (../../internal/scratch.ts), so after the first call on a model the analyses allocate almost
 *   no memory outside the JS heap (such allocations trigger V8's full collections on large
 *   models). Tables filled as they go (input table, subgraph edges) grow into new, twice as long
 *   scratch arrays: at most about twice their final size in use per call.
 * - Caches per model (WeakMap, the model itself untouched): the buyer of every out-link
 *   (4 bytes per link, for the cascade's worklist) and the in-link rows used so far by the
 *   subgraph searches and input tables (supplier, status, input group: 9 bytes per link at most).
 *
 * References
 * - Inoue, H. & Todo, Y. (2019). Firm-level propagation of shocks through supply-chain networks.
 *   Nature Sustainability 2, 841–847.
 * - Georgiadis, L. (2005). Linear-time algorithms for dominators and related problems. PhD
 *   thesis, Princeton University (semi-NCA, ch. 2).
 * - Lengauer, T. & Tarjan, R. E. (1979). A fast algorithm for finding dominators in a flowgraph.
 *   ACM TOPLAS 1(1), 121–141.
 * - Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
 *   manipulation. Comm. ACM 16(6), 372–378.
 */
import { articulationPoints } from '../../graph/algorithms/articulation-points.js';
import { dominators } from '../../graph/algorithms/dominators.js';
import type { ChainModel } from '../../graph/model.js';
import { chainIndex, enterpriseIndex } from '../../graph/queries.js';
import { withScratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import { LINK_STATUSES } from '../../model/vocabulary.js';
import { DEFAULT_SUPPLY_LINK_STATUSES, resolveScope, scopeMembers, statusTable } from '../scope/index.js';
import { cascade, cascadeWork } from './cascade.js';
import { inputTable } from './input-rows.js';
import { describeDisruption } from './losses.js';
import {
  criticalSuppliers,
  directInputs,
  dominatorTree,
  pointsOfFailure,
  segmentProviders,
  singlePointNotes,
  singleSourceSegments,
} from './single-points.js';
import { leaderSubgraph } from './subgraph.js';
import { declaredLeaders, inputSourcing, removalCandidates, summaryReason, worstRemoval } from './summary.js';
import { resolveTargets } from './targets.js';
import type { DisruptionOptions, DisruptionResult, ResilienceOptions, ResilienceSummary, SinglePointOptions, SinglePointResult } from './types.js';

export type {
  DisruptionEntry,
  DisruptionOptions,
  DisruptionResult,
  DisruptionTarget,
  LossTotals,
  PointOfFailure,
  ResilienceOptions,
  ResilienceSummary,
  SinglePointOptions,
  SinglePointResult,
} from './types.js';

/**
 * Simulates the loss of supply from some firms (a list, a segment, or all suppliers located in
 * a region) and its downstream cascade (see the file header). Returns the output lost per
 * enterprise, per segment and in total (亿元 where outputs are known, fractions otherwise) and
 * the firms cut off entirely. Never mutates the model.
 *
 * @example
 * const r = simulateDisruption(model, { remove: { enterprises: ['jiuding-blade'] } });
 * r.cutOff;             // firms left with no output
 * r.total.outputLost;   // 亿元 lost over firms with a known output; null when no output is known
 */
export function simulateDisruption(model: ChainModel, options: DisruptionOptions): DisruptionResult {
  const shortfall = options.shortfall ?? 1;
  if (!(shortfall >= 0 && shortfall <= 1))
    throw new ChainError('invalid_argument', `shortfall must be in [0, 1], got ${shortfall}`, { shortfall });
  const tolerance = options.tolerance ?? 1e-12;
  const maxRounds = options.maxRounds ?? 10000;
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const { removed, label } = resolveTargets(model, options.remove, counted);
  return withScratch(model, (s) => {
    const table = inputTable(model, counted, s);
    const work = cascadeWork(model.index.enterprises.ids.length, s);
    const { rounds, converged } = cascade(model, table, removed, shortfall, tolerance, maxRounds, work);
    return describeDisruption(model, work.phi, { removed, shortfall, rounds, converged, label, region: options.region }, s);
  });
}

/**
 * Suppliers whose loss cuts a leader off from a segment: dominators of the leader's supply
 * subgraph, with articulation points and single-source segments (see the file header).
 *
 * Cost: about linear in the subgraph's firms and links (a reverse breadth-first search over the
 * cached in-link rows, counting sorts into compact rows, semi-NCA dominators in O(m log n), an
 * iterative articulation-point search), plus O(firms) to clear the numbering; no pass over
 * the whole link table. Its temporary arrays come from the model's scratch arena (nothing
 * allocated outside the JS heap after the first call). The first search through a firm copies
 * its in-link row into the model's cache (see the file header), so repeated calls on one model
 * (a report's 链主) are cheaper.
 *
 * @example
 * const r = singlePointsOfFailure(model, { leader: 'dayun', chain: 'new-energy-vehicle' });
 * r.pointsOfFailure; // [{ id: 'tongyu-hub', segments: [{ chain, segment: 'wheels-hubs' }], ... }]
 */
export function singlePointsOfFailure(model: ChainModel, options: SinglePointOptions): SinglePointResult {
  const leader = enterpriseIndex(model, options.leader);
  const chainIdx = options.chain === undefined ? -1 : chainIndex(model, options.chain);
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  const ns = model.index.segments.keys.length;
  return withScratch(model, (sc) => {
    const sub = leaderSubgraph(model, leader, chainIdx, counted, sc);
    const { idom, preorder } = dominators(sub.n, sub.succ, sub.pred, sc);
    // articulation points of the subgraph taken as undirected (each node's successors, then its predecessors)
    const cut = articulationPoints(sub.n, sub.succ, sub.pred, sc);
    const tree = dominatorTree(idom, preorder, sub.n, sc);
    const providers = segmentProviders(sub, ns, sc);
    const direct = directInputs(sub, ns, sc);
    const { segmentRows, failures } = criticalSuppliers(model, sub, tree, providers, direct);
    const ids = model.index.enterprises.ids;
    const articulation: string[] = [];
    for (let v = 1; v < sub.n; v++) if (cut[v] === 1) articulation.push(ids[sub.nodes[v]!]!);
    return {
      leader: ids[leader]!,
      chain: chainIdx === -1 ? null : model.index.chains.ids[chainIdx]!,
      subgraph: { suppliers: sub.n - 1, links: sub.m },
      segments: segmentRows,
      pointsOfFailure: pointsOfFailure(model, leader, sub, tree, cut, direct, failures),
      articulationPoints: articulation,
      singleSourceSegments: singleSourceSegments(model, sub, direct),
      notes: singlePointNotes(model, leader, sub, providers.unknownProduct),
    };
  });
}

/**
 * A resilience summary of a scope: how much of its firms' input is single-sourced, the single
 * points of failure of its declared 链主, and the single-firm disruption that hurts it most
 * (cascades as in {@link simulateDisruption}, counted over the scope's firms).
 *
 * @example
 * const s = assessResilience(model, { chain: 'wind-power', region: 'jiuquan' });
 * s.singleSourceShare; // share of input segments with one supplier
 */
export function assessResilience(model: ChainModel, options: ResilienceOptions = {}): ResilienceSummary {
  const scope = resolveScope(model, options);
  const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
  return withScratch(model, (s) => {
    const table = inputTable(model, counted, s);
    const members = scopeMembers(model, scope.regionIndex, scope.chainIndex, options.statuses);
    const ids = model.index.enterprises.ids;
    const sourcing = inputSourcing(model, table, members);
    const leaders: ResilienceSummary['leaders'] = declaredLeaders(model, scope.chain, members).map((e) => {
      const r = singlePointsOfFailure(model, {
        leader: ids[e]!,
        ...(scope.chain === undefined ? {} : { chain: scope.chain }),
        ...(options.linkStatuses ? { linkStatuses: options.linkStatuses } : {}),
      });
      return { id: ids[e]!, pointsOfFailure: r.pointsOfFailure.length, singleSourceSegments: r.singleSourceSegments.length };
    });
    const suppliers = removalCandidates(model, members, counted, options.maxSimulations ?? 200, s);
    const worst = worstRemoval(model, table, members, suppliers, s);
    const share = sourcing.inputSegments > 0 ? sourcing.singleSourceInputs / sourcing.inputSegments : null;
    return {
      scope: { region: scope.region, chain: scope.chain ?? null },
      firms: members.length,
      ...sourcing,
      singleSourceShare: share,
      leaders,
      worstRemoval: worst,
      simulations: suppliers.length,
      reason: summaryReason(model, members.length, sourcing, share, worst),
    };
  });
}
