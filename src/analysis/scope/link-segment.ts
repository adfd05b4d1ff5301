/**
 * The product segment of a supply link within a chain: the link's `segment` when given, else
 * inferred as the single segment of the supplier in the chain that flows into a segment of the
 * buyer. Used by gaps, recruits and the renderers (DOT, ECharts) that colour links by segment.
 */
import type { ChainModel } from '../../graph/model.js';

/** How the product segment of a supply link is known. */
export type LinkSegmentBasis = 'given' | 'inferred' | 'unresolved' | 'other-chain';

/**
 * {@link productSegmentCode} of a link whose supplier operates in the chain but no single segment fits.
 *
 * @example
 * if (productSegmentCode(model, k, s0, s1) === UNRESOLVED) unplaced++;
 */
export const UNRESOLVED = -1;
/**
 * {@link productSegmentCode} of a link whose product is not of the chain.
 *
 * @example
 * if (productSegmentCode(model, k, s0, s1) === OTHER_CHAIN) continue;
 */
export const OTHER_CHAIN = -2;

/**
 * The product segment of supply link `link` (an index into `dataset.links`) within chain index
 * `chain`, over the compact index: the link's `segment` when given; else inferred as the single
 * segment of the supplier in the chain that flows into a segment of the buyer. Returns the
 * global segment index (-1 when not in the chain or not inferable) and how it was found:
 * `unresolved` when the supplier operates in the chain but no single segment fits,
 * `other-chain` when the link's product is not of this chain.
 *
 * @example
 * const { segment, basis } = linkProductSegment(model, 0, chainIndex(model, 'wind-power'));
 * model.index.segments.keys[segment]; // 'wind-power/blades'
 * basis; // 'given' (or 'inferred': the supplier's one segment that feeds the buyer's)
 */
export function linkProductSegment(model: ChainModel, link: number, chain: number): { segment: number; basis: LinkSegmentBasis } {
  const { chainStart } = model.index.segments;
  const code = productSegmentCode(model, link, chainStart[chain]!, chainStart[chain + 1]!);
  if (code === UNRESOLVED) return { segment: -1, basis: 'unresolved' };
  if (code === OTHER_CHAIN) return { segment: -1, basis: 'other-chain' };
  return { segment: code >> 1, basis: (code & 1) === 0 ? 'given' : 'inferred' };
}

/**
 * Allocation-free core of {@link linkProductSegment} for hot loops over the global segment
 * range `[s0, s1)` of a chain: `segment << 1 | inferred` when placed, -1 when unresolved, -2
 * when the product is of another chain. Internal to the analyses (not in the package barrel).
 *
 * @example
 * const code = productSegmentCode(model, 0, chainStart[c], chainStart[c + 1]);
 * if (code >= 0) model.index.segments.keys[code >> 1]; // 'wind-power/blades'
 */
export function productSegmentCode(model: ChainModel, link: number, s0: number, s1: number): number {
  const { links, flows, enterprises } = model.index;
  const given = links.segment[link]!;
  if (given >= 0) return given >= s0 && given < s1 ? given << 1 : OTHER_CHAIN;
  const { offsets, items } = enterprises.segments;
  const supplier = links.from[link]!;
  const buyer = links.to[link]!;
  let inChain = false;
  let found = -1;
  let count = 0;
  for (let k = offsets[supplier]!; k < offsets[supplier + 1]!; k++) {
    const a = items[k]!;
    if (a < s0 || a >= s1) continue;
    inChain = true;
    let feeds = false;
    for (let f = flows.out.offsets[a]!; f < flows.out.offsets[a + 1]! && !feeds; f++) {
      const b = flows.to[flows.out.items[f]!]!;
      for (let q = offsets[buyer]!; q < offsets[buyer + 1]!; q++) if (items[q] === b) feeds = true;
    }
    if (feeds && a !== found) (found = a, count++);
  }
  if (!inChain) return OTHER_CHAIN;
  return count === 1 ? (found << 1) | 1 : UNRESOLVED;
}
