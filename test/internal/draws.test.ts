import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Draws, triangular } from '../../src/internal/draws.js';
import { createRandom } from '../../src/internal/random.js';

describe('Draws', () => {
  it('draws the uniforms of createRandom with the same seed, bit for bit', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const draws = new Draws(seed);
        const random = createRandom(seed);
        for (let i = 0; i < 64; i++) expect(draws.float()).toBe(random.float());
      }),
      { numRuns: 50 },
    );
  });

  it('draws the normals of createRandom, spare included, interleaved with uniforms', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (seed, pattern) => {
        const draws = new Draws(seed);
        const random = createRandom(seed);
        for (const normal of pattern)
          if (normal) expect(draws.normal()).toBe(random.normal());
          else expect(draws.float()).toBe(random.float());
      }),
      { numRuns: 50 },
    );
  });

  it('reads uniforms in [0, 1)', () => {
    const draws = new Draws(20240416);
    for (let i = 0; i < 10_000; i++) {
      const u = draws.float();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe('triangular', () => {
  it('maps the uniform createRandom draws to the value createRandom.triangular returns', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (seed, x, y, z) => {
          const [min, mode, max] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
          const uniforms = createRandom(seed);
          const reference = createRandom(seed);
          for (let i = 0; i < 8; i++) expect(triangular(uniforms.float(), min, mode, max)).toBe(reference.triangular(min, mode, max));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the ends at u = 0 and the mode at the cut, and a point mass when min = max', () => {
    expect(triangular(0, 0.6, 0.75, 0.9)).toBe(0.6);
    expect(triangular(0.5, 0.6, 0.75, 0.9)).toBeCloseTo(0.75, 12);
    expect(triangular(0.999999, 0.6, 0.75, 0.9)).toBeCloseTo(0.9, 3);
    expect(triangular(0.3, 2, 2, 2)).toBe(2);
  });

  it('has the mean (min + mode + max) / 3 over many draws', () => {
    const draws = new Draws(7);
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) sum += triangular(draws.float(), 0.6, 0.9, 1.1);
    expect(sum / n).toBeCloseTo((0.6 + 0.9 + 1.1) / 3, 2);
  });
});
