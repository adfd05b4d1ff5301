/**
 * What the per-segment steps of recommendRecruits read, gathered once per call by the steps
 * before them (see ./index.ts).
 */
import type { ChainModel } from '../../graph/model.js';
import type { ResolvedChain } from '../../model/chains.js';
import type { CandidateLinks } from './candidate-links.js';
import type { LocalSide } from './local.js';
import type { ReferenceSide } from './reference.js';
import type { RecruitSettings } from './settings.js';

/** Everything the per-segment steps read. */
export interface RecruitContext {
  model: ChainModel;
  chain: ResolvedChain;
  /** Global index of the chain's first segment. */
  s0: number;
  settings: RecruitSettings;
  local: LocalSide;
  links: CandidateLinks;
  /** The directory's view of the region, when a reference directory is given. */
  reference?: ReferenceSide;
}
