/** Enterprises: their region, the chain and segment of each activity, chain roles, parent firm. */
import type { Path, ReferenceContext } from './context.js';
import type { Lookups, SegmentCheck } from './lookups.js';

/**
 * Checks the references of every enterprise. A million records: the paths are scratch arrays
 * filled in place (the context copies one only for an issue).
 *
 * @example
 * checkEnterprises(ctx, refs, checkSegment); // unknown_region at enterprises[3].region, …
 */
export function checkEnterprises(ctx: ReferenceContext, refs: Lookups, checkSegment: SegmentCheck): void {
  const { data, add } = ctx;
  const at: Path = ['enterprises', 0, 'region'];
  const segmentAt: Path = ['enterprises', 0, 'segments', 0, 'segment'];
  const chainAt: Path = ['enterprises', 0, 'segments', 0, 'chain'];
  for (let i = 0; i < data.enterprises.length; i++) {
    const e = data.enterprises[i]!;
    at[1] = segmentAt[1] = chainAt[1] = i;
    at[2] = 'region';
    refs.region(e.region, at);
    for (let j = 0; j < e.segments.length; j++) {
      const a = e.segments[j]!;
      segmentAt[3] = chainAt[3] = j;
      checkSegment(a.chain, a.segment, segmentAt, chainAt);
    }
    e.chainRoles?.forEach((r, j) => refs.chain(r.chain, ['enterprises', i, 'chainRoles', j, 'chain']));
    at[2] = 'parent';
    if (e.parent === e.id) add('self_link', at, { id: e.id });
    else refs.enterprise(e.parent, at);
  }
}
