/**
 * What-if scenarios (招商模拟): "what if we recruit X", "what if Y leaves", "what if this supply
 * deal is brokered" — a changed copy of the model, and what the change does to the chain's
 * gaps, cluster score, output estimate and resilience.
 *
 * Method
 * - withChanges builds a NEW dataset: enterprises, supply links and projects added or removed;
 *   the original model and its dataset are never touched. Removing an enterprise also removes
 *   its supply links and its projects and clears `parent` references to it (the firm leaves
 *   with its projects). The new dataset is validated like any other (safeParseDataset: every
 *   issue at once, thrown as a DatasetError), and indexed by buildModel with the same templates
 *   the model's chains were resolved from (rebuilt from the resolved chains, so a model built
 *   with custom templates keeps them).
 * - compareScenarios runs the same analyses with the same options (and the same seed) on both
 *   models and reports before, after and the difference: findGaps (counts by kind; findings
 *   added, resolved and changed in severity, keyed by kind and segment), scoreCluster (total and
 *   components), estimateOutput (the P10 / P50 / P90 band and mean per year; both runs share the
 *   seed, so the difference is not blurred by sampling noise — common random numbers) and
 *   assessResilience (single-sourced inputs, the 链主's single points of failure, the worst
 *   single-firm disruption).
 *
 * Assumption: a scenario changes the data only; the templates, regions, chains, targets and
 * indicators stay as they are.
 *
 * Reference: scenario comparison with common random numbers (Law, Simulation Modeling and
 * Analysis, 5th ed., 2015, §11.2).
 */
import type * as z from 'zod';
import { buildModel, type ChainModel } from '../graph/model.js';
import { enterpriseIndex } from '../graph/queries.js';
import { formatShare, round } from '../internal/format.js';
import { ChainError, DatasetError, type Locale } from '../model/issues.js';
import { safeParseDataset } from '../model/parse.js';
import type { ChainTemplate, Enterprise, Project, SegmentRef, SupplyLink } from '../model/schema.js';
import { scoreCluster, type ClusterComponentId, type ClusterOptions } from './cluster.js';
import { resolveScope, type Reason } from './common.js';
import { findGaps, type GapCode, type GapOptions, type GapsResult } from './gaps.js';
import { estimateOutput, type Band, type OutputAssumptionOptions } from './output/index.js';
import { assessResilience, type ResilienceOptions, type ResilienceSummary } from './resilience.js';

/** Selects supply links to remove: a link id, or every link from → to (of a segment or product when given). */
export type LinkSelector = string | { from: string; to: string; segment?: SegmentRef; product?: string };

/** Changes of a scenario. Added records are written as in a dataset file (Chinese terms allowed). */
export interface ScenarioChanges {
  addEnterprises?: readonly z.input<typeof Enterprise>[];
  /** Enterprise ids; their links and projects go with them. */
  removeEnterprises?: readonly string[];
  addLinks?: readonly z.input<typeof SupplyLink>[];
  removeLinks?: readonly LinkSelector[];
  addProjects?: readonly z.input<typeof Project>[];
  /** Project ids. */
  removeProjects?: readonly string[];
}

/** Options of {@link withChanges}. */
export interface ScenarioOptions {
  /** Templates the chains refer to. Default: those the model's chains were resolved from. */
  templates?: readonly ChainTemplate[];
  /** Locale of validation messages. Default `'zh-CN'`. */
  locale?: Locale;
}

/** The templates a model's chains were resolved from, rebuilt from the resolved chains. */
function templatesOf(model: ChainModel): ChainTemplate[] {
  const seen = new Map<string, ChainTemplate>();
  for (const chain of model.chains) {
    if (chain.template === undefined || seen.has(chain.template)) continue;
    seen.set(chain.template, {
      id: chain.template,
      name: chain.template,
      segments: chain.segments.slice(0, chain.templateSegmentCount),
      flows: chain.flows.slice(0, chain.templateFlowCount),
    });
  }
  return [...seen.values()];
}

function matchesSelector(link: SupplyLink, selector: Exclude<LinkSelector, string>): boolean {
  if (link.from !== selector.from || link.to !== selector.to) return false;
  if (selector.product !== undefined && link.product !== selector.product) return false;
  if (selector.segment !== undefined && (link.segment?.chain !== selector.segment.chain || link.segment?.segment !== selector.segment.segment))
    return false;
  return true;
}

/**
 * A new model with enterprises, supply links or projects added or removed (see the file
 * header). The given model is not changed. Unknown ids to remove throw a {@link ChainError};
 * a changed dataset that does not validate throws a {@link DatasetError} with every issue.
 *
 * @example
 * const after = withChanges(model, {
 *   addEnterprises: [{ id: 'new-blade', name: '新叶片厂', region: 'jiuquan-etdz', segments: [{ chain: 'wind-power', segment: 'blades' }] }],
 *   addLinks: [{ from: 'new-blade', to: 'yunfeng-smart-wind', status: 'planned' }],
 * });
 * after.dataset.enterprises.length; // one more than model.dataset.enterprises.length
 */
export function withChanges(model: ChainModel, changes: ScenarioChanges, options: ScenarioOptions = {}): ChainModel {
  const { dataset } = model;
  const removedEnterprises = new Set<string>();
  for (const id of changes.removeEnterprises ?? []) {
    enterpriseIndex(model, id);
    removedEnterprises.add(id);
  }
  const removedProjects = new Set<string>();
  for (const id of changes.removeProjects ?? []) {
    if (!model.index.projects.byId.has(id))
      throw new ChainError('invalid_argument', `unknown project "${id}"`, { id, valid: model.index.projects.ids });
    removedProjects.add(id);
  }
  const removedLinks = new Set<number>();
  for (const selector of changes.removeLinks ?? []) {
    let found = false;
    dataset.links.forEach((link, k) => {
      const hit = typeof selector === 'string' ? link.id === selector : matchesSelector(link, selector);
      if (hit) {
        found = true;
        removedLinks.add(k);
      }
    });
    if (!found)
      throw new ChainError('invalid_argument', `no supply link matches ${JSON.stringify(selector)}`, {
        selector,
        valid: dataset.links.map((l, k) => l.id ?? `links[${k}]`),
      });
  }

  const enterprises = dataset.enterprises
    .filter((e) => !removedEnterprises.has(e.id))
    .map((e) => {
      if (e.parent === undefined || !removedEnterprises.has(e.parent)) return e;
      const { parent: _removed, ...rest } = e;
      return rest;
    });
  const links = dataset.links.filter((l, k) => !removedLinks.has(k) && !removedEnterprises.has(l.from) && !removedEnterprises.has(l.to));
  const projects = dataset.projects.filter(
    (p) => !removedProjects.has(p.id) && (p.enterprise === undefined || !removedEnterprises.has(p.enterprise)),
  );
  const input = {
    ...dataset,
    enterprises: [...enterprises, ...(changes.addEnterprises ?? [])],
    links: [...links, ...(changes.addLinks ?? [])],
    projects: [...projects, ...(changes.addProjects ?? [])],
  };
  const templates = options.templates ?? templatesOf(model);
  const result = safeParseDataset(input, { templates, ...(options.locale ? { locale: options.locale } : {}) });
  if (!result.success) throw new DatasetError(result.issues, options.locale);
  return buildModel(result.data, { templates });
}

/** Options of {@link compareScenarios}. */
export interface CompareScenariosOptions {
  /** The chain compared (required). */
  chain: string;
  /** Region; default `meta.region` of the first model. */
  region?: string;
  /** Years of the output estimate. Default: the years of the scope's targets, else the latest year in the data; without any, the output is not compared. */
  years?: readonly number[];
  /** Monte Carlo runs of the output estimate. Default 2000. */
  runs?: number;
  /** Seed shared by both runs. Default: the analyses' default seed. */
  seed?: number;
  /** Options passed to findGaps. */
  gaps?: Omit<GapOptions, 'chain' | 'region'>;
  /** Options passed to scoreCluster. */
  cluster?: Omit<ClusterOptions, 'chain' | 'region' | 'seed'>;
  /** Assumptions of the output estimate. */
  assumptions?: OutputAssumptionOptions;
  /** Options passed to assessResilience. */
  resilience?: Omit<ResilienceOptions, 'chain' | 'region'>;
}

/** Before, after and the difference of a number (null when either side is unknown). */
export interface ScenarioChange {
  before: number | null;
  after: number | null;
  delta: number | null;
}

/** A gap finding as compared. */
export interface GapFindingChange {
  code: GapCode;
  segment: string;
  severityBefore: number | null;
  severityAfter: number | null;
}

/** Result of {@link compareScenarios}. */
export interface ScenarioComparison {
  scope: { region: string; chain: string };
  /** What differs between the two datasets, by id (links without an id as `from→to (chain/segment) [product]`). */
  changes: {
    enterprises: { added: string[]; removed: string[] };
    links: { added: string[]; removed: string[] };
    projects: { added: string[]; removed: string[] };
  };
  gaps: {
    counts: Record<'present' | 'missing' | 'thin' | 'externalDependencies' | 'capacityShortfalls' | 'extensionOpportunities' | 'findings', ScenarioChange>;
    added: GapFindingChange[];
    resolved: GapFindingChange[];
    changed: GapFindingChange[];
  };
  cluster: {
    total: ScenarioChange;
    components: ({ id: ClusterComponentId } & ScenarioChange)[];
  };
  output: {
    available: boolean;
    years: number[];
    byYear: { year: number; before: Band; after: Band; delta: Band }[];
    reason: Reason;
  };
  resilience: {
    singleSourceShare: ScenarioChange;
    singleSourceInputs: ScenarioChange;
    leaderPointsOfFailure: ScenarioChange;
    worstRemoval: { before: ResilienceSummary['worstRemoval']; after: ResilienceSummary['worstRemoval'] };
  };
  reason: Reason;
}

function change(before: number | null | undefined, after: number | null | undefined): ScenarioChange {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: a !== null && b !== null ? a - b : null };
}

const linkKey = (l: SupplyLink) =>
  l.id ??
  `${l.from}→${l.to}${l.segment ? ` (${l.segment.chain}/${l.segment.segment})` : ''}${l.product ? ` [${l.product}]` : ''}`;

function idDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((x) => !b.has(x)), removed: [...b].filter((x) => !a.has(x)) };
}

function defaultYears(model: ChainModel, region: string, chain: string): number[] {
  const inScope = (scope: { region: string; chain?: string | undefined }) => scope.region === region && (scope.chain === undefined || scope.chain === chain);
  const targetYears = model.dataset.targets.filter((t) => inScope(t.scope) && t.year !== undefined).map((t) => t.year!);
  if (targetYears.length > 0) return [...new Set(targetYears)].sort((a, b) => a - b);
  let latest = -Infinity;
  for (const e of model.dataset.enterprises) if (e.outputYear !== undefined) latest = Math.max(latest, e.outputYear);
  for (const i of model.dataset.indicators) latest = Math.max(latest, i.year);
  for (const p of model.dataset.projects) if (p.productionYear !== undefined) latest = Math.max(latest, p.productionYear);
  return Number.isFinite(latest) ? [latest] : [];
}

function gapMap(result: GapsResult): Map<string, GapFindingChange & { severity: number }> {
  const map = new Map<string, GapFindingChange & { severity: number }>();
  for (const f of result.findings) {
    const key = `${f.code}\u0000${f.segment}`;
    const previous = map.get(key);
    if (!previous || f.severity > previous.severity)
      map.set(key, { code: f.code, segment: f.segment, severity: f.severity, severityBefore: null, severityAfter: null });
  }
  return map;
}

/**
 * What a scenario changes for a chain in a region: the differences in gaps, cluster score,
 * output estimate and resilience between two models (typically `model` and
 * `withChanges(model, ...)`), each with before, after and delta (see the file header).
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
  resolveScope(after, { chain: options.chain, region: scope.region }, true);
  const region = scope.region;
  const chain = options.chain;

  // gaps
  const gapsBefore = findGaps(before, { ...options.gaps, chain, region });
  const gapsAfter = findGaps(after, { ...options.gaps, chain, region });
  const countKeys = ['present', 'missing', 'thin', 'externalDependencies', 'capacityShortfalls', 'extensionOpportunities', 'findings'] as const;
  const counts = Object.fromEntries(countKeys.map((k) => [k, change(gapsBefore.summary[k], gapsAfter.summary[k])])) as ScenarioComparison['gaps']['counts'];
  const mb = gapMap(gapsBefore);
  const ma = gapMap(gapsAfter);
  const added: GapFindingChange[] = [];
  const resolved: GapFindingChange[] = [];
  const changed: GapFindingChange[] = [];
  for (const [key, g] of ma) {
    const old = mb.get(key);
    if (!old) added.push({ code: g.code, segment: g.segment, severityBefore: null, severityAfter: g.severity });
    else if (Math.abs(old.severity - g.severity) > 1e-9)
      changed.push({ code: g.code, segment: g.segment, severityBefore: old.severity, severityAfter: g.severity });
  }
  for (const [key, g] of mb) if (!ma.has(key)) resolved.push({ code: g.code, segment: g.segment, severityBefore: g.severity, severityAfter: null });

  // cluster
  const clusterOptions = { ...options.cluster, chain, region, ...(options.seed === undefined ? {} : { seed: options.seed }) };
  const clusterBefore = scoreCluster(before, clusterOptions);
  const clusterAfter = scoreCluster(after, clusterOptions);
  const components = clusterBefore.components.map((c) => ({
    id: c.id,
    ...change(c.value, clusterAfter.components.find((x) => x.id === c.id)?.value),
  }));

  // output
  const years = [...(options.years ?? defaultYears(before, region, chain))];
  let output: ScenarioComparison['output'];
  if (years.length === 0) {
    output = {
      available: false,
      years,
      byYear: [],
      reason: {
        zh: '未给出年份，数据中也没有目标年份或产值、指标、投产年份，未比较产值测算。',
        en: 'No years given and none in the data (target, output, indicator or production years): the output estimate was not compared.',
      },
    };
  } else {
    const outputOptions = {
      chain,
      region,
      years,
      runs: options.runs ?? 2000,
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
    output = {
      available: true,
      years,
      byYear,
      reason: {
        zh: `${last.year} 年预期产值 ${round(last.before.expected)} → ${round(last.after.expected)}亿元（${last.delta.expected >= 0 ? '+' : ''}${round(last.delta.expected)}亿元）。`,
        en: `Expected output in ${last.year}: ${round(last.before.expected)} → ${round(last.after.expected)} 亿元 (${last.delta.expected >= 0 ? '+' : ''}${round(last.delta.expected)}).`,
      },
    };
  }

  // resilience
  const resilienceOptions = { ...options.resilience, chain, region };
  const rb = assessResilience(before, resilienceOptions);
  const ra = assessResilience(after, resilienceOptions);
  const spof = (r: ResilienceSummary) => r.leaders.reduce((s, l) => s + l.pointsOfFailure, 0);

  const diff = {
    enterprises: idDiff(
      before.dataset.enterprises.map((e) => e.id),
      after.dataset.enterprises.map((e) => e.id),
    ),
    links: idDiff(before.dataset.links.map(linkKey), after.dataset.links.map(linkKey)),
    projects: idDiff(
      before.dataset.projects.map((p) => p.id),
      after.dataset.projects.map((p) => p.id),
    ),
  };
  const cluster = { total: change(clusterBefore.total, clusterAfter.total), components };
  const signed = (v: number | null, digits = 2) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${round(v, digits)}`);
  const shareText = (v: number | null) => (v === null ? '—' : formatShare(v));
  const resilience = {
    singleSourceShare: change(rb.singleSourceShare, ra.singleSourceShare),
    singleSourceInputs: change(rb.singleSourceInputs, ra.singleSourceInputs),
    leaderPointsOfFailure: change(spof(rb), spof(ra)),
    worstRemoval: { before: rb.worstRemoval, after: ra.worstRemoval },
  };
  return {
    scope: { region, chain },
    changes: diff,
    gaps: { counts, added, resolved, changed },
    cluster,
    output,
    resilience,
    reason: {
      zh: `产业链 ${chain} 在 ${region}：缺失环节 ${counts.missing.before} → ${counts.missing.after}，新增问题 ${added.length} 项、消除 ${resolved.length} 项；集群得分 ${cluster.total.before === null ? '—' : round(cluster.total.before, 1)} → ${cluster.total.after === null ? '—' : round(cluster.total.after, 1)}（${signed(cluster.total.delta, 1)}）；单一来源投入占比 ${shareText(resilience.singleSourceShare.before)} → ${shareText(resilience.singleSourceShare.after)}。${output.reason.zh}`,
      en: `Chain ${chain} in ${region}: missing segments ${counts.missing.before} → ${counts.missing.after}, ${added.length} finding(s) added and ${resolved.length} resolved; cluster score ${cluster.total.before === null ? '—' : round(cluster.total.before, 1)} → ${cluster.total.after === null ? '—' : round(cluster.total.after, 1)} (${signed(cluster.total.delta, 1)}); single-sourced inputs ${shareText(resilience.singleSourceShare.before)} → ${shareText(resilience.singleSourceShare.after)}. ${output.reason.en}`,
    },
  };
}
