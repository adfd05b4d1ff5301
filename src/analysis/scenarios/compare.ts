/**
 * compareScenarios: the same analyses with the same options and seed on two models, and what
 * differs — gaps, cluster score, output estimate, resilience — each as before, after and delta.
 */
import type { ChainModel } from '../../graph/model.js';
import { formatShare, round } from '../../internal/format.js';
import { ChainError } from '../../model/issues.js';
import { scoreCluster } from '../cluster/index.js';
import { resolveScope, type Reason } from '../scope/index.js';
import { assessResilience, type ResilienceSummary } from '../resilience/index.js';
import { change, datasetChanges } from './change.js';
import { compareGaps } from './gaps.js';
import { compareOutput } from './output.js';
import type { CompareScenariosOptions, ScenarioComparison } from './types.js';

/**
 * What a scenario changes for a chain in a region: the differences in gaps, cluster score,
 * output estimate and resilience between two models (typically `model` and
 * `withChanges(model, ...)`), each with before, after and delta (see the method in ./index.ts).
 *
 * @example
 * const after = withChanges(model, { addEnterprises: [recruit] });
 * const diff = compareScenarios(model, after, { chain: 'wind-power', region: 'jiuquan' });
 * diff.gaps.resolved;        // [{ code: 'missing_segment', segment: 'bearings', ... }]
 * diff.cluster.total.delta;  // e.g. +4.2 points
 */
export function compareScenarios(before: ChainModel, after: ChainModel, options: CompareScenariosOptions): ScenarioComparison {
  if (options.chain === undefined) throw new ChainError('invalid_argument', 'a chain is required', { valid: before.index.chains.ids });
  const scope = resolveScope(before, options, true);
  const chain = scope.chain!;
  resolveScope(after, { chain, region: scope.region }, true);
  const region = scope.region;
  const gaps = compareGaps(before, after, options, chain, region);
  const cluster = compareCluster(before, after, options, chain, region);
  const output = compareOutput(before, after, options, chain, region);
  const resilience = compareResilience(before, after, options, chain, region);
  const comparison = { scope: { region, chain }, changes: datasetChanges(before, after), gaps, cluster, output, resilience };
  return { ...comparison, reason: comparisonReason(comparison) };
}

/** scoreCluster on both models: the total and each component. */
function compareCluster(before: ChainModel, after: ChainModel, options: CompareScenariosOptions, chain: string, region: string): ScenarioComparison['cluster'] {
  const clusterOptions = { ...options.cluster, chain, region, ...(options.seed === undefined ? {} : { seed: options.seed }) };
  const clusterBefore = scoreCluster(before, clusterOptions);
  const clusterAfter = scoreCluster(after, clusterOptions);
  const components = clusterBefore.components.map((c) => ({
    id: c.id,
    ...change(c.value, clusterAfter.components.find((x) => x.id === c.id)?.value),
  }));
  return { total: change(clusterBefore.total, clusterAfter.total), components };
}

/** assessResilience on both models: single-sourced inputs, the 链主's single points of failure, the worst removal. */
function compareResilience(before: ChainModel, after: ChainModel, options: CompareScenariosOptions, chain: string, region: string): ScenarioComparison['resilience'] {
  const resilienceOptions = { ...options.resilience, chain, region };
  const rb = assessResilience(before, resilienceOptions);
  const ra = assessResilience(after, resilienceOptions);
  const spof = (r: ResilienceSummary) => r.leaders.reduce((s, l) => s + l.pointsOfFailure, 0);
  return {
    singleSourceShare: change(rb.singleSourceShare, ra.singleSourceShare),
    singleSourceInputs: change(rb.singleSourceInputs, ra.singleSourceInputs),
    leaderPointsOfFailure: change(spof(rb), spof(ra)),
    worstRemoval: { before: rb.worstRemoval, after: ra.worstRemoval },
  };
}

/** The comparison in one sentence per language: missing segments, findings, cluster score, single sourcing, output. */
function comparisonReason(c: Omit<ScenarioComparison, 'reason'>): Reason {
  const { chain, region } = c.scope;
  const { counts, added, resolved } = c.gaps;
  const { total } = c.cluster;
  const { singleSourceShare } = c.resilience;
  const signed = (v: number | null, digits = 2) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${round(v, digits)}`);
  const shareText = (v: number | null) => (v === null ? '—' : formatShare(v));
  return {
    zh: `产业链 ${chain} 在 ${region}：缺失环节 ${counts.missing.before} → ${counts.missing.after}，新增问题 ${added.length} 项、消除 ${resolved.length} 项；集群得分 ${total.before === null ? '—' : round(total.before, 1)} → ${total.after === null ? '—' : round(total.after, 1)}（${signed(total.delta, 1)}）；单一来源投入占比 ${shareText(singleSourceShare.before)} → ${shareText(singleSourceShare.after)}。${c.output.reason.zh}`,
    en: `Chain ${chain} in ${region}: missing segments ${counts.missing.before} → ${counts.missing.after}, ${added.length} finding(s) added and ${resolved.length} resolved; cluster score ${total.before === null ? '—' : round(total.before, 1)} → ${total.after === null ? '—' : round(total.after, 1)} (${signed(total.delta, 1)}); single-sourced inputs ${shareText(singleSourceShare.before)} → ${shareText(singleSourceShare.after)}. ${c.output.reason.en}`,
  };
}
