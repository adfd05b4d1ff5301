/**
 * Step 4 of findGaps, feasibility: relatedness density ω (Hidalgo, Klinger, Barabási & Hausmann
 * 2007, "The Product Space Conditions the Development of Nations", Science 317: 482–487; see
 * ../relatedness.ts) of each segment for the region, over a region × segment matrix of counts of
 * present firms in every segment of every chain of the model, the rows being the region's peers
 * (default the children of its parent; option: every region at its depth), when at least
 * `minRegions` (default 3) peers have activity in the chain and some peer has the segment with
 * RCA ≥ 1; otherwise a neutral 0.5, and the result says why.
 */
import type { ChainModel } from '../../graph/model.js';
import { regionWithinIdx } from '../../graph/queries.js';
import type { Scratch } from '../../internal/scratch.js';
import { presence, proximity, relatednessDensity, revealedComparativeAdvantage, ubiquity } from '../relatedness.js';
import type { GapSettings } from './settings.js';

/** Feasibility of every segment of the chain, and the peers it was computed over. */
export interface Feasibility {
  /** Per segment: its feasibility in [0, 1]. */
  value: number[];
  basis: ('relatedness-density' | 'neutral')[];
  /** Whether enough peers have activity in the chain. */
  available: boolean;
  /** Segments left neutral although relatedness is available (no peer has them with RCA ≥ threshold). */
  neutralSegments: number[];
  peerRegions: number[];
  /** Peers with present firms in the chain. */
  activeRegions: number;
}

/**
 * The feasibility of the segments `[s0, s1)` for region index `r`.
 *
 * @example
 * const { value, basis } = relatednessFeasibility(scratch, model, r, s0, s1, settings);
 * basis[j]; // 'relatedness-density', or 'neutral' (value 0.5) with too few active peers
 */
export function relatednessFeasibility(s: Scratch, model: ChainModel, r: number, s0: number, s1: number, settings: GapSettings): Feasibility {
  const n = s1 - s0;
  const value = new Array<number>(n).fill(settings.neutralFeasibility);
  const basis = new Array<'relatedness-density' | 'neutral'>(n).fill('neutral');
  const peerRegions = peersOf(model, r, settings.peers);
  const { rows, activeRegions } = peerRows(s, model, peerRegions, s0, s1, settings.presentCode);
  const available = activeRegions >= settings.minRegions;
  const neutralSegments: number[] = [];
  if (available) {
    const density = densityOfChain(model, rows, peerRegions.indexOf(r), s0, s1, settings.rcaThreshold);
    for (let j = 0; j < n; j++) {
      if (density[j] !== undefined) {
        value[j] = density[j]!;
        basis[j] = 'relatedness-density';
      } else neutralSegments.push(j);
    }
  }
  return { value, basis, available, neutralSegments, peerRegions, activeRegions };
}

/** The regions compared with `r`: the children of its parent, or every region at its depth. */
function peersOf(model: ChainModel, r: number, peers: 'siblings' | 'depth'): number[] {
  const { regions } = model.index;
  const parent = regions.parent[r]!;
  const peerRegions: number[] = [];
  for (let q = 0; q < regions.ids.length; q++) {
    if (peers === 'siblings' ? regions.parent[q] === parent : regions.depth[q] === regions.depth[r]) peerRegions.push(q);
  }
  return peerRegions;
}

/**
 * Per peer, present firms per segment of the model in its subtree, and how many peers have any
 * in the chain `[s0, s1)`. The counts by own region come from one sequential pass over the
 * enterprises; a peer's row sums the regions of its subtree (integer counts: exact in any order).
 */
function peerRows(s: Scratch, model: ChainModel, peerRegions: readonly number[], s0: number, s1: number, presentCode: Uint8Array) {
  const { regions, segments } = model.index;
  const allSegments = segments.keys.length;
  const ownCounts = presentCountsByRegion(s, model, presentCode);
  const rows: Float64Array[] = [];
  let activeRegions = 0;
  for (const q of peerRegions) {
    const row = new Float64Array(allSegments);
    for (let p = 0; p < regions.ids.length; p++) {
      if (!regionWithinIdx(model, p, q)) continue;
      const base = p * allSegments;
      for (let g = 0; g < allSegments; g++) row[g]! += ownCounts[base + g]!;
    }
    let inChain = false;
    for (let g = s0; g < s1 && !inChain; g++) inChain = row[g]! > 0;
    if (inChain) activeRegions++;
    rows.push(row);
  }
  return { rows, activeRegions };
}

/**
 * Present firms (status flagged in `presentCode`) per (region, segment) cell, by the firms' own
 * region, row-major over every segment of the model, in one sequential pass over the enterprises.
 */
function presentCountsByRegion(s: Scratch, model: ChainModel, presentCode: Uint8Array): Float64Array {
  const { enterprises: ents, segments, regions } = model.index;
  const columns = segments.keys.length;
  const counts = s.float64(regions.ids.length * columns);
  const { offsets, items } = ents.segments;
  for (let e = 0; e < ents.ids.length; e++) {
    if (presentCode[ents.status[e]!] !== 1) continue;
    const base = ents.region[e]! * columns;
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) counts[base + items[k]!]! += 1;
  }
  return counts;
}

/**
 * The relatedness density of each segment of the chain for the focal peer (row `focalRow`), over
 * the segments that occur among the peers plus the chain's own, and the peers with activity in
 * them plus the focal one; undefined for a segment no peer has with RCA ≥ `rcaThreshold`.
 */
function densityOfChain(
  model: ChainModel,
  rows: readonly Float64Array[],
  focalRow: number,
  s0: number,
  s1: number,
  rcaThreshold: number,
): (number | undefined)[] {
  const allSegments = model.index.segments.keys.length;
  // keep columns that occur, plus the chain's own
  const columns: number[] = [];
  for (let g = 0; g < allSegments; g++) if ((g >= s0 && g < s1) || rows.some((row) => row[g]! > 0)) columns.push(g);
  const keptRows: number[] = [];
  rows.forEach((row, i) => {
    if (i === focalRow || columns.some((g) => row[g]! > 0)) keptRows.push(i);
  });
  const x = keptRows.map((i) => columns.map((g) => rows[i]![g]!));
  const m = presence(revealedComparativeAdvantage(x), rcaThreshold);
  const k = ubiquity(m);
  const focalM = m[keptRows.indexOf(focalRow)]!;
  const density = relatednessDensity([focalM], proximity(m))[0]!;
  const out: (number | undefined)[] = [];
  for (let j = 0; j < s1 - s0; j++) {
    const col = columns.indexOf(s0 + j);
    out.push(k[col]! > 0 ? density[col]! : undefined);
  }
  return out;
}
