/**
 * The result and option types of recommendRecruits: the recruitment list's entries (a gap
 * segment and its candidates) and the fit behind each candidate.
 */
import type { EnterpriseStatus } from '../../model/vocabulary.js';
import type { FillingEntry, GapCode, GapOptions, GapsResult } from '../gaps/index.js';
import type { Reason, ScopeOptions } from '../scope/index.js';

/** Weights of the fit components (normalised to sum 1). */
export interface FitWeights {
  substitution: number;
  size: number;
  relatedness: number;
}

/** Options of {@link recommendRecruits}. */
export interface RecruitOptions extends ScopeOptions {
  /** The chain (required). */
  chain: string;
  /** Candidates listed per gap. Default 5. */
  limit?: number;
  /** Gaps computed beforehand by {@link findGaps} for the same chain and region. Default: computed. */
  gaps?: GapsResult;
  /** Options passed to {@link findGaps} when `gaps` is not given. */
  gapOptions?: Omit<GapOptions, 'chain' | 'region'>;
  /** Finding kinds that put a segment on the list. Default: all. */
  codes?: readonly GapCode[];
  /** Fit weights. Default `{ substitution: 0.5, size: 0.3, relatedness: 0.2 }`. */
  weights?: Partial<FitWeights>;
  /** Statuses of outside enterprises that may be candidates. Default: all but `closed`. */
  candidateStatuses?: readonly EnterpriseStatus[];
}

/** A fit component. */
export interface FitComponent {
  value: number;
  weight: number;
}

/** An outside enterprise proposed for a gap. */
export interface RecruitCandidate {
  enterprise: string;
  name: string;
  region: string;
  status: EnterpriseStatus;
  fit: number;
  components: {
    substitution: FitComponent & {
      basis: 'value' | 'count';
      /** Local buyers it supplies with the segment's product. */
      localBuyers: string[];
      links: number;
      /** Known value of those links, 亿元. */
      linkValue: number;
      linksWithoutValue: number;
    };
    size: FitComponent & { basis: 'output' | 'employees' | 'unknown'; output: number | null; employees: number | null };
    relatedness: FitComponent & {
      /** Its other segments (`chain/segment`) present in the region. */
      sharedSegments: string[];
      otherSegments: number;
    };
  };
  /** Local firms it already trades with in either direction (any chain); breaks ties in fit. */
  localPartners: string[];
  /** Local firms of the same group (its subsidiaries, or its parent); also break ties in fit. */
  localAffiliates: string[];
  reason: Reason;
}

/** One line of the recruitment list: a gap segment and its candidates. */
export interface RecruitEntry {
  chain: string;
  segment: string;
  segmentName: string;
  /** Kinds of gap found in the segment, in ranking order. */
  gaps: GapCode[];
  /** Highest severity among them. */
  severity: number;
  beingFilledBy: FillingEntry[];
  plannedProjects: FillingEntry[];
  candidates: RecruitCandidate[];
  /** Candidates found before `limit`. */
  candidatesTotal: number;
  reason: Reason;
}

/** Result of {@link recommendRecruits}. */
export interface RecruitsResult {
  chain: string;
  region: string;
  entries: RecruitEntry[];
  summary: { gaps: number; withCandidates: number; withoutCandidates: number; candidates: number };
  assumptions: {
    limit: number;
    weights: FitWeights;
    candidateStatuses: EnterpriseStatus[];
    codes: GapCode[];
    gaps: GapsResult['assumptions'];
  };
}
