/** Option and result types of the supply-network centrality (see ./index.ts). */
import type { WeightedCsr } from '../../graph/algorithms/csr.js';
import type { PagerankOptions } from '../../graph/algorithms/pagerank.js';
import type { EnterpriseStatus, LinkStatus } from '../../model/vocabulary.js';
import type { Reason, ScopeOptions } from '../scope/index.js';

/** Options of {@link scopeNetwork}. */
export interface ScopeNetworkOptions {
  /** Link statuses that count. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** With a chain index, links tagged with a segment of another chain are left out. */
  chainIndex?: number;
}

/** The supply network among a set of enterprises, compact. */
export interface ScopeNetwork extends WeightedCsr {
  /** Enterprise index of each node. */
  nodes: Int32Array;
  /** Node of each enterprise index, −1 where not in the network. */
  position: Int32Array;
  /** Supply-link records counted (before merging parallel links). */
  linkCount: number;
  /** Of those, how many have a value. */
  valuedLinks: number;
  /** How links were weighted. */
  weighting: 'value' | 'value-imputed' | 'count';
  /** Weight given to links of unknown value (the median known value), null when not needed. */
  imputedWeight: number | null;
  /** Per node: number of distinct suppliers and buyers in the network, and known link value in and out (亿元). */
  suppliers: Int32Array;
  buyers: Int32Array;
  valueIn: Float64Array;
  valueOut: Float64Array;
  /** Per node: counted links with and without a value. */
  linksValued: Int32Array;
  linksTotal: Int32Array;
}

/** Options of {@link betweennessOf}. */
export interface BetweennessOptions {
  /** Largest network (nodes) computed exactly with graphology-metrics. Default 2000. */
  betweennessLimit?: number;
  /** Source nodes sampled above the limit; 0 skips betweenness there. Default 256. */
  betweennessSamples?: number;
  /** Seed of the sampling. Default {@link DEFAULT_SEED}. */
  seed?: number;
}

/** How betweenness was obtained. */
export interface BetweennessInfo {
  method: 'exact' | 'sampled' | 'skipped';
  /** Source nodes used when sampled, else null. */
  samples: number | null;
  limit: number;
  reason: Reason;
}

/** Options of {@link supplyCentrality}. */
export interface CentralityOptions extends ScopeOptions, PagerankOptions, BetweennessOptions {
  /** Link statuses that count. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** Enterprise statuses included. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
}

/** One enterprise's centrality. */
export interface EnterpriseCentrality {
  id: string;
  pagerank: number;
  /** Unnormalised betweenness; null when skipped. */
  betweenness: number | null;
  suppliers: number;
  buyers: number;
}

/** Result of {@link supplyCentrality}. */
export interface CentralityResult {
  scope: { region: string; chain: string | null };
  nodes: number;
  /** Merged edges supplier → buyer. */
  edges: number;
  linkCount: number;
  weighting: ScopeNetwork['weighting'];
  imputedWeight: number | null;
  pagerank: { alpha: number; tolerance: number; iterations: number; converged: boolean };
  betweenness: BetweennessInfo;
  /** By PageRank, highest first (ties in dataset order). */
  enterprises: EnterpriseCentrality[];
  reason: Reason;
}
