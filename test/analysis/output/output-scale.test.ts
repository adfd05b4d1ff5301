/**
 * estimateOutput at scale: the Monte Carlo's draws against a reference that draws from
 * createRandom itself, and the `enterpriseLimit` option.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateOutput, type OutputEstimate } from '../../../src/analysis/output/index.js';
import { buildModel } from '../../../src/graph/model.js';
import { createRandom } from '../../../src/internal/random.js';
import { ChainError } from '../../../src/model/issues.js';
import { parseDataset } from '../../../src/model/parse.js';
import type { DatasetInput } from '../../../src/model/schema.js';
import { datasetArbitrary } from '../../support/arbitraries.js';
import { deepFreeze } from '../../support/freeze.js';

function modelOf(input: DatasetInput) {
  return buildModel(deepFreeze(parseDataset(input, { templates: [] })), { templates: [] });
}

const triangular = (u: number, min: number, mode: number, max: number) =>
  u < (mode - min) / (max - min) ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));

describe('estimateOutput Monte Carlo draws', () => {
  // one firm with output, a signed project valued at its expected output, an under-construction
  // project valued from capacity (2 GWh of cells at 3.5 亿元/GWh, times utilisation)
  const model = modelOf({
    meta: { id: 'draws', name: '抽样', region: 'c' },
    regions: [{ id: 'c', name: '丁市', kind: 'city' }],
    chains: [{ id: 'k', name: 'K', segments: [{ id: 's', name: 'S', stage: 'midstream' }] }],
    enterprises: [{ id: 'F', name: '在产厂', region: 'c', segments: [{ chain: 'k', segment: 's' }], output: 100, outputYear: 2023 }],
    projects: [
      { id: 'P', name: '签约项目', region: 'c', chain: 'k', status: 'signed', productionYear: 2024, expectedOutput: 10 },
      { id: 'Q', name: '电芯项目', region: 'c', chain: 'k', status: 'under-construction', productionYear: 2025, capacity: [{ value: 2, unit: 'GWh', product: '储能电芯' }] },
    ],
  });
  const years = [2024, 2026, 2030];

  it('draws what createRandom(seed) draws, in the documented order, and sums the runs in order', () => {
    const runs = 400;
    const seed = 9;
    const e = estimateOutput(model, { years, runs, seed });
    expect(e.projects.map((p) => [p.id, p.fullOutput, p.valuation])).toEqual([
      ['P', 10, 'reported'],
      ['Q', 7, 'capacity'],
    ]);
    // the reference: per run a normal (growth), a uniform (utilisation), three uniforms per project
    const random = createRandom(seed);
    const projects = [
      { base: 10, likelihood: 0.5, production: 2024, capacityValued: false },
      { base: 7, likelihood: 0.8, production: 2025, capacityValued: true },
    ];
    const ramp = [0.4, 0.8, 1];
    const delayCum = [0.5, 0.8, Infinity];
    const projSum = projects.map(() => years.map(() => 0));
    const current = years.map(() => 0);
    const pipeline = years.map(() => 0);
    const total = years.map(() => 0);
    const totals: number[][] = years.map(() => []);
    for (let r = 0; r < runs; r++) {
      const g = Math.max(-0.95, 0.05 + 0.03 * random.normal());
      const util = triangular(random.float(), 0.6, 0.75, 0.9);
      const values = projects.map((p) => {
        const [u1, u2, u3] = [random.float(), random.float(), random.float()];
        if (!(u1 < p.likelihood)) return years.map(() => null);
        let delay = 0;
        while (u2 >= delayCum[delay]!) delay++;
        const full = p.base * (p.capacityValued ? util : triangular(u3, 0.6, 0.9, 1.1));
        return years.map((y) => (y - (p.production + delay) >= 0 ? full * ramp[Math.min(y - (p.production + delay), 2)]! : null));
      });
      years.forEach((y, yi) => {
        const cur = 0 + 100 * (1 + g) ** (y - 2023);
        let pipe = 0;
        values.forEach((v, p) => {
          if (v[yi] === null) return;
          pipe += v[yi]!;
          projSum[p]![yi]! += v[yi]!;
        });
        current[yi]! += cur;
        pipeline[yi]! += pipe;
        const sum = 0 + cur + pipe + 0 + 0;
        total[yi]! += sum;
        totals[yi]!.push(sum);
      });
    }
    e.projects.forEach((p, i) => expect(p.expected).toEqual(projSum[i]!.map((s) => s / runs)));
    e.byYear.forEach((y, yi) => {
      expect(y.byKind.current.expected).toBe(current[yi]! / runs);
      expect(y.byKind.pipeline.expected).toBe(pipeline[yi]! / runs);
      expect(y.expected).toBe(total[yi]! / runs);
      const sorted = Float64Array.from(totals[yi]!).sort();
      const h = (runs - 1) * 0.9;
      expect(y.p90).toBe(sorted[Math.floor(h)]! + (h - Math.floor(h)) * (sorted[Math.floor(h) + 1]! - sorted[Math.floor(h)]!));
    });
    // the draws matter: both projects go ahead in some runs and not in others
    expect(e.byYear[2]!.byKind.pipeline.p10).toBeLessThan(e.byYear[2]!.byKind.pipeline.p90);
  });
});

/** The report's cut (src/render/report-data.ts): the `limit` largest by last-year expected output, ties to the earlier, in list order. */
function cutByRule(list: OutputEstimate['enterprises'], limit: number): OutputEstimate['enterprises'] {
  const last = (e: OutputEstimate['enterprises'][number]) => {
    const v = e.expected[e.expected.length - 1]!;
    return Number.isNaN(v) ? -Infinity : v;
  };
  const order = list.map((_, k) => k).sort((a, b) => (last(list[a]!) === last(list[b]!) ? a - b : last(list[b]!) > last(list[a]!) ? 1 : -1));
  return order
    .slice(0, limit)
    .sort((a, b) => a - b)
    .map((k) => list[k]!);
}

const withoutList = (e: OutputEstimate) => ({ ...e, enterprises: undefined, enterprisesOmitted: undefined });

describe('estimateOutput enterpriseLimit', () => {
  // five firms whose expected outputs scale with their outputs (one growth factor per run): B and D tie
  const firm = (id: string, output: number) => ({ id, name: `厂${id}`, region: 'c', segments: [{ chain: 'k', segment: 's' }], output, outputYear: 2023 });
  const model = modelOf({
    meta: { id: 'limit', name: '限额', region: 'c' },
    regions: [{ id: 'c', name: '丁市', kind: 'city' }],
    chains: [{ id: 'k', name: 'K', segments: [{ id: 's', name: 'S', stage: 'midstream' }] }],
    enterprises: [firm('A', 5), firm('B', 50), firm('C', 20), firm('D', 50), firm('E', 1)],
  });
  const options = { years: [2024, 2026], runs: 200, seed: 5 };
  const all = estimateOutput(model, options);

  it('lists every firm and says nothing more without the option', () => {
    expect(all.enterprises.map((e) => e.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect('enterprisesOmitted' in all).toBe(false);
  });

  it('keeps the largest firms by last-year expected output, ties to the earlier, in dataset order', () => {
    const ids = (limit: number) => estimateOutput(model, { ...options, enterpriseLimit: limit }).enterprises.map((e) => e.id);
    expect(ids(1)).toEqual(['B']);
    expect(ids(2)).toEqual(['B', 'D']);
    expect(ids(3)).toEqual(['B', 'C', 'D']);
    expect(ids(4)).toEqual(['A', 'B', 'C', 'D']);
    expect(ids(0)).toEqual([]);
    expect(ids(5)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(ids(99)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('says how many firms it left out, and changes nothing else', () => {
    for (const limit of [0, 2, 5, 99]) {
      const cut = estimateOutput(model, { ...options, enterpriseLimit: limit });
      expect(cut.enterprisesOmitted).toBe(Math.max(0, 5 - limit));
      expect(cut.enterprises).toEqual(cutByRule(all.enterprises, limit));
      expect(withoutList(cut)).toEqual(withoutList(all));
    }
  });

  it('rejects a limit that is not a whole number ≥ 0', () => {
    for (const enterpriseLimit of [-1, 1.5, Number.NaN])
      expect(() => estimateOutput(model, { ...options, enterpriseLimit })).toThrow(ChainError);
  });

  it('on any valid dataset: the report rule applied to the full list, the rest unchanged', () => {
    fc.assert(
      fc.property(datasetArbitrary(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 1000 }), (dataset, limit, seed) => {
        const m = buildModel(deepFreeze(dataset), { templates: [] });
        const opts = { years: [2023, 2026], runs: 20, seed };
        const full = estimateOutput(m, opts);
        const cut = estimateOutput(m, { ...opts, enterpriseLimit: limit });
        expect(cut.enterprises).toEqual(cutByRule(full.enterprises, limit));
        expect(cut.enterprisesOmitted).toBe(full.enterprises.length - cut.enterprises.length);
        expect(withoutList(cut)).toEqual(withoutList(full));
      }),
      { numRuns: 60 },
    );
  });
});
