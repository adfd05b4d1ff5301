/**
 * Where each run adds its output: buckets of T years each, first the four kinds, then one per
 * audit, then, per segment position of the induced chains, the leaders' output and the listed
 * firms' output. Firms' items enter as (bucket, factor group) terms summed ahead of the runs
 * (groups: the distinct output years, grown at the run's rate, then capacity, at its
 * utilisation); projects as typed columns with the (bucket, weight) list they add to, projects
 * with the same list sharing a group. A firm or project counts in full in each chain it is active
 * in; within a chain its output is split equally among its segments (the data give no split).
 */
import { regionWithinIdx } from '../../graph/queries.js';
import type { AuditPlan } from './audit-plan.js';
import { hasChain, isLeaderIn, type EstimateContext } from './context.js';
import type { FirmItems } from './current.js';
import type { InducedModel } from './induced.js';
import type { PipeItem } from './pipeline.js';
import type { Simulation } from './simulate.js';
import { KIND_CURRENT, KIND_PIPELINE, type OutputAssumptions } from './types.js';

/** Bucket positions: kinds at 0..3, audits from AUD0, leaders' output from LEAD0, listed firms' from LIST0. */
export interface Buckets {
  nAudits: number;
  AUD0: number;
  LEAD0: number;
  LIST0: number;
  nBuckets: number;
}

/**
 * The bucket positions for `nAudits` audits and `inducedPositions` induced segment positions.
 *
 * @example
 * bucketsOf(2, 5); // { nAudits: 2, AUD0: 4, LEAD0: 6, LIST0: 11, nBuckets: 16 }
 */
export function bucketsOf(nAudits: number, inducedPositions: number): Buckets {
  const AUD0 = 4;
  const LEAD0 = AUD0 + nAudits;
  const LIST0 = LEAD0 + inducedPositions;
  return { nAudits, AUD0, LEAD0, LIST0, nBuckets: LIST0 + inducedPositions };
}

/** The firms' items as (bucket, group) terms; each coefficient adds its items' contributions in item order. */
export interface FirmTerms {
  /** Distinct output years of current items, ascending: groups 0..CAP − 1. */
  origins: number[];
  J: number;
  /** The capacity group. */
  CAP: number;
  /** Group of each item. */
  itemGroup: Int32Array;
  termBucket: Int32Array;
  termGroup: Int32Array;
  termCoef: Float64Array;
}

/**
 * The firms' items as (bucket, factor group) terms, and the group of each item.
 *
 * @example
 * firmTerms(ctx, buckets, plans, firms, induced).termCoef; // one summed coefficient per (bucket, group)
 */
export function firmTerms(ctx: EstimateContext, b: Buckets, plans: readonly AuditPlan[], firms: FirmItems, induced: InducedModel): FirmTerms {
  const { s, scopeChain, columns } = ctx;
  const { index } = ctx.model;
  const E = index.enterprises;
  const S = index.segments;
  const { enter: regionEnter, leave: regionLeave } = index.regions;
  const { nBuckets, nAudits, AUD0, LEAD0, LIST0 } = b;
  const { posOfSeg, isLeaderEnt } = induced;
  const nFixed = firms.n;
  const { ent: fixedEnt, kind: fixedKind, base: fixedBase, origin: fixedOrigin } = firms;
  const originSet = new Set<number>();
  for (let i = 0; i < nFixed; i++) if (fixedKind[i] === KIND_CURRENT) originSet.add(fixedOrigin[i]!);
  const origins = [...originSet].sort((x, y) => x - y);
  const groupOfOrigin = new Map(origins.map((o, j) => [o, j]));
  const J = origins.length + 1;
  const CAP = origins.length;
  const termAcc = s.float64(nBuckets * J);
  const termUsed = s.uint8(nBuckets * J);
  const addTerm = (bucket: number, group: number, coef: number) => {
    const key = bucket * J + group;
    termAcc[key]! += coef;
    termUsed[key] = 1;
  };
  // the audits a firm counts toward: available, its region within theirs, its chain theirs (if any)
  const planAvailable = Uint8Array.from(plans, (p) => (p.unavailable === null ? 1 : 0));
  const planEnter = Int32Array.from(plans, (p) => regionEnter[p.region]!);
  const planLeave = Int32Array.from(plans, (p) => regionLeave[p.region]!);
  const planChain = Int32Array.from(plans, (p) => p.chain);
  const itemGroup = s.int32(nFixed);
  for (let i = 0; i < nFixed; i++) {
    const e = fixedEnt[i]!;
    const kind = fixedKind[i]!;
    const base = fixedBase[i]!;
    const g = kind === KIND_CURRENT ? groupOfOrigin.get(fixedOrigin[i]!)! : CAP;
    itemGroup[i] = g;
    addTerm(kind, g, base);
    const re = regionEnter[E.region[e]!]!;
    for (let pi = 0; pi < nAudits; pi++)
      if (planAvailable[pi] === 1 && planEnter[pi]! <= re && re < planLeave[pi]! && (planChain[pi]! < 0 || hasChain(columns, e, planChain[pi]!)))
        addTerm(AUD0 + pi, g, base * 1);
    const s0 = E.segments.offsets[e]!;
    const s1 = E.segments.offsets[e + 1]!;
    let nSegs = 0;
    for (let k = s0; k < s1; k++) if (scopeChain < 0 || S.chain[E.segments.items[k]!] === scopeChain) nSegs++;
    const w = nSegs > 0 ? 1 / nSegs : 0;
    for (let k = s0; k < s1; k++) {
      const s = E.segments.items[k]!;
      if (scopeChain >= 0 && S.chain[s] !== scopeChain) continue;
      const pos = posOfSeg[s]!;
      if (pos < 0) continue;
      const leader = isLeaderEnt[e] === 1 && isLeaderIn(ctx, e, S.chain[s]!);
      addTerm((leader ? LEAD0 : LIST0) + pos, g, base * w);
    }
  }
  let nTerms = 0;
  for (let key = 0; key < termUsed.length; key++) nTerms += termUsed[key]!;
  const termBucket = s.int32(nTerms);
  const termGroup = s.int32(nTerms);
  const termCoef = s.float64(nTerms);
  for (let key = 0, i = 0; key < termUsed.length; key++) {
    if (termUsed[key] === 0) continue;
    termBucket[i] = Math.floor(key / J);
    termGroup[i] = key % J;
    termCoef[i] = termAcc[key]!;
    i++;
  }
  return { origins, J, CAP, itemGroup, termBucket, termGroup, termCoef };
}

/** The projects as typed columns, each with the group of the (bucket, weight) list it adds to. */
export interface ProjectColumns {
  pBase: Float64Array;
  pLik: Float64Array;
  /** Production year (whole; −1 000 000: at capacity since ever). */
  pProd: Int32Array;
  pDelayable: Uint8Array;
  pCapValued: Uint8Array;
  pRampOff: Int32Array;
  rampArr: Float64Array;
  pGroup: Int32Array;
  nG: number;
  gOff: Int32Array;
  tBucket: Int32Array;
  tWeight: Float64Array;
}

/**
 * The pipeline as typed columns for the runs; marks the induced chains' leader columns.
 *
 * @example
 * projectColumns(ctx, buckets, plans, pipes, induced, terms.termBucket).nG; // distinct (bucket, weight) lists
 */
export function projectColumns(
  ctx: EstimateContext,
  b: Buckets,
  plans: readonly AuditPlan[],
  pipes: readonly PipeItem[],
  induced: InducedModel,
  termBucket: Int32Array,
): ProjectColumns {
  const { s } = ctx;
  const nP = pipes.length;
  const pBase = s.float64(nP);
  const pLik = s.float64(nP);
  const pProd = s.int32(nP);
  const pDelayable = s.uint8(nP);
  const pCapValued = s.uint8(nP);
  const pRampOff = s.int32(nP + 1);
  const rampValues: number[] = [];
  const pTgtOff = s.int32(nP + 1);
  const tgtBucket: number[] = [];
  const tgtWeight: number[] = [];
  pipes.forEach((p, i) => {
    pBase[i] = p.counted ? p.base : 0;
    pLik[i] = p.counted ? p.likelihood : 0;
    pProd[i] = p.prod;
    pDelayable[i] = p.delayable ? 1 : 0;
    pCapValued[i] = p.capacityValued ? 1 : 0;
    for (let k = 0; k < p.ramp.length; k++) rampValues.push(p.ramp[k]!);
    pRampOff[i + 1] = rampValues.length;
    tgtBucket.push(KIND_PIPELINE);
    tgtWeight.push(1);
    if (p.counted) addProjectTargets(ctx, b, plans, induced, p, tgtBucket, tgtWeight);
    pTgtOff[i + 1] = tgtBucket.length;
  });
  const rampArr = s.float64(rampValues.length);
  rampArr.set(rampValues);
  markLeaderColumns(b, induced, termBucket, tgtBucket);
  return { pBase, pLik, pProd, pDelayable, pCapValued, pRampOff, rampArr, ...projectGroups(ctx, nP, pTgtOff, tgtBucket, tgtWeight) };
}

/** Adds the (bucket, weight) pairs a project contributes to, besides its kind, to `buckets` and `weights`. */
function addProjectTargets(
  ctx: EstimateContext,
  b: Buckets,
  plans: readonly AuditPlan[],
  induced: InducedModel,
  p: PipeItem,
  buckets: number[],
  weights: number[],
): void {
  const { model } = ctx;
  const S = model.index.segments;
  for (let i = 0; i < b.nAudits; i++) {
    const plan = plans[i]!;
    if (plan.unavailable === null && regionWithinIdx(model, p.region, plan.region) && (plan.chain < 0 || p.chains.includes(plan.chain))) {
      buckets.push(b.AUD0 + i);
      weights.push(1);
    }
  }
  const segs = p.segs;
  const w = segs.length > 0 ? 1 / segs.length : 0;
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k]!;
    const pos = induced.posOfSeg[s]!;
    if (pos < 0) continue;
    const leader = p.enterprise >= 0 && induced.isLeaderEnt[p.enterprise] === 1 && isLeaderIn(ctx, p.enterprise, S.chain[s]!);
    buckets.push((leader ? b.LEAD0 : b.LIST0) + pos);
    weights.push(w);
  }
}

/** Leader columns of each induced chain: segments some term or project feeds a leader bucket of. */
function markLeaderColumns(b: Buckets, induced: InducedModel, termBucket: Int32Array, tgtBucket: number[]): void {
  const fedLeader = new Uint8Array(induced.positions);
  const markLeader = (bucket: number) => {
    if (bucket >= b.LEAD0 && bucket < b.LIST0) fedLeader[bucket - b.LEAD0] = 1;
  };
  termBucket.forEach(markLeader);
  tgtBucket.forEach(markLeader);
  for (const ic of induced.chains) {
    const cols: number[] = [];
    for (let j = 0; j < ic.n; j++) if (fedLeader[ic.pos + j]) cols.push(j);
    ic.leaderCols = Int32Array.from(cols);
  }
}

/**
 * Projects with the same (bucket, weight) list share a group: a run adds a project's value to its
 * group once, and each group to its buckets once.
 */
function projectGroups(
  ctx: EstimateContext,
  nP: number,
  pTgtOff: Int32Array,
  tgtBucket: number[],
  tgtWeight: number[],
): Pick<ProjectColumns, 'pGroup' | 'nG' | 'gOff' | 'tBucket' | 'tWeight'> {
  const { s } = ctx;
  const groupOf = new Map<string, number>();
  const pGroup = s.int32(nP);
  const gTgtOff: number[] = [0];
  const gBucket: number[] = [];
  const gWeight: number[] = [];
  for (let i = 0; i < nP; i++) {
    const lo = pTgtOff[i]!;
    const hi = pTgtOff[i + 1]!;
    let key = '';
    for (let q = lo; q < hi; q++) key += `${tgtBucket[q]}:${tgtWeight[q]};`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(key, g);
      for (let q = lo; q < hi; q++) (gBucket.push(tgtBucket[q]!), gWeight.push(tgtWeight[q]!));
      gTgtOff.push(gBucket.length);
    }
    pGroup[i] = g;
  }
  const gOff = s.int32(gTgtOff.length);
  gOff.set(gTgtOff);
  const tBucket = s.int32(gBucket.length);
  tBucket.set(gBucket);
  const tWeight = s.float64(gWeight.length);
  tWeight.set(gWeight);
  return { pGroup, nG: groupOf.size, gOff, tBucket, tWeight };
}

/**
 * The audit buckets each induced chain's output counts toward (audits at the scope region).
 *
 * @example
 * inducedAuditBuckets(ctx, buckets, plans, induced)[0]; // Int32Array of audit buckets of the first induced chain
 */
export function inducedAuditBuckets(ctx: EstimateContext, b: Buckets, plans: readonly AuditPlan[], induced: InducedModel): Int32Array[] {
  return induced.chains.map((ic) =>
    Int32Array.from(
      plans.flatMap((plan, i) =>
        plan.unavailable === null && plan.region === ctx.scopeRegion && (plan.chain < 0 || plan.chain === ic.chain) ? [b.AUD0 + i] : [],
      ),
    ),
  );
}

/**
 * The Monte Carlo's input: the years, the buckets, the firms' terms, the projects' columns, the induced chains and the draws' settings.
 *
 * @example
 * simulate(s, simulationOf({ runs, seed, years: Y, a }, buckets, terms, columns, induced, inducedAudits));
 */
export function simulationOf(
  settings: { runs: number; seed: number; years: readonly number[]; a: OutputAssumptions },
  b: Buckets,
  terms: FirmTerms,
  columns: ProjectColumns,
  induced: InducedModel,
  inducedAudits: Int32Array[],
): Simulation {
  const { a } = settings;
  return {
    runs: settings.runs,
    T: settings.years.length,
    J: terms.J,
    CAP: terms.CAP,
    origins: Float64Array.from(terms.origins),
    yearArr: Float64Array.from(settings.years),
    ...b,
    termBucket: terms.termBucket,
    termGroup: terms.termGroup,
    termCoef: terms.termCoef,
    ...columns,
    inducedChains: induced.chains,
    inducedAudits,
    inducedPositions: induced.positions,
    induced: a.induced,
    growthRate: a.growthRate,
    growthSpread: a.growthSpread,
    shortfall: a.shortfall,
    utilisation: a.utilisation,
    delayProbabilities: a.delayProbabilities,
    seed: settings.seed,
  };
}
