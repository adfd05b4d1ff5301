/**
 * Step 7b of recommendRecruits, only when a reference directory is given: the candidates of a
 * gap segment from both sources — the dataset's outside firms and the directory's firms of the
 * segment — without any firm whose group already has a local present firm in the segment (by
 * the directory's name matching and the dataset's `parent`), a directory firm the dataset holds
 * listed once (as the dataset's, with the directory's record), scored by ./score.ts and ranked.
 * Each reason is built only from recorded fields.
 */
import type { ResolvedChain } from '../../model/chains.js';
import { recruitCandidate, datasetReasonParts } from './candidate.js';
import type { RecruitContext } from './context.js';
import type { FitRanking, ScoredCandidate } from './fit.js';
import { downstreamBuyers, groupsPresentIn, provinceOfRegion, type ReferenceSide } from './reference.js';
import { scoreParts } from './score.js';
import type { DirectoryFirm, RecruitCandidate, RecruitReferenceFirm } from './types.js';
import { scoreReasonParts } from './score-reason.js';

type Segment = ResolvedChain['segments'][number];
interface Pooled {
  sc: ScoredCandidate | undefined;
  firm: DirectoryFirm | undefined;
  order: number;
  ties: number;
  localGroup: number[];
}

/**
 * The ranked candidates of gap segment `segment` (index `j` in the chain) from the dataset's
 * ranking and the directory, and how many there were before the limit.
 *
 * @example
 * combinedCandidates(ctx, segment, j, ranking).candidates[0].source; // 'reference'
 */
export function combinedCandidates(ctx: RecruitContext, segment: Segment, j: number, ranking: FitRanking): { candidates: RecruitCandidate[]; total: number } {
  const side = ctx.reference!;
  const { model, chain, s0, local } = ctx;
  const s = s0 + j;
  const present = groupsPresentIn(model, side, local, s);
  const pool: Pooled[] = [];
  const taken = new Set<string>();
  for (const sc of ranking.scored) {
    const e = sc.x.e;
    const group = side.groupOf(e);
    if (group !== undefined && present.has(group)) continue;
    if (sc.x.affiliates.some((a) => operatesIn(ctx, a, s))) continue;
    const id = side.firmOf(e);
    const firm = id === undefined ? undefined : side.directory.getReferenceFirm(id);
    if (firm) taken.add(firm.id);
    const localGroup = group === undefined ? [] : (side.localGroups.get(group) ?? []);
    const ties = sc.x.partners.length + new Set([...sc.x.affiliates, ...localGroup]).size + (sc.x.links > 0 ? 1 : 0);
    pool.push({ sc, firm, order: sc.x.e, ties, localGroup });
  }
  const fromDirectory = chain.template !== undefined && j < chain.templateSegmentCount ? side.directory.referenceFirmsFor(chain.template, segment.id) : [];
  fromDirectory.forEach((firm, k) => {
    const group = side.directory.referenceGroupOf(firm.id)?.id ?? firm.id;
    if (taken.has(firm.id) || present.has(group)) return;
    const localGroup = side.localGroups.get(group) ?? [];
    pool.push({ sc: undefined, firm, order: k, ties: localGroup.length, localGroup });
  });
  const downstream = downstreamBuyers(model, chain, s0, local, segment.id);
  const scored = pool.map((c) => ({ c, parts: scoreOf(ctx, side, segment, ranking, downstream.share, c) }));
  scored.sort(
    (a, b) =>
      b.parts.value - a.parts.value || b.c.ties - a.c.ties || (a.c.sc ? 0 : 1) - (b.c.sc ? 0 : 1) || a.c.order - b.c.order,
  );
  const candidates = scored
    .slice(0, ctx.settings.limit)
    .map(({ c, parts }) => combinedCandidate(ctx, segment, ranking, c, parts, downstream));
  return { candidates, total: pool.length };
}

/** Whether dataset enterprise `e` operates in global segment `s`. */
function operatesIn(ctx: RecruitContext, e: number, s: number): boolean {
  const { offsets, items } = ctx.model.index.enterprises.segments;
  for (let q = offsets[e]!; q < offsets[e + 1]!; q++) if (items[q] === s) return true;
  return false;
}

function scoreOf(ctx: RecruitContext, side: ReferenceSide, segment: Segment, ranking: FitRanking, share: number, c: Pooled) {
  const { model, chain } = ctx;
  const activity = c.sc ? model.dataset.enterprises[c.sc.x.e]!.segments.find((a) => a.chain === chain.id && a.segment === segment.id) : undefined;
  const products = [...(activity?.products ?? []), ...(c.firm?.products ?? [])];
  const province = c.sc ? provinceOfRegion(model, model.index.enterprises.region[c.sc.x.e]!) : (c.firm?.province ?? null);
  const parts = scoreParts(
    { products, firm: c.firm, datasetSize: datasetSizeOf(ranking, c.sc), province, ties: c.ties > 0 },
    segment.products ?? [],
    side.homeProvince,
    share,
    ctx.settings.scoreWeights,
  );
  return { ...parts, province, datasetSize: datasetSizeOf(ranking, c.sc) };
}

/** A dataset candidate's relative size (./fit.ts) when its output or employees are recorded on the gap's basis; null when unknown or a directory-only firm. */
function datasetSizeOf(ranking: FitRanking, sc: ScoredCandidate | undefined): number | null {
  if (!sc) return null;
  const basis = ranking.sizeBasis === 'output' ? ranking.outputs : ranking.sizeBasis === 'employees' ? ranking.employees : undefined;
  return basis !== undefined && Number.isFinite(basis[sc.i]!) ? sc.size : null;
}

function combinedCandidate(
  ctx: RecruitContext,
  segment: Segment,
  ranking: FitRanking,
  c: Pooled,
  parts: ReturnType<typeof scoreOf>,
  downstream: { buyers: number[]; share: number },
): RecruitCandidate {
  const { model } = ctx;
  const w = ctx.settings.scoreWeights;
  const base: RecruitCandidate = c.sc
    ? recruitCandidate(ctx, segment, ranking, c.sc)
    : { enterprise: null, name: c.firm!.name, region: null, status: null, fit: 0, components: null, localPartners: [], localAffiliates: [], reason: { zh: '', en: '' } };
  const ids = model.index.enterprises.ids;
  const firm = c.firm;
  const reference: RecruitReferenceFirm | undefined = firm && {
    firm: firm.id,
    group: ctx.reference!.directory.referenceGroupOf(firm.id)?.id ?? firm.id,
    name: firm.name,
    province: firm.province,
    city: firm.city,
    products: [...firm.products],
    listing: (firm.listing ?? []).map((l) => ({ ...l })),
    tags: [...firm.tags],
  };
  const opening = c.sc
    ? datasetReasonParts(ctx, segment, c.sc.x, finite(ranking.outputs[c.sc.i]!), finite(ranking.employees[c.sc.i]!))
    : openingOf(firm!, segment);
  const more = scoreReasonParts(model, { ...parts, firm, downstream: downstream.buyers, localGroup: c.localGroup, province: parts.province, city: c.sc ? null : (firm?.city ?? null) });
  const zh = [...opening.zh, ...more.zh];
  const en = [...opening.en, ...more.en];
  return {
    ...base,
    localAffiliates: [...new Set([...base.localAffiliates, ...c.localGroup.map((e) => ids[e]!)])].sort(),
    fit: parts.value,
    source: c.sc ? 'dataset' : 'reference',
    ...(reference ? { reference } : {}),
    score: {
      value: parts.value,
      fit: { value: parts.fit, weight: round4(w.fit), productMatches: parts.productMatches },
      standing: { value: round4(parts.standing), weight: round4(w.standing), listed: parts.listed, tags: [...(firm?.tags ?? [])], datasetSize: parts.datasetSize === null ? null : round4(parts.datasetSize) },
      closeness: { value: parts.closeness.value, weight: round4(w.closeness), basis: parts.closeness.basis, province: parts.province },
      synergy: { value: round4(parts.synergy), weight: round4(w.synergy), downstreamBuyers: downstream.buyers.map((e) => ids[e]!), downstreamShare: round4(downstream.share), ties: c.ties > 0 },
    },
    reason: { zh: `${zh.join('；')}。综合得分${parts.value}。`, en: `${en.join('; ')}. Score ${parts.value}.` },
  };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** The opening of a directory firm's reason: its short name, registered name, headquarters, segment. */
function openingOf(firm: DirectoryFirm, segment: Segment): { zh: string[]; en: string[] } {
  const short = firm.shortNames[0] ?? firm.name;
  const place = firm.city === firm.province ? firm.province : `${firm.province}${firm.city}`;
  return {
    zh: [`${short}（${firm.name}，总部${place}）经营「${segment.name}」环节（参考名录）`],
    en: [`${short} (${firm.name}, headquarters ${place}) operates in ${segment.name} (${segment.id}) according to the reference directory`],
  };
}
