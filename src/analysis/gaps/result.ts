/**
 * The last step of findGaps: the findings ranked — severity (rounded to 4 decimals)
 * descending, then segment order in the chain, then kind (missing, thin, external, capacity,
 * extension; backward before forward) — and the result assembled with the state of every
 * segment, a summary and the assumptions used.
 */
import { round } from '../../internal/format.js';
import type { GapContext } from './context.js';
import type { GapCode, GapFinding, GapsResult } from './types.js';

/**
 * The findings by severity; `found` is in segment order then kind, which breaks ties.
 *
 * @example
 * rankFindings(found).map((f) => f.severity); // [0.55, 0.55, 0.4, …]
 */
export function rankFindings(found: readonly GapFinding[]): GapFinding[] {
  const findings = found.map((f, order) => ({ ...f, order }));
  findings.sort((a, b) => b.severity - a.severity || a.order - b.order);
  // order already encodes segment order then kind; strip the helpers
  return findings.map(({ order: _order, ...f }) => f as GapFinding);
}

/**
 * The result of findGaps for `region` from the ranked findings and the limitations collected.
 *
 * @example
 * gapsResult(ctx, 'jiuquan', ranked).summary.missing; // 2
 */
export function gapsResult(ctx: GapContext, region: string, ranked: GapFinding[]): GapsResult {
  const { chain, presence, criticality, feasibility, names } = ctx;
  const count = (code: GapCode) => ranked.filter((f) => f.code === code).length;
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
      criticality: round(criticality.value[j]!, 4),
      feasibility: round(feasibility.value[j]!, 4),
      feasibilityBasis: feasibility.basis[j]!,
    })),
    summary: {
      segments: presence.present.length,
      present: presence.present.filter(Boolean).length,
      missing: count('missing_segment'),
      thin: count('thin_segment'),
      externalDependencies: count('external_dependency'),
      capacityShortfalls: count('capacity_shortfall'),
      extensionOpportunities: count('extension_opportunity'),
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
    valueBasis: ctx.severity.basis,
    criticalityBasis: ctx.criticality.basis,
    feasibility: {
      available: feasibility.available,
      peerRegions: feasibility.peerRegions.map((q) => ctx.model.index.regions.ids[q]!),
      activeRegions: feasibility.activeRegions,
    },
  };
}
