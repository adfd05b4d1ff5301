/**
 * Supply–demand matchmaking (供需对接): which local suppliers could supply which buyers they do
 * not supply yet, ranked by how much the buyer needs the input and how easy the deal is.
 *
 * Method
 * - Candidate pairs come from the segment indices, never from all pairs of firms: for each
 *   buyer, each segment T it operates in, each segment T' that is T or "the same product" as T,
 *   each flow S' → T' of the chains' templates, each segment S that is S' or the same product as
 *   S', each local enterprise operating in S is a candidate supplier. Pairs already linked are
 *   left out (a link of any status counts; with `excludeLinked: 'active'` only active links
 *   do). A pair found through several flows keeps its best-scoring one.
 * - "The same product" across chains: two segments of different chains match when they share
 *   a label after `normalizeName` (NFKC, simplified characters, no spaces) — a segment name,
 *   product name or alias — that at least one of them uses as its name or a product name. So a
 *   copper-materials `cables` maker (电线电缆) is a candidate supplier of a wind-power
 *   `turbine-assembly` maker because wind-power's `cables` segment (电线电缆) feeds
 *   `turbine-assembly`. Two refinements of "same id or shared name/alias", both forced by the
 *   built-in templates: a shared id alone does not match (photovoltaic `cells` are solar cells,
 *   energy-storage `cells` battery cells), nor do two aliases alone (generic short forms such as
 *   电池, 运维, 基础 are aliases of unrelated segments). The relation is not transitive
 *   (A ~ B and B ~ C do not make A ~ C), and within one chain distinct segments never match.
 *   Loose matches remain possible (a name such as 支架 or 轮毂 used by unrelated segments):
 *   each suggestion names the label it rests on (`matchedOn`).
 * - Buyers: local ones by default (the scope region and its sub-regions); `buyers: 'any'` also
 *   considers outside buyers in the dataset (bringing local suppliers into outside firms' supply
 *   chains, as zones broker them). With a chain, a pair is kept when the supplier's or the
 *   buyer's segment belongs to it. Enterprises that are `closed` or only a `prospect` are left
 *   out (option `statuses`).
 * - Components, each in [0, 1]:
 *   - `demand`: the buyer's demand for the input, a × x (the flow's input coefficient times the
 *     buyer's output, 亿元), divided by the largest among the candidates. Where the coefficient is
 *     unknown it is taken as the median known coefficient of the candidates' flows, where the
 *     output is unknown as the median known output of the candidate buyers; where none is known
 *     at all, as 1 — so with no output known, the coefficient alone ranks demand. Each
 *     suggestion says which (`demand.coefficient`, `demand.buyerOutput`).
 *   - `outside`: 1 when the buyer now buys this input (a link of a counted status, default
 *     `active` and `brokered`, tagged with the input segment or from a supplier operating in it)
 *     from a supplier outside the region: a local supplier would substitute a purchase from
 *     elsewhere (本地配套).
 *   - `capacity`: the supplier's output over the largest among the candidates (median of the
 *     known ones where unknown).
 *   - `colocation`: 1 (`site`) when both firms are in the same park (the nearest region of
 *     kind park containing each), or, with no park recorded, at the same region node within a
 *     zone; 0.5 (`zone`) when they share only the nearest zone; else 0.
 * - Score = Σ w_c · component_c / Σ w_c over the available components; default weights demand
 *   0.4, outside 0.2, capacity 0.2, colocation 0.2 (option `weights`). A component is not
 *   available when its data are absent from every candidate (no coefficient and no buyer output,
 *   no supplier output, no buyer sourcing an input from outside, no co-located pair); its weight
 *   is shared out among the others and the result says so. Scales (the largest demand and
 *   capacity) and medians are taken over the candidate buyers' flows and the suppliers of the
 *   segments that feed them. Ties are broken by demand, then dataset order.
 * - Cost: pairs are neither listed nor all scored. Buyers with the same list of segments share
 *   their vias (flow, supplier and buyer segments), and the number of distinct candidate pairs is
 *   counted exactly from the segment sets ("signatures") of the eligible suppliers, less each
 *   buyer's linked suppliers: O(firms + links + lists × vias × signatures). The candidate
 *   suppliers are sorted once by their part of the score, giving each segment's suppliers in
 *   score order (and per site and per zone, for the co-location part). Buyers are then taken by
 *   decreasing upper bound on their pairs' scores (demand, outside sourcing as 1 when the buyer
 *   buys anything from outside, the segment's largest capacity part, the best co-location its
 *   location allows; then a tighter bound from the heads of its site, zone and segment streams),
 *   and only while a bound reaches the `limit`-th best score found so far: a buyer whose bound
 *   is lower has no pair in the result. A buyer scored takes, per via, the best `limit` suppliers
 *   of the streams and those tied with the last. So a call costs O(firms log firms + links +
 *   buyers × vias) plus the scoring of the buyers that can still enter — few for a small
 *   `limit`; with `limit: Infinity` every pair is scored, O(pairs). Kept per model (WeakMap, the
 *   model untouched), as they do not depend on the options: the cross-chain equivalences, each
 *   firm's site, zone and segment list, and the supplier of each in-link in `links.in` order
 *   (4 bytes a link, so that a buyer's suppliers are read in sequence). Everything else a call
 *   uses (per firm, per buyer key, per via, per candidate) is cut from the model's scratch arena
 *   (src/internal/scratch.ts) and never reaches the result, so calls after the first allocate
 *   almost no memory outside the JS heap (no full GCs for external memory).
 *
 * Steps, in the order suggestMatches takes them (one file each): tables.ts (the call's tables),
 * candidates.ts (buyers' vias and the exact count of candidate pairs, over equivalents.ts and
 * model-tables.ts), outside.ts and scales.ts (the components' data and scales), supplier-order.ts
 * (suppliers in score order per segment, site and zone), weights.ts (the components available
 * and their weights), pruning.ts with scoring.ts and top-pairs.ts (the pruned pair search),
 * result.ts (suggestions, ranks and notes); types.ts holds the options and results.
 *
 * Assumptions: a template flow means the buyer's segment uses the supplier segment's product;
 * firm outputs are whole-firm outputs; capacity figures in physical units are not comparable
 * across products and are not used.
 *
 * References: the input–output technical coefficient a_ij (Miller & Blair, Input-Output
 * Analysis, 3rd ed., 2022, ch. 2); local supply rate (本地配套率) as in the project's domain notes.
 */
import type { ChainModel } from '../../graph/model.js';
import { withScratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import { ENTERPRISE_STATUSES, LINK_STATUSES } from '../../model/vocabulary.js';
import { DEFAULT_PRESENT_STATUSES, DEFAULT_SUPPLY_LINK_STATUSES, resolveScope, statusTable } from '../scope/index.js';
import { findCandidates } from './candidates.js';
import { anyOutsideSourcing, OutsideSourcing } from './outside.js';
import { searchPairs } from './pruning.js';
import { matchNotes, suggestionsOf } from './result.js';
import { capacityParts, measureScales } from './scales.js';
import type { Scoring } from './scoring.js';
import { anyColocation, orderSuppliers, supplierStreams } from './supplier-order.js';
import { indicesOf, makeTables } from './tables.js';
import type { MatchOptions, MatchResult } from './types.js';
import { componentInfos, resolveMatchWeights, usedWeights } from './weights.js';

export { MATCH_COMPONENTS } from './types.js';
export type {
  MatchBasis,
  MatchComponent,
  MatchComponentInfo,
  MatchOptions,
  MatchResult,
  MatchSegment,
  MatchSuggestion,
} from './types.js';
export { DEFAULT_MATCH_WEIGHTS } from './weights.js';

/**
 * Suggests supply pairs (local supplier, buyer) that are not linked yet, where the supplier's
 * segment feeds the buyer's in a template flow (across chains where segments are the same
 * product), ranked by demand, outside sourcing, supplier size and co-location (see the file
 * header). Each suggestion carries its numbers and a reason in Chinese and English.
 *
 * @example
 * const r = suggestMatches(model, { region: 'jiuquan', limit: 10 });
 * r.matches[0]; // { supplier: 'jiuding-blade', buyer: 'yunfeng-smart-wind', score: 0.8, reason: { zh, en }, ... }
 */
export function suggestMatches(model: ChainModel, options: MatchOptions = {}): MatchResult {
  const scope = resolveScope(model, options);
  const limit = options.limit ?? 20;
  if (!(limit >= 0)) throw new ChainError('invalid_argument', `limit must be a non-negative number, got ${limit}`, { limit });
  const buyerMode = options.buyers ?? 'local';
  const weights = resolveMatchWeights(options.weights);
  return withScratch(model, (s) => {
    const allowed = statusTable(options.statuses ?? DEFAULT_PRESENT_STATUSES, ENTERPRISE_STATUSES);
    const counted = statusTable(options.linkStatuses ?? DEFAULT_SUPPLY_LINK_STATUSES, LINK_STATUSES);
    const linkedOnly = options.excludeLinked === 'active' ? LINK_STATUSES.indexOf('active') : -1;
    const t = makeTables(s, model, scope.regionIndex, allowed, counted, linkedOnly);
    // pass 1: the buyers' vias and the candidate pairs, counted exactly
    const found = findCandidates(s, model, t, allowed, buyerMode, scope.chainIndex);
    const { candidates, candidateBuyers, keyOf, vias } = found;
    // the numbers components are scaled by: outside sourcing, medians, largest demand and capacity
    const outside = new OutsideSourcing(s, t, model.index.links.to);
    const anyOutside = anyOutsideSourcing(outside, candidateBuyers, keyOf, vias);
    const scales = measureScales(s, model, t, found);

    // streams of each segment's candidate suppliers, and the same per site and per zone; laid out
    // in dataset order (the group sizes tell whether any pair is co-located), put in score order
    // once the weights are known
    const streams = supplierStreams(s, t, scales.supplierCandidate, found.supplierSide, found.eligibleIn);
    const anyColocated = anyColocation(t, candidateBuyers, keyOf, vias, streams.sites, streams.zones);
    const infos = componentInfos(candidates, scales, anyOutside, anyColocated, weights);
    const used = usedWeights(infos);
    const suppliers = indicesOf(s, scales.supplierCandidate);
    const capacityPart = capacityParts(s, t.output, suppliers, scales.defaultCapacity, scales.maxCapacity, used.capacity);
    orderSuppliers(s, t, streams, suppliers, capacityPart);

    // pass 2: the best `limit` pairs, buyers taken by decreasing bound while a bound can still enter
    const { demand, maxDemand } = scales;
    const scoring: Scoring = { used, demand, maxDemand, capacityPart, ...streams, outside, limit };
    const best = searchPairs(s, t, found, scoring);
    return {
      scope: { region: scope.region, chain: scope.chain ?? null },
      buyers: buyerMode,
      candidates,
      components: infos,
      matches: suggestionsOf({ model, t, vias, scales, outside, used, buyerMode }, best),
      notes: matchNotes(infos, candidates),
    };
  });
}
