/**
 * The recruitment list (招商清单, 产业链精准招商): for each gap of a chain in a region, the
 * enterprises outside the region that operate in the gap segment, ranked by how well they fit.
 *
 * Method, in the order of {@link recommendRecruits}'s steps (each in a file of its own):
 * 1. Settings (./settings.ts): options with their defaults, checked; gaps come from
 *    findGaps (../gaps/index.ts), or are passed in for the same chain and region.
 * 2. The region's side (./local.ts): local and local present firms (the statuses the gaps
 *    counted), the segments of any chain present in the region, local firms by parent group.
 * 3. Gap segments (./gap-segments.ts), in the order of their most severe finding; their
 *    candidates are every enterprise of the segment (segment → enterprises CSR) located outside
 *    the region and with a candidate status (default: any but 关停 closed).
 * 4. Supply links (./candidate-links.ts): what each candidate already sends to local buyers of
 *    the segment's product, and whom it trades with locally.
 * 5. Facts per candidate (./facts.ts).
 * 6. Fit (./fit.ts): fit = w_s·substitution + w_z·size + w_r·relatedness (weights normalised;
 *    default 0.5 / 0.3 / 0.2).
 *    - substitution: the candidate already supplies local buyers with the segment's product from
 *      outside — a local plant would substitute that flow. Value of those links over the largest
 *      among the gap's candidates when every such link has a value (basis "value"), else the
 *      number of links over the largest number (basis "count").
 *    - size: output over the largest output among the gap's candidates (basis "output") when any
 *      candidate's output is known, else employees likewise; unknown size scores 0 and is said.
 *    - relatedness: the share of the candidate's other segments (any chain) that are present in
 *      the region — a firm that already works in segments the region has knows the local chain
 *      (the firm-level reading of relatedness: Neffke, Henning & Boschma 2011, "How do regions
 *      diversify over time?", Economic Geography 87: 237–265).
 *    Candidates are sorted by fit (rounded to 4 decimals) descending, then by the number of local
 *    firms they already trade with (either direction, any chain) or share a group with
 *    (`parent`), then dataset order. These ties are reported (`localPartners`,
 *    `localAffiliates`) but do not enter the fit.
 * 7. The list (./candidate.ts, ./entry.ts): the best `limit` candidates of each gap segment, each
 *    with its reason; a gap with no candidate says so and names the segment's products to search for.
 *
 * With a reference directory (`options.reference`, e.g. the `industrial-chain/reference` module,
 * passed in so that this entry never loads its data), steps 2, 6 and 7 widen:
 * 2b. (./reference.ts) every dataset firm is recognised as a directory firm by the directory's
 *    own name matching (`matchReferenceFirm`: name, then aliases, the region's place names
 *    stripped as a fallback) or through its dataset `parent`; a local present firm makes its
 *    directory group present in the segments it operates in.
 * 6b. (./combined.ts, ./score.ts) the candidates of a gap segment are the dataset's (as above)
 *    and the directory's firms of the segment (template segments only), less every firm whose
 *    group has a local present firm in the segment (its plant is already there); a directory
 *    firm the dataset holds is listed once, as the dataset's with the directory's record. Each is
 *    scored score = 0.3·fit + 0.3·standing + 0.15·closeness + 0.25·synergy (weights normalised,
 *    `scoreWeights`), every part in [0, 1]:
 *    - fit to the gap: 0.5 for operating in the segment + 0.5 when a recorded product names one
 *      of the segment's products;
 *    - standing: min(1, 0.5·listed + 0.25 for each of 央企, 单项冠军, 专精特新小巨人) as recorded
 *      in the directory, or half the dataset's relative size when that is more;
 *    - closeness (./provinces.ts): headquarters in the region's province 1, a neighbouring
 *      province 0.5, elsewhere 0 — distance deters branch plants (Head & Mayer 2014, "Gravity
 *      equations", Handbook of International Economics 4: 131–195);
 *    - synergy: 0.5·(share of the segments the gap segment flows into that have a local present
 *      buyer) + 0.5 when the firm is already tied to the region (supplies local buyers, trades
 *      with local firms, or has a local group company) — local demand draws suppliers
 *      (backward linkages: Hirschman 1958, The Strategy of Economic Development, ch. 6).
 *    Ranked by score descending, then local ties, then dataset before directory, then their order.
 * 7b. (./score-reason.ts) each reason names only recorded fields: listing and tags, the matching
 *    products, the headquarters province, the local buyers downstream, the local group firms.
 *
 * Assumptions: the dataset lists the outside firms a planner knows of; the directory's
 * headquarters stand for where a firm decides on new plants.
 *
 * Cost is linear: one sequential pass over the supply links for every candidate at once, plus
 * the enterprises of the gap segments; no pairs of firms are formed. The typed arrays over the
 * enterprises, the (firm, segment) activities and the candidates' partners are taken from the
 * model's scratch arena (../../internal/scratch.ts): calls after the first allocate none.
 */
import type { ChainModel } from '../../graph/model.js';
import { round } from '../../internal/format.js';
import { withScratch, type Scratch } from '../../internal/scratch.js';
import { resolveScope } from '../scope/index.js';
import { scanCandidateLinks } from './candidate-links.js';
import type { RecruitContext } from './context.js';
import { recruitEntry } from './entry.js';
import { gapSegments, markCandidates } from './gap-segments.js';
import { localSide } from './local.js';
import { referenceSide } from './reference.js';
import { recruitSettings } from './settings.js';
import type { RecruitEntry, RecruitOptions, RecruitsResult, ScoreWeights } from './types.js';

export type {
  DirectoryFirm,
  FitComponent,
  FitWeights,
  RecruitCandidate,
  RecruitEntry,
  RecruitOptions,
  RecruitReference,
  RecruitReferenceFirm,
  RecruitScore,
  RecruitsResult,
  ScoreWeights,
} from './types.js';

/**
 * Builds the recruitment list (招商清单) of a chain in a region: for each gap segment, outside
 * enterprises that operate in it, ranked by fit (substitution of flows they already send to
 * local buyers, size, relatedness to what the region has), each with its reason. A gap with no
 * candidate in the data has `candidates: []` and a reason telling the planner what to look for.
 *
 * @example
 * const list = recommendRecruits(model, { chain: 'photovoltaic', region: 'jiuquan', limit: 3 });
 * list.entries[0];
 * // → { segment: 'pv-plant', gaps: ['extension_opportunity', 'missing_segment'],
 * //     candidates: [{ enterprise: 'chint-new-energy', fit: 0.2, localPartners: ['tongfengyuan-pile', …], … }], … }
 */
export function recommendRecruits(model: ChainModel, options: RecruitOptions): RecruitsResult {
  return withScratch(model, (scratch) => recruitsWith(scratch, model, options));
}

/** {@link recommendRecruits} with its temporary arrays taken from `scratch` (valid for the call only): the steps in order. */
function recruitsWith(scratch: Scratch, model: ChainModel, options: RecruitOptions): RecruitsResult {
  const scope = resolveScope(model, options, true);
  const settings = recruitSettings(model, options, scope);
  const c = scope.chainIndex!;
  const s0 = model.index.segments.chainStart[c]!;
  const s1 = model.index.segments.chainStart[c + 1]!;
  const chain = model.chains[c]!;
  const local = localSide(scratch, model, scope.regionIndex, settings.presentCode);
  const { order, bySegment } = gapSegments(settings.gaps, settings.codes);
  const isGapSegment = markCandidates(model, chain, s0, order, local.flags, settings.candidateCode);
  const links = scanCandidateLinks(scratch, model, s0, s1, settings.linkCode, local.flags, isGapSegment);
  const ctx: RecruitContext = { model, chain, s0, settings, local, links };
  if (settings.reference) ctx.reference = referenceSide(model, scope.regionIndex, local, settings.reference);
  const entries = order.map((segmentId) => recruitEntry(ctx, segmentId, bySegment.get(segmentId)!));
  return recruitsResult(ctx, scope.region, entries);
}

const scoreWeightsOf = (w: ScoreWeights): ScoreWeights => ({
  fit: round(w.fit, 6),
  standing: round(w.standing, 6),
  closeness: round(w.closeness, 6),
  synergy: round(w.synergy, 6),
});

/** The result: the entries, a summary and the assumptions used (those of the gaps too). */
function recruitsResult({ chain, settings }: RecruitContext, region: string, entries: RecruitEntry[]): RecruitsResult {
  const { weights } = settings;
  return {
    chain: chain.id,
    region,
    entries,
    summary: {
      gaps: entries.length,
      withCandidates: entries.filter((e) => e.candidatesTotal > 0).length,
      withoutCandidates: entries.filter((e) => e.candidatesTotal === 0).length,
      candidates: entries.reduce((a, e) => a + e.candidates.length, 0),
    },
    assumptions: {
      limit: settings.limit,
      weights: { substitution: round(weights.substitution, 6), size: round(weights.size, 6), relatedness: round(weights.relatedness, 6) },
      candidateStatuses: settings.candidateStatuses,
      codes: settings.codes,
      gaps: settings.gaps.assumptions,
      ...(settings.reference ? { scoreWeights: scoreWeightsOf(settings.scoreWeights) } : {}),
    },
  };
}
