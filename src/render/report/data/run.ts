/**
 * One run of buildReport: the scope, the settings, the lists cut so far and the progress
 * counter, shared by the steps that gather the report's data.
 */
import type { Reason, ResolvedScope } from '../../../analysis/scope/index.js';
import type { ChainModel } from '../../../graph/model.js';
import type { ReportSettings } from './options.js';
import { unavailable } from './sections.js';
import type { ReportDataOptions, ReportProgress, TruncatedList } from './types.js';

/** Analyses run per chain (gaps, recruits, cluster, output, leaders, matches, resilience). */
const STEPS_PER_CHAIN = 7;

/** What the steps of one buildReport share. */
export interface ReportRun {
  model: ChainModel;
  scope: ResolvedScope;
  settings: ReportSettings;
  /** Name of the scope region. */
  regionName: string;
  /** The lists cut to their limits, in the order they were cut. */
  truncated: TruncatedList[];
  /** Reports the step about to run to `onProgress`. */
  progress: (chain: string | null, step: ReportProgress['step'], label: Reason) => void;
  /** The output section when the data hold no year to estimate for. */
  noYears: { available: false; reason: Reason };
}

/**
 * A run over `chains` chains: every chain's analyses, then the region-wide estimate.
 *
 * @example
 * const run = reportRun(model, scope, settings, 2, options);
 * run.progress('wind-power', 'gaps', { zh: '缺链分析', en: 'gaps' }); // onProgress({ done: 0, total: 15, … })
 */
export function reportRun(model: ChainModel, scope: ResolvedScope, settings: ReportSettings, chains: number, options: ReportDataOptions): ReportRun {
  const total = chains * STEPS_PER_CHAIN + 1;
  let done = 0;
  return {
    model,
    scope,
    settings,
    regionName: model.dataset.regions[scope.regionIndex]!.name,
    truncated: [],
    progress: (chain, step, label) => {
      options.onProgress?.({ done, total, chain, step, label });
      done++;
    },
    noYears: unavailable(
      '数据中没有任何年份（产值年份、指标、项目或目标），无法选定测算年份；请指定 years',
      'the data hold no year (output year, indicator, project or target) to estimate for; give years',
    ),
  };
}
