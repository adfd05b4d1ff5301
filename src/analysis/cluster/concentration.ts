/**
 * Concentration (企业分布均衡度): 1 − HHI of output across the chain's local firms; the
 * Ellison–Glaeser γ of the chain across the areas of the reference region is reported, not scored.
 */
import type { ChainModel } from '../../graph/model.js';
import { regionRangeIdx, regionWithinIdx } from '../../graph/queries.js';
import { round } from '../../internal/format.js';
import type { ClusterRaw, ComponentPart } from './types.js';
import { pct, unavailable, type Context } from './context.js';
import { COUNTED, MEMBER, regionOrderColumns } from './region-sums.js';
import type { Specialisation } from './specialisation.js';
import { ellisonGlaeser, herfindahl } from './statistics.js';

/** Position of `child` among the children of `parent` (0-based). */
function childPosition(model: ChainModel, parent: number, child: number): number {
  const { offsets, items } = model.index.regions.children;
  for (let k = offsets[parent]!; k < offsets[parent + 1]!; k++) if (items[k] === child) return k - offsets[parent]!;
  return -1;
}

/**
 * The spread of the chain's local output over firms, and its concentration across areas (see index.ts).
 *
 * @example
 * concentration(ctx, specialisation(ctx)).raw.hhi;
 */
export function concentration(ctx: Context, spec: Specialisation): ComponentPart {
  const { model } = ctx;
  const { enterprises } = model.index;
  const known = ctx.nodes.filter((e) => !Number.isNaN(enterprises.output[e]!));
  const sizes = known.map((e) => enterprises.output[e]!);
  const total = sizes.reduce((a, b) => a + b, 0);
  const { gamma, areas } = ellisonGlaeserAcrossAreas(ctx, spec);
  const hhi = known.length >= 2 ? herfindahl(sizes) : null;
  const raw: ClusterRaw = {
    firms: ctx.nodes.length,
    firmsWithOutput: known.length,
    coverage: ctx.nodes.length === 0 ? null : known.length / ctx.nodes.length,
    localOutput: known.length > 0 ? total : null,
    hhi,
    equivalentFirms: hhi === null ? null : 1 / hhi,
    // a loop, not Math.max(...sizes): 1e5 arguments overflow the stack
    largestShare: total > 0 ? sizes.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY) / total : null,
    ellisonGlaeserGamma: gamma?.gamma ?? null,
    ellisonGlaeserAreas: areas,
    ellisonGlaeserRawConcentration: gamma?.rawConcentration ?? null,
    ellisonGlaeserPlantHerfindahl: gamma?.plantHerfindahl ?? null,
  };
  // by output descending, then index (known is ascending): positions compared on the local sizes
  const byOutput = Array.from(known.keys()).sort((x, y) => sizes[y]! - sizes[x]! || x - y);
  const ids = { firmsWithOutput: byOutput.map((i) => enterprises.ids[known[i]!]!) };
  if (hhi === null)
    return unavailable(
      {
        zh: `${ctx.nodes.length} 家本地企业中只有 ${known.length} 家有已知产值（至少需要 2 家且合计大于 0），无法计算赫芬达尔指数。`,
        en: `Only ${known.length} of ${ctx.nodes.length} local firms have a known output (at least two, summing above 0, are needed), so the Herfindahl index cannot be computed.`,
      },
      raw,
      ids,
    );
  const value = 1 - hhi;
  const gammaText =
    gamma === null
      ? { zh: 'Ellison–Glaeser γ 因缺少多地区的企业产值而未计算', en: 'Ellison–Glaeser γ not computed (needs firm output in several areas)' }
      : { zh: `Ellison–Glaeser γ = ${round(gamma.gamma, 3)}（仅供参考）`, en: `Ellison–Glaeser γ = ${round(gamma.gamma, 3)} (reported, not scored)` };
  return {
    available: true,
    value,
    raw,
    basis: 'output',
    ids,
    reason: {
      zh: `${ctx.nodes.length} 家本地企业中 ${known.length} 家有已知产值，合计 ${round(total)}亿元，HHI = ${round(hhi, 3)}（相当于 ${round(1 / hhi, 1)} 家等规模企业），均衡度 ${pct(value)}；${gammaText.zh}。`,
      en: `${known.length} of ${ctx.nodes.length} local firms have a known output, ${round(total)} 亿元 in all: HHI = ${round(hhi, 3)} (as ${round(1 / hhi, 1)} equal firms), diversity ${pct(value)}; ${gammaText.en}.`,
    },
  };
}

/**
 * Ellison–Glaeser γ of the chain across the areas of the output reference region (its children,
 * and the reference itself for firms located there directly), from one scan of its region range;
 * null unless at least two areas have activity.
 */
function ellisonGlaeserAcrossAreas(ctx: Context, spec: Specialisation) {
  const { model } = ctx;
  const { enterprises, regions } = model.index;
  let gamma: ReturnType<typeof ellisonGlaeser> = null;
  let areas = 0;
  if (spec.measure === 'output' && spec.reference >= 0) {
    const a = spec.reference;
    // area of each region of the reference subtree (the reference itself: 0, its k-th child: k),
    // looked up by Euler entry position, which the region order keeps per firm
    const areaCount = 1 + regions.children.offsets[a + 1]! - regions.children.offsets[a]!;
    const areaAtEnter = ctx.scratch.int32(regions.leave[a]! + 1, -1);
    for (let p = 0; p < regions.ids.length; p++) {
      if (!regionWithinIdx(model, p, a)) continue;
      let region = p;
      while (region !== a && regions.parent[region] !== a) region = regions.parent[region]!;
      areaAtEnter[regions.enter[p]!] = region === a ? 0 : 1 + childPosition(model, a, region);
    }
    const industry = new Array<number>(areaCount).fill(0);
    const all = new Array<number>(areaCount).fill(0);
    const plants: number[] = [];
    const output = regionOrderColumns(model).output;
    const { regionOrderKeys } = enterprises;
    const flags = ctx.regionOrderFlags;
    const [lo, hi] = regionRangeIdx(model, a);
    for (let i = lo; i < hi; i++) {
      const x = output[i]!;
      const f = flags[i]!;
      if (!(f & COUNTED) || Number.isNaN(x)) continue;
      const area = areaAtEnter[regionOrderKeys[i]!]!;
      all[area]! += x;
      if (f & MEMBER) {
        industry[area]! += x;
        plants.push(x);
      }
    }
    areas = all.filter((x) => x > 0).length;
    if (areas >= 2) gamma = ellisonGlaeser({ industryByArea: industry, totalByArea: all, plantSizes: plants });
  }
  return { gamma, areas };
}
