/**
 * Gap finding (补链 / 强链 / 延链): where the chain, as it exists in a region and its
 * sub-regions, is broken, thin or dependent on outside supply, ranked by a documented severity.
 *
 * Method, in the order of {@link findGaps}'s steps (each in a file of its own):
 * 1. Settings (./settings.ts): options with their defaults, checked.
 * 2. Local presence (./presence.ts): a segment is present when a local enterprise with a counted
 *    status (default 在产 operating, 在建 under construction) operates in it; a segment's local
 *    output is the sum over its local present firms, known only when every one is.
 * 3. Criticality (./criticality.ts): the segment's transitive downstream reach in the flow DAG,
 *    weighted by valueShare when every segment has one, else by count of segments.
 * 4. Feasibility (./feasibility.ts): relatedness density ω (Hidalgo et al. 2007; see
 *    ../relatedness.ts) of the segment for the region among its peer regions, when at least
 *    `minRegions` (default 3) peers have activity in the chain; otherwise a neutral 0.5.
 * 5. Supply links (./supply-links.ts): links count when their status is active or brokered
 *    (撮合). A link's product segment is its `segment` when given, else inferred: the single
 *    segment of the supplier in the chain that flows into a segment of the buyer; links that
 *    cannot be placed are counted and reported.
 * 6. Gaps being filled (./filling.ts): projects under way (default 签约 signed, 在建 under
 *    construction, 投产 in production) and local 签约 firms in the segment; planned projects (规划)
 *    are listed apart and do not change the severity.
 * 7. Findings, one rule per question a planner asks, each with its reference in its file:
 *    `missing_segment` (缺链, ./missing.ts) no local presence; `thin_segment` (短板, 强链,
 *    ./thin.ts) weak relative to something stated — a sole local supplier that local buyers
 *    downstream depend on (never an `assembly` / `operation` segment nor a 链主's own segment for
 *    having one firm), or local supply concentrated, HHI = Σ s_i² above 0.25 (the "highly
 *    concentrated" band of the US DOJ/FTC Horizontal Merger Guidelines, 2010, §5.3), and short of
 *    local demand (a capacity shortfall) — never for an HHI alone; `external_dependency` (补链 by
 *    substitution, ./external.ts) local buyers sourcing the segment's product from outside;
 *    `capacity_shortfall` (./capacity.ts) local demand derived from input coefficients,
 *    D_s = Σ_t a_st · x_t, exceeds local output x_s (Miller & Blair, Input-Output Analysis, ch. 2);
 *    `extension_opportunity` (延链, ./extension.ts) a missing segment directly upstream
 *    (backward) or downstream (forward) of a present one.
 * 8. Severity (./severity.ts) in [0, 1]:
 *      [(1 − w_s)·(w_v·value + w_c·criticality + w_f·feasibility) + w_s·segmentValue]
 *        × policyFactor × (1 − fillingReduction)
 *    with w_v, w_c, w_f normalised (default 0.5 / 0.3 / 0.2); w_s = 0.2 when every segment has a
 *    valueShare (segmentValue = valueShare / the chain's largest, the template's value added per
 *    unit of final demand, Miller & Blair 2009, ch. 2), else 0; policyFactor 0.5 for a segment
 *    flagged `capacity_replacement` (工业和信息化部 产能置换实施办法, 2021) or `restricted`
 *    (《产业结构调整指导目录》限制类), 1 otherwise, its reason naming the policy and source;
 *    fillingReduction 0.5 while the gap is being filled. value = share × extent: share is the
 *    weight of the local firms that depend on the gap (链主 weighted by leaderWeight, default 3;
 *    times output when all outputs are known) among the chain's local firms and them — the local
 *    demand the segment serves; extent is how open the gap is: 1 for missing segments and
 *    extensions, the HHI for thin segments, the external share of local buyers' sourcing for
 *    external dependencies, shortfall / demand for capacity shortfalls. criticality and
 *    feasibility (relatedness where peers exist) as in steps 3 and 4.
 * 9. One row per segment (./merge.ts): the findings of a segment merge into one whose `code` is
 *    the first kind found, `aspects` every rule that fired (`missing`, `thin`,
 *    `external_dependency`, `capacity_shortfall`, `backward_extension`, `forward_extension`),
 *    severity the largest of theirs, and `also` the other findings whole; no segment appears
 *    twice in a gap list.
 * 10. Limitations (./limitations.ts and the rules): what cannot be computed is listed, never estimated.
 * 11. Ranking (./result.ts): rows on segments without a capacity-control or restriction flag
 *    first, then the flagged ones; each group by severity (rounded to 4 decimals) descending,
 *    then segment order in the chain.
 *
 * Assumptions: the chain template lists the segments a complete local chain would have;
 * firms' activities are as recorded; numbers (outputs, link values, coefficients) are used only
 * where given — what cannot be computed is listed in `limitations`, never estimated.
 *
 * Cost: linear. One sequential pass over the supply links (a link's product segment is inferred
 * only for links that can matter), one over the enterprises (the relatedness counts, by region)
 * and the chain's segment → enterprise rows, with typed arrays over the enterprises and the
 * (firm, segment) activities taken from the model's scratch arena (../../internal/scratch.ts), so
 * that calls after the first allocate no typed-array memory; no pairs of firms or regions beyond
 * the peers' matrix. Sums of link values are taken in the order of a walk over the buyers of the
 * region (a stable counting sort), so they do not depend on how the links are scanned.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx } from '../../graph/queries.js';
import { withScratch, type Scratch } from '../../internal/scratch.js';
import { resolveScope } from '../scope/index.js';
import { capacityShortfall } from './capacity.js';
import { chainNames, segmentLabel, type GapContext } from './context.js';
import { downstreamCriticality, segmentFlows } from './criticality.js';
import { backwardExtension, forwardExtension } from './extension.js';
import { externalDependency } from './external.js';
import { relatednessFeasibility } from './feasibility.js';
import { gapFilling } from './filling.js';
import { feasibilityLimitation, unresolvedLinksLimitation } from './limitations.js';
import { mergeSegment } from './merge.js';
import { missingSegment } from './missing.js';
import { segmentPresence } from './presence.js';
import { gapsResult, rankFindings } from './result.js';
import { gapSettings } from './settings.js';
import { severityScale } from './severity.js';
import { scanSupplyLinks } from './supply-links.js';
import { thinSegment } from './thin.js';
import type { GapFinding, GapOptions, GapsResult } from './types.js';

export { GAP_CODES } from './types.js';
export type {
  CapacityShortfallFinding,
  ExtensionOpportunityFinding,
  ExternalDependencyFinding,
  FillingEntry,
  GapAspect,
  GapCode,
  GapFinding,
  GapLimitation,
  GapOptions,
  GapsResult,
  HhiBasis,
  MissingSegmentFinding,
  SegmentState,
  SeverityBreakdown,
  SeverityComponent,
  SeverityWeights,
  ThinSegmentFinding,
} from './types.js';
export { normaliseWeights } from './settings.js';
// the product segment of a link is shared with the renderers; the barrel exports it with the gaps
export { linkProductSegment } from '../scope/index.js';
export type { LinkSegmentBasis } from '../scope/index.js';

/**
 * Finds the gaps of a chain in a region (and its sub-regions): missing and thin segments,
 * external dependencies, capacity shortfalls and extension opportunities, each with a severity
 * in [0, 1], the numbers behind it and a reason in Chinese and English. Unknown chain or region
 * ids throw a ChainError listing the valid ones.
 *
 * @example
 * const { findings, limitations } = findGaps(model, { chain: 'wind-power', region: 'jiuquan' });
 * findings[0];
 * // → { code: 'missing_segment', segment: 'wind-farm', aspects: ['missing', 'forward_extension'], severity: 0.5148,
 * //     reason: { zh: '【缺链、向下游延链】本地缺少「风电场开发建设」环节：…严重度0.5148。', en: … }, also: [{ code: 'extension_opportunity', … }], … }
 * findings.at(-1)?.segment; // 'steel': under capacity replacement, ranked last, its reason naming the policy
 * limitations.map((l) => l.code); // ['capacity_unknown', …, 'feasibility_neutral']
 */
export function findGaps(model: ChainModel, options: GapOptions): GapsResult {
  return withScratch(model, (scratch) => gapsWith(scratch, model, options));
}

/** {@link findGaps} with its temporary arrays taken from `scratch` (valid for the call only): the steps in order. */
function gapsWith(scratch: Scratch, model: ChainModel, options: GapOptions): GapsResult {
  const scope = resolveScope(model, options, true);
  const settings = gapSettings(options);
  const c = scope.chainIndex!;
  const s0 = model.index.segments.chainStart[c]!;
  const s1 = model.index.segments.chainStart[c + 1]!;
  const names = chainNames(scratch, model, c);
  const regionFirms = enterprisesInRegionIdx(model, scope.regionIndex);
  const presence = segmentPresence(scratch, model, s0, s1, settings.presentCode, regionFirms);
  const flows = segmentFlows(model, s0, s1 - s0);
  const chain = model.chains[c]!;
  const ctx: GapContext = {
    model,
    chain,
    s0,
    settings,
    names,
    presence,
    flows,
    criticality: downstreamCriticality(chain, flows.downOf),
    feasibility: relatednessFeasibility(scratch, model, scope.regionIndex, s0, s1, settings),
    supply: scanSupplyLinks(scratch, model, s0, s1, settings.linkCode, presence.flags, regionFirms),
    filling: gapFilling(model, c, scope.regionIndex, s0, s1, settings, presence.flags, presence.notPresentBySeg),
    severity: severityScale(scratch, model, presence.chainLocal, names.isLeader, settings.leaderWeight),
    limitations: [],
    concentration: [],
  };
  const found = segmentFindings(ctx);
  const feasibilityNote = feasibilityLimitation(ctx.feasibility, settings, names, s1 - s0);
  if (feasibilityNote) ctx.limitations.push(feasibilityNote);
  const unresolvedNote = unresolvedLinksLimitation(ctx.supply, names);
  if (unresolvedNote) ctx.limitations.push(unresolvedNote);
  return gapsResult(ctx, scope.region, rankFindings(found));
}

/**
 * One finding per segment with findings, in segment order: each segment's rules in kind order
 * (capacity is computed before thin, which needs to know of a shortfall), merged into one row.
 */
function segmentFindings(ctx: GapContext): GapFinding[] {
  const found: GapFinding[] = [];
  for (let j = 0; j < ctx.presence.present.length; j++) {
    const label = segmentLabel(ctx, j);
    const capacity = capacityShortfall(ctx, j, label);
    const parts = [
      missingSegment(ctx, j, label),
      thinSegment(ctx, j, label, capacity !== undefined),
      externalDependency(ctx, j, label),
      capacity,
      backwardExtension(ctx, j, label),
      forwardExtension(ctx, j, label),
    ].filter((f): f is GapFinding => f !== undefined);
    const row = mergeSegment(ctx, j, parts);
    if (row) found.push(row);
  }
  return found;
}
