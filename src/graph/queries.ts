/**
 * Lookups every analysis needs, by id (public) and by index (for hot loops).
 */
import { ChainError, type Locale } from '../model/issues.js';
import type { EnterpriseStatus, Role } from '../model/vocabulary.js';
import { ENTERPRISE_STATUSES } from '../model/vocabulary.js';
import { segmentKey, type ChainModel } from './model.js';
import { resolveChainName, resolveEnterpriseName, resolveRegionName, resolveSegmentName } from './resolve-names.js';

/**
 * Index of a region by id, or by name or alias (`酒泉` for 酒泉市, see ./resolve-names.ts);
 * throws a {@link ChainError} listing the valid regions if unknown, or the candidates if the
 * name is ambiguous. Messages in `locale` (default `'zh-CN'`).
 *
 * @example
 * regionIndex(model, 'jiuquan') === regionIndex(model, '酒泉') // → true
 */
export function regionIndex(model: ChainModel, region: string, locale: Locale = 'zh-CN'): number {
  return model.index.regions.byId.get(region) ?? resolveRegionName(model, region, locale);
}

/**
 * Index of a chain by id, or by name or alias (`风电装备制造产业链`, `风电`); throws a
 * {@link ChainError} listing the valid chains if unknown, or the candidates if ambiguous.
 *
 * @example
 * chainIndex(model, 'wind-power') === chainIndex(model, '风电装备制造产业链') // → true
 */
export function chainIndex(model: ChainModel, chain: string, locale: Locale = 'zh-CN'): number {
  return model.index.chains.byId.get(chain) ?? resolveChainName(model, chain, locale);
}

/**
 * Global index of a segment of a chain, each given by id, name or alias; throws a
 * {@link ChainError} listing the chain's segments if unknown.
 *
 * @example
 * segmentIndex(model, '风电', '叶片') === segmentIndex(model, 'wind-power', 'blade') // → true
 */
export function segmentIndex(model: ChainModel, chain: string, segment: string, locale: Locale = 'zh-CN'): number {
  const c = chainIndex(model, chain, locale);
  const id = model.index.chains.ids[c]!;
  const s = model.index.segments.byKey.get(segmentKey(id, segment));
  if (s !== undefined) return s;
  const position = resolveSegmentName(model, c, segment, locale);
  return model.index.segments.byKey.get(segmentKey(id, model.chains[c]!.segments[position]!.id))!;
}

/**
 * Index of an enterprise by id, or by name or alias as `findEnterprise` matches them;
 * throws a {@link ChainError} if unknown (with the closest id) or ambiguous (with the candidates).
 *
 * @example
 * enterpriseIndex(model, '九鼎风电叶片') === enterpriseIndex(model, 'jiuding-blade') // → true
 */
export function enterpriseIndex(model: ChainModel, enterprise: string, locale: Locale = 'zh-CN'): number {
  return model.index.enterprises.byId.get(enterprise) ?? resolveEnterpriseName(model, enterprise, locale);
}

/** Whether region index `r` is `ancestor` or lies within it (O(1)). */
export function regionWithinIdx(model: ChainModel, r: number, ancestor: number): boolean {
  const { enter, leave } = model.index.regions;
  const e = enter[r]!;
  return enter[ancestor]! <= e && e < leave[ancestor]!;
}

/**
 * Whether a region is the other region or one of its sub-regions.
 *
 * @example
 * isWithinRegion(model, 'jiuquan-etdz', 'gansu'); // true: the zone is in 酒泉, in 甘肃
 */
export function isWithinRegion(model: ChainModel, region: string, ancestor: string): boolean {
  return regionWithinIdx(model, regionIndex(model, region), regionIndex(model, ancestor));
}

/** Whether enterprise index `e` is located in region index `r` or a sub-region of it. */
export function isLocalIdx(model: ChainModel, e: number, r: number): boolean {
  return regionWithinIdx(model, model.index.enterprises.region[e]!, r);
}

/**
 * Whether an enterprise is local to a region: located in it or in any of its sub-regions.
 *
 * @example
 * isLocal(model, 'jiuding-blade', 'jiuquan'); // true
 * isLocal(model, 'goldwind', 'jiuquan');      // false: headquartered in Xinjiang
 */
export function isLocal(model: ChainModel, enterprise: string, region: string): boolean {
  return isLocalIdx(model, enterpriseIndex(model, enterprise), regionIndex(model, region));
}

/**
 * Enterprise indices located in region index `r` or its sub-regions: a subarray of
 * `byRegionOrder` (O(log n), no copy).
 */
export function enterprisesInRegionIdx(model: ChainModel, r: number): Int32Array {
  const [start, end] = regionRangeIdx(model, r);
  return model.index.enterprises.byRegionOrder.subarray(start, end);
}

/**
 * The positions `[start, end)` in `model.index.enterprises.byRegionOrder` of the enterprises of
 * region index `r` and its sub-regions (O(log n)): for reading per-enterprise columns laid out in
 * that order sequentially.
 *
 * @example
 * const [start, end] = regionRangeIdx(model, model.index.regions.byId.get('jiuquan')!);
 * end - start; // → enterprisesInRegionIdx(model, r).length
 */
export function regionRangeIdx(model: ChainModel, r: number): [number, number] {
  const { regionOrderKeys } = model.index.enterprises;
  const { enter, leave } = model.index.regions;
  const lower = (key: number) => {
    let lo = 0;
    let hi = regionOrderKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (regionOrderKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lower(enter[r]!), lower(leave[r]!)];
}

/** Options of {@link enterprisesIn}. */
export interface EnterpriseFilter {
  chain?: string;
  /** A segment of `chain` (requires `chain`). */
  segment?: string;
  /** Only enterprises located in this region or its sub-regions. */
  region?: string;
  /** Only enterprises with one of these statuses. Default: all. */
  statuses?: readonly EnterpriseStatus[];
}

/**
 * Ids of the enterprises matching a filter (chain, segment, region with its sub-regions,
 * statuses), in dataset order.
 *
 * @example
 * enterprisesIn(model, { chain: 'wind', segment: 'blade', region: 'jiuquan', statuses: ['operating'] });
 */
export function enterprisesIn(model: ChainModel, filter: EnterpriseFilter = {}): string[] {
  const { index } = model;
  if (filter.segment !== undefined && filter.chain === undefined)
    throw new ChainError('invalid_argument', 'a segment filter needs its chain', { segment: filter.segment });
  const r = filter.region === undefined ? -1 : regionIndex(model, filter.region);
  const statuses = filter.statuses && new Set(filter.statuses.map((s) => ENTERPRISE_STATUSES.indexOf(s)));
  let candidates: Iterable<number>;
  if (filter.segment !== undefined) {
    const s = segmentIndex(model, filter.chain!, filter.segment);
    candidates = index.segments.enterprises.items.subarray(
      index.segments.enterprises.offsets[s]!,
      index.segments.enterprises.offsets[s + 1]!,
    );
  } else if (filter.chain !== undefined) {
    const c = chainIndex(model, filter.chain);
    const seen = new Set<number>();
    const { offsets, items } = index.segments.enterprises;
    for (let s = index.segments.chainStart[c]!; s < index.segments.chainStart[c + 1]!; s++)
      for (let k = offsets[s]!; k < offsets[s + 1]!; k++) seen.add(items[k]!);
    candidates = seen;
  } else if (r >= 0) candidates = enterprisesInRegionIdx(model, r);
  else candidates = index.enterprises.ids.keys();
  const picked = new Uint8Array(index.enterprises.ids.length);
  for (const e of candidates) {
    if (r >= 0 && !isLocalIdx(model, e, r)) continue;
    if (statuses && !statuses.has(index.enterprises.status[e]!)) continue;
    picked[e] = 1;
  }
  const out: string[] = [];
  picked.forEach((p, e) => p && out.push(index.enterprises.ids[e]!));
  return out;
}

/** Options of {@link upstreamSegments} and {@link downstreamSegments}. */
export interface NeighbourOptions {
  /** Follow flows all the way (every segment up- or downstream), not one step. Default false. */
  transitive?: boolean;
}

function neighbours(model: ChainModel, chain: string, segment: string, direction: 'in' | 'out', options: NeighbourOptions): string[] {
  const start = segmentIndex(model, chain, segment);
  const { flows, segments } = model.index;
  const csr = flows[direction];
  const ends = direction === 'in' ? flows.from : flows.to;
  const seen = new Uint8Array(segments.keys.length);
  const order: number[] = [];
  const queue = [start];
  seen[start] = 1;
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (let k = csr.offsets[s]!; k < csr.offsets[s + 1]!; k++) {
      const t = ends[csr.items[k]!]!;
      if (seen[t]) continue;
      seen[t] = 1;
      order.push(t);
      if (options.transitive) queue.push(t);
    }
  }
  const prefix = chain.length + 1;
  return order.map((s) => segments.keys[s]!.slice(prefix));
}

/**
 * Segments whose output is an input of the given segment (one step, or all with `transitive`).
 *
 * @example
 * upstreamSegments(model, 'wind', 'turbine'); // ['blade', 'gearbox', ...]
 */
export function upstreamSegments(model: ChainModel, chain: string, segment: string, options: NeighbourOptions = {}): string[] {
  return neighbours(model, chain, segment, 'in', options);
}

/**
 * Segments that use the given segment's output (one step, or all with `transitive`).
 *
 * @example
 * downstreamSegments(model, 'wind', 'blade'); // ['turbine']
 */
export function downstreamSegments(model: ChainModel, chain: string, segment: string, options: NeighbourOptions = {}): string[] {
  return neighbours(model, chain, segment, 'out', options);
}

/**
 * The segments of a chain in topological generations: generation 0 has no inputs within the
 * chain, generation k+1 takes inputs from generation ≤ k. This is the 上游 → 下游 column order
 * of a chain map.
 *
 * @example
 * segmentGenerations(model, 'wind'); // [['steel', 'glass-fibre', ...], ['blade', ...], ['turbine'], ...]
 */
export function segmentGenerations(model: ChainModel, chain: string): string[][] {
  const c = chainIndex(model, chain);
  const { segments, flows } = model.index;
  const start = segments.chainStart[c]!;
  const end = segments.chainStart[c + 1]!;
  const indegree = new Int32Array(end - start);
  for (let s = start; s < end; s++) indegree[s - start] = flows.in.offsets[s + 1]! - flows.in.offsets[s]!;
  const generations: string[][] = [];
  let current: number[] = [];
  for (let s = start; s < end; s++) if (indegree[s - start] === 0) current.push(s);
  const prefix = chain.length + 1;
  while (current.length > 0) {
    generations.push(current.map((s) => segments.keys[s]!.slice(prefix)));
    const next: number[] = [];
    for (const s of current)
      for (let k = flows.out.offsets[s]!; k < flows.out.offsets[s + 1]!; k++) {
        const t = flows.to[flows.out.items[k]!]!;
        if (--indegree[t - start]! === 0) next.push(t);
      }
    current = next.sort((a, b) => a - b);
  }
  return generations;
}

/**
 * The role of an enterprise in a chain: its `chainRoles` entry for the chain if any, else its
 * overall `role`.
 *
 * @example
 * roleIn(model, 'dayun', 'nev'); // 'leader'
 */
export function roleIn(model: ChainModel, enterprise: string, chain: string): Role | undefined {
  const e = model.dataset.enterprises[enterpriseIndex(model, enterprise)]!;
  const id = model.index.chains.ids[chainIndex(model, chain)];
  return e.chainRoles?.find((r) => r.chain === id)?.role ?? e.role;
}
