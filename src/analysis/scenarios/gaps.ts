/**
 * The gaps compared: findGaps on both models, counts by kind, and the findings added, resolved
 * and changed in severity, keyed by kind and segment.
 */
import type { ChainModel } from '../../graph/model.js';
import { findGaps, type GapsResult } from '../gaps/index.js';
import { change } from './change.js';
import type { CompareScenariosOptions, GapFindingChange, ScenarioComparison } from './types.js';

/** Severities closer than this are the same (floating-point noise, not a change). */
const SEVERITY_EPSILON = 1e-9;

const COUNT_KEYS = ['present', 'missing', 'thin', 'externalDependencies', 'capacityShortfalls', 'extensionOpportunities', 'findings'] as const;

/**
 * The gaps of `chain` in `region` before and after.
 *
 * @example
 * compareGaps(model, after, options, 'wind-power', 'jiuquan').resolved; // → [{ code: 'missing_segment', segment: 'bearings', … }]
 */
export function compareGaps(before: ChainModel, after: ChainModel, options: CompareScenariosOptions, chain: string, region: string): ScenarioComparison['gaps'] {
  const gapsBefore = findGaps(before, { ...options.gaps, chain, region });
  const gapsAfter = findGaps(after, { ...options.gaps, chain, region });
  const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, change(gapsBefore.summary[k], gapsAfter.summary[k])])) as ScenarioComparison['gaps']['counts'];
  const mb = gapMap(gapsBefore);
  const ma = gapMap(gapsAfter);
  const added: GapFindingChange[] = [];
  const resolved: GapFindingChange[] = [];
  const changed: GapFindingChange[] = [];
  for (const [key, g] of ma) {
    const old = mb.get(key);
    if (!old) added.push({ code: g.code, segment: g.segment, severityBefore: null, severityAfter: g.severity });
    else if (Math.abs(old.severity - g.severity) > SEVERITY_EPSILON)
      changed.push({ code: g.code, segment: g.segment, severityBefore: old.severity, severityAfter: g.severity });
  }
  for (const [key, g] of mb) if (!ma.has(key)) resolved.push({ code: g.code, segment: g.segment, severityBefore: g.severity, severityAfter: null });
  return { counts, added, resolved, changed };
}

/** The most severe finding of each kind and segment. */
function gapMap(result: GapsResult): Map<string, GapFindingChange & { severity: number }> {
  const map = new Map<string, GapFindingChange & { severity: number }>();
  for (const f of result.findings) {
    const key = `${f.code}\u0000${f.segment}`;
    const previous = map.get(key);
    if (!previous || f.severity > previous.severity)
      map.set(key, { code: f.code, segment: f.segment, severity: f.severity, severityBefore: null, severityAfter: null });
  }
  return map;
}
