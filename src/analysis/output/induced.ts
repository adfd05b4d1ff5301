/**
 * Induced output: the output of local suppliers induced by the chain leaders' (链主) output
 * through the chain's input coefficients and local supply shares. With D = I − M̂ the diagonal of
 * local shares and y the leaders' output by segment, local output is L_d y with
 * L_d = (I − D A)⁻¹ (../input-output.ts), so the induced part is (L_d − I) y. Leaders are the
 * firms with a role of `leaderRoles` in the chain; only those whose output is known (reported,
 * capacity or a counted project) drive it. Induced output is added net of the listed local firms'
 * own output in the segment (`induced: 'net'`), since that output is already counted as current or
 * pipeline output. Reference: Miller & Blair, Input-Output Analysis (2nd ed., 2009), ch. 2–3
 * and 6 (Leontief inverse, regional coefficients, multipliers).
 */
import { formatShare } from '../../internal/format.js';
import { ChainError } from '../../model/issues.js';
import type { Reason } from '../scope/index.js';
import { leontief, localLeontief, outputMultipliers, rasmussenLinkages } from '../input-output.js';
import { chainName, entName, hasSegIn, regionName, segName, type EstimateContext } from './context.js';
import type { FirmItems } from './current.js';
import { leadersOf } from './firms.js';
import { localShares, segmentsWithFirms, valuedLinksByChain, type LinkValues } from './local-shares.js';
import type { PipeItem } from './pipeline.js';
import type { InducedChain } from './simulate.js';
import type { InducedEstimate, InducedSegment } from './types.js';

/** The induced-output model of the chains in scope. */
export interface InducedModel {
  /** Chains whose induced output is modelled, each with its segments' positions. */
  chains: InducedChain[];
  /** Every chain in scope, modelled or not (with the reason). */
  info: InducedEstimate[];
  /** Position of each segment among the modelled chains' segments, −1: none. */
  posOfSeg: Int32Array;
  positions: number;
  /** 1 for the leaders in scope, of any chain. */
  isLeaderEnt: Uint8Array;
}

/**
 * The induced-output model of each chain in scope: coefficients, local shares, L_d − I and the leaders.
 *
 * @example
 * inducedModels(ctx, firms, pipes, overrides).info[0].reason.en; // how chain 0's induced output is derived, or why not
 */
export function inducedModels(ctx: EstimateContext, firms: FirmItems, pipes: readonly PipeItem[], overrides: ReadonlyMap<number, number>): InducedModel {
  const { model, s, scopeChain } = ctx;
  const { index } = model;
  const S = index.segments;
  const E = index.enterprises;
  const nChains = index.chains.ids.length;
  const { chainOff, chainItems, chainRole } = ctx.columns;
  const chainsInScope = scopeChain >= 0 ? [scopeChain] : Array.from({ length: nChains }, (_, c) => c);
  const hasCountedPipe = s.uint8(E.ids.length);
  for (let i = 0; i < pipes.length; i++) {
    const p = pipes[i]!;
    if (p.counted && p.enterprise >= 0) hasCountedPipe[p.enterprise] = 1;
  }
  const induced: InducedModel = {
    chains: [],
    info: [],
    posOfSeg: new Int32Array(S.keys.length).fill(-1),
    positions: 0,
    isLeaderEnt: s.uint8(E.ids.length),
  };
  const leadersByChain = leadersOf(ctx.firms, E.status, chainOff, chainItems, chainRole, ctx.leaderRole, nChains);
  // the links and the present segments are read only when a chain gets that far, once
  let linkValues: (LinkValues | undefined)[] | undefined;
  let present: Uint8Array | undefined;
  const shared = {
    links: (c: number) => (linkValues ??= valuedLinksByChain(ctx, chainsInScope))[c]!,
    present: () => (present ??= segmentsWithFirms(ctx, pipes)),
  };
  for (const c of chainsInScope) {
    const leaders = leadersByChain[c]!;
    for (const e of leaders) induced.isLeaderEnt[e] = 1;
    const withOutput = leaders.filter((e) => firms.itemOfEnt[e]! >= 0 || hasCountedPipe[e] === 1);
    modelChain(ctx, induced, c, leaders, withOutput, shared, overrides);
  }
  return induced;
}

/** The input coefficients A of a chain's segments [start, start + n), from its segment flows. */
function coefficients(ctx: EstimateContext, start: number, n: number): { A: number[][]; coefficientFlows: number; flowsWithoutCoefficient: number } {
  const { flows } = ctx.model.index;
  let coefficientFlows = 0;
  let flowsWithoutCoefficient = 0;
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = start; s < start + n; s++)
    for (let k = flows.in.offsets[s]!; k < flows.in.offsets[s + 1]!; k++) {
      const f = flows.in.items[k]!;
      const coef = flows.coefficient[f]!;
      if (Number.isNaN(coef)) flowsWithoutCoefficient++;
      else {
        coefficientFlows++;
        A[flows.from[f]! - start]![s - start]! += coef;
      }
    }
  return { A, coefficientFlows, flowsWithoutCoefficient };
}

/** Models one chain's induced output, or says in its info why it cannot. */
function modelChain(
  ctx: EstimateContext,
  induced: InducedModel,
  c: number,
  leaders: number[],
  leadersWithOutput: number[],
  shared: { links: (c: number) => LinkValues; present: () => Uint8Array },
  overrides: ReadonlyMap<number, number>,
): void {
  const { model, a, scopeRegion, years } = ctx;
  const { index } = model;
  const E = index.enterprises;
  const start = index.segments.chainStart[c]!;
  const n = index.segments.chainStart[c + 1]! - start;
  const { A, coefficientFlows, flowsWithoutCoefficient } = coefficients(ctx, start, n);
  const leaderIds = leaders.map((e) => E.ids[e]!);
  const info: InducedEstimate = {
    chain: index.chains.ids[c]!,
    available: false,
    reason: { zh: '', en: '' },
    mode: a.induced,
    leaders: leaderIds,
    leadersWithOutput: leadersWithOutput.map((e) => E.ids[e]!),
    coefficientFlows,
    flowsWithoutCoefficient,
    segments: [],
    expected: new Array<number>(years.length).fill(0),
  };
  induced.info.push(info);
  if (coefficientFlows === 0) {
    info.reason = {
      zh: `${chainName(model, c)} 的环节流向没有投入系数，无法测算链主带动的本地配套产值`,
      en: `the segment flows of ${chainName(model, c)} carry no input coefficients, so the output leaders induce in local suppliers cannot be estimated`,
    };
    return;
  }
  if (leaders.length === 0) {
    info.reason = {
      zh: `${regionName(model, scopeRegion)} 的 ${chainName(model, c)} 没有链主企业（角色 ${a.leaderRoles.join('/')}），不测算带动产值`,
      en: `${chainName(model, c)} has no leader (role ${a.leaderRoles.join('/')}) in ${regionName(model, scopeRegion)}; no induced output is estimated`,
    };
    return;
  }
  // local shares: option, else valued active/brokered links into local buyers of the chain, else presence
  const present = shared.present().subarray(start, start + n);
  const { shares, sources } = localShares(start, n, shared.links(c), present, overrides, a.localShare);
  let Ld: number[][];
  let Lfull: number[][];
  try {
    Ld = localLeontief(A, shares);
    Lfull = leontief(A);
  } catch (error) {
    if (!(error instanceof ChainError)) throw error;
    info.reason = {
      zh: `${chainName(model, c)} 的投入系数矩阵不可用（${String(error.details.reason)}），不测算带动产值`,
      en: `the coefficient matrix of ${chainName(model, c)} cannot be used (${String(error.details.reason)}); no induced output is estimated`,
    };
    return;
  }
  const { segments, Lm1 } = inducedSegments(ctx, start, n, shares, sources, Ld, Lfull);
  info.available = true;
  info.segments = segments;
  info.reason = inducedReason(ctx, c, start, leaders, info, shares);
  const pos = induced.positions;
  for (let i = 0; i < n; i++) induced.posOfSeg[start + i] = pos + i;
  induced.chains.push({ chain: c, segStart: start, n, Lm1, leaderCols: new Int32Array(0), leaders, info, pos });
  induced.positions += n;
}

/** Each segment's shares and multipliers (its expected output filled after the runs), and L_d − I row-major. */
function inducedSegments(
  ctx: EstimateContext,
  start: number,
  n: number,
  shares: number[],
  sources: InducedSegment['localShareSource'][],
  Ld: number[][],
  Lfull: number[][],
): { segments: InducedSegment[]; Lm1: Float64Array } {
  const nY = ctx.years.length;
  const localMult = outputMultipliers(Ld);
  const mult = outputMultipliers(Lfull);
  const linkages = rasmussenLinkages(Lfull);
  const Lm1 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Lm1[i * n + j] = Ld[i]![j]! - (i === j ? 1 : 0);
  const segments = Array.from({ length: n }, (_, i) => ({
    segment: ctx.segIds[start + i]!,
    localShare: shares[i]!,
    localShareSource: sources[i]!,
    localMultiplier: localMult[i]!,
    multiplier: mult[i]!,
    backwardLinkage: linkages.backward[i]!,
    forwardLinkage: linkages.forward[i]!,
    expected: new Array<number>(nY).fill(0),
    expectedGross: new Array<number>(nY).fill(0),
  }));
  return { segments, Lm1 };
}

/** How a chain's induced output is derived: leaders, coefficients, local shares, what is left out. */
function inducedReason(ctx: EstimateContext, c: number, start: number, leaders: number[], info: InducedEstimate, shares: number[]): Reason {
  const { model } = ctx;
  const E = model.index.enterprises;
  const { coefficientFlows, flowsWithoutCoefficient } = info;
  const ent = (e: number) => entName(model, e);
  const noSeg = leaders.filter((e) => !hasSegIn(model, e, c));
  const unknown =
    info.leadersWithOutput.length === 0
      ? { zh: '；但链主产值均未知，带动产值为 0（乘数仍可参考）', en: '; but no leader\'s output is known, so the induced output is 0 (the multipliers still apply)' }
      : { zh: '', en: '' };
  const shareList = shares.flatMap((d, i) => (d > 0 ? [`${segName(model, start + i)} ${formatShare(d)}`] : []));
  return {
    zh: `链主 ${leaders.map(ent).join('、')} 的产值经 ${chainName(model, c)} 的 ${coefficientFlows} 个投入系数、本地配套率（${shareList.length > 0 ? shareList.join('，') : '均为 0'}）和本地里昂惕夫逆矩阵带动本地配套产值${flowsWithoutCoefficient > 0 ? `；${flowsWithoutCoefficient} 个流向没有系数，未计入` : ''}${noSeg.length > 0 ? `；${noSeg.map(ent).join('、')} 未标明所属环节，其产值无法传导` : ''}${unknown.zh}`,
    en: `the output of the leaders ${info.leaders.join(', ')} passes through ${coefficientFlows} input coefficients of ${chainName(model, c)}, the local supply shares and the local Leontief inverse into local supplier output${flowsWithoutCoefficient > 0 ? `; ${flowsWithoutCoefficient} flows have no coefficient and are left out` : ''}${noSeg.length > 0 ? `; ${noSeg.map((e) => E.ids[e]!).join(', ')} name no segment of the chain, so their output cannot be passed on` : ''}${unknown.en}`,
  };
}
