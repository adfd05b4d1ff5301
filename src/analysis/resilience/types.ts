/** Option and result types of the resilience analyses (see ./index.ts). */
import type { EnterpriseStatus, LinkStatus } from '../../model/vocabulary.js';
import type { Reason, ScopeOptions } from '../scope/index.js';

/** What to remove: enterprises, every enterprise of a segment, or every supplier located in a region. */
export type DisruptionTarget = { enterprises: readonly string[] } | { chain: string; segment: string } | { region: string };

/** Options of {@link simulateDisruption}. */
export interface DisruptionOptions {
  remove: DisruptionTarget;
  /** Share of the removed firms' supply that is lost, in [0, 1]. Default 1. */
  shortfall?: number;
  /** Link statuses that carry supply. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** Region whose firms get totals of their own (`local`). Default `meta.region` when set. */
  region?: string;
  /** Stop when no output factor falls by more than this. Default 1e-12. */
  tolerance?: number;
  /** Round cap. Default 10000. */
  maxRounds?: number;
}

/** One affected enterprise. */
export interface DisruptionEntry {
  id: string;
  removed: boolean;
  /** Share of normal output still produced. */
  outputFactor: number;
  lostFraction: number;
  /** 亿元, null when unknown. */
  output: number | null;
  outputLost: number | null;
  cutOff: boolean;
}

/** Loss totals over a set of firms. */
export interface LossTotals {
  firms: number;
  firmsAffected: number;
  firmsCutOff: number;
  /** 亿元 over the firms with a known output; null when none of the counted firms has one. */
  outputLost: number | null;
  /** Sum of the known outputs, 亿元; null when none of the counted firms has one. */
  knownOutput: number | null;
  /** outputLost / knownOutput; null when no output is known. */
  lostShare: number | null;
  /** Σ (1 − φ): output lost counted in whole firms, for when outputs are unknown. */
  firmEquivalentsLost: number;
  /** firmEquivalentsLost / firms; null for no firm. */
  firmShareLost: number | null;
  /** Affected firms whose output is unknown (their loss is in the fractions only). */
  affectedWithUnknownOutput: number;
}

/** Result of {@link simulateDisruption}. */
export interface DisruptionResult {
  removed: string[];
  shortfall: number;
  /** Affected enterprises, largest lost fraction first. */
  enterprises: DisruptionEntry[];
  /** Affected segments. */
  segments: {
    chain: string;
    segment: string;
    firmsAffected: number;
    /** 亿元; null when no firm of the segment has a known output. */
    outputLost: number | null;
    /** 亿元; null when no firm of the segment has a known output. */
    knownOutput: number | null;
    lostShare: number | null;
    firmEquivalentsLost: number;
  }[];
  total: LossTotals;
  /** The removed firms' own loss. */
  direct: LossTotals;
  /** The cascade's loss (firms not removed). */
  indirect: LossTotals;
  /** Totals over the firms of `region`, when there is one. */
  local: (LossTotals & { region: string }) | null;
  /** Firms not removed whose output factor fell to 0, in dataset order (`indirect.firmsCutOff` counts them). */
  cutOff: string[];
  rounds: number;
  converged: boolean;
  reason: Reason;
}

/** Options of {@link singlePointsOfFailure}. */
export interface SinglePointOptions {
  /** The leader (an enterprise id). */
  leader: string;
  /** Only supply of this chain's segments (links tagged with another chain's segment are left out). */
  chain?: string;
  /** Link statuses that carry supply. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
}

/** A supplier whose loss cuts the leader off from one or more segments. */
export interface PointOfFailure {
  id: string;
  /** Segments the leader would be cut off from. */
  segments: { chain: string; segment: string }[];
  /** Whether it supplies the leader directly. */
  direct: boolean;
  /** Whether it is also an articulation point of the undirected subgraph. */
  articulation: boolean;
  /** Firms of the subgraph (itself included) whose every supply path to the leader runs through it. */
  dominates: number;
  reason: Reason;
}

/** Result of {@link singlePointsOfFailure}. */
export interface SinglePointResult {
  leader: string;
  chain: string | null;
  /** Firms upstream of the leader (excluding it) and counted links among the subgraph. */
  subgraph: { suppliers: number; links: number };
  /** Every segment provided within the subgraph, with its providers and critical suppliers. */
  segments: {
    chain: string;
    segment: string;
    suppliers: string[];
    /** Suppliers whose loss cuts the leader off from the segment, nearest the leader first. */
    critical: string[];
    /** A direct input of the leader. */
    direct: boolean;
    /** A direct input with exactly one direct supplier. */
    singleSource: boolean;
  }[];
  pointsOfFailure: PointOfFailure[];
  articulationPoints: string[];
  singleSourceSegments: { chain: string; segment: string; supplier: string }[];
  notes: Reason[];
}

/** Options of {@link assessResilience}. */
export interface ResilienceOptions extends ScopeOptions {
  /** Link statuses that carry supply. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
  /** Enterprise statuses of the scope. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
  /** Largest number of single-firm removals simulated (the firms with most buyers first). Default 200. */
  maxSimulations?: number;
}

/** Result of {@link assessResilience}. */
export interface ResilienceSummary {
  scope: { region: string; chain: string | null };
  firms: number;
  /** Firms of the scope with recorded inputs. */
  buyersWithInputs: number;
  /** (buyer, input segment) pairs of the scope's firms, and those with one supplier. */
  inputSegments: number;
  singleSourceInputs: number;
  /** singleSourceInputs / inputSegments; null without inputs. */
  singleSourceShare: number | null;
  /** Declared 链主 of the scope and their single points of failure. */
  leaders: { id: string; pointsOfFailure: number; singleSourceSegments: number }[];
  /** The single-firm removal (among the scope's suppliers) that hurts the scope's firms most. */
  worstRemoval: { enterprise: string; firmsAffected: number; firmEquivalentsLost: number; outputLost: number | null; lostShare: number | null } | null;
  simulations: number;
  reason: Reason;
}
