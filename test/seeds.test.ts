/**
 * Golden tests on the real datasets in seeds/: each validates without issues, holds the
 * counts and key facts of its documents, and every citation points at an existing line of
 * the document it cites (/work/shared/seeds, i.e. ../../shared/seeds from this file).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { safeParseDataset } from '../src/model/parse.js';
import type { Dataset } from '../src/model/schema.js';

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = resolve(here, '../seeds');
const documentsDir = resolve(here, '../../shared/seeds');
const haveDocuments = existsSync(documentsDir);
const SKIP_NOTE = 'needs ../../shared/seeds, skipped without it';
if (!haveDocuments) console.warn(`source documents not found at ${documentsDir}: the checks against the documents are skipped`);

const SEED_FILES = ['jiuquan.json', 'linfen.json', 'wuwei.json', 'yuncheng.json'];

function readRaw(file: string): unknown {
  return JSON.parse(readFileSync(resolve(seedsDir, file), 'utf8'));
}

function describeIssues(issues: readonly { path: string; message: string; severity: string }[]): string[] {
  return issues.map((i) => `${i.severity} ${i.path}: ${i.message}`);
}

/** Parses a seed; fails with every issue listed when it does not validate. */
function load(file: string): Dataset {
  const result = safeParseDataset(readRaw(file), { locale: 'en' });
  if (!result.success) throw new Error(`${file} does not validate:\n${describeIssues(result.issues).join('\n')}`);
  return result.data;
}

const toSimplified = Converter({ from: 't', to: 'cn' });
/** Pinyin conversion artefacts such as 強(qiáng) or 創(chuàng ). */
const PINYIN = /\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*)+\)/gu;
/** Traditional → simplified, NFKC, without pinyin artefacts: the key names are compared on. */
function normalise(text: string): string {
  return toSimplified(text.normalize('NFKC').replace(PINYIN, ''));
}

const documentLines = new Map<string, string[]>();
/** The lines of a source document (1-based line N is element N-1). */
function linesOf(file: string): string[] {
  let lines = documentLines.get(file);
  if (!lines) {
    lines = readFileSync(resolve(documentsDir, file), 'utf8').split(/\r?\n/u);
    if (lines.at(-1) === '') lines.pop();
    documentLines.set(file, lines);
  }
  return lines;
}

interface Cited {
  path: string;
  /** The record's own citations, or those of the record it belongs to. */
  citations: { source: string; locator?: string }[];
}

function ownCitations(record: Record<string, unknown>): { source: string; locator?: string }[] {
  const list = record.sources;
  // the dataset's top-level `sources` lists documents (no `source` key); skip it
  if (!Array.isArray(list)) return [];
  return (list as Record<string, unknown>[]).filter((c) => typeof c.source === 'string') as { source: string; locator?: string }[];
}

/** Every citation anywhere in a raw dataset, with the JSON path of the record holding it. */
function citationsOf(value: unknown, path = ''): (Cited['citations'][number] & { path: string })[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citationsOf(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return [
    ...ownCitations(record).map((c) => ({ ...c, path })),
    ...Object.entries(record).flatMap(([key, v]) => citationsOf(v, path === '' ? key : `${path}.${key}`)),
  ];
}

/** Every object with `basis: 'cited'` in a raw dataset, with the citations that back it. */
function citedRecords(value: unknown, path = '', inherited: Cited['citations'] = []): Cited[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citedRecords(v, `${path}[${i}]`, inherited));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = ownCitations(record);
  const citations = own.length > 0 ? own : inherited;
  return [
    ...(record.basis === 'cited' ? [{ path, citations }] : []),
    ...Object.entries(record).flatMap(([key, v]) => citedRecords(v, path === '' ? key : `${path}.${key}`, citations)),
  ];
}

const LOCATOR = /^line (\d+)(?:, .+)?$/u;

describe('seed datasets', () => {
  it('are exactly the four documented datasets', () => {
    expect(readdirSync(seedsDir).filter((f) => f.endsWith('.json')).sort()).toEqual(SEED_FILES);
  });

  it.each(SEED_FILES)('%s validates without errors or warnings', (file) => {
    const result = safeParseDataset(readRaw(file), { locale: 'en' });
    const issues = result.success ? result.warnings : result.issues;
    expect(describeIssues(issues)).toEqual([]);
    expect(result.success).toBe(true);
  });

  it.each([
    ['jiuquan.json', { regions: 21, chains: 9, enterprises: 29, links: 8, projects: 6, targets: 9, indicators: 12 }],
    ['yuncheng.json', { regions: 8, chains: 4, enterprises: 20, links: 0, projects: 3, targets: 4, indicators: 50 }],
    ['linfen.json', { regions: 10, chains: 2, enterprises: 2, links: 0, projects: 4, targets: 0, indicators: 1 }],
    ['wuwei.json', { regions: 8, chains: 0, enterprises: 2, links: 0, projects: 0, targets: 8, indicators: 0 }],
  ])('%s holds the expected number of records', (file, counts) => {
    const d = load(file);
    expect({
      regions: d.regions.length,
      chains: d.chains.length,
      enterprises: d.enterprises.length,
      links: d.links.length,
      projects: d.projects.length,
      targets: d.targets.length,
      indicators: d.indicators.length,
    }).toEqual(counts);
  });

  // Place-specific segments belong to the dataset's own chain, not to a generic template: only
  // 运城's intelligent-equipment chain has them (its 链主 makes printing plates; a member makes
  // cleaning equipment).
  it.each(SEED_FILES)('%s: chains use templates and add only their place-specific segments', (file) => {
    for (const chain of load(file).chains) {
      expect(chain.template, chain.id).toBeDefined();
      const own = file === 'yuncheng.json' && chain.id === 'intelligent-equipment' ? ['cleaning-equipment', 'plate-making'] : [];
      expect(chain.segments.map((s) => s.id), chain.id).toEqual(own);
    }
  });
});

describe('运城经开区 (doc-004)', () => {
  const d = load('yuncheng.json');
  const leadersOf = (chain: string) =>
    d.enterprises
      .filter((e) => e.chainRoles?.some((r) => r.chain === chain && r.role === 'leader'))
      .map((e) => e.name)
      .sort();
  const membersOf = (chain: string) =>
    d.enterprises
      .filter((e) => e.chainRoles?.some((r) => r.chain === chain && r.role === 'supporting'))
      .map((e) => e.name)
      .sort();

  it('has the four chains with their templates', () => {
    expect(d.chains.map((c) => [c.id, c.template])).toEqual([
      ['new-energy-vehicle', 'new-energy-vehicle'],
      ['copper-materials', 'copper-materials'],
      ['green-building-materials', 'green-building-materials'],
      ['intelligent-equipment', 'intelligent-equipment'],
    ]);
  });

  it('names the 链主 of each chain', () => {
    expect(leadersOf('new-energy-vehicle')).toEqual(['大运集团']);
    expect(leadersOf('copper-materials')).toEqual(['北方铜业', '正威集团'].sort());
    expect(leadersOf('green-building-materials')).toEqual(['华兆东南', '山西建设投资集团有限公司'].sort());
    expect(leadersOf('intelligent-equipment')).toEqual(['运城制版集团']);
    const jiantou = d.enterprises.find((e) => e.id === 'shanxi-jiantou');
    expect(jiantou?.aliases).toContain('山西建投');
  });

  it('names the members of each chain', () => {
    expect(membersOf('new-energy-vehicle')).toEqual(['创大汽配', '同誉轮毂'].sort());
    expect(membersOf('copper-materials')).toEqual(['博海线缆', '金广丰特种电缆'].sort());
    expect(membersOf('green-building-materials')).toEqual(['众之翼建科', '北方精工', '山西精建'].sort());
    expect(membersOf('intelligent-equipment')).toEqual([]);
    expect(
      d.projects.filter((p) => p.chain === 'intelligent-equipment').map((p) => p.name),
    ).toEqual(['北京卡乐仕智能清洗装备制造', '亚新科汽车零部件制造基地']);
  });

  it('expects each chain\'s yearly output once the chain is formed', () => {
    const expected = d.targets
      .filter((t) => t.kind === 'expectation')
      .map((t) => [t.scope.chain, t.metric, t.comparator, t.value, t.condition, t.scope.region]);
    expect(expected).toEqual([
      ['new-energy-vehicle', 'output', '>=', 200, '产业链形成后', 'yuncheng-etdz'],
      ['copper-materials', 'output', '>', 200, '产业链形成后', 'yuncheng-etdz'],
      ['green-building-materials', 'output', '>=', 100, '产业链形成后', 'yuncheng-etdz'],
      ['intelligent-equipment', 'output', '>=', 100, '产业链形成后', 'yuncheng-etdz'],
    ]);
    // "可突破200亿元" is strictly above 200
    expect(d.targets.find((t) => t.scope.chain === 'copper-materials')?.sources?.[0]?.locator).toMatch(/突破/u);
  });

  it('counts the firms and projects gathered per chain', () => {
    const counts = d.indicators
      .filter((i) => i.scope.chain !== undefined)
      .map((i) => [i.scope.chain, i.metric, i.value]);
    expect(counts).toEqual([
      ['new-energy-vehicle', 'enterprise-count', 20],
      ['copper-materials', 'enterprise-count', 10],
      ['green-building-materials', 'enterprise-count', 30],
      ['intelligent-equipment', 'project-count', 13],
    ]);
  });

  it('holds the zone output and investment of January-August', () => {
    const byId = new Map(d.indicators.map((i) => [i.id, i]));
    const pick = (id: string) => {
      const i = byId.get(id);
      return [i?.metric, i?.value, i?.growth, i?.period, i?.year];
    };
    expect(pick('output-above-scale-jan-aug')).toEqual(['output', 130.7, 21.7, '1-8月', 2022]);
    expect(pick('value-added-above-scale-jan-aug')).toEqual(['value-added', 22.1, 17.7, '1-8月', 2022]);
    expect(pick('fixed-asset-investment-jan-aug')).toEqual(['fixed-asset-investment', 31.6, 22, '1-8月', 2022]);
    expect(pick('industrial-investment-jan-aug')).toEqual(['industrial-investment', 15.9, 50.5, '1-8月', 2022]);
    // the year is not in the document: it must be marked as inferred
    expect(byId.get('output-above-scale-jan-aug')?.fieldBasis).toEqual({ year: 'inferred' });
  });
});

describe('酒泉 (doc-000, doc-003)', () => {
  const d = load('jiuquan.json');

  it('records the supply links the zone brokered, as the sentence pairs them', () => {
    const pairs = d.links.map((l) => `${l.from} -> ${l.to}`).sort();
    expect(pairs).toEqual(
      [
        'jiuding-blade -> yunfeng-smart-wind',
        'ruida-fastener -> goldwind',
        'tongfengyuan-pile -> chint-new-energy',
        'zhongshui-pv-frame -> chint-new-energy',
        'xinjin-cable -> sinovel',
        'xinjin-cable -> mingyang',
        'lvneng-cable -> sinovel',
        'lvneng-cable -> mingyang',
      ].sort(),
    );
    for (const link of d.links) {
      expect(link.status).toBe('brokered');
      expect(link.sources?.map((s) => s.source)).toEqual(['doc-003']);
      expect(link.sources?.[0]?.locator).toMatch(/^line 34\b/u);
    }
    const names = new Map(d.enterprises.map((e) => [e.id, e.name]));
    expect(names.get('yunfeng-smart-wind')).toBe('甘肃省云风智慧风电设备有限公司');
    expect(names.get('goldwind')).toBe('金风科技');
  });

  it('models 云风智慧 as 运达股份\'s northwest headquarters', () => {
    const yunfeng = d.enterprises.find((e) => e.id === 'yunfeng-smart-wind');
    const yunda = d.enterprises.find((e) => e.id === yunfeng?.parent);
    expect(yunda?.aliases).toContain('运达股份');
    expect(yunda?.region).toBe('hangzhou');
  });

  it('holds the 南都 storage project with its capacity, output, jobs and area', () => {
    const nandu = d.projects.find((p) => p.enterprise === 'nandu-jiuquan');
    expect(nandu).toMatchObject({
      chain: 'energy-storage',
      expectedOutput: 30,
      jobs: 500,
      area: 200,
      startYear: 2023,
      status: 'under-construction',
      capacity: [{ value: 4, unit: 'GWh' }],
    });
    const honghe = d.projects.find((p) => p.enterprise === 'honghe-jiuquan');
    expect(honghe?.capacity).toMatchObject([{ value: 5, unit: 'GWh' }]);
    const juhua = d.projects.find((p) => p.enterprise === 'gansu-juhua');
    expect([juhua?.region, juhua?.startYear, juhua?.extra?.started]).toEqual(['yumen', 2024, '2024-01-28']);
  });

  it('holds the 1000亿 / 15% / 2025 output target of the zones', () => {
    const target = d.targets.find((t) => t.id === 'zones-output-2025');
    expect(target).toMatchObject({ metric: 'output', value: 1000, growth: 15, year: 2025, comparator: '>', kind: 'target' });
    expect(target?.scope).toEqual({ region: 'jiuquan' });
  });

  it('holds the 2024 project figures', () => {
    const value = (id: string) => d.indicators.find((i) => i.id === id)?.value;
    expect([value('planned-projects-2024'), value('planned-projects-total-investment-2024')]).toEqual([806, 4557]);
    expect([value('continuing-projects-2024'), value('new-projects-2024')]).toEqual([354, 452]);
    expect(d.indicators.find((i) => i.id === 'investment-received-jan-feb-2024')).toMatchObject({ value: 78.11, growth: 64.68 });
  });

  it('has the six new-energy equipment chains and the three chemical chains', () => {
    expect(d.chains.map((c) => c.template)).toEqual([
      'wind-power',
      'photovoltaic',
      'solar-thermal',
      'energy-storage',
      'hydrogen',
      'smart-grid',
      'petrochemical',
      'coal-chemical',
      'fine-chemical',
    ]);
  });
});

describe('武威 凉州区 (doc-002)', () => {
  const d = load('wuwei.json');

  it('holds the 420亿 sales target for 2020', () => {
    expect(d.targets.find((t) => t.metric === 'sales')).toMatchObject({
      value: 420,
      year: 2020,
      comparator: '>=',
      scope: { region: 'liangzhou' },
    });
  });

  it('holds the infrastructure targets as percentages, not money', () => {
    const percent = d.targets.filter((t) => t.unit === '%').map((t) => [t.metric, t.value]);
    expect(percent).toEqual([
      ['other', 100],
      ['other', 95],
      ['other', 90],
      ['other', 100],
    ]);
  });

  it('has the four zones of the district', () => {
    const zones = d.regions.filter((r) => r.kind === 'zone' && r.parent === 'liangzhou').map((r) => r.name);
    expect(zones).toEqual(['武威工业园区', '黄羊工业园区', '武威新能源及装备制造产业园', '武威保税物流中心']);
  });
});

describe('临汾经济开发区 (doc-001)', () => {
  const d = load('linfen.json');

  it('has the five parks of the zone and the 甘亭 park', () => {
    const parks = d.regions.filter((r) => r.kind === 'park' && r.parent === 'linfen-etdz').map((r) => r.name);
    expect(parks).toEqual([
      '智能制造产业园区',
      '节能环保产业园区',
      '新能源产业园区',
      '煤机装备产业园区',
      '科技孵化产业园区',
      '临汾·甘亭新型工业园区',
    ]);
  });

  it('holds the coal-machinery project with its inferred year', () => {
    const project = d.projects.find((p) => p.enterprise === 'ruiliante-coal-machinery');
    expect(project).toMatchObject({ chain: 'coal-mining-machinery', productionYear: 2021, status: 'under-construction' });
    expect(project?.fieldBasis?.productionYear).toBe('inferred');
  });
});

describe('provenance of the seeds', () => {
  const raws = SEED_FILES.map((file) => [file, readRaw(file) as { sources: { id: string; file?: string }[] }] as const);

  it.each(raws)('%s: every cited record cites a source that names a document file', (_file, raw) => {
    const files = new Map(raw.sources.map((s) => [s.id, s.file]));
    const bad: string[] = [];
    for (const record of citedRecords(raw)) {
      if (record.citations.length === 0) bad.push(`${record.path}: no citation`);
      for (const c of record.citations) if (!files.get(c.source)) bad.push(`${record.path}: ${c.source} has no file`);
    }
    expect(bad).toEqual([]);
  });

  it.each(SEED_FILES)('%s: an enterprise placed in an inferred region marks its region as inferred', (file) => {
    const d = load(file);
    const inferredRegions = new Set(d.regions.filter((r) => r.basis === 'inferred').map((r) => r.id));
    const unmarked = d.enterprises
      .filter((e) => inferredRegions.has(e.region) && e.basis !== 'inferred' && e.fieldBasis?.region !== 'inferred')
      .map((e) => `${e.id} in ${e.region}`);
    expect(unmarked).toEqual([]);
  });

  it.each(raws)('%s: fieldBasis only names fields the record has', (_file, raw) => {
    const bad: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}[${i}]`));
      if (value === null || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      for (const field of Object.keys((record.fieldBasis as object | undefined) ?? {}))
        if (!(field in record)) bad.push(`${path}.fieldBasis.${field}`);
      for (const [key, v] of Object.entries(record)) visit(v, path === '' ? key : `${path}.${key}`);
    };
    visit(raw, '');
    expect(bad).toEqual([]);
  });

  it.skipIf(!haveDocuments).each(raws)(`%s: every source's file exists in the shared documents (${SKIP_NOTE})`, (_file, raw) => {
    for (const source of raw.sources) {
      expect(source.file, source.id).toBeDefined();
      expect(existsSync(resolve(documentsDir, source.file!)), `${source.id}: ${source.file}`).toBe(true);
    }
  });

  it.skipIf(!haveDocuments).each(raws)(`%s: every locator is "line N" of an existing line (${SKIP_NOTE})`, (_file, raw) => {
    const files = new Map(raw.sources.map((s) => [s.id, s.file!]));
    const bad: string[] = [];
    for (const c of citationsOf(raw)) {
      const m = c.locator === undefined ? null : LOCATOR.exec(c.locator);
      const file = files.get(c.source);
      if (!m || !file) {
        bad.push(`${c.path}: ${c.source} ${c.locator ?? '(no locator)'}`);
        continue;
      }
      const line = linesOf(file)[Number(m[1]) - 1];
      if (line === undefined || line.trim() === '') bad.push(`${c.path}: ${c.source} ${c.locator} is not a line of text`);
    }
    expect(bad).toEqual([]);
  });

  it.skipIf(!haveDocuments).each(raws)(`%s: each cited enterprise is named on a line it cites (${SKIP_NOTE})`, (file, raw) => {
    const d = load(file);
    const files = new Map(raw.sources.map((s) => [s.id, s.file!]));
    const missing: string[] = [];
    for (const e of d.enterprises.filter((x) => x.basis === 'cited')) {
      const names = [e.name, ...(e.aliases ?? [])].map(normalise);
      const lines = (e.sources ?? []).map((c) => {
        const n = Number(LOCATOR.exec(c.locator ?? '')?.[1]);
        return normalise(linesOf(files.get(c.source)!)[n - 1] ?? '');
      });
      if (!lines.some((line) => names.some((name) => line.includes(name)))) missing.push(`${e.id} (${e.name})`);
    }
    expect(missing).toEqual([]);
  });
});
