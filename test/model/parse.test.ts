import { describe, expect, it } from 'vitest';
import { DatasetError, formatIssue } from '../../src/model/issues.js';
import { parseDataset, safeParseDataset } from '../../src/model/parse.js';

/** A small valid dataset: 酒泉 with a wind chain and two firms. */
function base(): any {
  return {
    meta: { id: 'demo', name: '示例', region: 'jiuquan' },
    sources: [{ id: 'doc-003', title: '酒泉春日项目报道', file: '003_adfb0228808a06f6.txt' }],
    regions: [
      { id: 'gansu', name: '甘肃省', kind: '省' },
      { id: 'jiuquan', name: '酒泉市', kind: 'city', parent: 'gansu' },
      { id: 'jq-etdz', name: '酒泉经开区', kind: 'zone', parent: 'jiuquan' },
    ],
    chains: [
      {
        id: 'wind',
        name: '风电装备',
        segments: [
          { id: 'blade', name: '叶片', stage: '中游' },
          { id: 'tower', name: '塔筒', stage: 'midstream' },
          { id: 'turbine', name: '整机', stage: 'midstream' },
          { id: 'farm', name: '风电场', stage: '下游' },
        ],
        flows: [
          { from: 'blade', to: 'turbine', coefficient: 0.2 },
          { from: 'turbine', to: 'farm', coefficient: 0.5 },
          { from: 'tower', to: 'farm', coefficient: 0.15 },
        ],
      },
    ],
    enterprises: [
      { id: 'jiuding', name: '九鼎风电叶片', region: 'jq-etdz', segments: [{ chain: 'wind', segment: 'blade' }], role: '配套' },
      { id: 'yunfeng', name: '云风智慧', region: 'jq-etdz', segments: [{ chain: 'wind', segment: 'turbine' }], role: 'leader', output: 40 },
    ],
    links: [
      { from: 'jiuding', to: 'yunfeng', status: 'brokered', basis: 'cited', sources: [{ source: 'doc-003', locator: 'line 40' }] },
    ],
    projects: [{ id: 'p1', name: '叶片扩产', region: 'jq-etdz', chain: 'wind', segment: 'blade', status: '在建', startYear: 2024, productionYear: 2025 }],
    targets: [{ id: 't1', scope: { region: 'jiuquan' }, metric: '产值', value: 1000, growth: 15, year: 2025 }],
  };
}

function issuesOf(input: unknown) {
  const result = safeParseDataset(input, { locale: 'en' });
  expect(result.success).toBe(false);
  if (result.success) return [];
  return result.issues.map((i) => ({ code: i.code, path: i.path }));
}

describe('parseDataset', () => {
  it('accepts a valid dataset and canonicalises Chinese vocabulary', () => {
    const data = parseDataset(base());
    expect(data.chains[0]!.segments.map((s) => s.stage)).toEqual(['midstream', 'midstream', 'midstream', 'downstream']);
    expect(data.regions[0]!.kind).toBe('province');
    expect(data.enterprises[0]!.role).toBe('supporting');
    expect(data.enterprises[0]!.status).toBe('operating');
    expect(data.projects[0]!.status).toBe('under-construction');
    expect(data.targets[0]).toMatchObject({ metric: 'output', kind: 'target', comparator: '>=' });
    expect(data.indicators).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = base();
    const copy = structuredClone(input);
    parseDataset(input);
    expect(input).toEqual(copy);
  });

  it('throws a DatasetError carrying every issue', () => {
    const input = base();
    input.links[0].to = 'nobody';
    input.enterprises[1].output = -5;
    let error: unknown;
    try {
      parseDataset(input, { locale: 'en' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    const issues = (error as DatasetError).issues;
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['negative_amount enterprises[1].output', 'unknown_enterprise links[0].to']);
    expect((error as DatasetError).message).toContain('links[0].to: unknown enterprise "nobody"');
  });

  it('renders messages in Chinese by default and in English on request', () => {
    const input = base();
    input.links[0].to = 'jiudin';
    const zh = safeParseDataset(input);
    const en = safeParseDataset(input, { locale: 'en' });
    expect(!zh.success && zh.issues[0]!.message).toBe('未知企业 "jiudin"；是否应为 "jiuding"（九鼎风电叶片）？');
    expect(!en.success && en.issues[0]!.message).toBe('unknown enterprise "jiudin"; did you mean "jiuding" (九鼎风电叶片)?');
    expect(!zh.success && formatIssue(zh.issues[0]!, { locale: 'en' })).toBe(
      'links[0].to: unknown enterprise "jiudin"; did you mean "jiuding" (九鼎风电叶片)?',
    );
  });
});

describe('cross-reference checks: one code and path per failure', () => {
  const cases: [string, (d: any) => void, string, string][] = [
    ['unknown enterprise in a link', (d) => (d.links[0].to = 'x'), 'unknown_enterprise', 'links[0].to'],
    ['unknown supplier in a link', (d) => (d.links[0].from = 'x'), 'unknown_enterprise', 'links[0].from'],
    ['enterprise in an unknown region', (d) => (d.enterprises[0].region = 'nowhere'), 'unknown_region', 'enterprises[0].region'],
    ['enterprise in an unknown segment', (d) => (d.enterprises[0].segments[0].segment = 'hub'), 'unknown_segment', 'enterprises[0].segments[0].segment'],
    ['enterprise in an unknown chain', (d) => (d.enterprises[0].segments[0].chain = 'pv'), 'unknown_chain', 'enterprises[0].segments[0].chain'],
    ['duplicate enterprise id', (d) => (d.enterprises[1].id = 'jiuding'), 'duplicate_id', 'enterprises[1].id'],
    ['duplicate region id', (d) => (d.regions[2].id = 'jiuquan'), 'duplicate_id', 'regions[2].id'],
    ['duplicate segment id', (d) => (d.chains[0].segments[1].id = 'blade'), 'duplicate_id', 'chains[0].segments[1].id'],
    ['region that is its own parent', (d) => (d.regions[0].parent = 'gansu'), 'region_cycle', 'regions[0].parent'],
    ['cycle in the region hierarchy', (d) => (d.regions[0].parent = 'jq-etdz'), 'region_cycle', 'regions[0].parent'],
    ['cycle in segment flows', (d) => d.chains[0].flows.push({ from: 'farm', to: 'blade' }), 'flow_cycle', 'chains[0].flows'],
    ['flow from a segment to itself', (d) => d.chains[0].flows.push({ from: 'tower', to: 'tower' }), 'flow_cycle', 'chains[0].flows[3].to'],
    ['flow to an unknown segment', (d) => (d.chains[0].flows[0].to = 'hub'), 'unknown_segment', 'chains[0].flows[0].to'],
    [
      'flow between segments of different chains',
      (d) => {
        d.chains.push({ id: 'pv', name: '光伏', segments: [{ id: 'frame', name: '边框', stage: 'upstream' }] });
        d.chains[0].flows.push({ from: 'frame', to: 'farm' });
      },
      'flow_cross_chain',
      'chains[0].flows[3].from',
    ],
    ['self-link', (d) => (d.links[0].to = 'jiuding'), 'self_link', 'links[0].to'],
    ['negative amount', (d) => (d.enterprises[1].output = -1), 'negative_amount', 'enterprises[1].output'],
    ['infinite amount', (d) => (d.links[0].value = Number.POSITIVE_INFINITY), 'non_finite_amount', 'links[0].value'],
    ['NaN amount', (d) => (d.projects[0].investment = Number.NaN), 'non_finite_amount', 'projects[0].investment'],
    ['production before start', (d) => (d.projects[0].productionYear = 2023), 'production_before_start', 'projects[0].productionYear'],
    ['full capacity before production', (d) => (d.projects[0].fullCapacityYear = 2024), 'production_before_start', 'projects[0].fullCapacityYear'],
    ['project segment without chain', (d) => delete d.projects[0].chain, 'segment_without_chain', 'projects[0].segment'],
    ['project of an unknown enterprise', (d) => (d.projects[0].enterprise = 'x'), 'unknown_enterprise', 'projects[0].enterprise'],
    ['target in an unknown region', (d) => (d.targets[0].scope.region = 'x'), 'unknown_region', 'targets[0].scope.region'],
    ['target of an unknown chain', (d) => (d.targets[0].scope.chain = 'x'), 'unknown_chain', 'targets[0].scope.chain'],
    ['target without value or growth', (d) => (delete d.targets[0].value, delete d.targets[0].growth), 'missing_value', 'targets[0]'],
    ['citation of an unknown source', (d) => (d.links[0].sources[0].source = 'doc-999'), 'unknown_source', 'links[0].sources[0].source'],
    ['cited basis without a source', (d) => (d.enterprises[0].basis = 'cited'), 'citation_missing', 'enterprises[0].basis'],
    ['coefficients summing to 1 or more', (d) => d.chains[0].flows.push({ from: 'blade', to: 'farm', coefficient: 0.4 }), 'coefficients_not_productive', 'chains[0].flows'],
    ['unknown chain template', (d) => (d.chains[0].template = 'no-such-template'), 'unknown_template', 'chains[0].template'],
    ['unknown field', (d) => (d.links[0].valeu = 3), 'unknown_field', 'links[0]'],
    ['fieldBasis naming an unknown field', (d) => (d.enterprises[0].fieldBasis = { segmnts: 'inferred' }), 'unknown_field', 'enterprises[0].fieldBasis.segmnts'],
    ['invalid stage', (d) => (d.chains[0].segments[0].stage = '顶游'), 'invalid_value', 'chains[0].segments[0].stage'],
    ['missing required field', (d) => delete d.enterprises[0].name, 'missing_field', 'enterprises[0].name'],
    ['wrong type', (d) => (d.enterprises[0].output = '30亿'), 'invalid_type', 'enterprises[0].output'],
    ['id with a slash', (d) => (d.enterprises[0].id = 'a/b'), 'invalid_format', 'enterprises[0].id'],
    ['parent enterprise unknown', (d) => (d.enterprises[0].parent = 'group'), 'unknown_enterprise', 'enterprises[0].parent'],
    ['meta region unknown', (d) => (d.meta.region = 'x'), 'unknown_region', 'meta.region'],
  ];
  for (const [name, corrupt, code, path] of cases) {
    it(`reports ${name} as ${code} at ${path}`, () => {
      const input = base();
      corrupt(input);
      expect(issuesOf(input)).toContainEqual({ code, path });
    });
  }

  it('reports every issue at once, shape and references together', () => {
    const input = base();
    input.enterprises[1].output = 'many';
    input.links[0].to = 'nobody';
    input.projects[0].productionYear = 2020;
    expect(issuesOf(input)).toEqual([
      { code: 'invalid_type', path: 'enterprises[1].output' },
      { code: 'unknown_enterprise', path: 'links[0].to' },
      { code: 'production_before_start', path: 'projects[0].productionYear' },
    ]);
  });

  it('keeps input positions in paths when earlier records are malformed', () => {
    const input = base();
    input.links.unshift({ from: 'jiuding' });
    input.links.push({ from: 'yunfeng', to: 'ghost' });
    expect(issuesOf(input)).toEqual([
      { code: 'missing_field', path: 'links[0].to' },
      { code: 'unknown_enterprise', path: 'links[2].to' },
    ]);
  });

  it('does not report references to a malformed record as unknown', () => {
    const input = base();
    input.enterprises[1].output = -1;
    expect(issuesOf(input)).toEqual([{ code: 'negative_amount', path: 'enterprises[1].output' }]);
  });

  it('warns on duplicate links without failing', () => {
    const input = base();
    input.links.push({ ...input.links[0] });
    const result = safeParseDataset(input, { locale: 'en' });
    expect(result.success).toBe(true);
    expect(result.success && result.warnings.map((w) => [w.code, w.path, w.severity])).toEqual([['duplicate_link', 'links[1]', 'warning']]);
  });

  it('names the offending value in the message', () => {
    const input = base();
    input.chains[0].segments[0].stage = '顶游';
    const result = safeParseDataset(input, { locale: 'en' });
    expect(!result.success && result.issues[0]!.message).toBe('invalid value "顶游"; expected one of "upstream", "midstream", "downstream"');
  });

  it('handles inputs that are not objects without throwing', () => {
    for (const input of [null, 42, 'text', [], undefined]) {
      const result = safeParseDataset(input, { locale: 'en' });
      expect(result.success).toBe(false);
      expect(!result.success && result.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('chain templates', () => {
  const template = {
    id: 'mini-wind',
    name: '小风电',
    segments: [
      { id: 'blade', name: '叶片', stage: 'midstream' },
      { id: 'turbine', name: '整机', stage: 'midstream' },
    ],
    flows: [{ from: 'blade', to: 'turbine', coefficient: 0.2 }],
  };

  it('resolves a chain against a template from the dataset', () => {
    const input = base();
    input.templates = [template];
    input.chains[0] = { id: 'wind', name: '风电', template: 'mini-wind', segments: [{ id: 'farm', name: '风电场', stage: 'downstream' }], flows: [{ from: 'turbine', to: 'farm' }] };
    input.enterprises[0].segments = [{ chain: 'wind', segment: 'blade' }];
    input.projects[0].segment = 'farm';
    const result = safeParseDataset(input, { locale: 'en', templates: [] });
    expect(result.success).toBe(true);
  });

  it('resolves a chain against a template given in the options', () => {
    const input = base();
    input.chains[0] = { id: 'wind', name: '风电', template: 'mini-wind' };
    input.projects[0].segment = 'turbine';
    expect(safeParseDataset(input, { templates: [template as any] }).success).toBe(true);
    expect(issuesOf({ ...input, projects: [] })).toContainEqual({ code: 'unknown_template', path: 'chains[0].template' });
  });

  it('reports a chain segment that repeats a template segment', () => {
    const input = base();
    input.templates = [template];
    input.chains[0] = { id: 'wind', name: '风电', template: 'mini-wind', segments: [{ id: 'blade', name: '叶片', stage: 'midstream' }] };
    input.projects = [];
    expect(issuesOf(input)).toContainEqual({ code: 'duplicate_id', path: 'chains[0].segments[0].id' });
  });
});

describe('partial parsing', () => {
  it('leaves out only the malformed item of a list, so references to its siblings still resolve', () => {
    const input = base();
    input.chains[0].segments[1].stage = '上上游';
    expect(issuesOf(input)).toEqual([{ code: 'invalid_value', path: 'chains[0].segments[1].stage' }]);
  });
});
