/**
 * The output estimate compared: estimateOutput on both models with the same options and the same
 * seed (common random numbers, so the difference is not blurred by sampling noise), band by year.
 */
import type { ChainModel } from '../../graph/model.js';
import { round } from '../../internal/format.js';
import { estimateOutput, type Band } from '../output/index.js';
import type { CompareScenariosOptions, ScenarioComparison } from './types.js';

/** Default Monte Carlo runs of a comparison. */
const DEFAULT_RUNS = 2000;

/**
 * The output of `chain` in `region` before and after, over the given years or those of
 * {@link defaultYears}; not available when there are none.
 *
 * @example
 * compareOutput(model, after, { chain: 'wind-power', years: [2026] }, 'wind-power', 'jiuquan').byYear[0].delta.expected;
 */
export function compareOutput(before: ChainModel, after: ChainModel, options: CompareScenariosOptions, chain: string, region: string): ScenarioComparison['output'] {
  const years = [...(options.years ?? defaultYears(before, region, chain))];
  if (years.length === 0)
    return {
      available: false,
      years,
      byYear: [],
      reason: {
        zh: '未给出年份，数据中也没有目标年份或产值、指标、投产年份，未比较产值测算。',
        en: 'No years given and none in the data (target, output, indicator or production years): the output estimate was not compared.',
      },
    };
  const outputOptions = {
    chain,
    region,
    years,
    runs: options.runs ?? DEFAULT_RUNS,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.assumptions ? { assumptions: options.assumptions } : {}),
  };
  const ob = estimateOutput(before, outputOptions);
  const oa = estimateOutput(after, outputOptions);
  const byYear = ob.byYear.map((b, i) => {
    const a = oa.byYear[i]!;
    const band = (x: Band): Band => ({ expected: x.expected, p10: x.p10, p50: x.p50, p90: x.p90 });
    return {
      year: b.year,
      before: band(b),
      after: band(a),
      delta: { expected: a.expected - b.expected, p10: a.p10 - b.p10, p50: a.p50 - b.p50, p90: a.p90 - b.p90 },
    };
  });
  const last = byYear[byYear.length - 1]!;
  return {
    available: true,
    years,
    byYear,
    reason: {
      zh: `${last.year} 年预期产值 ${round(last.before.expected)} → ${round(last.after.expected)}亿元（${last.delta.expected >= 0 ? '+' : ''}${round(last.delta.expected)}亿元）。`,
      en: `Expected output in ${last.year}: ${round(last.before.expected)} → ${round(last.after.expected)} 亿元 (${last.delta.expected >= 0 ? '+' : ''}${round(last.delta.expected)}).`,
    },
  };
}

/**
 * The years compared when none are given: those of the scope's targets, else the latest year in
 * the data (output, indicator or production year); none when the data hold no year.
 *
 * @example
 * defaultYears(model, 'jiuquan', 'wind-power'); // → [2025, 2027]
 */
export function defaultYears(model: ChainModel, region: string, chain: string): number[] {
  const inScope = (scope: { region: string; chain?: string | undefined }) => scope.region === region && (scope.chain === undefined || scope.chain === chain);
  const targetYears = model.dataset.targets.filter((t) => inScope(t.scope) && t.year !== undefined).map((t) => t.year!);
  if (targetYears.length > 0) return [...new Set(targetYears)].sort((a, b) => a - b);
  let latest = -Infinity;
  for (const e of model.dataset.enterprises) if (e.outputYear !== undefined) latest = Math.max(latest, e.outputYear);
  for (const i of model.dataset.indicators) latest = Math.max(latest, i.year);
  for (const p of model.dataset.projects) if (p.productionYear !== undefined) latest = Math.max(latest, p.productionYear);
  return Number.isFinite(latest) ? [latest] : [];
}
