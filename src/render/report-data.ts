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
import { scoreCluster, type ClusterScore } from '../analysis/cluster.js';
import { resolveScope, type Reason } from '../analysis/common.js';
import { findGaps, type GapsResult } from '../analysis/gaps.js';
import { rankLeaders, type LeaderRanking } from '../analysis/leaders.js';
import { suggestMatches, type MatchResult } from '../analysis/matches.js';
import { estimateOutput, type OutputEstimate } from '../analysis/output/index.js';
import { recommendRecruits, type RecruitsResult } from '../analysis/recruits.js';
import { singlePointsOfFailure, type SinglePointResult } from '../analysis/resilience.js';
import type { ChainModel } from '../graph/model.js';
import { enterprisesInRegionIdx, isLocalIdx, regionWithinIdx, segmentGenerations } from '../graph/queries.js';
import { largestPositions } from '../internal/largest.js';
import { DEFAULT_SEED } from '../internal/random.js';
import { ChainError, type Locale } from '../model/issues.js';
import { LINK_STATUSES, type EnterpriseStatus, type Role } from '../model/vocabulary.js';

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

/** A part of a report: the analysis' result, or why the data could not support it. */
export type Section<T> = { available: true; result: T } | { available: false; reason: Reason };

/** Progress of {@link buildReport}: a step is about to run. */
export interface ReportProgress {
  /** Steps done so far. */
  done: number;
  /** All steps. */
  total: number;
  /** Chain of the step; null for the region-wide estimate. */
  chain: string | null;
  step: 'gaps' | 'recruits' | 'cluster' | 'output' | 'leaders' | 'matches' | 'resilience' | 'region-output';
  /** What runs, in both languages. */
  label: Reason;
}

/** Options of {@link buildReport}. */
export interface ReportDataOptions {
  /** One chain; default: every chain of the dataset. */
  chain?: string;
  /** Region; covers its sub-regions. Default: `meta.region`. */
  region?: string;
  /** Language of the report. Default `'zh-CN'`. */
  locale?: Locale;
  /** Seed of every seeded analysis (output Monte Carlo, Louvain, sampled betweenness). Default: the analyses' `DEFAULT_SEED`. */
  seed?: number;
  /** Monte Carlo runs of the output estimates. Default {@link DEFAULT_REPORT_RUNS} (2 000). */
  runs?: number;
  /** Years of the output estimates. Default: derived from the data (see {@link reportYears}). */
  years?: readonly number[];
  /** Candidates per gap in the recruitment list. Default 5. */
  recruitLimit?: number;
  /** Suggested matches per chain. Default 10. */
  matchLimit?: number;
  /**
   * Largest number of rows of each list (see {@link DEFAULT_REPORT_LIST_LIMIT}, 200); `Infinity`
   * lists everything. A longer list keeps its most important rows (see {@link TruncatedList}).
   */
  listLimit?: number;
  /**
   * Declared local 链主 per chain whose single points of failure are analysed, the largest by
   * output first (then dataset order). Default {@link DEFAULT_REPORT_RESILIENCE_LIMIT} (10);
   * `Infinity` analyses every one.
   */
  resilienceLimit?: number;
  /** Called before each step (for progress bars on long runs). */
  onProgress?: (progress: ReportProgress) => void;
}

/** A region of the scope. */
export interface RegionRow {
  id: string;
  name: string;
  kind: string;
  /** Depth below the scope region (0 for it). */
  depth: number;
  parent: string | null;
  /** Enterprises located in it or its sub-regions. */
  enterprises: number;
  note: string | null;
}

/** An indicator (指标) of the scope. */
export interface IndicatorRow {
  id: string;
  region: string;
  regionName: string;
  chain: string | null;
  chainName: string | null;
  metric: string;
  value: number | null;
  unit: string | null;
  growth: number | null;
  year: number;
  period: string | null;
}

/** A target (目标/预期) of the scope, with its audit when one was made. */
export interface TargetRow {
  id: string;
  region: string;
  regionName: string;
  chain: string | null;
  chainName: string | null;
  metric: string;
  kind: 'target' | 'expectation';
  comparator: string;
  value: number | null;
  unit: string | null;
  growth: number | null;
  year: number | null;
  period: string | null;
  condition: string | null;
  /** The audit of `estimateOutput` (region-wide or of the target's chain); null for metrics it does not audit. */
  audit: {
    available: boolean;
    /** Whether the estimate behind the audit rests on any output figure (see {@link estimateHasData}); when not, its probability says nothing about the target. */
    estimateHasData: boolean;
    probability: number | null;
    bandPosition: 'below' | 'within' | 'above' | null;
    reason: Reason;
  } | null;
}

/** A local firm of a chain that is not its 链主 (配套清单). */
export interface SupportingRow {
  id: string;
  name: string;
  role: Role | null;
  status: EnterpriseStatus;
  region: string;
  regionName: string;
  /** Names of the chain's segments it operates in. */
  segments: string[];
  /** Output, 亿元; null when unknown. */
  output: number | null;
  /** Local firms it supplies (counted links: active, brokered). */
  localBuyers: string[];
  /** Outside firms it supplies. */
  outsideBuyers: string[];
}

/** The single points of failure of one declared 链主. */
export interface LeaderResilience {
  leader: string;
  name: string;
  result: SinglePointResult;
}

/** Lists a report may cut (see {@link TruncatedList}). */
export type ReportList = 'leaders' | 'supporting' | 'output.enterprises' | 'output.projects' | 'output.gaps' | 'resilience';

/**
 * A list of the report longer than its limit, and what was kept:
 * - `leaders`: the ranking's first `listLimit` ranks, plus every declared 链主 ranked below them;
 * - `supporting`, `output.enterprises`, `output.projects`: the `listLimit` entries with the
 *   largest output (firms: their recorded output; estimates: the expected value of the last
 *   year; unknown last, then the list's order), kept in the list's order;
 * - `output.gaps`: the first `listLimit`; `omittedByCode` counts the others by code;
 * - `resilience`: the `resilienceLimit` declared 链主 with the largest output.
 */
export interface TruncatedList {
  /** Chain of the list; null for the region-wide output estimate. */
  chain: string | null;
  list: ReportList;
  shown: number;
  total: number;
  /** `output.gaps` only: the entries left out, counted by code. */
  omittedByCode?: Record<string, number>;
}

/** Everything reported about one chain. */
export interface ChainReport {
  chain: string;
  name: string;
  template: string | null;
  description: string | null;
  /** Segment ids by column (topological generation), 上游 → 下游. */
  columns: string[][];
  /** Segment names by id. */
  segmentNames: Record<string, string>;
  gaps: GapsResult;
  recruits: Section<RecruitsResult>;
  cluster: Section<ClusterScore>;
  output: Section<OutputEstimate>;
  leaders: Section<LeaderRanking>;
  supporting: SupportingRow[];
  matches: Section<MatchResult>;
  resilience: Section<LeaderResilience[]>;
}

/** The data of a report. */
export interface ReportData {
  kind: 'industrial-chain-report';
  version: 1;
  dataset: { id: string; name: string; description: string | null; updated: string | null; version: string | null };
  scope: { region: string; regionName: string; chain: string | null };
  settings: {
    locale: Locale;
    seed: number;
    runs: number;
    years: number[];
    yearsSource: 'option' | 'derived' | 'none';
    recruitLimit: number;
    matchLimit: number;
    /** Rows per list; null: no limit. */
    listLimit: number | null;
    /** 链主 per chain analysed for single points of failure; null: no limit. */
    resilienceLimit: number | null;
  };
  summary: {
    counts: {
      chains: number;
      segments: number;
      enterprises: number;
      /** Enterprises in the scope region and its sub-regions. */
      localEnterprises: number;
      links: number;
      projects: number;
      localProjects: number;
      regions: number;
      targets: number;
      indicators: number;
      sources: number;
    };
    regions: RegionRow[];
    indicators: IndicatorRow[];
    targets: TargetRow[];
  };
  /** Output of all the region's modelled firms, auditing the targets not tied to a chain. */
  regionOutput: Section<OutputEstimate>;
  chains: ChainReport[];
  /** The lists cut to the limits, with their full lengths (empty when nothing was cut). */
  truncated: TruncatedList[];
  /** Why no chain is analysed (the dataset models none), else null. */
  noChain: Reason | null;
  sources: { id: string; title: string; publisher: string | null; date: string | null; file: string | null; url: string | null }[];
}

const OUTPUT_METRICS = new Set(['output', 'sales']);

/**
 * The years a report estimates output for when none are given: from the latest year observed in
 * the scope (enterprise `outputYear`, indicator `year`; else anywhere in the dataset, projects'
 * years included) to the latest year of an output or sales target of the scope, and at least
 * two years beyond the base (projects ramp up over three years), at most ten. Empty when the
 * data hold no year at all.
 *
 * @example
 * reportYears(model, 'jiuquan'); // → [2024, 2025, 2026]
 */
export function reportYears(model: ChainModel, region: string): number[] {
  const { dataset, index } = model;
  const r = index.regions.byId.get(region);
  const inScope = (id: string) => {
    const x = index.regions.byId.get(id);
    return r !== undefined && x !== undefined && regionWithinIdx(model, x, r);
  };
  let observed = -Infinity;
  for (const e of dataset.enterprises) if (e.outputYear !== undefined && inScope(e.region)) observed = Math.max(observed, e.outputYear);
  for (const i of dataset.indicators) if (inScope(i.scope.region)) observed = Math.max(observed, i.year);
  if (!Number.isFinite(observed)) {
    for (const e of dataset.enterprises) if (e.outputYear !== undefined) observed = Math.max(observed, e.outputYear);
    for (const i of dataset.indicators) observed = Math.max(observed, i.year);
    for (const p of dataset.projects)
      for (const y of [p.startYear, p.productionYear, p.fullCapacityYear]) if (y !== undefined) observed = Math.max(observed, y);
  }
  const targetYears = dataset.targets
    .filter((t) => t.year !== undefined && OUTPUT_METRICS.has(t.metric) && inScope(t.scope.region))
    .map((t) => t.year!);
  if (!Number.isFinite(observed)) {
    if (targetYears.length === 0) return [];
    observed = targetYears.reduce((a, b) => Math.min(a, b), Infinity);
  }
  const last = Math.min(observed + 10, targetYears.reduce((a, b) => Math.max(a, b), observed + 2));
  const years: number[] = [];
  for (let y = observed; y <= last; y++) years.push(y);
  return years;
}

/**
 * Whether an output estimate rests on any figure: a modelled enterprise, a counted project or
 * induced output. Without one every band is 0 because nothing is known, not because nothing is
 * produced, and a report shows "no data" instead of the zeros.
 *
 * @example
 * estimateHasData(estimateOutput(model, { chain: 'wind-power', years: [2024] })); // → false when no output is known
 */
export function estimateHasData(estimate: OutputEstimate): boolean {
  return (
    estimate.enterprises.length > 0 ||
    estimate.projects.some((p) => p.counted) ||
    estimate.induced.some((i) => i.expected.some((v) => v !== 0))
  );
}

function unavailable(zh: string, en: string): { available: false; reason: Reason } {
  return { available: false, reason: { zh, en } };
}

function limitOption(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (v !== Infinity && !(Number.isInteger(v) && v >= 1))
    throw new ChainError('invalid_argument', `${name} must be a whole number ≥ 1 or Infinity, got ${v}`, { [name]: v });
  return v;
}

/** The entries of `list` with the `limit` largest sizes (unknown last, ties to the earlier), in list order. */
function largestOf<T>(list: readonly T[], size: (entry: T) => number | null | undefined, limit: number): T[] {
  const keys = new Float64Array(list.length);
  for (let q = 0; q < list.length; q++) keys[q] = size(list[q]!) ?? Number.NaN;
  return Array.from(largestPositions(keys, limit), (k) => list[k]!);
}

/**
 * The output estimate with its project and gap lists cut to `limit` (a new object; the estimate is
 * not changed). Its firms were cut by estimateOutput itself (option `enterpriseLimit`, the same rule).
 */
function cutEstimate(estimate: OutputEstimate, limit: number, chain: string | null, truncated: TruncatedList[]): OutputEstimate {
  const { enterprisesOmitted, ...est } = estimate;
  if (enterprisesOmitted)
    truncated.push({ chain, list: 'output.enterprises', shown: est.enterprises.length, total: est.enterprises.length + enterprisesOmitted });
  if (est.projects.length <= limit && est.gaps.length <= limit) return est;
  const last = est.years.length - 1;
  let projects = est.projects;
  if (projects.length > limit) {
    truncated.push({ chain, list: 'output.projects', shown: limit, total: projects.length });
    projects = largestOf(projects, (p) => (p.counted && last >= 0 ? p.expected[last] : null), limit);
  }
  let gaps = est.gaps;
  if (gaps.length > limit) {
    const omittedByCode: Record<string, number> = {};
    for (let k = limit; k < gaps.length; k++) omittedByCode[gaps[k]!.code] = (omittedByCode[gaps[k]!.code] ?? 0) + 1;
    truncated.push({ chain, list: 'output.gaps', shown: limit, total: gaps.length, omittedByCode });
    gaps = gaps.slice(0, limit);
  }
  return { ...est, projects, gaps };
}

/** Runs an analysis; a ChainError (the data or options do not allow it) becomes an unavailable section. */
function attempt<T>(run: () => T): Section<T> {
  try {
    return { available: true, result: run() };
  } catch (error) {
    if (error instanceof ChainError) return unavailable(`无法计算：${error.message}`, `could not be computed: ${error.message}`);
    throw error;
  }
}

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
  const { dataset, index } = model;
  const locale = options.locale ?? 'zh-CN';
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_REPORT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new ChainError('invalid_argument', `runs must be a whole number ≥ 1, got ${runs}`, { runs });
  if (!Number.isInteger(seed)) throw new ChainError('invalid_argument', `seed must be an integer, got ${seed}`, { seed });
  const recruitLimit = options.recruitLimit ?? 5;
  const matchLimit = options.matchLimit ?? 10;
  const listLimit = limitOption(options.listLimit, DEFAULT_REPORT_LIST_LIMIT, 'listLimit');
  const resilienceLimit = limitOption(options.resilienceLimit, DEFAULT_REPORT_RESILIENCE_LIMIT, 'resilienceLimit');
  const truncated: TruncatedList[] = [];
  const firmLimit = listLimit === Infinity ? {} : { enterpriseLimit: listLimit };
  const years = options.years ? [...options.years] : reportYears(model, scope.region);
  const yearsSource = options.years ? 'option' : years.length > 0 ? 'derived' : 'none';
  const chains = scope.chain === undefined ? model.chains : [model.chains[scope.chainIndex!]!];
  const r = scope.regionIndex;
  const regionName = dataset.regions[r]!.name;

  const STEPS = 7;
  const total = chains.length * STEPS + 1;
  let done = 0;
  const progress = (chain: string | null, step: ReportProgress['step'], label: Reason) => {
    options.onProgress?.({ done, total, chain, step, label });
    done++;
  };
  const noYears = unavailable(
    '数据中没有任何年份（产值年份、指标、项目或目标），无法选定测算年份；请指定 years',
    'the data hold no year (output year, indicator, project or target) to estimate for; give years',
  );

  const chainReports: ChainReport[] = chains.map((chain) => {
    const c = index.chains.byId.get(chain.id)!;
    const ids = { chain: chain.id, region: scope.region };
    progress(chain.id, 'gaps', { zh: `${chain.name}：缺链分析`, en: `${chain.name}: gaps` });
    const gaps = findGaps(model, ids);
    progress(chain.id, 'recruits', { zh: `${chain.name}：招商清单`, en: `${chain.name}: recruitment list` });
    const recruits = attempt(() => recommendRecruits(model, { ...ids, gaps, limit: recruitLimit }));
    progress(chain.id, 'cluster', { zh: `${chain.name}：集群评分`, en: `${chain.name}: cluster score` });
    const cluster = attempt(() => scoreCluster(model, { ...ids, seed }));
    progress(chain.id, 'output', { zh: `${chain.name}：产值测算（${runs} 次模拟）`, en: `${chain.name}: output estimate (${runs} runs)` });
    const output = years.length === 0 ? noYears : attempt(() => cutEstimate(estimateOutput(model, { ...ids, years, runs, seed, ...firmLimit }), listLimit, chain.id, truncated));
    progress(chain.id, 'leaders', { zh: `${chain.name}：链主识别`, en: `${chain.name}: leaders` });
    const leaders = attempt(() => {
      const ranking = rankLeaders(model, { ...ids, seed });
      if (ranking.ranking.length <= listLimit) return ranking;
      const kept = ranking.ranking.filter((e, k) => k < listLimit || e.declaredLeader);
      truncated.push({ chain: chain.id, list: 'leaders', shown: kept.length, total: ranking.ranking.length });
      return { ...ranking, ranking: kept };
    });
    progress(chain.id, 'matches', { zh: `${chain.name}：供需对接`, en: `${chain.name}: matches` });
    const matches = attempt(() => suggestMatches(model, { ...ids, limit: matchLimit }));
    progress(chain.id, 'resilience', { zh: `${chain.name}：断链风险`, en: `${chain.name}: single points of failure` });

    // local firms of the chain, in dataset order
    const s0 = index.segments.chainStart[c]!;
    const s1 = index.segments.chainStart[c + 1]!;
    const segsOf = new Map<number, number[]>();
    for (let s = s0; s < s1; s++)
      for (let k = index.segments.enterprises.offsets[s]!; k < index.segments.enterprises.offsets[s + 1]!; k++) {
        const e = index.segments.enterprises.items[k]!;
        if (!isLocalIdx(model, e, r)) continue;
        const segs = segsOf.get(e);
        if (segs) segs.push(s - s0);
        else segsOf.set(e, [s - s0]);
      }
    const roleOf = (e: number): Role | null => {
      const record = dataset.enterprises[e]!;
      return record.chainRoles?.find((x) => x.chain === chain.id)?.role ?? record.role ?? null;
    };
    const localFirms = [...segsOf.keys()].sort((a, b) => a - b);
    const leaderFirms = localFirms.filter((e) => roleOf(e) === 'leader');
    const counted = new Set(['active', 'brokered']);
    let supportingFirms = localFirms.filter((e) => roleOf(e) !== 'leader');
    if (supportingFirms.length > listLimit) {
      truncated.push({ chain: chain.id, list: 'supporting', shown: listLimit, total: supportingFirms.length });
      const all = supportingFirms;
      supportingFirms = largestOf(all, (e) => dataset.enterprises[e]!.output, listLimit);
    }
    const supporting: SupportingRow[] = supportingFirms.map((e) => {
      const record = dataset.enterprises[e]!;
      const localBuyers: string[] = [];
      const outsideBuyers: string[] = [];
      for (let q = index.links.out.offsets[e]!; q < index.links.out.offsets[e + 1]!; q++) {
        const k = index.links.out.items[q]!;
        if (!counted.has(LINK_STATUSES[index.links.status[k]!]!)) continue;
        const buyer = index.links.to[k]!;
        const name = dataset.enterprises[buyer]!.name;
        const list = isLocalIdx(model, buyer, r) ? localBuyers : outsideBuyers;
        if (!list.includes(name)) list.push(name);
      }
      return {
        id: record.id,
        name: record.name,
        role: roleOf(e),
        status: record.status,
        region: record.region,
        regionName: dataset.regions[index.enterprises.region[e]!]!.name,
        segments: segsOf.get(e)!.map((j) => chain.segments[j]!.name),
        output: record.output ?? null,
        localBuyers,
        outsideBuyers,
      };
    });
    let analysedLeaders = leaderFirms;
    if (leaderFirms.length > resilienceLimit) {
      truncated.push({ chain: chain.id, list: 'resilience', shown: resilienceLimit, total: leaderFirms.length });
      analysedLeaders = largestOf(leaderFirms, (e) => dataset.enterprises[e]!.output, resilienceLimit);
    }
    const resilience: Section<LeaderResilience[]> =
      leaderFirms.length === 0
        ? unavailable(
            `${regionName}没有本链的链主（role 为 链主 的本地企业），无从分析链主的断链风险`,
            `no local firm of ${regionName} is declared 链主 (chain leader) of this chain, so there is no leader whose single points of failure to find`,
          )
        : attempt(() =>
            analysedLeaders.map((e) => ({
              leader: index.enterprises.ids[e]!,
              name: dataset.enterprises[e]!.name,
              result: singlePointsOfFailure(model, { leader: index.enterprises.ids[e]!, chain: chain.id }),
            })),
          );
    const generations = segmentGenerations(model, chain.id);
    const placed = new Set(generations.flat());
    const leftover = chain.segments.map((s) => s.id).filter((id) => !placed.has(id));
    return {
      chain: chain.id,
      name: chain.name,
      template: chain.template ?? null,
      description: dataset.chains.find((x) => x.id === chain.id)?.description ?? null,
      columns: leftover.length > 0 ? [...generations, leftover] : generations,
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
  });

  progress(null, 'region-output', { zh: `${regionName}：区域产值测算（${runs} 次模拟）`, en: `${regionName}: region-wide output estimate (${runs} runs)` });
  const regionOutput =
    years.length === 0 ? noYears : attempt(() => cutEstimate(estimateOutput(model, { region: scope.region, years, runs, seed, ...firmLimit }), listLimit, null, truncated));

  // summary: regions of the scope, indicators and targets within it
  const local = enterprisesInRegionIdx(model, r);
  const within = (id: string) => regionWithinIdx(model, index.regions.byId.get(id)!, r);
  const regions: RegionRow[] = [];
  const visit = (x: number, depth: number) => {
    const record = dataset.regions[x]!;
    regions.push({
      id: record.id,
      name: record.name,
      kind: record.kind,
      depth,
      parent: record.parent ?? null,
      enterprises: enterprisesInRegionIdx(model, x).length,
      note: record.note ?? null,
    });
    const { offsets, items } = index.regions.children;
    for (let k = offsets[x]!; k < offsets[x + 1]!; k++) visit(items[k]!, depth + 1);
  };
  visit(r, 0);
  const chainName = (id: string | undefined) => (id === undefined ? null : (model.chains.find((x) => x.id === id)?.name ?? id));
  const chainOk = (id: string | undefined) => scope.chain === undefined || id === undefined || id === scope.chain;
  // the fields indicators and targets share, in the order of their rows
  const scoped = (x: { id: string; scope: { region: string; chain?: string | undefined }; metric: string }) => ({
    id: x.id,
    region: x.scope.region,
    regionName: dataset.regions[index.regions.byId.get(x.scope.region)!]!.name,
    chain: x.scope.chain ?? null,
    chainName: chainName(x.scope.chain),
    metric: x.metric,
  });
  const indicators: IndicatorRow[] = dataset.indicators
    .filter((i) => within(i.scope.region) && chainOk(i.scope.chain))
    .map((i) => ({
      ...scoped(i),
      value: i.value ?? null,
      unit: i.unit ?? null,
      growth: i.growth ?? null,
      year: i.year,
      period: i.period ?? null,
    }));
  const auditOf = (id: string, chain: string | undefined) => {
    const source = chain === undefined ? regionOutput : chainReports.find((x) => x.chain === chain)?.output;
    if (!source || !source.available) return null;
    const audit = source.result.targets.find((t) => t.target === id);
    if (!audit) return null;
    return {
      available: audit.available,
      estimateHasData: estimateHasData(source.result),
      probability: audit.probability,
      bandPosition: audit.bandPosition,
      reason: audit.reason,
    };
  };
  const targets: TargetRow[] = dataset.targets
    .filter((t) => within(t.scope.region) && chainOk(t.scope.chain))
    .map((t) => ({
      ...scoped(t),
      kind: t.kind,
      comparator: t.comparator,
      value: t.value ?? null,
      unit: t.unit ?? null,
      growth: t.growth ?? null,
      year: t.year ?? null,
      period: t.period ?? null,
      condition: t.condition ?? null,
      audit: auditOf(t.id, t.scope.chain),
    }));
  const localProjects = dataset.projects.filter((p) => within(p.region)).length;

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
    scope: { region: scope.region, regionName, chain: scope.chain ?? null },
    settings: {
      locale,
      seed,
      runs,
      years,
      yearsSource,
      recruitLimit,
      matchLimit,
      listLimit: listLimit === Infinity ? null : listLimit,
      resilienceLimit: resilienceLimit === Infinity ? null : resilienceLimit,
    },
    summary: {
      counts: {
        chains: model.chains.length,
        segments: index.segments.keys.length,
        enterprises: dataset.enterprises.length,
        localEnterprises: local.length,
        links: dataset.links.length,
        projects: dataset.projects.length,
        localProjects,
        regions: dataset.regions.length,
        targets: dataset.targets.length,
        indicators: dataset.indicators.length,
        sources: dataset.sources.length,
      },
      regions,
      indicators,
      targets,
    },
    regionOutput,
    chains: chainReports,
    truncated,
    noChain:
      model.chains.length === 0
        ? {
            zh: '本数据集未建模任何产业链：没有环节、企业分工与流向可供分析，因此不生成产业链图谱与清单，只列出区域、指标与目标。',
            en: 'This dataset models no industrial chain: with no segments, activities or flows to analyse, there is no chain map or list, only the regions, indicators and targets.',
          }
        : null,
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
