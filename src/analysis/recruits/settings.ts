/**
 * Step 1 of recommendRecruits: the options with their documented defaults, checked, and the
 * gaps the list is built on (computed by findGaps unless given for the same chain and region).
 */
import type { ChainModel } from '../../graph/model.js';
import { ChainError } from '../../model/issues.js';
import { ENTERPRISE_STATUSES, LINK_STATUSES, type EnterpriseStatus } from '../../model/vocabulary.js';
import { findGaps, GAP_CODES, normaliseWeights, type GapCode, type GapsResult } from '../gaps/index.js';
import type { ResolvedScope } from '../scope/index.js';
import type { FitWeights, RecruitOptions, RecruitReference, ScoreWeights } from './types.js';

const DEFAULT_WEIGHTS: FitWeights = { substitution: 0.5, size: 0.3, relatedness: 0.2 };
const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { fit: 0.3, standing: 0.3, closeness: 0.15, synergy: 0.25 };
const ALL_CODES: readonly GapCode[] = GAP_CODES;

/** The options of recommendRecruits with defaults applied, the gaps, and the statuses as flags by status code. */
export interface RecruitSettings {
  limit: number;
  gaps: GapsResult;
  /** Normalised to sum 1. */
  weights: FitWeights;
  codes: GapCode[];
  candidateStatuses: EnterpriseStatus[];
  /** 1 at the index (into ENTERPRISE_STATUSES) of each candidate status. */
  candidateCode: Uint8Array;
  /** 1 at the index of each status the gaps counted as present. */
  presentCode: Uint8Array;
  /** 1 at the index (into LINK_STATUSES) of each link status the gaps counted. */
  linkCode: Uint8Array;
  /** The reference directory, when given. */
  reference?: RecruitReference;
  /** Weights of the combined score, normalised. */
  scoreWeights: ScoreWeights;
}

/**
 * The settings of one recommendRecruits call in `scope`: defaults applied, every value checked
 * (a ChainError `invalid_argument` names the option), the gaps found or checked.
 *
 * @example
 * recruitSettings(model, { chain: 'wind-power' }, scope).limit; // 5
 */
export function recruitSettings(model: ChainModel, options: RecruitOptions, scope: ResolvedScope): RecruitSettings {
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 0)
    throw new ChainError('invalid_argument', `limit must be an integer ≥ 0, got ${limit}`, { limit });
  const gaps = options.gaps ?? findGaps(model, { ...options.gapOptions, chain: options.chain, region: scope.region });
  if (gaps.chain !== scope.chain || gaps.region !== scope.region)
    throw new ChainError('invalid_argument', `the gaps given are for chain "${gaps.chain}" in region "${gaps.region}", not "${scope.chain}" in "${scope.region}"`, {
      gaps: { chain: gaps.chain, region: gaps.region },
    });
  const weights = normaliseWeights({ ...DEFAULT_WEIGHTS, ...options.weights }, 'weights');
  const codes = [...(options.codes ?? ALL_CODES)];
  for (const code of codes)
    if (!ALL_CODES.includes(code)) throw new ChainError('invalid_argument', `unknown gap code "${code}"`, { code, valid: ALL_CODES });
  const candidateStatuses = [...(options.candidateStatuses ?? ENTERPRISE_STATUSES.filter((s) => s !== 'closed'))] as EnterpriseStatus[];
  const candidateCode = new Uint8Array(ENTERPRISE_STATUSES.length);
  for (const s of candidateStatuses) {
    const i = ENTERPRISE_STATUSES.indexOf(s);
    if (i < 0) throw new ChainError('invalid_argument', `unknown enterprise status "${s}"`, { status: s, valid: ENTERPRISE_STATUSES });
    candidateCode[i] = 1;
  }
  const presentCode = new Uint8Array(ENTERPRISE_STATUSES.length);
  for (const s of gaps.assumptions.presentStatuses) presentCode[ENTERPRISE_STATUSES.indexOf(s)] = 1;
  const linkCode = new Uint8Array(LINK_STATUSES.length);
  for (const s of gaps.assumptions.linkStatuses) linkCode[LINK_STATUSES.indexOf(s)] = 1;
  const scoreWeights = normaliseWeights({ ...DEFAULT_SCORE_WEIGHTS, ...options.scoreWeights }, 'scoreWeights');
  const settings: RecruitSettings = { limit, gaps, weights, codes, candidateStatuses, candidateCode, presentCode, linkCode, scoreWeights };
  if (options.reference !== undefined) settings.reference = options.reference;
  return settings;
}
