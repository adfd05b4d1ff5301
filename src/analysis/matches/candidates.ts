/**
 * Candidate routes from the buyers' segments: buyers with the same list of segments share their
 * vias (flow, supplier and buyer segments, through cross-chain equivalents), and the number of
 * distinct candidate pairs is counted exactly from the segment sets ("signatures") of the
 * eligible suppliers, less each buyer's linked suppliers, without listing the pairs.
 */
import type { ChainModel, Csr } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import { modelTables } from './model-tables.js';
import type { Streams } from './supplier-order.js';
import { buyerTable, eligibleCounts, indicesOf, operatesIn, type Tables } from './tables.js';

/**
 * Signatures of eligible suppliers: per firm (-1 if none), how many firms each, and per segment the signatures containing it.
 *
 * @example
 * const signatures = supplierSignatures(s, t, seqOf, sigOfSeq, sigSegments);
 */
export function supplierSignatures(s: Scratch, t: Tables, seqOf: Int32Array, sigOfSeq: Int32Array, sigSegments: Streams) {
  const { ne, ns, segOffsets, supplierOk } = t;
  const nSig = sigSegments.offsets.length - 1;
  const sigOf = s.int32(ne, -1);
  const count = s.int32(nSig);
  for (let e = 0; e < ne; e++)
    if (supplierOk[e] && segOffsets[e + 1]! > segOffsets[e]!) {
      const g = sigOfSeq[seqOf[e]!]!;
      sigOf[e] = g;
      count[g]!++;
    }
  const offsets = s.int32(ns + 1);
  for (let g = 0; g < nSig; g++)
    if (count[g]! > 0) for (let a = sigSegments.offsets[g]!; a < sigSegments.offsets[g + 1]!; a++) offsets[sigSegments.items[a]! + 1]!++;
  for (let sg = 0; sg < ns; sg++) offsets[sg + 1]! += offsets[sg]!;
  const cursor = s.copy(offsets);
  const items = s.int32(offsets[ns]!);
  for (let g = 0; g < nSig; g++)
    if (count[g]! > 0) for (let a = sigSegments.offsets[g]!; a < sigSegments.offsets[g + 1]!; a++) items[cursor[sigSegments.items[a]!]!++] = g;
  return { sigOf, count, bySegment: { offsets, items } };
}

/**
 * Buyers grouped by key = 2 · sequence + eligible as a supplier (a key fixes the buyer's vias).
 *
 * @example
 * const groups = buyerGroups(s, t, isBuyer, seqOf, nKeys);
 */
export function buyerGroups(s: Scratch, t: Tables, isBuyer: Uint8Array, seqOf: Int32Array, nKeys: number) {
  const { ne, supplierOk } = t;
  const start = s.int32(nKeys + 1);
  let n = 0;
  for (let e = 0; e < ne; e++)
    if (isBuyer[e]) {
      start[2 * seqOf[e]! + supplierOk[e]! + 1]!++;
      n++;
    }
  for (let k = 0; k < nKeys; k++) start[k + 1]! += start[k]!;
  const items = s.int32(n);
  const cursor = s.copy(start);
  for (let e = 0; e < ne; e++) if (isBuyer[e]) items[cursor[2 * seqOf[e]! + supplierOk[e]!]!++] = e;
  return { start, items };
}

/** The vias of each key (with buyers): keys' ranges into parallel arrays. */
export interface Vias {
  start: Int32Array;
  flow: Int32Array;
  /** Supplier's and buyer's own segments. */
  s: Int32Array;
  t: Int32Array;
  /** Indices into equivalents.labels of the supplier-side and buyer-side equivalences, -1 when direct. */
  sLabel: Int32Array;
  tLabel: Int32Array;
}

/**
 * The vias of each key, in the order a buyer meets them: for each segment t of the buyer, t and
 * its equivalents, the flows into them, their source and its equivalents; kept when the
 * supplier's or buyer's segment is in the chain and the source segment has an eligible
 * supplier other than the buyer.
 *
 * @example
 * const vias = keyVias(s, t, flows.in, groups.start, seqFirm, eligibleIn, segments.chain, chain);
 */
export function keyVias(
  scratch: Scratch,
  t: Tables,
  flowsIn: Csr,
  keyStart: Int32Array,
  seqFirm: Int32Array,
  eligibleIn: Int32Array,
  segChain: Int32Array,
  chain: number | undefined,
): Vias {
  const { segOffsets, segItems, flowFrom, equivalents } = t;
  const { offsets: eqOffsets, items: eqItems } = equivalents;
  const inChain = (s: number) => chain === undefined || segChain[s] === chain;
  const nKeys = keyStart.length - 1;
  const start = scratch.int32(nKeys + 1);
  const flow: number[] = [];
  const s: number[] = [];
  const tt: number[] = [];
  const sLabel: number[] = [];
  const tLabel: number[] = [];
  for (let key = 0; key < nKeys; key++) {
    start[key] = flow.length;
    if (keyStart[key + 1] === keyStart[key]) continue;
    const rep = seqFirm[key >> 1]!;
    const selfOk = (key & 1) === 1;
    for (let a = segOffsets[rep]!; a < segOffsets[rep + 1]!; a++) {
      const target = segItems[a]!;
      // q = eqOffsets[target] − 1 stands for the segment itself
      for (let q = eqOffsets[target]! - 1; q < eqOffsets[target + 1]!; q++) {
        const t2 = q < eqOffsets[target]! ? target : eqItems[q]!;
        for (let i = flowsIn.offsets[t2]!; i < flowsIn.offsets[t2 + 1]!; i++) {
          const f = flowsIn.items[i]!;
          const s1 = flowFrom[f]!;
          for (let p = eqOffsets[s1]! - 1; p < eqOffsets[s1 + 1]!; p++) {
            const sg = p < eqOffsets[s1]! ? s1 : eqItems[p]!;
            if (!inChain(sg) && !inChain(target)) continue;
            // a via needs a supplier other than the buyer itself
            if (eligibleIn[sg]! - (selfOk && operatesIn(t, rep, sg) ? 1 : 0) <= 0) continue;
            flow.push(f);
            s.push(sg);
            tt.push(target);
            sLabel.push(p < eqOffsets[s1]! ? -1 : p);
            tLabel.push(q < eqOffsets[target]! ? -1 : q);
          }
        }
      }
    }
  }
  start[nKeys] = flow.length;
  const column = (values: number[]) => {
    const out = scratch.int32(values.length);
    out.set(values);
    return out;
  };
  return { start, flow: column(flow), s: column(s), t: column(tt), sLabel: column(sLabel), tLabel: column(tLabel) };
}

/**
 * Pass 1: distinct candidate pairs per buyer, exactly, from the signatures: the eligible
 * suppliers of the key's via segments, less the buyer itself and the suppliers it is linked with.
 *
 * @example
 * const { candidates, isCandidate } = countCandidates(s, t, groups, vias, sigOfSeq, signatures);
 */
export function countCandidates(
  s: Scratch,
  t: Tables,
  groups: { start: Int32Array; items: Int32Array },
  vias: Vias,
  sigOfSeq: Int32Array,
  signatures: ReturnType<typeof supplierSignatures>,
) {
  const { ne, linkInOffsets, linkInItems, inFrom, linkStatus, linkedOnly, sigOf } = t;
  const { count: signatureCount, bySegment } = signatures;
  const nKeys = groups.start.length - 1;
  const isCandidate = s.uint8(ne);
  const keyUsed = s.uint8(nKeys);
  const stamp = s.int32(signatureCount.length, -1);
  const linkedStamp = s.int32(ne, -1);
  let candidates = 0;
  for (let key = 0; key < nKeys; key++) {
    if (groups.start[key + 1] === groups.start[key] || vias.start[key + 1] === vias.start[key]) continue;
    let union = 0;
    for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
      const sg = vias.s[v]!;
      for (let q = bySegment.offsets[sg]!; q < bySegment.offsets[sg + 1]!; q++) {
        const g = bySegment.items[q]!;
        if (stamp[g] === key) continue;
        stamp[g] = key;
        union += signatureCount[g]!;
      }
    }
    // the buyer itself, when an eligible supplier of a via segment (the same for all of the key)
    if ((key & 1) === 1 && stamp[sigOfSeq[key >> 1]!] === key) union--;
    for (let i = groups.start[key]!; i < groups.start[key + 1]!; i++) {
      const b = groups.items[i]!;
      let count = union;
      for (let q = linkInOffsets[b]!; q < linkInOffsets[b + 1]!; q++) {
        if (linkedOnly >= 0 && linkStatus[linkInItems[q]!] !== linkedOnly) continue;
        const s = inFrom[q]!;
        const g = sigOf[s]!;
        if (g < 0 || s === b || stamp[g] !== key || linkedStamp[s] === b) continue;
        linkedStamp[s] = b;
        count--;
      }
      if (count <= 0) continue;
      candidates += count;
      isCandidate[b] = 1;
      keyUsed[key] = 1;
    }
  }
  return { candidates, isCandidate, keyUsed, linkedStamp };
}

/** What pass 1 finds: the buyers grouped by key with their vias, and the candidate pairs counted. */
export interface Candidates {
  /** Eligible suppliers per segment. */
  eligibleIn: Int32Array;
  /** Buyers by key (2 · sequence + eligible as a supplier): a key fixes the buyer's vias. */
  groups: { start: Int32Array; items: Int32Array };
  nKeys: number;
  keyOf: (b: number) => number;
  vias: Vias;
  /** Distinct (supplier, buyer) pairs. */
  candidates: number;
  /** Buyers with at least one candidate pair, ascending. */
  candidateBuyers: Int32Array;
  /** Per firm, the last buyer it was found linked to (reused by pass 2). */
  linkedStamp: Int32Array;
  /** Segments that feed a candidate buyer, and flows a candidate buyer's vias use. */
  supplierSide: Uint8Array;
  flowUsed: Uint8Array;
}

/**
 * Pass 1: the buyers considered, grouped by key, their vias, and the exact number of distinct
 * candidate pairs; with the feeding segments and flows the components are scaled over.
 *
 * @example
 * const found = findCandidates(s, model, t, allowed, 'local', scope.chainIndex);
 * found.candidates; // distinct (supplier, buyer) pairs
 */
export function findCandidates(
  s: Scratch,
  model: ChainModel,
  t: Tables,
  allowed: Uint8Array,
  buyerMode: 'local' | 'any',
  chain: number | undefined,
): Candidates {
  const { enterprises, segments, flows } = model.index;
  const { ns, local, supplierOk } = t;
  const eligibleIn = eligibleCounts(t);
  // each firm's list of segments as a "sequence" (firms with the same list have the same vias) and
  // its set as a "signature" (counts distinct candidate suppliers without listing them)
  const { seqOf, seqFirm, sigOfSeq, sigSegments } = modelTables(model).sequences;
  const signatures = supplierSignatures(s, t, seqOf, sigOfSeq, sigSegments);
  t.sigOf = signatures.sigOf;

  // buyers, grouped by key = (sequence, eligible as a supplier), and the vias of each key
  const isBuyer = buyerTable(s, enterprises.status, allowed, buyerMode === 'any' ? null : local);
  const nKeys = 2 * seqFirm.length;
  const keyOf = (b: number) => 2 * seqOf[b]! + supplierOk[b]!;
  const groups = buyerGroups(s, t, isBuyer, seqOf, nKeys);
  const vias = keyVias(s, t, flows.in, groups.start, seqFirm, eligibleIn, segments.chain, chain);

  // pass 1: candidate pairs (exact) and the numbers components are scaled by
  const { candidates, isCandidate, keyUsed, linkedStamp } = countCandidates(s, t, groups, vias, sigOfSeq, signatures);
  const candidateBuyers = indicesOf(s, isCandidate);
  const supplierSide = s.uint8(ns);
  const flowUsed = s.uint8(flows.from.length);
  for (let key = 0; key < nKeys; key++)
    if (keyUsed[key])
      for (let v = vias.start[key]!; v < vias.start[key + 1]!; v++) {
        supplierSide[vias.s[v]!] = 1;
        flowUsed[vias.flow[v]!] = 1;
      }
  return { eligibleIn, groups, nKeys, keyOf, vias, candidates, candidateBuyers, linkedStamp, supplierSide, flowUsed };
}
