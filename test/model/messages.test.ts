import { describe, expect, it } from 'vitest';
import { boundedEditDistance, closestKey } from '../../src/internal/near-miss.js';
import { fieldLabel } from '../../src/model/field-labels.js';
import { formatIssue, renderMessage } from '../../src/model/issues.js';
import { safeParseDataset } from '../../src/model/parse.js';
import { suggestNearMisses } from '../../src/model/references/index.js';
import { SUGGESTION_BUDGET } from '../../src/model/references/suggest.js';
import { EnterpriseStatus, foldTerm, ProjectStatus, RegionKind, Stage } from '../../src/model/vocabulary.js';

function base() {
  return {
    meta: { id: 'demo', name: '示例' },
    regions: [{ id: 'jiuquan', name: '酒泉市', kind: 'city' }],
    chains: [
      {
        id: 'battery',
        name: '锂电池',
        segments: [
          { id: 'qs-cathode', name: '正极材料', stage: 'midstream' },
          { id: 'qs-anode', name: '负极材料', stage: 'midstream' },
        ],
      },
    ],
    enterprises: [
      { id: 'qs-cathode', name: '青山正极', region: 'jiuquan', segments: [{ chain: 'battery', segment: 'qs-cathode' }] },
      { id: 'qs-anode', name: '青山负极', aliases: ['青山碳素'], region: 'jiuquan' },
    ] as Record<string, unknown>[],
    links: [{ from: 'qs-anode', to: 'qs-cathode' }] as Record<string, unknown>[],
  };
}

function messages(input: unknown, locale: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  const result = safeParseDataset(input, { locale, templates: [] });
  return result.success ? [] : result.issues.map((issue) => formatIssue(issue));
}

describe('field labels', () => {
  it('name dataset fields in Chinese and English', () => {
    expect(fieldLabel(['enterprises', 4, 'name'], 'zh-CN')).toBe('企业名称');
    expect(fieldLabel(['enterprises', 4, 'name'], 'en')).toBe('enterprise name');
    expect(fieldLabel(['links', 3, 'to'], 'zh-CN')).toBe('供应关系需方企业');
    expect(fieldLabel(['links', 3, 'segment', 'chain'], 'zh-CN')).toBe('供应关系所属环节的产业链');
    expect(fieldLabel(['enterprises', 1, 'segments', 0, 'segment'], 'zh-CN')).toBe('企业所在环节');
    expect(fieldLabel(['chains', 0, 'segments', 2, 'stage'], 'zh-CN')).toBe('产业链环节所处阶段');
    expect(fieldLabel(['targets', 0, 'scope', 'region'], 'en')).toBe('target scope region');
    expect(fieldLabel(['enterprises', 2], 'zh-CN')).toBe('企业');
  });

  it('give no label for paths the table does not know', () => {
    expect(fieldLabel([], 'zh-CN')).toBeUndefined();
    expect(fieldLabel(['enterprises', 1, 'extra', '备注'], 'zh-CN')).toBeUndefined();
    expect(fieldLabel(['constructor'], 'zh-CN')).toBeUndefined();
    expect(fieldLabel(['enterprises', 0, 'toString'], 'zh-CN')).toBeUndefined();
  });
});

describe('shape issue messages', () => {
  it('name the field in Chinese and the expected type in words', () => {
    const input = base();
    input.enterprises[1]!.name = 42;
    delete input.enterprises[0]!.region;
    input.enterprises[1]!.output = -3;
    expect(messages(input)).toMatchInlineSnapshot(`
      [
        "enterprises[0].region: 缺少必填字段“企业所在地区”（应为文本）",
        "enterprises[1].name: 企业名称应为文本，实际为 42",
        "enterprises[1].output: 企业产值：数值 -3 为负数",
      ]
    `);
    expect(messages(input, 'en')).toMatchInlineSnapshot(`
      [
        "enterprises[0].region: required field (enterprise region) is missing (expected text)",
        "enterprises[1].name: expected text, got 42",
        "enterprises[1].output: amount -3 is negative",
      ]
    `);
  });

  it('re-render with the field label in another locale', () => {
    const message = renderMessage('invalid_type', { expected: 'array', received: 'x' }, 'zh-CN', ['enterprises', 0, 'aliases']);
    expect(message).toBe('企业别名应为列表，实际为 "x"');
    expect(renderMessage('invalid_type', { expected: 'boolean', received: 1 }, 'en')).toBe('expected true or false, got 1');
  });

  it('take the label from params.datasetPath once moved to a file cell', () => {
    const message = renderMessage('invalid_type', { expected: 'number', received: '88亿x', datasetPath: 'enterprises[1].output' }, 'zh-CN', [
      'enterprises.csv',
      3,
      6,
    ]);
    expect(message).toBe('企业产值应为数值，实际为 "88亿x"');
  });
});

describe('near-miss suggestions', () => {
  it('suggest the closest id of the collection on an unknown reference', () => {
    const input = base();
    input.links[0]!.to = 'qs-cathod';
    expect(messages(input)).toEqual(['links[0].to: 未知企业 "qs-cathod"；是否应为 "qs-cathode"（青山正极）？']);
    expect(messages(input, 'en')).toEqual(['links[0].to: unknown enterprise "qs-cathod"; did you mean "qs-cathode" (青山正极)?']);
    const result = safeParseDataset(input, { templates: [] });
    expect(!result.success && result.issues[0]!.params.suggestion).toEqual({ id: 'qs-cathode', name: '青山正极' });
  });

  it('suggest the id of a record named by its name or alias instead of its id', () => {
    const input = base();
    input.links[0]!.from = '青山碳素';
    expect(messages(input)).toEqual(['links[0].from: 未知企业 "青山碳素"；是否应为 "qs-anode"（青山负极）？']);
  });

  it('suggest segments among the segments of the chain referred to', () => {
    const input = base();
    (input.enterprises[0]!.segments as { segment: string }[])[0]!.segment = 'qs-anod';
    expect(messages(input)).toEqual(['enterprises[0].segments[0].segment: 产业链 "battery" 中没有环节 "qs-anod"；是否应为 "qs-anode"（负极材料）？']);
  });

  it('suggest nothing when no id is close', () => {
    const input = base();
    input.links[0]!.to = 'jiuding';
    expect(messages(input)).toEqual(['links[0].to: 未知企业 "jiuding"']);
  });

  it('stop after a bounded number of comparisons, always at the same issue', () => {
    const input = base();
    const n = 1000;
    input.enterprises = Array.from({ length: n }, (_, i) => ({ id: `firm-${i}`, name: `企业${i}`, region: 'jiuquan' }));
    input.links = Array.from({ length: SUGGESTION_BUDGET / n + 5 }, (_, i) => ({ from: 'firm-0', to: `frm-${i + 1}` }));
    const result = safeParseDataset(input, { templates: [] });
    const suggested = result.success ? [] : result.issues.map((issue) => issue.params.suggestion !== undefined);
    // each near miss costs one comparison per enterprise id
    expect(suggested.indexOf(false)).toBe(SUGGESTION_BUDGET / n);
    expect(suggested.filter(Boolean)).toHaveLength(SUGGESTION_BUDGET / n);
  });

  it('leave issues alone when there is no unknown reference', () => {
    const issues = [{ code: 'self_link', severity: 'error', path: 'links[0]', pathSegments: ['links', 0], params: { id: 'a' }, message: 'm' }] as const;
    const given = [...issues] as never[];
    expect(suggestNearMisses(given, base(), [], 'zh-CN')).toBe(given);
  });
});

describe('bounded edit distance', () => {
  it('counts insertions, deletions and substitutions up to a bound', () => {
    expect(boundedEditDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedEditDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedEditDistance('qs-cathod', 'qs-cathode', 2)).toBe(1);
    expect(boundedEditDistance('', 'abc', 3)).toBe(3);
  });

  it('picks the closest key, ties to the first, case-insensitively', () => {
    expect(closestKey('qs-cathod', ['qs-anode', 'qs-cathode'])).toBe(1);
    expect(closestKey('ab-x', ['ab-y', 'ab-z'])).toBe(0);
    expect(closestKey('WIND', ['solar', 'wind'])).toBe(1);
    expect(closestKey('abc', ['xyz'])).toBe(-1);
  });
});

describe('enumerations', () => {
  it('accept any letter case, full-width letters, spaces or underscores for hyphens', () => {
    expect(Stage.parse('Downstream')).toBe('downstream');
    expect(Stage.parse('ＵＰＳＴＲＥＡＭ')).toBe('upstream');
    expect(EnterpriseStatus.parse('Under Construction')).toBe('under-construction');
    expect(EnterpriseStatus.parse('UNDER_CONSTRUCTION')).toBe('under-construction');
    expect(foldTerm(' Under_Construction ')).toBe('under-construction');
  });

  it('accept the common Chinese synonyms, each in its own vocabulary', () => {
    expect(Stage.parse('下游')).toBe('downstream');
    expect(EnterpriseStatus.parse('在产')).toBe('operating');
    expect(EnterpriseStatus.parse('投产')).toBe('operating');
    expect(ProjectStatus.parse('投产')).toBe('in-production');
    expect(RegionKind.parse('旗')).toBe('county');
  });

  it('reject other terms listing the canonical values', () => {
    const input = base();
    input.enterprises[0]!.status = 'Running';
    expect(messages(input)).toEqual([
      'enterprises[0].status: 企业状态取值 "Running" 无效；可选值："operating", "under-construction", "signed", "planned", "prospect", "closed"',
    ]);
  });

  it('hold the canonical value after parsing a dataset', () => {
    const input = base();
    input.enterprises[0]!.status = 'Under Construction';
    (input.chains[0]!.segments[0] as { stage: string }).stage = 'MidStream';
    const result = safeParseDataset(input, { templates: [] });
    expect(result.success && [result.data.enterprises[0]!.status, result.data.chains[0]!.segments[0]!.stage]).toEqual(['under-construction', 'midstream']);
  });
});
