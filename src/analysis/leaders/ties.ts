/**
 * Ranks and ties (see ./index.ts): candidates by composite, highest first; composites within
 * 1e-12 of each other count as equal (floating-point noise of the weighted sums). A firm with no
 * usable component sorts last (sort key −1). Equal composites are not left as a shared rank: they
 * are ordered by the tie-breaks below, in turn, and every tied firm says which one decided its
 * place (`tie.decidedBy`), so a supporting firm never stands level with a declared 链主 unexplained.
 *
 * Tie-breaks, in order (each one used only when all before it are equal):
 * 1. `declared_leader`: a declared 链主 first — the declaration is the planner's own information,
 *    and where the composite cannot tell two firms apart nothing in the data contradicts it;
 * 2. `evidence`: a firm the data measures (./evidence.ts) before one it does not;
 * 3. `output`: larger known output (产值) first, unknown last;
 * 4. `partners`: more recorded local suppliers and buyers first;
 * 5. `potential`: more local firms in adjacent template segments first;
 * 6. `dataset_order`: the order of the dataset's records (arbitrary but reproducible; said so).
 *
 * When nothing can be ranked (no available component) every firm keeps rank 1 in dataset order:
 * there is no composite to break ties of, and the ranking's note says why.
 */
import type { Reason } from '../scope/index.js';
import type { LeaderEntry, LeaderTie, LeaderTieBreak } from './types.js';

/** Composites closer than this are a tie (floating-point noise of the weighted sums). */
const EPS = 1e-12;

/** The tie-breaks in the order they apply, each comparing two entries (negative: `a` first). */
const TIE_BREAKS: readonly [LeaderTieBreak, (a: LeaderEntry, b: LeaderEntry) => number][] = [
  ['declared_leader', (a, b) => Number(b.declaredLeader) - Number(a.declaredLeader)],
  ['evidence', (a, b) => Number(b.evidence === 'measured') - Number(a.evidence === 'measured')],
  ['output', (a, b) => (b.values.output ?? -1) - (a.values.output ?? -1)],
  ['partners', (a, b) => b.values.suppliers + b.values.buyers - (a.values.suppliers + a.values.buyers)],
  ['potential', (a, b) => b.values.potentialPartners - a.values.potentialPartners],
];

/** What each tie-break means, in words. */
const TIE_BREAK_TEXT: Record<LeaderTieBreak, Reason> = {
  declared_leader: { zh: '申报链主优先', en: 'declared chain leader first' },
  evidence: { zh: '有企业层面数据者优先', en: 'firm with firm-level data first' },
  output: { zh: '产值较大者优先', en: 'larger output first' },
  partners: { zh: '本地上下游企业较多者优先', en: 'more local suppliers and buyers first' },
  potential: { zh: '模板相邻环节本地企业较多者优先', en: 'more local firms in adjacent template segments first' },
  dataset_order: { zh: '按数据录入顺序（数据无法区分）', en: 'dataset order (the data cannot tell them apart)' },
};

/** The first tie-break that separates `a` from `b`, and its comparison. */
function decide(a: LeaderEntry, b: LeaderEntry, ia: number, ib: number): [LeaderTieBreak, number] {
  for (const [name, compare] of TIE_BREAKS) {
    const d = compare(a, b);
    if (d !== 0) return [name, d];
  }
  return ['dataset_order', ia - ib];
}

/** The tie note of one entry of a group of equal composites (`j` its place in `group`). */
function tieOf(group: readonly LeaderEntry[], order: readonly number[], j: number): LeaderTie {
  // the first of a group is placed by what separates it from the second; the others by what
  // separates them from the one before
  const [x, y] = j === 0 ? [0, 1] : [j - 1, j];
  const [decidedBy] = decide(group[x]!, group[y]!, order[x]!, order[y]!);
  const others = group.filter((_, k) => k !== j);
  const composite = group[j]!.composite;
  const score = composite === null ? { zh: '均无可用成分', en: 'none with a usable component' } : { zh: `综合得分同为 ${Math.round(composite * 1000) / 1000}`, en: `same composite ${Math.round(composite * 1000) / 1000}` };
  return {
    with: others.map((e) => e.id),
    decidedBy,
    reason: {
      zh: `与${others.map((e) => e.name).join('、')}${score.zh}，排序依据：${TIE_BREAK_TEXT[decidedBy].zh}`,
      en: `tied with ${others.map((e) => e.name).join(', ')} (${score.en}); order decided by: ${TIE_BREAK_TEXT[decidedBy].en}`,
    },
  };
}

/**
 * The entries in rank order, with their ranks and tie notes set.
 *
 * @example
 * rankByComposite(entries, keys, ranked)[0].rank; // 1
 */
export function rankByComposite(entries: readonly LeaderEntry[], keys: Float64Array, ranked: boolean): LeaderEntry[] {
  const n = entries.length;
  const ids = Array.from({ length: n }, (_, i) => i);
  if (!ranked) {
    for (const e of entries) e.rank = 1;
    return ids.map((i) => entries[i]!);
  }
  const equal = (a: number, b: number) => Math.abs(keys[a]! - keys[b]!) <= EPS;
  const order = ids.sort((a, b) => (equal(a, b) ? decide(entries[a]!, entries[b]!, a, b)[1] : keys[b]! - keys[a]!));
  const ranking = order.map((i) => entries[i]!);
  for (let j = 0; j < n; ) {
    let end = j + 1;
    while (end < n && equal(order[j]!, order[end]!)) end++;
    const group = ranking.slice(j, end);
    const groupOrder = order.slice(j, end);
    for (let k = 0; k < group.length; k++) {
      group[k]!.rank = j + k + 1;
      group[k]!.tie = group.length > 1 ? tieOf(group, groupOrder, k) : null;
    }
    j = end;
  }
  return ranking;
}
