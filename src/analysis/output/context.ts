/**
 * What every step of the estimate reads for one call: the model, the call's scratch arena, the
 * assumptions as used, the years, and the scope: the firms of the region active in the chain, and
 * the base year, the latest year observed in scope (`outputYear` of operating enterprises with an
 * output, indicator `year`), else the first requested year.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx, regionWithinIdx } from '../../graph/queries.js';
import type { Scratch } from '../../internal/scratch.js';
import type { ResolvedScope } from '../scope/index.js';
import { enterpriseColumns, firmsInScope, latestOutputYear, ROLE_CODE, type EnterpriseColumns } from './firms.js';
import type { OutputAssumptions } from './types.js';

/** The scope and settings of one estimate. */
export interface EstimateContext {
  model: ChainModel;
  /** The call's scratch arena: every temporary typed array (none reaches the result). */
  s: Scratch;
  a: OutputAssumptions;
  /** Requested years, distinct and ascending. */
  years: number[];
  baseYear: number;
  /** Year at which expectations without a year are audited. */
  horizon: number;
  scopeRegion: number;
  /** The scope chain, −1 for every chain. */
  scopeChain: number;
  /** Firms of the region active in the chain, ascending. */
  firms: Int32Array;
  columns: EnterpriseColumns;
  /** 1 at the role codes of `leaderRoles`. */
  leaderRole: Uint8Array;
  /** Segment ids by segment index. */
  segIds: string[];
}

/**
 * The context of an estimate: the firms in scope and the base year they imply.
 *
 * @example
 * estimateContext(model, s, a, [2025, 2030], resolveScope(model, { chain: 'energy-storage' })).baseYear; // e.g. 2024
 */
export function estimateContext(model: ChainModel, s: Scratch, a: OutputAssumptions, years: number[], scope: ResolvedScope): EstimateContext {
  const { dataset, index } = model;
  const S = index.segments;
  const scopeRegion = scope.regionIndex;
  const scopeChain = scope.chainIndex ?? -1;
  const segIds = Array.from(S.keys, (_, s) => model.chains[S.chain[s]!]!.segments[s - S.chainStart[S.chain[s]!]!]!.id);
  const columns = enterpriseColumns(model);
  const leaderRole = new Uint8Array(256);
  for (const r of a.leaderRoles) leaderRole[ROLE_CODE.get(r)!] = 1;
  const firms = firmsInScope(s, enterprisesInRegionIdx(model, scopeRegion), scopeChain, columns.chainOff, columns.chainItems);
  let baseYear = a.baseYear ?? -1;
  if (baseYear < 0) {
    const E = index.enterprises;
    baseYear = Math.max(baseYear, latestOutputYear(firms, E.status, E.output, columns.outputYear));
    for (const ind of dataset.indicators) {
      const r = index.regions.byId.get(ind.scope.region);
      if (r !== undefined && regionWithinIdx(model, r, scopeRegion)) baseYear = Math.max(baseYear, ind.year);
    }
    if (baseYear < 0) baseYear = years[0]!;
  }
  const horizon = a.expectationHorizon ?? years[years.length - 1]!;
  return { model, s, a, years, baseYear, horizon, scopeRegion, scopeChain, firms, columns, leaderRole, segIds };
}

/**
 * Whether enterprise e is active in chain c (its segments or chain roles).
 *
 * @example
 * hasChain(enterpriseColumns(model), e, c); // true when e has a segment or a chain role in c
 */
export function hasChain(columns: EnterpriseColumns, e: number, c: number): boolean {
  const { chainOff, chainItems } = columns;
  for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) if (chainItems[k] === c) return true;
  return false;
}

/**
 * Distinct chains of an enterprise, ascending (a new list).
 *
 * @example
 * entChains(enterpriseColumns(model), e); // e.g. [0, 2]
 */
export function entChains(columns: EnterpriseColumns, e: number): number[] {
  const { chainOff, chainItems } = columns;
  const out: number[] = [];
  for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) out.push(chainItems[k]!);
  return out;
}

/**
 * Segments of an enterprise in the scope chain (all with no chain scope), in its order.
 *
 * @example
 * entSegs(ctx, e); // e's segment indices in the scope chain
 */
export function entSegs(ctx: EstimateContext, e: number): number[] {
  const E = ctx.model.index.enterprises;
  const S = ctx.model.index.segments;
  const out: number[] = [];
  for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) {
    const s = E.segments.items[k]!;
    if (ctx.scopeChain < 0 || S.chain[s] === ctx.scopeChain) out.push(s);
  }
  return out;
}

/**
 * Whether e has a leader role in chain c: its role in the chain, else its own role.
 *
 * @example
 * isLeaderIn(ctx, e, c); // true for a 链主 of chain c
 */
export function isLeaderIn(ctx: EstimateContext, e: number, c: number): boolean {
  const { chainOff, chainItems, chainRole } = ctx.columns;
  for (let k = chainOff[e]!; k < chainOff[e + 1]!; k++) if (chainItems[k] === c) return ctx.leaderRole[chainRole[k]!] === 1;
  return ctx.leaderRole[ctx.model.index.enterprises.role[e]!] === 1;
}

/**
 * Whether e names a segment of chain c.
 *
 * @example
 * hasSegIn(model, e, c); // false for a leader known only by its chain role
 */
export function hasSegIn(model: ChainModel, e: number, c: number): boolean {
  const E = model.index.enterprises;
  const S = model.index.segments;
  for (let k = E.segments.offsets[e]!; k < E.segments.offsets[e + 1]!; k++) if (S.chain[E.segments.items[k]!] === c) return true;
  return false;
}

/**
 * Display names of a region, chain and enterprise by index.
 *
 * @example
 * regionName(model, 0); // e.g. '酒泉市'
 * chainName(model, 0); // e.g. '储能'
 */
export const regionName = (model: ChainModel, r: number): string => model.dataset.regions[r]!.name;
/** @see regionName */
export const chainName = (model: ChainModel, c: number): string => model.chains[c]!.name;
/** @see regionName */
export const entName = (model: ChainModel, e: number): string => model.dataset.enterprises[e]!.name;
/**
 * A segment's display name.
 *
 * @example
 * segName(model, 3); // e.g. '电芯'
 */
export function segName(model: ChainModel, s: number): string {
  const S = model.index.segments;
  const c = S.chain[s]!;
  return model.chains[c]!.segments[s - S.chainStart[c]!]!.name;
}
