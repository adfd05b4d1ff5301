/**
 * The Monte Carlo runs (seeded). Per run one growth rate g ~ Normal(rate, spread) and one
 * utilisation u ~ Triangular, shared by all firms (a common market shock, so the band does not
 * shrink by diversification); per project three uniform draws, always taken so that changing one
 * assumption keeps the other streams aligned: goes ahead with the probability of its status
 * (Bernoulli), a delay from the delay distribution (projects not yet producing), and a shortfall
 * factor ~ Triangular on its announced output (capacity-valued projects take u instead). Current
 * and capacity output scale with one factor per run, so they enter as (bucket, factor group)
 * terms summed ahead of the runs; a run costs O(projects + chain segments²), not O(firms).
 */
import { Draws, triangular, UNIFORM_HIGH_MASK, UNIFORM_HIGH_SCALE, UNIFORM_LOW_MASK, UNIFORM_LOW_SCALE } from '../../internal/draws.js';
import type { Scratch } from '../../internal/scratch.js';
import type { ProjectColumns } from './buckets.js';
import { KIND_INDUCED, type InducedEstimate, type InducedMode, type Triangular } from './types.js';

/** A chain whose induced output is modelled. */
export interface InducedChain {
  chain: number;
  segStart: number;
  n: number;
  /** L_d − I, row-major n × n. */
  Lm1: Float64Array;
  /** Positions of the segments leaders put output in (the only non-zero entries of y). */
  leaderCols: Int32Array;
  leaders: number[];
  info: InducedEstimate;
  pos: number;
}

/** Everything the Monte Carlo reads and writes, as flat arrays (a function of its own, so the JIT optimises the loop on its own). */
export interface Simulation extends ProjectColumns {
  runs: number;
  T: number;
  J: number;
  CAP: number;
  origins: Float64Array;
  yearArr: Float64Array;
  nBuckets: number;
  AUD0: number;
  nAudits: number;
  LEAD0: number;
  LIST0: number;
  termBucket: Int32Array;
  termGroup: Int32Array;
  termCoef: Float64Array;
  inducedChains: InducedChain[];
  inducedAudits: Int32Array[];
  inducedPositions: number;
  induced: InducedMode;
  growthRate: number;
  growthSpread: number;
  shortfall: Triangular;
  utilisation: Triangular;
  delayProbabilities: readonly number[];
  seed: number;
}

export interface SimulationResult {
  /** Sum over runs of each (year slot, factor group) factor. */
  meanFactor: Float64Array;
  /** runs × T. */
  total: Float64Array;
  kindRuns: Float64Array[];
  auditRuns: Float64Array[];
  zRuns: Float64Array;
  /** Sum over runs of each project's output, nP × T. */
  projSum: Float64Array;
  inducedGrossSum: Float64Array;
  inducedAddedSum: Float64Array;
}

/** The Monte Carlo's project columns and per-run scratch, read by {@link drawProjects}. */
interface ProjectRun {
  nP: number;
  T: number;
  /** Requested and internal years, ascending, whole. */
  yearInt: Int32Array;
  lastYear: number;
  pBase: Float64Array;
  pLik: Float64Array;
  pProd: Int32Array;
  pDelayable: Uint8Array;
  pCapValued: Uint8Array;
  pRampOff: Int32Array;
  rampArr: Float64Array;
  pGroup: Int32Array;
  delayCum: Float64Array;
  shortfall: Triangular;
  /** Sum over runs of each project's output, nP × T. */
  projSum: Float64Array;
  /** This run's output by group, nG × T (all 0 between runs). */
  groupRun: Float64Array;
  /** First year slot a group has output in during the run (T: none); earlier slots hold 0. */
  groupFrom: Int32Array;
  /**
   * This run's utilisation, in a typed array: read from it, it is a plain double in the loop (a
   * number argument may stay boxed, and each capacity-or-shortfall factor would then allocate).
   */
  util: Float64Array;
}

/**
 * One run over the projects: three uniforms each, in project order, drawn with the generator's
 * state in local variables (the steps of {@link Draws.float}); adds each project's output to its
 * sum over runs and to its group's output in this run. One function: the draws stepped apart from
 * the project loop would cost a call per project and keep the generator's state out of registers.
 */
function drawProjects(pr: ProjectRun, st: Int32Array): void {
  const { nP, T, yearInt, lastYear, pBase, pLik, pProd, pDelayable, pCapValued, pRampOff, rampArr, pGroup, delayCum } = pr;
  const { projSum, groupRun, groupFrom } = pr;
  const util = pr.util[0]!;
  const { min: sMin, mode: sMode, max: sMax } = pr.shortfall;
  // triangular(u, sMin, sMode, sMax) with its constant parts hoisted (the same operations in the same order)
  const sFixed = sMax === sMin;
  const sWidth = sMax - sMin;
  const sLow = sMode - sMin;
  const sHigh = sMax - sMode;
  const sCut = sLow / sWidth;
  let s01 = st[0]!;
  let s00 = st[1]!;
  let s11 = st[2]!;
  let s10 = st[3]!;
  for (let i = 0; i < nP; i++) {
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    for (let d = 0; d < 3; d++) {
      let out = (s00 + s10) | 0;
      let a0 = s10 ^ s00;
      let a1 = s11 ^ s01;
      let t00 = s00;
      let t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const high = out & UNIFORM_HIGH_MASK;
      out = (s00 + s10) | 0;
      a0 = s10 ^ s00;
      a1 = s11 ^ s01;
      t00 = s00;
      t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const u = high * UNIFORM_HIGH_SCALE + (out & UNIFORM_LOW_MASK) * UNIFORM_LOW_SCALE;
      if (d === 0) u1 = u;
      else if (d === 1) u2 = u;
      else u3 = u;
    }
    // the state back in every iteration (cheap stores): stores first reached after the loop would
    // leave code compiled during the first call without feedback for them, and deoptimise every call
    st[0] = s01;
    st[1] = s00;
    st[2] = s11;
    st[3] = s10;
    if (!(u1 < pLik[i]!)) continue;
    let delay = 0;
    if (pDelayable[i]) while (u2 >= delayCum[delay]!) delay++;
    const start = pProd[i]! + delay;
    // a project starting after the last year adds nothing (its draws are taken all the same)
    if (start > lastYear) continue;
    const f = pCapValued[i]
      ? util
      : sFixed
        ? sMin
        : u3 < sCut
          ? sMin + Math.sqrt(u3 * sWidth * sLow)
          : sMax - Math.sqrt((1 - u3) * sWidth * sHigh);
    const full = pBase[i]! * f;
    const r0 = pRampOff[i]!;
    const rLast = pRampOff[i + 1]! - r0 - 1;
    const pRow = i * T;
    const gi = pGroup[i]!;
    const gRow = gi * T;
    let t = 0;
    while (yearInt[t]! < start) t++;
    if (t < groupFrom[gi]!) groupFrom[gi] = t;
    for (; t < T; t++) {
      const k = yearInt[t]! - start;
      const v = full * rampArr[r0 + (k < rLast ? k : rLast)]!;
      projSum[pRow + t]! += v;
      groupRun[gRow + t]! += v;
    }
  }
}

/**
 * Adds each group's output in this run to its buckets, in group order. Slots before a group's
 * first output hold 0 and would add nothing (a bucket, a sum from +0, is never −0), so they are
 * skipped; the group's row is cleared for the next run.
 */
function addGroups(
  T: number,
  nG: number,
  gOff: Int32Array,
  tBucket: Int32Array,
  tWeight: Float64Array,
  groupRun: Float64Array,
  groupFrom: Int32Array,
  bucket: Float64Array,
): void {
  for (let gi = 0; gi < nG; gi++) {
    const from = groupFrom[gi]!;
    if (from === T) continue;
    const gRow = gi * T;
    for (let q = gOff[gi]!; q < gOff[gi + 1]!; q++) {
      const b = tBucket[q]! * T;
      const w = tWeight[q]!;
      for (let t = from; t < T; t++) bucket[b + t]! += w * groupRun[gRow + t]!;
    }
    for (let t = from; t < T; t++) groupRun[gRow + t] = 0;
    groupFrom[gi] = T;
  }
}

/** The sums and per-run records the runs write (cut from the call's arena), and the run's buckets. */
interface RunRecords extends SimulationResult {
  /** This run's output by bucket, nBuckets × T. */
  bucket: Float64Array;
  /** This run's factor of each (year slot, factor group), T × J. */
  factor: Float64Array;
  /** The leaders' output of an induced chain at one year slot, by leader column. */
  yVec: Float64Array;
}

/**
 * The Monte Carlo runs. Per run: one normal draw (growth), one uniform (utilisation), then three
 * uniforms per project in project order; current and capacity output enter as (bucket, factor
 * group) terms, projects through their (bucket, weight) groups, induced output last.
 *
 * @example
 * simulate(s, simulationOf({ runs: 1000, seed: 7, years: Y, a }, buckets, terms, columns, induced, inducedAudits)).total; // runs × T
 */
export function simulate(s: Scratch, sim: Simulation): SimulationResult {
  const { runs, growthRate, growthSpread } = sim;
  const draws = new Draws(sim.seed);
  const projects = projectRun(s, sim);
  const records = runRecords(s, sim, projects.projSum);
  const { bucket } = records;
  const { min: uMin, mode: uMode, max: uMax } = sim.utilisation;
  for (let run = 0; run < runs; run++) {
    bucket.fill(0);
    const z = draws.normal();
    records.zRuns[run] = z;
    const g = Math.max(-0.95, growthRate + growthSpread * z);
    const util = triangular(draws.float(), uMin, uMode, uMax);
    addFirms(sim, records, g, util);
    projects.util[0] = util;
    drawProjects(projects, draws.state);
    addGroups(sim.T, sim.nG, sim.gOff, sim.tBucket, sim.tWeight, projects.groupRun, projects.groupFrom, bucket);
    addInduced(sim, records);
    recordRun(sim, records, run);
  }
  const { meanFactor, total, kindRuns, auditRuns, zRuns, projSum, inducedGrossSum, inducedAddedSum } = records;
  return { meanFactor, total, kindRuns, auditRuns, zRuns, projSum, inducedGrossSum, inducedAddedSum };
}

/** The projects' columns and per-run scratch, with the cumulative delay distribution. */
function projectRun(s: Scratch, sim: Simulation): ProjectRun {
  const { T, nG } = sim;
  const nP = sim.pBase.length;
  const delayCum = new Float64Array(sim.delayProbabilities.length);
  sim.delayProbabilities.reduce((s, v, i) => (delayCum[i] = s + v), 0);
  delayCum[delayCum.length - 1] = Infinity;
  // years and production years are whole: their differences index the ramp-up in integers
  const yearInt = Int32Array.from(sim.yearArr);
  return {
    nP,
    T,
    yearInt,
    lastYear: T > 0 ? yearInt[T - 1]! : 0,
    pBase: sim.pBase,
    pLik: sim.pLik,
    pProd: sim.pProd,
    pDelayable: sim.pDelayable,
    pCapValued: sim.pCapValued,
    pRampOff: sim.pRampOff,
    rampArr: sim.rampArr,
    pGroup: sim.pGroup,
    delayCum,
    shortfall: sim.shortfall,
    projSum: s.float64(nP * T),
    groupRun: s.float64(nG * T),
    groupFrom: s.int32(nG, T),
    util: new Float64Array(1),
  };
}

function runRecords(s: Scratch, sim: Simulation, projSum: Float64Array): RunRecords {
  const { runs, T, J, nBuckets, nAudits, inducedPositions } = sim;
  const bucket = s.float64(nBuckets * T);
  const factor = s.float64(T * J);
  const meanFactor = s.float64(T * J);
  const total = s.float64(runs * T);
  const kindRuns = [0, 1, 2, 3].map(() => s.float64(runs * T));
  const auditRuns: Float64Array[] = [];
  for (let i = 0; i < nAudits; i++) auditRuns.push(s.float64(runs * T));
  const zRuns = s.float64(runs);
  const inducedGrossSum = s.float64(inducedPositions * T);
  const inducedAddedSum = s.float64(inducedPositions * T);
  let maxN = 0;
  for (const ic of sim.inducedChains) maxN = Math.max(maxN, ic.n);
  const yVec = new Float64Array(maxN);
  return { bucket, factor, meanFactor, total, kindRuns, auditRuns, zRuns, projSum, inducedGrossSum, inducedAddedSum, yVec };
}

/** The run's factors (growth since each output year; utilisation), summed over runs, and the firms' terms. */
function addFirms(sim: Simulation, records: RunRecords, g: number, util: number): void {
  const { T, J, CAP, origins, yearArr, termBucket, termGroup, termCoef } = sim;
  const { factor, meanFactor, bucket } = records;
  const nTerms = termBucket.length;
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < CAP; j++) factor[t * J + j] = (1 + g) ** (yearArr[t]! - origins[j]!);
    factor[t * J + CAP] = util;
  }
  for (let k = 0; k < T * J; k++) meanFactor[k]! += factor[k]!;
  for (let i = 0; i < nTerms; i++) {
    const b = termBucket[i]! * T;
    const gr = termGroup[i]!;
    const coef = termCoef[i]!;
    for (let t = 0; t < T; t++) bucket[b + t]! += coef * factor[t * J + gr]!;
  }
}

/** Induced output of the run: (L_d − I) times the leaders' output, net of the listed firms' output when `net`. */
function addInduced(sim: Simulation, records: RunRecords): void {
  const { T, LEAD0, LIST0, inducedChains, inducedAudits } = sim;
  const { bucket, yVec, inducedGrossSum, inducedAddedSum } = records;
  const net = sim.induced === 'net';
  const none = sim.induced === 'none';
  for (let ci = 0; ci < inducedChains.length; ci++) {
    const ic = inducedChains[ci]!;
    const n = ic.n;
    const cols = ic.leaderCols;
    const nc = cols.length;
    if (nc === 0) continue;
    const Lm1 = ic.Lm1;
    const audits = inducedAudits[ci]!;
    for (let t = 0; t < T; t++) {
      for (let q = 0; q < nc; q++) yVec[q] = bucket[(LEAD0 + ic.pos + cols[q]!) * T + t]!;
      let added = 0;
      for (let i = 0; i < n; i++) {
        let gross = 0;
        for (let q = 0; q < nc; q++) gross += Lm1[i * n + cols[q]!]! * yVec[q]!;
        let add = gross;
        if (net) add = Math.max(0, gross - bucket[(LIST0 + ic.pos + i) * T + t]!);
        else if (none) add = 0;
        inducedGrossSum[(ic.pos + i) * T + t]! += gross;
        inducedAddedSum[(ic.pos + i) * T + t]! += add;
        added += add;
      }
      bucket[KIND_INDUCED * T + t]! += added;
      for (let q = 0; q < audits.length; q++) bucket[audits[q]! * T + t]! += added;
    }
  }
}

/** The run's output by kind, its total (the kinds summed in order) and each audit's output. */
function recordRun(sim: Simulation, records: RunRecords, run: number): void {
  const { T, AUD0, nAudits } = sim;
  const { bucket, kindRuns, total, auditRuns } = records;
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      const v = bucket[k * T + t]!;
      kindRuns[k]![run * T + t] = v;
      sum += v;
    }
    total[run * T + t] = sum;
    for (let i = 0; i < nAudits; i++) auditRuns[i]![run * T + t] = bucket[(AUD0 + i) * T + t]!;
  }
}
