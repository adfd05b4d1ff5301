/**
 * Flags and notes of the leader ranking (see ./index.ts):
 * - `declared_leader_low`: a declared 链主 the data measure (./evidence.ts) that ranks below `top`,
 *   or scores 0 while another firm scores more: the data contradict the declaration. A declared
 *   链主 the data do not measure is never flagged; it is listed as unverified ("数据不足以验证");
 * - `undeclared_high`: a firm not declared 链主, measured by the data, that ranks within the top
 *   `top` and above every declared 链主 of the scope (or first where none is declared); a firm
 *   placed there by the structural `potential` alone is not evidence against a declaration;
 * - notes: which components were left out and how the others were re-weighted, or why nothing
 *   could be ranked. Reason texts are built only for the flagged firms.
 */
import { formatShare, round } from '../../internal/format.js';
import type { Reason } from '../scope/index.js';
import { COMPONENT_LABEL } from './components.js';
import type { LeaderComponentInfo, LeaderEntry, LeaderFlag } from './types.js';

/** `a、b（reason）；c（reason）`: components listed once per distinct reason. */
function groupByReason(components: readonly LeaderComponentInfo[]): Reason {
  const groups = new Map<string, LeaderComponentInfo[]>();
  for (const c of components) groups.set(c.reason.en, [...(groups.get(c.reason.en) ?? []), c]);
  const parts = [...groups.values()];
  return {
    zh: parts.map((g) => `${g.map((c) => COMPONENT_LABEL[c.name].zh).join('、')}（${g[0]!.reason.zh}）`).join('；'),
    en: parts.map((g) => `${g.map((c) => COMPONENT_LABEL[c.name].en).join(', ')} (${g[0]!.reason.en})`).join('; '),
  };
}

function describeValues(entry: LeaderEntry, components: readonly LeaderComponentInfo[]): Reason {
  const zh: string[] = [];
  const en: string[] = [];
  const v = entry.values;
  const available = new Set(components.filter((c) => c.available).map((c) => c.name));
  if (available.has('output')) {
    zh.push(v.output === null ? '产值未知' : `产值 ${round(v.output)}亿元（占 ${formatShare(v.outputShare!)}）`);
    en.push(v.output === null ? 'output unknown' : `output ${round(v.output)} 亿元 (${formatShare(v.outputShare!)})`);
  } else {
    zh.push('产值未知');
    en.push('output unknown');
  }
  zh.push(`本地供应商 ${v.suppliers} 家、本地客户 ${v.buyers} 家`);
  en.push(`${v.suppliers} local supplier(s), ${v.buyers} local buyer(s)`);
  if (available.has('linkValue') && v.linkValue !== null) {
    zh.push(`本地供货额 ${round(v.linkValue)}亿元`);
    en.push(`local link value ${round(v.linkValue)} 亿元`);
  }
  if (v.pagerank !== null && available.has('pagerank')) {
    zh.push(`PageRank ${round(v.pagerank, 3)}`);
    en.push(`PageRank ${round(v.pagerank, 3)}`);
  }
  if (v.betweenness !== null && available.has('betweenness')) {
    zh.push(`介数 ${round(v.betweenness)}`);
    en.push(`betweenness ${round(v.betweenness)}`);
  }
  if (entry.segments === 0) {
    zh.push('未记录所属环节');
    en.push('no segment recorded');
  } else {
    zh.push(`模板相邻环节本地企业 ${v.potentialPartners} 家`);
    en.push(`${v.potentialPartners} local firm(s) in adjacent template segments`);
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}

/**
 * Notes on the composite: which components were not used (and why) and the weights of the
 * others, or why nothing could be ranked.
 *
 * @example
 * rankingNotes(infos, ranked); // [] when every component was available
 */
export function rankingNotes(infos: readonly LeaderComponentInfo[], ranked: boolean): Reason[] {
  const notes: Reason[] = [];
  const unavailable = infos.filter((c) => !c.available);
  if (!ranked) {
    const why = groupByReason(unavailable);
    notes.push({
      zh: `无法排序：${why.zh}。未作链主判断。`,
      en: `Cannot rank: ${why.en}. No leader flags were raised.`,
    });
  } else if (unavailable.length > 0) {
    const used = infos.filter((c) => c.available);
    const why = groupByReason(unavailable);
    notes.push({
      zh: `未用成分：${why.zh}。综合得分按其余成分的权重重新归一：${used.map((c) => `${COMPONENT_LABEL[c.name].zh} ${round(c.usedWeight, 3)}`).join('、')}。`,
      en: `Components not used: ${why.en}. The composite re-weights the others in proportion: ${used.map((c) => `${COMPONENT_LABEL[c.name].en} ${round(c.usedWeight, 3)}`).join(', ')}.`,
    });
  }
  return notes;
}

/** What a flag's text needs besides the firm: the scope's chain, the rank cut, the candidates, the components. */
export interface FlagContext {
  chain: string | undefined;
  top: number;
  n: number;
  infos: readonly LeaderComponentInfo[];
}

/** Phrase "in chain X" of the flag texts, empty without a chain. */
function chainText(chain: string | undefined): Reason {
  return chain === undefined ? { zh: '', en: '' } : { zh: `在产业链 ${chain} 中`, en: ` in chain ${chain}` };
}

function declaredLowFlag(x: LeaderEntry, composite: number, { chain, top, n, infos }: FlagContext): LeaderFlag {
  const numbers = describeValues(x, infos);
  const inChain = chainText(chain);
  return {
    code: 'declared_leader_low',
    enterprise: x.id,
    rank: x.rank,
    composite,
    top,
    reason: {
      zh: `${x.name}${inChain.zh}为申报链主，但综合得分 ${round(composite, 3)}，排名第 ${x.rank}/${n}，${x.rank > top ? `未进入前 ${top}` : '数据不支持其得分'}：${numbers.zh}。`,
      en: `${x.name} is a declared chain leader${inChain.en} but scores ${round(composite, 3)}, rank ${x.rank} of ${n}, ${x.rank > top ? `outside the top ${top}` : 'with nothing in the data to score it'}: ${numbers.en}.`,
    },
  };
}

function undeclaredHighFlag(x: LeaderEntry, composite: number, bestLeader: number, { chain, top, n, infos }: FlagContext): LeaderFlag {
  const versus = Number.isFinite(bestLeader)
    ? { zh: `高于所有申报链主（最高排名第 ${bestLeader}）`, en: `above every declared leader (best rank ${bestLeader})` }
    : { zh: '范围内无申报链主', en: 'no leader is declared in scope' };
  const numbers = describeValues(x, infos);
  const inChain = chainText(chain);
  return {
    code: 'undeclared_high',
    enterprise: x.id,
    rank: x.rank,
    composite,
    top,
    reason: {
      zh: `${x.name}${inChain.zh}未申报为链主，但综合得分 ${round(composite, 3)}，排名第 ${x.rank}/${n}，${versus.zh}：${numbers.zh}。`,
      en: `${x.name} is not a declared chain leader${inChain.en} but scores ${round(composite, 3)}, rank ${x.rank} of ${n}, ${versus.en}: ${numbers.en}.`,
    },
  };
}

/**
 * The flags of a ranking (none when nothing could be ranked), in rank order.
 *
 * @example
 * leaderFlags(ranking, ranked, { chain: 'wind-power', top: 3, n: ranking.length, infos });
 */
export function leaderFlags(ranking: readonly LeaderEntry[], ranked: boolean, context: FlagContext): LeaderFlag[] {
  const flags: LeaderFlag[] = [];
  if (!ranked) return flags;
  const { top } = context;
  const maxComposite = ranking.length > 0 ? (ranking[0]!.composite ?? -1) : 0;
  let bestLeader = Number.POSITIVE_INFINITY;
  for (const x of ranking) if (x.declaredLeader && x.rank < bestLeader) bestLeader = x.rank;
  for (const x of ranking) {
    const composite = x.composite ?? 0;
    // only what the data measure can contradict a declaration
    if (x.evidence !== 'measured') continue;
    if (x.declaredLeader && (x.rank > top || (composite <= 0 && maxComposite > 0))) flags.push(declaredLowFlag(x, composite, context));
    const aboveLeaders = Number.isFinite(bestLeader) ? x.rank < bestLeader : x.rank === 1;
    if (!x.declaredLeader && x.rank <= top && aboveLeaders && x.composite !== null) flags.push(undeclaredHighFlag(x, composite, bestLeader, context));
  }
  return flags;
}

/**
 * The note on the declared 链主 the data cannot verify: shown as declared, not judged.
 *
 * @example
 * unverifiedNote(ranking); // { zh: '申报链主北方铜业：数据不足以验证（…）…', en: … } or null
 */
export function unverifiedNote(ranking: readonly LeaderEntry[]): Reason | null {
  const unverified = ranking.filter((x) => x.declaredLeader && x.evidence === 'insufficient_data');
  if (unverified.length === 0) return null;
  const names = unverified.map((x) => x.name);
  return {
    zh: `申报链主${names.join('、')}：数据不足以验证（无产值数据、无本地供货关系记录），按申报列示，其排名不作为链主判断的依据。`,
    en: `Declared chain leader(s) ${names.join(', ')}: not enough data to verify (no output figure, no local supply link recorded); shown as declared, and their rank is not read as evidence for or against the declaration.`,
  };
}
