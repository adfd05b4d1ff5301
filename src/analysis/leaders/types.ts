/** Option and result types of the leader ranking (see ./index.ts). */
import type { PagerankOptions } from '../../graph/algorithms/pagerank.js';
import type { EnterpriseStatus, LinkStatus, Role } from '../../model/vocabulary.js';
import type { BetweennessInfo, BetweennessOptions } from '../centrality/index.js';
import type { Reason, ScopeOptions } from '../scope/index.js';
import type { LEADER_COMPONENTS } from './components.js';

/** Name of one of the composite's components. */
export type LeaderComponent = (typeof LEADER_COMPONENTS)[number];

/** Options of {@link rankLeaders}. */
export interface LeaderOptions extends ScopeOptions, PagerankOptions, BetweennessOptions {
  /** Weights of the components (missing ones take the default). */
  weights?: Partial<Record<LeaderComponent, number>>;
  /** Rank cut of the flags. Default 3. */
  top?: number;
  /** Enterprise statuses ranked. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
  /** Link statuses that count. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
}

/** How one component entered the composite. */
export interface LeaderComponentInfo {
  name: LeaderComponent;
  /** Requested weight. */
  weight: number;
  /** Weight after sharing out the weights of unavailable components. */
  usedWeight: number;
  available: boolean;
  /** Why unavailable, or what it rests on. */
  reason: Reason;
}

/** One ranked enterprise. */
export interface LeaderEntry {
  rank: number;
  id: string;
  name: string;
  role: Role | null;
  declaredLeader: boolean;
  /** In [0, 1]; null when no component is available. */
  composite: number | null;
  /** The numbers behind the composite. */
  values: {
    /** 亿元, null when unknown. */
    output: number | null;
    outputShare: number | null;
    suppliers: number;
    buyers: number;
    /** Known value of local links in and out, 亿元; null when the firm has links but none valued. */
    linkValue: number | null;
    pagerank: number | null;
    betweenness: number | null;
    potentialPartners: number;
  };
  /** Component scores in [0, 1]; null where unavailable or unknown for this firm. */
  scores: Record<LeaderComponent, number | null>;
  /** Available components unknown for this firm (re-weighted away). */
  missing: LeaderComponent[];
  /** Segments the firm is recorded in (within the chain when one is given). */
  segments: number;
  /**
   * Whether the data measure the firm (./evidence.ts): `insufficient_data` when no component in
   * use rests on a record about it (no known output, no recorded local link). A declared 链主
   * with insufficient data is shown as declared, "数据不足以验证", and never flagged.
   */
  evidence: 'measured' | 'insufficient_data';
  /** How a tie of composites was resolved (./ties.ts); null when the firm's composite is its own. */
  tie: LeaderTie | null;
}

/** Tie-break that decided a firm's place among equal composites, in the order they apply. */
export type LeaderTieBreak = 'declared_leader' | 'evidence' | 'output' | 'partners' | 'potential' | 'dataset_order';

/** A resolved tie: the firms with the same composite and the tie-break that placed this one. */
export interface LeaderTie {
  /** Ids of the other firms with the same composite. */
  with: string[];
  decidedBy: LeaderTieBreak;
  reason: Reason;
}

/** A flag on a declared or undeclared leader. */
export interface LeaderFlag {
  code: 'declared_leader_low' | 'undeclared_high';
  enterprise: string;
  rank: number;
  composite: number;
  top: number;
  reason: Reason;
}

/** Result of {@link rankLeaders}. */
export interface LeaderRanking {
  scope: { region: string; chain: string | null };
  /** Whether any component was available (else every composite is null and the order is the dataset's). */
  ranked: boolean;
  components: LeaderComponentInfo[];
  ranking: LeaderEntry[];
  flags: LeaderFlag[];
  network: {
    nodes: number;
    edges: number;
    linkCount: number;
    weighting: 'value' | 'value-imputed' | 'count';
    pagerank: { iterations: number; converged: boolean };
    betweenness: BetweennessInfo;
  };
  /** Declared 链主 the data cannot verify (evidence `insufficient_data`), in rank order. */
  unverified: string[];
  /** How the composite was re-weighted, why nothing could be ranked, which declared 链主 the data cannot verify. */
  notes: Reason[];
}
