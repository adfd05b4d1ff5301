import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT_ASSUMPTIONS, estimateOutput, type OutputEstimate, type OutputOptions, type TargetAudit } from '../../../src/analysis/output/index.js';
import { formatYi } from '../../../src/internal/format.js';
import { buildModel } from '../../../src/graph/model.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';


function modelOf(input: DatasetInput) {
  const dataset = deepFreeze(parseDataset(input, { templates: [] }));
  return buildModel(dataset, { templates: [] });
}

const close = (actual: number | null | undefined, expected: number, digits = 9) => {
  expect(actual).not.toBeNull();
  expect(actual).toBeCloseTo(expected, digits);
};

/** Assumptions that make every draw a constant, so results are exact. */
const FIXED = {
  growthSpread: 0,
  delayProbabilities: [1],
  shortfall: { min: 1, mode: 1, max: 1 },
  utilisation: { min: 0.75, mode: 0.75, max: 0.75 },
  likelihood: { 'under-construction': 1, signed: 1, planned: 1 },
};

// A city c with a zone z; chain ch: raw → part (a = 0.5) → asm (a = 0.4).
const chainInput: DatasetInput = {
  meta: { id: 'hand', name: '手算', region: 'c' },
  regions: [
    { id: 'cn', name: '中国', kind: 'country' },
    { id: 'c', name: '甲市', kind: 'city', parent: 'cn' },
    { id: 'z', name: '甲开发区', kind: 'zone', parent: 'c' },
    { id: 'out', name: '乙省', kind: 'province', parent: 'cn' },
  ],
  chains: [
    {
      id: 'ch',
      name: '示例链',
      segments: [
        { id: 'raw', name: '原料', stage: 'upstream' },
        { id: 'part', name: '部件', stage: 'midstream' },
        { id: 'asm', name: '整机', stage: 'downstream' },
      ],
      flows: [
        { from: 'raw', to: 'part', coefficient: 0.5 },
        { from: 'part', to: 'asm', coefficient: 0.4 },
      ],
    },
  ],
  enterprises: [
    { id: 'L', name: '链主整机', region: 'z', segments: [{ chain: 'ch', segment: 'asm' }], chainRoles: [{ chain: 'ch', role: 'leader' }], output: 100, outputYear: 2023 },
    { id: 'S', name: '部件厂', region: 'c', segments: [{ chain: 'ch', segment: 'part' }], role: 'supporting', output: 10, outputYear: 2023 },
    { id: 'K', name: '电芯厂', region: 'z', segments: [{ chain: 'ch', segment: 'raw' }], capacity: [{ value: 2, unit: 'GWh', product: '储能电芯' }] },
    { id: 'N', name: '新整机厂', region: 'z', segments: [{ chain: 'ch', segment: 'asm' }], status: 'under-construction' },
    { id: 'G', name: '无数据厂', region: 'c', segments: [{ chain: 'ch', segment: 'part' }] },
    { id: 'O', name: '外地部件厂', region: 'out', segments: [{ chain: 'ch', segment: 'part' }], output: 50, outputYear: 2023 },
  ],
  projects: [
    { id: 'P1', name: '新整机项目', enterprise: 'N', chain: 'ch', segment: 'asm', region: 'z', status: 'under-construction', expectedOutput: 20, productionYear: 2024 },
  ],
  targets: [
    { id: 't-city', scope: { region: 'c' }, metric: 'output', value: 150, growth: 10, year: 2026 },
    { id: 't-chain', scope: { region: 'c', chain: 'ch' }, metric: 'output', kind: 'expectation', value: 200, condition: '产业链形成后' },
    { id: 't-zone', scope: { region: 'z' }, metric: 'output', value: 130, year: 2025 },
    { id: 't-gdp', scope: { region: 'c' }, metric: 'gdp', value: 50, year: 2025 },
    { id: 't-out', scope: { region: 'out' }, metric: 'output', value: 10, year: 2025 },
  ],
};
const chainModel = modelOf(chainInput);
const YEARS = [2023, 2024, 2025, 2026];

// By hand, growth 5% with no spread, every draw fixed:
// current   L 100·1.05^k + S 10·1.05^k = 110, 115.5, 121.275, 127.33875
// capacity  K 2 GWh × 3.5 亿元/GWh (cells) × 0.75 = 5.25 every year
// pipeline  P1 20 × ramp 0.4 / 0.8 / 1 from 2024 = 0, 8, 16, 20
// induced   local shares 0.3 in all three segments (each has a local firm, no valued links):
//           D A has (raw, part) = 0.15, (part, asm) = 0.12; (D A)² has (raw, asm) = 0.018, (D A)³ = 0,
//           so L_d − I = D A + (D A)²; y = leader output in asm = 100·1.05^k
//           gross raw = 0.018 y = 1.8·1.05^k, gross part = 0.12 y = 12·1.05^k
//           net raw = max(0, 1.8·1.05^k − K 5.25) = 0; net part = 12·1.05^k − S 10·1.05^k = 2·1.05^k
//           = 2, 2.1, 2.205, 2.31525
// total     117.25, 130.85, 144.73, 154.90400
const TOTAL = [117.25, 130.85, 144.73, 127.33875 + 5.25 + 20 + 2.31525];

describe('estimateOutput on a hand-checked chain', () => {
  const estimate = estimateOutput(chainModel, { years: YEARS, runs: 50, seed: 1, assumptions: FIXED });

  it('adds current, capacity, pipeline and net induced output exactly', () => {
    expect(estimate.baseYear).toBe(2023);
    expect(estimate.years).toEqual(YEARS);
    estimate.byYear.forEach((y, i) => {
      close(y.expected, TOTAL[i]!);
      close(y.p10, TOTAL[i]!);
      close(y.p90, TOTAL[i]!);
    });
    const kinds = (k: 'current' | 'pipeline' | 'capacity' | 'induced') => estimate.byYear.map((y) => y.byKind[k].expected);
    kinds('current').forEach((v, i) => close(v, 110 * 1.05 ** i));
    kinds('capacity').forEach((v) => close(v, 5.25));
    expect(kinds('pipeline')).toEqual([0, 8, 16, 20]);
    kinds('induced').forEach((v, i) => close(v, 2 * 1.05 ** i));
  });

  it('reports the induced model: shares, multipliers, gross and net by segment', () => {
    const ind = estimate.induced.find((i) => i.chain === 'ch')!;
    expect(ind.available).toBe(true);
    expect(ind.leaders).toEqual(['L']);
    expect(ind.coefficientFlows).toBe(2);
    const [raw, part, asm] = ind.segments;
    expect(ind.segments.map((s) => [s.segment, s.localShare, s.localShareSource])).toEqual([
      ['raw', 0.3, 'default'],
      ['part', 0.3, 'default'],
      ['asm', 0.3, 'default'],
    ]);
    // local multipliers: column sums of L_d: raw 1, part 1 + 0.15, asm 1 + 0.12 + 0.018
    close(raw!.localMultiplier, 1);
    close(part!.localMultiplier, 1.15);
    close(asm!.localMultiplier, 1.138);
    // without leakage: part 1 + 0.5, asm 1 + 0.4 + 0.2
    close(part!.multiplier, 1.5);
    close(asm!.multiplier, 1.6);
    raw!.expectedGross.forEach((v, i) => close(v, 1.8 * 1.05 ** i));
    raw!.expected.forEach((v) => close(v, 0));
    part!.expectedGross.forEach((v, i) => close(v, 12 * 1.05 ** i));
    part!.expected.forEach((v, i) => close(v, 2 * 1.05 ** i));
  });

  it('breaks the estimate down by enterprise, segment and project', () => {
    const byId = Object.fromEntries(estimate.enterprises.map((e) => [e.id, e]));
    expect(Object.keys(byId).sort()).toEqual(['K', 'L', 'N', 'S']);
    byId.L!.expected.forEach((v, i) => close(v, 100 * 1.05 ** i));
    expect(byId.L!.leader).toBe(true);
    expect(byId.K!.kinds).toEqual(['capacity']);
    expect(byId.N!.expected).toEqual([0, 8, 16, 20]);
    const seg = Object.fromEntries(estimate.segments.map((s) => [String(s.segment), s] as const));
    seg.part!.byKind.current.forEach((v, i) => close(v, 10 * 1.05 ** i));
    seg.part!.byKind.induced.forEach((v, i) => close(v, 2 * 1.05 ** i));
    seg.asm!.expected.forEach((v, i) => close(v, 100 * 1.05 ** i + [0, 8, 16, 20][i]!));
    close(seg.raw!.expected[0], 5.25);
    const p1 = estimate.projects.find((p) => p.id === 'P1')!;
    expect(p1).toMatchObject({ counted: true, valuation: 'reported', fullOutput: 20, productionYear: 2024, productionYearSource: 'given', likelihood: 1 });
  });

  it('says what it could not value: the operating firm without output or capacity', () => {
    expect(estimate.gaps.map((g) => [g.code, g.enterprise])).toEqual([['no-output', 'G']]);
    expect(estimate.gaps[0]!.reason.zh).toContain('无数据厂');
  });

  it('audits a region-wide target: probability, band position, required and stated growth, coverage', () => {
    const t = estimate.targets.find((x) => x.target === 't-city')!;
    expect(t.available).toBe(true);
    expect(t.probability).toBe(1);
    expect(t.bandPosition).toBe('below');
    close(t.estimate!.expected, TOTAL[3]!);
    expect(t.base!.year).toBe(2023);
    close(t.base!.value, 117.25);
    close(t.requiredGrowth, (150 / 117.25) ** (1 / 3) - 1);
    close(t.estimateGrowth, (TOTAL[3]! / 117.25) ** (1 / 3) - 1);
    expect(t.statedGrowth).toBe(0.1);
    // the estimate grows 9.73% a year, short of the stated 10%
    expect(t.growthProbability).toBe(0);
    expect(t.coverage.partial).toBe(true);
    close(t.coverage.shareOfTarget, TOTAL[3]! / 150);
    close(t.coverage.impliedBase!.value, 150 / 1.1 ** 3);
    close(t.coverage.impliedBase!.modelledShare, 117.25 / (150 / 1.1 ** 3));
    expect(t.coverage).toMatchObject({ enterprises: 5, enterprisesWithOutput: 3, projects: 1, projectsWithOutput: 1 });
    expect(t.coverage.reason.en).toContain('covers every firm');
    expect(t.reason.zh).toContain('低于区间下沿');
  });

  it('audits an expectation without a year at the horizon and says so', () => {
    const t = estimate.targets.find((x) => x.target === 't-chain')!;
    expect(t).toMatchObject({ year: 2026, yearSource: 'expectation-horizon', bandPosition: 'above', probability: 0, condition: '产业链形成后' });
    expect(t.notes.map((n) => n.en).join(' ')).toContain('audited at the horizon 2026');
  });

  it('audits a sub-region target on the firms located there, without induced output', () => {
    // z holds L, K and P1: 2025 = 110.25 + 5.25 + 16 = 131.5
    const t = estimate.targets.find((x) => x.target === 't-zone')!;
    close(t.estimate!.expected, 131.5);
    expect(t.probability).toBe(1);
    expect(t.bandPosition).toBe('below');
  });

  it('lists targets it cannot audit, and leaves out targets outside the scope', () => {
    const gdp = estimate.targets.find((x) => x.target === 't-gdp')!;
    expect(gdp.available).toBe(false);
    expect(gdp.probability).toBeNull();
    expect(gdp.reason.en).toContain('not output');
    expect(estimate.targets.map((x) => x.target)).not.toContain('t-out');
  });

  it('gives the same result with a chain scope, and reports every assumption', () => {
    const scoped = estimateOutput(chainModel, { chain: 'ch', years: YEARS, runs: 50, seed: 1, assumptions: FIXED });
    scoped.byYear.forEach((y, i) => close(y.expected, TOTAL[i]!));
    expect(scoped.scope).toEqual({ region: 'c', chain: 'ch' });
    const keys = estimate.assumptionNotes.map((n) => n.key);
    expect(new Set(keys)).toEqual(new Set(Object.keys(DEFAULT_OUTPUT_ASSUMPTIONS)));
    expect(estimate.assumptionNotes.find((n) => n.key === 'growthSpread')).toMatchObject({ value: 0, given: true });
    expect(estimate.assumptionNotes.find((n) => n.key === 'growthRate')).toMatchObject({ value: 0.05, given: false });
    expect(estimate.assumptions.expectationHorizon).toBe(2026);
  });

  it('takes local shares from valued links, and from the caller', () => {
    const withLinks = modelOf({
      ...chainInput,
      links: [
        { from: 'S', to: 'L', value: 3, segment: { chain: 'ch', segment: 'part' } },
        { from: 'O', to: 'L', value: 7, segment: { chain: 'ch', segment: 'part' } },
      ],
    });
    const e = estimateOutput(withLinks, { years: [2023], runs: 5, assumptions: { ...FIXED, induced: 'gross', localShares: { 'ch/raw': 0.5 } } });
    const ind = e.induced[0]!;
    expect(ind.segments.map((s) => [s.localShare, s.localShareSource])).toEqual([
      [0.5, 'option'],
      [0.3, 'links'],
      [0.3, 'default'],
    ]);
    // gross: part 0.3·0.4·100 = 12; raw 0.5·0.5 · 12 = 3
    close(e.byYear[0]!.byKind.induced.expected, 15);
  });

  it('reports induced output but adds none with induced: none', () => {
    const e = estimateOutput(chainModel, { years: [2023], runs: 5, assumptions: { ...FIXED, induced: 'none' } });
    expect(e.byYear[0]!.byKind.induced.expected).toBe(0);
    close(e.induced[0]!.segments[1]!.expectedGross[0], 12);
    close(e.byYear[0]!.expected, 115.25);
  });
});

// Rules against double counting, ramps and valuation; growth 0, shortfall fixed at 0.5.
const rulesModel = modelOf({
  meta: { id: 'rules', name: '规则', region: 'c' },
  regions: [{ id: 'c', name: '丙市', kind: 'city' }],
  chains: [
    {
      id: 'ch2',
      name: '无系数链',
      segments: [
        { id: 'a', name: 'A', stage: 'upstream' },
        { id: 'b', name: 'B', stage: 'downstream' },
      ],
      flows: [{ from: 'a', to: 'b' }],
    },
  ],
  enterprises: [
    { id: 'X', name: '老厂', region: 'c', segments: [{ chain: 'ch2', segment: 'a' }], role: 'leader', output: 40, outputYear: 2023 },
    { id: 'W', name: '在建厂', region: 'c', segments: [{ chain: 'ch2', segment: 'b' }], status: 'under-construction', output: 30, outputYear: 2025 },
  ],
  projects: [
    { id: 'Q', name: '老厂已达产项目', enterprise: 'X', region: 'c', chain: 'ch2', status: 'at-capacity', productionYear: 2022, expectedOutput: 40 },
    { id: 'R', name: '老厂扩产', enterprise: 'X', region: 'c', chain: 'ch2', status: 'signed', startYear: 2024, expectedOutput: 10 },
    { id: 'U', name: '线性达产项目', region: 'c', chain: 'ch2', status: 'under-construction', productionYear: 2024, fullCapacityYear: 2026, expectedOutput: 10 },
    { id: 'V', name: '储能系统项目', region: 'c', chain: 'ch2', status: 'planned', capacity: [{ value: 1000, unit: 'MWh', product: '储能系统' }] },
    { id: 'H', name: '无产值项目', region: 'c', chain: 'ch2', status: 'signed' },
  ],
});

describe('estimateOutput counting rules', () => {
  // current X 40 (growth 0).
  // R: expansion of X, signed, start 2024 + lag 1 → 2025; 10 × 0.5 × ramp → 2025: 2, 2026: 4
  // W: implied project (under construction, output 30 from its outputYear 2025) → 2025: 6, 2026: 12
  // U: ramp 0.4 → 1 linearly from 2024 to 2026: 0.4, 0.7, 1 → × 5 = 2, 3.5, 5
  // V: 1000 MWh = 1 GWh of storage systems × 7.5 = 7.5, × utilisation 0.75 (not the shortfall) = 5.625;
  //    undated planned: base 2023 + start lag 2 + production lag 1 = 2026 → 0.4 × 5.625 = 2.25
  // Q: at capacity since 2022, before X's 2023 output figure → already in it, not counted
  // total 2024: 40 + 2 = 42; 2025: 40 + 2 + 6 + 3.5 = 51.5; 2026: 40 + 4 + 12 + 5 + 2.25 = 63.25
  const e = estimateOutput(rulesModel, {
    years: [2024, 2025, 2026],
    runs: 20,
    assumptions: { ...FIXED, growthRate: 0, shortfall: { min: 0.5, mode: 0.5, max: 0.5 } },
  });

  it('adds expansions, implied projects, linear ramps and capacity-valued projects; skips what is already counted', () => {
    expect(e.byYear.map((y) => y.expected)).toEqual([42, 51.5, 63.25]);
    const p = Object.fromEntries(e.projects.map((x) => [x.id, x]));
    expect(p.Q!.counted).toBe(false);
    expect(p.R).toMatchObject({ counted: true, productionYear: 2025, productionYearSource: 'start-plus-lag', expected: [0, 2, 4] });
    expect(p['enterprise:W']).toMatchObject({ implied: true, status: 'under-construction', productionYear: 2025, expected: [0, 6, 12] });
    expect(p.U!.rampUp.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.4, 0.7, 1]);
    expect(p.U!.expected.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([2, 3.5, 5]);
    expect(p.V).toMatchObject({ valuation: 'capacity', fullOutput: 7.5, productionYear: 2026, productionYearSource: 'status' });
    expect(p.V!.expected[2]).toBeCloseTo(2.25, 12);
    expect(e.gaps.map((g) => [g.code, g.project])).toEqual([
      ['in-current-output', 'Q'],
      ['no-expected-output', 'H'],
    ]);
  });

  it('skips induced output with a reason when the chain has no coefficients', () => {
    expect(e.induced[0]).toMatchObject({ chain: 'ch2', available: false, coefficientFlows: 0, flowsWithoutCoefficient: 1 });
    expect(e.induced[0]!.reason.en).toContain('no input coefficients');
  });
});

describe('estimateOutput against observed indicators', () => {
  // zone z: one firm with 60 in 2022; the zone's 规上 output Jan–Aug 2022 was 80 (+20%):
  // annualised 80 · 12 / 8 = 120, so the modelled firm covers 60 / 120 = 50% of it.
  const zone = modelOf({
    meta: { id: 'ind', name: '指标', region: 'z' },
    regions: [{ id: 'z', name: '戊开发区', kind: 'zone' }],
    chains: [{ id: 'k', name: 'K', segments: [{ id: 's', name: 'S', stage: 'midstream' }] }],
    enterprises: [{ id: 'F', name: '在产厂', region: 'z', segments: [{ chain: 'k', segment: 's' }], output: 60, outputYear: 2022 }],
    indicators: [{ id: 'out-1-8', scope: { region: 'z' }, metric: 'output', value: 80, growth: 20, year: 2022, period: '1-8月' }],
    targets: [{ id: 'zone-2025', scope: { region: 'z' }, metric: 'output', value: 300, growth: 15, year: 2025 }],
  });

  it('with baseline firms: reports the modelled share of the annualised observed output', () => {
    const t = estimateOutput(zone, { years: [2025], runs: 10, assumptions: { growthSpread: 0, growthRate: 0 } }).targets[0]!;
    expect(t.basis).toBe('firms');
    expect(t.coverage.observed).toEqual({ indicator: 'out-1-8', year: 2022, value: 80, annualised: 120, modelledShare: 0.5 });
    expect(t.estimate!.expected).toBe(60);
  });

  it('with baseline indicators: projects the annualised indicator at its own growth', () => {
    // 120 · 1.2^3 = 207.36 < 300; from 120 in 2022 the target needs (300/120)^(1/3) − 1 = 35.7% a year
    const t = estimateOutput(zone, { years: [2025], runs: 10, assumptions: { growthSpread: 0, baseline: 'indicators' } }).targets[0]!;
    expect(t.basis).toBe('indicators');
    close(t.estimate!.p50, 207.36);
    expect(t.probability).toBe(0);
    expect(t.base).toEqual({ year: 2022, value: 120 });
    close(t.requiredGrowth, (300 / 120) ** (1 / 3) - 1);
    close(t.estimateGrowth, 0.2);
    expect(t.growthProbability).toBe(1);
    expect(t.coverage.partial).toBe(false);
    expect(t.coverage.observed!.modelledShare).toBe(0.5);
  });
});

describe('estimateOutput Monte Carlo', () => {
  const mc = modelOf({
    meta: { id: 'mc', name: 'MC', region: 'c' },
    regions: [{ id: 'c', name: '丁市', kind: 'city' }],
    chains: [{ id: 'k', name: 'K', segments: [{ id: 's', name: 'S', stage: 'midstream' }] }],
    enterprises: [{ id: 'F', name: '在产厂', region: 'c', segments: [{ chain: 'k', segment: 's' }], output: 100, outputYear: 2023 }],
    projects: [{ id: 'P', name: '签约项目', region: 'c', chain: 'k', status: 'signed', productionYear: 2020, expectedOutput: 10 }],
  });

  it('samples growth, go/no-go and shortfall with the documented distributions', () => {
    const e = estimateOutput(mc, { years: [2024, 2030], runs: 20_000, seed: 3 });
    // current in 2024: 100 (1 + g), g ~ N(0.05, 0.03): mean 105, P10/P90 = 105 ∓ 1.2816 · 3
    const cur = e.byYear[0]!.byKind.current;
    expect(cur.expected).toBeCloseTo(105, 1);
    expect(cur.p10).toBeCloseTo(105 - 1.2816 * 3, 1);
    expect(cur.p90).toBeCloseTo(105 + 1.2816 * 3, 1);
    // pipeline in 2030 (past any delay): goes ahead with p = 0.5, × shortfall ~ Tri(0.6, 0.9, 1.1) of mean 2.6/3
    // mean = 0.5 · 10 · 0.86667 = 4.3333 (s.e. ≈ 0.03); P10 = 0; P90 = 10 · q(0.8) = 10 (1.1 − √0.02) = 9.5858
    const pipe = e.byYear[1]!.byKind.pipeline;
    expect(Math.abs(pipe.expected - 5 * (2.6 / 3))).toBeLessThan(0.15);
    expect(pipe.p10).toBe(0);
    expect(Math.abs(pipe.p90 - 10 * (1.1 - Math.sqrt(0.02)))).toBeLessThan(0.05);
  });

  it('is reproducible: same seed, same result; another seed, another sample', () => {
    const a = estimateOutput(chainModel, { years: YEARS, runs: 300, seed: 42 });
    const b = estimateOutput(chainModel, { years: YEARS, runs: 300, seed: 42 });
    const c = estimateOutput(chainModel, { years: YEARS, runs: 300, seed: 43 });
    expect(b).toEqual(a);
    expect(c.byYear[3]!.expected).not.toBe(a.byYear[3]!.expected);
  });

  it('rejects bad options with invalid_argument and unknown ids with the query errors', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(ChainError);
        return (error as ChainError).code;
      }
      return 'no error';
    };
    expect(code(() => estimateOutput(mc, { years: [] }))).toBe('invalid_argument');
    expect(code(() => estimateOutput(mc, { years: [2024], runs: 0 }))).toBe('invalid_argument');
    expect(code(() => estimateOutput(mc, { years: [2024], assumptions: { delayProbabilities: [0.5, 0.2] } }))).toBe('invalid_argument');
    expect(code(() => estimateOutput(mc, { years: [2024], assumptions: { shortfall: { min: 1, mode: 0.5, max: 2 } } }))).toBe('invalid_argument');
    expect(code(() => estimateOutput(mc, { years: [2024], assumptions: { growthRat: 0.1 } as never }))).toBe('invalid_argument');
    expect(code(() => estimateOutput(mc, { years: [2024], chain: 'nope' }))).toBe('unknown_chain');
    expect(code(() => estimateOutput(mc, { years: [2024], assumptions: { localShares: { 'k/nope': 0.2 } } }))).toBe('unknown_segment');
  });
});

describe('estimateOutput invariants', () => {
  it('on any valid dataset: JSON-safe, ordered bands, kinds sum to the total, probabilities in [0, 1]', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.integer({ min: 1, max: 1000 }), (dataset, seed) => {
        const model = buildModel(deepFreeze(dataset), { templates: [] });
        const e: OutputEstimate = estimateOutput(model, { years: [2023, 2025, 2027], runs: 40, seed });
        expect(JSON.parse(JSON.stringify(e))).toEqual(e);
        for (const y of e.byYear) {
          expect(y.p10).toBeLessThanOrEqual(y.p50 + 1e-9);
          expect(y.p50).toBeLessThanOrEqual(y.p90 + 1e-9);
          expect(y.expected).toBeGreaterThanOrEqual(0);
          const sum = y.byKind.current.expected + y.byKind.pipeline.expected + y.byKind.capacity.expected + y.byKind.induced.expected;
          expect(Math.abs(sum - y.expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, y.expected));
        }
        for (const t of e.targets as TargetAudit[]) {
          if (t.probability !== null) expect(t.probability).toBeGreaterThanOrEqual(0);
          if (t.probability !== null) expect(t.probability).toBeLessThanOrEqual(1);
          if (t.available) expect(['below', 'within', 'above', null]).toContain(t.bandPosition);
        }
        const segTotal = e.segments.reduce((s, x) => s + x.expected[2]!, 0);
        expect(Math.abs(segTotal - e.byYear[2]!.expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, e.byYear[2]!.expected));
      }),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// golden tests on the seeds

const here = dirname(fileURLToPath(import.meta.url));
const seedPath = (name: string) => resolve(here, '../../../seeds', name);
const haveSeeds = existsSync(seedPath('yuncheng.json')) && existsSync(seedPath('jiuquan.json'));
const loadSeed = (name: string) => buildModel(parseDataset(JSON.parse(readFileSync(seedPath(name), 'utf8'))));

describe.skipIf(!haveSeeds)('golden: 运城 seed', () => {
  const model = haveSeeds ? loadSeed('yuncheng.json') : undefined!;
  const chains = ['new-energy-vehicle', 'copper-materials', 'green-building-materials', 'intelligent-equipment'];
  const expected: Record<string, number> = {
    'new-energy-vehicle': 200,
    'copper-materials': 200,
    'green-building-materials': 100,
    'intelligent-equipment': 100,
  };

  it.each(chains)('cannot audit chain %s for want of data, and sets its target against the zone\'s own output', (chain) => {
    const e = estimateOutput(model, { chain, years: [2022, 2023, 2024, 2025], runs: 2000, seed: 1 });
    expect(e.baseYear).toBe(2022);
    const audits = e.targets.filter((t) => t.kind === 'expectation' && t.scope.chain === chain);
    expect(audits).toHaveLength(1);
    const t = audits[0]!;
    expect(t.value).toBe(expected[chain]);
    expect(t.year).toBe(2025);
    expect(t.yearSource).toBe('expectation-horizon');
    expect(t.condition).toBe('产业链形成后');
    // the seed publishes no firm output and no project output: the estimate would be 0 by
    // construction, so the audit says it cannot be made, with a null probability (never 0 %)
    expect(t.available).toBe(false);
    expect(t.noData).toBe(true);
    expect(t.probability).toBeNull();
    expect(t.estimate).toBeNull();
    expect(t.bandPosition).toBeNull();
    expect(t.requiredGrowth).toBeNull();
    expect(t.coverage.enterprisesWithOutput).toBe(0);
    expect(t.reason.zh).toContain('无法审核');
    expect(t.reason.zh).toContain('不是 0%');
    expect(t.reason.en).toContain('cannot be audited');
    expect(t.reason.zh).not.toMatch(/概率 \d/u);
    // the zone's output 130.7亿 for 1–8月 2022 → 130.7 × 12 / 8 = 196.05亿 a year; the four chain
    // targets add up to 200 + 200 + 100 + 100 = 600亿 = 3.0604 × that
    expect(t.zoneCheck).toMatchObject({ basis: 'indicator', zoneRecorded: 130.7, zoneYear: 2022, zonePeriod: '1-8月', chainTargets: 4, chainTargetsTotal: 600, exceedsZone: true });
    expect(t.zoneCheck!.zoneValue).toBeCloseTo(196.05, 9);
    expect(t.zoneCheck!.shareOfZone).toBeCloseTo(expected[chain]! / 196.05, 12);
    expect(t.zoneCheck!.totalShareOfZone).toBeCloseTo(600 / 196.05, 12);
    expect(t.reason.zh).toContain('本区 4 条产业链的目标合计 600亿元，为其 3.06 倍，超出全区总量');
    expect(t.reason.zh).toContain('折全年约 196.05亿元');
    expect(e.gaps.some((g) => g.code === 'no-output')).toBe(true);
  });

  it('zone-wide: lists all four chain expectations as not auditable, and says the leaders drive nothing without a known output', () => {
    const e = estimateOutput(model, { years: [2022, 2025], runs: 200, seed: 1 });
    const audits = e.targets.filter((t) => t.metric === 'output');
    expect(audits.map((t) => t.scope.chain).sort()).toEqual([...chains].sort());
    expect(audits.every((t) => t.noData && t.probability === null && t.bandPosition === null)).toBe(true);
    expect(audits.every((t) => t.zoneCheck !== null && t.zoneCheck.exceedsZone)).toBe(true);
    // the zone's 1–8月 2022 output (130.7亿) has no zone-wide target to be set against
    expect(audits.every((t) => t.coverage.observed === null)).toBe(true);
    const nev = e.induced.find((i) => i.chain === 'new-energy-vehicle')!;
    expect(nev.leaders).toEqual(['dayun']);
    expect(nev.leadersWithOutput).toEqual([]);
    expect(nev.reason.en).toContain("no leader's output is known");
  });
});

describe.skipIf(!haveSeeds)('golden: 酒泉 seed', () => {
  const model = haveSeeds ? loadSeed('jiuquan.json') : undefined!;
  const e = haveSeeds ? estimateOutput(model, { years: [2024, 2025, 2026], runs: 4000, seed: 7 }) : undefined!;

  it('audits the 1000亿 / 15% zones target of 2025 and says the estimate covers only the modelled firms', () => {
    const t = e.targets.find((x) => x.target === 'zones-output-2025')!;
    expect(t).toBeDefined();
    expect(t.available).toBe(true);
    expect(t.value).toBe(1000);
    expect(t.year).toBe(2025);
    expect(t.statedGrowth).toBe(0.15);
    expect(t.probability).toBeGreaterThanOrEqual(0);
    expect(t.probability).toBeLessThanOrEqual(1);
    expect(t.growthProbability).not.toBeNull();
    expect(t.coverage.partial).toBe(true);
    expect(t.coverage.shareOfTarget).toBeGreaterThan(0);
    expect(t.coverage.shareOfTarget).toBeLessThan(0.2);
    // 1000 / 1.15 = 869.57 in the base year 2024
    expect(t.coverage.impliedBase!.value).toBeCloseTo(1000 / 1.15, 9);
    expect(t.coverage.reason.en).toContain('covers every firm of');
    expect(t.coverage.reason.en).toContain('may reflect missing data');
    expect(t.reason.zh).toContain('目标增速 15%');
    expect(t.notes.map((n) => n.en).join(' ')).toContain('almost empty base');
  });

  it('derives no required growth from a base under 10 % of the one the target implies (no 23256.5 %)', () => {
    const t = e.targets.find((x) => x.target === 'zones-output-2025')!;
    // base 2024 ≈ 4.28亿 against 1000 / 1.15 = 869.57亿 implied: 0.5 % < 10 % → withheld
    expect(t.base!.value).toBeLessThan(0.1 * (1000 / 1.15));
    expect(t.requiredGrowth).toBeNull();
    expect(t.reason.zh).not.toContain('23256.5%');
    expect(t.reason.zh).toContain(`2024年测算基数 ${formatYi(t.base!.value, 'zh')} 过小，所需增速无意义，不予计算`);
    expect(t.notes.map((n) => n.zh).join(' ')).toContain('基数过小，增速无意义');
  });

  it('values the storage projects: 南都 at its stated 30亿, 鸿合 from 5 GWh of cells and systems', () => {
    const p = Object.fromEntries(e.projects.map((x) => [x.id, x]));
    expect(p['nandu-storage-phase1']).toMatchObject({ valuation: 'reported', fullOutput: 30, productionYear: 2024, productionYearSource: 'start-plus-lag' });
    // product "储能电芯及先进储能系统" matches the storage-system price 7.5亿元/GWh first
    expect(p['honghe-5gwh-base']).toMatchObject({ valuation: 'capacity', fullOutput: 37.5, productionYear: 2025 });
    expect(p['hyperstrong-cell-line']!.counted).toBe(false);
    expect(e.gaps.find((g) => g.project === 'hyperstrong-cell-line')!.code).toBe('no-expected-output');
    expect(e.baseYear).toBe(2024);
  });

  it('lists the targets it cannot audit (GDP, investment, counts) instead of inventing figures', () => {
    const gdp = e.targets.find((x) => x.target === 'zones-gdp-2025')!;
    expect(gdp.available).toBe(false);
    expect(gdp.probability).toBeNull();
    // the zone's Q1 target: none of the zone's 6 firms has an output figure and it has no
    // project with one: cannot be audited, probability null
    const q1 = e.targets.find((x) => x.target === 'etdz-q1-equipment-output-growth-2024')!;
    expect(q1.available).toBe(false);
    expect(q1.noData).toBe(true);
    expect(q1.statedGrowth).toBe(0.2);
    expect(q1.probability).toBeNull();
    expect(q1.growthProbability).toBeNull();
    expect(q1.coverage).toMatchObject({ enterprises: 6, enterprisesWithOutput: 0, projectsWithOutput: 0 });
    expect(q1.reason.zh).toContain('无法审核');
  });
});

describe.skipIf(!haveSeeds)('estimateOutput called repeatedly on one model', () => {
  it('gives each call the result of a first call, in any order (the scratch arrays are reused)', () => {
    const years = [2025, 2026, 2027];
    const calls: OutputOptions[] = [
      { chain: 'new-energy-vehicle', years, runs: 200, enterpriseLimit: 5 },
      { chain: 'copper-materials', years, runs: 300 },
      { years, runs: 200, enterpriseLimit: 10 },
      { region: 'yuncheng-etdz', years: [2024, 2030], runs: 100, seed: 9 },
    ];
    // each on a model of its own: a first call, with no scratch memory used before
    const fresh = calls.map((options) => JSON.stringify(estimateOutput(loadSeed('yuncheng.json'), options)));
    const model = loadSeed('yuncheng.json');
    for (const order of [calls.map((_, i) => i), calls.map((_, i) => calls.length - 1 - i)])
      for (const i of order) expect(JSON.stringify(estimateOutput(model, calls[i]!))).toBe(fresh[i]);
  });
});
