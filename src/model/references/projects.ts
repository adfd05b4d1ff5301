/** Projects: their region, firm, chain and segment, and years in order (start ≤ production ≤ full capacity). */
import type { ReferenceContext } from './context.js';
import type { Lookups, SegmentCheck } from './lookups.js';

/**
 * Checks the references and the order of the years of every project.
 *
 * @example
 * checkProjects(ctx, refs, checkSegment); // production_before_start at projects[0].productionYear, …
 */
export function checkProjects(ctx: ReferenceContext, refs: Lookups, checkSegment: SegmentCheck): void {
  const { add } = ctx;
  ctx.data.projects.forEach((p, i) => {
    refs.region(p.region, ['projects', i, 'region']);
    refs.enterprise(p.enterprise, ['projects', i, 'enterprise']);
    checkSegment(p.chain, p.segment, ['projects', i, 'segment'], ['projects', i, 'chain']);
    if (p.startYear !== undefined && p.productionYear !== undefined && p.productionYear < p.startYear)
      add('production_before_start', ['projects', i, 'productionYear'], {
        field: 'productionYear',
        year: p.productionYear,
        before: 'startYear',
        beforeYear: p.startYear,
      });
    if (p.productionYear !== undefined && p.fullCapacityYear !== undefined && p.fullCapacityYear < p.productionYear)
      add('production_before_start', ['projects', i, 'fullCapacityYear'], {
        field: 'fullCapacityYear',
        year: p.fullCapacityYear,
        before: 'productionYear',
        beforeYear: p.productionYear,
      });
  });
}
