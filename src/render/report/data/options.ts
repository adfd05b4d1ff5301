/**
 * The options of a report resolved to its settings: defaults, limits (a whole number ≥ 1 or
 * Infinity), seed and Monte Carlo runs checked, the years to estimate for.
 */
import type { ResolvedScope } from '../../../analysis/scope/index.js';
import type { RecruitReference } from '../../../analysis/recruits/index.js';
import type { ChainModel } from '../../../graph/model.js';
import { DEFAULT_SEED } from '../../../internal/random.js';
import { ChainError, type Locale } from '../../../model/issues.js';
import type { ReportData, ReportDataOptions } from './types.js';
import { reportYears } from './years.js';

/** Default Monte Carlo runs of a report's output estimates: enough for stable P10/P90, fast enough for `npm run demo`. */
export const DEFAULT_REPORT_RUNS = 2000;

/**
 * Default largest number of rows of each list of a report (链主清单, 配套清单, the output
 * estimates' firms, projects and gaps). A town's or a zone's chain stays far below it; a
 * province-sized dataset (10⁵–10⁶ firms) would otherwise give lists nobody reads and a report of
 * gigabytes. What is cut is counted in {@link ReportData.truncated}.
 */
export const DEFAULT_REPORT_LIST_LIMIT = 200;

/** Default number of declared local 链主 per chain whose single points of failure a report analyses (the largest first). */
export const DEFAULT_REPORT_RESILIENCE_LIMIT = 10;

/** Default candidates per gap in the recruitment list. */
const DEFAULT_RECRUIT_LIMIT = 5;

/** Default suggested matches per chain. */
const DEFAULT_MATCH_LIMIT = 10;

/** The settings a report runs with; the limits are Infinity when there is none. */
export interface ReportSettings {
  locale: Locale;
  seed: number;
  runs: number;
  years: number[];
  yearsSource: ReportData['settings']['yearsSource'];
  recruitLimit: number;
  matchLimit: number;
  listLimit: number;
  resilienceLimit: number;
  /** The reference directory for the recruitment list, when given. */
  reference?: RecruitReference;
}

/**
 * The settings of a report over `scope`. Throws a ChainError for runs, seed or limits out of
 * range (checked in that order).
 *
 * @example
 * reportSettings(model, resolveScope(model, {}), { listLimit: Infinity }).listLimit; // → Infinity
 */
export function reportSettings(model: ChainModel, scope: ResolvedScope, options: ReportDataOptions): ReportSettings {
  const locale = options.locale ?? 'zh-CN';
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_REPORT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new ChainError('invalid_argument', `runs must be a whole number ≥ 1, got ${runs}`, { runs });
  if (!Number.isInteger(seed)) throw new ChainError('invalid_argument', `seed must be an integer, got ${seed}`, { seed });
  const recruitLimit = options.recruitLimit ?? DEFAULT_RECRUIT_LIMIT;
  const matchLimit = options.matchLimit ?? DEFAULT_MATCH_LIMIT;
  const listLimit = limitOption(options.listLimit, DEFAULT_REPORT_LIST_LIMIT, 'listLimit');
  const resilienceLimit = limitOption(options.resilienceLimit, DEFAULT_REPORT_RESILIENCE_LIMIT, 'resilienceLimit');
  const years = options.years ? [...options.years] : reportYears(model, scope.region);
  const yearsSource = options.years ? 'option' : years.length > 0 ? 'derived' : 'none';
  const settings: ReportSettings = { locale, seed, runs, years, yearsSource, recruitLimit, matchLimit, listLimit, resilienceLimit };
  if (options.reference !== undefined) settings.reference = options.reference;
  return settings;
}

/**
 * The settings as the report's data states them (no limit: null).
 *
 * @example
 * dataSettings(settings).listLimit; // → 200, or null for Infinity
 */
export function dataSettings(settings: ReportSettings): ReportData['settings'] {
  const { locale, seed, runs, years, yearsSource, recruitLimit, matchLimit, listLimit, resilienceLimit } = settings;
  return {
    locale,
    seed,
    runs,
    years,
    yearsSource,
    recruitLimit,
    matchLimit,
    listLimit: listLimit === Infinity ? null : listLimit,
    resilienceLimit: resilienceLimit === Infinity ? null : resilienceLimit,
  };
}

function limitOption(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (v !== Infinity && !(Number.isInteger(v) && v >= 1))
    throw new ChainError('invalid_argument', `${name} must be a whole number ≥ 1 or Infinity, got ${v}`, { [name]: v });
  return v;
}
