import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ellisonGlaeser, herfindahl, locationQuotient } from '../../../src/analysis/cluster/statistics.js';
import { ChainError } from '../../../src/model/issues.js';

describe('concentration and specialisation', () => {
  it('herfindahl: [6, 2, 2] → 0.44; equal firms → 1/n; nothing → null', () => {
    expect(herfindahl([6, 2, 2])).toBeCloseTo(0.44, 15);
    expect(herfindahl([5, 5, 5, 5])).toBe(0.25);
    expect(herfindahl([7])).toBe(1);
    expect(herfindahl([])).toBeNull();
    expect(herfindahl([0, 0])).toBeNull();
    expect(() => herfindahl([1, Number.NaN])).toThrow(ChainError);
  });

  it('location quotient: (30/50)/(60/300) = 3; undefined shares → null', () => {
    expect(locationQuotient(30, 50, 60, 300)).toBeCloseTo(3, 15);
    expect(locationQuotient(0, 50, 60, 300)).toBe(0);
    expect(locationQuotient(0, 0, 60, 300)).toBeNull();
    expect(locationQuotient(1, 1, 0, 300)).toBeNull();
  });

  it('location quotient stays exact with subnormal amounts', () => {
    // 5e-324 / 8.9e-16 underflows to 0 in the direct quotient; the ratio is still 1
    expect(locationQuotient(5e-324, 8.881784197001249e-16, 5e-324, 8.881784197001249e-16)).toBeCloseTo(1, 12);
    expect(locationQuotient(5e-324, 1, 1e-300, 1)).toBeGreaterThan(0);
  });

  it('Ellison–Glaeser γ by hand', () => {
    // s = [0.9, 0.1], x = [0.5, 0.5]: G = 0.16 + 0.16 = 0.32; Σx² = 0.5;
    // H = 0.4² + 0.4² + 0.2² = 0.36; γ = (0.32 − 0.5·0.36) / (0.5·0.64) = 0.14 / 0.32 = 0.4375
    const r = ellisonGlaeser({ industryByArea: [9, 1], totalByArea: [50, 50], plantSizes: [4, 4, 2] })!;
    expect(r.rawConcentration).toBeCloseTo(0.32, 15);
    expect(r.plantHerfindahl).toBeCloseTo(0.36, 15);
    expect(r.areaHerfindahl).toBe(0.5);
    expect(r.gamma).toBeCloseTo(0.4375, 15);
    // s = [0.8, 0.2]: G = 0.18 = (1 − Σx²) H exactly: as concentrated as dartboard plants → γ = 0
    expect(ellisonGlaeser({ industryByArea: [8, 2], totalByArea: [50, 50], plantSizes: [4, 4, 2] })!.gamma).toBeCloseTo(0, 15);
  });

  it('Ellison–Glaeser γ is null when undefined', () => {
    expect(ellisonGlaeser({ industryByArea: [3], totalByArea: [10], plantSizes: [1, 2] })).toBeNull();
    expect(ellisonGlaeser({ industryByArea: [3, 0], totalByArea: [5, 5], plantSizes: [3] })).toBeNull();
    expect(() => ellisonGlaeser({ industryByArea: [3], totalByArea: [5, 5], plantSizes: [3] })).toThrow(ChainError);
  });
});

describe('properties', () => {
  it('herfindahl lies in [1/n, 1] and ignores scale', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0.1, max: 100, noNaN: true }), (sizes, k) => {
        const h = herfindahl(sizes)!;
        expect(h).toBeGreaterThanOrEqual(1 / sizes.length - 1e-12);
        expect(h).toBeLessThanOrEqual(1 + 1e-12);
        expect(herfindahl(sizes.map((x) => x * k))).toBeCloseTo(h, 10);
      }),
    );
  });
});
