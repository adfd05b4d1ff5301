/**
 * The cluster score's options and results: the components (CLUSTER_COMPONENTS, whose names the
 * types take), what each component reports, the local network, the score and a comparison.
 */
import type { EnterpriseStatus, LinkStatus, Role } from '../../model/vocabulary.js';
import type { Reason } from '../scope/index.js';

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

/** What a component's measure returns; the score adds its id, label, formula and weights. */
export type ComponentPart = Omit<ClusterComponent, 'weight' | 'weightUsed' | 'label' | 'formula' | 'id'>;

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
