/**
 * Part 2 of the report: one chapter per chain — its map, then the lists (链主清单, 配套清单,
 * 缺链清单, 招商清单), the suggested matches (供需对接), the cluster score, the output estimate
 * with its target audit, and the single points of failure of its 链主.
 */
import type { Block } from '../document.js';
import type { ChainReport } from './data/index.js';
import { clusterBlocks } from './cluster.js';
import type { ReportContext } from './context.js';
import { gapBlocks } from './gaps.js';
import { leaderBlocks } from './leaders.js';
import { chainMapBlocks } from './map.js';
import { matchBlocks } from './matches.js';
import { outputBlocks } from './output.js';
import { recruitBlocks } from './recruits.js';
import { resilienceBlocks } from './resilience.js';
import { cutNote } from './shared-labels.js';
import { supportingBlocks } from './supporting.js';

/**
 * Part 2: a chapter per chain of the report, or why there is none.
 *
 * @example
 * chainsBlocks(ctx).filter((b) => b.kind === 'heading' && b.level === 2).length; // → the chains
 */
export function chainsBlocks(ctx: ReportContext): Block[] {
  const { data } = ctx;
  const blocks = data.chains.flatMap((c, i) => chainBlocks(ctx, c, i));
  if (data.chains.length === 0) {
    blocks.push(ctx.heading(2, '二、产业链', '2. Chains', 'chains'));
    blocks.push(ctx.na(data.noChain ?? { zh: '报告范围内没有产业链', en: 'no chain in scope' }));
  }
  return blocks;
}

/**
 * The chapter of one chain (the `i`-th of the report), its sections in order.
 *
 * @example
 * chainBlocks(ctx, ctx.data.chains[0], 0)[0]; // → the heading 二.1 <chain name>
 */
export function chainBlocks(ctx: ReportContext, c: ChainReport, i: number): Block[] {
  const { heading } = ctx;
  const segName = (id: string) => c.segmentNames[id] ?? id;
  return [
    ...chainOpening(ctx, c, i),
    ...chainMapBlocks(ctx, c),
    heading(3, '链主清单', 'Chain leaders'),
    ...leaderBlocks(ctx, c.leaders),
    ...cutNote(ctx, c.chain, 'leaders'),
    heading(3, '配套清单', 'Supporting firms'),
    ...supportingBlocks(ctx, c),
    ...cutNote(ctx, c.chain, 'supporting'),
    heading(3, '缺链清单', 'Gaps'),
    ...gapBlocks(ctx, c),
    heading(3, '招商清单', 'Recruitment list'),
    ...recruitBlocks(ctx, c.recruits),
    heading(3, '供需对接', 'Suggested supply matches'),
    ...matchBlocks(ctx, c.matches, segName),
    heading(3, '产业集群评分', 'Cluster score'),
    ...clusterBlocks(ctx, c.cluster),
    heading(3, '产值测算与目标审核', 'Output estimate and target audit'),
    ...outputBlocks(ctx, c.output, c.chain),
    heading(3, '断链风险（链主单点失效）', 'Single points of failure of the leaders'),
    ...resilienceBlocks(ctx, c.resilience, segName),
    ...cutNote(ctx, c.chain, 'resilience'),
  ];
}

/** The chain's heading, description and its segments by state. */
function chainOpening(ctx: ReportContext, c: ChainReport, i: number): Block[] {
  const { L, p } = ctx;
  const s = c.gaps.summary;
  const out: Block[] = [{ kind: 'heading', level: 2, text: `${L('二', '2')}.${i + 1} ${c.name}`, secondary: c.chain, id: `chain-${c.chain}` }];
  if (c.description !== null) out.push(p(c.description));
  out.push(
    p(
      L(
        `${s.segments} 个环节，本地已有 ${s.present} 个，缺链 ${s.missing} 个，短板 ${s.thin} 个，外部依赖 ${s.externalDependencies} 个，补链中 ${s.beingFilled} 个；本地企业 ${s.localEnterprises} 家。`,
        `${s.segments} segments: ${s.present} present, ${s.missing} missing, ${s.thin} thin, ${s.externalDependencies} dependent on outside supply, ${s.beingFilled} being filled; ${s.localEnterprises} local firm(s).`,
      ),
    ),
  );
  return out;
}
