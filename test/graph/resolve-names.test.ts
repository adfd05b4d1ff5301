import { describe, expect, it } from 'vitest';
import { resolveScope } from '../../src/analysis/scope/index.js';
import { findGaps } from '../../src/analysis/gaps/index.js';
import { buildModel } from '../../src/graph/model.js';
import { chainIndex, enterpriseIndex, enterprisesIn, regionIndex, roleIn, segmentIndex } from '../../src/graph/queries.js';
import { ChainError } from '../../src/model/issues.js';
import { listChoices, unknownMessages } from '../../src/model/lookup-messages.js';
import { parseDataset } from '../../src/model/parse.js';

const counties = Array.from({ length: 12 }, (_, i) => ({ id: `county-${i + 1}`, name: `第${i + 1}县`, kind: 'county', parent: 'jiuquan' }));

const model = buildModel(
  parseDataset(
    {
      meta: { id: 'demo', name: '示例', region: 'jiuquan' },
      regions: [
        { id: 'gansu', name: '甘肃省', aliases: ['甘肅'], kind: 'province' },
        { id: 'jiuquan', name: '酒泉市', kind: 'city', parent: 'gansu' },
        { id: 'yumen', name: '玉门市', kind: 'county', parent: 'jiuquan' },
        ...counties,
      ],
      chains: [
        {
          id: 'wind',
          name: '风电装备制造产业链',
          aliases: ['风电'],
          segments: [
            { id: 'blade', name: '风电叶片', aliases: ['叶片'], stage: 'midstream' },
            { id: 'turbine', name: '整机', stage: 'midstream' },
          ],
          flows: [{ from: 'blade', to: 'turbine' }],
        },
        { id: 'pv', name: '光伏装备制造产业链', segments: [{ id: 'module', name: '组件', stage: 'midstream' }] },
      ],
      enterprises: [
        { id: 'jiuding', name: '九鼎风电叶片', aliases: ['九鼎叶片'], region: 'yumen', segments: [{ chain: 'wind', segment: 'blade' }] },
        { id: 'yunfeng', name: '云风智慧风电', region: 'jiuquan', segments: [{ chain: 'wind', segment: 'turbine' }], chainRoles: [{ chain: 'wind', role: 'leader' }] },
        { id: 'ruida-1', name: '瑞达机械', aliases: ['瑞达'], region: 'yumen' },
        { id: 'ruida-2', name: '瑞达电气', aliases: ['瑞达'], region: 'yumen' },
      ],
    },
    { templates: [] },
  ),
  { templates: [] },
);

function thrown(run: () => unknown): ChainError {
  try {
    run();
  } catch (error) {
    if (error instanceof ChainError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('ids by name or alias', () => {
  it('resolve chains by id, name, alias, another letter case, or without 产业链', () => {
    expect(['wind', '风电装备制造产业链', '风电', 'WIND', '风电装备制造'].map((q) => chainIndex(model, q))).toEqual([0, 0, 0, 0, 0]);
  });

  it('resolve regions by name, alias, or without the administrative suffix', () => {
    expect(['jiuquan', '酒泉市', '酒泉'].map((q) => regionIndex(model, q))).toEqual([1, 1, 1]);
    expect(['甘肃', '甘肅', '甘肃省'].map((q) => regionIndex(model, q))).toEqual([0, 0, 0]);
  });

  it('resolve segments and enterprises by name or alias', () => {
    expect(segmentIndex(model, '风电', '叶片')).toBe(segmentIndex(model, 'wind', 'blade'));
    expect(segmentIndex(model, 'wind', '整机')).toBe(segmentIndex(model, 'wind', 'turbine'));
    expect(enterpriseIndex(model, '九鼎叶片')).toBe(0);
    expect(enterpriseIndex(model, '酒泉九鼎風電葉片有限公司')).toBe(0);
    expect(enterpriseIndex(model, 'JIUDING')).toBe(0);
    expect(roleIn(model, '云风智慧风电', '风电')).toBe('leader');
    expect(enterprisesIn(model, { chain: '风电', segment: '叶片', region: '玉门' })).toEqual(['jiuding']);
  });

  it('give analyses the ids of a scope given by names', () => {
    expect(resolveScope(model, { chain: '风电装备制造产业链', region: '酒泉' })).toEqual({ region: 'jiuquan', regionIndex: 1, chain: 'wind', chainIndex: 0 });
    expect(findGaps(model, { chain: '风电', region: '酒泉市' })).toEqual(findGaps(model, { chain: 'wind', region: 'jiuquan' }));
  });
});

describe('lookup errors', () => {
  it('list the valid chains and suggest the closest id, in Chinese by default', () => {
    const error = thrown(() => chainIndex(model, 'wnd'));
    expect(error.code).toBe('unknown_chain');
    expect(error.message).toBe('未知产业链 "wnd"；是否应为 "wind"（风电装备制造产业链）？数据集中的产业链：wind（风电装备制造产业链）、pv（光伏装备制造产业链）');
    expect(error.messages.en).toBe(
      'unknown chain "wnd"; did you mean "wind" (风电装备制造产业链)? the dataset\'s chains: wind (风电装备制造产业链), pv (光伏装备制造产业链)',
    );
    expect(error.details).toEqual({ id: 'wnd', suggestion: { id: 'wind', name: '风电装备制造产业链' }, valid: ['wind', 'pv'] });
  });

  it('list at most ten choices, then how many more', () => {
    const error = thrown(() => resolveScope(model, { region: '火星', locale: 'en' }));
    expect(error.message).toBe(
      'unknown region "火星"; the dataset\'s regions: gansu (甘肃省), jiuquan (酒泉市), yumen (玉门市), county-1 (第1县), county-2 (第2县), county-3 (第3县), county-4 (第4县), county-5 (第5县), county-6 (第6县), county-7 (第7县), … and 5 more',
    );
    expect(thrown(() => regionIndex(model, '火星')).message).toMatch(/county-7（第7县）… 另有 5 个$/u);
  });

  it('name the chain of an unknown segment and list its segments', () => {
    const error = thrown(() => segmentIndex(model, '风电', 'hub', 'en'));
    expect(error.code).toBe('unknown_segment');
    expect(error.message).toBe('unknown segment "hub" in chain "wind"; the chain\'s segments: blade (风电叶片), turbine (整机)');
  });

  it('report an ambiguous name with its candidates, never a guess', () => {
    const error = thrown(() => enterpriseIndex(model, '瑞达'));
    expect(error.code).toBe('ambiguous_name');
    expect(error.message).toBe('"瑞达" 可指多个企业：ruida-1（瑞达机械）、ruida-2（瑞达电气）；请改用编号');
    expect(error.messages.en).toBe('"瑞达" names several enterprises: ruida-1 (瑞达机械), ruida-2 (瑞达电气); give one of their ids');
    expect(error.details).toEqual({
      kind: 'enterprise',
      name: '瑞达',
      candidates: [
        { id: 'ruida-1', name: '瑞达机械' },
        { id: 'ruida-2', name: '瑞达电气' },
      ],
    });
  });

  it('say so when the dataset models none', () => {
    expect(unknownMessages('chain', 'wind', [])).toEqual({
      'zh-CN': '未知产业链 "wind"：数据集未建模任何产业链',
      en: 'unknown chain "wind": the dataset models no chain',
    });
  });

  it('ask for a chain listing the chains when one is required', () => {
    const error = thrown(() => resolveScope(model, { locale: 'en' }, true));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toBe("a chain is required; the dataset's chains: wind (风电装备制造产业链), pv (光伏装备制造产业链)");
    expect(thrown(() => resolveScope(model, {}, true)).message).toBe('需要指定产业链；数据集中的产业链：wind（风电装备制造产业链）、pv（光伏装备制造产业链）');
  });

  it('keep a single-string message in both locales', () => {
    const error = new ChainError('invalid_argument', 'limit must be ≥ 0');
    expect([error.message, error.messages.en, error.messages['zh-CN']]).toEqual(['limit must be ≥ 0', 'limit must be ≥ 0', 'limit must be ≥ 0']);
  });

  it('list choices without a name by id only', () => {
    expect(listChoices([{ id: 'a' }, { id: 'b', name: 'b' }, { id: 'c', name: '丙' }], 'zh-CN')).toBe('a、b、c（丙）');
  });
});
