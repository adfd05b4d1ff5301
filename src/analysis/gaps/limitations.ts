/**
 * What findGaps could not compute for the chain as a whole, said in the result rather than
 * estimated: feasibility left neutral (too few active peers, or segments no peer has with
 * RCA ≥ threshold), and supply links from outside that could not be placed in a segment. The
 * per-segment limitations (`hhi_unknown`, `capacity_unknown`) come with their rules.
 */
import type { ChainNames } from './context.js';
import type { Feasibility } from './feasibility.js';
import type { GapSettings } from './settings.js';
import type { SupplyScan } from './supply-links.js';
import type { GapLimitation } from './types.js';

/**
 * The `feasibility_neutral` limitation, or undefined when every segment's feasibility is a
 * relatedness density.
 *
 * @example
 * feasibilityLimitation(feasibility, settings, names, n)?.segments; // ['steel', 'blade', …]
 */
export function feasibilityLimitation(feasibility: Feasibility, settings: GapSettings, names: ChainNames, n: number): GapLimitation | undefined {
  const { available, neutralSegments, activeRegions } = feasibility;
  if (available && neutralSegments.length === 0) return undefined;
  const { rcaThreshold, neutralFeasibility, peers, minRegions } = settings;
  const list = available ? neutralSegments : [...Array(n).keys()];
  return {
    code: 'feasibility_neutral',
    segments: list.map(names.segId),
    reason: available
      ? {
          zh: `比较地区中没有一个具有比较优势（RCA≥${rcaThreshold}）的环节无法计算关联密度，可行性取中性值${neutralFeasibility}：${list.map(names.segName).join('、')}。`,
          en: `No peer region has these segments with RCA ≥ ${rcaThreshold}, so relatedness density is undefined and feasibility is the neutral ${neutralFeasibility}: ${list.map(names.segId).join(', ')}.`,
        }
      : {
          zh: `仅${activeRegions}个比较地区（${peers === 'siblings' ? '同一上级地区的下级地区' : '同级地区'}）在该产业链有企业，少于${minRegions}个，无法计算关联密度，可行性取中性值${neutralFeasibility}。`,
          en: `Only ${activeRegions} peer region${activeRegions === 1 ? '' : 's'} (${peers === 'siblings' ? 'children of the same parent' : 'regions at the same depth'}) have firms in the chain, fewer than ${minRegions}: relatedness density not computed, feasibility is the neutral ${neutralFeasibility}.`,
        },
  };
}

/**
 * The `unresolved_links` limitation, or undefined when every counted link from outside into a
 * local buyer could be placed.
 *
 * @example
 * unresolvedLinksLimitation(supply, names)?.reason.en; // '2 supply links from outside into local firms could not be placed …'
 */
export function unresolvedLinksLimitation({ unresolved, unresolvedSuppliers }: SupplyScan, names: ChainNames): GapLimitation | undefined {
  if (unresolved === 0) return undefined;
  const list = [...unresolvedSuppliers].sort((a, b) => a - b).map(names.nameOf);
  return {
    code: 'unresolved_links',
    segments: [],
    reason: {
      zh: `${unresolved}条本地企业从外地采购的供货关系无法确定产品所属环节（未标注环节，供应方在链上的环节也无法唯一推断），未计入外部依赖：供应方${list.join('、')}。`,
      en: `${unresolved} supply link${unresolved > 1 ? 's' : ''} from outside into local firms could not be placed in a segment (no segment given and none inferable from the supplier's segments): not counted as external dependency. Suppliers: ${list.join(', ')}.`,
    },
  };
}

