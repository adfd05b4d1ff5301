import { describe, expect, it } from 'vitest';
import { moneyFactor, periodMonths } from '../../../src/analysis/output/audit-plan.js';
import { bandOfRuns, cagr, finite } from '../../../src/analysis/output/band.js';
import { priceCapacity } from '../../../src/analysis/output/capacity.js';
import { DEFAULT_OUTPUT_ASSUMPTIONS } from '../../../src/analysis/output/index.js';

describe('bandOfRuns', () => {
  it('gives numpy.percentile (linear, type 7) values and the mean', () => {
    // numpy.percentile([1, 2, 3, 4, 5], [10, 50, 90]) → [1.4, 3.0, 4.6]
    const band = bandOfRuns(Float64Array.of(5, 1, 4, 2, 3), new Float64Array(5));
    expect(band.expected).toBe(3);
    expect(band.p10).toBeCloseTo(1.4, 12);
    expect(band.p50).toBe(3);
    expect(band.p90).toBeCloseTo(4.6, 12);
  });
});

describe('cagr and finite', () => {
  it('gives the compound yearly growth, null where undefined', () => {
    expect(cagr(100, 121, 2)).toBeCloseTo(0.1, 12);
    expect(cagr(0, 121, 2)).toBeNull();
    expect(cagr(100, 121, 0)).toBeNull();
    expect(finite(1 / 0)).toBeNull();
    expect(finite(2)).toBe(2);
  });
});

describe('priceCapacity', () => {
  const prices = DEFAULT_OUTPUT_ASSUMPTIONS.prices;
  it('takes the first price whose keywords match, converting units', () => {
    expect(priceCapacity(4, 'GWh', '储能系统集成', prices)?.value).toBeCloseTo(30, 12);
    expect(priceCapacity(4000, 'MWh', '电芯', prices)?.value).toBeCloseTo(14, 12);
    expect(priceCapacity(100, '万千瓦', '光伏组件', prices)?.value).toBeCloseTo(8, 12);
  });
  it('falls back to the price without keywords, and to none for another unit', () => {
    expect(priceCapacity(2, 'GWh', '其他', prices)?.price.note).toMatch(/no product named/);
    expect(priceCapacity(2, '吨', '铜杆', prices)).toBeUndefined();
  });
});

describe('periodMonths and moneyFactor', () => {
  it('reads the months an indicator period covers', () => {
    expect(periodMonths('1-8月')).toEqual({ months: 8, known: true });
    expect(periodMonths('前三季度')).toEqual({ months: 9, known: true });
    expect(periodMonths('上半年')).toEqual({ months: 6, known: true });
    expect(periodMonths('一季度')).toEqual({ months: 3, known: true });
    expect(periodMonths(undefined)).toEqual({ months: 12, known: true });
    expect(periodMonths('旺季')).toEqual({ months: 12, known: false });
  });
  it('converts money units to 亿元 and refuses others', () => {
    expect(moneyFactor('亿元')).toBe(1);
    expect(moneyFactor('万元')).toBe(1e-4);
    expect(moneyFactor('元')).toBe(1e-8);
    expect(moneyFactor('GWh')).toBeUndefined();
  });
});
