/**
 * The notes and assumptions of a score: which basis each component used, how many firms the
 * dataset names against the region's enterprise-count indicators, and what the score assumes.
 */
import type { EnterpriseStatus, LinkStatus } from '../../model/vocabulary.js';
import type { Reason } from '../scope/index.js';
import type { ClusterComponent, ClusterComponentId } from './types.js';
import type { Context } from './context.js';

/**
 * Which basis each component used (value shares, link values or counts, the quotient's measure, coverage).
 *
 * @example
 * basisNotes(score.components);
 */
export function basisNotes(components: ClusterComponent[]): Reason[] {
  const notes: Reason[] = [];
  const get = (id: ClusterComponentId) => components.find((c) => c.id === id)!;
  const completeness = get('completeness');
  if (completeness.basis === 'valueShare')
    notes.push({
      zh: `链条完整度按环节价值占比（valueShare）加权${completeness.ids.outsideBasis!.length > 0 ? `；没有价值占比的环节（${completeness.ids.outsideBasis!.join('、')}）未计入` : ''}。`,
      en: `Completeness is weighted by the segments' valueShare${completeness.ids.outsideBasis!.length > 0 ? `; segments without one (${completeness.ids.outsideBasis!.join(', ')}) are left out` : ''}.`,
    });
  else if (completeness.basis === 'equal')
    notes.push({ zh: '链条完整度各环节等权（模板未给出价值占比）。', en: 'Completeness weighs every segment the same (no segment has a valueShare).' });
  const supply = get('localSupply');
  if (supply.basis === 'value') notes.push({ zh: '本地配套率按供货金额计算。', en: 'The local supply rate is by link value.' });
  else if (supply.basis === 'count')
    notes.push({
      zh: `本地配套率按链接条数计算：${supply.raw.inputLinks} 条链接中 ${Number(supply.raw.inputLinks) - Number(supply.raw.linksWithValue)} 条缺少金额。`,
      en: `The local supply rate is by count of links: ${Number(supply.raw.inputLinks) - Number(supply.raw.linksWithValue)} of ${supply.raw.inputLinks} links have no value.`,
    });
  const cohesion = get('cohesion');
  if (cohesion.available)
    notes.push(
      cohesion.basis === 'value'
        ? { zh: 'Louvain 社区按供货金额加权。', en: 'Louvain communities weigh links by value.' }
        : { zh: 'Louvain 社区按链接条数加权（部分链接缺少金额）。', en: 'Louvain communities weigh links by count (some links have no value).' },
    );
  const spec = get('specialisation');
  if (spec.available)
    notes.push({
      zh: `区位熵按${spec.basis === 'output' ? '产值' : '从业人数'}计算，参照地区为 ${spec.ids.reference![0]}。`,
      en: `The location quotient is by ${spec.basis}, against ${spec.ids.reference![0]}.`,
    });
  const conc = get('concentration');
  if (conc.available)
    notes.push({
      zh: `赫芬达尔指数只覆盖有已知产值的 ${conc.raw.firmsWithOutput} 家企业（共 ${conc.raw.firms} 家）。`,
      en: `The Herfindahl index covers the ${conc.raw.firmsWithOutput} of ${conc.raw.firms} local firms with a known output.`,
    });
  return notes;
}

/**
 * Compares the number of local firms recorded with `enterprise-count` indicators of the chain
 * in the region: documents often name a few firms of many.
 *
 * @example
 * countNotes(ctx); // [] when no enterprise-count indicator exceeds the firms listed
 */
export function countNotes(ctx: Context): Reason[] {
  const region = ctx.model.index.regions.ids[ctx.r]!;
  const notes: Reason[] = [];
  for (const indicator of ctx.model.dataset.indicators) {
    const { scope, metric, value } = indicator;
    if (metric !== 'enterprise-count' || scope.region !== region || scope.chain !== ctx.chain || value === undefined) continue;
    if (value <= ctx.nodes.length) continue;
    notes.push({
      zh: `指标 ${indicator.id} 记载该产业链有 ${value} 家企业（${indicator.year} 年），数据集只列出其中 ${ctx.nodes.length} 家；各指标只反映已列出的企业。`,
      en: `Indicator ${indicator.id} counts ${value} firms of the chain (${indicator.year}); the dataset names ${ctx.nodes.length} of them, and every component reflects only those.`,
    });
  }
  return notes;
}

/**
 * What the score assumes: which firms and links count, and how unknown amounts are treated.
 *
 * @example
 * assumptions(ctx).length; // 3
 */
export function assumptions(ctx: Context & { statuses: EnterpriseStatus[]; linkStatuses: LinkStatus[] }): Reason[] {
  return [
    {
      zh: `本地企业：位于该地区（含下级地区）、状态为 ${ctx.statuses.join('、')}、且在该产业链至少一个环节经营的企业；计入状态为 ${ctx.linkStatuses.join('、')} 的供货链接，链接标注了其他产业链环节的不计入。`,
      en: `Local firms are those located in the region or its sub-regions, with status ${ctx.statuses.join(', ')}, operating in at least one segment of the chain; supply links with status ${ctx.linkStatuses.join(', ')} count, except those tagged with a segment of another chain.`,
    },
    {
      zh: '数据集记录的供货链接只是样本：本地（撮合）链接往往比外地链接更常被记录，本地配套率可能偏高。',
      en: 'Recorded supply links are a sample: local, brokered links tend to be recorded more often than distant ones, which can bias the local supply rate upwards.',
    },
    {
      zh: '未知的产值、从业人数和链接金额不计入，从不按 0 处理；各指标报告其覆盖范围。',
      en: 'Unknown outputs, employee counts and link values are left out, never taken as 0; each component reports its coverage.',
    },
  ];
}
