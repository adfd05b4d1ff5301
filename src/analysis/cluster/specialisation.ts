/**
 * Specialisation (专业化): LQ / (1 + LQ) of the chain's location quotient against the nearest
 * reference region that allows one, with the US Cluster Mapping strong-cluster test among the
 * region's siblings.
 */
import { regionWithinIdx } from '../../graph/queries.js';
import { round } from '../../internal/format.js';
import type { Reason } from '../scope/index.js';
import type { ClusterRaw, ComponentPart } from './types.js';
import { pct, unavailable, type Context } from './context.js';
import { sums, type Measure, type Sums } from './region-sums.js';
import { locationQuotient } from './statistics.js';

/** The specialisation component, with the reference region (-1 if none) and measure it used. */
export interface Specialisation {
  component: ComponentPart;
  reference: number;
  measure: Measure | null;
}

const MEASURE_LABEL: Record<Measure, Reason> = { output: { zh: '产值', en: 'output' }, employees: { zh: '从业人数', en: 'employees' } };

/**
 * Where the chain's location quotient is taken and what it says about a cluster (see index.ts).
 *
 * @example
 * specialisation(ctx).component.raw.locationQuotient;
 */
export function specialisation(ctx: Context): Specialisation {
  const { model, r } = ctx;
  const { regions } = model.index;
  const ancestors: number[] = [];
  if (ctx.reference >= 0) ancestors.push(ctx.reference);
  else for (let a = regions.parent[r]!; a >= 0; a = regions.parent[a]!) ancestors.push(a);
  const local: Record<Measure, Sums> = { output: sums(ctx, r, 'output'), employees: sums(ctx, r, 'employees') };
  const chosen = chooseReference(ctx, ancestors, local);
  if (!chosen) return noQuotient(noReferenceReason(ctx, ancestors, local), local);
  const { measure, reference, ref } = chosen;
  const here = local[measure];
  const lq = locationQuotient(here.chain, here.total, ref.chain, ref.total)!;
  if (!Number.isFinite(lq)) {
    // amounts near the limits of floating point (e.g. 5e-324 亿元) give no meaningful quotient
    return noQuotient(
      {
        zh: `${MEASURE_LABEL[measure].zh}数值过小或过大，区位熵超出可表示范围，无法计算。`,
        en: `The ${MEASURE_LABEL[measure].en} amounts are too small or too large: the location quotient is not a finite number.`,
      },
      local,
    );
  }
  const { peers, higher, strong } = strongClusterTest(ctx, chosen, here, lq);
  const value = lq / (1 + lq);
  const refId = regions.ids[reference]!;
  const raw: ClusterRaw = {
    locationQuotient: lq,
    chainInRegion: here.chain,
    regionTotal: here.total,
    chainInReference: ref.chain,
    referenceTotal: ref.total,
    firmsWithMeasure: here.firms,
    comparableRegions: peers.length,
    rankAmongRegions: peers.length >= 1 ? higher + 1 : null,
    strongCluster: strong,
  };
  const m = MEASURE_LABEL[measure];
  const strongText =
    strong === null
      ? {
          zh: `可比的同级地区不足 4 个（${peers.length} 个），不做强集群判定`,
          en: `fewer than four comparable sibling regions (${peers.length}), so no strong-cluster test`,
        }
      : strong
        ? { zh: `在 ${peers.length} 个同级地区中排第 ${higher + 1}，属强集群（区位熵 ≥ 1 且居前四分之一）`, en: `ranks ${higher + 1} of ${peers.length} sibling regions: a strong cluster (LQ ≥ 1, top quartile)` }
        : { zh: `在 ${peers.length} 个同级地区中排第 ${higher + 1}，未达强集群标准`, en: `ranks ${higher + 1} of ${peers.length} sibling regions: not a strong cluster` };
  return {
    reference,
    measure,
    component: {
      available: true,
      value,
      raw,
      basis: measure,
      ids: { reference: [refId], comparedRegions: peers.map((p) => regions.ids[p.region]!) },
      reason: {
        zh: `该产业链占本地${m.zh}的 ${pct(here.chain / here.total)}，占${model.dataset.regions[reference]!.name}的 ${pct(ref.chain / ref.total)}：区位熵 ${round(lq, 3)}；${strongText.zh}。`,
        en: `The chain makes ${pct(here.chain / here.total)} of local ${m.en} and ${pct(ref.chain / ref.total)} in ${model.dataset.regions[reference]!.name} (${refId}): location quotient ${round(lq, 3)}; ${strongText.en}.`,
      },
    },
  };
}

/** The quotient's basis: a measure and a reference region. */
interface Reference {
  measure: Measure;
  reference: number;
  ref: Sums;
}

/**
 * The first measure (output, then employees) with local activity and, for it, the nearest
 * ancestor whose firms include activity outside the region and outside the chain.
 */
function chooseReference(ctx: Context, ancestors: readonly number[], local: Record<Measure, Sums>): Reference | undefined {
  for (const measure of ['output', 'employees'] as const) {
    const here = local[measure];
    if (here.total <= 0) continue;
    for (const a of ancestors) {
      const ref = sums(ctx, a, measure);
      if (ref.chain > 0 && ref.total - here.total > 0 && ref.chain < ref.total) return { measure, reference: a, ref };
    }
  }
  return undefined;
}

/** An unavailable specialisation, with the local coverage of both measures. */
function noQuotient(reason: Reason, local: Record<Measure, Sums>): Specialisation {
  return {
    component: unavailable(reason, {
      firmsWithOutput: local.output.firms,
      firmsWithEmployees: local.employees.firms,
    }),
    reference: -1,
    measure: null,
  };
}

/** Why no reference region allows a quotient, judged on the widest one. */
function noReferenceReason(ctx: Context, ancestors: readonly number[], local: Record<Measure, Sums>): Reason {
  const measure: Measure = local.output.total > 0 || local.employees.total <= 0 ? 'output' : 'employees';
  const top = ancestors[ancestors.length - 1];
  const ref = top === undefined ? undefined : sums(ctx, top, measure);
  if (top === undefined)
    return { zh: '该地区在数据集中没有上级地区，无法计算区位熵。', en: 'The region has no wider region in the dataset to compare with.' };
  if (local.output.total <= 0 && local.employees.total <= 0)
    return {
      zh: '本地企业（计入的状态）都没有已知的产值或从业人数，无法计算区位熵。',
      en: 'No local firm (of the counted statuses) has a known output or employee count, so no location quotient can be computed.',
    };
  if (ref!.chain <= 0)
    return {
      zh: `该产业链的企业都没有已知的${MEASURE_LABEL[measure].zh}，无法计算区位熵。`,
      en: `No firm of the chain has a known ${MEASURE_LABEL[measure].en}, so no location quotient can be computed.`,
    };
  if (ref!.total - local[measure].total <= 0)
    return {
      zh: `该地区以外没有已知${MEASURE_LABEL[measure].zh}的企业，无从比较。`,
      en: `No firm outside the region has a known ${MEASURE_LABEL[measure].en}: there is nothing to compare with.`,
    };
  return {
    zh: `上级地区中已知${MEASURE_LABEL[measure].zh}的企业都属于该产业链，数据集没有记录其他产业，无法比较产业占比。`,
    en: `Every firm of known ${MEASURE_LABEL[measure].en} in the wider region belongs to the chain: the dataset records no other industry, so the chain's share cannot be compared.`,
  };
}

/**
 * The US Cluster Mapping strong-cluster test: the region against its siblings with activity
 * under the same reference; strong when LQ ≥ 1 and fewer than a quarter of them rank higher,
 * decided only when at least four regions compare.
 */
function strongClusterTest(ctx: Context, chosen: Reference, here: Sums, lq: number) {
  const { model, r } = ctx;
  const { regions } = model.index;
  const { measure, reference, ref } = chosen;
  const parent = regions.parent[r]!;
  const peers: { region: number; lq: number }[] = [];
  for (let k = regions.children.offsets[parent]!; k < regions.children.offsets[parent + 1]!; k++) {
    const s = regions.children.items[k]!;
    if (!regionWithinIdx(model, s, reference)) continue;
    const x = s === r ? here : sums(ctx, s, measure);
    if (x.total > 0) peers.push({ region: s, lq: locationQuotient(x.chain, x.total, ref.chain, ref.total)! });
  }
  const higher = peers.filter((p) => p.lq > lq).length;
  const strong = peers.length >= 4 ? lq >= 1 && higher < peers.length / 4 : null;
  return { peers, higher, strong };
}
