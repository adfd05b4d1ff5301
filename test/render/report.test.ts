import { describe, expect, it } from 'vitest';
import { scoreCluster } from '../../src/analysis/cluster/index.js';
import { findGaps } from '../../src/analysis/gaps/index.js';
import { rankLeaders } from '../../src/analysis/leaders/index.js';
import { suggestMatches } from '../../src/analysis/matches/index.js';
import { estimateOutput } from '../../src/analysis/output/index.js';
import { recommendRecruits } from '../../src/analysis/recruits/index.js';
import { singlePointsOfFailure } from '../../src/analysis/resilience/index.js';
import { buildModel } from '../../src/graph/model.js';
import { round } from '../../src/internal/format.js';
import { DEFAULT_SEED } from '../../src/internal/random.js';
import { ChainError } from '../../src/model/issues.js';
import { parseDataset } from '../../src/model/parse.js';
import {
  buildReport,
  DEFAULT_REPORT_LIST_LIMIT,
  DEFAULT_REPORT_RESILIENCE_LIMIT,
  DEFAULT_REPORT_RUNS,
  estimateHasData,
  reportYears,
  type ReportProgress,
} from '../../src/render/report/data/index.js';
import { renderReport } from '../../src/render/report/index.js';
import { escapeXml } from '../../src/render/xml.js';
import { deepFreeze } from '../support/freeze.js';
import { seedModel } from '../support/seeds.js';
import { assertWellFormed, largeModel, windInput, windModel } from './helpers.js';

const SECTIONS_ZH = ['产业链图谱', '链主清单', '配套清单', '缺链清单', '招商清单', '供需对接', '产业集群评分', '产值测算与目标审核', '断链风险（链主单点失效）'];

/** Every external reference of a page: URLs other than the SVG namespace, scripts, links, imports. */
function externalReferences(html: string): string[] {
  const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/gu)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg');
  const tags = [...html.matchAll(/<(script|link|iframe|img|object|embed)\b/giu)].map((m) => m[0]);
  const other = [...html.matchAll(/(\bsrc=|@import|url\((?!#))/giu)].map((m) => m[0]);
  return [...urls, ...tags, ...other];
}

describe('reportYears', () => {
  it('runs from the latest observed year to the latest output target, at least two years on', () => {
    // outputs and the indicator are of 2023; the output target is for 2026
    expect(reportYears(windModel(), 'jiuquan')).toEqual([2023, 2024, 2025, 2026]);
    const input = windInput();
    input.targets = [];
    expect(reportYears(buildModel(parseDataset(input, { templates: [] }), { templates: [] }), 'jiuquan')).toEqual([2023, 2024, 2025]);
  });

  it('is empty when the data hold no year', () => {
    const input = windInput();
    input.targets = [];
    input.indicators = [];
    input.projects = [];
    input.enterprises = input.enterprises!.map(({ outputYear: _, ...e }) => e);
    expect(reportYears(buildModel(parseDataset(input, { templates: [] }), { templates: [] }), 'jiuquan')).toEqual([]);
  });
});

describe('buildReport', () => {
  const model = buildModel(deepFreeze(parseDataset(windInput(), { templates: [] })), { templates: [] });
  const data = buildReport(model, {});
  const years = [2023, 2024, 2025, 2026];
  const chain = data.chains[0]!;

  it('holds the analyses’ results as they are, for the same scope, years, runs and seed', () => {
    const ids = { chain: 'wind', region: 'jiuquan' };
    expect(data.settings).toEqual({
      locale: 'zh-CN',
      seed: DEFAULT_SEED,
      runs: DEFAULT_REPORT_RUNS,
      years,
      yearsSource: 'derived',
      recruitLimit: 5,
      matchLimit: 10,
      listLimit: DEFAULT_REPORT_LIST_LIMIT,
      resilienceLimit: DEFAULT_REPORT_RESILIENCE_LIMIT,
    });
    expect(data.truncated).toEqual([]);
    const gaps = findGaps(model, ids);
    expect(chain.gaps).toEqual(gaps);
    expect(chain.recruits).toEqual({ available: true, result: recommendRecruits(model, { ...ids, gaps, limit: 5 }) });
    expect(chain.cluster).toEqual({ available: true, result: scoreCluster(model, { ...ids, seed: DEFAULT_SEED }) });
    expect(chain.output).toEqual({ available: true, result: estimateOutput(model, { ...ids, years, runs: 2000, seed: DEFAULT_SEED }) });
    expect(chain.leaders).toEqual({ available: true, result: rankLeaders(model, { ...ids, seed: DEFAULT_SEED }) });
    expect(chain.matches).toEqual({ available: true, result: suggestMatches(model, { ...ids, limit: 10 }) });
    expect(chain.resilience).toEqual({
      available: true,
      result: [{ leader: 'yunfeng', name: '甘肃省云风智慧风电设备有限公司', result: singlePointsOfFailure(model, { leader: 'yunfeng', chain: 'wind' }) }],
    });
    expect(data.regionOutput).toEqual({ available: true, result: estimateOutput(model, { region: 'jiuquan', years, runs: 2000, seed: DEFAULT_SEED }) });
  });

  it('lists the supporting firms from the data, with whom they supply', () => {
    expect(chain.supporting.map((f) => [f.name, f.segments, f.output, f.localBuyers, f.outsideBuyers])).toEqual([
      ['九鼎风电叶片', ['叶片'], 8, ['甘肃省云风智慧风电设备有限公司'], []],
      ['瑞达紧固件', ['紧固件'], null, ['甘肃省云风智慧风电设备有限公司'], []],
    ]);
  });

  it('summarises the scope: regions below it, its indicators and targets with their audits', () => {
    expect(data.summary.regions.map((r) => [r.id, r.depth, r.enterprises])).toEqual([
      ['jiuquan', 0, 3],
      ['jq-etdz', 1, 2],
      ['yumen', 1, 1],
    ]);
    expect(data.summary.counts).toMatchObject({ chains: 1, segments: 5, enterprises: 5, localEnterprises: 3, projects: 1, localProjects: 1 });
    expect(data.summary.indicators.map((i) => [i.id, i.value, i.growth])).toEqual([['jq-output-2023', 60, 12]]);
    const audit = data.regionOutput.available ? data.regionOutput.result.targets.find((t) => t.target === 'jq-output-2026')! : undefined;
    expect(data.summary.targets).toHaveLength(1);
    expect(data.summary.targets[0]!.audit).toEqual({
      available: audit!.available,
      estimateHasData: true,
      noData: false,
      probability: audit!.probability,
      bandPosition: audit!.bandPosition,
      reason: audit!.reason,
    });
  });

  it('reports progress before each step, chains first, then the region', () => {
    const seen: ReportProgress[] = [];
    buildReport(model, { runs: 50, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(seen.every((p) => p.total === 8)).toBe(true);
    expect(seen.map((p) => p.step)).toEqual(['gaps', 'recruits', 'cluster', 'output', 'leaders', 'matches', 'resilience', 'region-output']);
    expect(seen[3]!.label.zh).toBe('风电装备：产值测算（50 次模拟）');
  });

  it('marks what the data cannot support as unavailable, with the reason', () => {
    const input = windInput();
    input.enterprises = input.enterprises!.map((e) => (e.id === 'yunfeng' ? { ...e, role: '配套' as const } : e));
    input.targets = [];
    input.indicators = [];
    input.projects = [];
    input.enterprises = input.enterprises.map(({ outputYear: _, ...e }) => e);
    const bare = buildReport(buildModel(parseDataset(input, { templates: [] }), { templates: [] }), {});
    const c = bare.chains[0]!;
    expect(c.resilience.available).toBe(false);
    expect(c.output.available).toBe(false);
    expect(bare.regionOutput.available).toBe(false);
    if (!c.output.available) expect(c.output.reason.en).toMatch(/no year/u);
    if (!c.resilience.available) expect(c.resilience.reason.zh).toContain('没有本链的链主');
  });

  it('throws a ChainError listing the valid ids for an unknown chain or region, and checks runs and seed', () => {
    expect(() => buildReport(model, { chain: 'solar' })).toThrow(ChainError);
    expect(() => buildReport(model, { region: 'mars', locale: 'en' })).toThrow(
      'unknown region "mars"; the dataset\'s regions: gansu (甘肃省), jiuquan (酒泉市), jq-etdz (酒泉经开区), yumen (玉门市), xinjiang (新疆), shanghai (上海市)',
    );
    expect(() => buildReport(model, { runs: 0 })).toThrow(/runs/u);
    expect(() => buildReport(model, { seed: 1.5 })).toThrow(/seed/u);
  });
});

describe('buildReport list limits', () => {
  const model = largeModel();
  const full = buildReport(model, { runs: 20, listLimit: Infinity, resilienceLimit: Infinity });
  const cut = buildReport(model, { runs: 20, listLimit: 7, resilienceLimit: 2 });
  const fullChain = full.chains[0]!;
  const cutChain = cut.chains[0]!;
  const ranking = (c: typeof fullChain) => (c.leaders.available ? c.leaders.result.ranking : []);

  it('lists everything with Infinity, and says so in the settings', () => {
    expect(full.settings).toMatchObject({ listLimit: null, resilienceLimit: null });
    expect(full.truncated).toEqual([]);
    expect(fullChain.supporting.length).toBeGreaterThan(7);
  });

  it('keeps the top of the ranking and every declared leader, and counts the rest', () => {
    const all = ranking(fullChain);
    const declared = all.filter((e) => e.declaredLeader);
    expect(declared.length).toBeGreaterThan(2);
    const kept = ranking(cutChain);
    expect(kept).toEqual(all.filter((e, k) => k < 7 || e.declaredLeader));
    expect(cut.truncated).toContainEqual({ chain: 'big', list: 'leaders', shown: kept.length, total: all.length });
  });

  it('keeps the first supporting firms when no output is known, in dataset order', () => {
    expect(cutChain.supporting).toEqual(fullChain.supporting.slice(0, 7));
    expect(cut.truncated).toContainEqual({ chain: 'big', list: 'supporting', shown: 7, total: fullChain.supporting.length });
  });

  it('analyses the single points of failure of resilienceLimit leaders and counts the others', () => {
    const analysed = cutChain.resilience.available ? cutChain.resilience.result : [];
    const every = fullChain.resilience.available ? fullChain.resilience.result : [];
    expect(analysed).toEqual(every.slice(0, 2));
    expect(cut.truncated).toContainEqual({ chain: 'big', list: 'resilience', shown: 2, total: every.length });
  });

  it('keeps the firms with the largest output', () => {
    const wind = windModel();
    const one = buildReport(wind, { runs: 20, listLimit: 1 });
    // 九鼎风电叶片 (8亿元) is kept, 瑞达紧固件 (output unknown) is counted
    expect(one.chains[0]!.supporting.map((f) => f.name)).toEqual(['九鼎风电叶片']);
    expect(one.truncated).toContainEqual({ chain: 'wind', list: 'supporting', shown: 1, total: 2 });
    const html = renderReport(wind, { format: 'html', runs: 20, listLimit: 1 });
    expect(html).toContain('共 2 条，此处列出 1 条（产值最大者）');
    const en = renderReport(wind, { format: 'md', runs: 20, listLimit: 1, locale: 'en' });
    expect(en).toContain('1 of 2 shown (the largest by output)');
  });

  it('rejects a limit that is not a whole number ≥ 1 or Infinity', () => {
    expect(() => buildReport(model, { listLimit: 0 })).toThrow(/listLimit/u);
    expect(() => buildReport(model, { resilienceLimit: 1.5 })).toThrow(/resilienceLimit/u);
  });
});

describe('renderReport', () => {
  const model = windModel();
  const html = renderReport(model, { format: 'html', runs: 500 });
  const md = renderReport(model, { format: 'md', runs: 500 });

  it('writes a self-contained, well-formed HTML page with the chain map inline and no scripts or network', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    assertWellFormed(html.replace('<!DOCTYPE html>', ''));
    expect(externalReferences(html)).toEqual([]);
    expect(html.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="ic-chain-map"/gu)).toHaveLength(1);
    expect(html).toContain('<style>');
  });

  it('has every list, Chinese first with the English heading beside it', () => {
    for (const heading of SECTIONS_ZH) expect(html).toMatch(new RegExp(`<h3>${heading.replace(/[()（）]/gu, '.')} <small>`, 'u'));
    expect(html).toContain('<h3>链主清单 <small>Chain leaders</small></h3>');
    expect(md).toContain('### 缺链清单 · Gaps');
    const en = renderReport(model, { format: 'md', runs: 50, locale: 'en' });
    expect(en).toContain('### Gaps · 缺链清单');
    expect(en).toContain('### Recruitment list · 招商清单');
  });

  it('shows the analyses’ numbers and reasons', () => {
    const ids = { chain: 'wind', region: 'jiuquan' };
    const cluster = scoreCluster(model, ids);
    expect(html).toContain(`集群得分 ${round(cluster.total!, 1)} / 100`);
    for (const f of findGaps(model, ids).findings) {
      expect(html).toContain(`<td class="num">${round(f.severity, 3)}</td>`);
      expect(html).toContain(escapeXml(f.reason.zh));
    }
    const estimate = estimateOutput(model, { ...ids, years: [2023, 2024, 2025, 2026], runs: 500, seed: DEFAULT_SEED });
    for (const y of estimate.byYear) expect(html).toContain(`<td class="num">${round(y.p90, 2)}</td>`);
    const spof = singlePointsOfFailure(model, { leader: 'yunfeng', chain: 'wind' });
    expect(spof.pointsOfFailure.length).toBeGreaterThan(0);
    for (const p of spof.pointsOfFailure) expect(html).toContain(escapeXml(p.reason.zh));
    for (const e of rankLeaders(model, ids).ranking) expect(html).toContain(escapeXml(e.name));
  });

  it('shows "无数据" with the reason where an analysis could not compute, never 0', () => {
    // 酒泉's wind chain: no firm has a known output, capacity or project
    const jiuquan = renderReport(seedModel('jiuquan'), { chain: 'wind-power', format: 'md', runs: 50 });
    const section = jiuquan.slice(jiuquan.indexOf('### 产值测算与目标审核'), jiuquan.indexOf('### 断链风险'));
    expect(section).toContain('> 无数据：测算范围内没有任何已知产值、可折算的产能或带预期产值的项目（6 家企业缺产值数据），无法测算产值');
    expect(section).not.toContain('| 年份 | 期望 |');
    const data = buildReport(seedModel('jiuquan'), { chain: 'wind-power', runs: 50 });
    expect(data.chains[0]!.output.available && estimateHasData(data.chains[0]!.output.result)).toBe(false);
    // 运城's chain target against an estimate without any output: cannot be audited, no probability, no band position
    const yuncheng = renderReport(seedModel('yuncheng'), { chain: 'new-energy-vehicle', format: 'md', runs: 50 });
    expect(yuncheng).toMatch(/\| `nev-output-once-formed` \|[^\n]*\| ≥ 200亿元 \| — \| 无法审核（无产值数据） \| — \|\n/u);
    expect(yuncheng).not.toMatch(/概率 0%/u);
  });

  it('writes Markdown with the chain map as a table and a Mermaid flowchart', () => {
    expect(md).not.toContain('<svg');
    expect(md).toContain('| 层 | 环节 | 位置 | 状态 | 本地企业（★ 链主） |');
    // the 链主's own segment is not a 短板 for having one firm
    expect(md).toContain('| 3 | 整机 | 中游 | 本地已有 | **★甘肃省云风智慧风电设备有限公司** |');
    expect(md).toContain('```mermaid\nflowchart LR\n');
    expect(md).toContain('s3["整机<br/>★甘肃省云风智慧风电设备有限公司"]:::present');
  });

  it('writes JSON: the report data', () => {
    const json = JSON.parse(renderReport(model, { format: 'json', runs: 100 }));
    expect(json).toEqual(JSON.parse(JSON.stringify(buildReport(model, { runs: 100 }))));
    expect(json.kind).toBe('industrial-chain-report');
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(renderReport(model, { format: 'md', runs: 200, seed: 7 })).toBe(renderReport(windModel(), { format: 'md', runs: 200, seed: 7 }));
    expect(renderReport(model, { format: 'json', runs: 200, seed: 7 })).not.toBe(renderReport(model, { format: 'json', runs: 200, seed: 8 }));
  });

  it('rejects an unknown format', () => {
    expect(() => renderReport(model, { format: 'pdf' as 'md' })).toThrow(/format/u);
  });
});

describe('renderReport on the seeds', () => {
  it.each(['jiuquan', 'yuncheng', 'linfen'])('%s: every chain with its map and lists, in HTML and Markdown', (seed) => {
    const model = seedModel(seed);
    const html = renderReport(model, { format: 'html', runs: 200 });
    assertWellFormed(html.replace('<!DOCTYPE html>', ''));
    expect(externalReferences(html)).toEqual([]);
    expect(html.match(/class="ic-chain-map"/gu)).toHaveLength(model.chains.length);
    for (const chain of model.chains) expect(html).toContain(`id="chain-${chain.id}"`);
    expect(html.match(/<h3>链主清单 /gu)).toHaveLength(model.chains.length);
    const md = renderReport(model, { format: 'md', runs: 200 });
    expect(md.match(/```mermaid/gu)).toHaveLength(model.chains.length);
  });

  it('yuncheng: names the declared 链主 of each chain and their single points of failure', () => {
    const data = buildReport(seedModel('yuncheng'), { runs: 100 });
    const nev = data.chains.find((c) => c.chain === 'new-energy-vehicle')!;
    expect(nev.resilience.available && nev.resilience.result.map((r) => r.leader)).toEqual(['dayun']);
    const html = renderReport(seedModel('yuncheng'), { format: 'html', runs: 100 });
    expect(html).toContain('<h4>★ 大运集团</h4>');
    // no supply link is recorded in the seed: said so, not "no single point of failure"
    expect(html).toContain('数据中没有该链主的上游供货关系，无法判断单点失效');
  });

  it('wuwei (no chain): summary, regions, targets and a clear statement that no chain is modelled', () => {
    const model = seedModel('wuwei');
    const data = buildReport(model, { runs: 50 });
    expect(data.chains).toEqual([]);
    expect(data.noChain?.zh).toMatch(/^本数据集未建模任何产业链/u);
    expect(data.summary.targets.map((t) => t.id)).toContain('zones-sales-2020');
    expect(data.summary.regions[0]!.id).toBe('liangzhou');
    const html = renderReport(model, { format: 'html', runs: 50 });
    assertWellFormed(html.replace('<!DOCTYPE html>', ''));
    expect(html).toContain('无数据：本数据集未建模任何产业链');
    expect(html).toContain('目标与审核');
    expect(html).toContain('统计指标');
    expect(html).not.toContain('ic-chain-map');
    const md = renderReport(model, { format: 'md', runs: 50, locale: 'en' });
    expect(md).toContain('Not available: This dataset models no industrial chain');
  });
});
