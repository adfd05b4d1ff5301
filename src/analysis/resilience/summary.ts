/**
 * The resilience summary of a scope (the steps of assessResilience): how much of its firms'
 * input is single-sourced, which of its firms are declared 链主 (their single points of failure
 * are assessed by singlePointsOfFailure), and the single-firm removal, among the scope's
 * suppliers with most buyers, that costs the scope's firms most (cascades of ./cascade.ts,
 * losses counted over the scope's firms in firm-equivalents).
 */
import type { ChainModel } from '../../graph/model.js';
import { formatShare, round } from '../../internal/format.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Reason } from '../scope/index.js';
import { cascade, cascadeWork, resetWork } from './cascade.js';
import { inputRow, type InputTable } from './input-rows.js';
import { totals } from './losses.js';
import type { ResilienceSummary } from './types.js';

/** How the scope's firms source their inputs: firms with inputs, (firm, input segment) pairs, and those with one supplier. */
export interface InputSourcing {
  buyersWithInputs: number;
  inputSegments: number;
  singleSourceInputs: number;
}

/**
 * Counts, over the scope's firms, the input groups (segments) of each and those served by one
 * supplier.
 *
 * @example
 * inputSourcing(model, table, members).singleSourceInputs; // (firm, segment) pairs with one supplier
 */
export function inputSourcing(model: ChainModel, table: InputTable, members: Int32Array): InputSourcing {
  let buyersWithInputs = 0;
  let inputSegments = 0;
  let singleSourceInputs = 0;
  for (const e of members) {
    let j = inputRow(model, table, e);
    const end = j + table.length[e]!;
    if (j < end) buyersWithInputs++;
    while (j < end) {
      const g = table.groups[j]!;
      const first = table.from[j]!;
      let single = true;
      while (j < end && table.groups[j] === g) {
        if (table.from[j] !== first) single = false;
        j++;
      }
      inputSegments++;
      if (single) singleSourceInputs++;
    }
  }
  return { buyersWithInputs, inputSegments, singleSourceInputs };
}

/**
 * The scope's declared 链主 in member order: role `leader` in the chain (falling back to the
 * overall role); without a chain, an overall or any per-chain role `leader`.
 *
 * @example
 * declaredLeaders(model, 'wind-power', members); // enterprise indices
 */
export function declaredLeaders(model: ChainModel, chain: string | undefined, members: Int32Array): number[] {
  const leaders: number[] = [];
  for (const e of members) {
    const record = model.dataset.enterprises[e]!;
    const declared =
      chain === undefined
        ? record.role === 'leader' || (record.chainRoles ?? []).some((r) => r.role === 'leader')
        : (record.chainRoles?.find((r) => r.chain === chain)?.role ?? record.role) === 'leader';
    if (declared) leaders.push(e);
  }
  return leaders;
}

/**
 * Candidate removals: the scope's suppliers with counted buyers, most buyers first (then index),
 * at most `maxSimulations`.
 *
 * @example
 * removalCandidates(model, members, counted, 200, s); // enterprise indices
 */
export function removalCandidates(model: ChainModel, members: Int32Array, counted: Uint8Array, maxSimulations: number, s: Scratch): number[] {
  const { links } = model.index;
  const outCount = s.int32(members.length);
  const withBuyers: number[] = [];
  for (let m = 0; m < members.length; m++) {
    const e = members[m]!;
    let out = 0;
    for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) if (counted[links.status[links.out.items[q]!]!]) out++;
    outCount[m] = out;
    if (out > 0) withBuyers.push(m);
  }
  return withBuyers
    .sort((a, b) => outCount[b]! - outCount[a]! || members[a]! - members[b]!)
    .slice(0, maxSimulations)
    .map((m) => members[m]!);
}

/**
 * The removal, among `suppliers`, whose cascade (full shortfall) loses the scope's other firms
 * the most firm-equivalents of output; the first such on a tie (1e-12). Null without candidates.
 *
 * @example
 * worstRemoval(model, table, members, removalCandidates(model, members, counted, 200, s), s)?.enterprise;
 */
export function worstRemoval(
  model: ChainModel,
  table: InputTable,
  members: Int32Array,
  suppliers: readonly number[],
  s: Scratch,
): ResilienceSummary['worstRemoval'] {
  const { enterprises } = model.index;
  let worst: ResilienceSummary['worstRemoval'] = null;
  let worstKey = -1;
  const work = cascadeWork(enterprises.ids.length, s);
  for (const e of suppliers) {
    cascade(model, table, [e], 1, 1e-12, 10000, work);
    const t = totals(model, work.phi, members, e);
    resetWork(work);
    const key = t.firmEquivalentsLost;
    if (key > worstKey + 1e-12) {
      worstKey = key;
      worst = { enterprise: enterprises.ids[e]!, firmsAffected: t.firmsAffected, firmEquivalentsLost: t.firmEquivalentsLost, outputLost: t.outputLost, lostShare: t.lostShare };
    }
  }
  return worst;
}

/**
 * The summary's reason: firms, single-sourced share, the most critical supplier.
 *
 * @example
 * summaryReason(model, members.length, sourcing, share, worst).en;
 */
export function summaryReason(
  model: ChainModel,
  firms: number,
  sourcing: InputSourcing,
  share: number | null,
  worst: ResilienceSummary['worstRemoval'],
): Reason {
  const { enterprises } = model.index;
  const { buyersWithInputs, inputSegments, singleSourceInputs } = sourcing;
  const worstName = worst ? model.dataset.enterprises[enterprises.byId.get(worst.enterprise)!]!.name : '';
  return {
    zh: `范围内 ${firms} 家企业，${buyersWithInputs} 家有供货记录；${inputSegments} 个（企业，投入环节）中 ${singleSourceInputs} 个为单一来源${share === null ? '' : `（${formatShare(share)}）`}${worst ? `；最关键的供应商为${worstName}，停供将波及范围内 ${worst.firmsAffected} 家企业（损失 ${round(worst.firmEquivalentsLost)} 家当量产出）` : ''}。`,
    en: `${firms} firm(s) in scope, ${buyersWithInputs} with recorded inputs; ${singleSourceInputs} of ${inputSegments} (firm, input segment) pair(s) single-sourced${share === null ? '' : ` (${formatShare(share)})`}${worst ? `; the most critical supplier is ${worst.enterprise}, whose loss affects ${worst.firmsAffected} firm(s) in scope (${round(worst.firmEquivalentsLost)} firm-equivalents of output)` : ''}.`,
  };
}
