/**
 * The data of a report (图谱 + 清单): every analysis of every chain in scope, run once with the
 * same scope and seed, gathered into one JSON-serialisable object. The Markdown and HTML
 * renderers format this object; the JSON format is this object as is.
 *
 * Per chain: findGaps (缺链清单), recommendRecruits (招商清单), scoreCluster, estimateOutput
 * (with the audit of the chain's targets), rankLeaders (链主清单), suggestMatches (供需对接),
 * singlePointsOfFailure of each declared local 链主; the supporting firms (配套清单) are listed
 * from the data. For the region: estimateOutput over all its firms, auditing the region-wide
 * targets. An analysis the data cannot support is kept as `{ available: false, reason }`.
 */
import { resolveScope } from '../../../analysis/scope/index.js';
import type { ChainModel } from '../../../graph/model.js';
import { chainReport } from './chain.js';
import { dataSettings, reportSettings } from './options.js';
import { outputSection } from './output.js';
import { reportRun } from './run.js';
import { reportSummary } from './summary.js';
import type { ReportData, ReportDataOptions } from './types.js';

export { DEFAULT_REPORT_LIST_LIMIT, DEFAULT_REPORT_RESILIENCE_LIMIT, DEFAULT_REPORT_RUNS } from './options.js';
export { estimateHasData } from './output.js';
export type {
  ChainReport,
  IndicatorRow,
  LeaderResilience,
  RegionRow,
  ReportData,
  ReportDataOptions,
  ReportList,
  ReportProgress,
  Section,
  SupportingRow,
  TargetRow,
  TruncatedList,
} from './types.js';
export { reportYears } from './years.js';

/**
 * Runs every analysis of the report for the chains in scope (all chains of the dataset when no
 * chain is given) and gathers the results, the summary figures and the targets with their audits.
 * Unknown chain or region ids throw a ChainError listing the valid ones.
 *
 * @example
 * const data = buildReport(model, { region: 'jiuquan', runs: 2000 });
 * data.chains.map((c) => [c.chain, c.gaps.summary.missing]);
 * data.summary.targets[0].audit?.reason.zh;
 */
export function buildReport(model: ChainModel, options: ReportDataOptions = {}): ReportData {
  const scope = resolveScope(model, options);
  const settings = reportSettings(model, scope, options);
  const chains = scope.chain === undefined ? model.chains : [model.chains[scope.chainIndex!]!];
  const run = reportRun(model, scope, settings, chains.length, options);
  const chainReports = chains.map((chain) => chainReport(run, chain));
  run.progress(null, 'region-output', {
    zh: `${run.regionName}：区域产值测算（${settings.runs} 次模拟）`,
    en: `${run.regionName}: region-wide output estimate (${settings.runs} runs)`,
  });
  const regionOutput = outputSection(run, null);
  const { dataset } = model;
  return {
    kind: 'industrial-chain-report',
    version: 1,
    dataset: {
      id: dataset.meta.id,
      name: dataset.meta.name,
      description: dataset.meta.description ?? null,
      updated: dataset.meta.updated ?? null,
      version: dataset.meta.version ?? null,
    },
    scope: { region: scope.region, regionName: run.regionName, chain: scope.chain ?? null },
    settings: dataSettings(settings),
    summary: reportSummary(run, chainReports, regionOutput),
    regionOutput,
    chains: chainReports,
    truncated: run.truncated,
    noChain: model.chains.length === 0 ? { ...NO_CHAIN } : null,
    sources: dataset.sources.map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher ?? null,
      date: s.date ?? null,
      file: s.file ?? null,
      url: s.url ?? null,
    })),
  };
}

/** Why a dataset that models no chain gets no chain map or list. */
const NO_CHAIN = {
  zh: '本数据集未建模任何产业链：没有环节、企业分工与流向可供分析，因此不生成产业链图谱与清单，只列出区域、指标与目标。',
  en: 'This dataset models no industrial chain: with no segments, activities or flows to analyse, there is no chain map or list, only the regions, indicators and targets.',
};
