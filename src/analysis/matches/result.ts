/**
 * Result assembly: each pair kept with its numbers (the via it rests on, the demand and its
 * basis, outputs, outside sourcing, co-location), its components and a reason in Chinese and
 * English; competition ranks; and the notes on components left out.
 */
import type { ChainModel } from '../../graph/model.js';
import { formatYi, round } from '../../internal/format.js';
import type { Reason } from '../scope/index.js';
import type { Vias } from './candidates.js';
import type { OutsideSourcing } from './outside.js';
import type { Scales } from './scales.js';
import { colocationValue, type Tables } from './tables.js';
import type { FoundPair } from './top-pairs.js';
import { MATCH_COMPONENTS, type MatchBasis, type MatchComponent, type MatchComponentInfo, type MatchSegment, type MatchSuggestion } from './types.js';
import { COMPONENT_LABELS as LABEL } from './weights.js';

/** The raw numbers of one candidate pair through one flow. */
interface Raw {
  via: Via;
  demand: number;
  demandValue: number | null;
  coefficient: MatchBasis;
  buyerOutput: MatchBasis;
  outside: number;
  capacity: number;
  colocation: MatchSuggestion['colocation'];
}

/** A candidate through one flow. */
interface Via {
  supplier: number;
  buyer: number;
  flow: number;
  /** Supplier's and buyer's own segments. */
  s: number;
  t: number;
  /** Labels of the supplier-side and buyer-side equivalences, null when direct. */
  sLabel: string | null;
  tLabel: string | null;
}

/** What the suggestions are assembled from. */
export interface Assembly {
  model: ChainModel;
  t: Tables;
  vias: Vias;
  scales: Scales;
  outside: OutsideSourcing;
  used: Record<MatchComponent, number>;
  buyerMode: 'local' | 'any';
}

/**
 * The suggestions of the pairs kept (best first), ranked by competition ranking: equal scores
 * share a rank.
 *
 * @example
 * const matches = suggestionsOf(assembly, searchPairs(s, t, found, scoring));
 */
export function suggestionsOf(inp: Assembly, best: FoundPair[]): MatchSuggestion[] {
  // competition ranking: equal scores share a rank
  const ranks = best.map(() => 0);
  best.forEach((x, i) => {
    ranks[i] = i > 0 && best[i - 1]!.score <= x.score + 1e-12 ? ranks[i - 1]! : i + 1;
  });
  return best.map((found, i) => suggestion(inp, found, ranks[i]!));
}

/** The numbers of a pair kept, as its suggestion reports them. */
function materialize(inp: Assembly, found: FoundPair) {
  const { t, vias, outside, used } = inp;
  const { equivalents, output } = t;
  const { flows } = inp.model.index;
  const { coefficientBasis, outputBasis, capacityOf, capacityScore, maxDemand } = inp.scales;
  const v = found.via;
  const via: Via = {
    supplier: found.supplier,
    buyer: found.buyer,
    flow: vias.flow[v]!,
    s: vias.s[v]!,
    t: vias.t[v]!,
    sLabel: vias.sLabel[v]! < 0 ? null : equivalents.labels[vias.sLabel[v]!]!,
    tLabel: vias.tLabel[v]! < 0 ? null : equivalents.labels[vias.tLabel[v]!]!,
  };
  const a = flows.coefficient[via.flow]!;
  const x = output[via.buyer]!;
  const colocation = colocationOf(inp, via.supplier, via.buyer);
  const raw: Raw = {
    via,
    demand: found.demand,
    demandValue: !Number.isNaN(a) && !Number.isNaN(x) ? a * x : null,
    coefficient: coefficientBasis(via.flow),
    buyerOutput: outputBasis(via.buyer),
    outside: outside.count(via.buyer, via.flow) > 0 ? 1 : 0,
    capacity: capacityOf(via.supplier),
    colocation,
  };
  const values: Record<MatchComponent, number> = {
    demand: maxDemand > 0 ? found.demand / maxDemand : 0,
    outside: raw.outside,
    capacity: capacityScore(via.supplier),
    colocation: colocationValue(t, via.supplier, via.buyer),
  };
  const scores = {} as Record<MatchComponent, number | null>;
  for (const c of MATCH_COMPONENTS) scores[c] = used[c] > 0 ? values[c] : null;
  return { raw, score: found.score, scores };
}

/** The co-location of a pair as reported: the shared site (park, or zone node) or zone, else null. */
function colocationOf(inp: Assembly, a: number, b: number): MatchSuggestion['colocation'] {
  const { siteKey, zoneKey } = inp.t;
  const { regions } = inp.model.index;
  if (siteKey[a]! >= 0 && siteKey[a] === siteKey[b]) return { level: 'site', region: regions.ids[siteKey[a]!]! };
  if (zoneKey[a]! >= 0 && zoneKey[a] === zoneKey[b]) return { level: 'zone', region: regions.ids[zoneKey[a]!]! };
  return null;
}

/** One suggestion: the pair, its flow and segments, its numbers and components, and its reason. */
function suggestion(inp: Assembly, found: FoundPair, rank: number): MatchSuggestion {
  const { model, t, outside } = inp;
  const { output, local } = t;
  const { flows, segments, enterprises } = model.index;
  const ids = enterprises.ids;
  const segRef = (s: number) => segmentRef(model, s);
  const outsideCount = (buyer: number, flow: number) => outside.count(buyer, flow);
  const x = materialize(inp, found);
  const { via } = x.raw;
  const f = via.flow;
  const coefficient = Number.isNaN(flows.coefficient[f]!) ? null : flows.coefficient[f]!;
  const buyerOutput = Number.isNaN(output[via.buyer]!) ? null : output[via.buyer]!;
  const supplierOutput = Number.isNaN(output[via.supplier]!) ? null : output[via.supplier]!;
  const outsideSuppliers = outsideCount(via.buyer, f);
  const flowChain = model.index.chains.ids[segments.chain[flows.from[f]!]!]!;
  const from = segRef(flows.from[f]!);
  const to = segRef(flows.to[f]!);
  const matchedOn = [via.sLabel, via.tLabel].filter((l): l is string => l !== null);
  const crossChain = matchedOn.length > 0;
  const text = suggestionReason(inp, x, { coefficient, buyerOutput, supplierOutput, outsideSuppliers, flowChain, from, to, matchedOn, crossChain });
  return {
    rank,
    supplier: ids[via.supplier]!,
    buyer: ids[via.buyer]!,
    supplierSegment: segRef(via.s),
    buyerSegment: segRef(via.t),
    flow: { chain: flowChain, from: from.segment, to: to.segment, coefficient },
    crossChain,
    matchedOn,
    buyerLocal: local[via.buyer] === 1,
    score: x.score,
    scores: x.scores,
    demand: { value: x.raw.demandValue, coefficient: x.raw.coefficient, buyerOutput: x.raw.buyerOutput },
    buyerOutput,
    supplierOutput,
    outsideSuppliers,
    colocation: x.raw.colocation,
    reason: text,
  };
}

/** What a suggestion's reason says, besides the pair and its via. */
interface ReasonNumbers {
  coefficient: number | null;
  buyerOutput: number | null;
  supplierOutput: number | null;
  outsideSuppliers: number;
  flowChain: string;
  from: MatchSegment;
  to: MatchSegment;
  matchedOn: string[];
  crossChain: boolean;
}

/** The reason of a suggestion, in Chinese and English, from its numbers. */
function suggestionReason(inp: Assembly, x: ReturnType<typeof materialize>, n: ReasonNumbers): Reason {
  const { model, buyerMode } = inp;
  const { local } = inp.t;
  const { flows, segments, regions, enterprises } = model.index;
  const ids = enterprises.ids;
  const { via } = x.raw;
  const f = via.flow;
  const { coefficient, buyerOutput, supplierOutput, outsideSuppliers, flowChain, from, to, matchedOn, crossChain } = n;
  const nameOf = (e: number) => model.dataset.enterprises[e]!.name;
  const segName = (s: number) => segmentName(model, s);
  const zh: string[] = [];
  const en: string[] = [];
  zh.push(`${nameOf(via.supplier)}（${segName(via.s)}）可向${nameOf(via.buyer)}（${segName(via.t)}）供货`);
  en.push(`${ids[via.supplier]} (${segments.keys[via.s]}) could supply ${ids[via.buyer]} (${segments.keys[via.t]})`);
  zh.push(`依据 ${flowChain} 链模板流向 ${segName(flows.from[f]!)}→${segName(flows.to[f]!)}${coefficient === null ? '（投入系数未知）' : `（投入系数 ${round(coefficient, 4)}）`}${crossChain ? `，跨链按同类产品匹配（${matchedOn.join('、')}）` : ''}`);
  en.push(`by the ${flowChain} template flow ${from.segment} → ${to.segment}${coefficient === null ? ' (coefficient unknown)' : ` (coefficient ${round(coefficient, 4)})`}${crossChain ? `, matched across chains as the same product (${matchedOn.join(', ')})` : ''}`);
  if (x.raw.demandValue !== null) {
    zh.push(`买方产值 ${formatYi(buyerOutput!, 'zh')}，估计需求 ${formatYi(x.raw.demandValue, 'zh')}`);
    en.push(`buyer output ${formatYi(buyerOutput!, 'en')}, estimated demand ${formatYi(x.raw.demandValue, 'en')}`);
  } else {
    zh.push('买方产值未知');
    en.push('buyer output unknown');
  }
  if (outsideSuppliers > 0) {
    zh.push(`买方现从外地 ${outsideSuppliers} 家企业采购该投入`);
    en.push(`the buyer now buys this input from ${outsideSuppliers} outside supplier(s)`);
  }
  if (supplierOutput !== null) {
    zh.push(`供方产值 ${formatYi(supplierOutput, 'zh')}`);
    en.push(`supplier output ${formatYi(supplierOutput, 'en')}`);
  }
  if (x.raw.colocation) {
    const regionName = model.dataset.regions[regions.byId.get(x.raw.colocation.region)!]!.name;
    zh.push(x.raw.colocation.level === 'site' ? `双方同在${regionName}` : `双方同在${regionName}（不同园区）`);
    en.push(x.raw.colocation.level === 'site' ? `both in ${x.raw.colocation.region}` : `both in zone ${x.raw.colocation.region} (different parks)`);
  }
  if (buyerMode === 'any' && !local[via.buyer]) {
    zh.push('买方在本地以外');
    en.push('the buyer is outside the region');
  }
  return { zh: `${zh.join('；')}。得分 ${round(x.score, 3)}。`, en: `${en.join('; ')}. Score ${round(x.score, 3)}.` };
}

/** A segment's chain and segment ids, from its key (`chain/segment`). */
function segmentRef(model: ChainModel, s: number): MatchSegment {
  const [chain, segment] = splitKey(model.index.segments.keys[s]!);
  return { chain, segment };
}

/** A segment's name in its chain's template. */
function segmentName(model: ChainModel, s: number): string {
  const { segments } = model.index;
  const c = segments.chain[s]!;
  return model.chains[c]!.segments[s - segments.chainStart[c]!]!.name;
}

/**
 * The notes of a result: why there is no candidate, or which components were left out and how
 * the others were re-weighted.
 *
 * @example
 * matchNotes(infos, candidates); // [] when every component is used
 */
export function matchNotes(infos: MatchComponentInfo[], candidates: number): Reason[] {
const notes: Reason[] = [];
const unused = infos.filter((c) => !c.available);
if (candidates === 0) {
  notes.push({
    zh: '没有找到符合条件的候选配对：本地供方所在环节在模板流向上不向任何未建立关系的买方环节供货。',
    en: 'No candidate pair: no local supplier operates in a segment that feeds, by the template flows, a segment of a buyer it is not linked with yet.',
  });
} else if (unused.length > 0) {
  const kept = infos.filter((c) => c.available);
  notes.push({
    zh: `未用成分：${unused.map((c) => `${LABEL[c.name].zh}（${c.reason.zh}）`).join('；')}。得分按其余成分的权重重新归一：${kept.map((c) => `${LABEL[c.name].zh} ${round(c.usedWeight, 3)}`).join('、') || '无'}。`,
    en: `Components not used: ${unused.map((c) => `${LABEL[c.name].en} (${c.reason.en})`).join('; ')}. The score re-weights the others in proportion: ${kept.map((c) => `${LABEL[c.name].en} ${round(c.usedWeight, 3)}`).join(', ') || 'none'}.`,
  });
}
  return notes;
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}
