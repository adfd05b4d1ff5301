/**
 * Step 2b of recommendRecruits, only when a reference directory is given: the region's side as
 * the directory sees it. Every dataset firm is recognised as a directory firm through the
 * directory's own name matching (its name, then its aliases, with the region's place names
 * stripped as a fallback), or through its dataset `parent`; a local present firm makes its
 * whole directory group present — in the segments it operates in. The region's province (for
 * closeness) and the local buyers downstream of each segment (for synergy) are read here too.
 */
import type { ChainModel } from '../../graph/model.js';
import type { ResolvedChain } from '../../model/chains.js';
import { LOCAL_PRESENT, type LocalSide } from './local.js';
import type { RecruitReference } from './types.js';

/** What the directory says of the region. */
export interface ReferenceSide {
  directory: RecruitReference;
  /** The province (name) of the region, or its topmost ancestor's name when none is a province. */
  homeProvince: string | null;
  /** The directory firm dataset enterprise `e` is (by its own names), cached. */
  firmOf(e: number): string | undefined;
  /** The directory group of dataset enterprise `e` (its own match, else its dataset parent's), cached. */
  groupOf(e: number): string | undefined;
  /** Directory groups of the local present firms, each with those firms (ascending). */
  localGroups: Map<string, number[]>;
}

/**
 * The province-level name above region index `q` (the region itself when it is one); the
 * topmost ancestor's name when no ancestor is a province (a foreign country); null when unknown.
 *
 * @example
 * provinceOfRegion(model, regionIndex('jiuquan-etdz')); // → '甘肃省'
 */
export function provinceOfRegion(model: ChainModel, q: number): string | null {
  const regions = model.dataset.regions;
  const byId = new Map(regions.map((r) => [r.id, r]));
  let region = regions[q];
  let top = region;
  const seen = new Set<string>();
  while (region !== undefined && !seen.has(region.id)) {
    if (region.kind === 'province') return region.name;
    seen.add(region.id);
    top = region;
    region = region.parent === undefined ? undefined : byId.get(region.parent);
  }
  return top?.name ?? null;
}

/** The names of region index `q` and its ancestors: place names a local firm's name may start with. */
function placeNames(model: ChainModel, q: number): string[] {
  const regions = model.dataset.regions;
  const byId = new Map(regions.map((r) => [r.id, r]));
  const names: string[] = [];
  for (let region = regions[q]; region !== undefined && !names.includes(region.name); ) {
    names.push(region.name, ...(region.aliases ?? []));
    region = region.parent === undefined ? undefined : byId.get(region.parent);
  }
  return names;
}

/**
 * The reference side of region index `r`.
 *
 * @example
 * const side = referenceSide(model, r, local, reference);
 * side.localGroups.has('chint'); // true in 酒泉: 酒泉正泰新能源 is a 正泰 plant
 */
export function referenceSide(model: ChainModel, r: number, local: LocalSide, directory: RecruitReference): ReferenceSide {
  const places = placeNames(model, r);
  const cache = new Map<number, { firm: string; group: string } | null>();
  const match = (e: number) => {
    let m = cache.get(e);
    if (m === undefined) {
      const ent = model.dataset.enterprises[e]!;
      m = directory.matchReferenceFirm({ name: ent.name, aliases: ent.aliases ?? [] }, { places }) ?? null;
      cache.set(e, m);
    }
    return m;
  };
  const own = (e: number): string | null => match(e)?.group ?? null;
  const firmOf = (e: number): string | undefined => match(e)?.firm;
  const groupOf = (e: number): string | undefined => {
    const g = own(e);
    if (g !== null) return g;
    const parent = local.parentOf === null ? -1 : local.parentOf[e]!;
    return parent >= 0 ? (own(parent) ?? undefined) : undefined;
  };
  const localGroups = new Map<string, number[]>();
  for (let e = 0; e < local.flags.length; e++) {
    if (!(local.flags[e]! & LOCAL_PRESENT)) continue;
    const g = groupOf(e);
    if (g === undefined) continue;
    const list = localGroups.get(g) ?? [];
    list.push(e);
    localGroups.set(g, list);
  }
  return { directory, homeProvince: provinceOfRegion(model, r), firmOf, groupOf, localGroups };
}

/**
 * The directory groups with a local present firm operating in global segment `s`: their firms
 * are not recruited for it, a plant of theirs is already there.
 *
 * @example
 * groupsPresentIn(model, side, local, s).has('chint'); // 酒泉 PV modules: 正泰's local plant
 */
export function groupsPresentIn(model: ChainModel, side: ReferenceSide, local: LocalSide, s: number): Set<string> {
  const { offsets, items } = model.index.segments.enterprises;
  const groups = new Set<string>();
  for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
    const e = items[k]!;
    if (!(local.flags[e]! & LOCAL_PRESENT)) continue;
    const g = side.groupOf(e);
    if (g !== undefined) groups.add(g);
  }
  return groups;
}

/**
 * The local buyers of a segment: local present firms in the segments it flows into (the
 * chain's flows), ascending, and the share of those segments that have one.
 *
 * @example
 * downstreamBuyers(model, chain, s0, local, 'power-battery'); // → { buyers: [0], share: 1 } (大运, 整车制造) in 运城
 */
export function downstreamBuyers(
  model: ChainModel,
  chain: ResolvedChain,
  s0: number,
  local: LocalSide,
  segmentId: string,
): { buyers: number[]; share: number } {
  const { offsets, items } = model.index.segments.enterprises;
  const targets = [...new Set(chain.flows.filter((f) => f.from === segmentId && f.to !== segmentId).map((f) => f.to))];
  const buyers = new Set<number>();
  let served = 0;
  for (const to of targets) {
    const j = chain.segments.findIndex((x) => x.id === to);
    if (j < 0) continue;
    const s = s0 + j;
    let any = false;
    for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
      const e = items[k]!;
      if (local.flags[e]! & LOCAL_PRESENT) (buyers.add(e), (any = true));
    }
    if (any) served++;
  }
  return { buyers: [...buyers].sort((a, b) => a - b), share: targets.length > 0 ? served / targets.length : 0 };
}
