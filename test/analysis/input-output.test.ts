import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hypotheticalExtraction,
  invertMatrix,
  isProductive,
  leontief,
  localCoefficients,
  localLeontief,
  outputMultipliers,
  rasmussenLinkages,
  technicalCoefficients,
} from '../../src/analysis/input-output.js';
import { ChainError } from '../../src/model/issues.js';

/** Every entry within `tolerance` of the expected matrix or vector. */
function expectClose(actual: number[] | number[][], expected: number[] | number[][], tolerance = 1e-12) {
  const a = actual.flat();
  const e = expected.flat();
  expect(a).toHaveLength(e.length);
  a.forEach((v, k) => expect(Math.abs(v - e[k]!)).toBeLessThanOrEqual(tolerance));
}

function thrown(f: () => unknown): ChainError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ChainError);
    return error as ChainError;
  }
  throw new Error('expected a ChainError');
}

const matMul = (X: number[][], Y: number[][]) =>
  X.map((row) => Y[0]!.map((_, j) => row.reduce((s, v, k) => s + v * Y[k]![j]!, 0)));

// Miller & Blair, Input-Output Analysis (2nd ed., 2009), ch. 2: the two-sector example.
// Z = [[150, 500], [200, 100]], x = [1000, 2000]
// A = [[150/1000, 500/2000], [200/1000, 100/2000]] = [[0.15, 0.25], [0.2, 0.05]]
// det(I − A) = 0.85 · 0.95 − 0.25 · 0.2 = 0.8075 − 0.05 = 0.7575
// L = adj(I − A) / det = [[0.95, 0.25], [0.2, 0.85]] / 0.7575
//   = [[1.2541, 0.3300], [0.2640, 1.1221]] (the book's figures, to 4 decimals)
// multipliers = column sums = [1.15, 1.10] / 0.7575 = [1.518152, 1.452145] (book: 1.5181, 1.4521)
const Z = [
  [150, 500],
  [200, 100],
];
const x = [1000, 2000];
const A = [
  [0.15, 0.25],
  [0.2, 0.05],
];
const det = 0.7575;
const Lexact = [
  [0.95 / det, 0.25 / det],
  [0.2 / det, 0.85 / det],
];

describe('the Miller & Blair two-sector example', () => {
  it('derives the technical coefficients from flows and outputs', () => {
    expectClose(technicalCoefficients(Z, x), A);
  });

  it('reproduces the Leontief inverse exactly (to 1e-12 of the exact fractions) and the book to 4 decimals', () => {
    const L = leontief(A);
    expectClose(L, Lexact);
    expect(L.map((r) => r.map((v) => Math.round(v * 1e4) / 1e4))).toEqual([
      [1.2541, 0.33],
      [0.264, 1.1221],
    ]);
  });

  it('gives the output multipliers as column sums of L', () => {
    const m = outputMultipliers(leontief(A));
    expectClose(m, [1.15 / det, 1.1 / det]);
    // 1.15 / 0.7575 = 1.518152; the book prints 1.5181, the sum of its rounded entries 1.2541 + 0.2640
    expect(m.map((v) => Math.round(v * 1e4) / 1e4)).toEqual([1.5182, 1.4521]);
    const rounded = leontief(A).map((r) => r.map((v) => Math.round(v * 1e4) / 1e4));
    expect(outputMultipliers(rounded).map((v) => Math.round(v * 1e4) / 1e4)).toEqual([1.5181, 1.4521]);
  });

  it('recovers the gross outputs from the final demand y = x − Z i = [350, 1700]', () => {
    const L = leontief(A);
    const y = [1000 - 650, 2000 - 300];
    expectClose(
      L.map((row) => row[0]! * y[0]! + row[1]! * y[1]!),
      x,
      1e-9,
    );
  });

  it('gives Rasmussen linkages normalised to an average of 1', () => {
    // Σ L = (0.95 + 0.25 + 0.2 + 0.85) / 0.7575 = 2.25 / 0.7575
    // BL = 2 · [1.15, 1.10] / 2.25 = [1.02222, 0.97778]; FL = 2 · [1.20, 1.05] / 2.25 = [1.06667, 0.93333]
    const r = rasmussenLinkages(leontief(A));
    expectClose(r.backward, [2.3 / 2.25, 2.2 / 2.25]);
    expectClose(r.forward, [2.4 / 2.25, 2.1 / 2.25]);
    expect(r.key).toEqual([true, false]);
  });

  it('measures hypothetical extraction: complete, backward and forward', () => {
    const y = [350, 1700];
    // complete: only sector 2 remains, x̄2 = 1700 / 0.95 = 34000/19; loss = 3000 − 34000/19
    const complete = hypotheticalExtraction(A, y, 0);
    expectClose(complete.output, x, 1e-9);
    expectClose(complete.extractedOutput, [0, 34000 / 19], 1e-9);
    expect(complete.loss).toBeCloseTo(3000 - 34000 / 19, 9);
    expect(complete.lossShare).toBeCloseTo((3000 - 34000 / 19) / 3000, 12);
    // backward: column 1 zeroed: x̄2 = 1700/0.95, x̄1 = 350 + 0.25 x̄2
    const backward = hypotheticalExtraction(A, y, 0, { mode: 'backward' });
    expectClose(backward.extractedOutput, [350 + 0.25 * (34000 / 19), 34000 / 19], 1e-9);
    expect(backward.loss).toBeCloseTo(3000 - 350 - 1.25 * (34000 / 19), 9);
    // forward: row 1 zeroed: x̄1 = 350, x̄2 = (1700 + 0.2 · 350) / 0.95
    const forward = hypotheticalExtraction(A, y, 0, { mode: 'forward' });
    expectClose(forward.extractedOutput, [350, 1770 / 0.95], 1e-9);
    expect(forward.loss).toBeCloseTo(3000 - 350 - 1770 / 0.95, 9);
  });

  it('regionalises with local shares: L_d = (I − (I − M̂) A)⁻¹', () => {
    // d = [0.5, 1]: DA = [[0.075, 0.125], [0.2, 0.05]]; det(I − DA) = 0.925 · 0.95 − 0.125 · 0.2 = 0.85375
    expectClose(localCoefficients(A, [0.5, 1]), [
      [0.075, 0.125],
      [0.2, 0.05],
    ]);
    const d = 0.85375;
    expectClose(localLeontief(A, [0.5, 1]), [
      [0.95 / d, 0.125 / d],
      [0.2 / d, 0.925 / d],
    ]);
    expectClose(localLeontief(A, [1, 1]), Lexact);
    expectClose(localLeontief(A, [0, 0]), [
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('the dense solver and its errors', () => {
  it('inverts with partial pivoting (a zero leading entry needs a row swap)', () => {
    expectClose(
      invertMatrix([
        [0, 2],
        [4, 0],
      ]),
      [
        [0, 0.25],
        [0.5, 0],
      ],
    );
    const M = [
      [2, 1, 1],
      [1, 3, 2],
      [1, 0, 0],
    ];
    expectClose(matMul(M, invertMatrix(M)), [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('throws invalid_argument on a singular matrix', () => {
    const e = thrown(() =>
      invertMatrix([
        [1, 2],
        [2, 4],
      ]),
    );
    expect(e.code).toBe('invalid_argument');
    expect(e.details.reason).toBe('singular');
  });

  it('rejects an A whose spectral radius is exactly 1 (I − A singular)', () => {
    const e = thrown(() =>
      leontief([
        [0, 1],
        [1, 0],
      ]),
    );
    expect(e.code).toBe('invalid_argument');
    expect(e.details.reason).toBe('singular');
    expect(e.details.maxColumnSum).toBe(1);
  });

  it('rejects a non-productive A (ρ = 1.5): (I − A)⁻¹ has negative entries', () => {
    // eigenvalues of [[0.5, 2], [0.5, 0.5]] are 0.5 ± 1; (I − A)⁻¹ = [[0.5, 2], [0.5, 0.5]] / −0.75
    const bad = [
      [0.5, 2],
      [0.5, 0.5],
    ];
    const e = thrown(() => leontief(bad));
    expect(e.code).toBe('invalid_argument');
    expect(e.details.reason).toBe('not-productive');
    expect(e.details.value).toBeCloseTo(0.5 / -0.75, 12);
    expect(isProductive(bad)).toBe(false);
  });

  it('accepts a productive A with a column sum above 1 (the test is ρ < 1, not column sums)', () => {
    // ρ([[0, 1.5], [0.1, 0]]) = √0.15 ≈ 0.387; det(I − A) = 1 − 0.15 = 0.85
    const A2 = [
      [0, 1.5],
      [0.1, 0],
    ];
    expect(isProductive(A2)).toBe(true);
    expectClose(leontief(A2), [
      [1 / 0.85, 1.5 / 0.85],
      [0.1 / 0.85, 1 / 0.85],
    ]);
  });

  it('rejects malformed input: not square, negative or non-finite coefficients, wrong vector length', () => {
    expect(thrown(() => leontief([[0.1, 0.2]])).details.reason).toBe('not-square');
    expect(thrown(() => leontief([[-0.1]])).details.reason).toBe('negative-coefficient');
    expect(thrown(() => leontief([[Number.NaN]])).details.reason).toBe('non-finite');
    expect(thrown(() => hypotheticalExtraction(A, [1], 0)).details.reason).toBe('dimension-mismatch');
    expect(thrown(() => localLeontief(A, [0.5, 1.5])).details.reason).toBe('invalid-share');
    expect(thrown(() => technicalCoefficients(Z, [0, 2000])).details.reason).toBe('invalid-output');
    expect(thrown(() => hypotheticalExtraction(A, [1, 1], 2)).code).toBe('invalid_argument');
  });

  it('never mutates its input', () => {
    const frozen = Object.freeze(A.map((r) => Object.freeze([...r])));
    expectClose(leontief(frozen), Lexact);
    expect(frozen).toEqual(A);
  });
});

/** A non-negative n×n matrix whose column j sums to targets[j] < 1 (so productive). */
const productive = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
      fc.array(fc.double({ min: 0, max: 0.99, noNaN: true }), { minLength: n, maxLength: n }),
    )
    .map(([raw, targets]) =>
      raw.map((row) =>
        row.map((v, j) => {
          const column = raw.reduce((s, r) => s + r[j]!, 0);
          return column === 0 ? 0 : (v * targets[j]!) / column;
        }),
      ),
    ),
);

describe('invariants of a productive A', () => {
  it('L ≥ I element-wise, multipliers ≥ 1, and L (I − A) = I', () => {
    fc.assert(
      fc.property(productive, (A) => {
        const n = A.length;
        const L = leontief(A);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) expect(L[i]![j]!).toBeGreaterThanOrEqual(i === j ? 1 : 0);
        for (const m of outputMultipliers(L)) expect(m).toBeGreaterThanOrEqual(1);
        const IA = A.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - a));
        const P = matMul(L, IA);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Math.abs(P[i]![j]! - (i === j ? 1 : 0))).toBeLessThan(1e-9);
      }),
    );
  });

  it('local supply shrinks the inverse: I ≤ L_d ≤ L for shares in [0, 1]', () => {
    fc.assert(
      fc.property(
        productive.chain((A) =>
          fc.tuple(fc.constant(A), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: A.length, maxLength: A.length })),
        ),
        ([A, shares]) => {
          const L = leontief(A);
          const Ld = localLeontief(A, shares);
          for (let i = 0; i < A.length; i++)
            for (let j = 0; j < A.length; j++) {
              expect(Ld[i]![j]!).toBeGreaterThanOrEqual((i === j ? 1 : 0) - 1e-12);
              expect(Ld[i]![j]!).toBeLessThanOrEqual(L[i]![j]! + 1e-9);
            }
        },
      ),
    );
  });

  it('Rasmussen linkages average 1 and extraction never raises output', () => {
    fc.assert(
      fc.property(
        productive.chain((A) =>
          fc.tuple(
            fc.constant(A),
            fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: A.length, maxLength: A.length }),
            fc.nat({ max: A.length - 1 }),
            fc.constantFrom('complete' as const, 'backward' as const, 'forward' as const),
          ),
        ),
        ([A, y, sector, mode]) => {
          const r = rasmussenLinkages(leontief(A));
          const n = A.length;
          expect(r.backward.reduce((s, v) => s + v, 0) / n).toBeCloseTo(1, 9);
          expect(r.forward.reduce((s, v) => s + v, 0) / n).toBeCloseTo(1, 9);
          expect(hypotheticalExtraction(A, y, sector, { mode }).loss).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
    );
  });
});
