import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestPositions } from '../../src/internal/largest.js';
import { withScratch } from '../../src/internal/scratch.js';

describe('largestPositions', () => {
  it('keeps the largest keys, NaN last, ties to the earlier position, in position order', () => {
    expect([...largestPositions(Float64Array.of(3, Number.NaN, 5, 3), 2)]).toEqual([0, 2]);
    expect([...largestPositions(Float64Array.of(1, 2, 2, 2), 2)]).toEqual([1, 2]);
    expect([...largestPositions(Float64Array.of(Number.NaN, Number.NaN, 1), 2)]).toEqual([0, 2]);
    expect([...largestPositions(Float64Array.of(4, 1), 5)]).toEqual([0, 1]);
    expect([...largestPositions(Float64Array.of(4, 1), 0)]).toEqual([]);
  });

  it('is the first limit positions sorted by (key descending, position ascending) (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(Number.NaN))), fc.nat({ max: 12 }), (values, limit) => {
        const key = (q: number) => (Number.isNaN(values[q]!) ? -Infinity : values[q]!);
        const expected = values
          .map((_, q) => q)
          .sort((a, b) => (key(a) === key(b) ? a - b : key(b) - key(a)))
          .slice(0, limit)
          .sort((a, b) => a - b);
        expect([...largestPositions(Float64Array.from(values), limit)]).toEqual(expected);
        expect(withScratch({}, (s) => [...largestPositions(Float64Array.from(values), limit, s)])).toEqual(expected);
      }),
    );
  });
});
