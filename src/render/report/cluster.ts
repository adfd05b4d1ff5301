/** 产业集群评分 of a chain's chapter: scoreCluster's total and its components with their weights. */
import type { ClusterScore } from '../../analysis/cluster/index.js';
import { formatShare } from '../../internal/format.js';
import type { Block } from '../document.js';
import type { Section } from './data/index.js';
import type { ReportContext } from './context.js';

/**
 * The cluster score of a chain, or why it is not available.
 *
 * @example
 * clusterBlocks(ctx, ctx.data.chains[0].cluster);
 */
export function clusterBlocks(ctx: ReportContext, section: Section<ClusterScore>): Block[] {
  const { L, R, NA, fmt } = ctx;
  if (!section.available) return [ctx.na(section.reason)];
  const r = section.result;
  const out: Block[] = [];
  if (r.total === null) out.push(ctx.na(r.reason));
  else out.push(ctx.p({ text: L(`集群得分 ${fmt(r.total, 1)} / 100`, `Cluster score ${fmt(r.total, 1)} / 100`), strong: true }, L('。', '. '), R(r.reason)));
  out.push({
    kind: 'table',
    headers: [L('维度', 'Component'), L('得分（0–1）', 'Value (0–1)'), L('设定权重', 'Weight'), L('实际权重', 'Weight used'), L('依据', 'Basis'), L('说明', 'Explanation')],
    numeric: [false, true, true, true, false, false],
    rows: r.components.map((x) => [
      R(x.label),
      x.available && x.value !== null ? fmt(x.value, 3) : { text: NA, tone: 'muted' },
      fmt(x.weight, 2),
      x.available ? formatShare(x.weightUsed) : '—',
      x.basis ?? '—',
      R(x.reason),
    ]),
  });
  return out;
}
