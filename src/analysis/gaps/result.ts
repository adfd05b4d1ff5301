/**
 * The last step of findGaps: the rows (one per segment) ranked — first every segment without a
 * capacity-control or restriction flag, then the flagged ones (a zone cannot simply recruit new
 * capacity there; see ./severity.ts), each group by severity (rounded to 4 decimals)
 * descending, then segment order in the chain — and the result assembled with the state of
 * every segment, a summary (rows with each aspect) and the assumptions used.
 */
import { round } from '../../internal/format.js';
import type { GapContext } from './context.js';
import type { GapAspect, GapFinding, GapsResult } from './types.js';

/**
 * The findings by severity; `found` is in segment order then kind, which breaks ties.
 *
 * @example
 * rankFindings(found).map((f) => f.severity); // [0.55, 0.55, 0.4, …]
 */
export function rankFindings(found: readonly GapFinding[]): GapFinding[] {
  const findings = found.map((f, order) => ({ ...f, order, tier: f.components.policyFactor < 1 ? 1 : 0 }));
  findings.sort((a, b) => a.tier - b.tier || b.severity - a.severity || a.order - b.order);
  // order already encodes segment order then kind; strip the helpers
  return findings.map(({ order: _order, tier: _tier, ...f }) => f as GapFinding);
}

/**
 * The result of findGaps for `region` from the ranked findings and the limitations collected.
 *
 * @example
 * gapsResult(ctx, 'jiuquan', ranked).summary.missing; // 2
 */
export function gapsResult(ctx: GapContext, region: string, ranked: GapFinding[]): GapsResult {
  const { chain, presence, criticality, feasibility, names } = ctx;
  const count = (...aspects: GapAspect[]) => ranked.filter((f) => f.aspects.some((a) => aspects.includes(a))).length;
  return {
    chain: chain.id,
    region,
    findings: ranked,
    segments: chain.segments.map((s, j) => ({
      segment: s.id,
      name: s.name,
      stage: s.stage,
      present: presence.present[j]!,
      localEnterprises: presence.localBySeg[j]!.map(names.idOf),
      localOutput: presence.localOutput[j] === null ? null : round(presence.localOutput[j]!, 4),
      concentration: ctx.concentration[j] ?? null,
      criticality: round(criticality.value[j]!, 4),
      feasibility: round(feasibility.value[j]!, 4),
      feasibilityBasis: feasibility.basis[j]!,
    })),
    summary: {
      segments: presence.present.length,
      present: presence.present.filter(Boolean).length,
      missing: count('missing'),
      thin: count('thin'),
      externalDependencies: count('external_dependency'),
      capacityShortfalls: count('capacity_shortfall'),
      extensionOpportunities: count('backward_extension', 'forward_extension'),
      beingFilled: ctx.filling.underWay.filter((f, j) => f.length > 0 && ranked.some((x) => x.segment === names.segId(j))).length,
      localEnterprises: presence.chainLocal.length,
      findings: ranked.length,
    },
    limitations: ctx.limitations,
    assumptions: assumptionsOf(ctx),
  };
}

/** The settings a result was computed with, and the bases the data allowed. */
function assumptionsOf(ctx: GapContext): GapsResult['assumptions'] {
  const s = ctx.settings;
  const { weights } = s;
  const { feasibility } = ctx;
  return {
    presentStatuses: s.presentStatuses,
    linkStatuses: s.linkStatuses,
    hhiThreshold: s.hhiThreshold,
    weights: { value: round(weights.value, 6), criticality: round(weights.criticality, 6), feasibility: round(weights.feasibility, 6) },
    leaderWeight: s.leaderWeight,
    fillingProjectStatuses: s.fillingProjectStatuses,
    fillingEnterpriseStatuses: s.fillingEnterpriseStatuses,
    fillingReduction: s.fillingReduction,
    peers: s.peers,
    minRegions: s.minRegions,
    rcaThreshold: s.rcaThreshold,
    neutralFeasibility: s.neutralFeasibility,
    segmentValueWeight: s.segmentValueWeight,
    policyFactor: s.policyFactor,
    valueBasis: ctx.severity.basis,
    criticalityBasis: ctx.criticality.basis,
    feasibility: {
      available: feasibility.available,
      peerRegions: feasibility.peerRegions.map((q) => ctx.model.index.regions.ids[q]!),
      activeRegions: feasibility.activeRegions,
    },
  };
}
