/** The region hierarchy: parents that exist, no cycle, and the dataset's own region. */
import { findCycle } from '../chains.js';
import type { ReferenceContext } from './context.js';
import type { KnownIds } from './ids.js';
import type { Lookups } from './lookups.js';

/**
 * Reports unknown parents, a region its own parent, a cycle of parents (once, at its first
 * region), and an unknown `meta.region`.
 *
 * @example
 * checkRegions(ctx, known, refs); // region_cycle at regions[0].parent for a ↔ b
 */
export function checkRegions(ctx: ReferenceContext, known: KnownIds, refs: Lookups): void {
  const { data, add } = ctx;
  data.regions.forEach((region, i) => {
    if (region.parent === region.id) add('region_cycle', ['regions', i, 'parent'], { cycle: [region.id, region.id] });
    else refs.region(region.parent, ['regions', i, 'parent']);
  });
  const adjacency = data.regions.map((region) => {
    const parent = region.parent === undefined || region.parent === region.id ? undefined : known.regions.get(region.parent);
    return parent === undefined ? [] : [parent];
  });
  const cycle = findCycle(data.regions.length, adjacency);
  if (cycle) add('region_cycle', ['regions', cycle[0]!, 'parent'], { cycle: cycle.map((i) => data.regions[i]!.id) });
  refs.region(data.meta.region, ['meta', 'region']);
}
