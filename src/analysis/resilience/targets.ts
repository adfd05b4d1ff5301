/**
 * What the disruption removes (step 1 of simulateDisruption): the listed enterprises, every
 * enterprise of a segment, or every firm located in a region that supplies by a counted link.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterpriseIndex, enterprisesInRegionIdx, regionIndex, segmentIndex } from '../../graph/queries.js';
import { ChainError } from '../../model/issues.js';
import type { Reason } from '../scope/index.js';
import type { DisruptionTarget } from './types.js';

/**
 * The enterprise indices removed (ascending, distinct) and a label for the reason text.
 *
 * @example
 * resolveTargets(model, { region: 'jiuquan' }, counted).removed; // every supplier located there
 */
export function resolveTargets(model: ChainModel, remove: DisruptionTarget, counted: Uint8Array): { removed: number[]; label: Reason } {
  const { segments, links } = model.index;
  if ('enterprises' in remove) {
    const removed = [...new Set(remove.enterprises.map((id) => enterpriseIndex(model, id)))].sort((a, b) => a - b);
    return {
      removed,
      label: { zh: `移除 ${removed.length} 家企业`, en: `removing ${removed.length} firm(s)` },
    };
  }
  if ('segment' in remove) {
    const s = segmentIndex(model, remove.chain, remove.segment);
    const removed = Array.from(segments.enterprises.items.subarray(segments.enterprises.offsets[s]!, segments.enterprises.offsets[s + 1]!)).sort(
      (a, b) => a - b,
    );
    return {
      removed,
      label: {
        zh: `移除环节 ${remove.chain}/${remove.segment} 的 ${removed.length} 家企业`,
        en: `removing the ${removed.length} firm(s) of segment ${remove.chain}/${remove.segment}`,
      },
    };
  }
  if ('region' in remove) {
    const r = regionIndex(model, remove.region);
    const removed: number[] = [];
    for (const e of enterprisesInRegionIdx(model, r)) {
      let supplies = false;
      for (let q = links.out.offsets[e]!; q < links.out.offsets[e + 1]!; q++) if (counted[links.status[links.out.items[q]!]!]) supplies = true;
      if (supplies) removed.push(e);
    }
    removed.sort((a, b) => a - b);
    return {
      removed,
      label: {
        zh: `切断来自 ${remove.region} 的 ${removed.length} 家供应商`,
        en: `cutting off the ${removed.length} supplier(s) located in ${remove.region}`,
      },
    };
  }
  throw new ChainError('invalid_argument', 'remove must give enterprises, a chain and segment, or a region', { remove });
}
