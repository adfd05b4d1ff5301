/**
 * Step 3 of recommendRecruits: the gap segments, in the order of their most severe finding
 * (the gaps are ranked by severity), with the kinds of gap found in each; and their candidates,
 * the enterprises of those segments outside the region with a candidate status.
 */
import type { ChainModel } from '../../graph/model.js';
import type { ResolvedChain } from '../../model/chains.js';
import type { FillingEntry, GapCode, GapsResult } from '../gaps/index.js';
import { CANDIDATE, LOCAL } from './local.js';

/** What the gaps say of one segment. */
export interface GapSegment {
  /** Kinds of gap found in the segment: its row's code, then its other aspects' in kind order. */
  gaps: GapCode[];
  /** Severity of its most severe finding. */
  severity: number;
  beingFilledBy: FillingEntry[];
  plannedProjects: FillingEntry[];
}

/**
 * The segments with a finding of a kind in `codes`, in ranking order, and what the gaps say of each.
 *
 * @example
 * const { order } = gapSegments(gaps, GAP_CODES);
 * order[0]; // 'pv-plant', the segment of the most severe finding
 */
export function gapSegments(gaps: GapsResult, codes: readonly GapCode[]): { order: string[]; bySegment: Map<string, GapSegment> } {
  const order: string[] = [];
  const bySegment = new Map<string, GapSegment>();
  // each segment's row, then the findings of its other aspects (kind order)
  for (const f of gaps.findings.flatMap((row) => [row, ...row.also])) {
    if (!codes.includes(f.code)) continue;
    let entry = bySegment.get(f.segment);
    if (!entry) {
      entry = {
        gaps: [],
        severity: f.severity,
        beingFilledBy: f.beingFilledBy.map((x) => ({ ...x })),
        plannedProjects: f.plannedProjects.map((x) => ({ ...x })),
      };
      bySegment.set(f.segment, entry);
      order.push(f.segment);
    }
    if (!entry.gaps.includes(f.code)) entry.gaps.push(f.code);
  }
  return { order, bySegment };
}

/**
 * Flags as CANDIDATE every enterprise of the gap segments `order` (ids in `chain`, global
 * segments from `s0`) that is not LOCAL and has a status flagged in `candidateCode`; returns the
 * gap segments as flags over every segment of the model.
 *
 * @example
 * const isGapSegment = markCandidates(model, chain, s0, order, local.flags, settings.candidateCode);
 */
export function markCandidates(
  model: ChainModel,
  chain: ResolvedChain,
  s0: number,
  order: readonly string[],
  flags: Uint8Array,
  candidateCode: Uint8Array,
): Uint8Array {
  const { segments, enterprises: ents } = model.index;
  const isGapSegment = new Uint8Array(segments.keys.length);
  for (const segmentId of order) {
    const s = s0 + chain.segments.findIndex((x) => x.id === segmentId);
    isGapSegment[s] = 1;
    for (let k = segments.enterprises.offsets[s]!; k < segments.enterprises.offsets[s + 1]!; k++) {
      const e = segments.enterprises.items[k]!;
      if (!(flags[e]! & LOCAL) && candidateCode[ents.status[e]!]) flags[e]! |= CANDIDATE;
    }
  }
  return isGapSegment;
}
