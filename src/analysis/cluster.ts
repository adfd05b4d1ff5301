/**
 * Cluster score (产业集群): one transparent score of how clustered a chain is at a place, made of
 * six components, each normalised to [0, 1], with its raw numbers and formula.
 *
 * Scope: the local firms of the chain are the enterprises located in the region or its
 * sub-regions, with a counted status (default `operating`: the cluster as it stands), that are
 * members of the chain: an activity in one of its segments, or a `chainRoles` entry for it. A supply link counts when its status is counted
 * (default `active` and `brokered`) and its segment is in the chain or not given. The local
 * supply network has the local firms as nodes and the counted links among them as edges.
 *
 * Components
 * - completeness (链条完整度): Σ_{s present} w_s / Σ_s w_s over the chain's segments; a segment
 *   is present when a local firm operates in it. w_s is the segment's `valueShare` when any
 *   segment of the chain has one (segments without one are outside that basis and left out);
 *   otherwise every segment weighs 1. Unavailable when no local firm of the chain is recorded:
 *   an empty dataset does not show an empty chain.
 * - localSupply (本地配套率): inputs of local firms bought from suppliers located in the region
 *   ÷ all their inputs, over counted links into local firms: by link value when every such link
 *   has a value, else by number of links (the share by the known values is reported too).
 * - leaderAnchoring (链主带动): the mean of (a) the share of local links with a 链主 at either end
 *   and (b) the share of local output (firms of known output) produced by the 链主 and their
 *   direct local suppliers and buyers; each part only when its data exists. Unavailable when no
 *   local firm is a 链主 of the chain (role in `chainRoles` for the chain, else `role`).
 * - cohesion (网络凝聚度): on the undirected view of the local network, the mean of the share
 *   of firms in the largest weakly connected component, density normalised by the density of
 *   a spanning tree (min(1, density × n / 2) = min(1, pairs / (n − 1))), and the average
 *   clustering coefficient. Density alone falls with network size, hence the tree yardstick.
 *   Louvain modularity (seeded; weights: link values when all are known, else link counts) is
 *   reported but not scored: community structure is neither good nor bad for a cluster. It is
 *   skipped above `communityLimit` firms (default 50 000), where graphology's Louvain takes
 *   seconds; every other step is linear (triangles O(m^1.5)): the local network is gathered in
 *   one sequential pass over the supply links, and the sums over regions are sequential scans
 *   of the enterprises in region order. The working arrays (per firm, per link of the local
 *   network) come from the model's scratch arena (`internal/scratch.ts`), so repeated scores
 *   allocate no typed-array memory after the first.
 * - specialisation (专业化): LQ / (1 + LQ) (LQ = 1 → 0.5), LQ = (e_ir / e_r) / (e_i / e) of the
 *   chain's output — employees when output does not allow it — over firms with a counted status
 *   and a known amount (e_r: all such firms of the region, any chain). The reference region is
 *   the nearest ancestor whose firms include activity outside the region and outside the chain
 *   (or `reference`). The US Cluster Mapping "strong cluster" test (LQ ≥ 1 and in the top
 *   quartile — fewer than a quarter of the regions rank higher — of the region and its sibling
 *   regions with activity, same reference) is reported when at least four regions compare.
 * - concentration (企业分布均衡度): 1 − HHI of output across local firms of known output
 *   (at least two): a cluster with a broad supply base scores higher than one dominated by a
 *   single firm. Ellison–Glaeser γ of the chain across the areas (child regions) of the
 *   reference region is reported, not scored.
 *
 * Total: 100 × Σ w_c v_c / Σ w_c over the available components. A component the data cannot
 * support is `available: false` with the reason, and never counts as zero.
 *
 * Assumptions: recorded links are a sample — datasets tend to record local, brokered links more
 * than distant ones, which biases the local supply rate upwards; unknown outputs, employees and
 * link values are left out, never taken as zero, and coverage is reported.
 *
 * References
 * - Porter, M. E. (1998). Clusters and the new economics of competition. Harvard Business
 *   Review 76(6), 77–90.
 * - Delgado, M., Porter, M. E. & Stern, S. (2016). Defining clusters of related industries.
 *   J. Economic Geography 16(1), 1–38 (US Cluster Mapping; strong clusters).
 * - Ellison, G. & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing
 *   industries: a dartboard approach. J. Political Economy 105(5), 889–927.
 * - Newman, M. E. J. (2010). Networks: An Introduction. Oxford University Press (density,
 *   components, clustering, modularity); Blondel et al. (2008) for Louvain.
 */
import type { ChainModel } from '../graph/model.js';
import { enterprisesInRegionIdx, regionIndex, regionRangeIdx, regionWithinIdx } from '../graph/queries.js';
import { formatShare, round } from '../internal/format.js';
import { DEFAULT_SEED } from '../internal/random.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';
import {
  ENTERPRISE_STATUSES,
  LINK_STATUSES,
  ROLES,
  type EnterpriseStatus,
  type LinkStatus,
  type Role,
} from '../model/vocabulary.js';
import { resolveScope, type Reason } from './scope/index.js';
import { markChainRoleMembers, roleCodesInChain } from './scope/index.js';
import {
  averageClustering,
  density,
  ellisonGlaeser,
  herfindahl,
  locationQuotient,
  louvainCommunitiesIn,
  simpleGraphIn,
  transitivity,
  triangleCountsIn,
  weaklyConnectedComponentsIn,
} from './network-metrics.js';

/**
 * The components of a cluster score, in report order.
 *
 * @example
 * CLUSTER_COMPONENTS.map((id) => score.components.find((c) => c.id === id)!.value);
 */
export const CLUSTER_COMPONENTS = [
  'completeness',
  'localSupply',
  'leaderAnchoring',
  'cohesion',
  'specialisation',
  'concentration',
] as const;
export type ClusterComponentId = (typeof CLUSTER_COMPONENTS)[number];

/**
 * Default weights: completeness and local supply first (the 补链 and 本地配套率 targets planners
 * set), the structural components after them. They sum to 1.
 *
 * @example
 * scoreCluster(model, { chain: 'wind', weights: { ...DEFAULT_CLUSTER_WEIGHTS, localSupply: 0.4 } });
 */
export const DEFAULT_CLUSTER_WEIGHTS: Readonly<Record<ClusterComponentId, number>> = {
  completeness: 0.25,
  localSupply: 0.2,
  leaderAnchoring: 0.15,
  cohesion: 0.15,
  specialisation: 0.15,
  concentration: 0.1,
};

/**
 * Enterprise statuses counted by default: the cluster as it stands.
 *
 * @example
 * scoreCluster(model, { chain: 'wind', statuses: [...DEFAULT_CLUSTER_STATUSES, 'under-construction'] });
 */
export const DEFAULT_CLUSTER_STATUSES: readonly EnterpriseStatus[] = ['operating'];
/**
 * Link statuses counted by default.
 *
 * @example
 * scoreCluster(model, { chain: 'wind', linkStatuses: [...DEFAULT_CLUSTER_LINK_STATUSES, 'planned'] });
 */
export const DEFAULT_CLUSTER_LINK_STATUSES: readonly LinkStatus[] = ['active', 'brokered'];
/**
 * Default largest local network (firms) on which Louvain communities are computed.
 *
 * @example
 * scoreCluster(model, { chain: 'wind', communityLimit: 2 * DEFAULT_COMMUNITY_LIMIT });
 */
export const DEFAULT_COMMUNITY_LIMIT = 50_000;
/**
 * Roles that make a firm a 链主 by default.
 *
 * @example
 * scoreCluster(model, { chain: 'wind', leaderRoles: [...DEFAULT_LEADER_ROLES, 'leading'] });
 */
export const DEFAULT_LEADER_ROLES: readonly Role[] = ['leader'];

const LABELS: Record<ClusterComponentId, Reason> = {
  completeness: { zh: '链条完整度', en: 'chain completeness' },
  localSupply: { zh: '本地配套率', en: 'local supply rate' },
  leaderAnchoring: { zh: '链主带动', en: 'leader anchoring' },
  cohesion: { zh: '网络凝聚度', en: 'network cohesion' },
  specialisation: { zh: '专业化（区位熵）', en: 'specialisation (location quotient)' },
  concentration: { zh: '配套企业分布均衡度（1 − HHI）', en: 'supply-base diversity (1 − HHI)' },
};

const FORMULAS: Record<ClusterComponentId, string> = {
  completeness:
    'Σ_{s present} w_s / Σ_s w_s; w_s = valueShare of segment s (segments without one left out), or 1 for every segment when none has one; s is present when a local firm operates in it',
  localSupply:
    'Σ v(local supplier → local firm) / Σ v(any supplier → local firm) over counted links; v = link value when every link has one, else 1 per link',
  leaderAnchoring:
    'mean of (local links touching a 链主 / local links) and (output of 链主 and their direct local partners / local output of known firms), each where its data exists',
  cohesion:
    '(largest weakly connected component / n + min(1, density × n / 2) + average clustering) / 3 on the undirected local network of n firms',
  specialisation: 'LQ / (1 + LQ), LQ = (e_ir / e_r) / (e_i / e) by output (else employees) against the reference region',
  concentration: '1 − HHI, HHI = Σ_i (x_i / Σ_j x_j)² over local firms of known output x_i',
};

/** Options of {@link scoreCluster}. */
export interface ClusterOptions {
  /** Chain id (required). */
  chain: string;
  /** Region id; covers its sub-regions. Default: `meta.region`. */
  region?: string;
  /** Weights of the components, merged over {@link DEFAULT_CLUSTER_WEIGHTS}; finite, ≥ 0. */
  weights?: Partial<Record<ClusterComponentId, number>>;
  /** Seed of the Louvain communities. Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Enterprise statuses counted. Default {@link DEFAULT_CLUSTER_STATUSES} (`operating`). */
  statuses?: readonly EnterpriseStatus[];
  /** Link statuses counted. Default {@link DEFAULT_CLUSTER_LINK_STATUSES} (`active`, `brokered`). */
  linkStatuses?: readonly LinkStatus[];
  /** Roles that make a 链主. Default {@link DEFAULT_LEADER_ROLES} (`leader`). */
  leaderRoles?: readonly Role[];
  /**
   * Reference region of the location quotient and of Ellison–Glaeser γ: an ancestor of the
   * region. Default: the nearest ancestor with activity outside the region and the chain.
   */
  reference?: string;
  /**
   * Largest local network (firms) on which Louvain communities are computed; above it
   * `modularity` and `communities` are null (they are reported, not scored, so the total does
   * not change). Default {@link DEFAULT_COMMUNITY_LIMIT}.
   */
  communityLimit?: number;
}

/** Raw numbers of a component (null where unknown). */
export type ClusterRaw = Record<string, number | boolean | null>;

/** One component of a cluster score. */
export interface ClusterComponent {
  id: ClusterComponentId;
  label: Reason;
  /** Whether the data supports the component; if not, `value` is null and `reason` says why. */
  available: boolean;
  /** Normalised value in [0, 1], null when unavailable. */
  value: number | null;
  /** The numbers behind the value. */
  raw: ClusterRaw;
  /** What the value was computed from (e.g. `value` or `count` of links), null when unavailable. */
  basis: string | null;
  formula: string;
  /** Weight as configured. */
  weight: number;
  /** Share of the total this component carries after re-weighting (0 when unavailable). */
  weightUsed: number;
  /** How the value came about, or why it could not be computed. */
  reason: Reason;
  /** Ids involved (segments, enterprises, regions), by role. */
  ids: Record<string, string[]>;
}

/** The local supply network of a score. */
export interface ClusterNetwork {
  /** Local firms of the chain (nodes), in dataset order. */
  firms: string[];
  /** Counted links among them. */
  links: number;
  /** Distinct linked pairs (undirected). */
  pairs: number;
  /** Firms of the largest weakly connected component (empty without links). */
  largestComponent: string[];
  /** Louvain communities (seeded), null without links. */
  communities: string[][] | null;
}

/** Result of {@link scoreCluster}. */
export interface ClusterScore {
  chain: string;
  region: string;
  /** Total in [0, 100], re-weighted over the available components; null when none is. */
  total: number | null;
  components: ClusterComponent[];
  /** Effective weights (sum 1 over the available components, 0 for the others). */
  weightsUsed: Record<ClusterComponentId, number>;
  network: ClusterNetwork;
  /** The options in force. */
  settings: {
    statuses: EnterpriseStatus[];
    linkStatuses: LinkStatus[];
    leaderRoles: Role[];
    seed: number;
    weights: Record<ClusterComponentId, number>;
    reference: string | null;
    communityLimit: number;
  };
  /** Which basis each component used. */
  notes: Reason[];
  assumptions: Reason[];
  reason: Reason;
}

type ComponentPart = Omit<ClusterComponent, 'weight' | 'weightUsed' | 'label' | 'formula' | 'id'>;

function unavailable(reason: Reason, raw: ClusterRaw = {}, ids: Record<string, string[]> = {}): ComponentPart {
  return { available: false, value: null, raw, basis: null, reason, ids };
}

function codes<T extends string>(all: readonly T[], chosen: readonly T[], what: string): Uint8Array {
  const mask = new Uint8Array(all.length);
  for (const value of chosen) {
    const i = all.indexOf(value);
    if (i < 0) throw new ChainError('invalid_argument', `unknown ${what} "${value}"`, { value, valid: all });
    mask[i] = 1;
  }
  return mask;
}

function resolveWeights(weights: ClusterOptions['weights']): Record<ClusterComponentId, number> {
  const resolved = { ...DEFAULT_CLUSTER_WEIGHTS };
  for (const [key, w] of Object.entries(weights ?? {})) {
    if (!(CLUSTER_COMPONENTS as readonly string[]).includes(key))
      throw new ChainError('invalid_argument', `unknown cluster component "${key}"`, { id: key, valid: CLUSTER_COMPONENTS });
    if (w === undefined) continue;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      throw new ChainError('invalid_argument', `the weight of "${key}" must be a finite number ≥ 0, got ${String(w)}`, {
        id: key,
        weight: w,
      });
    resolved[key as ClusterComponentId] = w;
  }
  return resolved;
}

/** Everything the components share: the scope, the local firms and the local links. */
interface Context {
  model: ChainModel;
  /** Scratch scope of the score: the typed arrays below are valid only inside it. */
  scratch: Scratch;
  chain: string;
  c: number;
  r: number;
  segStart: number;
  segEnd: number;
  statusOk: Uint8Array;
  linkOk: Uint8Array;
  leaderRoleOk: Uint8Array;
  /** Whether each enterprise is a member of the chain. */
  member: Uint8Array;
  /** Local firms of the chain (enterprise indices, ascending). */
  nodes: number[];
  /** Whether each enterprise is located in the region (or a sub-region). */
  local: Uint8Array;
  /** Role code (index into ROLES, or NO_ROLE) of each enterprise in the chain. */
  role: Uint8Array;
  /** Per position of `enterprises.byRegionOrder`: COUNTED (a counted status) and MEMBER (of the chain) bits. */
  regionOrderFlags: Uint8Array;
  /**
   * Counted links among the nodes, by supplier node then link order (the order of a walk over
   * each node's outgoing links): node numbers of their ends and their values (NaN unknown).
   */
  localLinks: { from: Int32Array; to: Int32Array; value: Float64Array };
  /**
   * Counted links into the nodes (from anywhere), by buyer node then link order: supplier
   * (enterprise index) and value (NaN unknown).
   */
  inputLinks: { supplier: Int32Array; value: Float64Array };
  seed: number;
  reference: number;
  communityLimit: number;
}

function inChain(ctx: Pick<Context, 'member'>, e: number): boolean {
  return ctx.member[e] === 1;
}

/** Members of a chain: firms with an activity in one of its segments or a `chainRoles` entry for it. */
function chainMembers(model: ChainModel, c: number, segStart: number, segEnd: number, s: Scratch): Uint8Array {
  const member = s.uint8(model.index.enterprises.ids.length);
  const { offsets, items } = model.index.segments.enterprises;
  for (let s = segStart; s < segEnd; s++) for (let k = offsets[s]!; k < offsets[s + 1]!; k++) member[items[k]!] = 1;
  markChainRoleMembers(model, c, member, 1);
  return member;
}

const ROLE_ZH: Record<Role, string> = { leader: '链主', leading: '龙头企业', core: '链核企业', supporting: '配套企业', other: '其他企业' };

/** The role of a firm in the chain: its `chainRoles` entry for the chain, else its `role`. */
function roleInChain(ctx: Context, e: number): Role | undefined {
  return ROLES[ctx.role[e]!];
}

function isLeader(ctx: Context, e: number): boolean {
  const code = ctx.role[e]!;
  return code < ROLES.length && ctx.leaderRoleOk[code] === 1;
}

const idsOf = (ctx: Context, es: Iterable<number>) => [...es].map((e) => ctx.model.index.enterprises.ids[e]!);
const pct = (x: number) => formatShare(x);

function completeness(ctx: Context): ComponentPart {
  const { model, segStart, segEnd } = ctx;
  const chain = model.chains[ctx.c]!;
  const n = segEnd - segStart;
  if (n === 0) return unavailable({ zh: '该产业链没有环节。', en: 'The chain has no segments.' });
  if (ctx.nodes.length === 0)
    return unavailable({
      zh: '数据集没有记录该地区该产业链的企业（计入的状态），无法判断哪些环节已有布局。',
      en: 'The dataset records no local firm of the chain (of the counted statuses), so it cannot tell which segments are present.',
    });
  const present = new Uint8Array(n);
  const { offsets, items } = model.index.enterprises.segments;
  for (const e of ctx.nodes)
    for (let k = offsets[e]!; k < offsets[e + 1]!; k++) {
      const s = items[k]!;
      if (s >= segStart && s < segEnd) present[s - segStart] = 1;
    }
  const byValueShare = chain.segments.some((s) => s.valueShare !== undefined);
  let weightPresent = 0;
  let weightTotal = 0;
  let count = 0;
  const presentIds: string[] = [];
  const missingIds: string[] = [];
  const outsideBasis: string[] = [];
  chain.segments.forEach((s, j) => {
    const w = byValueShare ? s.valueShare : 1;
    if (present[j]) (count++, presentIds.push(s.id));
    else missingIds.push(s.id);
    if (w === undefined) {
      outsideBasis.push(s.id);
      return;
    }
    weightTotal += w;
    if (present[j]) weightPresent += w;
  });
  const raw: ClusterRaw = {
    segments: n,
    segmentsPresent: count,
    countShare: count / n,
    weightPresent,
    weightTotal,
    segmentsOutsideBasis: outsideBasis.length,
  };
  const ids = { present: presentIds, missing: missingIds, outsideBasis };
  if (weightTotal === 0)
    return unavailable(
      { zh: '各环节的价值占比之和为 0，无法加权。', en: 'The segments’ value shares sum to 0, so they cannot weight completeness.' },
      raw,
      ids,
    );
  const value = weightPresent / weightTotal;
  const basis = byValueShare ? 'valueShare' : 'equal';
  const how = byValueShare
    ? { zh: `按环节价值占比加权为 ${pct(value)}`, en: `${pct(value)} weighted by the segments’ value shares` }
    : { zh: `各环节等权，完整度 ${pct(value)}`, en: `${pct(value)} with every segment weighing the same` };
  return {
    available: true,
    value,
    raw,
    basis,
    ids,
    reason: {
      zh: `${n} 个环节中有 ${count} 个有本地企业，${how.zh}。`,
      en: `${count} of ${n} segments have a local firm: ${how.en}.`,
    },
  };
}

function localSupply(ctx: Context): ComponentPart {
  const { supplier: suppliers, value: values } = ctx.inputLinks;
  let inputs = 0;
  let localInputs = 0;
  let valued = 0;
  let valueAll = 0;
  let valueLocal = 0;
  // suppliers marked per enterprise (1 local, 2 outside), listed in index order
  const mark = ctx.scratch.uint8(ctx.local.length);
  for (let i = 0; i < suppliers.length; i++) {
    const supplier = suppliers[i]!;
    const local = ctx.local[supplier] === 1;
    inputs++;
    if (local) (localInputs++, (mark[supplier] = 1));
    else mark[supplier] = 2;
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      valued++;
      valueAll += v;
      if (local) valueLocal += v;
    }
  }
  const localSuppliers: number[] = [];
  const outsideSuppliers: number[] = [];
  for (let e = 0; e < mark.length; e++) {
    if (mark[e] === 1) localSuppliers.push(e);
    else if (mark[e] === 2) outsideSuppliers.push(e);
  }
  const ids = {
    localSuppliers: idsOf(ctx, localSuppliers),
    outsideSuppliers: idsOf(ctx, outsideSuppliers),
  };
  const rateByCount = inputs === 0 ? null : localInputs / inputs;
  const rateByKnownValue = valueAll > 0 ? valueLocal / valueAll : null;
  const raw: ClusterRaw = {
    inputLinks: inputs,
    localInputLinks: localInputs,
    linksWithValue: valued,
    inputValue: valued > 0 ? valueAll : null,
    localInputValue: valued > 0 ? valueLocal : null,
    rateByCount,
    rateByKnownValue,
  };
  if (inputs === 0)
    return unavailable(
      {
        zh: `没有记录本地产业链企业的供货链接（计入的链接状态），无法计算本地配套率。`,
        en: 'No counted supply links into local firms of the chain are recorded, so the local supply rate cannot be computed.',
      },
      raw,
      ids,
    );
  const byValue = valued === inputs && valueAll > 0;
  const value = byValue ? rateByKnownValue! : rateByCount!;
  const reason: Reason = byValue
    ? {
        zh: `本地企业的采购额 ${round(valueAll)}亿元中 ${round(valueLocal)}亿元来自本地供应商，本地配套率 ${pct(value)}（按金额）。`,
        en: `${round(valueLocal)} of ${round(valueAll)} 亿元 bought by local firms comes from local suppliers: local supply rate ${pct(value)} by value.`,
      }
    : {
        zh: `本地企业的 ${inputs} 条供货链接中 ${localInputs} 条来自本地供应商，本地配套率 ${pct(value)}（按链接条数；${inputs - valued} 条缺少金额）。`,
        en: `${localInputs} of ${inputs} supply links into local firms come from local suppliers: local supply rate ${pct(value)} by count of links (${inputs - valued} have no value).`,
      };
  return { available: true, value, raw, basis: byValue ? 'value' : 'count', ids, reason };
}

function leaderAnchoring(ctx: Context): ComponentPart {
  const { model } = ctx;
  const { enterprises } = model.index;
  const leaders = ctx.nodes.filter((e) => isLeader(ctx, e));
  if (leaders.length === 0) {
    const roles = ROLES.filter((_, i) => ctx.leaderRoleOk[i] === 1);
    const leading = ctx.nodes.filter((e) => roleInChain(ctx, e) === 'leading').length;
    const hint =
      leading > 0 && !roles.includes('leading')
        ? {
            zh: `另有 ${leading} 家龙头企业，如视其为链主，可设 leaderRoles: ['leader', 'leading']`,
            en: `; ${leading} local firm(s) are leading firms (龙头), counted with leaderRoles: ['leader', 'leading']`,
          }
        : { zh: '', en: '' };
    return unavailable(
      {
        zh: `本地企业中没有该产业链的${roles.map((x) => ROLE_ZH[x]).join('、')}${hint.zh ? `；${hint.zh}` : ''}。`,
        en: `No local firm is a chain leader of the chain (roles: ${roles.join(', ')})${hint.en}.`,
      },
      { leaders: 0, leadingFirms: leading, firms: ctx.nodes.length },
    );
  }
  const leaderMask = ctx.scratch.uint8(enterprises.ids.length);
  for (const e of leaders) leaderMask[e] = 1;
  const anchored = ctx.scratch.uint8(enterprises.ids.length);
  let touching = 0;
  const localLinks = ctx.localLinks.from.length;
  for (let i = 0; i < localLinks; i++) {
    const a = ctx.nodes[ctx.localLinks.from[i]!]!;
    const b = ctx.nodes[ctx.localLinks.to[i]!]!;
    if (leaderMask[a] || leaderMask[b]) {
      touching++;
      anchored[a] = 1;
      anchored[b] = 1;
    }
  }
  for (const e of leaders) anchored[e] = 1;
  let outputAll = 0;
  let outputAnchored = 0;
  let withOutput = 0;
  let anchoredFirms = 0;
  for (const e of ctx.nodes) {
    if (anchored[e]) anchoredFirms++;
    const x = enterprises.output[e]!;
    if (Number.isNaN(x)) continue;
    withOutput++;
    outputAll += x;
    if (anchored[e]) outputAnchored += x;
  }
  const linkShare = ctx.localLinks.from.length === 0 ? null : touching / ctx.localLinks.from.length;
  const outputShare = outputAll > 0 ? outputAnchored / outputAll : null;
  const raw: ClusterRaw = {
    leaders: leaders.length,
    localLinks: ctx.localLinks.from.length,
    linksTouchingLeaders: touching,
    linkShare,
    firms: ctx.nodes.length,
    firmsWithOutput: withOutput,
    localOutput: withOutput > 0 ? outputAll : null,
    anchoredOutput: withOutput > 0 ? outputAnchored : null,
    outputShare,
    anchoredFirms,
    firmShare: anchoredFirms / ctx.nodes.length,
  };
  const ids = {
    leaders: idsOf(ctx, leaders),
    anchored: idsOf(
      ctx,
      ctx.nodes.filter((e) => anchored[e] && !leaderMask[e]),
    ),
  };
  const parts = [linkShare, outputShare].filter((x): x is number => x !== null);
  if (parts.length === 0)
    return unavailable(
      {
        zh: `有 ${leaders.length} 家本地链主，但本地企业之间没有供货链接，也没有已知产值，无法衡量链主带动。`,
        en: `${leaders.length} local chain leader(s) are recorded, but no supply links among local firms and no known output, so their anchoring cannot be measured.`,
      },
      raw,
      ids,
    );
  const value = parts.reduce((a, b) => a + b, 0) / parts.length;
  const zh: string[] = [];
  const en: string[] = [];
  if (linkShare !== null) {
    zh.push(`本地 ${ctx.localLinks.from.length} 条供货链接中 ${touching} 条连接链主（${pct(linkShare)}）`);
    en.push(`${touching} of ${ctx.localLinks.from.length} local links touch a leader (${pct(linkShare)})`);
  }
  if (outputShare !== null) {
    zh.push(`链主及其直接本地配套企业占已知本地产值 ${round(outputAll)}亿元的 ${pct(outputShare)}`);
    en.push(`leaders and their direct local partners make ${pct(outputShare)} of the known local output of ${round(outputAll)} 亿元`);
  }
  return {
    available: true,
    value,
    raw,
    basis: linkShare !== null && outputShare !== null ? 'links+output' : linkShare !== null ? 'links' : 'output',
    ids,
    reason: { zh: `${zh.join('；')}，链主带动 ${pct(value)}。`, en: `${en.join('; ')}: leader anchoring ${pct(value)}.` },
  };
}

interface CohesionResult {
  component: ComponentPart;
  network: ClusterNetwork;
}

function cohesion(ctx: Context): CohesionResult {
  const n = ctx.nodes.length;
  const { from, to, value: values } = ctx.localLinks;
  let allValued = true;
  let valueSum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) allValued = false;
    else valueSum += v;
  }
  const byValue = allValued && valueSum > 0 && from.length > 0;
  const graph = simpleGraphIn(n, from, to, byValue ? values : undefined, ctx.scratch);
  const firms = idsOf(ctx, ctx.nodes);
  const network: ClusterNetwork = { firms, links: ctx.localLinks.from.length, pairs: graph.size, largestComponent: [], communities: null };
  if (n < 2 || graph.size === 0) {
    const component = unavailable(
      n < 2
        ? {
            zh: `本地只有 ${n} 家该产业链企业，构不成网络。`,
            en: `Only ${n} local firm(s) of the chain: there is no network to measure.`,
          }
        : {
            zh: `${n} 家本地企业之间没有记录供货链接，无法衡量网络凝聚度。`,
            en: `No supply links are recorded among the ${n} local firms, so network cohesion cannot be measured.`,
          },
      { firms: n, pairs: graph.size, links: ctx.localLinks.from.length },
    );
    return { component, network };
  }
  const components = weaklyConnectedComponentsIn(graph, ctx.scratch);
  const largest = components.sizes[components.largest]!;
  const dens = density(graph);
  const treeDensity = Math.min(1, (dens * n) / 2);
  const triangles = triangleCountsIn(graph, ctx.scratch);
  const clustering = averageClustering(graph, triangles);
  // Louvain through graphology costs seconds per 1e5 firms and is reported, not scored
  const communities = n <= ctx.communityLimit ? louvainCommunitiesIn(graph, { seed: ctx.seed }, ctx.scratch) : null;
  const largestShare = largest / n;
  const value = (largestShare + treeDensity + clustering) / 3;
  network.largestComponent = firms.filter((_, i) => components.membership[i] === components.largest);
  if (communities) {
    const groups: string[][] = Array.from({ length: communities.count }, () => []);
    firms.forEach((id, i) => groups[communities.membership[i]!]!.push(id));
    network.communities = groups;
  }
  const isolated = firms.filter((_, i) => graph.offsets[i + 1] === graph.offsets[i]);
  const raw: ClusterRaw = {
    firms: n,
    links: ctx.localLinks.from.length,
    pairs: graph.size,
    density: dens,
    densityVsTree: treeDensity,
    components: components.count,
    largestComponent: largest,
    largestComponentShare: largestShare,
    averageClustering: clustering,
    transitivity: transitivity(graph, triangles),
    modularity: communities ? communities.modularity : null,
    communities: communities ? communities.count : null,
  };
  return {
    network,
    component: {
      available: true,
      value,
      raw,
      basis: byValue ? 'value' : 'count',
      ids: { isolated },
      reason: {
        zh: `${n} 家本地企业、${graph.size} 对供货关系：最大连通部分占 ${pct(largestShare)}，密度 ${round(dens, 3)}（相对生成树 ${pct(treeDensity)}），平均聚类系数 ${round(clustering, 3)}；凝聚度 ${pct(value)}。${communities ? `Louvain 社区 ${communities.count} 个，模块度 ${communities.modularity === null ? '—' : round(communities.modularity, 3)}（仅供参考）` : `企业数超过 ${ctx.communityLimit}，未做 Louvain 社区划分`}。`,
        en: `${n} local firms, ${graph.size} linked pairs: the largest connected part holds ${pct(largestShare)}, density ${round(dens, 3)} (${pct(treeDensity)} of a spanning tree's), average clustering ${round(clustering, 3)}; cohesion ${pct(value)}. ${communities ? `${communities.count} Louvain communities, modularity ${communities.modularity === null ? '—' : round(communities.modularity, 3)} (reported, not scored)` : `No Louvain communities above ${ctx.communityLimit} firms`}.`,
      },
    },
  };
}

type Measure = 'output' | 'employees';

interface Sums {
  chain: number;
  total: number;
  firms: number;
}

/** Sums of a measure over firms with a counted status and a known amount, in a region subtree. */
function sums(ctx: Context, region: number, measure: Measure): Sums {
  // a sequential scan of the region's range of the region order (the same firms in the same order
  // as a walk over enterprisesInRegionIdx)
  const amounts = regionOrderColumns(ctx.model)[measure];
  const flags = ctx.regionOrderFlags;
  const [lo, hi] = regionRangeIdx(ctx.model, region);
  const result: Sums = { chain: 0, total: 0, firms: 0 };
  for (let i = lo; i < hi; i++) {
    const f = flags[i]!;
    if (!(f & COUNTED)) continue;
    const x = amounts[i]!;
    if (Number.isNaN(x)) continue;
    result.firms++;
    result.total += x;
    if (f & MEMBER) result.chain += x;
  }
  return result;
}

/** Output and employees of the enterprises in `byRegionOrder` order (read sequentially by region range). */
interface RegionOrderColumns {
  output: Float64Array;
  employees: Float64Array;
}
const regionOrderCache = new WeakMap<ChainModel, RegionOrderColumns>();

/** The {@link RegionOrderColumns} of a model, computed on first use and cached (the model is immutable). */
function regionOrderColumns(model: ChainModel): RegionOrderColumns {
  let columns = regionOrderCache.get(model);
  if (columns) return columns;
  const { byRegionOrder, output, employees } = model.index.enterprises;
  columns = { output: new Float64Array(byRegionOrder.length), employees: new Float64Array(byRegionOrder.length) };
  for (let i = 0; i < byRegionOrder.length; i++) {
    const e = byRegionOrder[i]!;
    columns.output[i] = output[e]!;
    columns.employees[i] = employees[e]!;
  }
  regionOrderCache.set(model, columns);
  return columns;
}

/** Bits of {@link Context.regionOrderFlags}. */
const COUNTED = 1;
const MEMBER = 2;

interface Specialisation {
  component: ComponentPart;
  reference: number;
  measure: Measure | null;
}

const MEASURE_LABEL: Record<Measure, Reason> = { output: { zh: '产值', en: 'output' }, employees: { zh: '从业人数', en: 'employees' } };

function specialisation(ctx: Context): Specialisation {
  const { model, r } = ctx;
  const { regions } = model.index;
  const ancestors: number[] = [];
  if (ctx.reference >= 0) ancestors.push(ctx.reference);
  else for (let a = regions.parent[r]!; a >= 0; a = regions.parent[a]!) ancestors.push(a);
  const local: Record<Measure, Sums> = { output: sums(ctx, r, 'output'), employees: sums(ctx, r, 'employees') };
  let chosen: { measure: Measure; reference: number; ref: Sums } | undefined;
  search: for (const measure of ['output', 'employees'] as const) {
    const here = local[measure];
    if (here.total <= 0) continue;
    for (const a of ancestors) {
      const ref = sums(ctx, a, measure);
      if (ref.chain > 0 && ref.total - here.total > 0 && ref.chain < ref.total) {
        chosen = { measure, reference: a, ref };
        break search;
      }
    }
  }
  if (!chosen) {
    const measure: Measure = local.output.total > 0 || local.employees.total <= 0 ? 'output' : 'employees';
    const top = ancestors[ancestors.length - 1];
    const ref = top === undefined ? undefined : sums(ctx, top, measure);
    let reason: Reason;
    if (top === undefined)
      reason = { zh: '该地区在数据集中没有上级地区，无法计算区位熵。', en: 'The region has no wider region in the dataset to compare with.' };
    else if (local.output.total <= 0 && local.employees.total <= 0)
      reason = {
        zh: '本地企业（计入的状态）都没有已知的产值或从业人数，无法计算区位熵。',
        en: 'No local firm (of the counted statuses) has a known output or employee count, so no location quotient can be computed.',
      };
    else if (ref!.chain <= 0)
      reason = {
        zh: `该产业链的企业都没有已知的${MEASURE_LABEL[measure].zh}，无法计算区位熵。`,
        en: `No firm of the chain has a known ${MEASURE_LABEL[measure].en}, so no location quotient can be computed.`,
      };
    else if (ref!.total - local[measure].total <= 0)
      reason = {
        zh: `该地区以外没有已知${MEASURE_LABEL[measure].zh}的企业，无从比较。`,
        en: `No firm outside the region has a known ${MEASURE_LABEL[measure].en}: there is nothing to compare with.`,
      };
    else
      reason = {
        zh: `上级地区中已知${MEASURE_LABEL[measure].zh}的企业都属于该产业链，数据集没有记录其他产业，无法比较产业占比。`,
        en: `Every firm of known ${MEASURE_LABEL[measure].en} in the wider region belongs to the chain: the dataset records no other industry, so the chain's share cannot be compared.`,
      };
    return {
      component: unavailable(reason, {
        firmsWithOutput: local.output.firms,
        firmsWithEmployees: local.employees.firms,
      }),
      reference: -1,
      measure: null,
    };
  }
  const { measure, reference, ref } = chosen;
  const here = local[measure];
  const lq = locationQuotient(here.chain, here.total, ref.chain, ref.total)!;
  if (!Number.isFinite(lq)) {
    // amounts near the limits of floating point (e.g. 5e-324 亿元) give no meaningful quotient
    return {
      component: unavailable(
        {
          zh: `${MEASURE_LABEL[measure].zh}数值过小或过大，区位熵超出可表示范围，无法计算。`,
          en: `The ${MEASURE_LABEL[measure].en} amounts are too small or too large: the location quotient is not a finite number.`,
        },
        { firmsWithOutput: local.output.firms, firmsWithEmployees: local.employees.firms },
      ),
      reference: -1,
      measure: null,
    };
  }
  // the strong-cluster test compares the region with its siblings under the same reference
  const parent = regions.parent[r]!;
  const peers: { region: number; lq: number }[] = [];
  for (let k = regions.children.offsets[parent]!; k < regions.children.offsets[parent + 1]!; k++) {
    const s = regions.children.items[k]!;
    if (!regionWithinIdx(model, s, reference)) continue;
    const x = s === r ? here : sums(ctx, s, measure);
    if (x.total > 0) peers.push({ region: s, lq: locationQuotient(x.chain, x.total, ref.chain, ref.total)! });
  }
  const higher = peers.filter((p) => p.lq > lq).length;
  const strong = peers.length >= 4 ? lq >= 1 && higher < peers.length / 4 : null;
  const value = lq / (1 + lq);
  const refId = regions.ids[reference]!;
  const raw: ClusterRaw = {
    locationQuotient: lq,
    chainInRegion: here.chain,
    regionTotal: here.total,
    chainInReference: ref.chain,
    referenceTotal: ref.total,
    firmsWithMeasure: here.firms,
    comparableRegions: peers.length,
    rankAmongRegions: peers.length >= 1 ? higher + 1 : null,
    strongCluster: strong,
  };
  const m = MEASURE_LABEL[measure];
  const strongText =
    strong === null
      ? {
          zh: `可比的同级地区不足 4 个（${peers.length} 个），不做强集群判定`,
          en: `fewer than four comparable sibling regions (${peers.length}), so no strong-cluster test`,
        }
      : strong
        ? { zh: `在 ${peers.length} 个同级地区中排第 ${higher + 1}，属强集群（区位熵 ≥ 1 且居前四分之一）`, en: `ranks ${higher + 1} of ${peers.length} sibling regions: a strong cluster (LQ ≥ 1, top quartile)` }
        : { zh: `在 ${peers.length} 个同级地区中排第 ${higher + 1}，未达强集群标准`, en: `ranks ${higher + 1} of ${peers.length} sibling regions: not a strong cluster` };
  return {
    reference,
    measure,
    component: {
      available: true,
      value,
      raw,
      basis: measure,
      ids: { reference: [refId], comparedRegions: peers.map((p) => regions.ids[p.region]!) },
      reason: {
        zh: `该产业链占本地${m.zh}的 ${pct(here.chain / here.total)}，占${model.dataset.regions[reference]!.name}的 ${pct(ref.chain / ref.total)}：区位熵 ${round(lq, 3)}；${strongText.zh}。`,
        en: `The chain makes ${pct(here.chain / here.total)} of local ${m.en} and ${pct(ref.chain / ref.total)} in ${model.dataset.regions[reference]!.name} (${refId}): location quotient ${round(lq, 3)}; ${strongText.en}.`,
      },
    },
  };
}

/** Position of `child` among the children of `parent` (0-based). */
function childPosition(model: ChainModel, parent: number, child: number): number {
  const { offsets, items } = model.index.regions.children;
  for (let k = offsets[parent]!; k < offsets[parent + 1]!; k++) if (items[k] === child) return k - offsets[parent]!;
  return -1;
}

function concentration(ctx: Context, spec: Specialisation): ComponentPart {
  const { model } = ctx;
  const { enterprises, regions } = model.index;
  const known = ctx.nodes.filter((e) => !Number.isNaN(enterprises.output[e]!));
  const sizes = known.map((e) => enterprises.output[e]!);
  const total = sizes.reduce((a, b) => a + b, 0);
  // Ellison–Glaeser γ across the areas (children, and the region itself) of the output reference
  let gamma: ReturnType<typeof ellisonGlaeser> = null;
  let areas = 0;
  if (spec.measure === 'output' && spec.reference >= 0) {
    const a = spec.reference;
    // area of each region of the reference subtree (the reference itself: 0, its k-th child: k),
    // looked up by Euler entry position, which the region order keeps per firm
    const areaCount = 1 + regions.children.offsets[a + 1]! - regions.children.offsets[a]!;
    const areaAtEnter = ctx.scratch.int32(regions.leave[a]! + 1, -1);
    for (let p = 0; p < regions.ids.length; p++) {
      if (!regionWithinIdx(model, p, a)) continue;
      let region = p;
      while (region !== a && regions.parent[region] !== a) region = regions.parent[region]!;
      areaAtEnter[regions.enter[p]!] = region === a ? 0 : 1 + childPosition(model, a, region);
    }
    const industry = new Array<number>(areaCount).fill(0);
    const all = new Array<number>(areaCount).fill(0);
    const plants: number[] = [];
    const output = regionOrderColumns(model).output;
    const { regionOrderKeys } = enterprises;
    const flags = ctx.regionOrderFlags;
    const [lo, hi] = regionRangeIdx(model, a);
    for (let i = lo; i < hi; i++) {
      const x = output[i]!;
      const f = flags[i]!;
      if (!(f & COUNTED) || Number.isNaN(x)) continue;
      const area = areaAtEnter[regionOrderKeys[i]!]!;
      all[area]! += x;
      if (f & MEMBER) {
        industry[area]! += x;
        plants.push(x);
      }
    }
    areas = all.filter((x) => x > 0).length;
    if (areas >= 2) gamma = ellisonGlaeser({ industryByArea: industry, totalByArea: all, plantSizes: plants });
  }
  const hhi = known.length >= 2 ? herfindahl(sizes) : null;
  const raw: ClusterRaw = {
    firms: ctx.nodes.length,
    firmsWithOutput: known.length,
    coverage: ctx.nodes.length === 0 ? null : known.length / ctx.nodes.length,
    localOutput: known.length > 0 ? total : null,
    hhi,
    equivalentFirms: hhi === null ? null : 1 / hhi,
    // a loop, not Math.max(...sizes): 1e5 arguments overflow the stack
    largestShare: total > 0 ? sizes.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY) / total : null,
    ellisonGlaeserGamma: gamma?.gamma ?? null,
    ellisonGlaeserAreas: areas,
    ellisonGlaeserRawConcentration: gamma?.rawConcentration ?? null,
    ellisonGlaeserPlantHerfindahl: gamma?.plantHerfindahl ?? null,
  };
  // by output descending, then index (known is ascending): positions compared on the local sizes
  const byOutput = Array.from(known.keys()).sort((x, y) => sizes[y]! - sizes[x]! || x - y);
  const ids = { firmsWithOutput: byOutput.map((i) => enterprises.ids[known[i]!]!) };
  if (hhi === null)
    return unavailable(
      {
        zh: `${ctx.nodes.length} 家本地企业中只有 ${known.length} 家有已知产值（至少需要 2 家且合计大于 0），无法计算赫芬达尔指数。`,
        en: `Only ${known.length} of ${ctx.nodes.length} local firms have a known output (at least two, summing above 0, are needed), so the Herfindahl index cannot be computed.`,
      },
      raw,
      ids,
    );
  const value = 1 - hhi;
  const gammaText =
    gamma === null
      ? { zh: 'Ellison–Glaeser γ 因缺少多地区的企业产值而未计算', en: 'Ellison–Glaeser γ not computed (needs firm output in several areas)' }
      : { zh: `Ellison–Glaeser γ = ${round(gamma.gamma, 3)}（仅供参考）`, en: `Ellison–Glaeser γ = ${round(gamma.gamma, 3)} (reported, not scored)` };
  return {
    available: true,
    value,
    raw,
    basis: 'output',
    ids,
    reason: {
      zh: `${ctx.nodes.length} 家本地企业中 ${known.length} 家有已知产值，合计 ${round(total)}亿元，HHI = ${round(hhi, 3)}（相当于 ${round(1 / hhi, 1)} 家等规模企业），均衡度 ${pct(value)}；${gammaText.zh}。`,
      en: `${known.length} of ${ctx.nodes.length} local firms have a known output, ${round(total)} 亿元 in all: HHI = ${round(hhi, 3)} (as ${round(1 / hhi, 1)} equal firms), diversity ${pct(value)}; ${gammaText.en}.`,
    },
  };
}

/**
 * The counted links (status in `linkOk`, segment in `[segStart, segEnd)` or not given) into the
 * nodes (enterprise indices, ascending; node `i` is `nodes[i]`), and those among them, from one
 * sequential pass over the link arrays (the matching links, counted per node) and a pass over
 * the matches placing them: grouped by buyer (resp. supplier) node, in link order within a node,
 * as walks over the nodes' CSR rows would list them (the CSR keeps input order), without their
 * random access. In a function of its own so that V8 optimises the loops on their own. Every
 * array comes from `s`.
 */
function gatherLinks(
  model: ChainModel,
  nodes: readonly number[],
  segStart: number,
  segEnd: number,
  linkOk: Uint8Array,
  s: Scratch,
) {
  const { links } = model.index;
  const { from, to, segment, status, value } = links;
  const linkCount = from.length;
  const n = nodes.length;
  const inStart = s.int32(n + 1);
  const localStart = s.int32(n + 1);
  // one bit per enterprise, set for the nodes, and the number of nodes before each 32-bit word:
  // the node number of a node is its rank among the set bits (nodes are ascending). N/4 bytes,
  // which stay in cache where a table of node numbers (4N bytes) does not.
  const words = (model.index.enterprises.ids.length + 31) >>> 5;
  const isNode = s.int32(words);
  const before = s.int32(words);
  for (let i = 0; i < n; i++) isNode[nodes[i]! >>> 5]! |= 1 << (nodes[i]! & 31);
  for (let w = 1; w < words; w++) before[w] = before[w - 1]! + bitCount(isNode[w - 1]!);
  // the matches are links into the nodes: at most the sum of the nodes' in-degrees
  let bound = 0;
  const inOffsets = links.in.offsets;
  for (let i = 0; i < n; i++) bound += inOffsets[nodes[i]! + 1]! - inOffsets[nodes[i]!]!;
  const matches = s.int32(bound);
  let matched = 0;
  for (let k = 0; k < linkCount; k++) {
    // the sequential arrays first: most links are of another chain's product or not counted
    const seg = segment[k]!;
    if ((seg >= 0 && (seg < segStart || seg >= segEnd)) || !linkOk[status[k]!]) continue;
    const buyer = to[k]!;
    const buyerWord = isNode[buyer >>> 5]!;
    if ((buyerWord & (1 << (buyer & 31))) === 0) continue;
    matches[matched++] = k;
    inStart[before[buyer >>> 5]! + bitCount(buyerWord & ((1 << (buyer & 31)) - 1)) + 1]!++;
    const supplier = from[k]!;
    const supplierWord = isNode[supplier >>> 5]!;
    if ((supplierWord & (1 << (supplier & 31))) !== 0)
      localStart[before[supplier >>> 5]! + bitCount(supplierWord & ((1 << (supplier & 31)) - 1)) + 1]!++;
  }
  for (let i = 0; i < n; i++) {
    inStart[i + 1]! += inStart[i]!;
    localStart[i + 1]! += localStart[i]!;
  }
  const inputLinks = { supplier: s.int32(inStart[n]!), value: s.float64(inStart[n]!) };
  const localLinks = { from: s.int32(localStart[n]!), to: s.int32(localStart[n]!), value: s.float64(localStart[n]!) };
  // the matches ascend, so this pass reads the link arrays in order too
  for (let m = 0; m < matched; m++) {
    const k = matches[m]!;
    const buyer = to[k]!;
    const b = before[buyer >>> 5]! + bitCount(isNode[buyer >>> 5]! & ((1 << (buyer & 31)) - 1));
    const supplier = from[k]!;
    const v = value[k]!;
    let at = inStart[b]!++;
    inputLinks.supplier[at] = supplier;
    inputLinks.value[at] = v;
    const supplierWord = isNode[supplier >>> 5]!;
    if ((supplierWord & (1 << (supplier & 31))) === 0) continue;
    const a = before[supplier >>> 5]! + bitCount(supplierWord & ((1 << (supplier & 31)) - 1));
    at = localStart[a]!++;
    localLinks.from[at] = a;
    localLinks.to[at] = b;
    localLinks.value[at] = v;
  }
  return { inputLinks, localLinks };
}

/** Number of set bits of a 32-bit integer (SWAR popcount). */
function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** {@link Context.regionOrderFlags}: COUNTED and MEMBER bits per position of the region order. */
function regionOrderFlagsOf(model: ChainModel, statusOk: Uint8Array, member: Uint8Array, s: Scratch): Uint8Array {
  const { byRegionOrder, status } = model.index.enterprises;
  const flags = s.uint8(byRegionOrder.length);
  for (let i = 0; i < byRegionOrder.length; i++) {
    const e = byRegionOrder[i]!;
    flags[i] = (statusOk[status[e]!] ? COUNTED : 0) | (member[e] ? MEMBER : 0);
  }
  return flags;
}

function buildContext(
  model: ChainModel,
  options: ClusterOptions,
  scratch: Scratch,
): Context & { statuses: EnterpriseStatus[]; linkStatuses: LinkStatus[]; leaderRoles: Role[] } {
  if (options === undefined || typeof options.chain !== 'string')
    throw new ChainError('invalid_argument', 'a chain is required', { valid: model.index.chains.ids });
  const scope = resolveScope(model, options, true);
  const c = scope.chainIndex!;
  const r = scope.regionIndex;
  const statuses = [...(options.statuses ?? DEFAULT_CLUSTER_STATUSES)];
  const linkStatuses = [...(options.linkStatuses ?? DEFAULT_CLUSTER_LINK_STATUSES)];
  const leaderRoles = [...(options.leaderRoles ?? DEFAULT_LEADER_ROLES)];
  const limit = options.communityLimit;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0))
    throw new ChainError('invalid_argument', `communityLimit is a non-negative integer, got ${String(limit)}`, { communityLimit: limit });
  let reference = -1;
  if (options.reference !== undefined) {
    reference = regionIndex(model, options.reference);
    if (reference === r || !regionWithinIdx(model, r, reference))
      throw new ChainError('invalid_argument', `the reference region "${options.reference}" does not contain "${scope.region}"`, {
        reference: options.reference,
        region: scope.region,
      });
  }
  const { segments, enterprises, links } = model.index;
  const base = {
    model,
    scratch,
    chain: scope.chain!,
    c,
    r,
    segStart: segments.chainStart[c]!,
    segEnd: segments.chainStart[c + 1]!,
    statusOk: codes(ENTERPRISE_STATUSES, statuses, 'enterprise status'),
    linkOk: codes(LINK_STATUSES, linkStatuses, 'link status'),
    leaderRoleOk: codes(ROLES, leaderRoles, 'role'),
    member: chainMembers(model, c, segments.chainStart[c]!, segments.chainStart[c + 1]!, scratch),
    role: roleCodesInChain(model, c),
    seed: options.seed ?? DEFAULT_SEED,
    reference,
    communityLimit: options.communityLimit ?? DEFAULT_COMMUNITY_LIMIT,
  };
  const N = enterprises.ids.length;
  const local = scratch.uint8(N);
  const inRegion = enterprisesInRegionIdx(model, r);
  const picked: number[] = [];
  for (let i = 0; i < inRegion.length; i++) {
    const e = inRegion[i]!;
    local[e] = 1;
    if (base.statusOk[enterprises.status[e]!] && inChain(base, e)) picked.push(e);
  }
  const sortedNodes = scratch.int32(picked.length);
  sortedNodes.set(picked);
  sortedNodes.sort();
  const nodes = Array.from(sortedNodes);
  const { inputLinks, localLinks } = gatherLinks(model, nodes, base.segStart, base.segEnd, base.linkOk, scratch);
  const regionOrderFlags = regionOrderFlagsOf(model, base.statusOk, base.member, scratch);
  const ctx: Context = { ...base, nodes, local, localLinks, inputLinks, regionOrderFlags };
  return { ...ctx, statuses, linkStatuses, leaderRoles };
}

/**
 * Scores how clustered a chain is in a region: six components (completeness, local supply
 * rate, leader anchoring, network cohesion, specialisation, concentration), each normalised to
 * [0, 1] with its raw numbers, formula and reason, and a total in [0, 100] re-weighted over the
 * components the data supports. See the file header for the method.
 *
 * @example
 * const score = scoreCluster(model, { chain: 'wind', region: 'jiuquan-etdz' });
 * score.total;                       // e.g. 61.3
 * score.components.find((c) => c.id === 'localSupply'); // { value: 0.42, basis: 'count', ... }
 */
export function scoreCluster(model: ChainModel, options: ClusterOptions): ClusterScore {
  const weights = resolveWeights(options?.weights);
  return withScratch(model, (scratch) => score(model, options, weights, scratch));
}

/** {@link scoreCluster} inside its scratch scope: nothing returned refers to a scratch array. */
function score(model: ChainModel, options: ClusterOptions, weights: Record<ClusterComponentId, number>, scratch: Scratch): ClusterScore {
  const ctx = buildContext(model, options, scratch);
  const spec = specialisation(ctx);
  const cohesive = cohesion(ctx);
  const parts: Record<ClusterComponentId, ComponentPart> = {
    completeness: completeness(ctx),
    localSupply: localSupply(ctx),
    leaderAnchoring: leaderAnchoring(ctx),
    cohesion: cohesive.component,
    specialisation: spec.component,
    concentration: concentration(ctx, spec),
  };
  let weightSum = 0;
  for (const id of CLUSTER_COMPONENTS) if (parts[id].available) weightSum += weights[id];
  const weightsUsed = {} as Record<ClusterComponentId, number>;
  let total: number | null = null;
  if (weightSum > 0) {
    total = 0;
    for (const id of CLUSTER_COMPONENTS) {
      weightsUsed[id] = parts[id].available ? weights[id] / weightSum : 0;
      if (parts[id].available) total += weightsUsed[id] * parts[id].value!;
    }
    total = Math.min(100, Math.max(0, total * 100));
  } else for (const id of CLUSTER_COMPONENTS) weightsUsed[id] = 0;
  const components: ClusterComponent[] = CLUSTER_COMPONENTS.map((id) => ({
    id,
    label: LABELS[id],
    available: parts[id].available,
    value: parts[id].value,
    raw: parts[id].raw,
    basis: parts[id].basis,
    formula: FORMULAS[id],
    weight: weights[id],
    weightUsed: weightsUsed[id],
    reason: parts[id].reason,
    ids: parts[id].ids,
  }));
  const region = model.index.regions.ids[ctx.r]!;
  const regionName = model.dataset.regions[ctx.r]!.name;
  const chainName = model.chains[ctx.c]!.name;
  const available = components.filter((c) => c.available);
  const missing = components.filter((c) => !c.available);
  let reason: Reason;
  if (total === null)
    reason =
      available.length === 0
        ? {
            zh: `数据不足以计算${regionName}${chainName}产业集群得分：六项指标均无法计算。`,
            en: `The data supports none of the six components, so ${chainName} (${ctx.chain}) in ${regionName} (${region}) gets no cluster score.`,
          }
        : {
            zh: '可计算指标的权重之和为 0，无法得出总分。',
            en: 'The weights of the available components sum to 0, so there is no total.',
          };
  else
    reason = {
      zh: `${regionName}${chainName}产业集群得分 ${round(total, 1)}（满分 100），依据 ${available.length} 项指标（${available.map((c) => c.label.zh).join('、')}）按权重重新归一${missing.length > 0 ? `；${missing.map((c) => c.label.zh).join('、')}因数据不足未计入` : ''}。`,
      en: `${chainName} (${ctx.chain}) in ${regionName} (${region}) scores ${round(total, 1)} of 100 on ${available.length} component(s) (${available.map((c) => c.label.en).join(', ')}), weights renormalised over them${missing.length > 0 ? `; ${missing.map((c) => c.label.en).join(', ')} left out for lack of data` : ''}.`,
    };
  return {
    chain: ctx.chain,
    region,
    total,
    components,
    weightsUsed,
    network: cohesive.network,
    settings: {
      statuses: ctx.statuses,
      linkStatuses: ctx.linkStatuses,
      leaderRoles: ctx.leaderRoles,
      seed: ctx.seed,
      weights,
      reference: spec.reference >= 0 ? model.index.regions.ids[spec.reference]! : null,
      communityLimit: ctx.communityLimit,
    },
    notes: [...basisNotes(components), ...countNotes(ctx)],
    assumptions: assumptions(ctx),
    reason,
  };
}

function basisNotes(components: ClusterComponent[]): Reason[] {
  const notes: Reason[] = [];
  const get = (id: ClusterComponentId) => components.find((c) => c.id === id)!;
  const completeness = get('completeness');
  if (completeness.basis === 'valueShare')
    notes.push({
      zh: `链条完整度按环节价值占比（valueShare）加权${completeness.ids.outsideBasis!.length > 0 ? `；没有价值占比的环节（${completeness.ids.outsideBasis!.join('、')}）未计入` : ''}。`,
      en: `Completeness is weighted by the segments' valueShare${completeness.ids.outsideBasis!.length > 0 ? `; segments without one (${completeness.ids.outsideBasis!.join(', ')}) are left out` : ''}.`,
    });
  else if (completeness.basis === 'equal')
    notes.push({ zh: '链条完整度各环节等权（模板未给出价值占比）。', en: 'Completeness weighs every segment the same (no segment has a valueShare).' });
  const supply = get('localSupply');
  if (supply.basis === 'value') notes.push({ zh: '本地配套率按供货金额计算。', en: 'The local supply rate is by link value.' });
  else if (supply.basis === 'count')
    notes.push({
      zh: `本地配套率按链接条数计算：${supply.raw.inputLinks} 条链接中 ${Number(supply.raw.inputLinks) - Number(supply.raw.linksWithValue)} 条缺少金额。`,
      en: `The local supply rate is by count of links: ${Number(supply.raw.inputLinks) - Number(supply.raw.linksWithValue)} of ${supply.raw.inputLinks} links have no value.`,
    });
  const cohesion = get('cohesion');
  if (cohesion.available)
    notes.push(
      cohesion.basis === 'value'
        ? { zh: 'Louvain 社区按供货金额加权。', en: 'Louvain communities weigh links by value.' }
        : { zh: 'Louvain 社区按链接条数加权（部分链接缺少金额）。', en: 'Louvain communities weigh links by count (some links have no value).' },
    );
  const spec = get('specialisation');
  if (spec.available)
    notes.push({
      zh: `区位熵按${spec.basis === 'output' ? '产值' : '从业人数'}计算，参照地区为 ${spec.ids.reference![0]}。`,
      en: `The location quotient is by ${spec.basis}, against ${spec.ids.reference![0]}.`,
    });
  const conc = get('concentration');
  if (conc.available)
    notes.push({
      zh: `赫芬达尔指数只覆盖有已知产值的 ${conc.raw.firmsWithOutput} 家企业（共 ${conc.raw.firms} 家）。`,
      en: `The Herfindahl index covers the ${conc.raw.firmsWithOutput} of ${conc.raw.firms} local firms with a known output.`,
    });
  return notes;
}

/**
 * Compares the number of local firms recorded with `enterprise-count` indicators of the chain
 * in the region: documents often name a few firms of many.
 */
function countNotes(ctx: Context): Reason[] {
  const region = ctx.model.index.regions.ids[ctx.r]!;
  const notes: Reason[] = [];
  for (const indicator of ctx.model.dataset.indicators) {
    const { scope, metric, value } = indicator;
    if (metric !== 'enterprise-count' || scope.region !== region || scope.chain !== ctx.chain || value === undefined) continue;
    if (value <= ctx.nodes.length) continue;
    notes.push({
      zh: `指标 ${indicator.id} 记载该产业链有 ${value} 家企业（${indicator.year} 年），数据集只列出其中 ${ctx.nodes.length} 家；各指标只反映已列出的企业。`,
      en: `Indicator ${indicator.id} counts ${value} firms of the chain (${indicator.year}); the dataset names ${ctx.nodes.length} of them, and every component reflects only those.`,
    });
  }
  return notes;
}

function assumptions(ctx: Context & { statuses: EnterpriseStatus[]; linkStatuses: LinkStatus[] }): Reason[] {
  return [
    {
      zh: `本地企业：位于该地区（含下级地区）、状态为 ${ctx.statuses.join('、')}、且在该产业链至少一个环节经营的企业；计入状态为 ${ctx.linkStatuses.join('、')} 的供货链接，链接标注了其他产业链环节的不计入。`,
      en: `Local firms are those located in the region or its sub-regions, with status ${ctx.statuses.join(', ')}, operating in at least one segment of the chain; supply links with status ${ctx.linkStatuses.join(', ')} count, except those tagged with a segment of another chain.`,
    },
    {
      zh: '数据集记录的供货链接只是样本：本地（撮合）链接往往比外地链接更常被记录，本地配套率可能偏高。',
      en: 'Recorded supply links are a sample: local, brokered links tend to be recorded more often than distant ones, which can bias the local supply rate upwards.',
    },
    {
      zh: '未知的产值、从业人数和链接金额不计入，从不按 0 处理；各指标报告其覆盖范围。',
      en: 'Unknown outputs, employee counts and link values are left out, never taken as 0; each component reports its coverage.',
    },
  ];
}

/** Options of {@link compareClusters}. */
export interface CompareClustersOptions extends Omit<ClusterOptions, 'region' | 'reference'> {
  /** The places to compare (region ids, at least one, no duplicates). */
  regions: readonly string[];
}

/** One place in a {@link ClusterComparison}. */
export interface ClusterRanking {
  region: string;
  /** Rank by total (1 = best; ties share a rank); null without a total. */
  rank: number | null;
  total: number | null;
}

/** One component across the compared places. */
export interface ClusterComponentComparison {
  id: ClusterComponentId;
  label: Reason;
  /** Per region in ranking order: the value and its rank among the places where it is available. */
  values: { region: string; value: number | null; rank: number | null }[];
}

/** Result of {@link compareClusters}. */
export interface ClusterComparison {
  chain: string;
  /** Places by total, best first; places without a total last, in the order given. */
  ranking: ClusterRanking[];
  components: ClusterComponentComparison[];
  /** The full scores, in ranking order. */
  scores: ClusterScore[];
  reason: Reason;
}

/** Competition ranks (1, 2, 2, 4) of values, highest first; null values get no rank. */
function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

/**
 * Compares several places on the same chain: each is scored with {@link scoreCluster} (same
 * options), ranked by total, and every component is ranked across the places where it is
 * available. Note that totals of places with different available components are re-weighted
 * over different components; the component table shows where they differ.
 *
 * @example
 * const cmp = compareClusters(model, { chain: 'wind', regions: ['jiuquan-etdz', 'yumen'] });
 * cmp.ranking; // [{ region: 'jiuquan-etdz', rank: 1, total: 61.3 }, ...]
 */
export function compareClusters(model: ChainModel, options: CompareClustersOptions): ClusterComparison {
  const regions = options?.regions;
  if (!Array.isArray(regions) || regions.length === 0)
    throw new ChainError('invalid_argument', 'compareClusters needs at least one region', { valid: model.index.regions.ids });
  const seen = new Set<string>();
  for (const id of regions) {
    if (seen.has(id)) throw new ChainError('invalid_argument', `region "${id}" is listed twice`, { id });
    seen.add(id);
    regionIndex(model, id);
  }
  const { regions: _omit, ...shared } = options;
  const scores = regions.map((region) => scoreCluster(model, { ...shared, region }));
  const totalRanks = ranks(scores.map((s) => s.total));
  const order = scores
    .map((s, i) => ({ s, i, rank: totalRanks[i]! }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.i - b.i);
  const sorted = order.map((o) => o.s);
  const components = CLUSTER_COMPONENTS.map((id) => {
    const values = sorted.map((s) => s.components.find((c) => c.id === id)!.value);
    const r = ranks(values);
    return {
      id,
      label: LABELS[id],
      values: sorted.map((s, i) => ({ region: s.region, value: values[i]!, rank: r[i]! })),
    };
  });
  const ranking = order.map((o) => ({ region: o.s.region, rank: o.rank, total: o.s.total }));
  const first = ranking[0]!;
  const reason: Reason =
    first.total === null
      ? { zh: '所比较的地区都没有集群得分。', en: 'None of the compared places has a cluster score.' }
      : {
          zh: `${model.chains.find((c) => c.id === options.chain)!.name}产业集群比较：${ranking.map((x) => `${x.region} ${x.total === null ? '—' : round(x.total, 1)}`).join('，')}。`,
          en: `${model.chains.find((c) => c.id === options.chain)!.name} (${options.chain}) cluster scores: ${ranking.map((x) => `${x.region} ${x.total === null ? '—' : round(x.total, 1)}`).join(', ')}.`,
        };
  return { chain: options.chain, ranking, components, scores: sorted, reason };
}
