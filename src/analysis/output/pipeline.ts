/**
 * Pipeline output: projects in scope, and projects implied by non-operating enterprises, phased in
 * from their production year along a ramp-up curve and weighted by the likelihood of their status;
 * valued at `expectedOutput`, else at priced capacity × utilisation.
 * - production year: given; else `at-capacity` since ever, `in-production` from the base year;
 *   else the start year plus `productionLag`; else the base year plus the status's `startLag`
 *   plus `productionLag`. A full-capacity year makes the ramp linear up to it.
 * - a non-operating enterprise's own output or capacity enters as an implied project (status from
 *   the enterprise's status, production from its `outputYear` when not before the base year)
 *   unless it has a project in scope with an expected output or priced capacity;
 * - a project of an operating firm with a known output or capacity is an expansion and is added,
 *   except an `in-production` / `at-capacity` project that produced by the year of the firm's
 *   output figure: that output already contains it (gap `in-current-output`).
 */
import { regionWithinIdx } from '../../graph/queries.js';
import { formatShare, formatYi } from '../../internal/format.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../../model/vocabulary.js';
import type { Reason } from '../scope/index.js';
import { priceCapacity, type PriceMatch } from './capacity.js';
import { entChains, entName, entSegs, hasChain, type EstimateContext } from './context.js';
import type { FirmItems } from './current.js';
import { IMPLIED_STATUS } from './firms.js';
import type { OutputAssumptions, OutputGap, ProjectEstimate, UnitPrice } from './types.js';

/** A pipeline item: a project in scope, or a project implied by a non-operating enterprise. */
export interface PipeItem {
  id: string;
  name: string;
  project: number;
  enterprise: number;
  status: ProjectStatus;
  likelihood: number;
  base: number;
  valuation: 'reported' | 'capacity' | null;
  capacityValued: boolean;
  prod: number;
  prodSource: ProjectEstimate['productionYearSource'];
  delayable: boolean;
  ramp: number[];
  region: number;
  segs: number[];
  chains: number[];
  counted: boolean;
  reason: Reason;
}

/** What a pipeline item is made from: a project's fields, or an enterprise's. */
interface PipeSource {
  id: string;
  name: string;
  project: number;
  enterprise: number;
  status: ProjectStatus;
  expectedOutput: number | undefined;
  capacity: readonly { value: number; unit: string; product?: string | undefined }[] | undefined;
  startYear: number | undefined;
  productionYear: number | undefined;
  fullCapacityYear: number | undefined;
  region: number;
  segs: number[];
  chains: number[];
}

/**
 * Projects in scope (in the region; in the chain, or of a firm active in it), and each firm's among them.
 *
 * @example
 * projectsInScope(ctx).projectsOf.get(e); // e's projects in scope
 */
export function projectsInScope(ctx: EstimateContext): { projects: number[]; projectsOf: Map<number, number[]> } {
  const { model, scopeRegion, scopeChain } = ctx;
  const P = model.index.projects;
  const inScope = (k: number): boolean => {
    if (!regionWithinIdx(model, P.region[k]!, scopeRegion)) return false;
    if (scopeChain < 0) return true;
    if (P.chain[k]! >= 0) return P.chain[k] === scopeChain;
    const e = P.enterprise[k]!;
    return e >= 0 && hasChain(ctx.columns, e, scopeChain);
  };
  const projects: number[] = [];
  const projectsOf = new Map<number, number[]>();
  for (let k = 0; k < P.ids.length; k++) {
    if (!inScope(k)) continue;
    projects.push(k);
    const e = P.enterprise[k]!;
    if (e >= 0) {
      const list = projectsOf.get(e) ?? [];
      list.push(k);
      projectsOf.set(e, list);
    }
  }
  return { projects, projectsOf };
}

/**
 * The pipeline: the projects in scope, then the projects implied by non-operating firms, with their gaps.
 *
 * @example
 * pipelineItems(ctx, projects, firms, gaps).filter((p) => p.counted).length;
 */
export function pipelineItems(ctx: EstimateContext, projects: readonly number[], firms: FirmItems, gaps: OutputGap[]): PipeItem[] {
  const texts = pipelineTexts(ctx.a);
  const pipes: PipeItem[] = [];
  for (const k of projects) pipes.push(pipeItem(ctx, texts, firms, gaps, projectSource(ctx, k)));
  const withValuedProject = ctx.s.uint8(ctx.model.index.enterprises.ids.length);
  for (let i = 0; i < pipes.length; i++) {
    const p = pipes[i]!;
    if (p.valuation !== null && p.enterprise >= 0) withValuedProject[p.enterprise] = 1;
  }
  addImplied(ctx, withValuedProject, (source) => pipes.push(pipeItem(ctx, texts, firms, gaps, source)));
  return pipes;
}

function projectSource(ctx: EstimateContext, k: number): PipeSource {
  const { model, scopeChain } = ctx;
  const P = model.index.projects;
  const S = model.index.segments;
  const p = model.dataset.projects[k]!;
  const e = P.enterprise[k]!;
  let segs: number[];
  if (P.segment[k]! >= 0) segs = [P.segment[k]!];
  else if (e >= 0) segs = entSegs(ctx, e).filter((s) => P.chain[k]! < 0 || S.chain[s] === P.chain[k]);
  else segs = [];
  const chains = P.chain[k]! >= 0 ? [P.chain[k]!] : e >= 0 ? entChains(ctx.columns, e).filter((c) => scopeChain < 0 || c === scopeChain) : [];
  return {
    id: p.id,
    name: p.name,
    project: k,
    enterprise: e,
    status: p.status,
    expectedOutput: p.expectedOutput,
    capacity: p.capacity,
    startYear: p.startYear,
    productionYear: p.productionYear,
    fullCapacityYear: p.fullCapacityYear,
    region: P.region[k]!,
    segs,
    chains,
  };
}

/** The projects non-operating firms with an output or capacity imply, unless a valued project of theirs stands for it. */
function addImplied(ctx: EstimateContext, withValuedProject: Uint8Array, add: (source: PipeSource) => void): void {
  const { model, firms, baseYear, scopeChain } = ctx;
  const E = model.index.enterprises;
  for (let q = 0; q < firms.length; q++) {
    const e = firms[q]!;
    const status = IMPLIED_STATUS[E.status[e]!];
    if (status === undefined || withValuedProject[e] === 1) continue;
    const rec = model.dataset.enterprises[e]!;
    if (rec.output === undefined && (rec.capacity ?? []).length === 0) continue;
    add({
      id: `enterprise:${rec.id}`,
      name: rec.name,
      project: -1,
      enterprise: e,
      status,
      expectedOutput: rec.output,
      capacity: rec.capacity,
      startYear: undefined,
      productionYear: rec.outputYear !== undefined && rec.outputYear >= baseYear ? rec.outputYear : undefined,
      fullCapacityYear: undefined,
      region: E.region[e]!,
      segs: entSegs(ctx, e),
      chains: scopeChain < 0 ? entChains(ctx.columns, e) : [scopeChain], // a firm in a chain scope is active in it
    });
  }
}

/** The texts most projects share, formatted once. */
interface PipelineTexts {
  likelihood: Record<ProjectStatus, string>;
  ramp: (ramp: readonly number[]) => readonly [string, string];
}

function pipelineTexts(a: OutputAssumptions): PipelineTexts {
  const likelihood = Object.fromEntries(PROJECT_STATUSES.map((st) => [st, formatShare(a.likelihood[st])])) as Record<ProjectStatus, string>;
  const defaultRampParts = a.rampUp.map(formatShare);
  const defaultRampText: readonly [string, string] = [defaultRampParts.join('/'), defaultRampParts.join(' / ')];
  const ramp = (values: readonly number[]): readonly [string, string] => {
    if (values.length === a.rampUp.length && values.every((v, k) => v === a.rampUp[k])) return defaultRampText;
    const parts = values.map(formatShare);
    return [parts.join('/'), parts.join(' / ')];
  };
  return { likelihood, ramp };
}

function pipeItem(ctx: EstimateContext, texts: PipelineTexts, firms: FirmItems, gaps: OutputGap[], source: PipeSource): PipeItem {
  const { a } = ctx;
  const { status } = source;
  const { base, valuation, price } = valueProject(source, a.prices);
  const { prod, prodSource } = productionYear(source, a, ctx.baseYear);
  const ramp = status === 'at-capacity' ? [1] : rampFor(a.rampUp, prod, source.fullCapacityYear);
  const delayable = status === 'planned' || status === 'signed' || status === 'under-construction';
  const { counted, reason } = countProject(ctx, texts, firms, gaps, source, { base, valuation, price, prod, ramp });
  return {
    id: source.id,
    name: source.name,
    project: source.project,
    enterprise: source.enterprise,
    status,
    likelihood: a.likelihood[status],
    base,
    valuation,
    capacityValued: valuation === 'capacity',
    prod,
    prodSource,
    delayable,
    ramp,
    region: source.region,
    segs: source.segs,
    chains: source.chains,
    counted,
    reason,
  };
}

/** A project's full output: its expected output, else its largest priced capacity. */
function valueProject(
  source: PipeSource,
  prices: readonly UnitPrice[],
): { base: number; valuation: PipeItem['valuation']; price: UnitPrice | undefined } {
  if (source.expectedOutput !== undefined) return { base: source.expectedOutput, valuation: 'reported', price: undefined };
  let best: PriceMatch | undefined;
  for (const cap of source.capacity ?? []) {
    const m = priceCapacity(cap.value, cap.unit, cap.product ?? source.name, prices);
    if (m && (best === undefined || m.value > best.value)) best = m;
  }
  if (best) return { base: best.value, valuation: 'capacity', price: best.price };
  return { base: 0, valuation: null, price: undefined };
}

/** A project's production year (−1 000 000: at capacity since ever) and where it comes from. */
function productionYear(source: PipeSource, a: OutputAssumptions, baseYear: number): { prod: number; prodSource: PipeItem['prodSource'] } {
  const { status } = source;
  if (source.productionYear !== undefined) return { prod: source.productionYear, prodSource: 'given' };
  if (status === 'at-capacity') return { prod: -1_000_000, prodSource: 'status' };
  if (status === 'in-production') return { prod: baseYear, prodSource: 'base-year' };
  if (source.startYear !== undefined) return { prod: source.startYear + a.productionLag, prodSource: 'start-plus-lag' };
  const lag = status === 'planned' || status === 'signed' || status === 'under-construction' ? a.startLag[status] : 0;
  return { prod: baseYear + lag + a.productionLag, prodSource: 'status' };
}

/** Shares of full output by production year: the default ramp, or linear up to a full-capacity year. */
function rampFor(rampUp: readonly number[], prod: number, full: number | undefined): number[] {
  if (full === undefined || full < prod) return [...rampUp];
  if (full === prod) return [1];
  const first = rampUp[0]!;
  const n = full - prod;
  return Array.from({ length: n + 1 }, (_, k) => (k === n ? 1 : first + ((1 - first) * k) / n));
}

/** Whether a project counts, and why (its gap when not valued or already in its firm's output). */
function countProject(
  ctx: EstimateContext,
  texts: PipelineTexts,
  firms: FirmItems,
  gaps: OutputGap[],
  source: PipeSource,
  v: { base: number; valuation: PipeItem['valuation']; price: UnitPrice | undefined; prod: number; ramp: number[] },
): { counted: boolean; reason: Reason } {
  const { model } = ctx;
  const E = model.index.enterprises;
  const { status, name } = source;
  const { base, valuation, price, prod, ramp } = v;
  const e = source.enterprise;
  const { itemOfEnt, refYear } = firms;
  if (valuation === null) {
    const reason = {
      zh: `${name} 没有预期产值，也没有可按单价折算的产能，未计入`,
      en: `${name} has no expected output and no capacity with a unit price; not counted`,
    };
    gaps.push({ code: 'no-expected-output', enterprise: e >= 0 ? E.ids[e]! : null, project: source.project >= 0 ? source.id : null, reason });
    return { counted: false, reason };
  }
  if (
    e >= 0 &&
    itemOfEnt[e]! >= 0 &&
    (status === 'in-production' || status === 'at-capacity') &&
    (source.productionYear === undefined || source.productionYear <= refYear[e]!)
  ) {
    const reason = {
      zh: `${name} 已${status === 'at-capacity' ? '达产' : '投产'}，其产值已含在 ${entName(model, e)} ${refYear[e]}年的产值中，不重复计入`,
      en: `${name} is ${status}; its output is already in ${entName(model, e)}'s ${refYear[e]} output and is not counted twice`,
    };
    gaps.push({ code: 'in-current-output', enterprise: E.ids[e]!, project: source.id, reason });
    return { counted: false, reason };
  }
  const prodText = prod < 0 ? '' : `${prod}`;
  const valued =
    valuation === 'reported'
      ? { zh: `预期产值 ${formatYi(base, 'zh')}`, en: `expected output ${formatYi(base, 'en')}` }
      : {
          zh: `按产能折算 ${formatYi(base, 'zh')}（单价 ${price!.price}亿元/${price!.unit}，再乘开工率）`,
          en: `valued from capacity at ${formatYi(base, 'en')} (${price!.price} 亿元 per ${price!.unit}, times utilisation)`,
        };
  const from =
    prod < 0
      ? { zh: '已达产', en: 'at capacity' }
      : { zh: `${prodText}年起按 ${texts.ramp(ramp)[0]} 爬坡`, en: `ramping up ${texts.ramp(ramp)[1]} from ${prodText}` };
  const expansion = e >= 0 && itemOfEnt[e]! >= 0;
  return {
    counted: true,
    reason: {
      zh: `${name}：${valued.zh}，${from.zh}，落地概率 ${texts.likelihood[status]}（${status}）${expansion ? '；作为扩产计入' : ''}`,
      en: `${name}: ${valued.en}, ${from.en}, likelihood ${texts.likelihood[status]} (${status})${expansion ? '; counted as an expansion' : ''}`,
    },
  };
}
