/**
 * What every component of a score reads: the scope, the options resolved to code tables, the
 * chain's local firms (the nodes of the local network), their links, and per-firm roles.
 */
import type { ChainModel } from '../../graph/model.js';
import { enterprisesInRegionIdx, regionIndex, regionWithinIdx } from '../../graph/queries.js';
import { formatShare } from '../../internal/format.js';
import { DEFAULT_SEED } from '../../internal/random.js';
import type { Scratch } from '../../internal/scratch.js';
import { ChainError } from '../../model/issues.js';
import {
  ENTERPRISE_STATUSES,
  LINK_STATUSES,
  ROLES,
  type EnterpriseStatus,
  type LinkStatus,
  type Role,
} from '../../model/vocabulary.js';
import { markChainRoleMembers, resolveScope, roleCodesInChain, type Reason } from '../scope/index.js';
import {
  DEFAULT_CLUSTER_LINK_STATUSES,
  DEFAULT_CLUSTER_STATUSES,
  DEFAULT_COMMUNITY_LIMIT,
  DEFAULT_LEADER_ROLES,
} from './defaults.js';
import { gatherLinks } from './local-network.js';
import { regionOrderFlagsOf } from './region-sums.js';
import type { ClusterOptions, ClusterRaw, ComponentPart } from './types.js';

/** Everything the components share: the scope, the local firms and the local links. */
export interface Context {
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

/**
 * A component the data cannot support: no value, with the reason and the numbers found.
 *
 * @example
 * return unavailable({ zh: '该产业链没有环节。', en: 'The chain has no segments.' });
 */
export function unavailable(reason: Reason, raw: ClusterRaw = {}, ids: Record<string, string[]> = {}): ComponentPart {
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

/**
 * The role of a firm in the chain: its `chainRoles` entry for the chain, else its `role`.
 *
 * @example
 * roleInChain(ctx, e) === 'leading';
 */
export function roleInChain(ctx: Context, e: number): Role | undefined {
  return ROLES[ctx.role[e]!];
}

/**
 * Whether a firm's role in the chain is one of the roles counted as 链主.
 *
 * @example
 * ctx.nodes.filter((e) => isLeader(ctx, e));
 */
export function isLeader(ctx: Context, e: number): boolean {
  const code = ctx.role[e]!;
  return code < ROLES.length && ctx.leaderRoleOk[code] === 1;
}

/**
 * Enterprise ids of enterprise indices, in the order given.
 *
 * @example
 * idsOf(ctx, ctx.nodes); // ['jiuding-blade', ...]
 */
export const idsOf = (ctx: Context, es: Iterable<number>) => [...es].map((e) => ctx.model.index.enterprises.ids[e]!);
/**
 * A share as the reasons print it.
 *
 * @example
 * pct(0.423); // '42.3%'
 */
export const pct = (x: number) => formatShare(x);

/**
 * The context of a score: the scope and options resolved, the chain's local firms and their
 * links, role codes and region-order flags; its typed arrays come from `scratch`.
 *
 * @example
 * const ctx = buildContext(model, { chain: 'wind', region: 'jiuquan' }, scratch);
 */
export function buildContext(
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
