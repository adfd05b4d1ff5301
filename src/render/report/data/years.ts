/** The years a report estimates output for when the options give none. */
import type { ChainModel } from '../../../graph/model.js';
import { regionWithinIdx } from '../../../graph/queries.js';

const OUTPUT_METRICS = new Set(['output', 'sales']);

/**
 * The years a report estimates output for when none are given: from the latest year observed in
 * the scope (enterprise `outputYear`, indicator `year`; else anywhere in the dataset, projects'
 * years included) to the latest year of an output or sales target of the scope, and at least
 * two years beyond the base (projects ramp up over three years), at most ten. Empty when the
 * data hold no year at all.
 *
 * @example
 * reportYears(model, 'jiuquan'); // → [2024, 2025, 2026]
 */
export function reportYears(model: ChainModel, region: string): number[] {
  const { dataset, index } = model;
  const r = index.regions.byId.get(region);
  const inScope = (id: string) => {
    const x = index.regions.byId.get(id);
    return r !== undefined && x !== undefined && regionWithinIdx(model, x, r);
  };
  let observed = -Infinity;
  for (const e of dataset.enterprises) if (e.outputYear !== undefined && inScope(e.region)) observed = Math.max(observed, e.outputYear);
  for (const i of dataset.indicators) if (inScope(i.scope.region)) observed = Math.max(observed, i.year);
  if (!Number.isFinite(observed)) {
    for (const e of dataset.enterprises) if (e.outputYear !== undefined) observed = Math.max(observed, e.outputYear);
    for (const i of dataset.indicators) observed = Math.max(observed, i.year);
    for (const p of dataset.projects)
      for (const y of [p.startYear, p.productionYear, p.fullCapacityYear]) if (y !== undefined) observed = Math.max(observed, y);
  }
  const targetYears = dataset.targets
    .filter((t) => t.year !== undefined && OUTPUT_METRICS.has(t.metric) && inScope(t.scope.region))
    .map((t) => t.year!);
  if (!Number.isFinite(observed)) {
    if (targetYears.length === 0) return [];
    observed = targetYears.reduce((a, b) => Math.min(a, b), Infinity);
  }
  const last = Math.min(observed + 10, targetYears.reduce((a, b) => Math.max(a, b), observed + 2));
  const years: number[] = [];
  for (let y = observed; y <= last; y++) years.push(y);
  return years;
}
