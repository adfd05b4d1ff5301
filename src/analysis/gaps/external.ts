/**
 * 补链 by substitution (`external_dependency`): local buyers source the segment's product from
 * outside the region. Its dependants are those buyers; extent is the external share of local
 * buyers' sourcing of the product — by value when every link of it has one, else by number of
 * links.
 */
import { formatShare, formatYi, round } from '../../internal/format.js';
import { sortedUnique } from '../scope/index.js';
import type { GapContext, SegmentLabel } from './context.js';
import { finishFinding, severityOf } from './severity.js';
import type { ExternalDependencyFinding } from './types.js';

/**
 * The external-dependency finding of the chain's j-th segment, or undefined when no counted link
 * brings its product from outside to a local present buyer.
 *
 * @example
 * externalDependency(ctx, j, segmentLabel(ctx, j))?.externalShare; // 0.6
 */
export function externalDependency(ctx: GapContext, j: number, { base, quoted, en }: SegmentLabel): ExternalDependencyFinding | undefined {
  const agg = ctx.supply.sourcing[j]!;
  if (agg.extLinks === 0) return undefined;
  const { names, model } = ctx;
  const allValued = agg.extUnknown === 0 && agg.localUnknown === 0 && agg.extValue + agg.localValue > 0;
  const externalShare = allValued ? agg.extValue / (agg.extValue + agg.localValue) : agg.extLinks / (agg.extLinks + agg.localLinks);
  const buyers = sortedUnique(model, agg.buyers);
  const suppliers = sortedUnique(model, agg.suppliers);
  const components = severityOf(ctx, j, buyers, externalShare);
  const valued = agg.extLinks - agg.extUnknown;
  const shareText = formatShare(externalShare);
  const zh =
    `本地企业从外地采购${quoted}产品：${agg.extLinks}条供货关系` +
    (valued > 0 ? `，已知金额${formatYi(agg.extValue, 'zh')}` : '') +
    (agg.extUnknown > 0 ? `，${agg.extUnknown}条金额未知` : '') +
    `；外地采购占本地采购的${shareText}（${allValued ? '按金额' : '按供货关系数'}）。外地供应方：${suppliers.map(names.nameOf).join('、')}；本地采购方：${buyers.map(names.nameOf).join('、')}。`;
  const enText =
    `Local buyers source ${en} from outside the region: ${agg.extLinks} supply link${agg.extLinks > 1 ? 's' : ''}` +
    (valued > 0 ? `, known value ${formatYi(agg.extValue, 'en')}` : '') +
    (agg.extUnknown > 0 ? `, ${agg.extUnknown} of unknown value` : '') +
    `; outside supply is ${shareText} of local buyers' sourcing (${allValued ? 'by value' : 'by number of links'}). Suppliers: ${suppliers.map(names.nameOf).join(', ')}; local buyers: ${buyers.map(names.nameOf).join(', ')}.`;
  return {
    ...base,
    code: 'external_dependency',
    enterprises: [...buyers, ...suppliers].sort((a, b) => a - b).map(names.idOf),
    buyers: buyers.map(names.idOf),
    suppliers: suppliers.map(names.idOf),
    links: agg.extLinks,
    value: round(agg.extValue, 4),
    linksWithValue: valued,
    linksWithoutValue: agg.extUnknown,
    externalShare: round(externalShare, 4),
    externalShareBasis: allValued ? 'value' : 'count',
    segmentBasis: { given: agg.given, inferred: agg.inferred },
    components,
    ...finishFinding(ctx, j, components, zh, enText),
  };
}
