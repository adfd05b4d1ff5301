import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGaps, linkProductSegment, type GapFinding, type GapOptions } from '../../../src/analysis/gaps/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { chainIndex } from '../../../src/graph/queries.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';


/*
 * Region tree: cn → prov → { city → zone, other1, other2 }, cn → far. The analysis runs on
 * `city`; `far` is outside.
 *
 * Chain `wind` (segment order = index j):
 *   0 steel → 2 gearbox (0.3);  1 blade → 3 turbine (0.2);  2 gearbox → 3 turbine (0.1);
 *   3 turbine → 4 farm (0.4)
 * Transitive downstream reach (criticality, basis "segments", n − 1 = 4):
 *   steel {gearbox, turbine, farm} 3/4 = 0.75; blade {turbine, farm} 0.5; gearbox 0.5;
 *   turbine {farm} 0.25; farm 0
 */
const regions = [
  { id: 'cn', name: '中国', kind: 'country' },
  { id: 'prov', name: '甘肃省', kind: 'province', parent: 'cn' },
  { id: 'city', name: '酒泉市', kind: 'city', parent: 'prov' },
  { id: 'zone', name: '酒泉经开区', kind: 'zone', parent: 'city' },
  { id: 'other1', name: '张掖市', kind: 'city', parent: 'prov' },
  { id: 'other2', name: '武威市', kind: 'city', parent: 'prov' },
  { id: 'far', name: '江苏省', kind: 'province', parent: 'cn' },
] as const;

const wind = {
  id: 'wind',
  name: '风电装备',
  segments: [
    { id: 'steel', name: '钢材', stage: 'upstream' },
    { id: 'blade', name: '叶片', stage: 'midstream' },
    { id: 'gearbox', name: '齿轮箱', stage: 'midstream', products: ['齿轮箱'] },
    { id: 'turbine', name: '整机', stage: 'midstream' },
    { id: 'farm', name: '风电场', stage: 'downstream' },
  ],
  flows: [
    { from: 'steel', to: 'gearbox', coefficient: 0.3 },
    { from: 'blade', to: 'turbine', coefficient: 0.2 },
    { from: 'gearbox', to: 'turbine', coefficient: 0.1 },
    { from: 'turbine', to: 'farm', coefficient: 0.4 },
  ],
} as const;

const w = (segment: string) => [{ chain: 'wind', segment }];

/** Base local firms: steel st1 (city), blade bl1 (zone), turbine tur (zone, 链主 of wind). */
const baseEnterprises = (outputs?: { st1: number; bl1: number; tur: number }) => [
  { id: 'st1', name: '酒钢', region: 'city', segments: w('steel'), ...(outputs ? { output: outputs.st1 } : {}) },
  { id: 'bl1', name: '九鼎叶片', region: 'zone', segments: w('blade'), ...(outputs ? { output: outputs.bl1 } : {}) },
  {
    id: 'tur',
    name: '云风智慧',
    region: 'zone',
    segments: w('turbine'),
    chainRoles: [{ chain: 'wind', role: 'leader' }],
    ...(outputs ? { output: outputs.tur } : {}),
  },
];

function modelOf(input: Partial<DatasetInput>) {
  const dataset = parseDataset(
    { meta: { id: 't', name: '测试', region: 'city' }, regions, chains: [wind], ...input },
    { templates: [] },
  );
  deepFreeze(dataset);
  return buildModel(dataset, { templates: [] });
}

/** Every finding of a result: the rows and the other aspects' findings under them. */
const all = (r: { findings: GapFinding[] }) => r.findings.flatMap((f) => [f, ...f.also]);

const brief = (f: GapFinding) => [f.code, f.segment, f.aspects, f.severity];

describe('findGaps: missing and thin segments, extensions, value and criticality (dataset A)', () => {
  /*
   * Local present firms L = {st1, bl1, tur}; outputs unknown → value basis "count";
   * weights W: st1 1, bl1 1, tur 3 (链主, leaderWeight 3) → W(L) = 5.
   * Only `city` among its siblings has activity → feasibility neutral 0.5.
   * No valueShare → no segment-value component; no policy flags. Severity = 0.5·value +
   * 0.3·criticality + 0.2·0.5, one row per segment with the largest severity of its aspects:
   *   blade thin (single bl1, not a 链主, tur depends on it): D = {tur}, 3/5 · HHI 1 = 0.6
   *     → 0.3 + 0.15 + 0.1 = 0.55
   *   gearbox missing: D = {tur} → 0.6 → 0.55; backward extension (feeds turbine) 0.55;
   *     forward extension (steel feeds it): D = {st1} 1/5 → 0.1 + 0.15 + 0.1 = 0.35 → row 0.55
   *   farm missing: D = {} → 0.1; forward extension (turbine feeds it): D = {tur} 0.6, crit 0
   *     → 0.3 + 0 + 0.1 = 0.4 → row 0.4
   *   steel: one firm, but no local firm downstream (gearbox missing) depends on it → not 短板
   *   turbine: its one firm is the 链主 → not 短板
   * Ties at 0.55 break by segment order (blade before gearbox).
   */
  const model = modelOf({ enterprises: baseEnterprises() });
  const result = findGaps(model, { chain: 'wind', region: 'city' });

  it('ranks every finding with exact severities', () => {
    expect(result.findings.map(brief)).toEqual([
      ['thin_segment', 'blade', ['thin'], 0.55],
      ['missing_segment', 'gearbox', ['missing', 'backward_extension', 'forward_extension'], 0.55],
      ['missing_segment', 'farm', ['missing', 'forward_extension'], 0.4],
    ]);
  });

  it('lists the numbers behind a severity', () => {
    const missing = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!;
    expect(missing.components).toEqual({
      value: { value: 0.6, weight: 0.5, basis: 'count', share: 0.6, extent: 1, dependants: ['tur'], leaders: ['tur'] },
      criticality: { value: 0.5, weight: 0.3, basis: 'segments', downstream: ['turbine', 'farm'] },
      feasibility: { value: 0.5, weight: 0.2, basis: 'neutral' },
      segmentValue: { value: 0, weight: 0, basis: 'none' },
      raw: 0.55,
      policyFactor: 1,
      policies: [],
      fillingReduction: 0,
    });
    expect(missing.enterprises).toEqual(['tur', 'st1']);
    expect(missing.reason.zh).toBe(
      '【缺链、向上游延链、向下游延链】本地缺少「齿轮箱」环节：没有在产或在建企业。直接下游有1家本地企业需要其产品（含链主云风智慧）。' +
        '向上游延链：本地已有「整机」环节，其上游投入「齿轮箱」本地缺失，引进后可就近配套。' +
        '向下游延链：本地「钢材」环节的产品流向「齿轮箱」，该环节本地缺失，引进后可就地转化本地产品。严重度0.55。',
    );
    expect(missing.reason.en).toMatch(
      /^\[missing, backward extension, forward extension\] No operating or under-construction local firm in segment 齿轮箱 \(gearbox\)\. 1 local firm directly downstream uses its output \(chain leader 云风智慧\)\. Backward extension .* Forward extension .* Severity 0\.55\.$/u,
    );
  });

  it('tells backward from forward extensions (延链), one row per segment with its aspects', () => {
    const ext = result.findings.flatMap((f) => f.also).filter((f) => f.code === 'extension_opportunity');
    expect(ext.map((f) => f.code === 'extension_opportunity' && [f.segment, f.direction, f.adjacent, f.severity])).toEqual([
      ['gearbox', 'backward', ['turbine'], 0.55],
      ['gearbox', 'forward', ['steel'], 0.35],
      ['farm', 'forward', ['turbine'], 0.4],
    ]);
    expect(ext[0]!.reason.zh).toBe('向上游延链：本地已有「整机」环节，其上游投入「齿轮箱」本地缺失，引进后可就近配套。严重度0.55。');
    expect(ext[2]!.reason.en).toContain('Forward extension');
    expect(ext.every((f) => f.also.length === 0)).toBe(true);
    // the farm row takes its severity (0.4) and numbers from the forward extension, its code from 缺链
    const farm = result.findings.find((f) => f.segment === 'farm')!;
    expect([farm.severity, farm.components.value.dependants, farm.also.map((f) => f.severity)]).toEqual([0.4, ['tur'], [0.4]]);
    expect(farm.reason.zh.startsWith('【缺链、向下游延链】本地缺少「风电场」环节')).toBe(true);
    expect(new Set(result.findings.map((f) => f.segment)).size).toBe(result.findings.length);
  });

  it('reports a single local supplier as a thin segment', () => {
    const thin = result.findings.find((f) => f.code === 'thin_segment' && f.segment === 'blade');
    expect(thin).toMatchObject({ trigger: 'single-supplier', suppliers: ['bl1'], hhi: 1, hhiBasis: 'single-supplier', shares: [{ enterprise: 'bl1', share: 1 }] });
    expect(thin!.reason.zh).toBe('「叶片」环节本地仅有1家供应企业（九鼎叶片），供应完全集中（HHI=1），本地1家下游企业依赖其供货。严重度0.55。');
  });

  it('does not call a segment 短板 for one firm when nobody local depends on it, when it is the 链主, or when it is the end product', () => {
    // steel (st1): gearbox, its only buyer segment, is missing; turbine: tur is the 链主
    expect(result.findings.some((f) => f.segment === 'steel' || f.segment === 'turbine')).toBe(false);
    // a second turbine maker t2 (not a 链主, in farm's upstream) with a local farm developer: turbine is
    // a sole-supplier 短板 only while its kind is not 'assembly'
    const withFarm = (kind?: 'assembly') =>
      modelOf({
        chains: [{ ...wind, segments: wind.segments.map((x) => (x.id === 'turbine' && kind ? { ...x, kind } : x)) }] as unknown as DatasetInput['chains'],
        enterprises: [
          ...baseEnterprises().filter((e) => e.id !== 'tur'),
          { id: 't2', name: '整机二', region: 'zone', segments: w('turbine') },
          { id: 'fm', name: '风场', region: 'zone', segments: w('farm') },
        ],
      });
    const plain = findGaps(withFarm(), { chain: 'wind' }).findings.find((f) => f.segment === 'turbine');
    expect(plain && [plain.code, plain.aspects]).toEqual(['thin_segment', ['thin']]);
    // D = {fm} 1/4 (W(L) = 4 firms, no 链主) · HHI 1 → 0.5·0.25 + 0.3·0.25 + 0.2·0.5 = 0.3
    expect(plain!.severity).toBe(0.3);
    expect(findGaps(withFarm('assembly'), { chain: 'wind' }).findings.some((f) => f.segment === 'turbine')).toBe(false);
  });

  it('summarises and says what it could not compute', () => {
    expect(result.summary).toEqual({
      segments: 5,
      present: 3,
      missing: 2,
      thin: 1,
      externalDependencies: 0,
      capacityShortfalls: 0,
      extensionOpportunities: 2,
      beingFilled: 0,
      localEnterprises: 3,
      findings: 3,
    });
    expect(result.limitations.map((l) => [l.code, l.segments])).toEqual([
      ['capacity_unknown', ['blade']],
      ['capacity_unknown', ['gearbox']],
      ['feasibility_neutral', ['steel', 'blade', 'gearbox', 'turbine', 'farm']],
    ]);
    expect(result.limitations[2]!.reason.en).toContain('Only 1 peer region');
    expect(result.assumptions.feasibility).toEqual({ available: false, peerRegions: ['city', 'other1', 'other2'], activeRegions: 1 });
    expect(result.segments.map((s) => [s.segment, s.present, s.localEnterprises, s.criticality])).toEqual([
      ['steel', true, ['st1'], 0.75],
      ['blade', true, ['bl1'], 0.5],
      ['gearbox', false, [], 0.5],
      ['turbine', true, ['tur'], 0.25],
      ['farm', false, [], 0],
    ]);
  });

  it('weighs a gap that feeds the 链主 more (leaderWeight)', () => {
    // leaderWeight 1: gearbox missing share = 1/3 → 0.5/3 + 0.15 + 0.1 = 0.41667
    const flat = findGaps(model, { chain: 'wind', region: 'city', leaderWeight: 1 });
    const missing = flat.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!;
    expect(missing.components.value.share).toBe(0.3333);
    expect(missing.severity).toBe(0.4167);
    expect(flat.assumptions.leaderWeight).toBe(1);
  });

  it('applies and reports the severity weights', () => {
    // only criticality counts: blade and gearbox 0.5 (gearbox's three aspects all 0.5), farm 0
    const crit = findGaps(model, { chain: 'wind', region: 'city', weights: { value: 0, criticality: 1, feasibility: 0 } });
    expect(crit.findings.map(brief)).toEqual([
      ['thin_segment', 'blade', ['thin'], 0.5],
      ['missing_segment', 'gearbox', ['missing', 'backward_extension', 'forward_extension'], 0.5],
      ['missing_segment', 'farm', ['missing', 'forward_extension'], 0],
    ]);
    // weights are normalised: {2, 1, 1} = {0.5, 0.25, 0.25}
    const norm = findGaps(model, { chain: 'wind', region: 'city', weights: { value: 2, criticality: 1, feasibility: 1 } });
    expect(norm.assumptions.weights).toEqual({ value: 0.5, criticality: 0.25, feasibility: 0.25 });
    // gearbox missing: 0.5·0.6 + 0.25·0.5 + 0.25·0.5 = 0.55
    expect(norm.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!.severity).toBe(0.55);
  });

  it('weighs criticality by valueShare when every segment has one', () => {
    /*
     * valueShare steel .1, blade .1, gearbox .1, turbine .3, farm .4:
     *   steel reaches gearbox, turbine, farm: .8 / (1 − .1) = 0.8889
     *   blade, gearbox reach turbine, farm: .7 / .9 = 0.7778;  turbine: .4 / .7 = 0.5714;  farm 0
     * gearbox missing: 0.5·0.6 + 0.3·7/9 + 0.2·0.5 = 0.6333 before the segment value;
     * segment value gearbox .1 / largest .4 = 0.25 with weight 0.2, the rest scaled by 0.8:
     *   0.8 · 0.6333 + 0.2 · 0.25 = 0.5567 (criticality weight 0.3 · 0.8 = 0.24)
     */
    const shares: Record<string, number> = { steel: 0.1, blade: 0.1, gearbox: 0.1, turbine: 0.3, farm: 0.4 };
    const valued = modelOf({
      chains: [{ ...wind, segments: wind.segments.map((x) => ({ ...x, valueShare: shares[x.id]! })) }] as unknown as DatasetInput['chains'],
      enterprises: baseEnterprises(),
    });
    const result = findGaps(valued, { chain: 'wind' });
    expect(result.assumptions.criticalityBasis).toBe('valueShare');
    expect(result.segments.map((x) => x.criticality)).toEqual([0.8889, 0.7778, 0.7778, 0.5714, 0]);
    const missing = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!;
    expect(missing.components.criticality).toEqual({ value: 0.7778, weight: 0.24, basis: 'valueShare', downstream: ['turbine', 'farm'] });
    expect(missing.components.segmentValue).toEqual({ value: 0.25, weight: 0.2, basis: 'valueShare' });
    expect(missing.severity).toBe(0.5567);
    // without the segment value the three-component formula is back
    expect(findGaps(valued, { chain: 'wind', segmentValueWeight: 0 }).findings.find((f) => f.segment === 'gearbox')!.severity).toBe(0.6333);
  });

  it('lowers and ranks last a segment under capacity controls, naming the policy', () => {
    /*
     * gearbox flagged capacity_replacement: row 0.55 × policyFactor 0.5 = 0.275, ranked after
     * farm 0.4; with policyFactor 0.8 it is 0.44 — above farm, still ranked after it.
     */
    const flagged = (code: 'capacity_replacement' | 'restricted') =>
      modelOf({
        chains: [{ ...wind, segments: wind.segments.map((x) => (x.id === 'gearbox' ? { ...x, policy: [{ code, source: '《测试政策》' }] } : x)) }] as unknown as DatasetInput['chains'],
        enterprises: baseEnterprises(),
      });
    const result = findGaps(flagged('capacity_replacement'), { chain: 'wind' });
    expect(result.findings.map((f) => [f.segment, f.severity])).toEqual([
      ['blade', 0.55],
      ['farm', 0.4],
      ['gearbox', 0.275],
    ]);
    const gearbox = result.findings[2]!;
    expect(gearbox.components).toMatchObject({ raw: 0.55, policyFactor: 0.5, policies: [{ code: 'capacity_replacement', source: '《测试政策》' }] });
    expect(gearbox.reason.zh.endsWith('「齿轮箱」受《测试政策》产能置换管控，新增产能须等量或减量置换，招商优先级下调（×0.5）。严重度0.275。')).toBe(true);
    expect(gearbox.also.map((f) => f.severity)).toEqual([0.275, 0.175]);
    const mild = findGaps(flagged('capacity_replacement'), { chain: 'wind', policyFactor: 0.8 });
    expect(mild.findings.map((f) => [f.segment, f.severity])).toEqual([
      ['blade', 0.55],
      ['farm', 0.4],
      ['gearbox', 0.44],
    ]);
    expect(mild.assumptions.policyFactor).toBe(0.8);
    const restricted = findGaps(flagged('restricted'), { chain: 'wind' }).findings[2]!;
    expect(restricted.reason.zh).toContain('「齿轮箱」属《测试政策》限制类项目，招商优先级下调（×0.5）。');
    expect(restricted.reason.en).toContain('齿轮箱 is a restricted item (《测试政策》), so its rank is lowered (×0.5).');
  });

  it('counts only the statuses given as present', () => {
    const onlyOperating = modelOf({
      enterprises: [...baseEnterprises(), { id: 'gb0', name: '在建齿轮箱', region: 'zone', segments: w('gearbox'), status: 'under-construction' }],
    });
    expect(findGaps(onlyOperating, { chain: 'wind' }).segments[2]!.present).toBe(true);
    const strict = findGaps(onlyOperating, { chain: 'wind', presentStatuses: ['operating'] });
    expect(strict.segments[2]!.present).toBe(false);
    const missing = strict.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!;
    expect(missing.code === 'missing_segment' && missing.notPresent).toEqual([{ enterprise: 'gb0', status: 'under-construction' }]);
    expect(missing.reason.zh).toContain('没有在产企业');
  });
});

describe('findGaps: capacity shortfall with known outputs (dataset B)', () => {
  /*
   * Outputs st1 4, bl1 4, tur 24 → value basis "output"; W = 4, 4, 3·24 = 72; W(L) = 80.
   *   blade thin: D {tur} 72/80 = 0.9 → 0.45 + 0.15 + 0.1 = 0.7
   *   gearbox missing / capacity / backward: 0.9 → 0.7
   *     capacity: demand = 0.1 · 24 = 2.4, local output 0 → shortfall 2.4, extent 1
   *   farm forward: 0.9, crit 0 → 0.55
   *   steel thin: 0.325;  blade capacity: demand 0.2 · 24 = 4.8, output 4 → shortfall 0.8,
   *     extent 0.8/4.8 = 1/6, value 0.9/6 = 0.15 → 0.075 + 0.15 + 0.1 = 0.325 (tie with steel:
   *     steel first by segment order)
   *   gearbox forward: D {st1} 4/80 = 0.05 → 0.025 + 0.15 + 0.1 = 0.275
   *   farm missing 0.1; steel and turbine are not 短板 (no local buyer; the 链主)
   * One row per segment: blade 0.7 (thin, capacity), gearbox 0.7 (missing, capacity, both
   * extensions), farm 0.55 (missing, forward extension).
   */
  const model = modelOf({ enterprises: baseEnterprises({ st1: 4, bl1: 4, tur: 24 }) });
  const result = findGaps(model, { chain: 'wind' });

  it('ranks with output-weighted value and capacity shortfalls', () => {
    expect(result.assumptions.valueBasis).toBe('output');
    expect(result.findings.map(brief)).toEqual([
      ['thin_segment', 'blade', ['thin', 'capacity_shortfall'], 0.7],
      ['missing_segment', 'gearbox', ['missing', 'capacity_shortfall', 'backward_extension', 'forward_extension'], 0.7],
      ['missing_segment', 'farm', ['missing', 'forward_extension'], 0.55],
    ]);
    expect(all(result).map((f) => [f.segment, f.code, f.severity])).toEqual([
      ['blade', 'thin_segment', 0.7],
      ['blade', 'capacity_shortfall', 0.325],
      ['gearbox', 'missing_segment', 0.7],
      ['gearbox', 'capacity_shortfall', 0.7],
      ['gearbox', 'extension_opportunity', 0.7],
      ['gearbox', 'extension_opportunity', 0.275],
      // the row takes the largest severity of its aspects (its own 缺链 finding alone is 0.1)
      ['farm', 'missing_segment', 0.55],
      ['farm', 'extension_opportunity', 0.55],
    ]);
  });

  it('derives demand from input coefficients and local downstream output (亿元)', () => {
    const blade = all(result).find((f) => f.code === 'capacity_shortfall' && f.segment === 'blade')!;
    expect(blade).toMatchObject({
      demand: 4.8,
      localOutput: 4,
      shortfall: 0.8,
      demandComplete: true,
      terms: [{ segment: 'turbine', coefficient: 0.2, localOutput: 24, demand: 4.8 }],
      excluded: [],
      enterprises: ['bl1', 'tur'],
    });
    expect(blade.components.value).toMatchObject({ basis: 'output', share: 0.9, extent: 0.1667, value: 0.15 });
    expect(blade.reason.zh).toBe('「叶片」本地产能不足：按投入系数推算本地需求4.8亿元，本地产值4亿元，缺口0.8亿元。严重度0.325。');
    const gearbox = all(result).find((f) => f.code === 'capacity_shortfall' && f.segment === 'gearbox')!;
    expect(gearbox).toMatchObject({ demand: 2.4, localOutput: 0, shortfall: 2.4 });
    expect(result.limitations.map((l) => l.code)).toEqual(['feasibility_neutral']);
  });

  it('reports no shortfall when local output covers demand, and a lower bound when part of demand is unknown', () => {
    const covered = findGaps(modelOf({ enterprises: baseEnterprises({ st1: 4, bl1: 5, tur: 24 }) }), { chain: 'wind' });
    expect(all(covered).some((f) => f.code === 'capacity_shortfall' && f.segment === 'blade')).toBe(false);
    // a second turbine maker with unknown output: demand for blades cannot be derived
    const partial = findGaps(
      modelOf({
        enterprises: [...baseEnterprises({ st1: 4, bl1: 1, tur: 24 }), { id: 'tur2', name: '另一整机', region: 'city', segments: w('turbine') }],
      }),
      { chain: 'wind' },
    );
    expect(all(partial).some((f) => f.code === 'capacity_shortfall')).toBe(false);
    expect(partial.limitations.filter((l) => l.code === 'capacity_unknown').map((l) => l.segments[0])).toEqual(['blade', 'gearbox']);
  });
});

describe('findGaps: external dependency (dataset C)', () => {
  /*
   * Dataset A plus outside firms in `far`: ext-gb (gearbox), ext-bl (blade), ext-multi (blade and
   * gearbox). Links into the 链主 tur:
   *   ext-gb → tur, 3亿元, no segment: inferred gearbox (ext-gb's one segment, flows into turbine)
   *   ext-bl → tur, segment blade given, value unknown
   *   bl1 → tur, 2亿元, inferred blade (local supply)
   *   ext-multi → tur, no segment: blade and gearbox both feed turbine → unresolved
   *   ext-multi → bl1, ended: not counted
   * gearbox: external share by value 3 / 3 = 1; D = {tur} 3/5 → value 0.6 → 0.3 + 0.15 + 0.1 = 0.55
   * blade: one external link of unknown value → share by count 1 / (1 + 1) = 0.5;
   *   value 0.6 · 0.5 = 0.3 → 0.15 + 0.15 + 0.1 = 0.4; its row is the 短板 (0.55) with this aspect
   */
  const model = modelOf({
    enterprises: [
      ...baseEnterprises(),
      { id: 'ext-gb', name: '南高齿', region: 'far', segments: w('gearbox') },
      { id: 'ext-bl', name: '中材叶片', region: 'far', segments: w('blade') },
      { id: 'ext-multi', name: '综合配套', region: 'far', segments: [...w('blade'), ...w('gearbox')] },
    ],
    links: [
      { from: 'ext-gb', to: 'tur', value: 3 },
      { from: 'ext-bl', to: 'tur', segment: { chain: 'wind', segment: 'blade' } },
      { from: 'bl1', to: 'tur', value: 2 },
      { from: 'ext-multi', to: 'tur' },
      { from: 'ext-multi', to: 'bl1', status: 'ended' },
    ],
  });
  const result = findGaps(model, { chain: 'wind' });

  it('finds local buyers sourcing from outside, with the value at stake', () => {
    expect(result.findings.map(brief)).toEqual([
      ['thin_segment', 'blade', ['thin', 'external_dependency'], 0.55],
      ['missing_segment', 'gearbox', ['missing', 'external_dependency', 'backward_extension', 'forward_extension'], 0.55],
      ['missing_segment', 'farm', ['missing', 'forward_extension'], 0.4],
    ]);
    expect(all(result).filter((f) => f.code === 'external_dependency').map((f) => [f.segment, f.severity])).toEqual([
      ['blade', 0.4],
      ['gearbox', 0.55],
    ]);
    const gearbox = all(result).find((f) => f.code === 'external_dependency' && f.segment === 'gearbox')!;
    expect(gearbox).toMatchObject({
      buyers: ['tur'],
      suppliers: ['ext-gb'],
      links: 1,
      value: 3,
      linksWithValue: 1,
      linksWithoutValue: 0,
      externalShare: 1,
      externalShareBasis: 'value',
      segmentBasis: { given: 0, inferred: 1 },
    });
    expect(gearbox.reason.zh).toBe(
      '本地企业从外地采购「齿轮箱」产品：1条供货关系，已知金额3亿元；外地采购占本地采购的100%（按金额）。外地供应方：南高齿；本地采购方：云风智慧。严重度0.55。',
    );
    const blade = all(result).find((f) => f.code === 'external_dependency' && f.segment === 'blade')!;
    expect(blade).toMatchObject({ value: 0, linksWithValue: 0, linksWithoutValue: 1, externalShare: 0.5, externalShareBasis: 'count', segmentBasis: { given: 1, inferred: 0 } });
    expect(blade.reason.en).toContain('1 of unknown value');
  });

  it('reports links it could not place in a segment', () => {
    const unresolved = result.limitations.find((l) => l.code === 'unresolved_links')!;
    expect(unresolved.reason.zh).toContain('1条本地企业从外地采购的供货关系无法确定产品所属环节');
    expect(unresolved.reason.zh).toContain('综合配套');
  });

  it('infers a link segment from the flows, or says it cannot', () => {
    const c = chainIndex(model, 'wind');
    const seg = (k: number) => {
      const { segment, basis } = linkProductSegment(model, k, c);
      return [segment < 0 ? null : model.index.segments.keys[segment], basis];
    };
    expect([0, 1, 2, 3, 4].map(seg)).toEqual([
      ['wind/gearbox', 'inferred'],
      ['wind/blade', 'given'],
      ['wind/blade', 'inferred'],
      [null, 'unresolved'],
      [null, 'unresolved'],
    ]);
  });
});

describe('findGaps: thin segments by HHI', () => {
  /*
   * Chain `h`: segments a, b, c, d, e, f each flow into t. All firms local (city).
   *   a: outputs 6, 2, 2 → shares .6 .2 .2, HHI .36 + .04 + .04 = 0.44 > 0.25 (basis output)
   *   b: no outputs; links b1 → t1 3亿元, b2 → t1 1亿元 → shares .75 .25, HHI 0.625 (link-value)
   *   c: outputs 1, 1, 1, 1 → HHI 0.25, not above the threshold: not thin
   *   d: 2 firms, no outputs, no links → HHI ≥ 1/2 > 0.25 (lower-bound)
   *   e: 4 firms, no data → lower bound 1/4 is not above 0.25: not computed (limitation)
   *   f: f1 → t1 and f1 → t2 (no values), f2 → t1 1亿元 → counts 2, 1 → HHI 4/9 + 1/9 = 0.5556
   *   t: t1, t2 no data → lower bound 0.5
   */
  const h = {
    id: 'h',
    name: '测试链',
    segments: ['a', 'b', 'c', 'd', 'e', 'f', 't'].map((id) => ({ id, name: id.toUpperCase(), stage: id === 't' ? 'downstream' : 'upstream' })),
    flows: ['a', 'b', 'c', 'd', 'e', 'f'].map((from) => ({ from, to: 't' })),
  };
  const firm = (id: string, segment: string, output?: number) => ({
    id,
    name: id,
    region: 'city',
    segments: [{ chain: 'h', segment }],
    ...(output === undefined ? {} : { output }),
  });
  const model = buildModel(
    deepFreeze(
      parseDataset(
        {
          meta: { id: 'h', name: 'HHI', region: 'city' },
          regions,
          chains: [h],
          enterprises: [
            firm('a1', 'a', 6),
            firm('a2', 'a', 2),
            firm('a3', 'a', 2),
            firm('b1', 'b'),
            firm('b2', 'b'),
            ...[1, 2, 3, 4].map((i) => firm(`c${i}`, 'c', 1)),
            firm('d1', 'd'),
            firm('d2', 'd'),
            ...[1, 2, 3, 4].map((i) => firm(`e${i}`, 'e')),
            firm('f1', 'f'),
            firm('f2', 'f'),
            firm('t1', 't'),
            firm('t2', 't'),
          ],
          links: [
            { from: 'b1', to: 't1', value: 3 },
            { from: 'b2', to: 't1', value: 1 },
            { from: 'f1', to: 't1' },
            { from: 'f1', to: 't2' },
            { from: 'f2', to: 't1', value: 1 },
          ],
        },
        { templates: [] },
      ),
    ),
    { templates: [] },
  );
  const result = findGaps(model, { chain: 'h' });
  const concentration = Object.fromEntries(
    result.segments.flatMap((x) => (x.concentration ? [[x.segment, [x.concentration.hhi, x.concentration.basis, x.concentration.shares.map((y) => y.share)]]] : [])),
  );

  it('computes the HHI from outputs, link values, link counts or its lower bound, and says which', () => {
    expect(concentration).toEqual({
      a: [0.44, 'output', [0.6, 0.2, 0.2]],
      b: [0.625, 'link-value', [0.75, 0.25]],
      c: [0.25, 'output', [0.25, 0.25, 0.25, 0.25]],
      d: [0.5, 'lower-bound', [0.5, 0.5]],
      f: [0.5556, 'link-count', [0.6667, 0.3333]],
      t: [0.5, 'lower-bound', [0.5, 0.5]],
    });
    expect(result.limitations.find((l) => l.code === 'hhi_unknown')!.segments).toEqual(['e']);
  });

  it('does not call several local makers a 短板 for an HHI alone', () => {
    // no coefficients: no local demand is stated, so no concentrated segment is short of it
    expect(result.findings.filter((f) => f.aspects.includes('thin'))).toEqual([]);
  });

  /*
   * Chain `k`: a → t (coefficient 0.5). a1, a2, a3 outputs 6, 2, 2 (HHI 0.44); t1 output 30.
   * Demand for a = 0.5 · 30 = 15 > local output 10: shortfall 5, extent 5/15.
   * All outputs known → basis output, W(L) = 6 + 2 + 2 + 30 = 40; D = {t1} → share 0.75.
   * Criticality (segments): a reaches t → 1; feasibility neutral 0.5.
   *   a thin: value 0.75 · 0.44 = 0.33 → 0.165 + 0.3 + 0.1 = 0.565
   *   a capacity: value 0.75 · 1/3 = 0.25 → 0.125 + 0.3 + 0.1 = 0.525
   * One row: thin_segment with aspects thin and capacity_shortfall, severity 0.565.
   */
  const concentrated = (t1: number) =>
    buildModel(
      parseDataset(
        {
          meta: { id: 'k', name: 'HHI', region: 'city' },
          regions,
          chains: [{ id: 'k', name: 'K', segments: ['a', 't'].map((id) => ({ id, name: id.toUpperCase(), stage: 'midstream' })), flows: [{ from: 'a', to: 't', coefficient: 0.5 }] }],
          enterprises: [
            ...(
              [
                ['a1', 6],
                ['a2', 2],
                ['a3', 2],
              ] as const
            ).map(([id, output]) => ({ id, name: id, region: 'city', segments: [{ chain: 'k', segment: 'a' }], output })),
            { id: 't1', name: 't1', region: 'city', segments: [{ chain: 'k', segment: 't' }], output: t1 },
          ],
        },
        { templates: [] },
      ),
      { templates: [] },
    );

  it('calls concentrated supply short of local demand a 短板, and scales its value by the HHI', () => {
    const short = findGaps(concentrated(30), { chain: 'k' });
    expect(short.findings.map(brief)).toEqual([['thin_segment', 'a', ['thin', 'capacity_shortfall'], 0.565]]);
    const a = short.findings[0]!;
    expect(a).toMatchObject({ trigger: 'concentrated', hhi: 0.44, hhiBasis: 'output' });
    expect(a.components.value).toMatchObject({ share: 0.75, extent: 0.44, value: 0.33 });
    expect(a.also.map((f) => [f.code, f.severity])).toEqual([['capacity_shortfall', 0.525]]);
    expect(a.reason.zh).toContain('「A」环节本地供应集中且不足本地需求：3家企业（a1、a2、a3），HHI=0.44（按产值），高于阈值0.25。');
    // local output 10 covers demand 0.5 · 10 = 5: the same concentration is no 短板
    expect(findGaps(concentrated(10), { chain: 'k' }).findings).toEqual([]);
  });

  it('uses the threshold strictly', () => {
    expect(findGaps(concentrated(30), { chain: 'k', hhiThreshold: 0.44 }).findings.map((f) => f.aspects)).toEqual([['capacity_shortfall']]);
    expect(findGaps(concentrated(30), { chain: 'k', hhiThreshold: 0.43 }).findings.map((f) => f.aspects)).toEqual([['thin', 'capacity_shortfall']]);
  });
});

describe('findGaps: feasibility from relatedness density', () => {
  /*
   * prov → {c0, c1, c2}; chain x: p0 → p1 → p2. Present firms per region (the hand-checked
   * matrix of test/analysis/relatedness.test.ts): c0 [2, 1, 0], c1 [3, 0, 0], c2 [0, 1, 2].
   * ω for c1 = [2/3, 1/4, 0]. Criticality: p0 2/2 = 1, p1 1/2, p2 0. Local firms: 3 in p0.
   *   p1 forward extension: D = the 3 p0 firms → share 1 → 0.5 + 0.15 + 0.2·0.25 = 0.7
   *   p1 missing: D = {} → 0.15 + 0.05 = 0.2 → row p1 0.7
   *   p0: 3 firms, HHI lower bound 1/3 but no local demand stated → not a 短板
   *   p2 missing: 0 + 0 + 0 = 0
   */
  const x = {
    id: 'x',
    name: '关联测试',
    segments: ['p0', 'p1', 'p2'].map((id) => ({ id, name: id, stage: 'midstream' })),
    flows: [
      { from: 'p0', to: 'p1' },
      { from: 'p1', to: 'p2' },
    ],
  };
  const counts: Record<string, number[]> = { c0: [2, 1, 0], c1: [3, 0, 0], c2: [0, 1, 2] };
  const enterprises = Object.entries(counts).flatMap(([region, row]) =>
    row.flatMap((k, p) => Array.from({ length: k }, (_, i) => ({ id: `${region}-p${p}-${i}`, name: `${region}企业${p}${i}`, region, segments: [{ chain: 'x', segment: `p${p}` }] }))),
  );
  const model = buildModel(
    deepFreeze(
      parseDataset(
        {
          meta: { id: 'x', name: '关联', region: 'c1' },
          regions: [
            { id: 'prov', name: '省', kind: 'province' },
            ...['c0', 'c1', 'c2'].map((id) => ({ id, name: id, kind: 'city', parent: 'prov' })),
            { id: 'prov2', name: '另一省', kind: 'province' },
            { id: 'q0', name: 'q0', kind: 'city', parent: 'prov2' },
          ],
          chains: [x],
          enterprises,
        },
        { templates: [] },
      ),
    ),
    { templates: [] },
  );

  it('uses ω of the segment for the region when several peers have the chain', () => {
    const result = findGaps(model, { chain: 'x' });
    expect(result.assumptions.feasibility).toEqual({ available: true, peerRegions: ['c0', 'c1', 'c2'], activeRegions: 3 });
    expect(result.segments.map((s) => [s.segment, s.feasibility, s.feasibilityBasis])).toEqual([
      ['p0', 0.6667, 'relatedness-density'],
      ['p1', 0.25, 'relatedness-density'],
      ['p2', 0, 'relatedness-density'],
    ]);
    expect(result.findings.map(brief)).toEqual([
      ['missing_segment', 'p1', ['missing', 'forward_extension'], 0.7],
      ['missing_segment', 'p2', ['missing'], 0],
    ]);
    expect(result.findings[0]!.also.map((f) => f.severity)).toEqual([0.7]);
    expect(result.limitations).toEqual([]);
  });

  it('falls back to a neutral feasibility with fewer active peers than minRegions', () => {
    const result = findGaps(model, { chain: 'x', minRegions: 4 });
    expect(result.assumptions.feasibility.available).toBe(false);
    // p1 missing: 0.15 + 0.2·0.5 = 0.25; its forward extension 0.5 + 0.15 + 0.1 = 0.75 sets the row
    const p1 = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'p1')!;
    expect([p1.severity, p1.also[0]!.severity, p1.components.feasibility]).toEqual([0.75, 0.75, { value: 0.5, weight: 0.2, basis: 'neutral' }]);
    expect(result.limitations[0]!.reason.zh).toContain('仅3个比较地区');
  });

  it('can compare with every region at the same depth', () => {
    const result = findGaps(model, { chain: 'x', peers: 'depth' });
    expect(result.assumptions.feasibility.peerRegions).toEqual(['c0', 'c1', 'c2', 'q0']);
    // q0 has no firms: the matrix and ω are unchanged
    expect(result.segments.map((s) => s.feasibility)).toEqual([0.6667, 0.25, 0]);
  });
});

describe('findGaps: projects under way fill gaps', () => {
  /*
   * Dataset A plus
   *   pg: 齿轮箱项目 in zone, gearbox, under construction, production 2025 → fills gearbox
   *   pq: signed project of gb-new (planned local firm whose one segment is gearbox), no segment → fills gearbox
   *   pp: planned project for farm in city → not counted (status)
   *   px: signed project for farm in far → not counted (outside)
   *   farm-signed: local enterprise with status signed in farm → fills farm
   *   pb: expansion of bl1, already present in blade → does not fill blade (it is that presence)
   * Severity halves (fillingReduction 0.5): gearbox missing 0.55 → 0.275, backward 0.275,
   * forward 0.35 → 0.175 (row 0.275); farm forward 0.4 → 0.2, farm missing 0.1 → 0.05 (row 0.2).
   */
  const model = modelOf({
    enterprises: [
      ...baseEnterprises(),
      { id: 'gb-new', name: '新齿轮箱', region: 'zone', segments: w('gearbox'), status: 'planned' },
      { id: 'farm-signed', name: '风电场开发商', region: 'city', segments: w('farm'), status: 'signed' },
    ],
    projects: [
      { id: 'pg', name: '齿轮箱项目', region: 'zone', chain: 'wind', segment: 'gearbox', status: 'under-construction', startYear: 2024, productionYear: 2025 },
      { id: 'pq', name: '新齿轮箱二期', region: 'zone', chain: 'wind', enterprise: 'gb-new', status: 'signed' },
      { id: 'pp', name: '风电场规划', region: 'city', chain: 'wind', segment: 'farm', status: 'planned' },
      { id: 'px', name: '外地风电场', region: 'far', chain: 'wind', segment: 'farm', status: 'signed' },
      { id: 'pb', name: '九鼎扩产', region: 'zone', chain: 'wind', segment: 'blade', enterprise: 'bl1', status: 'in-production' },
    ],
  });
  const result = findGaps(model, { chain: 'wind' });

  it('lists the projects and reduces severity', () => {
    expect(result.findings.map(brief)).toEqual([
      ['thin_segment', 'blade', ['thin'], 0.55],
      ['missing_segment', 'gearbox', ['missing', 'backward_extension', 'forward_extension'], 0.275],
      ['missing_segment', 'farm', ['missing', 'forward_extension'], 0.2],
    ]);
    expect(result.findings[1]!.also.map((f) => f.severity)).toEqual([0.275, 0.175]);
    const gearbox = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!;
    expect(gearbox.beingFilledBy).toEqual([
      { project: 'pg', enterprise: null, status: 'under-construction', productionYear: 2025 },
      { project: 'pq', enterprise: 'gb-new', status: 'signed', productionYear: null },
    ]);
    expect(gearbox.components).toMatchObject({ raw: 0.55, fillingReduction: 0.5 });
    expect(gearbox.reason.zh).toContain('正由项目齿轮箱项目（在建）填补，预计2025年投产');
    expect(gearbox.reason.en).toContain('Being filled by project 齿轮箱项目 (under-construction), production expected 2025');
    const farm = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'farm')!;
    expect(farm.beingFilledBy).toEqual([{ project: null, enterprise: 'farm-signed', status: 'signed', productionYear: null }]);
    expect(farm.reason.zh).toContain('正由签约企业风电场开发商填补');
    expect(result.summary.beingFilled).toBe(2);
  });

  it('lists planned projects apart, and does not count a present firm\'s own project', () => {
    const farm = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'farm')!;
    expect(farm.plannedProjects).toEqual([{ project: 'pp', enterprise: null, status: 'planned', productionYear: null }]);
    expect(farm.reason.zh).toContain('已规划项目风电场规划（尚未签约，未计入填补）');
    expect(farm.reason.en).toContain('Planned project 风电场规划 (not yet signed; not counted as filling)');
    const blade = result.findings.find((f) => f.code === 'thin_segment' && f.segment === 'blade')!;
    expect(blade.beingFilledBy).toEqual([]);
    expect(blade.plannedProjects).toEqual([]);
    expect(blade.severity).toBe(0.55);
  });

  it('takes the reduction and statuses as options', () => {
    const none = findGaps(model, { chain: 'wind', fillingReduction: 0 });
    expect(none.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!.severity).toBe(0.55);
    const planned = findGaps(model, { chain: 'wind', fillingProjectStatuses: ['planned'], fillingEnterpriseStatuses: [] });
    expect(planned.findings.find((f) => f.code === 'missing_segment' && f.segment === 'farm')!.beingFilledBy.map((x) => x.project)).toEqual(['pp']);
    expect(planned.findings.find((f) => f.code === 'missing_segment' && f.segment === 'gearbox')!.beingFilledBy).toEqual([]);
  });
});

describe('findGaps: arguments, purity and invariants', () => {
  const model = modelOf({ enterprises: baseEnterprises() });

  it('throws a ChainError listing valid ids for unknown chains and regions', () => {
    expect(() => findGaps(model, { chain: 'nope' })).toThrow(ChainError);
    try {
      findGaps(model, { chain: 'wind', region: 'nowhere' });
    } catch (error) {
      expect((error as ChainError).code).toBe('unknown_region');
      expect((error as ChainError).details.valid).toContain('city');
    }
    expect(() => findGaps(model, { locale: 'en' } as GapOptions)).toThrow(/chain is required/);
  });

  it('rejects invalid options', () => {
    expect(() => findGaps(model, { chain: 'wind', hhiThreshold: 2 })).toThrow(ChainError);
    expect(() => findGaps(model, { chain: 'wind', weights: { value: -1 } })).toThrow(/weights.value/);
    expect(() => findGaps(model, { chain: 'wind', weights: { value: 0, criticality: 0, feasibility: 0 } })).toThrow(/must not all be 0/);
    expect(() => findGaps(model, { chain: 'wind', presentStatuses: ['running' as never] })).toThrow(/unknown presentStatuses/);
    expect(() => findGaps(model, { chain: 'wind', minRegions: 0 })).toThrow(ChainError);
  });

  it('is deterministic, JSON-serialisable and leaves the frozen dataset alone', () => {
    const a = findGaps(model, { chain: 'wind' });
    const b = findGaps(model, { chain: 'wind' });
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(Object.isFrozen(model.dataset.enterprises[0])).toBe(true);
  });

  it('holds its invariants on generated datasets', () => {
    fc.assert(
      fc.property(datasetArbitrary(), (dataset) => {
        const frozen = deepFreeze(dataset);
        const m = buildModel(frozen, { templates: [] });
        for (const chain of frozen.chains) {
          const result = findGaps(m, { chain: chain.id, region: 'r0' });
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
          const severities = result.findings.map((f) => f.severity);
          expect(severities).toEqual([...severities].sort((x, y) => y - x));
          for (const f of result.findings) {
            expect(f.severity).toBeGreaterThanOrEqual(0);
            expect(f.severity).toBeLessThanOrEqual(1);
            for (const part of [f.components.value, f.components.criticality, f.components.feasibility]) {
              expect(part.value).toBeGreaterThanOrEqual(0);
              expect(part.value).toBeLessThanOrEqual(1);
            }
          }
          expect(new Set(result.findings.map((f) => f.segment)).size).toBe(result.findings.length);
          // rows under capacity controls come after all others
          const tiers = result.findings.map((f) => (f.components.policyFactor < 1 ? 1 : 0));
          expect(tiers).toEqual([...tiers].sort((x, y) => x - y));
          expect(result.summary.present + result.summary.missing).toBe(result.summary.segments);
          expect(result.summary.findings).toBe(result.findings.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// golden tests on the seed datasets (seeds/*.json, built-in templates)
const seed = (name: string) => new URL(`../../../seeds/${name}.json`, import.meta.url);
const seedModel = (name: string) => buildModel(parseDataset(JSON.parse(readFileSync(seed(name), 'utf8'))));
const codesOf = (findings: readonly GapFinding[], segment: string) => findings.filter((f) => f.segment === segment).map((f) => f.code);

/**
 * Checks that each of `flagged` (segments with a capacity-control flag) ranks after every
 * component and equipment segment of the chain in the gap list, and that its reason names the
 * policy `source`.
 */
function expectPolicyLast(model: ReturnType<typeof seedModel>, result: ReturnType<typeof findGaps>, flagged: Record<string, string>) {
  const kinds = new Map(model.chains.find((c) => c.id === result.chain)!.segments.map((x) => [x.id, x.kind]));
  const order = result.findings.map((f) => f.segment);
  const components = order.filter((x) => kinds.get(x) === 'component' || kinds.get(x) === 'equipment');
  expect(components.length).toBeGreaterThan(0);
  for (const [segment, source] of Object.entries(flagged)) {
    const at = order.indexOf(segment);
    expect(at).toBeGreaterThanOrEqual(0);
    for (const c of components) expect(order.indexOf(c)).toBeLessThan(at);
    const row = result.findings[at]!;
    expect(row.components.policyFactor).toBe(0.5);
    expect(row.reason.zh).toContain(`受${source}产能置换管控`);
    expect(row.reason.zh).toContain('招商优先级下调（×0.5）');
  }
  expect(new Set(order).size).toBe(order.length);
}

describe.skipIf(!existsSync(seed('jiuquan')))('findGaps on the 酒泉 seed', () => {
  const model = seedModel('jiuquan');
  const gaps = (chain: string) => findGaps(model, { chain });

  it('wind power: turbines are made locally (风电整机实现本地化生产); drivetrain parts are missing', () => {
    const result = gaps('wind-power');
    expect(result.region).toBe('jiuquan');
    const present = result.segments.filter((s) => s.present).map((s) => s.segment);
    expect(present).toEqual(expect.arrayContaining(['turbine-assembly', 'blades', 'fasteners', 'cables', 'castings-forgings']));
    for (const segment of ['gearbox', 'bearings', 'generator', 'main-shaft']) expect(codesOf(result.findings, segment)).toContain('missing_segment');
    // the turbine maker is the only local buyer of bearings: a backward extension (向上游延链)
    const bearings = all(result).find((f) => f.code === 'extension_opportunity' && f.segment === 'bearings');
    expect(bearings).toMatchObject({ direction: 'backward', adjacent: ['turbine-assembly'], enterprises: ['yunfeng-smart-wind'] });
    // one blade maker (九鼎) whom the local turbine maker buys from: a single-supplier 短板; the
    // turbine maker 云风智慧 is the chain's end product (kind 'assembly') and its 链主: no 短板
    const thin = result.findings.filter((f) => f.aspects.includes('thin')).map((f) => f.segment);
    expect(thin).toContain('blades');
    expect(thin).not.toContain('turbine-assembly');
    expect(all(result).find((f) => f.code === 'extension_opportunity' && f.segment === 'wind-farm')).toMatchObject({ direction: 'forward' });
    // no output is published: capacity is not computed and the result says so
    expect(result.summary.capacityShortfalls).toBe(0);
    expect(result.limitations.some((l) => l.code === 'capacity_unknown')).toBe(true);
  });

  it('wind power: 钢材 (capacity replacement) ranks after the component segments and says why', () => {
    const result = gaps('wind-power');
    expectPolicyLast(model, result, { steel: '工业和信息化部《钢铁行业产能置换实施办法》（2021年）' });
    const steel = result.findings.find((f) => f.segment === 'steel')!;
    expect(steel.aspects).toEqual(['missing', 'backward_extension']);
  });

  it('energy storage: cell lines under construction make cells present; cell materials and structural parts are the top gaps', () => {
    const result = gaps('energy-storage');
    const cells = result.segments.find((s) => s.segment === 'cells')!;
    expect(cells.present).toBe(true);
    expect(cells.localEnterprises).toEqual(expect.arrayContaining(['nandu-jiuquan', 'honghe-jiuquan', 'hyperstrong-jiuquan']));
    // structural parts (cans, lids, enclosures) feed both the local cells and the systems built
    // on them, so they reach furthest downstream and come first
    expect(result.findings[0]).toMatchObject({ code: 'missing_segment', segment: 'structural-parts', aspects: ['missing', 'backward_extension'] });
    const top = result.findings.slice(0, 10);
    for (const segment of ['cathode', 'anode', 'electrolyte', 'separator']) {
      const row = top.find((f) => f.segment === segment)!;
      expect(row.code).toBe('missing_segment');
      expect(row.also.find((f) => f.code === 'extension_opportunity')).toMatchObject({ direction: 'backward', adjacent: ['cells'] });
    }
    // three local cell makers: concentrated, but no local demand is stated against them, so not a 短板
    expect(cells.concentration!.hhi).toBeGreaterThan(0.25);
    expect(result.findings.some((f) => f.segment === 'cells')).toBe(false);
  });

  it('fine chemicals: acid making is being filled by the signed 亚邦制酸 (精准招商补强产业链短板)', () => {
    const result = gaps('fine-chemical');
    const acid = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'acid-making')!;
    expect(acid.beingFilledBy).toEqual([{ project: null, enterprise: 'yabang-acid', status: 'signed', productionYear: null }]);
    expect(acid.components.fillingReduction).toBe(0.5);
    expect(acid.reason.zh).toContain('正由签约企业亚邦制酸填补');
    // 巨化's fluorosilicon project (under construction in 玉门) is present; its inputs come first
    expect(result.segments.find((s) => s.segment === 'fluorosilicon-materials')!.localEnterprises).toEqual(['gansu-juhua']);
    // one row per segment: its downstream outlet (coatings) and its inputs come first
    expect(result.findings.slice(0, 3).map((f) => [f.segment, f.aspects])).toEqual([
      ['coatings', ['missing', 'forward_extension']],
      ['fluorochemicals', ['missing', 'backward_extension']],
      ['organosilicon', ['missing', 'backward_extension']],
    ]);
  });

  it('photovoltaic: frames, piles and modules are local; PV-plant building is a forward extension', () => {
    const result = gaps('photovoltaic');
    expect(result.segments.filter((s) => s.present).map((s) => s.segment)).toEqual(['frames', 'modules', 'foundation-piles']);
    expect(result.findings[0]).toMatchObject({ code: 'missing_segment', segment: 'pv-plant', aspects: ['missing', 'forward_extension'] });
    expect(result.findings[0]!.also[0]).toMatchObject({ code: 'extension_opportunity', direction: 'forward', adjacent: ['modules', 'foundation-piles'] });
  });

  it('hydrogen and smart grid: the data name no local firm, so every segment is missing', () => {
    for (const chain of ['hydrogen', 'smart-grid']) {
      const result = gaps(chain);
      expect(result.summary.present).toBe(0);
      expect(result.summary.missing).toBe(result.summary.segments);
      expect(result.limitations.map((l) => l.code)).toEqual(['feasibility_neutral']);
    }
  });
});

describe.skipIf(!existsSync(seed('yuncheng')))('findGaps on the 运城 seed', () => {
  const model = seedModel('yuncheng');

  it('new-energy vehicles: power batteries top the gaps that feed the 链主 大运', () => {
    const result = findGaps(model, { chain: 'new-energy-vehicle' });
    expect(result.region).toBe('yuncheng-etdz');
    // sales and service (the forward extension of 整车, the chain's largest value share after it)
    // edges the power battery by 0.003; the battery is the first of the inputs 大运 buys
    expect(result.findings.slice(0, 2).map((f) => f.segment)).toEqual(['sales-services', 'power-battery']);
    const top = result.findings[1]!;
    expect(top).toMatchObject({ code: 'missing_segment', segment: 'power-battery', enterprises: ['dayun'], aspects: ['missing', 'backward_extension'] });
    expect(top.components.value.leaders).toEqual(['dayun']);
    expect(top.reason.zh).toContain('含链主大运集团');
    for (const segment of ['drive-motors', 'electronic-controls', 'wiring-harness', 'chassis-body']) {
      expect(codesOf(result.findings, segment)).toEqual(['missing_segment']);
      expect(result.findings.find((f) => f.segment === segment)!.aspects).toEqual(['missing', 'backward_extension']);
    }
    // 同誉轮毂 and 创大汽配 are the single local suppliers of their segments, and 大运 buys from them
    expect(codesOf(result.findings, 'wheels-hubs')).toEqual(['thin_segment']);
    expect(codesOf(result.findings, 'auto-parts')).toEqual(['thin_segment']);
    // 大运's own 整车制造 (kind 'assembly', its 链主) is no 短板 for having one firm
    expect(result.findings.some((f) => f.segment === 'vehicle-assembly')).toBe(false);
    expect(new Set(result.findings.map((f) => f.segment)).size).toBe(result.findings.length);
  });

  it('copper: electrolytic copper, the input of both 链主 (北方铜业, 正威), is the top gap', () => {
    const result = findGaps(model, { chain: 'copper-materials' });
    // copper mining, with the chain's largest value share, comes first though no local firm buys
    // from it directly; electrolytic copper is the first gap the 链主 depend on
    expect(result.findings[0]).toMatchObject({ segment: 'copper-mining', aspects: ['missing'] });
    const top = result.findings[1]!;
    expect(top).toMatchObject({ code: 'missing_segment', segment: 'electrolytic-copper', aspects: ['missing', 'backward_extension'] });
    expect(top.components.value.leaders).toEqual(expect.arrayContaining(['northern-copper', 'zhengwei']));
    expect(result.findings[0]!.components.segmentValue.value).toBeGreaterThan(top.components.segmentValue.value);
  });

  it('green building: 建筑钢材 and 水泥及混凝土 (capacity replacement) rank after the component segments and say why', () => {
    const result = findGaps(model, { chain: 'green-building-materials' });
    expectPolicyLast(model, result, {
      steel: '工业和信息化部《钢铁行业产能置换实施办法》（2021年）',
      'cement-concrete': '工业和信息化部《水泥玻璃行业产能置换实施办法》（2021年）',
    });
  });

  it('intelligent equipment: the planned 卡乐仕 and 亚新科 projects are listed on their gaps', () => {
    const result = findGaps(model, { chain: 'intelligent-equipment' });
    const cleaning = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'cleaning-equipment')!;
    expect(cleaning.plannedProjects.map((p) => p.project)).toEqual(['kalesi-cleaning-equipment']);
    expect(cleaning.reason.zh).toContain('已规划项目北京卡乐仕智能清洗装备制造');
    const parts = result.findings.find((f) => f.code === 'missing_segment' && f.segment === 'auto-parts')!;
    expect(parts.plannedProjects.map((p) => p.project)).toEqual(['yaxinke-auto-parts-base']);
    // planned, not signed: no severity reduction unless asked for
    expect(cleaning.components.fillingReduction).toBe(0);
    const counted = findGaps(model, { chain: 'intelligent-equipment', fillingProjectStatuses: ['planned', 'signed', 'under-construction', 'in-production'] });
    expect(counted.findings.find((f) => f.code === 'missing_segment' && f.segment === 'cleaning-equipment')!.beingFilledBy).toHaveLength(1);
  });

  it('is deterministic and serialisable on every chain of both seeds', () => {
    for (const name of ['jiuquan', 'yuncheng']) {
      const m = seedModel(name);
      for (const chain of m.chains) {
        const result = findGaps(m, { chain: chain.id });
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        expect(findGaps(m, { chain: chain.id })).toEqual(result);
        // no segment appears twice in a gap list
        expect(new Set(result.findings.map((f) => f.segment)).size).toBe(result.findings.length);
      }
    }
  });
});

describe.skipIf(!existsSync(seed('jiuquan')))('findGaps reuses its scratch arrays safely', () => {
  it('gives the same results on one model in any call order as on fresh models', () => {
    const shared = seedModel('jiuquan');
    const calls: GapOptions[] = [];
    for (const chain of shared.chains)
      for (const region of [undefined, ...shared.dataset.regions.map((r) => r.id).slice(1, 3)])
        for (const extra of [{}, { presentStatuses: ['operating'] as const, peers: 'depth' as const, minRegions: 1 }])
          calls.push({ chain: chain.id, ...(region === undefined ? {} : { region }), ...extra });
    const dataset = parseDataset(JSON.parse(readFileSync(seed('jiuquan'), 'utf8')));
    const fresh = calls.map((options) => JSON.stringify(findGaps(buildModel(dataset), options)));
    for (const i of [...calls.keys()].reverse()) expect(JSON.stringify(findGaps(shared, calls[i]!))).toBe(fresh[i]);
    for (const i of calls.keys()) expect(JSON.stringify(findGaps(shared, calls[i]!))).toBe(fresh[i]);
  });
});
