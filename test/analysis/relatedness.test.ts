import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diversity,
  presence,
  proximity,
  relatedness,
  relatednessDensity,
  revealedComparativeAdvantage,
  ubiquity,
} from '../../src/analysis/relatedness.js';
import { ChainError } from '../../src/model/issues.js';

/*
 * Hand-checked 3 × 3 example (regions c0..c2 × activities p0..p2):
 *
 *   x = [[2, 1, 0],      row sums 3, 3, 3; column sums 5, 2, 2; total 9
 *        [3, 0, 0],
 *        [0, 1, 2]]
 *
 * RCA_cp = (x_cp / row_c) / (col_p / 9):
 *   c0: (2/3)/(5/9) = 6/5,  (1/3)/(2/9) = 3/2,  0
 *   c1: (3/3)/(5/9) = 9/5,  0,                  0
 *   c2: 0,                  (1/3)/(2/9) = 3/2,  (2/3)/(2/9) = 3
 * M (RCA ≥ 1) = [[1, 1, 0], [1, 0, 0], [0, 1, 1]]; ubiquity k = [2, 2, 1]; diversity [2, 1, 2]
 * φ_pq = Σ_c M_cp M_cq / max(k_p, k_q):
 *   φ01 = 1/2 (only c0 has both), φ02 = 0, φ12 = 1/max(2, 1) = 1/2, diagonal 1
 * column sums of φ: 3/2, 2, 3/2
 * ω_cp = Σ_q M_cq φ_qp / Σ_q φ_qp:
 *   c0: (1 + 1/2)/(3/2) = 1,   (1/2 + 1)/2 = 3/4,   (0 + 1/2)/(3/2) = 1/3
 *   c1: 1/(3/2) = 2/3,         (1/2)/2 = 1/4,       0
 *   c2: (1/2)/(3/2) = 1/3,     (1/2 + 1)/2 = 3/4,   (1/2 + 1)/(3/2) = 1
 */
const x = [
  [2, 1, 0],
  [3, 0, 0],
  [0, 1, 2],
];

describe('relatedness on a hand-checked 3 × 3 matrix', () => {
  it('computes the Balassa RCA', () => {
    const rca = revealedComparativeAdvantage(x);
    const expected = [
      [6 / 5, 3 / 2, 0],
      [9 / 5, 0, 0],
      [0, 3 / 2, 3],
    ];
    rca.forEach((row, c) => row.forEach((v, p) => expect(v).toBeCloseTo(expected[c]![p]!, 12)));
  });

  it('derives presence, ubiquity and diversity', () => {
    const m = presence(revealedComparativeAdvantage(x));
    expect(m).toEqual([
      [1, 1, 0],
      [1, 0, 0],
      [0, 1, 1],
    ]);
    expect(ubiquity(m)).toEqual([2, 2, 1]);
    expect(diversity(m)).toEqual([2, 1, 2]);
  });

  it('computes proximity as the minimum conditional probability', () => {
    expect(proximity([[1, 1, 0], [1, 0, 0], [0, 1, 1]])).toEqual([
      [1, 0.5, 0],
      [0.5, 1, 0.5],
      [0, 0.5, 1],
    ]);
  });

  it('computes relatedness density including the diagonal (py-ecomplexity convention)', () => {
    const { density } = relatedness(x);
    const expected = [
      [1, 3 / 4, 1 / 3],
      [2 / 3, 1 / 4, 0],
      [1 / 3, 3 / 4, 1],
    ];
    density.forEach((row, c) => row.forEach((v, p) => expect(v).toBeCloseTo(expected[c]![p]!, 12)));
  });

  it('honours the presence threshold', () => {
    // threshold 1.6: only c1p0 (1.8) and c2p2 (3) remain
    expect(presence(revealedComparativeAdvantage(x), 1.6)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
  });

  it('counts an RCA of exactly 1 as present despite rounding (uniform mix)', () => {
    // every region has the overall mix: RCA is 1 up to rounding everywhere
    const m = presence(revealedComparativeAdvantage([[0.1, 0.2, 0.7], [0.3, 0.6, 2.1]]));
    expect(m).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('gives 0 where the formulas divide by zero', () => {
    expect(revealedComparativeAdvantage([[0, 0], [1, 0]])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(revealedComparativeAdvantage([[0, 0]])).toEqual([[0, 0]]);
    expect(proximity([[1, 0], [1, 0]])).toEqual([
      [1, 0],
      [0, 0],
    ]);
    expect(relatednessDensity([[1, 0]], [[1, 0], [0, 0]])).toEqual([[1, 0]]);
    expect(revealedComparativeAdvantage([])).toEqual([]);
  });

  it('rejects ragged, negative and non-finite input with a ChainError', () => {
    expect(() => revealedComparativeAdvantage([[1, 2], [3]])).toThrow(ChainError);
    expect(() => revealedComparativeAdvantage([[1, -2]])).toThrow(/finite number ≥ 0/);
    expect(() => revealedComparativeAdvantage([[1, Number.NaN]])).toThrow(ChainError);
    expect(() => relatednessDensity([[1, 0]], [[1]])).toThrow(/phi must be 2 × 2/);
    expect(() => presence([[1]], -1)).toThrow(ChainError);
  });

  it('does not mutate its input', () => {
    const frozen = Object.freeze(x.map((row) => Object.freeze([...row])));
    expect(() => relatedness(frozen)).not.toThrow();
    expect(frozen).toEqual(x);
  });
});

describe('relatedness invariants', () => {
  const matrices = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
    );

  it('RCA ≥ 0 and finite; M binary; φ symmetric in [0, 1]; ω in [0, 1]', () => {
    fc.assert(
      fc.property(matrices, (m) => {
        const result = relatedness(m);
        for (const row of result.rca) for (const v of row) expect(Number.isFinite(v) && v >= 0).toBe(true);
        for (const row of result.presence) for (const v of row) expect(v === 0 || v === 1).toBe(true);
        const phi = result.proximity;
        phi.forEach((row, p) =>
          row.forEach((v, q) => {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
            expect(v).toBe(phi[q]![p]!);
          }),
        );
        for (const row of result.density)
          for (const v of row) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
      }),
    );
  });

  it('a region has density 1 in an activity whose related activities it all has', () => {
    // a region present in every activity present anywhere has ω = 1 wherever ω is defined
    fc.assert(
      fc.property(matrices, (m) => {
        const { presence: pm, proximity: phi } = relatedness(m);
        const full = [pm[0]!.map((_, p) => (pm.some((row) => row[p] === 1) ? 1 : 0))];
        const omega = relatednessDensity(full, phi)[0]!;
        omega.forEach((v, p) => {
          if (phi[p]!.some((w) => w > 0)) expect(v).toBeCloseTo(1, 12);
          else expect(v).toBe(0);
        });
      }),
    );
  });

  it('RCA is invariant to scaling the whole matrix', () => {
    const ordinary = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 100, noNaN: true })), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      );
    fc.assert(
      fc.property(ordinary, fc.double({ min: 0.5, max: 1000, noNaN: true }), (m, k) => {
        const a = revealedComparativeAdvantage(m);
        const b = revealedComparativeAdvantage(m.map((row) => row.map((v) => v * k)));
        a.forEach((row, c) => row.forEach((v, p) => expect(b[c]![p]!).toBeCloseTo(v, 6)));
      }),
    );
  });
});
