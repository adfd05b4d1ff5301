/**
 * The cluster score's defaults (weights, counted statuses, 链主 roles, Louvain size limit) and
 * each component's label and formula as the result states them.
 */
import type { LinkStatus, EnterpriseStatus, Role } from '../../model/vocabulary.js';
import type { Reason } from '../scope/index.js';
import type { ClusterComponentId } from './types.js';

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

/**
 * Each component's name, in Chinese and English.
 *
 * @example
 * LABELS.localSupply.zh; // '本地配套率'
 */
export const LABELS: Record<ClusterComponentId, Reason> = {
  completeness: { zh: '链条完整度', en: 'chain completeness' },
  localSupply: { zh: '本地配套率', en: 'local supply rate' },
  leaderAnchoring: { zh: '链主带动', en: 'leader anchoring' },
  cohesion: { zh: '网络凝聚度', en: 'network cohesion' },
  specialisation: { zh: '专业化（区位熵）', en: 'specialisation (location quotient)' },
  concentration: { zh: '配套企业分布均衡度（1 − HHI）', en: 'supply-base diversity (1 − HHI)' },
};

/**
 * Each component's formula, as the result states it.
 *
 * @example
 * FORMULAS.concentration; // '1 − HHI, ...'
 */
export const FORMULAS: Record<ClusterComponentId, string> = {
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
