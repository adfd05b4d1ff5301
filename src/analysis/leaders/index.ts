/**
 * Who anchors a chain (链主识别): enterprises ranked by a composite of size, local linkage and
 * position in the supply network, and whether the declared 链主 earn the name.
 *
 * Method
 * 1. Candidates (../scope/statuses.ts): the enterprises located in the region or its
 *    sub-regions (default `meta.region`), operating in the chain (or holding a role in it) when
 *    one is given, with a status other than `closed` or `prospect` (option `statuses`).
 * 2. Their local supply network (../centrality/network.ts), over links of the counted
 *    statuses (default `active` and `brokered`) among the candidates.
 * 3. Components (./components.ts, ./potential.ts), each scaled to [0, 1] by dividing by its
 *    largest value among the candidates:
 *    - `output`: the firm's output (产值, 亿元) as a share of the candidates' known output. A firm
 *      active in several chains is counted with its whole output (no split is published).
 *    - `partners`: distinct local suppliers plus distinct local buyers.
 *    - `linkValue`: known value (亿元) of those links, in and out.
 *    - `pagerank`: weighted PageRank of the local supply network along the supply direction
 *      (supplier → buyer: value flows to the buyer, so a firm fed by many local suppliers, or by
 *      suppliers that are themselves well fed, ranks high); see ../centrality/index.ts.
 *    - `betweenness`: Brandes betweenness of the same network (how often a firm lies on the
 *      supply paths between two others); exact or sampled, see ../centrality/betweenness.ts.
 *    - `potential`: local candidates in the segments adjacent to the firm's by the chain's
 *      template flows (its potential local suppliers and buyers), summed over the distinct
 *      adjacent segments. Structural: it uses no recorded link, so it still speaks where links
 *      are not recorded.
 * 4. Composite (./score.ts) = Σ w_c · score_c / Σ w_c over the components that are available;
 *    default weights output 0.3, partners 0.2, linkValue 0.1, pagerank 0.2, betweenness 0.1,
 *    potential 0.1 (option `weights`). A component is unavailable for the whole scope when its
 *    data are absent (no output known, no local link, no link value, betweenness skipped, no
 *    candidate with a template neighbour); its weight is then shared out among the others in
 *    proportion, and the result says so. A firm whose own output (or whose links' values) is
 *    unknown is scored on its other components, re-weighted the same way, and lists what was
 *    missing.
 * 5. Evidence (./evidence.ts): a firm is `measured` when a component in use rests on a record
 *    about it (known output; at least one recorded local link), else `insufficient_data` — its
 *    zeros mean "nothing recorded". The structural `potential` never makes a firm measured.
 * 6. Rank (./ties.ts): by composite, highest first; equal composites are resolved, in turn, by
 *    declared 链主 first, measured before unmeasured, larger output, more local partners, more
 *    potential partners, dataset order; each tied firm says which tie-break placed it (`tie`).
 * 7. Flags (./flags.ts), only where the data contradict a declaration: `declared_leader_low`
 *    when a declared 链主 (roleIn the chain; without a chain, an overall or per-chain role
 *    `leader`) that the data measure ranks below `top` (default 3), or scores 0 while another
 *    firm scores more; `undeclared_high` when a measured firm not declared 链主 ranks within the
 *    top `top` and above every declared 链主 of the scope (or first where none is declared). A
 *    declared 链主 with `insufficient_data` is listed in `unverified` and a note ("数据不足以验证")
 *    and shown as declared, never flagged.
 *
 * Assumptions: the dataset records the relevant local links (missing links lower a firm's
 * partners, link value and centrality); a composite is a screening device, not a measure.
 *
 * Cost: linear in the scope's firms and their links over typed arrays, plus PageRank and the
 * (sampled) betweenness of ../centrality; one entry per ranked firm (the result), with the
 * reason text built only for the flagged firms. The typed arrays (members, network, ranks,
 * component values) are taken from the model's scratch arena (../../internal/scratch.ts), so a
 * call after the first allocates none outside the JS heap.
 *
 * References: Page et al. (1999) PageRank; Brandes (2001) betweenness; on chain leaders and
 * anchor firms in production networks: Gereffi, Humphrey & Sturgeon (2005), The governance of
 * global value chains, Rev. Int. Political Economy 12(1), 78–104.
 */
import { pagerankCsrIn } from '../../graph/algorithms/pagerank.js';
import type { ChainModel } from '../../graph/model.js';
import { withScratch, type Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import { betweennessOfIn, scopeNetwork } from '../centrality/index.js';
import { resolveScope, scopeMembers, type ResolvedScope } from '../scope/index.js';
import { componentInfos, componentValues, DEFAULT_LEADER_WEIGHTS, LEADER_COMPONENTS, noLinksReason, outputsOf, type ComponentEvidence } from './components.js';
import { leaderFlags, rankingNotes, unverifiedNote } from './flags.js';
import { potentialPartners } from './potential.js';
import { scoreFirms } from './score.js';
import { rankByComposite } from './ties.js';
import type { LeaderComponent, LeaderOptions, LeaderRanking } from './types.js';

export { DEFAULT_LEADER_WEIGHTS, LEADER_COMPONENTS } from './components.js';
export type { LeaderComponent, LeaderComponentInfo, LeaderEntry, LeaderFlag, LeaderOptions, LeaderRanking, LeaderTie, LeaderTieBreak } from './types.js';

/**
 * Ranks the enterprises of a scope as chain leaders by a documented composite (see the file
 * header), with each component's value, flags on declared 链主 that rank low and undeclared firms
 * that rank high, and notes on what could not be computed.
 *
 * @example
 * const r = rankLeaders(model, { chain: 'new-energy-vehicle', region: 'yuncheng-etdz' });
 * r.ranking[0];  // { rank: 1, id: 'dayun', composite: 1, values: {...}, ... }
 * r.flags;       // [{ code: 'declared_leader_low', enterprise: ..., reason: { zh, en } }]
 */
export function rankLeaders(model: ChainModel, options: LeaderOptions = {}): LeaderRanking {
  const scope = resolveScope(model, options);
  const top = options.top ?? 3;
  const weights: Record<LeaderComponent, number> = { ...DEFAULT_LEADER_WEIGHTS, ...options.weights };
  for (const [name, w] of Object.entries(weights))
    if (!(LEADER_COMPONENTS as readonly string[]).includes(name) || !(Number.isFinite(w) && w >= 0))
      throw new ChainError('invalid_argument', `invalid weight ${String(w)} for "${name}"`, { name, weight: w, valid: LEADER_COMPONENTS });
  if (!(top >= 1)) throw new ChainError('invalid_argument', `top must be at least 1, got ${top}`, { top });
  // every per-firm array of the call (network, ranks, scores) lives in the model's scratch arena
  return withScratch(model, (s) => rank(model, options, scope, top, weights, s));
}


/** The body of {@link rankLeaders}, its per-firm arrays taken from the scratch scope `s`: the method's steps in order. */
function rank(
  model: ChainModel,
  options: LeaderOptions,
  scope: ResolvedScope,
  top: number,
  weights: Record<LeaderComponent, number>,
  s: Scratch,
): LeaderRanking {
  const members = scopeMembers(model, scope.regionIndex, scope.chainIndex, options.statuses, s);
  const n = members.length;
  const net = scopeNetwork(
    model,
    members,
    {
      ...(options.linkStatuses ? { linkStatuses: options.linkStatuses } : {}),
      ...(scope.chainIndex === undefined ? {} : { chainIndex: scope.chainIndex }),
    },
    s,
  );
  const edges = net.targets.length;
  const pr = pagerankCsrIn(net, options, s);
  const bc = edges > 0 ? betweennessOfIn(net, options, s) : null;
  const { potential, segmentCount } = potentialPartners(model, members, scope.chainIndex, s);
  const outputs = outputsOf(model, members, s);
  const evidence: ComponentEvidence = { n, edges, net, bc, outputs, potential };
  const raw = componentValues(outputs, net, pr, bc, potential, s);
  const { infos, ranked } = componentInfos(evidence, weights);
  const { entries, keys } = scoreFirms(model, scope.chain, members, infos, ranked, raw, evidence, segmentCount, s);
  const ranking = rankByComposite(entries, keys, ranked);
  const unverified = unverifiedNote(ranking);
  return {
    scope: { region: scope.region, chain: scope.chain ?? null },
    ranked,
    components: infos,
    ranking,
    flags: leaderFlags(ranking, ranked, { chain: scope.chain, top, n, infos }),
    network: {
      nodes: net.order,
      edges,
      linkCount: net.linkCount,
      weighting: net.weighting,
      pagerank: { iterations: pr.iterations, converged: pr.converged },
      betweenness: bc ? bc.info : { method: 'skipped', samples: null, limit: options.betweennessLimit ?? 2000, reason: noLinksReason(n) },
    },
    unverified: ranking.filter((x) => x.declaredLeader && x.evidence === 'insufficient_data').map((x) => x.id),
    notes: [...rankingNotes(infos, ranked), ...(unverified ? [unverified] : [])],
  };
}
