/**
 * Completeness (链条完整度): the share of the chain's segments, weighted by value share where the
 * template gives them, in which a local firm operates.
 */
import type { ComponentPart, ClusterRaw } from './types.js';
import { pct, unavailable, type Context } from './context.js';

/**
 * The share of the chain's segments (weighted by value share where given) with a local firm.
 *
 * @example
 * completeness(ctx).value; // e.g. 0.75
 */
export function completeness(ctx: Context): ComponentPart {
  const { model, segStart, segEnd } = ctx;
  const chain = model.chains[ctx.c]!;
  const n = segEnd - segStart;
  if (n === 0) return unavailable({ zh: '该产业链没有环节。', en: 'The chain has no segments.' });
  if (ctx.nodes.length === 0)
    return unavailable({
      zh: '数据集没有记录该地区该产业链的企业（计入的状态），无法判断哪些环节已有布局。',
      en: 'The dataset records no local firm of the chain (of the counted statuses), so it cannot tell which segments are present.',
    });
  const present = new Uint8Array(n);
  const { offsets, items } = model.index.enterprises.segments;
  for (const e of ctx.nodes)
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) {
      const s = items[k]!;
      if (s >= segStart && s < segEnd) present[s - segStart] = 1;
    }
  const byValueShare = chain.segments.some((s) => s.valueShare !== undefined);
  let weightPresent = 0;
  let weightTotal = 0;
  let count = 0;
  const presentIds: string[] = [];
  const missingIds: string[] = [];
  const outsideBasis: string[] = [];
  chain.segments.forEach((s, j) => {
    const w = byValueShare ? s.valueShare : 1;
    if (present[j]) (count++, presentIds.push(s.id));
    else missingIds.push(s.id);
    if (w === undefined) {
      outsideBasis.push(s.id);
      return;
    }
    weightTotal += w;
    if (present[j]) weightPresent += w;
  });
  const raw: ClusterRaw = {
    segments: n,
    segmentsPresent: count,
    countShare: count / n,
    weightPresent,
    weightTotal,
    segmentsOutsideBasis: outsideBasis.length,
  };
  const ids = { present: presentIds, missing: missingIds, outsideBasis };
  if (weightTotal === 0)
    return unavailable(
      { zh: '各环节的价值占比之和为 0，无法加权。', en: 'The segments’ value shares sum to 0, so they cannot weight completeness.' },
      raw,
      ids,
    );
  const value = weightPresent / weightTotal;
  const basis = byValueShare ? 'valueShare' : 'equal';
  const how = byValueShare
    ? { zh: `按环节价值占比加权为 ${pct(value)}`, en: `${pct(value)} weighted by the segments’ value shares` }
    : { zh: `各环节等权，完整度 ${pct(value)}`, en: `${pct(value)} with every segment weighing the same` };
  return {
    available: true,
    value,
    raw,
    basis,
    ids,
    reason: {
      zh: `${n} 个环节中有 ${count} 个有本地企业，${how.zh}。`,
      en: `${count} of ${n} segments have a local firm: ${how.en}.`,
    },
  };
}
