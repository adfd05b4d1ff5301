import { describe, expect, it } from 'vitest';
import { estimateOutput } from '../../../src/analysis/output/index.js';
import { credibleBase, printGrowth } from '../../../src/analysis/output/audit-rules.js';
import { buildModel } from '../../../src/graph/model.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { seedModel } from '../../support/seeds.js';

describe('audit rules', () => {
  it('takes a base as credible from 10 % of the base the target implies', () => {
    // 1000 at 15 % over one year implies 1000 / 1.15 = 869.565…; 10 % of it = 86.9565…
    expect(credibleBase(86.96, 1000, 0.15, 1)).toBe(true);
    expect(credibleBase(86.95, 1000, 0.15, 1)).toBe(false);
    expect(credibleBase(4.28, 1000, 0.15, 1)).toBe(false);
    // without a stated growth the target value itself: 10 % of 500 = 50
    expect(credibleBase(50, 500, null, 3)).toBe(true);
    expect(credibleBase(49.99, 500, null, 3)).toBe(false);
    // no span, no base
    expect(credibleBase(100, 500, null, 0)).toBe(false);
    expect(credibleBase(0, 500, null, 2)).toBe(false);
  });

  it('never prints a growth above 1000 % as a number', () => {
    expect(printGrowth(0.15)).toEqual({ zh: '15%', en: '15%' });
    expect(printGrowth(10)).toEqual({ zh: '1000%', en: '1000%' });
    expect(printGrowth(232.565)).toEqual({ zh: '超过 1000%（基数过小，增速无意义）', en: 'over 1000% (base too small for a meaningful rate)' });
  });
});

/*
 * Zone check, hand-checked: zone z records output 60亿 for 1-6月 2023 → 60 × 12 / 6 = 120亿 a
 * year. Chain targets: c1 ≥ 150亿, c2 ≥ 30亿 (no year) → 180亿 = 1.5 × 120. c1's share 150/120
 * = 125 %; c2's 30/120 = 25 %. Firm f1 in c1 with output 100 (so c1 is auditable); c2 has no
 * firm with output: cannot be audited, but its zone check is still made.
 */
const zoneInput: DatasetInput = {
  meta: { id: 'zone', name: '区', region: 'z' },
  regions: [{ id: 'z', name: '开发区', kind: 'zone' }],
  chains: [
    { id: 'c1', name: '一链', segments: [{ id: 's', name: '环节', stage: 'midstream' }] },
    { id: 'c2', name: '二链', segments: [{ id: 't', name: '环节二', stage: 'midstream' }] },
  ],
  enterprises: [
    { id: 'f1', name: '甲', region: 'z', segments: [{ chain: 'c1', segment: 's' }], output: 100, outputYear: 2023 },
    { id: 'f2', name: '乙', region: 'z', segments: [{ chain: 'c2', segment: 't' }] },
  ],
  indicators: [{ id: 'zone-output', scope: { region: 'z' }, metric: 'output', value: 60, unit: '亿元', year: 2023, period: '1-6月' }],
  targets: [
    { id: 't1', kind: 'expectation', scope: { region: 'z', chain: 'c1' }, metric: 'output', comparator: '>=', value: 150, unit: '亿元' },
    { id: 't2', kind: 'expectation', scope: { region: 'z', chain: 'c2' }, metric: 'output', comparator: '>=', value: 30, unit: '亿元' },
  ],
};

describe('zone check of chain targets', () => {
  const model = buildModel(parseDataset(zoneInput, { templates: [] }), { templates: [] });
  const e = estimateOutput(model, { years: [2023, 2025], runs: 200, seed: 3 });
  const t1 = e.targets.find((t) => t.target === 't1')!;
  const t2 = e.targets.find((t) => t.target === 't2')!;

  it('sets each chain target and their sum against the zone\'s annualised output', () => {
    expect(t1.zoneCheck).toMatchObject({ basis: 'indicator', zoneValue: 120, zoneRecorded: 60, zoneYear: 2023, zonePeriod: '1-6月', chainTargets: 2, chainTargetsTotal: 180, exceedsZone: true });
    expect(t1.zoneCheck!.shareOfZone).toBeCloseTo(1.25, 12);
    expect(t1.zoneCheck!.totalShareOfZone).toBeCloseTo(1.5, 12);
    expect(t1.reason.zh).toContain('本链目标 150亿元 相当于全区产值（2023年1-6月 60亿元，折全年约 120亿元）的 125%；本区 2 条产业链的目标合计 180亿元，为其 1.5 倍，超出全区总量');
    expect(t2.zoneCheck!.shareOfZone).toBeCloseTo(0.25, 12);
  });

  it('audits the chain with data and says the one without cannot be audited, probability null', () => {
    expect(t1).toMatchObject({ available: true, noData: false });
    expect(t1.probability).not.toBeNull();
    expect(t2).toMatchObject({ available: false, noData: true, probability: null, estimate: null });
    expect(t2.reason.zh).toBe(
      '开发区 二链 的预期无法审核：数据集中本范围的 1 家企业均无产值或产能，0 个项目均无预期产值，测算没有数据可依，达成概率无从计算（不是 0%）。与全区总量对照：本链目标 30亿元 相当于全区产值（2023年1-6月 60亿元，折全年约 120亿元）的 25%；本区 2 条产业链的目标合计 180亿元，为其 1.5 倍，超出全区总量：各链目标不可能同时在现有全区规模内实现，意味着全区产值需增至约 1.5 倍，或各链目标相互重叠',
    );
  });

  it('makes no zone check for a zone-wide target or without a zone-wide figure', () => {
    const noZone = buildModel(parseDataset({ ...zoneInput, indicators: [] }, { templates: [] }), { templates: [] });
    const r = estimateOutput(noZone, { years: [2023, 2025], runs: 50, seed: 3 });
    expect(r.targets.every((t) => t.zoneCheck === null)).toBe(true);
  });
});

describe('audits on the seeds', () => {
  const seeds = ['jiuquan', 'linfen', 'wuwei', 'yuncheng'];
  // every growth printed in an audit's text: "增长 X%", "增速 X%", "needs X% a year", "X% a year"
  const growths = (text: string) => [...text.matchAll(/(?:增长|增速|needs|estimate|stated growth) (\d+(?:\.\d+)?)%/gu)].map((m) => Number(m[1]));

  it.each(seeds)('%s: no audit gives 0 percent for missing data or prints a growth above 1000 percent', (seed) => {
    const model = seedModel(seed);
    const scopes = [undefined, ...model.index.chains.ids];
    let audits = 0;
    for (const chain of scopes) {
      const e = estimateOutput(model, { ...(chain === undefined ? {} : { chain }), years: [2020, 2022, 2024, 2025, 2026, 2030], runs: 100, seed: 1 });
      for (const t of e.targets) {
        audits++;
        if (t.noData) {
          expect(t.probability).toBeNull();
          expect(t.reason.zh).toContain('无法审核');
          expect(t.reason.zh).not.toMatch(/概率 0%/u);
        }
        for (const g of [...growths(t.reason.zh), ...growths(t.reason.en)]) expect(g).toBeLessThanOrEqual(1000);
        if (t.requiredGrowth !== null) expect(credibleBase(t.base!.value, t.value!, t.statedGrowth, t.year - t.base!.year)).toBe(true);
      }
    }
    // 临汾's seed holds no target at all
    expect(audits > 0).toBe(model.dataset.targets.length > 0);
  });
});
