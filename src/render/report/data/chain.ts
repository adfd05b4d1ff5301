/**
 * Everything a report says about one chain: its analyses run in a fixed order with the report's
 * scope and seed (each step announced to `onProgress` first), its local firms, its columns.
 */
import { scoreCluster } from '../../../analysis/cluster/index.js';
import { findGaps } from '../../../analysis/gaps/index.js';
import { rankLeaders, type LeaderRanking } from '../../../analysis/leaders/index.js';
import { suggestMatches } from '../../../analysis/matches/index.js';
import { recommendRecruits } from '../../../analysis/recruits/index.js';
import type { ChainModel } from '../../../graph/model.js';
import { segmentGenerations } from '../../../graph/queries.js';
import type { ResolvedChain } from '../../../model/chains.js';
import { chainFirms, supportingRows } from './firms.js';
import { outputSection } from './output.js';
import { resilienceSection } from './resilience.js';
import type { ReportRun } from './run.js';
import { attempt } from './sections.js';
import type { ChainReport, Section } from './types.js';

/**
 * The report of one chain: gaps, recruits, cluster, output, leaders, matches, then the local
 * firms and the 链主's single points of failure.
 *
 * @example
 * chainReport(run, model.chains[0]).gaps.summary.missing;
 */
export function chainReport(run: ReportRun, chain: ResolvedChain): ChainReport {
  const { model, progress } = run;
  const { seed, runs, recruitLimit, matchLimit, reference } = run.settings;
  const ids = { chain: chain.id, region: run.scope.region };
  progress(chain.id, 'gaps', { zh: `${chain.name}：缺链分析`, en: `${chain.name}: gaps` });
  const gaps = findGaps(model, ids);
  progress(chain.id, 'recruits', { zh: `${chain.name}：招商清单`, en: `${chain.name}: recruitment list` });
  const recruits = attempt(() => recommendRecruits(model, { ...ids, gaps, limit: recruitLimit, ...(reference ? { reference } : {}) }));
  progress(chain.id, 'cluster', { zh: `${chain.name}：集群评分`, en: `${chain.name}: cluster score` });
  const cluster = attempt(() => scoreCluster(model, { ...ids, seed }));
  progress(chain.id, 'output', { zh: `${chain.name}：产值测算（${runs} 次模拟）`, en: `${chain.name}: output estimate (${runs} runs)` });
  const output = outputSection(run, chain.id);
  progress(chain.id, 'leaders', { zh: `${chain.name}：链主识别`, en: `${chain.name}: leaders` });
  const leaders = leadersSection(run, chain);
  progress(chain.id, 'matches', { zh: `${chain.name}：供需对接`, en: `${chain.name}: matches` });
  const matches = attempt(() => suggestMatches(model, { ...ids, limit: matchLimit }));
  progress(chain.id, 'resilience', { zh: `${chain.name}：断链风险`, en: `${chain.name}: single points of failure` });
  const firms = chainFirms(run, chain);
  const supporting = supportingRows(run, firms);
  const resilience = resilienceSection(run, firms);
  return {
    chain: chain.id,
    name: chain.name,
    template: chain.template ?? null,
    description: model.dataset.chains.find((x) => x.id === chain.id)?.description ?? null,
    columns: chainColumns(model, chain),
    segmentNames: Object.fromEntries(chain.segments.map((s) => [s.id, s.name])),
    gaps,
    recruits,
    cluster,
    output,
    leaders,
    supporting,
    matches,
    resilience,
  };
}

/** The leader ranking cut to the list limit: its first ranks and every declared 链主 below them. */
function leadersSection(run: ReportRun, chain: ResolvedChain): Section<LeaderRanking> {
  const { listLimit, seed } = run.settings;
  return attempt(() => {
    const ranking = rankLeaders(run.model, { chain: chain.id, region: run.scope.region, seed });
    if (ranking.ranking.length <= listLimit) return ranking;
    const kept = ranking.ranking.filter((e, k) => k < listLimit || e.declaredLeader);
    run.truncated.push({ chain: chain.id, list: 'leaders', shown: kept.length, total: ranking.ranking.length });
    return { ...ranking, ranking: kept };
  });
}

/** Segment ids by column (topological generation), 上游 → 下游; segments no generation reaches (on or below a flow cycle) in a last column. */
function chainColumns(model: ChainModel, chain: ResolvedChain): string[][] {
  const generations = segmentGenerations(model, chain.id);
  const placed = new Set(generations.flat());
  const leftover = chain.segments.map((s) => s.id).filter((id) => !placed.has(id));
  return leftover.length > 0 ? [...generations, leftover] : generations;
}
