/**
 * Options and results of supply–demand matchmaking: the score's components (MATCH_COMPONENTS,
 * whose names the types take), one suggested pair, and the result.
 */
import type { EnterpriseStatus, LinkStatus } from '../../model/vocabulary.js';
import type { Reason, ScopeOptions } from '../scope/index.js';

/**
 * Names of the components of a match score.
 *
 * @example
 * MATCH_COMPONENTS.map((c) => result.components.find((x) => x.name === c)!.usedWeight);
 */
export const MATCH_COMPONENTS = ['demand', 'outside', 'capacity', 'colocation'] as const;
export type MatchComponent = (typeof MATCH_COMPONENTS)[number];

/** Options of {@link suggestMatches}. */
export interface MatchOptions extends ScopeOptions {
  /** Number of suggestions returned. Default 20 (`Infinity` for all); a fractional limit is rounded down. */
  limit?: number;
  /** Buyers considered: local ones (default) or any in the dataset. */
  buyers?: 'local' | 'any';
  /** Which existing links exclude a pair: any status (default) or only `active` ones. */
  excludeLinked?: 'any' | 'active';
  /** Weights of the components (missing ones take the default). */
  weights?: Partial<Record<MatchComponent, number>>;
  /** Enterprise statuses considered. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
  /** Link statuses that count as current sourcing (for `outside`). Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
}

/** How a number entered a score: known, imputed by the candidates' median, or unknown everywhere (taken as 1). */
export type MatchBasis = 'known' | 'median' | 'unknown';

/** A segment reference in a result. */
export interface MatchSegment {
  chain: string;
  segment: string;
}

/** One suggested pair. */
export interface MatchSuggestion {
  /** 1 + the number of suggestions with a strictly higher score (ties share a rank). */
  rank: number;
  supplier: string;
  buyer: string;
  /** Segment the supplier operates in. */
  supplierSegment: MatchSegment;
  /** Segment the buyer operates in. */
  buyerSegment: MatchSegment;
  /** The template flow the match rests on. */
  flow: { chain: string; from: string; to: string; coefficient: number | null };
  /** Whether the supplier's or buyer's segment is matched to the flow's through another chain. */
  crossChain: boolean;
  /** Normalised labels the cross-chain segment matches rest on (`电线电缆`). */
  matchedOn: string[];
  buyerLocal: boolean;
  score: number;
  /** Components in [0, 1]; null where not informative. */
  scores: Record<MatchComponent, number | null>;
  demand: {
    /** a × x in 亿元 when both are known, else null. */
    value: number | null;
    /** How the coefficient and the buyer's output entered: known, the candidates' median, or unknown everywhere (taken as 1). */
    coefficient: MatchBasis;
    buyerOutput: MatchBasis;
  };
  buyerOutput: number | null;
  supplierOutput: number | null;
  /** Outside suppliers the buyer now buys this input from. */
  outsideSuppliers: number;
  /** `site`: the same park, or the same zone where no park is recorded; `zone`: the same zone, different parks. */
  colocation: { level: 'site' | 'zone'; region: string } | null;
  reason: Reason;
}

/** How a component entered the score. */
export interface MatchComponentInfo {
  name: MatchComponent;
  weight: number;
  usedWeight: number;
  available: boolean;
  reason: Reason;
}

/** Result of {@link suggestMatches}. */
export interface MatchResult {
  scope: { region: string; chain: string | null };
  buyers: 'local' | 'any';
  /** Distinct (supplier, buyer) pairs found. */
  candidates: number;
  components: MatchComponentInfo[];
  matches: MatchSuggestion[];
  notes: Reason[];
}
