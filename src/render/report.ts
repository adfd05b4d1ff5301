/**
 * The report (图谱 + 清单): the whole analysis of the chains in scope — summary figures, chain
 * maps, 链主清单, 配套清单, 缺链清单, 招商清单, suggested matches (供需对接), cluster score,
 * output estimate with its band and target audit, single points of failure — as self-contained
 * HTML, Markdown, or JSON (the data of ./report-data.ts).
 *
 * Every number shown comes from an analysis' result or the dataset; what an analysis could not
 * compute is shown as "无数据 / not available" with its reason, never as 0. Headings carry both
 * languages, the locale's first; reasons are shown in the locale.
 */
import type { ClusterScore } from '../analysis/cluster.js';
import type { Reason } from '../analysis/common.js';
import type { LeaderRanking } from '../analysis/leaders.js';
import type { MatchResult } from '../analysis/matches.js';
import { OUTPUT_KINDS, type OutputEstimate } from '../analysis/output.js';
import type { RecruitsResult } from '../analysis/recruits.js';
import type { ChainModel } from '../graph/model.js';
import { formatShare, round } from '../internal/format.js';
import type { Locale } from '../model/issues.js';
import { chainMapOf } from './chain-map.js';
import { chainView, type ChainView } from './chain-view.js';
import { toHtml, toMarkdown, type Block, type Cell, type Doc, type Inline, type Tone } from './document.js';
import {
  ENTERPRISE_STATUS_LABELS,
  GAP_LABELS,
  labelOf,
  METRIC_LABELS,
  pick,
  PROJECT_STATUS_LABELS,
  REGION_KIND_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
} from './labels.js';
import {
  buildReport,
  estimateHasData,
  type ChainReport,
  type LeaderResilience,
  type ReportData,
  type ReportDataOptions,
  type ReportList,
  type Section,
} from './report-data.js';

/** Formats of {@link renderReport}. */
export type ReportFormat = 'md' | 'html' | 'json';

/** Options of {@link renderReport}. */
export interface ReportOptions extends ReportDataOptions {
  /** `html` (self-contained page), `md` (GitHub Markdown) or `json` (the report data). */
  format: ReportFormat;
}

/** Labels in both languages; `L(zh, en)` picks the report's. */
type Pick = (zh: string, en: string) => string;

const TONE_OF: Record<string, Tone> = {
  missing_segment: 'missing',
  thin_segment: 'thin',
  external_dependency: 'external',
  capacity_shortfall: 'warn',
  extension_opportunity: 'extension',
};

const LEADER_COMPONENT_LABELS: Record<string, Reason> = {
  output: { zh: '产值占比', en: 'output share' },
  partners: { zh: '本地上下游企业数', en: 'local partners' },
  linkValue: { zh: '本地供货额', en: 'local link value' },
  pagerank: { zh: 'PageRank', en: 'PageRank' },
  betweenness: { zh: '介数中心性', en: 'betweenness' },
  potential: { zh: '模板相邻环节本地企业数', en: 'local firms in adjacent segments' },
};

/**
 * Renders the report of a dataset: every chain in scope (all chains when `chain` is not given)
 * analysed in full, as `html`, `md` or `json`. Monte Carlo runs default to 2 000 (option `runs`);
 * the result is deterministic for a given seed. Unknown chain or region ids throw a ChainError
 * listing the valid ones.
 *
 * @example
 * const html = renderReport(model, { format: 'html' });           // every chain, meta.region
 * const md = renderReport(model, { chain: 'wind-power', format: 'md', locale: 'en' });
 * const data = JSON.parse(renderReport(model, { format: 'json' })); // the analyses' results
 */
export function renderReport(model: ChainModel, options: ReportOptions): string {
  const format = options.format;
  if (format !== 'md' && format !== 'html' && format !== 'json')
    throw new TypeError(`format must be 'md', 'html' or 'json', got ${JSON.stringify(format)}`);
  const data = buildReport(model, options);
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  const doc = reportDocument(model, data);
  return format === 'html' ? toHtml(doc) : toMarkdown(doc);
}

/**
 * The document of a report's data (headings, tables, chain maps), for formats of one's own.
 *
 * @example
 * const doc = reportDocument(model, buildReport(model, {}));
 * doc.blocks.filter((b) => b.kind === 'heading').length;
 */
export function reportDocument(model: ChainModel, data: ReportData): Doc {
  const locale = data.settings.locale;
  const L: Pick = (zh, en) => (locale === 'en' ? en : zh);
  const R = (reason: Reason) => pick(reason, locale);
  const NA = L('无数据', 'n/a');
  const fmt = (value: number | null | undefined, digits = 2): string => (value === null || value === undefined || !Number.isFinite(value) ? NA : String(round(value, digits)));
  const share = (value: number | null | undefined): string => (value === null || value === undefined ? NA : formatShare(value));
  const heading = (level: 1 | 2 | 3 | 4, zh: string, en: string, id?: string): Block => ({
    kind: 'heading',
    level,
    text: L(zh, en),
    secondary: L(en, zh),
    ...(id === undefined ? {} : { id }),
  });
  const na = (reason: Reason | string): Block => ({
    kind: 'na',
    text: `${L('无数据', 'Not available')}：${typeof reason === 'string' ? reason : R(reason)}`.replace(/^Not available：/u, 'Not available: '),
  });
  const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
  const enterpriseName = (id: string) => {
    const e = model.index.enterprises.byId.get(id);
    return e === undefined ? id : model.dataset.enterprises[e]!.name;
  };
  const regionName = (id: string) => {
    const r = model.index.regions.byId.get(id);
    return r === undefined ? id : model.dataset.regions[r]!.name;
  };
  const cutOf = (chain: string | null, list: ReportList) => data.truncated.find((t) => t.chain === chain && t.list === list);
  /** Says that a list was cut to the report's limit, how, and how to get all of it. */
  const cutNote = (chain: string | null, list: ReportList): Block[] => {
    const t = cutOf(chain, list);
    if (t === undefined) return [];
    const rule: Record<ReportList, [string, string]> = {
      leaders: ['综合得分前列及全部已声明链主', 'the top of the ranking and every declared leader'],
      supporting: ['产值最大者', 'the largest by output'],
      'output.enterprises': ['期望产值最大者', 'the largest by expected output'],
      'output.projects': ['期望产值最大者', 'the largest by expected output'],
      'output.gaps': ['前若干条', 'the first ones'],
      resilience: ['产值最大的链主', 'the leaders with the largest output'],
    };
    const [zh, en] = rule[list];
    const option = list === 'resilience' ? ['--resilience-limit all', 'resilienceLimit: Infinity'] : ['--list-limit all', 'listLimit: Infinity'];
    return [
      p({
        text: L(
          `共 ${t.total} 条，此处列出 ${t.shown} 条（${zh}）；全部列出：命令行 ${option[0]}，或 API 选项 ${option[1]}。`,
          `${t.shown} of ${t.total} shown (${en}); to list all: ${option[0]} on the command line, or the API option ${option[1]}.`,
        ),
        tone: 'muted',
      }),
    ];
  };

  const blocks: Block[] = [];
  const title = L(`${data.dataset.name}：产业链分析报告`, `${data.dataset.name}: industrial chain report`);
  blocks.push({ kind: 'heading', level: 1, text: title, secondary: L('图谱与清单', 'chain maps and lists') });
  const chainScope =
    data.noChain !== null
      ? L('未建模产业链', 'no chain modelled')
      : data.scope.chain === null
        ? L(`全部 ${data.chains.length} 条产业链`, `all ${data.chains.length} chain(s)`)
        : `${data.chains[0]?.name ?? data.scope.chain}`;
  blocks.push(
    p(
      { text: L('范围：', 'Scope: '), strong: true },
      `${data.scope.regionName}（${data.scope.region}）${L('及其下辖区域', ' and its sub-regions')} · ${chainScope}`,
      data.dataset.updated === null ? '' : ` · ${L('数据更新', 'data updated')} ${data.dataset.updated}`,
    ),
  );
  const yearsText =
    data.settings.years.length === 0
      ? L('无（数据中没有年份）', 'none (no year in the data)')
      : `${data.settings.years[0]}–${data.settings.years[data.settings.years.length - 1]}${data.settings.yearsSource === 'derived' ? L('（由数据推定）', ' (derived from the data)') : ''}`;
  blocks.push(
    p(
      { text: L('设置：', 'Settings: '), strong: true },
      L(
        `产值测算年份 ${yearsText}；蒙特卡洛模拟 ${data.settings.runs} 次，随机种子 ${data.settings.seed}（同一种子结果可复现）。`,
        `output estimated for ${yearsText}; ${data.settings.runs} Monte Carlo runs, seed ${data.settings.seed} (the same seed reproduces the report).`,
      ),
    ),
  );

  // contents
  const toc: Inline[][] = [[{ text: L('一、概况', '1. Summary'), href: '#summary' }]];
  if (data.chains.length === 0) toc.push([{ text: L('二、产业链', '2. Chains'), href: '#chains' }]);
  data.chains.forEach((c, i) => toc.push([{ text: `${L('二', '2')}.${i + 1} ${c.name}`, href: `#chain-${c.chain}` }]));
  toc.push(
    [{ text: L('三、目标与产值测算', '3. Targets and output'), href: '#targets' }],
    [{ text: L('四、区域与统计指标', '4. Regions and indicators'), href: '#regions' }],
    [{ text: L('附：数据来源与方法', 'Appendix: sources and methods'), href: '#appendix' }],
  );
  blocks.push(heading(2, '目录', 'Contents'), { kind: 'list', items: toc });

  // 1. summary
  const counts = data.summary.counts;
  blocks.push(heading(2, '一、概况', '1. Summary', 'summary'));
  if (data.noChain !== null) blocks.push(na(data.noChain));
  blocks.push({
    kind: 'table',
    headers: [L('项目', 'Item'), L('数量', 'Count')],
    numeric: [false, true],
    compact: true,
    rows: [
      [L('产业链', 'chains'), String(counts.chains)],
      [L('环节（按模板展开）', 'segments (templates resolved)'), String(counts.segments)],
      [L('企业（全部 / 本地）', 'enterprises (all / local)'), `${counts.enterprises} / ${counts.localEnterprises}`],
      [L('供应关系', 'supply links'), String(counts.links)],
      [L('项目（全部 / 本地）', 'projects (all / local)'), `${counts.projects} / ${counts.localProjects}`],
      [L('区域', 'regions'), String(counts.regions)],
      [L('目标', 'targets'), String(counts.targets)],
      [L('统计指标', 'indicators'), String(counts.indicators)],
      [L('资料来源', 'sources'), String(counts.sources)],
    ],
  });
  if (data.chains.length > 0) {
    blocks.push(heading(3, '产业链一览', 'Chains at a glance'));
    blocks.push({
      kind: 'table',
      headers: [L('产业链', 'Chain'), L('环节', 'Segments'), L('本地已有', 'Present'), L('缺链', 'Missing'), L('短板', 'Thin'), L('外部依赖', 'External'), L('补链中', 'Being filled'), L('本地企业', 'Local firms'), L('链主', 'Leaders'), L('集群得分', 'Cluster score')],
      numeric: [false, true, true, true, true, true, true, true, false, true],
      rows: data.chains.map((c) => {
        const s = c.gaps.summary;
        const leaders = chainLeaders(c).map(enterpriseName);
        return [
          [{ text: c.name, href: `#chain-${c.chain}` }],
          String(s.segments),
          String(s.present),
          { text: String(s.missing), tone: s.missing > 0 ? 'missing' : 'ok' },
          String(s.thin),
          String(s.externalDependencies),
          String(s.beingFilled),
          String(s.localEnterprises),
          leaders.length === 0 ? { text: L('未声明', 'none declared'), tone: 'muted' } : leaders.join(L('、', ', ')),
          c.cluster.available && c.cluster.result.total !== null ? fmt(c.cluster.result.total, 1) : { text: NA, tone: 'muted' },
        ];
      }),
    });
  }
  const regionBlocks: Block[] = [heading(2, '四、区域与统计指标', '4. Regions and indicators', 'regions')];
  regionBlocks.push(heading(3, '区域', 'Regions'));
  regionBlocks.push({
    kind: 'table',
    headers: [L('区域', 'Region'), L('类型', 'Kind'), L('企业数（含下辖）', 'Enterprises (incl. sub-regions)'), L('说明', 'Note')],
    numeric: [false, false, true, false],
    nowrap: [true, true, false, false],
    rows: data.summary.regions.map((r) => [
      `${'　'.repeat(r.depth)}${r.name}`,
      labelOf(REGION_KIND_LABELS, r.kind, locale),
      String(r.enterprises),
      r.note ?? '',
    ]),
  });
  regionBlocks.push(heading(3, '统计指标', 'Indicators'));
  if (data.summary.indicators.length === 0) regionBlocks.push(na(L('数据集中没有本区域的统计指标', 'the dataset has no indicator for this region')));
  else
    regionBlocks.push({
      kind: 'table',
      headers: [L('区域', 'Region'), L('产业链', 'Chain'), L('指标', 'Metric'), L('年份', 'Year'), L('数值', 'Value'), L('单位', 'Unit'), L('同比增速', 'Growth')],
      numeric: [false, false, false, false, true, false, true],
      rows: data.summary.indicators.map((i) => [
        i.regionName,
        i.chainName ?? '—',
        labelOf(METRIC_LABELS, i.metric, locale),
        `${i.year}${i.period === null ? '' : ` ${i.period}`}`,
        i.value === null ? { text: NA, tone: 'muted' } : String(i.value),
        i.unit ?? (i.value === null ? '' : unitOf(i.metric, L)),
        i.growth === null ? '—' : `${i.growth}%`,
      ]),
    });
  const targetBlocks: Block[] = [heading(2, '三、目标与产值测算', '3. Targets and output', 'targets')];
  targetBlocks.push(heading(3, '目标与审核', 'Targets and their audit'));
  if (data.summary.targets.length === 0) targetBlocks.push(na(L('数据集中没有本区域的目标', 'the dataset has no target for this region')));
  else {
    const comparator = (c: string) => ({ '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' })[c] ?? c;
    targetBlocks.push({
      kind: 'table',
      headers: [L('目标', 'Target'), L('区域', 'Region'), L('产业链', 'Chain'), L('指标', 'Metric'), L('类型', 'Kind'), L('年份', 'Year'), L('目标值', 'Value'), L('年均增速', 'Growth'), L('达成概率', 'Probability'), L('相对测算区间', 'Against band')],
      numeric: [false, false, false, false, false, false, true, true, true, false],
      rows: data.summary.targets.map((t) => {
        const audit = t.audit;
        const band = audit?.bandPosition;
        return [
          { text: t.id, code: true },
          t.regionName,
          t.chainName ?? '—',
          labelOf(METRIC_LABELS, t.metric, locale),
          `${t.kind === 'target' ? L('目标', 'target') : L('预期', 'expectation')}${t.condition === null ? '' : `（${t.condition}）`}`,
          t.year === null ? '—' : `${t.year}${t.period === null ? '' : ` ${t.period}`}`,
          t.value === null ? '—' : `${comparator(t.comparator)} ${t.value}${t.unit ?? unitOf(t.metric, L)}`,
          t.growth === null ? '—' : `${t.growth}%`,
          audit === null || !audit.available
            ? { text: L('未审核', 'not audited'), tone: 'muted' }
            : !audit.estimateHasData
              ? { text: L('无数据（无产值数据）', 'n/a (no output data)'), tone: 'muted' }
              : audit.probability === null
                ? { text: NA, tone: 'muted' }
                : { text: share(audit.probability), tone: audit.probability >= 0.5 ? 'ok' : 'warn' },
          band === null || band === undefined || !audit?.estimateHasData
            ? '—'
            : { below: L('低于 P10', 'below P10'), within: L('P10–P90 之内', 'within P10–P90'), above: L('高于 P90', 'above P90') }[band],
        ];
      }),
    });
    const audited = data.summary.targets.filter((t) => t.audit !== null);
    if (audited.length > 0)
      targetBlocks.push({ kind: 'list', items: audited.map((t) => [{ text: t.id, code: true }, '：', R(t.audit!.reason)]) });
    const notAudited = data.summary.targets.filter((t) => t.audit === null).length;
    if (notAudited > 0)
      targetBlocks.push(
        p(
          L(
            `其余 ${notAudited} 个目标不是产值或销售收入目标（或其产业链不在本报告范围内），产值测算不对其审核。`,
            `The other ${notAudited} target(s) are not about output or sales (or their chain is outside this report), so the output estimate does not audit them.`,
          ),
        ),
      );
  }

  // region-wide output
  targetBlocks.push(heading(3, '区域产值测算', 'Region-wide output estimate'));
  targetBlocks.push(
    p(
      L(
        `${data.scope.regionName}全部已建模企业与项目（不分产业链）的产值测算；与产业链无关的目标在此审核。`,
        `Output of every modelled firm and project of ${data.scope.regionName} (all chains); targets not tied to a chain are audited here.`,
      ),
    ),
  );
  targetBlocks.push(...outputBlocks(data.regionOutput, null));

  // 3. chains
  data.chains.forEach((c, i) => blocks.push(...chainBlocks(c, i)));
  if (data.chains.length === 0) {
    blocks.push(heading(2, '二、产业链', '2. Chains', 'chains'));
    blocks.push(na(data.noChain ?? { zh: '报告范围内没有产业链', en: 'no chain in scope' }));
  }

  blocks.push(...targetBlocks, ...regionBlocks);

  // appendix
  blocks.push(heading(2, '附：数据来源与方法', 'Appendix: sources and methods', 'appendix'));
  blocks.push(heading(3, '数据来源', 'Sources'));
  if (data.sources.length === 0) blocks.push(na(L('数据集未列出资料来源', 'the dataset lists no source')));
  else
    blocks.push({
      kind: 'table',
      headers: ['ID', L('标题', 'Title'), L('发布者', 'Publisher'), L('日期', 'Date'), L('文件', 'File')],
      rows: data.sources.map((s) => [{ text: s.id, code: true }, s.title, s.publisher ?? '—', s.date ?? '—', s.file ?? '—']),
    });
  blocks.push(heading(3, '方法', 'Methods'));
  blocks.push({
    kind: 'list',
    items: [
      [L('缺链清单：findGaps——本地无在产/在建企业为缺链；单一企业或 HHI > 0.25 为短板；严重度 = 0.5×价值 + 0.3×关键性 + 0.2×可行性（关联密度），在建补链项目减半。', 'Gaps: findGaps — missing when no local operating or building firm; thin with one firm or HHI > 0.25; severity = 0.5·value + 0.3·criticality + 0.2·feasibility (relatedness density), halved while a project fills it.')],
      [L('招商清单：recommendRecruits——外地同环节企业按替代外购、规模、关联度打分（0.5/0.3/0.2）。', 'Recruitment list: recommendRecruits — outside firms of the segment scored on substitution, size and relatedness (0.5/0.3/0.2).')],
      [L('链主清单：rankLeaders——产值、本地上下游、供货额、PageRank、介数、模板相邻环节的加权综合。', 'Leaders: rankLeaders — weighted composite of output, local partners, link value, PageRank, betweenness and template neighbours.')],
      [L('供需对接：suggestMatches——按模板流向匹配尚未建立供货关系的本地供方与需方。', 'Matches: suggestMatches — local suppliers and buyers not yet linked whose segments meet in a template flow.')],
      [L('集群评分：scoreCluster——完整度、本地配套率、链主带动、网络凝聚度、专业化、分布均衡六项，缺数据的维度不计分并重新分配权重。', 'Cluster score: scoreCluster — completeness, local supply, leader anchoring, cohesion, specialisation, diversity; components without data are left out and the weights re-shared.')],
      [L(`产值测算：estimateOutput——现有产值、产能、项目（按状态加权、爬坡、延期）与链主带动产值的蒙特卡洛模拟（${data.settings.runs} 次），给出 P10/P50/P90 并审核产值目标。`, `Output: estimateOutput — Monte Carlo (${data.settings.runs} runs) over current output, capacity, projects (likelihood by status, ramp-up, delay) and output induced by leaders, with P10/P50/P90 and an audit of output targets.`)],
      [L('断链风险：singlePointsOfFailure——链主供应子图的支配点：某一供应商停供即切断某一投入环节。', 'Single points of failure: singlePointsOfFailure — dominators of the leader\'s supply subgraph: suppliers whose loss cuts the leader off from an input segment.')],
    ],
  });

  return { title, lang: locale, blocks };

  // -------------------------------------------------------------------------------------------

  function chainLeaders(c: ChainReport): string[] {
    const view = c.gaps.segments.flatMap((s) => s.localEnterprises);
    return [...new Set(view)].filter((id) => {
      const e = model.dataset.enterprises[model.index.enterprises.byId.get(id)!]!;
      return (e.chainRoles?.find((x) => x.chain === c.chain)?.role ?? e.role) === 'leader';
    });
  }

  function chainBlocks(c: ChainReport, i: number): Block[] {
    const out: Block[] = [];
    const segName = (id: string) => c.segmentNames[id] ?? id;
    const s = c.gaps.summary;
    out.push({ kind: 'heading', level: 2, text: `${L('二', '2')}.${i + 1} ${c.name}`, secondary: c.chain, id: `chain-${c.chain}` });
    if (c.description !== null) out.push(p(c.description));
    out.push(
      p(
        L(
          `${s.segments} 个环节，本地已有 ${s.present} 个，缺链 ${s.missing} 个，短板 ${s.thin} 个，外部依赖 ${s.externalDependencies} 个，补链中 ${s.beingFilled} 个；本地企业 ${s.localEnterprises} 家。`,
          `${s.segments} segments: ${s.present} present, ${s.missing} missing, ${s.thin} thin, ${s.externalDependencies} dependent on outside supply, ${s.beingFilled} being filled; ${s.localEnterprises} local firm(s).`,
        ),
      ),
    );

    // map
    out.push(heading(3, '产业链图谱', 'Chain map'));
    const view = chainView(model, { chain: c.chain, region: data.scope.region, gaps: c.gaps });
    const svg = chainMapOf(model, view, { chain: c.chain, region: data.scope.region, gaps: c.gaps, locale });
    const mapWidth = Number(/width="([\d.]+)"/u.exec(svg)?.[1] ?? 0);
    out.push({
      kind: 'figure',
      svg,
      fit: mapWidth <= 1450,
      caption: L('方框为环节，按流向从左（上游）到右（下游）排列；框内为本地企业，★ 为链主。悬停可见全名。', 'Boxes are segments, left (upstream) to right (downstream) by flow; inside are the local firms, ★ marks a chain leader. Hover for full names.'),
      fallback: mapFallback(view),
    });

    // leaders
    out.push(heading(3, '链主清单', 'Chain leaders'));
    out.push(...leaderBlocks(c.leaders), ...cutNote(c.chain, 'leaders'));

    // supporting firms
    out.push(heading(3, '配套清单', 'Supporting firms'));
    if (c.supporting.length === 0) out.push(na(L('本链在本区域没有记录链主以外的企业', 'no local firm other than the leaders is recorded for this chain')));
    else
      out.push({
        kind: 'table',
        headers: [L('企业', 'Firm'), L('角色', 'Role'), L('状态', 'Status'), L('所在区域', 'Region'), L('环节', 'Segments'), L('产值（亿元）', 'Output (亿元)'), L('供货本地企业', 'Supplies locally'), L('供货外地企业', 'Supplies outside')],
        numeric: [false, false, false, false, false, true, false, false],
        rows: c.supporting.map((f) => [
          f.name,
          f.role === null ? '—' : labelOf(ROLE_LABELS, f.role, locale),
          labelOf(ENTERPRISE_STATUS_LABELS, f.status, locale),
          f.regionName,
          f.segments.join(L('、', ', ')),
          f.output === null ? { text: NA, tone: 'muted' } : String(f.output),
          f.localBuyers.length === 0 ? '—' : f.localBuyers.join(L('、', ', ')),
          f.outsideBuyers.length === 0 ? '—' : f.outsideBuyers.join(L('、', ', ')),
        ]),
      });
    out.push(...cutNote(c.chain, 'supporting'));

    // gaps
    out.push(heading(3, '缺链清单', 'Gaps'));
    if (c.gaps.findings.length === 0) out.push(p(L('未发现缺链、短板或外部依赖。', 'No missing, thin or externally supplied segment found.')));
    else
      out.push({
        kind: 'table',
        headers: ['#', L('环节', 'Segment'), L('位置', 'Stage'), L('类型', 'Kind'), L('严重度', 'Severity'), L('原因', 'Reason')],
        numeric: [true, false, false, false, true, false],
        rows: c.gaps.findings.map((f, k) => [
          String(k + 1),
          f.segmentName,
          labelOf(STAGE_LABELS, f.stage, locale),
          {
            text: `${pick(GAP_LABELS[f.code], locale)}${f.code === 'extension_opportunity' ? `（${f.direction === 'backward' ? L('向上游', 'backward') : L('向下游', 'forward')}）` : ''}`,
            tone: TONE_OF[f.code]!,
          },
          fmt(f.severity, 3),
          [R(f.reason), ...(f.beingFilledBy.length > 0 ? [{ text: L(' 【补链中】', ' [being filled]'), tone: 'filling' as const }] : [])],
        ]),
      });
    if (c.gaps.limitations.length > 0) {
      out.push(p({ text: L('分析局限：', 'Limitations: '), strong: true }));
      out.push({ kind: 'list', items: c.gaps.limitations.map((l) => [R(l.reason)]) });
    }

    // recruits
    out.push(heading(3, '招商清单', 'Recruitment list'));
    out.push(...recruitBlocks(c.recruits));

    // matches
    out.push(heading(3, '供需对接', 'Suggested supply matches'));
    out.push(...matchBlocks(c.matches, segName));

    // cluster
    out.push(heading(3, '产业集群评分', 'Cluster score'));
    out.push(...clusterBlocks(c.cluster));

    // output
    out.push(heading(3, '产值测算与目标审核', 'Output estimate and target audit'));
    out.push(...outputBlocks(c.output, c.chain));

    // resilience
    out.push(heading(3, '断链风险（链主单点失效）', 'Single points of failure of the leaders'));
    out.push(...resilienceBlocks(c.resilience, segName), ...cutNote(c.chain, 'resilience'));
    return out;
  }

  function mapFallback(view: ChainView): Block[] {
    const rows: Cell[][] = [];
    view.columns.forEach((col, g) =>
      col.forEach((id) => {
        const seg = view.segments.find((x) => x.id === id)!;
        const state: Inline[] = seg.findings.map((code) => ({ text: `${pick(GAP_LABELS[code], locale)} `, tone: TONE_OF[code]! }));
        if (seg.filling.length > 0) state.push({ text: L('补链中', 'being filled'), tone: 'filling' });
        if (state.length === 0) state.push({ text: L('本地已有', 'present'), tone: 'ok' });
        const limit = data.settings.listLimit ?? Infinity;
        const named = seg.enterprises.length > limit ? seg.enterprises.slice(0, limit) : seg.enterprises;
        const firms: Inline[] =
          seg.enterprises.length === 0
            ? [{ text: L('无本地企业', 'no local firm'), tone: 'muted' }]
            : named.flatMap((e, k) => [
                ...(k > 0 ? [L('、', ', ')] : []),
                e.leader ? { text: `★${e.name}`, strong: true } : e.name,
                ...(e.status === 'operating' ? [] : [`（${labelOf(ENTERPRISE_STATUS_LABELS, e.status, locale)}）`]),
              ]);
        if (named.length < seg.enterprises.length)
          firms.push({ text: L(`等 ${seg.enterprises.length} 家`, ` and ${seg.enterprises.length - named.length} more (${seg.enterprises.length} in all)`), tone: 'muted' });
        rows.push([String(g + 1), seg.name, labelOf(STAGE_LABELS, seg.stage, locale), state, firms]);
      }),
    );
    const nodeId = new Map(view.segments.map((s, k) => [s.id, `s${k}`]));
    const mermaidText = (text: string) => text.replace(/"/gu, '#quot;').replace(/[<>\r\n]/gu, ' ');
    const lines = ['flowchart LR'];
    for (const seg of view.segments) {
      const firms = seg.enterprises.map((e) => `${e.leader ? '★' : ''}${e.name}`);
      const shown = firms.length > 3 ? [...firms.slice(0, 3), `+${firms.length - 3}`] : firms;
      const label = [seg.name, ...shown].map(mermaidText).join('<br/>');
      lines.push(`  ${nodeId.get(seg.id)}["${label}"]:::${seg.filling.length > 0 ? 'filling' : seg.state}`);
    }
    for (const f of view.flows) lines.push(`  ${nodeId.get(f.from)} --> ${nodeId.get(f.to)}`);
    lines.push(
      '  classDef present fill:#e8f5e9,stroke:#2e7d32',
      '  classDef thin fill:#fff8e1,stroke:#ef6c00',
      '  classDef missing fill:#f5f5f5,stroke:#c62828,stroke-dasharray:5 3,color:#757575',
      '  classDef filling fill:#e3f2fd,stroke:#1565c0',
    );
    return [
      {
        kind: 'table',
        headers: [L('层', 'Tier'), L('环节', 'Segment'), L('位置', 'Stage'), L('状态', 'State'), L('本地企业（★ 链主）', 'Local firms (★ leader)')],
        numeric: [true, false, false, false, false],
        rows,
      },
      { kind: 'mermaid', code: lines.join('\n') },
    ];
  }

  function leaderBlocks(section: Section<LeaderRanking>): Block[] {
    if (!section.available) return [na(section.reason)];
    const r = section.result;
    const out: Block[] = [];
    if (r.ranking.length === 0) return [na(L('本区域没有本链的企业可供排序', 'no firm of this chain in the region to rank')), ...r.notes.map((n) => p(R(n)))];
    const declared = r.ranking.filter((e) => e.declaredLeader);
    // without any valued local link the analysis leaves the component out: no value to show
    const linkValueKnown = r.components.some((x) => x.name === 'linkValue' && x.available);
    out.push(
      p(
        declared.length === 0
          ? { text: L('数据中未声明本链的链主。', 'No chain leader (链主) is declared in the data.'), tone: 'warn' }
          : L(`已声明链主：${declared.map((e) => e.name).join('、')}。`, `Declared leaders: ${declared.map((e) => e.name).join(', ')}.`),
        L('下表按综合得分排序（候选企业的链主潜力）。', ' The table ranks firms by composite score (their potential as a leader).'),
      ),
    );
    out.push({
      kind: 'table',
      headers: [L('排名', 'Rank'), L('企业', 'Firm'), L('角色', 'Role'), L('综合得分', 'Composite'), L('产值（亿元）', 'Output (亿元)'), L('本地供应商', 'Local suppliers'), L('本地客户', 'Local buyers'), L('本地供货额（亿元）', 'Local link value (亿元)'), L('缺项', 'Unknown')],
      numeric: [true, false, false, true, true, true, true, true, false],
      rows: r.ranking.map((e) => [
        String(e.rank),
        e.declaredLeader ? { text: `★ ${e.name}`, tone: 'leader' } : e.name,
        e.role === null ? '—' : labelOf(ROLE_LABELS, e.role, locale),
        e.composite === null ? { text: NA, tone: 'muted' } : fmt(e.composite, 3),
        e.values.output === null ? { text: NA, tone: 'muted' } : fmt(e.values.output),
        String(e.values.suppliers),
        String(e.values.buyers),
        e.values.linkValue === null || !linkValueKnown ? { text: NA, tone: 'muted' } : fmt(e.values.linkValue),
        e.missing.length === 0 ? '—' : e.missing.map((m) => (LEADER_COMPONENT_LABELS[m] ? R(LEADER_COMPONENT_LABELS[m]!) : m)).join(L('、', ', ')),
      ]),
    });
    if (r.flags.length > 0) out.push({ kind: 'list', items: r.flags.map((f) => [{ text: f.code === 'declared_leader_low' ? L('链主排名偏低', 'declared leader ranks low') : L('未声明但排名靠前', 'undeclared but high'), tone: 'warn' }, '：', R(f.reason)]) });
    const components = r.components
      .map((x) => `${LEADER_COMPONENT_LABELS[x.name] ? R(LEADER_COMPONENT_LABELS[x.name]!) : x.name} ${x.available ? formatShare(x.usedWeight) : L('不可用', 'n/a')}`)
      .join(L('；', '; '));
    out.push(p({ text: L('综合得分构成：', 'Composite: '), strong: true }, components));
    if (r.notes.length > 0) out.push({ kind: 'list', items: r.notes.map((n) => [R(n)]) });
    return out;
  }

  function recruitBlocks(section: Section<RecruitsResult>): Block[] {
    if (!section.available) return [na(section.reason)];
    const r = section.result;
    const out: Block[] = [];
    if (r.entries.length === 0) return [p(L('没有需要招商补齐的缺口。', 'No gap to recruit for.'))];
    out.push(
      p(
        L(
          `${r.summary.gaps} 个缺口环节，其中 ${r.summary.withCandidates} 个在数据中有候选企业（共 ${r.summary.candidates} 家）。`,
          `${r.summary.gaps} gap segment(s), ${r.summary.withCandidates} with candidates in the data (${r.summary.candidates} in all).`,
        ),
      ),
    );
    const withCandidates = r.entries.filter((e) => e.candidates.length > 0);
    if (withCandidates.length > 0)
      out.push({
        kind: 'table',
        headers: [L('环节', 'Segment'), L('缺口', 'Gap'), L('严重度', 'Severity'), L('候选企业', 'Candidate'), L('所在地', 'Located in'), L('匹配度', 'Fit'), L('理由', 'Reason')],
        numeric: [false, false, true, false, false, true, false],
        rows: withCandidates.flatMap((e) =>
          e.candidates.map((cand, k) => [
            k === 0 ? e.segmentName : '',
            k === 0 ? e.gaps.map((g) => pick(GAP_LABELS[g], locale)).join(L('、', ', ')) : '',
            k === 0 ? fmt(e.severity, 3) : '',
            { text: cand.name, strong: k === 0 },
            regionName(cand.region),
            fmt(cand.fit, 3),
            R(cand.reason),
          ]),
        ),
      });
    const without = r.entries.filter((e) => e.candidates.length === 0);
    if (without.length > 0) {
      out.push(p({ text: L(`数据中没有候选企业的缺口（${without.length} 个）：`, `Gaps with no candidate in the data (${without.length}):`), strong: true }));
      out.push({
        kind: 'table',
        headers: [L('环节', 'Segment'), L('缺口', 'Gap'), L('严重度', 'Severity'), L('招商方向', 'What to look for')],
        numeric: [false, false, true, false],
        rows: without.map((e) => [e.segmentName, e.gaps.map((g) => pick(GAP_LABELS[g], locale)).join(L('、', ', ')), fmt(e.severity, 3), R(e.reason)]),
      });
    }
    return out;
  }

  function matchBlocks(section: Section<MatchResult>, segName: (id: string) => string): Block[] {
    if (!section.available) return [na(section.reason)];
    const r = section.result;
    const out: Block[] = [];
    if (r.matches.length === 0) {
      out.push(na(L('未找到尚未建立供货关系、且环节在模板流向上相接的本地供需组合', 'no local supplier–buyer pair, not yet linked, whose segments meet in a template flow')));
    } else {
      out.push(p(L(`共找到 ${r.candidates} 个候选组合，列出前 ${r.matches.length} 个。`, `${r.candidates} candidate pair(s) found; the top ${r.matches.length} are listed.`)));
      out.push({
        kind: 'table',
        headers: [L('排名', 'Rank'), L('供方', 'Supplier'), L('需方', 'Buyer'), L('流向', 'Flow'), L('得分', 'Score'), L('理由', 'Reason')],
        numeric: [true, false, false, false, true, false],
        rows: r.matches.map((m) => [
          String(m.rank),
          enterpriseName(m.supplier),
          enterpriseName(m.buyer),
          `${m.flow.chain === r.scope.chain ? segName(m.flow.from) : m.flow.from} → ${m.flow.chain === r.scope.chain ? segName(m.flow.to) : m.flow.to}${m.crossChain ? L('（跨链）', ' (cross-chain)') : ''}`,
          fmt(m.score, 3),
          R(m.reason),
        ]),
      });
    }
    if (r.notes.length > 0) out.push({ kind: 'list', items: r.notes.map((n) => [R(n)]) });
    return out;
  }

  function clusterBlocks(section: Section<ClusterScore>): Block[] {
    if (!section.available) return [na(section.reason)];
    const r = section.result;
    const out: Block[] = [];
    if (r.total === null) out.push(na(r.reason));
    else out.push(p({ text: L(`集群得分 ${fmt(r.total, 1)} / 100`, `Cluster score ${fmt(r.total, 1)} / 100`), strong: true }, L('。', '. '), R(r.reason)));
    out.push({
      kind: 'table',
      headers: [L('维度', 'Component'), L('得分（0–1）', 'Value (0–1)'), L('设定权重', 'Weight'), L('实际权重', 'Weight used'), L('依据', 'Basis'), L('说明', 'Explanation')],
      numeric: [false, true, true, true, false, false],
      rows: r.components.map((x) => [
        R(x.label),
        x.available && x.value !== null ? fmt(x.value, 3) : { text: NA, tone: 'muted' },
        fmt(x.weight, 2),
        x.available ? formatShare(x.weightUsed) : '—',
        x.basis ?? '—',
        R(x.reason),
      ]),
    });
    return out;
  }

  function outputBlocks(section: Section<OutputEstimate>, chain: string | null): Block[] {
    if (!section.available) return [na(section.reason)];
    const est = section.result;
    const out: Block[] = [];
    const noData = !estimateHasData(est);
    const missingOutput = est.gaps.filter((g) => g.code === 'no-output').length + (cutOf(chain, 'output.gaps')?.omittedByCode?.['no-output'] ?? 0);
    const gapTotal = cutOf(chain, 'output.gaps')?.total ?? est.gaps.length;
    if (noData) {
      out.push(
        na(
          L(
            `测算范围内没有任何已知产值、可折算的产能或带预期产值的项目${missingOutput > 0 ? `（${missingOutput} 家企业缺产值数据）` : ''}，无法测算产值`,
            `no known output, priced capacity or project with an expected output in scope${missingOutput > 0 ? ` (${missingOutput} firm(s) without output data)` : ''}, so output cannot be estimated`,
          ),
        ),
      );
    } else {
      out.push(
        p(
          L(
            `基准年 ${est.baseYear}；${est.runs} 次模拟，种子 ${est.seed}。单位：亿元。期望为各次模拟的均值，P10/P90 为 80% 区间。`,
            `Base year ${est.baseYear}; ${est.runs} runs, seed ${est.seed}. In 亿元. Expected is the mean over runs; P10–P90 is the 80% band.`,
          ),
        ),
      );
      out.push({
        kind: 'table',
        headers: [L('年份', 'Year'), L('期望', 'Expected'), 'P10', 'P50', 'P90', L('现有产值', 'Current'), L('在建/签约项目', 'Pipeline'), L('产能折算', 'Capacity'), L('链主带动', 'Induced')],
        numeric: [false, true, true, true, true, true, true, true, true],
        rows: est.byYear.map((y) => [String(y.year), fmt(y.expected), fmt(y.p10), fmt(y.p50), fmt(y.p90), ...OUTPUT_KINDS.map((k) => fmt(y.byKind[k].expected))]),
      });
      const counted = est.projects.filter((x) => x.counted);
      if (est.projects.length > 0)
        out.push({
          kind: 'table',
          headers: [L('项目', 'Project'), L('状态', 'Status'), L('满产产值（亿元）', 'Full output (亿元)'), L('投产年份', 'Production year'), L('落地概率', 'Likelihood'), L('计入', 'Counted'), L(`${est.years[est.years.length - 1]}年期望`, `Expected ${est.years[est.years.length - 1]}`)],
          numeric: [false, false, true, true, true, false, true],
          rows: est.projects.map((x) => [
            x.name,
            labelOf(PROJECT_STATUS_LABELS, x.status, locale),
            x.fullOutput === null ? { text: NA, tone: 'muted' } : fmt(x.fullOutput),
            x.productionYear === null ? { text: NA, tone: 'muted' } : String(x.productionYear),
            share(x.likelihood),
            x.counted ? L('是', 'yes') : { text: L('否', 'no'), tone: 'muted' },
            x.counted ? fmt(x.expected[x.expected.length - 1]) : '—',
          ]),
        });
      out.push(...cutNote(chain, 'output.projects'));
      if (counted.length === 0 && est.projects.length > 0) out.push(p(L('没有项目计入测算（见各项目说明）。', 'No project is counted (see each project).')));
    }
    if (est.gaps.length > 0) {
      const shown = est.gaps.slice(0, 10);
      out.push(p({ text: L('未计入测算的企业与项目：', 'Left out of the estimate: '), strong: true }));
      out.push({ kind: 'list', items: shown.map((g) => [R(g.reason)]) });
      if (gapTotal > shown.length)
        out.push(
          p(
            cutOf(chain, 'output.gaps') === undefined
              ? L(`另有 ${gapTotal - shown.length} 条未列出（见 JSON 报告）。`, `${gapTotal - shown.length} more not listed (see the JSON report).`)
              : L(
                  `另有 ${gapTotal - shown.length} 条未列出（JSON 报告列出前 ${est.gaps.length} 条；全部列出：--list-limit all）。`,
                  `${gapTotal - shown.length} more not listed (the JSON report lists the first ${est.gaps.length}; to list all: --list-limit all).`,
                ),
          ),
        );
    }
    const audits = est.targets.filter((t) => (chain === null ? t.scope.chain === null : t.scope.chain === chain));
    if (audits.length > 0) {
      out.push(p({ text: L('目标审核：', 'Target audit: '), strong: true }));
      out.push({ kind: 'list', items: audits.map((t) => [{ text: t.target, code: true }, '：', R(t.reason)]) });
    } else if (chain !== null) {
      out.push(p({ text: L('目标审核：', 'Target audit: '), strong: true }, L('本链没有专门的产值目标；区域目标见第三部分。', 'this chain has no output target of its own; region-wide targets are in part 3.')));
    }
    return out;
  }

  function resilienceBlocks(section: Section<LeaderResilience[]>, segName: (id: string) => string): Block[] {
    if (!section.available) return [na(section.reason)];
    const out: Block[] = [];
    for (const { name, result } of section.result) {
      out.push({ kind: 'heading', level: 4, text: `★ ${name}` });
      out.push(
        p(
          L(
            `供应子图：上游企业 ${result.subgraph.suppliers} 家，供货关系 ${result.subgraph.links} 条。`,
            `Supply subgraph: ${result.subgraph.suppliers} upstream firm(s), ${result.subgraph.links} link(s).`,
          ),
        ),
      );
      if (result.subgraph.suppliers === 0)
        out.push(na(L('数据中没有该链主的上游供货关系，无法判断单点失效', 'the data record no supplier of this leader, so no single point of failure can be found')));
      else if (result.pointsOfFailure.length === 0) out.push(p({ text: L('在已记录的供货关系内未发现单点失效。', 'No single point of failure within the recorded links.'), tone: 'ok' }));
      else
        out.push({
          kind: 'table',
          headers: [L('供应商', 'Supplier'), L('直接供货', 'Direct'), L('断供即切断的环节', 'Segments cut off'), L('支配企业数', 'Dominates'), L('说明', 'Explanation')],
          numeric: [false, false, false, true, false],
          rows: result.pointsOfFailure.map((x) => [
            enterpriseName(x.id),
            x.direct ? L('是', 'yes') : L('否', 'no'),
            x.segments.map((sg) => segName(sg.segment)).join(L('、', ', ')),
            String(x.dominates),
            R(x.reason),
          ]),
        });
      if (result.singleSourceSegments.length > 0)
        out.push({
          kind: 'list',
          items: result.singleSourceSegments.map((x) => [
            { text: L('单一来源：', 'Single source: '), tone: 'warn' },
            L(`${segName(x.segment)} 仅由 ${enterpriseName(x.supplier)} 直接供货`, `${segName(x.segment)} is supplied directly by ${enterpriseName(x.supplier)} only`),
          ]),
        });
      if (result.notes.length > 0) out.push({ kind: 'list', items: result.notes.map((n) => [R(n)]) });
    }
    return out;
  }
}

function unitOf(metric: string, L: Pick): string {
  if (metric === 'enterprise-count') return L('家', '');
  if (metric === 'project-count') return L('个', '');
  if (metric === 'jobs') return L('人', '');
  return L('亿元', ' 亿元');
}
