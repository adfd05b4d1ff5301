/**
 * The scales and defaults of the demand and capacity components: the buyer's demand a × x with
 * the candidates' medians (else 1) for unknown coefficients and outputs, the largest demand and
 * capacity among the candidates, and each candidate supplier's capacity part of a score.
 */
import type { ChainModel, Csr } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import type { Candidates, Vias } from './candidates.js';
import { knownValues, type Tables } from './tables.js';
import type { MatchBasis } from './types.js';

/**
 * The median; equal values keep their input order as in a stable sort by `a - b`, so that a
 * median of zeros has the sign that sort gives it.
 *
 * @example
 * median(s, [3, 1, 2]); // 2
 */
export function median(s: Scratch, values: readonly number[]): number {
  const sorted = s.float64(values.length);
  sorted.set(values);
  sorted.sort();
  const mid = sorted.length >> 1;
  const at = (i: number) => {
    const x = sorted[i]!;
    if (x !== 0) return x;
    let first = i;
    while (first > 0 && sorted[first - 1] === 0) first--;
    let k = i - first;
    for (const v of values) if (v === 0 && k-- === 0) return v;
    return x;
  };
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** The buyer's demand for a flow's input, a × x, with the defaults for unknown ones (the candidates' medians, else 1). */
export interface DemandModel {
  coefficient: Float64Array;
  output: Float64Array;
  defaultCoefficient: number;
  defaultOutput: number;
}
/**
 * The buyer's demand for a flow's input, a × x, with the defaults where unknown.
 *
 * @example
 * demandOf(demand, buyer, flow);
 */
export function demandOf(d: DemandModel, b: number, f: number): number {
  const a = d.coefficient[f]!;
  const x = d.output[b]!;
  return (Number.isNaN(a) ? d.defaultCoefficient : a) * (Number.isNaN(x) ? d.defaultOutput : x);
}

/**
 * The largest demand over the candidate buyers' vias.
 *
 * @example
 * const maxDemand = largestDemand(demand, candidateBuyers, keyOf, vias);
 */
export function largestDemand(d: DemandModel, buyers: Int32Array, keyOf: (b: number) => number, vias: Vias): number {
  let max = 0;
  for (let i = 0; i < buyers.length; i++) {
    const b = buyers[i]!;
    const key = keyOf(b);
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) max = Math.max(max, demandOf(d, b, vias.flow[v]!));
  }
  return max;
}

/**
 * Candidate suppliers: the eligible suppliers of the segments that feed the buyers considered, with their known outputs.
 *
 * @example
 * const { candidate, known } = supplierCandidates(s, t, segments.enterprises, supplierSide);
 */
export function supplierCandidates(s: Scratch, t: Tables, segmentFirms: Csr, supplierSide: Uint8Array) {
  const { supplierOk, output } = t;
  const candidate = s.uint8(t.ne);
  const known: number[] = [];
  for (let sg = 0; sg < t.ns; sg++) {
    if (!supplierSide[sg]) continue;
    for (let m = segmentFirms.offsets[sg]!; m < segmentFirms.offsets[sg + 1]!; m++) {
      const e = segmentFirms.items[m]!;
      if (!supplierOk[e] || candidate[e]) continue;
      candidate[e] = 1;
      if (!Number.isNaN(output[e]!)) known.push(output[e]!);
    }
  }
  return { candidate, known };
}

/**
 * The largest capacity (output, or the default where unknown) of the candidate suppliers.
 *
 * @example
 * const maxCapacity = largestCapacity(output, supplierCandidate, defaultCapacity);
 */
export function largestCapacity(output: Float64Array, candidate: Uint8Array, defaultCapacity: number): number {
  let max = 0;
  for (let e = 0; e < candidate.length; e++) if (candidate[e]) max = Math.max(max, Number.isNaN(output[e]!) ? defaultCapacity : output[e]!);
  return max;
}

/**
 * Per candidate supplier, weight × its capacity score (capacity over the largest): its part of a score.
 *
 * @example
 * const capacityPart = capacityParts(s, output, suppliers, defaultCapacity, maxCapacity, used.capacity);
 */
export function capacityParts(s: Scratch, output: Float64Array, suppliers: Int32Array, defaultCapacity: number, maxCapacity: number, weight: number): Float64Array {
  const out = s.float64(output.length);
  for (let i = 0; i < suppliers.length; i++) {
    const e = suppliers[i]!;
    out[e] = weight * (maxCapacity > 0 ? (Number.isNaN(output[e]!) ? defaultCapacity : output[e]!) / maxCapacity : 0);
  }
  return out;
}

/** The scales of the demand and capacity components, their defaults, and how many data are known. */
export interface Scales {
  /** Known input coefficients of the flows used, outputs of the candidate buyers and suppliers. */
  known: { coefficients: number; buyerOutputs: number; supplierOutputs: number };
  /** Candidate suppliers: eligible suppliers of the segments that feed the candidate buyers. */
  supplierCandidate: Uint8Array;
  coefficientBasis: (f: number) => MatchBasis;
  outputBasis: (b: number) => MatchBasis;
  demand: DemandModel;
  /** A supplier's output, the candidates' median where unknown (0 when none is known). */
  capacityOf: (s: number) => number;
  maxDemand: number;
  defaultCapacity: number;
  maxCapacity: number;
  /** A supplier's capacity over the largest. */
  capacityScore: (s: number) => number;
}

/**
 * The medians, defaults and scales of the demand and capacity components, over the candidate
 * buyers' flows and the suppliers of the segments that feed them.
 *
 * @example
 * const scales = measureScales(s, model, t, found);
 * scales.maxDemand; // the largest a × x among the candidates
 */
export function measureScales(s: Scratch, model: ChainModel, t: Tables, found: Candidates): Scales {
  const { segments, flows } = model.index;
  const { output } = t;
  const { candidateBuyers, keyOf, vias, supplierSide, flowUsed } = found;
  const knownCoefficients: number[] = [];
  flowUsed.forEach((used, f) => {
    if (used && !Number.isNaN(flows.coefficient[f]!)) knownCoefficients.push(flows.coefficient[f]!);
  });
  const knownBuyerOutputs = knownValues(output, candidateBuyers);
  const { candidate: supplierCandidate, known: knownSupplierOutputs } = supplierCandidates(s, t, segments.enterprises, supplierSide);
  const medianCoefficient = knownCoefficients.length > 0 ? median(s, knownCoefficients) : null;
  const medianBuyerOutput = knownBuyerOutputs.length > 0 ? median(s, knownBuyerOutputs) : null;
  const medianSupplierOutput = knownSupplierOutputs.length > 0 ? median(s, knownSupplierOutputs) : null;

  const coefficientBasis = (f: number): MatchBasis => (!Number.isNaN(flows.coefficient[f]!) ? 'known' : medianCoefficient !== null ? 'median' : 'unknown');
  const outputBasis = (b: number): MatchBasis => (!Number.isNaN(output[b]!) ? 'known' : medianBuyerOutput !== null ? 'median' : 'unknown');
  const demand: DemandModel = { coefficient: flows.coefficient, output, defaultCoefficient: medianCoefficient ?? 1, defaultOutput: medianBuyerOutput ?? 1 };
  const capacityOf = (s: number) => (Number.isNaN(output[s]!) ? (medianSupplierOutput ?? 0) : output[s]!);
  const maxDemand = largestDemand(demand, candidateBuyers, keyOf, vias);
  const defaultCapacity = medianSupplierOutput ?? 0;
  const maxCapacity = largestCapacity(output, supplierCandidate, defaultCapacity);
  const capacityScore = (s: number) => (maxCapacity > 0 ? capacityOf(s) / maxCapacity : 0);
  return {
    known: { coefficients: knownCoefficients.length, buyerOutputs: knownBuyerOutputs.length, supplierOutputs: knownSupplierOutputs.length },
    supplierCandidate,
    coefficientBasis,
    outputBasis,
    demand,
    capacityOf,
    maxDemand,
    defaultCapacity,
    maxCapacity,
    capacityScore,
  };
}
