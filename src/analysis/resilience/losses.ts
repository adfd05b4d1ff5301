/**
 * What a disruption costs (the last step of simulateDisruption): output lost per enterprise, per
 * segment and in total.
 *
 * - Output lost: (1 − φ_i) × output_i in 亿元 where the output is known; otherwise only the
 *   fraction 1 − φ_i is reported, and the total also as firm-equivalents Σ (1 − φ_i).
 * - A firm active in several segments has its output split equally among them in the
 *   per-segment figures (the data give no split), so segment figures add up to the total.
 * - Firms with φ below 1e-9 are reported as cut off.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx, regionIndex } from '../../graph/queries.js';
import { formatShare, formatYi, round } from '../../internal/format.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Reason } from '../scope/index.js';
import type { DisruptionEntry, DisruptionResult, LossTotals } from './types.js';

/** Output factors below this are "cut off". */
const CUT_OFF = 1e-9;

/**
 * Loss totals over `members` in the list's order (all firms in index order when null), leaving
 * out the firm `skip` and the firms marked in `skipMask`.
 *
 * @example
 * totals(model, work.phi, members, removedFirm).firmEquivalentsLost; // loss among the others
 */
export function totals(model: ChainModel, phi: Float64Array, members: ArrayLike<number> | null, skip = -1, skipMask: Uint8Array | null = null): LossTotals {
  const output = model.index.enterprises.output;
  let firms = 0;
  let firmsAffected = 0;
  let firmsCutOff = 0;
  let outputLost = 0;
  let knownOutput = 0;
  let firmsWithOutput = 0;
  let firmEquivalentsLost = 0;
  let affectedWithUnknownOutput = 0;
  const count = members === null ? phi.length : members.length;
  for (let m = 0; m < count; m++) {
    const e = members === null ? m : members[m]!;
    if (e === skip || (skipMask !== null && skipMask[e] === 1)) continue;
    const f = phi[e]!;
    const lost = 1 - f;
    firms++;
    firmEquivalentsLost += lost;
    if (lost > 0) firmsAffected++;
    if (f < CUT_OFF) firmsCutOff++;
    const x = output[e]!;
    if (Number.isNaN(x)) {
      if (lost > 0) affectedWithUnknownOutput++;
    } else {
      firmsWithOutput++;
      knownOutput += x;
      outputLost += lost * x;
    }
  }
  // no counted firm with a known output: the output lost is unknown, not 0
  const known = firmsWithOutput > 0;
  return {
    firms,
    firmsAffected,
    firmsCutOff,
    outputLost: known ? outputLost : null,
    knownOutput: known ? knownOutput : null,
    lostShare: knownOutput > 0 ? outputLost / knownOutput : null,
    firmEquivalentsLost,
    firmShareLost: firms > 0 ? firmEquivalentsLost / firms : null,
    affectedWithUnknownOutput,
  };
}

/** One entry per affected firm (φ < 1), largest lost fraction first. */
function affectedEntries(model: ChainModel, phi: Float64Array, affected: Int32Array, isRemoved: Uint8Array): DisruptionEntry[] {
  const { enterprises } = model.index;
  const affectedCount = affected.length;
  const entries: DisruptionEntry[] = new Array<DisruptionEntry>(affectedCount);
  for (let a = 0; a < affectedCount; a++) {
    const e = affected[a]!;
    const x = enterprises.output[e]!;
    const output = Number.isNaN(x) ? null : x;
    const lost = 1 - phi[e]!;
    entries[a] = {
      id: enterprises.ids[e]!,
      removed: isRemoved[e] === 1,
      outputFactor: phi[e]!,
      lostFraction: lost,
      output,
      outputLost: output === null ? null : lost * output,
      cutOff: phi[e]! < CUT_OFF,
    };
  }
  entries.sort((a, b) => b.lostFraction - a.lostFraction || (b.outputLost ?? -1) - (a.outputLost ?? -1));
  return entries;
}

/** The affected segments: each firm's output split equally among its segments (sums in ascending firm order). */
function segmentLosses(model: ChainModel, phi: Float64Array, affected: Int32Array): DisruptionResult['segments'] {
  const { enterprises, segments } = model.index;
  const ns = segments.keys.length;
  const segFirms = new Int32Array(ns);
  const segLost = new Float64Array(ns);
  const segEquivalents = new Float64Array(ns);
  for (let a = 0; a < affected.length; a++) {
    const e = affected[a]!;
    const first = enterprises.segments.offsets[e]!;
    const count = enterprises.segments.offsets[e + 1]! - first;
    const lost = 1 - phi[e]!;
    const x = enterprises.output[e]!;
    for (let c = first; c < first + count; c++) {
      const s = enterprises.segments.items[c]!;
      segFirms[s]!++;
      segEquivalents[s]! += lost / count;
      if (!Number.isNaN(x)) segLost[s]! += (lost * x) / count;
    }
  }
  const segmentRows: DisruptionResult['segments'] = [];
  for (let s = 0; s < ns; s++) {
    if (segFirms[s] === 0) continue;
    let known = 0;
    let withOutput = 0;
    for (let m = segments.enterprises.offsets[s]!; m < segments.enterprises.offsets[s + 1]!; m++) {
      const e = segments.enterprises.items[m]!;
      const x = enterprises.output[e]!;
      const count = enterprises.segments.offsets[e + 1]! - enterprises.segments.offsets[e]!;
      if (!Number.isNaN(x)) {
        withOutput++;
        known += x / count;
      }
    }
    const key = segments.keys[s]!;
    const slash = key.indexOf('/');
    segmentRows.push({
      chain: key.slice(0, slash),
      segment: key.slice(slash + 1),
      firmsAffected: segFirms[s]!,
      outputLost: withOutput > 0 ? segLost[s]! : null,
      knownOutput: withOutput > 0 ? known : null,
      lostShare: known > 0 ? segLost[s]! / known : null,
      firmEquivalentsLost: segEquivalents[s]!,
    });
  }
  return segmentRows;
}

/** How the cascade ran: the firms removed, their shortfall, rounds, convergence, and a label of what was removed. */
export interface DisruptionOutcome {
  removed: readonly number[];
  shortfall: number;
  rounds: number;
  converged: boolean;
  label: Reason;
  /** Region whose firms get totals of their own; defaults to `meta.region`. */
  region: string | undefined;
}

/**
 * The result of a disruption from the output factors `phi` (see the file header).
 *
 * @example
 * describeDisruption(model, work.phi, { removed, shortfall: 1, rounds, converged, label, region: undefined }, s).total;
 */
export function describeDisruption(model: ChainModel, phi: Float64Array, outcome: DisruptionOutcome, s: Scratch): DisruptionResult {
  const { removed, shortfall, rounds, converged, label } = outcome;
  const { enterprises } = model.index;
  const ne = enterprises.ids.length;
  const isRemoved = s.uint8(ne);
  for (const e of removed) isRemoved[e] = 1;
  let affectedCount = 0;
  for (let e = 0; e < ne; e++) if (phi[e]! < 1) affectedCount++;
  const affected = s.int32(affectedCount);
  for (let e = 0, a = 0; e < ne; e++) if (phi[e]! < 1) affected[a++] = e;
  const entries = affectedEntries(model, phi, affected, isRemoved);
  const segmentRows = segmentLosses(model, phi, affected);

  const total = totals(model, phi, null);
  const direct = totals(model, phi, removed);
  const indirect = totals(model, phi, null, -1, isRemoved);
  const regionId = outcome.region ?? model.dataset.meta.region;
  const local = regionId === undefined ? null : { region: regionId, ...totals(model, phi, enterprisesInRegionIdx(model, regionIndex(model, regionId))) };
  const cutOff: string[] = [];
  for (let a = 0; a < affectedCount; a++) {
    const e = affected[a]!;
    if (!isRemoved[e] && phi[e]! < CUT_OFF) cutOff.push(enterprises.ids[e]!);
  }

  const lostText =
    total.outputLost !== null && total.lostShare !== null
      ? { zh: `产值损失 ${formatYi(total.outputLost, 'zh')}（已知产值的 ${formatShare(total.lostShare)}）`, en: `output lost ${formatYi(total.outputLost, 'en')} (${formatShare(total.lostShare)} of known output)` }
      : { zh: `产值均未知，按企业计损失 ${round(total.firmEquivalentsLost)} 家当量`, en: `no output known; ${round(total.firmEquivalentsLost)} firm-equivalents of output lost` };
  return {
    removed: removed.map((e) => enterprises.ids[e]!),
    shortfall,
    enterprises: entries,
    segments: segmentRows,
    total,
    direct,
    indirect,
    local,
    cutOff,
    rounds,
    converged,
    reason: {
      zh: `${label.zh}（供给损失 ${formatShare(shortfall)}）：波及 ${indirect.firmsAffected} 家下游企业，其中 ${indirect.firmsCutOff} 家完全断供；${lostText.zh}。`,
      en: `${label.en} (${formatShare(shortfall)} of their supply lost): ${indirect.firmsAffected} downstream firm(s) affected, ${indirect.firmsCutOff} cut off entirely; ${lostText.en}.`,
    },
  };
}
