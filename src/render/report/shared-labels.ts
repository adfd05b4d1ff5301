/**
 * Labels several sections of the report share: the tone of each kind of gap, the names of the
 * leader ranking's components, the unit of a metric, and the note under a list cut to the
 * report's limit.
 */
import type { Reason } from '../../analysis/scope/index.js';
import type { Block, Tone } from '../document.js';
import type { ReportList } from './data/index.js';
import type { Bilingual, ReportContext } from './context.js';

/** The tone a gap finding is shown in, by its code. */
export const TONE_OF: Record<string, Tone> = {
  missing_segment: 'missing',
  thin_segment: 'thin',
  external_dependency: 'external',
  capacity_shortfall: 'warn',
  extension_opportunity: 'extension',
};

/** The components of rankLeaders' composite score, in both languages. */
export const LEADER_COMPONENT_LABELS: Record<string, Reason> = {
  output: { zh: '产值占比', en: 'output share' },
  partners: { zh: '本地上下游企业数', en: 'local partners' },
  linkValue: { zh: '本地供货额', en: 'local link value' },
  pagerank: { zh: 'PageRank', en: 'PageRank' },
  betweenness: { zh: '介数中心性', en: 'betweenness' },
  potential: { zh: '模板相邻环节本地企业数', en: 'local firms in adjacent segments' },
};

/**
 * The unit a metric's value is shown in when the data give none.
 *
 * @example
 * unitOf('jobs', (zh) => zh); // → '人'
 */
export function unitOf(metric: string, L: Bilingual): string {
  if (metric === 'enterprise-count') return L('家', '');
  if (metric === 'project-count') return L('个', '');
  if (metric === 'jobs') return L('人', '');
  return L('亿元', ' 亿元');
}

/** How each list is cut, in both languages. */
const CUT_RULES: Record<ReportList, [string, string]> = {
  leaders: ['综合得分前列及全部已声明链主', 'the top of the ranking and every declared leader'],
  supporting: ['产值最大者', 'the largest by output'],
  'output.enterprises': ['期望产值最大者', 'the largest by expected output'],
  'output.projects': ['期望产值最大者', 'the largest by expected output'],
  'output.gaps': ['前若干条', 'the first ones'],
  resilience: ['产值最大的链主', 'the leaders with the largest output'],
};

/**
 * Says that a list was cut to the report's limit, how, and how to get all of it; nothing when
 * the list is whole.
 *
 * @example
 * cutNote(ctx, 'wind-power', 'supporting'); // → [] or one muted paragraph
 */
export function cutNote(ctx: ReportContext, chain: string | null, list: ReportList): Block[] {
  const { L } = ctx;
  const t = ctx.cutOf(chain, list);
  if (t === undefined) return [];
  const [zh, en] = CUT_RULES[list];
  const option = list === 'resilience' ? ['--resilience-limit all', 'resilienceLimit: Infinity'] : ['--list-limit all', 'listLimit: Infinity'];
  return [
    ctx.p({
      text: L(
        `共 ${t.total} 条，此处列出 ${t.shown} 条（${zh}）；全部列出：命令行 ${option[0]}，或 API 选项 ${option[1]}。`,
        `${t.shown} of ${t.total} shown (${en}); to list all: ${option[0]} on the command line, or the API option ${option[1]}.`,
      ),
      tone: 'muted',
    }),
  ];
}
