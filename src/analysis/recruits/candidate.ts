/**
 * Step 7 of recommendRecruits: each listed candidate as the planner reads it — the numbers behind
 * its fit and a reason in Chinese and English naming the flow it would substitute, its size,
 * the segments it shares with the region, and its local group companies and partners.
 */
import { formatYi, round } from '../../internal/format.js';
import type { ResolvedChain } from '../../model/chains.js';
import { ENTERPRISE_STATUSES } from '../../model/vocabulary.js';
import type { Reason } from '../scope/index.js';
import type { RecruitContext } from './context.js';
import type { FitRanking, ScoredCandidate } from './fit.js';
import type { RecruitCandidate } from './types.js';

/**
 * A ranked candidate of the gap segment `segment` as a list entry.
 *
 * @example
 * recruitCandidate(ctx, segment, ranking, ranking.scored[0]).reason.zh;
 * // '正泰新能源（浙江省）经营「光伏电站开发建设」环节；规模未知；…；匹配度0.2。' (酒泉 seed)
 */
export function recruitCandidate(
  ctx: RecruitContext,
  segment: ResolvedChain['segments'][number],
  ranking: FitRanking,
  { x, i, substitution, size, relatedness, fit }: ScoredCandidate,
): RecruitCandidate {
  const { model } = ctx;
  const { enterprises: ents, segments, regions } = model.index;
  const { weights } = ctx.settings;
  const e = x.e;
  const output = Number.isFinite(ranking.outputs[i]!) ? ranking.outputs[i]! : null;
  const staff = Number.isFinite(ranking.employees[i]!) ? ranking.employees[i]! : null;
  const sharedKeys = x.shared.map((t) => segments.keys[t]!);
  return {
    enterprise: ents.ids[e]!,
    name: model.dataset.enterprises[e]!.name,
    region: regions.ids[ents.region[e]!]!,
    status: ENTERPRISE_STATUSES[ents.status[e]!]!,
    fit,
    components: {
      substitution: {
        value: round(substitution, 4),
        weight: round(weights.substitution, 4),
        basis: ranking.substitutionBasis,
        localBuyers: x.buyers.map((b) => ents.ids[b]!),
        links: x.links,
        linkValue: round(x.value, 4),
        linksWithoutValue: x.unknown,
      },
      size: { value: round(size, 4), weight: round(weights.size, 4), basis: ranking.sizeBasis, output, employees: staff },
      relatedness: { value: round(relatedness, 4), weight: round(weights.relatedness, 4), sharedSegments: sharedKeys, otherSegments: x.others },
    },
    localPartners: x.partners.map((b) => ents.ids[b]!),
    localAffiliates: x.affiliates.map((b) => ents.ids[b]!),
    reason: candidateReason(ctx, segment, x, output, staff, fit),
  };
}

/** The reason of a candidate: where it is and what it does, then each fact that speaks for it, then its fit. */
function candidateReason(
  ctx: RecruitContext,
  segment: ResolvedChain['segments'][number],
  x: ScoredCandidate['x'],
  output: number | null,
  staff: number | null,
  fit: number,
): Reason {
  const { zh, en } = datasetReasonParts(ctx, segment, x, output, staff);
  return { zh: `${zh.join('；')}。匹配度${fit}。`, en: `${en.join('; ')}. Fit ${fit}.` };
}

/**
 * The facts the dataset holds about a candidate, as phrases of its reason: where it is and
 * what it does, the flow it would substitute, its size, shared segments, group and partners.
 *
 * @example
 * datasetReasonParts(ctx, segment, x, null, null).zh[0]; // '正泰新能源（浙江省）经营「光伏电站开发建设」环节'
 */
export function datasetReasonParts(
  ctx: RecruitContext,
  segment: ResolvedChain['segments'][number],
  x: ScoredCandidate['x'],
  output: number | null,
  staff: number | null,
): { zh: string[]; en: string[] } {
  const { model } = ctx;
  const { enterprises: ents, segments } = model.index;
  const nameOf = (e: number) => model.dataset.enterprises[e]!.name;
  const regionName = (q: number) => model.dataset.regions[q]!.name;
  const e = x.e;
  const quoted = `「${segment.name}」`;
  const sharedKeys = x.shared.map((t) => segments.keys[t]!);
  const sharedNames = x.shared.map((t) => {
    const [chainId, segId] = segments.keys[t]!.split('/') as [string, string];
    return model.chains.find((ch) => ch.id === chainId)!.segments.find((sg) => sg.id === segId)!.name;
  });
  const buyerNames = x.buyers.map(nameOf);
  const valued = x.links - x.unknown;
  const zhParts = [`${nameOf(e)}（${regionName(ents.region[e]!)}）经营${quoted}环节`];
  const enParts = [`${nameOf(e)} (${regionName(ents.region[e]!)}) operates in ${segment.name} (${segment.id})`];
  if (x.links > 0) {
    zhParts.push(
      `已从外地向本地${buyerNames.join('、')}供货${x.links}条` +
        (valued > 0 ? `（已知金额${formatYi(x.value, 'zh')}${x.unknown > 0 ? `，${x.unknown}条金额未知` : ''}）` : '（金额未知）') +
        '，在本地设厂可替代这部分外购',
    );
    enParts.push(
      `already supplies local ${buyerNames.join(', ')} from outside through ${x.links} link${x.links > 1 ? 's' : ''}` +
        (valued > 0 ? ` (known value ${formatYi(x.value, 'en')}${x.unknown > 0 ? `, ${x.unknown} of unknown value` : ''})` : ' (value unknown)') +
        '; a local plant would substitute that flow',
    );
  }
  if (output !== null) (zhParts.push(`产值${formatYi(output, 'zh')}`), enParts.push(`output ${formatYi(output, 'en')}`));
  else if (staff !== null) (zhParts.push(`从业人员${staff}人`), enParts.push(`${staff} employees`));
  else (zhParts.push('规模未知'), enParts.push('size unknown'));
  if (x.shared.length > 0) {
    zhParts.push(`还在本地已有的${sharedNames.map((nm) => `「${nm}」`).join('、')}环节经营，熟悉本地产业链`);
    enParts.push(`also operates in ${sharedKeys.join(', ')}, which the region has, so it knows the local chain`);
  }
  if (x.affiliates.length > 0) {
    zhParts.push(`在本地已有同一集团的企业${x.affiliates.map(nameOf).join('、')}`);
    enParts.push(`has group companies in the region: ${x.affiliates.map(nameOf).join(', ')}`);
  }
  const partnerNames = x.partners.map(nameOf);
  if (partnerNames.length > 0) {
    zhParts.push(`已与本地企业${partnerNames.join('、')}有供货往来`);
    enParts.push(`already trades with local ${partnerNames.join(', ')}`);
  }
  return { zh: zhParts, en: enParts };
}
