/**
 * The result and option types of recommendRecruits: the recruitment list's entries (a gap
 * segment and its candidates) and the fit behind each candidate.
 */
import type { EnterpriseStatus } from '../../model/vocabulary.js';
import type { FillingEntry, GapCode, GapOptions, GapsResult } from '../gaps/index.js';
import type { Reason, ScopeOptions } from '../scope/index.js';

/**
 * A firm as recommendRecruits reads it from the reference directory: the fields of the
 * directory's `DirectoryFirm` it uses, declared here so that the main entry never imports the
 * directory (not even its types).
 */
export interface DirectoryFirm {
  id: string;
  name: string;
  shortNames: readonly string[];
  province: string;
  city: string;
  products: readonly string[];
  /** Exchange (`SSE`, `SZSE`, `BSE`, `HKEX`) and stock code. */
  listing?: readonly { exchange: string; code: string }[];
  /** Ownership and recognitions (`央企`, `单项冠军`, `专精特新小巨人`, …). */
  tags: readonly string[];
}

/**
 * What recommendRecruits needs of the reference directory (`industrial-chain/reference`): the
 * module itself satisfies it, so `import * as reference from 'industrial-chain/reference'`
 * and `recommendRecruits(model, { chain, reference })`. Taken as an option so the main entry
 * never loads the directory's data.
 */
export interface RecruitReference {
  /** The directory firms of a segment of a built-in template, in directory order. */
  referenceFirmsFor(template: string, segment: string): readonly DirectoryFirm[];
  /** The directory firm a dataset enterprise is (its name, then its aliases; place names stripped as a fallback), with its group. */
  matchReferenceFirm(
    enterprise: { name: string; aliases?: readonly string[] },
    options?: { places?: readonly string[] },
  ): { firm: string; group: string } | undefined;
  /** The group (top of the `parent` chain) of a directory firm. */
  referenceGroupOf(id: string): DirectoryFirm | undefined;
  /** A directory firm by its id. */
  getReferenceFirm(id: string): DirectoryFirm | undefined;
}

/** Weights of the combined score used when a reference directory is given (normalised to sum 1). */
export interface ScoreWeights {
  fit: number;
  standing: number;
  closeness: number;
  synergy: number;
}

/** The combined score of a candidate (only when a reference directory is given); every part in [0, 1]. */
export interface RecruitScore {
  value: number;
  /** Fit to the gap: 0.5 for operating in the segment, plus 0.5 when a recorded product names one of the segment's products. */
  fit: FitComponent & { productMatches: string[] };
  /** Listing and recognitions recorded in the directory; half the dataset's relative size for a firm the directory lacks. */
  standing: FitComponent & { listed: boolean; tags: string[]; datasetSize: number | null };
  /** Headquarters relative to the region's province. */
  closeness: FitComponent & { basis: 'same-province' | 'neighbouring-province' | 'elsewhere' | 'unknown'; province: string | null };
  /** Local buyers downstream of the segment, and the candidate's own ties to the region. */
  synergy: FitComponent & { downstreamBuyers: string[]; downstreamShare: number; ties: boolean };
}

/** What the reference directory records of a candidate. */
export interface RecruitReferenceFirm {
  firm: string;
  group: string;
  name: string;
  province: string;
  city: string;
  products: string[];
  listing: { exchange: string; code: string }[];
  tags: string[];
}

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
  /**
   * The reference directory (`import * as reference from 'industrial-chain/reference'`): adds
   * its firms of each gap segment as candidates, drops firms whose group already has a local
   * firm in the segment, and ranks every candidate by the combined score. Default none: the
   * dataset's candidates ranked by fit alone.
   */
  reference?: RecruitReference;
  /** Weights of the combined score. Default `{ fit: 0.3, standing: 0.3, closeness: 0.15, synergy: 0.25 }`. */
  scoreWeights?: Partial<ScoreWeights>;
}

/** A fit component. */
export interface FitComponent {
  value: number;
  weight: number;
}

/** An outside enterprise proposed for a gap. */
export interface RecruitCandidate {
  /** Dataset id; null for a directory firm the dataset does not hold. */
  enterprise: string | null;
  name: string;
  /** Dataset region; null for a directory firm the dataset does not hold. */
  region: string | null;
  /** Dataset status; null for a directory firm the dataset does not hold. */
  status: EnterpriseStatus | null;
  /** The ranking number: the fit, or the combined score when a reference directory is given. */
  fit: number;
  /** Where the candidate comes from (absent without a reference directory: always the dataset). */
  source?: 'dataset' | 'reference';
  /** The directory's record, when the candidate is a directory firm. */
  reference?: RecruitReferenceFirm;
  /** The combined score, when a reference directory is given. */
  score?: RecruitScore;
  /** The dataset's fit components; null for a directory firm the dataset does not hold. */
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
  } | null;
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
    /** Weights of the combined score, when a reference directory is given. */
    scoreWeights?: ScoreWeights;
  };
}
