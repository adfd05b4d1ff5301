/**
 * Who anchors a chain (链主识别): enterprises ranked by a composite of size, local linkage and
 * position in the supply network, and whether the declared 链主 earn the name.
 *
 * Method
 * - Candidates: the enterprises located in the region or its sub-regions (default
 *   `meta.region`), operating in the chain (or holding a role in it) when one is given, with a
 *   status other than `closed` or `prospect` (option `statuses`).
 * - Components, each scaled to [0, 1] by dividing by its largest value among the candidates:
 *   - `output`: the firm's output (产值, 亿元) as a share of the candidates' known output. A firm
 *     active in several chains is counted with its whole output (no split is published).
 *   - `partners`: distinct local suppliers plus distinct local buyers (links of the counted
 *     statuses, default `active` and `brokered`, among the candidates).
 *   - `linkValue`: known value (亿元) of those links, in and out.
 *   - `pagerank`: weighted PageRank of the local supply network along the supply direction
 *     (supplier → buyer: value flows to the buyer, so a firm fed by many local suppliers, or by
 *     suppliers that are themselves well fed, ranks high); see ./centrality.ts.
 *   - `betweenness`: Brandes betweenness of the same network (how often a firm lies on the
 *     supply paths between two others); exact or sampled, see ./centrality.ts.
 *   - `potential`: local candidates in the segments adjacent to the firm's by the chain's
 *     template flows (its potential local suppliers and buyers), summed over the distinct
 *     adjacent segments. Structural: it uses no recorded link, so it still speaks where links
 *     are not recorded.
 * - Composite = Σ w_c · score_c / Σ w_c over the components that are available; default
 *   weights output 0.3, partners 0.2, linkValue 0.1, pagerank 0.2, betweenness 0.1,
 *   potential 0.1 (option `weights`). A component is unavailable for the whole scope when its
 *   data are absent (no output known, no local link, no link value, betweenness skipped, no
 *   candidate with a template neighbour); its weight is then shared out among the others in
 *   proportion, and the result says so. A firm whose own output (or whose links' values) is
 *   unknown is scored on its other components, re-weighted the same way, and lists what was
 *   missing.
 * - Rank: 1 + the number of candidates with a strictly higher composite (ties share a rank).
 * - Flags: `declared_leader_low` when a declared 链主 (roleIn the chain; without a chain, an
 *   overall or per-chain role `leader`) ranks below `top` (default 3), or scores 0 while another
 *   firm scores more (nothing in the data supports it); `undeclared_high` when a
 *   firm not declared 链主 ranks within the top `top` and above every declared 链主 of the scope
 *   (or ranks first where none is declared).
 *
 * Assumptions: the dataset records the relevant local links (missing links lower a firm's
 * partners, link value and centrality); a composite is a screening device, not a measure.
 *
 * Cost: linear in the scope's firms and their links over typed arrays, plus PageRank and the
 * (sampled) betweenness of ./centrality.ts; one entry per ranked firm (the result), with the
 * reason text built only for the flagged firms. The typed arrays (members, network, ranks,
 * component values) are taken from the model's scratch arena (../internal/scratch.ts), so a call
 * after the first allocates none outside the JS heap.
 *
 * References: Page et al. (1999) PageRank; Brandes (2001) betweenness; on chain leaders and
 * anchor firms in production networks: Gereffi, Humphrey & Sturgeon (2005), The governance of
 * global value chains, Rev. Int. Political Economy 12(1), 78–104.
 */
import type { ChainModel } from '../graph/model.js';
import { roleIn } from '../graph/queries.js';
import { formatShare, round } from '../internal/format.js';
import { withScratch, type Scratch } from '../internal/scratch.js';
import { ChainError } from '../model/issues.js';
import type { EnterpriseStatus, LinkStatus, Role } from '../model/vocabulary.js';
import {
  betweennessOfIn,
  pagerankCsrIn,
  scopeMembers,
  scopeNetwork,
  type BetweennessInfo,
  type BetweennessOptions,
  type PagerankOptions,
} from './centrality.js';
import { resolveScope, type Reason, type ResolvedScope, type ScopeOptions } from './scope/index.js';

/** Names of the composite's components. */
export const LEADER_COMPONENTS = ['output', 'partners', 'linkValue', 'pagerank', 'betweenness', 'potential'] as const;
export type LeaderComponent = (typeof LEADER_COMPONENTS)[number];

/** Default weights of the composite. */
export const DEFAULT_LEADER_WEIGHTS: Readonly<Record<LeaderComponent, number>> = {
  output: 0.3,
  partners: 0.2,
  linkValue: 0.1,
  pagerank: 0.2,
  betweenness: 0.1,
  potential: 0.1,
};

const COMPONENT_LABEL: Record<LeaderComponent, Reason> = {
  output: { zh: '产值占比', en: 'output share' },
  partners: { zh: '本地上下游企业数', en: 'local suppliers and buyers' },
  linkValue: { zh: '本地供货额', en: 'local link value' },
  pagerank: { zh: '供应网络 PageRank', en: 'supply-network PageRank' },
  betweenness: { zh: '介数中心性', en: 'betweenness' },
  potential: { zh: '模板相邻环节本地企业数', en: 'local firms in adjacent template segments' },
};

/** Options of {@link rankLeaders}. */
export interface LeaderOptions extends ScopeOptions, PagerankOptions, BetweennessOptions {
  /** Weights of the components (missing ones take the default). */
  weights?: Partial<Record<LeaderComponent, number>>;
  /** Rank cut of the flags. Default 3. */
  top?: number;
  /** Enterprise statuses ranked. Default: all but `closed` and `prospect`. */
  statuses?: readonly EnterpriseStatus[];
  /** Link statuses that count. Default `active`, `brokered`. */
  linkStatuses?: readonly LinkStatus[];
}

/** How one component entered the composite. */
export interface LeaderComponentInfo {
  name: LeaderComponent;
  /** Requested weight. */
  weight: number;
  /** Weight after sharing out the weights of unavailable components. */
  usedWeight: number;
  available: boolean;
  /** Why unavailable, or what it rests on. */
  reason: Reason;
}

/** One ranked enterprise. */
export interface LeaderEntry {
  rank: number;
  id: string;
  name: string;
  role: Role | null;
  declaredLeader: boolean;
  /** In [0, 1]; null when no component is available. */
  composite: number | null;
  /** The numbers behind the composite. */
  values: {
    /** 亿元, null when unknown. */
    output: number | null;
    outputShare: number | null;
    suppliers: number;
    buyers: number;
    /** Known value of local links in and out, 亿元; null when the firm has links but none valued. */
    linkValue: number | null;
    pagerank: number | null;
    betweenness: number | null;
    potentialPartners: number;
  };
  /** Component scores in [0, 1]; null where unavailable or unknown for this firm. */
  scores: Record<LeaderComponent, number | null>;
  /** Available components unknown for this firm (re-weighted away). */
  missing: LeaderComponent[];
  /** Segments the firm is recorded in (within the chain when one is given). */
  segments: number;
}

/** A flag on a declared or undeclared leader. */
export interface LeaderFlag {
  code: 'declared_leader_low' | 'undeclared_high';
  enterprise: string;
  rank: number;
  composite: number;
  top: number;
  reason: Reason;
}

/** Result of {@link rankLeaders}. */
export interface LeaderRanking {
  scope: { region: string; chain: string | null };
  /** Whether any component was available (else every composite is null and the order is the dataset's). */
  ranked: boolean;
  components: LeaderComponentInfo[];
  ranking: LeaderEntry[];
  flags: LeaderFlag[];
  network: {
    nodes: number;
    edges: number;
    linkCount: number;
    weighting: 'value' | 'value-imputed' | 'count';
    pagerank: { iterations: number; converged: boolean };
    betweenness: BetweennessInfo;
  };
  /** How the composite was re-weighted, or why nothing could be ranked. */
  notes: Reason[];
}

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
 * Ranks the enterprises of a scope as chain leaders by a documented composite (see the file
 * header), with each component's value, flags on declared 链主 that rank low and undeclared firms
 * that rank high, and notes on what could not be computed.
 *
 * @example
 * const r = rankLeaders(model, { chain: 'new-energy-vehicle', region: 'yuncheng-etdz' });
 * r.ranking[0];  // { rank: 1, id: 'dayun', composite: 1, values: {...}, ... }
 * r.flags;       // [{ code: 'declared_leader_low', enterprise: ..., reason: { zh, en } }]
 */
export function rankLeaders(model: ChainModel, options: LeaderOptions = {}): LeaderRanking {
  const scope = resolveScope(model, options);
  const top = options.top ?? 3;
  const weights: Record<LeaderComponent, number> = { ...DEFAULT_LEADER_WEIGHTS, ...options.weights };
  for (const [name, w] of Object.entries(weights))
    if (!(LEADER_COMPONENTS as readonly string[]).includes(name) || !(Number.isFinite(w) && w >= 0))
      throw new ChainError('invalid_argument', `invalid weight ${String(w)} for "${name}"`, { name, weight: w, valid: LEADER_COMPONENTS });
  if (!(top >= 1)) throw new ChainError('invalid_argument', `top must be at least 1, got ${top}`, { top });
  // every per-firm array of the call (network, ranks, scores) lives in the model's scratch arena
  return withScratch(model, (s) => rank(model, options, scope, top, weights, s));
}

/** The body of {@link rankLeaders}, its per-firm arrays taken from the scratch scope `s`. */
function rank(
  model: ChainModel,
  options: LeaderOptions,
  scope: ResolvedScope,
  top: number,
  weights: Record<LeaderComponent, number>,
  s: Scratch,
): LeaderRanking {
  const { enterprises, segments, flows } = model.index;
  const members = scopeMembers(model, scope.regionIndex, scope.chainIndex, options.statuses, s);
  const n = members.length;
  const net = scopeNetwork(
    model,
    members,
    {
      ...(options.linkStatuses ? { linkStatuses: options.linkStatuses } : {}),
      ...(scope.chainIndex === undefined ? {} : { chainIndex: scope.chainIndex }),
    },
    s,
  );
  const edges = net.targets.length;
  const pr = pagerankCsrIn(net, options, s);
  const bc = edges > 0 ? betweennessOfIn(net, options, s) : null;

  // potential partners: members in the segments adjacent by flows to the firm's segments
  const ns = segments.keys.length;
  const membersInSegment = new Int32Array(ns);
  const inChainScope = (s: number) => scope.chainIndex === undefined || segments.chain[s] === scope.chainIndex;
  for (let i = 0; i < n; i++) {
    const e = members[i]!;
    for (let k = enterprises.segments.offsets[e]!; k < enterprises.segments.offsets[e + 1]!; k++)
      membersInSegment[enterprises.segments.items[k]!]!++;
  }
  const potential = s.int32(n);
  const segmentCount = s.int32(n);
  const stamp = new Int32Array(ns).fill(-1);
  // own[s] === i: s is one of member i's segments; counted[s] === i: s already counted for i
  const own = new Int32Array(ns).fill(-1);
  const counted = new Int32Array(ns).fill(-1);
  for (let i = 0; i < n; i++) {
    const e = members[i]!;
    const first = enterprises.segments.offsets[e]!;
    const last = enterprises.segments.offsets[e + 1]!;
    for (let k = first; k < last; k++) own[enterprises.segments.items[k]!] = i;
    let total = 0;
    for (let k = first; k < last; k++) {
      const s = enterprises.segments.items[k]!;
      if (counted[s] === i) continue;
      counted[s] = i;
      if (!inChainScope(s)) continue;
      segmentCount[i]!++;
      for (let side = 0; side < 2; side++) {
        const csr = side === 0 ? flows.in : flows.out;
        const end = side === 0 ? flows.from : flows.to;
        for (let q = csr.offsets[s]!; q < csr.offsets[s + 1]!; q++) {
          const t = end[csr.items[q]!]!;
          if (stamp[t] === i) continue;
          stamp[t] = i;
          total += membersInSegment[t]! - (own[t] === i ? 1 : 0);
        }
      }
    }
    potential[i] = total;
  }

  // raw values
  const output = s.float64(n);
  let knownOutputs = 0;
  let outputTotal = 0;
  for (let i = 0; i < n; i++) {
    output[i] = enterprises.output[members[i]!]!;
    if (!Number.isNaN(output[i]!)) {
      knownOutputs++;
      outputTotal += output[i]!;
    }
  }
  const linkValue = (i: number) => (net.linksTotal[i]! > 0 && net.linksValued[i]! === 0 ? Number.NaN : net.valueIn[i]! + net.valueOut[i]!);
  const component = (f: (i: number) => number) => {
    const values = s.float64(n);
    for (let i = 0; i < n; i++) values[i] = f(i);
    return values;
  };
  const raw: Record<LeaderComponent, Float64Array> = {
    output,
    partners: component((i) => net.suppliers[i]! + net.buyers[i]!),
    linkValue: component(linkValue),
    pagerank: pr.scores,
    betweenness: bc?.scores ?? s.float64(n, Number.NaN),
    potential: component((i) => potential[i]!),
  };

  // availability of each component for the scope
  const scopeText = { zh: `范围内 ${n} 家企业`, en: `${n} firm(s) in scope` };
  const noLinks: Reason = {
    zh: `${scopeText.zh}之间无计入状态的本地供货关系记录`,
    en: `no local supply link of a counted status is recorded among the ${scopeText.en}`,
  };
  const infos: LeaderComponentInfo[] = LEADER_COMPONENTS.map((name) => {
    let available = n > 0;
    let reason: Reason;
    switch (name) {
      case 'output':
        available &&= knownOutputs > 0;
        reason = available
          ? { zh: `${n} 家中 ${knownOutputs} 家有产值数据，合计 ${round(outputTotal)}亿元`, en: `output known for ${knownOutputs} of ${n} firm(s), ${round(outputTotal)} 亿元 in all` }
          : { zh: `${scopeText.zh}均无产值数据`, en: `no output is known for any of the ${scopeText.en}` };
        break;
      case 'partners':
      case 'pagerank':
        available &&= edges > 0;
        reason = available ? { zh: `本地供应网络 ${n} 家企业、${edges} 条供货关系`, en: `local supply network of ${n} firms and ${edges} relations` } : noLinks;
        break;
      case 'linkValue':
        available &&= net.valuedLinks > 0;
        reason = available
          ? { zh: `${net.linkCount} 条本地供货关系中 ${net.valuedLinks} 条有金额`, en: `${net.valuedLinks} of ${net.linkCount} local link(s) have a value` }
          : edges > 0
            ? { zh: `${net.linkCount} 条本地供货关系均无金额`, en: `none of the ${net.linkCount} local link(s) has a value` }
            : noLinks;
        break;
      case 'betweenness':
        available &&= edges > 0 && bc !== null && bc.scores !== null;
        reason = bc ? bc.info.reason : noLinks;
        break;
      case 'potential': {
        let any = false;
        for (let i = 0; i < n; i++) if (potential[i]! > 0) any = true;
        available &&= any;
        reason = available
          ? { zh: '按模板流向统计相邻环节的本地企业', en: 'counted from the template flows between segments' }
          : { zh: `${scopeText.zh}在模板流向上均无相邻环节的本地企业`, en: `none of the ${scopeText.en} has a local firm in an adjacent template segment` };
        break;
      }
    }
    return { name, weight: weights[name], usedWeight: 0, available, reason };
  });
  const availableWeight = infos.reduce((sum, c) => sum + (c.available ? c.weight : 0), 0);
  for (const c of infos) c.usedWeight = c.available && availableWeight > 0 ? c.weight / availableWeight : 0;
  const ranked = availableWeight > 0;

  // scores and composite
  const maxOf = (values: Float64Array) => {
    let m = 0;
    for (let i = 0; i < n; i++) if (values[i]! > m) m = values[i]!;
    return m;
  };
  const max = Object.fromEntries(LEADER_COMPONENTS.map((c) => [c, maxOf(raw[c])])) as Record<LeaderComponent, number>;
  const entries: LeaderEntry[] = new Array<LeaderEntry>(n);
  // sort key: the composite, −1 for a firm with no usable component at all (it ranks last)
  const keys = s.float64(n);
  // per component (in the order of infos, which is LEADER_COMPONENTS'), its values and maximum
  const columns = infos.map((c) => raw[c.name]);
  const maxima = infos.map((c) => max[c.name]);
  const componentScore = new Array<number | null>(infos.length).fill(null);
  for (let i = 0; i < n; i++) {
    const e = members[i]!;
    const id = enterprises.ids[e]!;
    const record = model.dataset.enterprises[e]!;
    // roleIn without the id lookups (the chain was checked by resolveScope)
    const role = scope.chain === undefined ? (record.role ?? null) : (record.chainRoles?.find((r) => r.chain === scope.chain)?.role ?? record.role ?? null);
    const declaredLeader =
      scope.chain === undefined ? record.role === 'leader' || (record.chainRoles ?? []).some((r) => r.role === 'leader') : role === 'leader';
    const missing: LeaderComponent[] = [];
    let sum = 0;
    let weight = 0;
    for (let c = 0; c < infos.length; c++) {
      const info = infos[c]!;
      const v = columns[c]![i]!;
      if (!info.available || Number.isNaN(v)) {
        componentScore[c] = null;
        if (info.available) missing.push(info.name);
        continue;
      }
      const m = maxima[c]!;
      const score = m > 0 ? v / m : 0;
      componentScore[c] = score;
      sum += info.usedWeight * score;
      weight += info.usedWeight;
    }
    // in the order of LEADER_COMPONENTS (= infos), as one literal
    const scores: Record<LeaderComponent, number | null> = {
      output: componentScore[0] ?? null,
      partners: componentScore[1] ?? null,
      linkValue: componentScore[2] ?? null,
      pagerank: componentScore[3] ?? null,
      betweenness: componentScore[4] ?? null,
      potential: componentScore[5] ?? null,
    };
    const lv = raw.linkValue[i]!;
    const composite = ranked && weight > 0 ? sum / weight : null;
    keys[i] = composite ?? -1;
    entries[i] = {
      rank: 0,
      id,
      name: record.name,
      role,
      declaredLeader,
      composite,
      values: {
        output: Number.isNaN(output[i]!) ? null : output[i]!,
        outputShare: Number.isNaN(output[i]!) || !(outputTotal > 0) ? null : output[i]! / outputTotal,
        suppliers: net.suppliers[i]!,
        buyers: net.buyers[i]!,
        linkValue: Number.isNaN(lv) ? null : lv,
        pagerank: edges > 0 ? pr.scores[i]! : null,
        betweenness: bc?.scores ? bc.scores[i]! : null,
        potentialPartners: potential[i]!,
      },
      scores,
      missing,
      segments: segmentCount[i]!,
    };
  }
  const key = (x: LeaderEntry) => x.composite ?? -1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[b]! - keys[a]! || members[a]! - members[b]!);
  const ranking = order.map((i) => entries[i]!);
  const EPS = 1e-12;
  for (let j = 0; j < n; j++) {
    const entry = ranking[j]!;
    const previous = j > 0 ? ranking[j - 1]! : undefined;
    entry.rank = previous && keys[order[j - 1]!]! <= keys[order[j]!]! + EPS ? previous.rank : j + 1;
  }

  // flags
  const flags: LeaderFlag[] = [];
  const notes: Reason[] = [];
  const unavailable = infos.filter((c) => !c.available);
  if (!ranked) {
    const why = groupByReason(unavailable);
    notes.push({
      zh: `无法排序：${why.zh}。未作链主判断。`,
      en: `Cannot rank: ${why.en}. No leader flags were raised.`,
    });
  } else {
    if (unavailable.length > 0) {
      const used = infos.filter((c) => c.available);
      const why = groupByReason(unavailable);
      notes.push({
        zh: `未用成分：${why.zh}。综合得分按其余成分的权重重新归一：${used.map((c) => `${COMPONENT_LABEL[c.name].zh} ${round(c.usedWeight, 3)}`).join('、')}。`,
        en: `Components not used: ${why.en}. The composite re-weights the others in proportion: ${used.map((c) => `${COMPONENT_LABEL[c.name].en} ${round(c.usedWeight, 3)}`).join(', ')}.`,
      });
    }
    const maxComposite = ranking.length > 0 ? key(ranking[0]!) : 0;
    let bestLeader = Number.POSITIVE_INFINITY;
    for (const x of ranking) if (x.declaredLeader && x.rank < bestLeader) bestLeader = x.rank;
    const chainText = scope.chain === undefined ? { zh: '', en: '' } : { zh: `在产业链 ${scope.chain} 中`, en: ` in chain ${scope.chain}` };
    for (const x of ranking) {
      const composite = x.composite ?? 0;
      if (x.declaredLeader && (x.rank > top || (composite <= 0 && maxComposite > 0))) {
        const numbers = describeValues(x, infos);
        flags.push({
          code: 'declared_leader_low',
          enterprise: x.id,
          rank: x.rank,
          composite,
          top,
          reason: {
            zh: `${x.name}${chainText.zh}为申报链主，但综合得分 ${round(composite, 3)}，排名第 ${x.rank}/${n}，${x.rank > top ? `未进入前 ${top}` : '数据不支持其得分'}：${numbers.zh}。`,
            en: `${x.name} is a declared chain leader${chainText.en} but scores ${round(composite, 3)}, rank ${x.rank} of ${n}, ${x.rank > top ? `outside the top ${top}` : 'with nothing in the data to score it'}: ${numbers.en}.`,
          },
        });
      }
      const aboveLeaders = Number.isFinite(bestLeader) ? x.rank < bestLeader : x.rank === 1;
      if (!x.declaredLeader && x.rank <= top && aboveLeaders && x.composite !== null) {
        const versus = Number.isFinite(bestLeader)
          ? { zh: `高于所有申报链主（最高排名第 ${bestLeader}）`, en: `above every declared leader (best rank ${bestLeader})` }
          : { zh: '范围内无申报链主', en: 'no leader is declared in scope' };
        const numbers = describeValues(x, infos);
        flags.push({
          code: 'undeclared_high',
          enterprise: x.id,
          rank: x.rank,
          composite,
          top,
          reason: {
            zh: `${x.name}${chainText.zh}未申报为链主，但综合得分 ${round(composite, 3)}，排名第 ${x.rank}/${n}，${versus.zh}：${numbers.zh}。`,
            en: `${x.name} is not a declared chain leader${chainText.en} but scores ${round(composite, 3)}, rank ${x.rank} of ${n}, ${versus.en}: ${numbers.en}.`,
          },
        });
      }
    }
  }
  return {
    scope: { region: scope.region, chain: scope.chain ?? null },
    ranked,
    components: infos,
    ranking,
    flags,
    network: {
      nodes: net.order,
      edges,
      linkCount: net.linkCount,
      weighting: net.weighting,
      pagerank: { iterations: pr.iterations, converged: pr.converged },
      betweenness: bc
        ? bc.info
        : { method: 'skipped', samples: null, limit: options.betweennessLimit ?? 2000, reason: noLinks },
    },
    notes,
  };
}
