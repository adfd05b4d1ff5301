/** Differences between two models: of a number, and of the records of their datasets. */
import type { ChainModel } from '../../graph/model.js';
import type { SupplyLink } from '../../model/schema.js';
import type { ScenarioChange, ScenarioComparison } from './types.js';

/**
 * Before, after and the difference (null when either side is unknown).
 *
 * @example
 * change(3, 5); // → { before: 3, after: 5, delta: 2 }
 */
export function change(before: number | null | undefined, after: number | null | undefined): ScenarioChange {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: a !== null && b !== null ? a - b : null };
}

/**
 * The enterprises, links and projects added and removed between two datasets, by id (links
 * without an id as `from→to (chain/segment) [product]`).
 *
 * @example
 * datasetChanges(model, withChanges(model, { removeEnterprises: ['jinfeng'] })).enterprises.removed; // → ['jinfeng']
 */
export function datasetChanges(before: ChainModel, after: ChainModel): ScenarioComparison['changes'] {
  return {
    enterprises: idDiff(
      before.dataset.enterprises.map((e) => e.id),
      after.dataset.enterprises.map((e) => e.id),
    ),
    links: idDiff(before.dataset.links.map(linkKey), after.dataset.links.map(linkKey)),
    projects: idDiff(
      before.dataset.projects.map((p) => p.id),
      after.dataset.projects.map((p) => p.id),
    ),
  };
}

const linkKey = (l: SupplyLink) =>
  l.id ??
  `${l.from}→${l.to}${l.segment ? ` (${l.segment.chain}/${l.segment.segment})` : ''}${l.product ? ` [${l.product}]` : ''}`;

function idDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((x) => !b.has(x)), removed: [...b].filter((x) => !a.has(x)) };
}
