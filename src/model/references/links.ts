/**
 * Supply links: both ends known enterprises, not a firm supplying itself, the segment of a
 * known chain, and no duplicate of an earlier link (a warning). Each end is looked up once, for
 * the reference check and the duplicate check, and the positions found are handed back.
 */
import type { Path, ReferenceContext } from './context.js';
import { firstDuplicates } from './duplicates.js';
import type { KnownIds } from './ids.js';
import type { SegmentCheck } from './lookups.js';

/** Where the enterprise positions of the link ends go (for `buildModel`). */
export interface LinkEnds {
  from?: Int32Array;
  to?: Int32Array;
}

/**
 * Checks the references of every link; sets `ends` to the enterprise position of each link's
 * supplier and buyer (-1 when unknown).
 *
 * @example
 * const ends: LinkEnds = {};
 * checkLinks(ctx, known, checkSegment, ends); // ends.from[k], ends.to[k]
 */
export function checkLinks(ctx: ReferenceContext, known: KnownIds, checkSegment: SegmentCheck, ends?: LinkEnds): void {
  const { data, add, invalid } = ctx;
  const nl = data.links.length;
  const fromIndex = new Int32Array(nl);
  const toIndex = new Int32Array(nl);
  for (let i = 0; i < nl; i++) {
    const link = data.links[i]!;
    fromIndex[i] = known.enterprises.get(link.from) ?? -1;
    toIndex[i] = known.enterprises.get(link.to) ?? -1;
  }
  if (ends) (ends.from = fromIndex), (ends.to = toIndex);
  const duplicateOf = firstDuplicates(data.links, fromIndex, toIndex, known.enterprises, data.enterprises.length);
  // a million records: the paths are scratch arrays filled in place
  const at: Path = ['links', 0, 'from'];
  const segmentAt: Path = ['links', 0, 'segment', 'segment'];
  const chainAt: Path = ['links', 0, 'segment', 'chain'];
  for (let i = 0; i < nl; i++) {
    const link = data.links[i]!;
    at[1] = segmentAt[1] = chainAt[1] = i;
    at[2] = 'from';
    if (fromIndex[i]! < 0 && !invalid('enterprises', link.from)) add('unknown_enterprise', at, { id: link.from });
    at[2] = 'to';
    if (toIndex[i]! < 0 && !invalid('enterprises', link.to)) add('unknown_enterprise', at, { id: link.to });
    if (link.from === link.to) add('self_link', at, { id: link.from });
    if (link.segment) checkSegment(link.segment.chain, link.segment.segment, segmentAt, chainAt);
    const first = duplicateOf[i]!;
    if (first >= 0) add('duplicate_link', ['links', i], { from: link.from, to: link.to, first: `links[${first}]` }, 'warning');
  }
}
