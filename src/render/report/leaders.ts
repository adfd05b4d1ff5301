/**
 * 链主清单 of a chain's chapter: the declared 链主, the ranking by rankLeaders' composite score
 * (a firm's potential as a leader), its flags, and what the composite was made of.
 */
import type { LeaderRanking } from '../../analysis/leaders/index.js';
import { formatShare } from '../../internal/format.js';
import type { Block } from '../document.js';
import { labelOf, ROLE_LABELS } from '../labels.js';
import type { Section } from './data/index.js';
import type { ReportContext } from './context.js';
import { LEADER_COMPONENT_LABELS } from './shared-labels.js';

/**
 * The leader ranking of a chain, or why it is not available.
 *
 * @example
 * leaderBlocks(ctx, ctx.data.chains[0].leaders);
 */
export function leaderBlocks(ctx: ReportContext, section: Section<LeaderRanking>): Block[] {
  const { L, R, p } = ctx;
  if (!section.available) return [ctx.na(section.reason)];
  const r = section.result;
  const out: Block[] = [];
  if (r.ranking.length === 0) return [ctx.na(L('本区域没有本链的企业可供排序', 'no firm of this chain in the region to rank')), ...r.notes.map((n) => p(R(n)))];
  const declared = r.ranking.filter((e) => e.declaredLeader);
  out.push(
    p(
      declared.length === 0
        ? { text: L('数据中未声明本链的链主。', 'No chain leader (链主) is declared in the data.'), tone: 'warn' }
        : L(`已声明链主：${declared.map((e) => e.name).join('、')}。`, `Declared leaders: ${declared.map((e) => e.name).join(', ')}.`),
      L('下表按综合得分排序（候选企业的链主潜力）。', ' The table ranks firms by composite score (their potential as a leader).'),
    ),
  );
  out.push(rankingTable(ctx, r));
  // ties at the head of the ranking are where the order matters: say what decided them
  const ties = r.ranking.filter((e) => e.tie !== null && e.rank <= TIE_LINES_UP_TO);
  if (ties.length > 0) out.push({ kind: 'list', items: ties.map((e) => [{ text: L('并列', 'Tie'), strong: true }, L('：', ': '), `${e.name}${L('：', ': ')}${R(e.tie!.reason)}`]) });
  if (r.flags.length > 0) out.push({ kind: 'list', items: r.flags.map((f) => [{ text: f.code === 'declared_leader_low' ? L('链主排名偏低', 'declared leader ranks low') : L('未声明但排名靠前', 'undeclared but high'), tone: 'warn' }, '：', R(f.reason)]) });
  const components = r.components
    .map((x) => `${componentLabel(ctx, x.name)} ${x.available ? formatShare(x.usedWeight) : L('不可用', 'n/a')}`)
    .join(L('；', '; '));
  out.push(p({ text: L('综合得分构成：', 'Composite: '), strong: true }, components));
  if (r.notes.length > 0) out.push({ kind: 'list', items: r.notes.map((n) => [R(n)]) });
  return out;
}

/** Ties are explained for the firms ranked up to here (the head a planner reads; the flags' default cut). */
const TIE_LINES_UP_TO = 3;

function rankingTable(ctx: ReportContext, r: LeaderRanking): Block {
  const { L, NA, fmt, locale } = ctx;
  // without any valued local link the analysis leaves the component out: no value to show
  const linkValueKnown = r.components.some((x) => x.name === 'linkValue' && x.available);
  return {
    kind: 'table',
    headers: [L('排名', 'Rank'), L('企业', 'Firm'), L('角色', 'Role'), L('综合得分', 'Composite'), L('产值（亿元）', 'Output (亿元)'), L('本地供应商', 'Local suppliers'), L('本地客户', 'Local buyers'), L('本地供货额（亿元）', 'Local link value (亿元)'), L('缺项', 'Unknown')],
    numeric: [true, false, false, true, true, true, true, true, false],
    rows: r.ranking.map((e) => [
      String(e.rank),
      e.declaredLeader
        ? { text: `★ ${e.name}${e.evidence === 'insufficient_data' ? L('（数据不足以验证）', ' (not enough data to verify)') : ''}`, tone: 'leader' }
        : e.name,
      e.role === null ? '—' : labelOf(ROLE_LABELS, e.role, locale),
      e.composite === null ? { text: NA, tone: 'muted' } : fmt(e.composite, 3),
      e.values.output === null ? { text: NA, tone: 'muted' } : fmt(e.values.output),
      String(e.values.suppliers),
      String(e.values.buyers),
      e.values.linkValue === null || !linkValueKnown ? { text: NA, tone: 'muted' } : fmt(e.values.linkValue),
      e.missing.length === 0 ? '—' : e.missing.map((m) => componentLabel(ctx, m)).join(L('、', ', ')),
    ]),
  };
}

/** A component of the composite in the report's language; its name when it has no label. */
function componentLabel(ctx: ReportContext, name: string): string {
  return LEADER_COMPONENT_LABELS[name] ? ctx.R(LEADER_COMPONENT_LABELS[name]!) : name;
}
