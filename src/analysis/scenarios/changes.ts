/**
 * withChanges: a new model with enterprises, supply links or projects added or removed. The
 * original model and its dataset are never touched; the changed dataset is validated like any
 * other and indexed with the templates the model's chains were resolved from.
 */
import { buildModel, type ChainModel } from '../../graph/model.js';
import { enterpriseIndex } from '../../graph/queries.js';
import { ChainError, DatasetError } from '../../model/issues.js';
import { safeParseDataset } from '../../model/parse.js';
import type { ChainTemplate, SupplyLink } from '../../model/schema.js';
import type { LinkSelector, ScenarioChanges, ScenarioOptions } from './types.js';

/** What a scenario removes: enterprise and project ids, link positions. */
interface Removals {
  enterprises: Set<string>;
  projects: Set<string>;
  links: Set<number>;
}

/**
 * A new model with enterprises, supply links or projects added or removed (see the method in
 * ./index.ts). The given model is not changed. Unknown ids to remove throw a {@link ChainError};
 * a changed dataset that does not validate throws a {@link DatasetError} with every issue.
 *
 * @example
 * const after = withChanges(model, {
 *   addEnterprises: [{ id: 'new-blade', name: '新叶片厂', region: 'jiuquan-etdz', segments: [{ chain: 'wind-power', segment: 'blades' }] }],
 *   addLinks: [{ from: 'new-blade', to: 'yunfeng-smart-wind', status: 'planned' }],
 * });
 * after.dataset.enterprises.length; // one more than model.dataset.enterprises.length
 */
export function withChanges(model: ChainModel, changes: ScenarioChanges, options: ScenarioOptions = {}): ChainModel {
  const { dataset } = model;
  const removed = removalsOf(model, changes);
  // a firm that leaves takes its links and projects with it, and is no longer anyone's parent
  const enterprises = dataset.enterprises
    .filter((e) => !removed.enterprises.has(e.id))
    .map((e) => {
      if (e.parent === undefined || !removed.enterprises.has(e.parent)) return e;
      const { parent: _removed, ...rest } = e;
      return rest;
    });
  const links = dataset.links.filter((l, k) => !removed.links.has(k) && !removed.enterprises.has(l.from) && !removed.enterprises.has(l.to));
  const projects = dataset.projects.filter(
    (p) => !removed.projects.has(p.id) && (p.enterprise === undefined || !removed.enterprises.has(p.enterprise)),
  );
  const input = {
    ...dataset,
    enterprises: [...enterprises, ...(changes.addEnterprises ?? [])],
    links: [...links, ...(changes.addLinks ?? [])],
    projects: [...projects, ...(changes.addProjects ?? [])],
  };
  const templates = options.templates ?? templatesOf(model);
  const result = safeParseDataset(input, { templates, ...(options.locale ? { locale: options.locale } : {}) });
  if (!result.success) throw new DatasetError(result.issues, options.locale);
  return buildModel(result.data, { templates });
}

/** The records a scenario removes; an id or selector that matches nothing throws a ChainError. */
function removalsOf(model: ChainModel, changes: ScenarioChanges): Removals {
  const { dataset } = model;
  const enterprises = new Set<string>();
  for (const id of changes.removeEnterprises ?? []) {
    enterpriseIndex(model, id);
    enterprises.add(id);
  }
  const projects = new Set<string>();
  for (const id of changes.removeProjects ?? []) {
    if (!model.index.projects.byId.has(id))
      throw new ChainError('invalid_argument', `unknown project "${id}"`, { id, valid: model.index.projects.ids });
    projects.add(id);
  }
  const links = new Set<number>();
  for (const selector of changes.removeLinks ?? []) {
    let found = false;
    dataset.links.forEach((link, k) => {
      const hit = typeof selector === 'string' ? link.id === selector : matchesSelector(link, selector);
      if (hit) {
        found = true;
        links.add(k);
      }
    });
    if (!found)
      throw new ChainError('invalid_argument', `no supply link matches ${JSON.stringify(selector)}`, {
        selector,
        valid: dataset.links.map((l, k) => l.id ?? `links[${k}]`),
      });
  }
  return { enterprises, projects, links };
}

/** The templates a model's chains were resolved from, rebuilt from the resolved chains. */
function templatesOf(model: ChainModel): ChainTemplate[] {
  const seen = new Map<string, ChainTemplate>();
  for (const chain of model.chains) {
    if (chain.template === undefined || seen.has(chain.template)) continue;
    seen.set(chain.template, {
      id: chain.template,
      name: chain.template,
      segments: chain.segments.slice(0, chain.templateSegmentCount),
      flows: chain.flows.slice(0, chain.templateFlowCount),
    });
  }
  return [...seen.values()];
}

function matchesSelector(link: SupplyLink, selector: Exclude<LinkSelector, string>): boolean {
  if (link.from !== selector.from || link.to !== selector.to) return false;
  if (selector.product !== undefined && link.product !== selector.product) return false;
  if (selector.segment !== undefined && (link.segment?.chain !== selector.segment.chain || link.segment?.segment !== selector.segment.segment))
    return false;
  return true;
}
