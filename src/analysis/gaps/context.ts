/**
 * What the rules of findGaps read about the chain in the region, gathered once per call by the
 * steps before them (see ./index.ts), and the names the reasons use.
 */
import type { ChainModel } from '../../graph/model.js';
import type { Scratch } from '../../internal/scratch.js';
import type { ResolvedChain } from '../../model/chains.js';
import { ROLES, STAGES } from '../../model/vocabulary.js';
import { applyChainRoles } from '../scope/index.js';
import type { Criticality, SegmentFlows } from './criticality.js';
import type { Feasibility } from './feasibility.js';
import type { Filling } from './filling.js';
import type { SegmentPresence } from './presence.js';
import type { GapSettings } from './settings.js';
import type { SeverityScale } from './severity.js';
import type { SupplyScan } from './supply-links.js';
import type { FindingBase, GapLimitation, SegmentState } from './types.js';

/** Ids and names of the chain's enterprises and segments (segments by position in the chain). */
export interface ChainNames {
  idOf: (e: number) => string;
  nameOf: (e: number) => string;
  segId: (j: number) => string;
  segName: (j: number) => string;
  /** Whether enterprise `e` is a 链主 of the chain (its chainRoles entry, else its overall role). */
  isLeader: (e: number) => boolean;
}

/** Everything the per-segment rules read; `limitations` collects what they cannot compute. */
export interface GapContext {
  model: ChainModel;
  chain: ResolvedChain;
  /** Global index of the chain's first segment. */
  s0: number;
  settings: GapSettings;
  names: ChainNames;
  presence: SegmentPresence;
  flows: SegmentFlows;
  criticality: Criticality;
  feasibility: Feasibility;
  supply: SupplyScan;
  filling: Filling;
  severity: SeverityScale;
  limitations: GapLimitation[];
  /** Per segment position: the concentration of local supply, set by the 短板 rule where computable. */
  concentration: (SegmentState['concentration'] | undefined)[];
}

/** How a finding names its segment: the fields every finding starts with, and the segment in a sentence. */
export interface SegmentLabel {
  base: Pick<FindingBase, 'chain' | 'segment' | 'segmentName' | 'stage'>;
  /** 「name」, for Chinese sentences. */
  quoted: string;
  /** `name (id)`, for English sentences. */
  en: string;
}

/**
 * The names of chain index `c`, with its leaders read into a scratch copy of the roles.
 *
 * @example
 * const names = chainNames(scratch, model, c);
 * names.segName(0); // '钢材'
 */
export function chainNames(scratch: Scratch, model: ChainModel, c: number): ChainNames {
  const ents = model.index.enterprises;
  const chain = model.chains[c]!;
  const leaderCode = ROLES.indexOf('leader');
  const roleCode = applyChainRoles(model, c, scratch.copy(ents.role));
  return {
    idOf: (e) => ents.ids[e]!,
    nameOf: (e) => model.dataset.enterprises[e]!.name,
    segId: (j) => chain.segments[j]!.id,
    segName: (j) => chain.segments[j]!.name,
    isLeader: (e) => roleCode[e] === leaderCode,
  };
}

/**
 * The label of the chain's j-th segment.
 *
 * @example
 * segmentLabel(ctx, 0).quoted; // '「钢材」'
 */
export function segmentLabel(ctx: GapContext, j: number): SegmentLabel {
  const { segId, segName } = ctx.names;
  return {
    base: { chain: ctx.chain.id, segment: segId(j), segmentName: segName(j), stage: STAGES[ctx.model.index.segments.stage[ctx.s0 + j]!]! },
    quoted: `「${segName(j)}」`,
    en: `${segName(j)} (${segId(j)})`,
  };
}
