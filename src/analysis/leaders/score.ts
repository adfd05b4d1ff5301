/**
 * Each candidate's scores and composite (see ./index.ts):
 * - a component's score is its value divided by its largest value among the candidates (0 when
 *   that largest value is 0), so every score lies in [0, 1];
 * - composite = Σ w_c · score_c / Σ w_c over the components available for the scope and known
 *   for the firm, with the re-normalised weights of ./components.ts; a firm whose output (or
 *   whose links' values) is unknown is scored on its other components and lists what is missing.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Enterprise } from '../../model/schema.js';
import type { Role } from '../../model/vocabulary.js';
import { LEADER_COMPONENTS, type ComponentEvidence } from './components.js';
import { evidenceOf } from './evidence.js';
import type { LeaderComponent, LeaderComponentInfo, LeaderEntry } from './types.js';

/** Largest value of each component among the candidates (at least 0). */
function maximaOf(raw: Record<LeaderComponent, Float64Array>, n: number): Record<LeaderComponent, number> {
  const maxOf = (values: Float64Array) => {
    let m = 0;
    for (let i = 0; i < n; i++) if (values[i]! > m) m = values[i]!;
    return m;
  };
  return Object.fromEntries(LEADER_COMPONENTS.map((c) => [c, maxOf(raw[c])])) as Record<LeaderComponent, number>;
}

/**
 * The firm's role in the scope's chain (its overall role when it has none there, or without a
 * chain), and whether it is a declared 链主: role `leader` in the chain; without a chain, an
 * overall or any per-chain role `leader`. roleIn without the id lookups (the chain was checked
 * by resolveScope).
 */
function leaderRole(record: Enterprise, chain: string | undefined): { role: Role | null; declaredLeader: boolean } {
  const role = chain === undefined ? (record.role ?? null) : (record.chainRoles?.find((r) => r.chain === chain)?.role ?? record.role ?? null);
  const declaredLeader = chain === undefined ? record.role === 'leader' || (record.chainRoles ?? []).some((r) => r.role === 'leader') : role === 'leader';
  return { role, declaredLeader };
}

/** The numbers behind a firm's composite. */
function firmValues(evidence: ComponentEvidence, raw: Record<LeaderComponent, Float64Array>, i: number): LeaderEntry['values'] {
  const { outputs, net, edges, bc, potential } = evidence;
  const { output, outputTotal } = outputs;
  const lv = raw.linkValue[i]!;
  return {
    output: Number.isNaN(output[i]!) ? null : output[i]!,
    outputShare: Number.isNaN(output[i]!) || !(outputTotal > 0) ? null : output[i]! / outputTotal,
    suppliers: net.suppliers[i]!,
    buyers: net.buyers[i]!,
    linkValue: Number.isNaN(lv) ? null : lv,
    pagerank: edges > 0 ? raw.pagerank[i]! : null,
    betweenness: bc?.scores ? bc.scores[i]! : null,
    potentialPartners: potential[i]!,
  };
}

/**
 * One entry per candidate (in member order, rank still 0) with its scores and composite, and
 * the sort key of each: the composite, −1 for a firm with no usable component at all (it ranks
 * last).
 *
 * @example
 * const { entries, keys } = scoreFirms(model, scope.chain, members, infos, ranked, raw, evidence, segmentCount, s);
 */
export function scoreFirms(
  model: ChainModel,
  chain: string | undefined,
  members: Int32Array,
  infos: readonly LeaderComponentInfo[],
  ranked: boolean,
  raw: Record<LeaderComponent, Float64Array>,
  evidence: ComponentEvidence,
  segmentCount: Int32Array,
  s: Scratch,
): { entries: LeaderEntry[]; keys: Float64Array } {
  const n = members.length;
  const max = maximaOf(raw, n);
  const entries: LeaderEntry[] = new Array<LeaderEntry>(n);
  const keys = s.float64(n);
  // per component (in the order of infos, which is LEADER_COMPONENTS'), its values and maximum
  const columns = infos.map((c) => raw[c.name]);
  const maxima = infos.map((c) => max[c.name]);
  const componentScore = new Array<number | null>(infos.length).fill(null);
  for (let i = 0; i < n; i++) {
    const e = members[i]!;
    const record = model.dataset.enterprises[e]!;
    const { role, declaredLeader } = leaderRole(record, chain);
    const missing: LeaderComponent[] = [];
    let sum = 0;
    let weight = 0;
    for (let c = 0; c < infos.length; c++) {
      const info = infos[c]!;
      const v = columns[c]![i]!;
      if (!info.available || Number.isNaN(v)) {
        componentScore[c] = null;
        if (info.available) missing.push(info.name);
        continue;
      }
      const m = maxima[c]!;
      const score = m > 0 ? v / m : 0;
      componentScore[c] = score;
      sum += info.usedWeight * score;
      weight += info.usedWeight;
    }
    // in the order of LEADER_COMPONENTS (= infos), as one literal
    const scores: Record<LeaderComponent, number | null> = {
      output: componentScore[0] ?? null,
      partners: componentScore[1] ?? null,
      linkValue: componentScore[2] ?? null,
      pagerank: componentScore[3] ?? null,
      betweenness: componentScore[4] ?? null,
      potential: componentScore[5] ?? null,
    };
    const composite = ranked && weight > 0 ? sum / weight : null;
    keys[i] = composite ?? -1;
    const values = firmValues(evidence, raw, i);
    entries[i] = {
      rank: 0,
      id: model.index.enterprises.ids[e]!,
      name: record.name,
      role,
      declaredLeader,
      composite,
      values,
      scores,
      missing,
      segments: segmentCount[i]!,
      evidence: evidenceOf(values, infos),
      tie: null,
    };
  }
  return { entries, keys };
}
