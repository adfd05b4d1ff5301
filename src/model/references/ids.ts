/**
 * Duplicate ids, collection by collection; the positions of the ids the other checks look
 * references up in.
 */
import type { CollectionName } from '../schema.js';
import type { ReferenceContext } from './context.js';

/** Position of the first record of each id, for the collections that are referred to. */
export interface KnownIds {
  sources: Map<string, number>;
  regions: Map<string, number>;
  chains: Map<string, number>;
  enterprises: Map<string, number>;
}

/**
 * Reports every record whose id an earlier record of its collection has (`duplicate_id`,
 * naming the first), in the order sources, regions, templates, chains, enterprises, links,
 * projects, targets, indicators.
 *
 * @example
 * checkDuplicateIds(ctx).regions.get('jiuquan'); // → 0
 */
export function checkDuplicateIds(ctx: ReferenceContext): KnownIds {
  const { data } = ctx;
  const sources = indexOf(ctx, 'sources', data.sources);
  const regions = indexOf(ctx, 'regions', data.regions);
  indexOf(ctx, 'templates', data.templates);
  const chains = indexOf(ctx, 'chains', data.chains);
  const enterprises = indexOf(ctx, 'enterprises', data.enterprises);
  indexOf(ctx, 'links', data.links);
  indexOf(ctx, 'projects', data.projects);
  indexOf(ctx, 'targets', data.targets);
  indexOf(ctx, 'indicators', data.indicators);
  return { sources, regions, chains, enterprises };
}

function indexOf<T extends { id?: string | undefined }>(ctx: ReferenceContext, name: CollectionName, records: readonly T[]): Map<string, number> {
  const index = new Map<string, number>();
  records.forEach((record, i) => {
    if (record.id === undefined) return;
    const first = index.get(record.id);
    if (first !== undefined) ctx.add('duplicate_id', [name, i, 'id'], { kind: name, id: record.id, first: `${name}[${first}]` });
    else index.set(record.id, i);
  });
  return index;
}
