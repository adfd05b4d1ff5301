/** 配套清单 of a chain's chapter: the chain's local firms other than its 链主, and whom they supply. */
import type { Block } from '../document.js';
import { ENTERPRISE_STATUS_LABELS, labelOf, ROLE_LABELS } from '../labels.js';
import type { ChainReport } from './data/index.js';
import type { ReportContext } from './context.js';

/**
 * The supporting firms of a chain, or a note that there are none.
 *
 * @example
 * supportingBlocks(ctx, ctx.data.chains[0])[0].kind; // → 'table'
 */
export function supportingBlocks(ctx: ReportContext, c: ChainReport): Block[] {
  const { L, NA, locale } = ctx;
  if (c.supporting.length === 0) return [ctx.na(L('本链在本区域没有记录链主以外的企业', 'no local firm other than the leaders is recorded for this chain'))];
  return [
    {
      kind: 'table',
      headers: [L('企业', 'Firm'), L('角色', 'Role'), L('状态', 'Status'), L('所在区域', 'Region'), L('环节', 'Segments'), L('产值（亿元）', 'Output (亿元)'), L('供货本地企业', 'Supplies locally'), L('供货外地企业', 'Supplies outside')],
      numeric: [false, false, false, false, false, true, false, false],
      rows: c.supporting.map((f) => [
        f.name,
        f.role === null ? '—' : labelOf(ROLE_LABELS, f.role, locale),
        labelOf(ENTERPRISE_STATUS_LABELS, f.status, locale),
        f.regionName,
        f.segments.join(L('、', ', ')),
        f.output === null ? { text: NA, tone: 'muted' } : String(f.output),
        f.localBuyers.length === 0 ? '—' : f.localBuyers.join(L('、', ', ')),
        f.outsideBuyers.length === 0 ? '—' : f.outsideBuyers.join(L('、', ', ')),
      ]),
    },
  ];
}
