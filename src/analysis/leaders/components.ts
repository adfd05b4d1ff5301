/**
 * The components of the leader score (see ./index.ts), each the value behind one question a
 * planner asks of an anchor firm, and when each can be used at all in a scope.
 *
 * - `output`: how big is it? Its output (产值, 亿元), as a share of the candidates' known output.
 * - `partners`: how many local firms does it trade with? Distinct local suppliers plus buyers.
 * - `linkValue`: how much does it trade locally? Known value of those links, in and out.
 * - `pagerank`: is it fed by a well-fed local supply base? Weighted PageRank along the supply
 *   direction (Page et al. 1999; ../../graph/algorithms/pagerank.ts).
 * - `betweenness`: does local supply run through it? Brandes (2001) betweenness
 *   (../centrality/betweenness.ts).
 * - `potential`: how many local firms could it trade with? Local candidates in the segments
 *   adjacent to its own by the template's flows (./potential.ts); structural, so it still speaks
 *   where links are not recorded.
 */
import type { PagerankCsrResult } from '../../graph/algorithms/pagerank.js';
import type { ChainModel } from '../../graph/model.js';
import { round } from '../../internal/format.js';
import type { Scratch } from '../../internal/scratch.js';
import type { BetweennessInfo, ScopeNetwork } from '../centrality/index.js';
import type { Reason } from '../scope/index.js';
import type { LeaderComponent, LeaderComponentInfo } from './types.js';

/** Names of the composite's components. */
export const LEADER_COMPONENTS = ['output', 'partners', 'linkValue', 'pagerank', 'betweenness', 'potential'] as const;

/** Default weights of the composite. */
export const DEFAULT_LEADER_WEIGHTS: Readonly<Record<LeaderComponent, number>> = {
  output: 0.3,
  partners: 0.2,
  linkValue: 0.1,
  pagerank: 0.2,
  betweenness: 0.1,
  potential: 0.1,
};

/** What each component measures, in words. */
export const COMPONENT_LABEL: Record<LeaderComponent, Reason> = {
  output: { zh: '产值占比', en: 'output share' },
  partners: { zh: '本地上下游企业数', en: 'local suppliers and buyers' },
  linkValue: { zh: '本地供货额', en: 'local link value' },
  pagerank: { zh: '供应网络 PageRank', en: 'supply-network PageRank' },
  betweenness: { zh: '介数中心性', en: 'betweenness' },
  potential: { zh: '模板相邻环节本地企业数', en: 'local firms in adjacent template segments' },
};

/** The candidates' outputs (NaN where unknown), with how many are known and their sum. */
export interface Outputs {
  output: Float64Array;
  knownOutputs: number;
  outputTotal: number;
}

/**
 * `output`: each candidate's output (亿元; a firm active in several chains counts with its whole
 * output: no split is published), and the candidates' known total that shares are taken of.
 *
 * @example
 * outputsOf(model, members, s).outputTotal; // 亿元 over the candidates with a known output
 */
export function outputsOf(model: ChainModel, members: Int32Array, s: Scratch): Outputs {
  const n = members.length;
  const output = s.float64(n);
  let knownOutputs = 0;
  let outputTotal = 0;
  for (let i = 0; i < n; i++) {
    output[i] = model.index.enterprises.output[members[i]!]!;
    if (!Number.isNaN(output[i]!)) {
      knownOutputs++;
      outputTotal += output[i]!;
    }
  }
  return { output, knownOutputs, outputTotal };
}

/** Per node of the network, `f(node)`, in a scratch array. */
function perNode(n: number, s: Scratch, f: (i: number) => number): Float64Array {
  const values = s.float64(n);
  for (let i = 0; i < n; i++) values[i] = f(i);
  return values;
}

/**
 * `partners`: distinct local suppliers plus distinct local buyers (merged edges of the network).
 *
 * @example
 * partnersOf(net, s)[i]; // suppliers + buyers of node i
 */
export function partnersOf(net: ScopeNetwork, s: Scratch): Float64Array {
  return perNode(net.order, s, (i) => net.suppliers[i]! + net.buyers[i]!);
}

/**
 * `linkValue`: known value (亿元) of a firm's local links in and out; NaN (unknown) when it has
 * links but none with a value.
 *
 * @example
 * linkValuesOf(net, s)[i]; // 亿元, NaN when none of node i's links is valued
 */
export function linkValuesOf(net: ScopeNetwork, s: Scratch): Float64Array {
  return perNode(net.order, s, (i) => (net.linksTotal[i]! > 0 && net.linksValued[i]! === 0 ? Number.NaN : net.valueIn[i]! + net.valueOut[i]!));
}

/** Everything the availability of the components rests on. */
export interface ComponentEvidence {
  /** Candidates. */
  n: number;
  /** Merged edges of the local network. */
  edges: number;
  net: ScopeNetwork;
  /** Betweenness, null when there is no edge to compute it on. */
  bc: { scores: Float64Array | null; info: BetweennessInfo } | null;
  outputs: Outputs;
  potential: Int32Array;
}

/**
 * Why the link-based components are unavailable: no local link among the candidates.
 *
 * @example
 * noLinksReason(0).en; // 'no local supply link of a counted status is recorded among the 0 firm(s) in scope'
 */
export function noLinksReason(n: number): Reason {
  const scopeText = { zh: `范围内 ${n} 家企业`, en: `${n} firm(s) in scope` };
  return {
    zh: `${scopeText.zh}之间无计入状态的本地供货关系记录`,
    en: `no local supply link of a counted status is recorded among the ${scopeText.en}`,
  };
}

type Availability = { available: boolean; reason: Reason };

function outputAvailability({ n, outputs }: ComponentEvidence): Availability {
  const { knownOutputs, outputTotal } = outputs;
  const available = n > 0 && knownOutputs > 0;
  const reason = available
    ? { zh: `${n} 家中 ${knownOutputs} 家有产值数据，合计 ${round(outputTotal)}亿元`, en: `output known for ${knownOutputs} of ${n} firm(s), ${round(outputTotal)} 亿元 in all` }
    : { zh: `范围内 ${n} 家企业均无产值数据`, en: `no output is known for any of the ${n} firm(s) in scope` };
  return { available, reason };
}

/** `partners` and `pagerank`: available when the local network has an edge. */
function networkAvailability({ n, edges }: ComponentEvidence): Availability {
  const available = n > 0 && edges > 0;
  const reason = available ? { zh: `本地供应网络 ${n} 家企业、${edges} 条供货关系`, en: `local supply network of ${n} firms and ${edges} relations` } : noLinksReason(n);
  return { available, reason };
}

function linkValueAvailability({ n, edges, net }: ComponentEvidence): Availability {
  const available = n > 0 && net.valuedLinks > 0;
  const reason = available
    ? { zh: `${net.linkCount} 条本地供货关系中 ${net.valuedLinks} 条有金额`, en: `${net.valuedLinks} of ${net.linkCount} local link(s) have a value` }
    : edges > 0
      ? { zh: `${net.linkCount} 条本地供货关系均无金额`, en: `none of the ${net.linkCount} local link(s) has a value` }
      : noLinksReason(n);
  return { available, reason };
}

function betweennessAvailability({ n, edges, bc }: ComponentEvidence): Availability {
  const available = n > 0 && edges > 0 && bc !== null && bc.scores !== null;
  return { available, reason: bc ? bc.info.reason : noLinksReason(n) };
}

function potentialAvailability({ n, potential }: ComponentEvidence): Availability {
  let any = false;
  for (let i = 0; i < n; i++) if (potential[i]! > 0) any = true;
  const available = n > 0 && any;
  const reason = available
    ? { zh: '按模板流向统计相邻环节的本地企业', en: 'counted from the template flows between segments' }
    : { zh: `范围内 ${n} 家企业在模板流向上均无相邻环节的本地企业`, en: `none of the ${n} firm(s) in scope has a local firm in an adjacent template segment` };
  return { available, reason };
}

const AVAILABILITY: Record<LeaderComponent, (evidence: ComponentEvidence) => Availability> = {
  output: outputAvailability,
  partners: networkAvailability,
  linkValue: linkValueAvailability,
  pagerank: networkAvailability,
  betweenness: betweennessAvailability,
  potential: potentialAvailability,
};

/**
 * How each component enters the composite: available for the scope or not (and why), its
 * requested weight and the weight it is used with — the requested weights of the available
 * components, normalised to sum to 1 (0 for the unavailable ones); and whether anything can be
 * ranked at all.
 *
 * @example
 * componentInfos(evidence, DEFAULT_LEADER_WEIGHTS).infos.filter((c) => !c.available); // what was left out, with reasons
 */
export function componentInfos(
  evidence: ComponentEvidence,
  weights: Record<LeaderComponent, number>,
): { infos: LeaderComponentInfo[]; ranked: boolean } {
  const infos: LeaderComponentInfo[] = LEADER_COMPONENTS.map((name) => {
    const { available, reason } = AVAILABILITY[name](evidence);
    return { name, weight: weights[name], usedWeight: 0, available, reason };
  });
  const availableWeight = infos.reduce((sum, c) => sum + (c.available ? c.weight : 0), 0);
  for (const c of infos) c.usedWeight = c.available && availableWeight > 0 ? c.weight / availableWeight : 0;
  // nothing can be ranked when no available component carries weight
  return { infos, ranked: availableWeight > 0 };
}

/**
 * The raw value of each component per candidate (NaN where unknown for that firm).
 *
 * @example
 * componentValues(outputs, net, pr, bc, potential, s).partners[i];
 */
export function componentValues(
  outputs: Outputs,
  net: ScopeNetwork,
  pr: PagerankCsrResult,
  bc: ComponentEvidence['bc'],
  potential: Int32Array,
  s: Scratch,
): Record<LeaderComponent, Float64Array> {
  const n = net.order;
  return {
    output: outputs.output,
    partners: partnersOf(net, s),
    linkValue: linkValuesOf(net, s),
    pagerank: pr.scores,
    betweenness: bc?.scores ?? s.float64(n, Number.NaN),
    potential: perNode(n, s, (i) => potential[i]!),
  };
}
