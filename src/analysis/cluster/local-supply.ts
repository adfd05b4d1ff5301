/**
 * Local supply rate (本地配套率): the inputs of the chain's local firms bought from suppliers in
 * the region, over all their inputs — by value when every link has one, else by count.
 */
import { round } from '../../internal/format.js';
import type { Reason } from '../scope/index.js';
import type { ComponentPart, ClusterRaw } from './types.js';
import { idsOf, pct, unavailable, type Context } from './context.js';

/**
 * The share of the local firms' inputs bought from suppliers in the region (by value, else by count).
 *
 * @example
 * localSupply(ctx).basis; // 'value' or 'count'
 */
export function localSupply(ctx: Context): ComponentPart {
  const { supplier: suppliers, value: values } = ctx.inputLinks;
  let inputs = 0;
  let localInputs = 0;
  let valued = 0;
  let valueAll = 0;
  let valueLocal = 0;
  // suppliers marked per enterprise (1 local, 2 outside), listed in index order
  const mark = ctx.scratch.uint8(ctx.local.length);
  for (let i = 0; i < suppliers.length; i++) {
    const supplier = suppliers[i]!;
    const local = ctx.local[supplier] === 1;
    inputs++;
    if (local) (localInputs++, (mark[supplier] = 1));
    else mark[supplier] = 2;
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      valued++;
      valueAll += v;
      if (local) valueLocal += v;
    }
  }
  const localSuppliers: number[] = [];
  const outsideSuppliers: number[] = [];
  for (let e = 0; e < mark.length; e++) {
    if (mark[e] === 1) localSuppliers.push(e);
    else if (mark[e] === 2) outsideSuppliers.push(e);
  }
  const ids = {
    localSuppliers: idsOf(ctx, localSuppliers),
    outsideSuppliers: idsOf(ctx, outsideSuppliers),
  };
  const rateByCount = inputs === 0 ? null : localInputs / inputs;
  const rateByKnownValue = valueAll > 0 ? valueLocal / valueAll : null;
  const raw: ClusterRaw = {
    inputLinks: inputs,
    localInputLinks: localInputs,
    linksWithValue: valued,
    inputValue: valued > 0 ? valueAll : null,
    localInputValue: valued > 0 ? valueLocal : null,
    rateByCount,
    rateByKnownValue,
  };
  if (inputs === 0)
    return unavailable(
      {
        zh: `没有记录本地产业链企业的供货链接（计入的链接状态），无法计算本地配套率。`,
        en: 'No counted supply links into local firms of the chain are recorded, so the local supply rate cannot be computed.',
      },
      raw,
      ids,
    );
  const byValue = valued === inputs && valueAll > 0;
  const value = byValue ? rateByKnownValue! : rateByCount!;
  const reason: Reason = byValue
    ? {
        zh: `本地企业的采购额 ${round(valueAll)}亿元中 ${round(valueLocal)}亿元来自本地供应商，本地配套率 ${pct(value)}（按金额）。`,
        en: `${round(valueLocal)} of ${round(valueAll)} 亿元 bought by local firms comes from local suppliers: local supply rate ${pct(value)} by value.`,
      }
    : {
        zh: `本地企业的 ${inputs} 条供货链接中 ${localInputs} 条来自本地供应商，本地配套率 ${pct(value)}（按链接条数；${inputs - valued} 条缺少金额）。`,
        en: `${localInputs} of ${inputs} supply links into local firms come from local suppliers: local supply rate ${pct(value)} by count of links (${inputs - valued} have no value).`,
      };
  return { available: true, value, raw, basis: byValue ? 'value' : 'count', ids, reason };
}
