/**
 * Input–output analysis over small dense matrices (the segments of a chain).
 *
 * Method (Miller & Blair, Input-Output Analysis: Foundations and Extensions, 2nd ed., 2009):
 * - technical coefficients A = Z x̂⁻¹: a_ij is the input from sector i per unit of output of j
 *   (row i = supplying sector, column j = using sector), ch. 2;
 * - Leontief inverse L = (I − A)⁻¹, so that x = L y for final demand y, ch. 2;
 * - output multipliers m_j = Σ_i l_ij (simple, type I), ch. 6;
 * - Rasmussen (1956) linkages, normalised so that their average is 1:
 *   backward BL_j = n Σ_i l_ij / Σ_ij l_ij, forward FL_i = n Σ_j l_ij / Σ_ij l_ij (Rasmussen's
 *   row sums of L; Miller & Blair §12.1 also discuss Ghosh-based forward linkages);
 * - hypothetical extraction (Miller & Blair §12.2; Dietzenbacher, van der Linden & Steenge
 *   1993 for the backward and forward variants): the output lost when a sector's row and
 *   column (complete), its column only (backward: it buys no local inputs) or its row only
 *   (forward: nobody buys its output as an input) are removed;
 * - the local (regional, domestic) inverse L_d = (I − (I − M̂) A)⁻¹ where M̂ holds the
 *   non-local (import) share of each supplying sector: only the local share d_i = 1 − m̂_i of
 *   an input is bought locally and sets off further local rounds, ch. 3 and 8.
 *
 * The solver is Gauss–Jordan elimination with partial pivoting on a copy (inputs are never
 * mutated). A pivot below n · ε · ‖M‖∞ is taken as singular.
 *
 * Productivity test used by {@link leontief}: a non-negative A is productive (spectral radius
 * ρ(A) < 1) if and only if I − A is non-singular and (I − A)⁻¹ ≥ 0 element-wise (I − A is then a
 * non-singular M-matrix; the Hawkins–Simon condition is equivalent). This test is exact, unlike
 * "every column sum < 1", which is sufficient but not necessary: A = [[0, 1.5], [0.1, 0]] has a
 * column sum of 1.5 and ρ(A) ≈ 0.39. So: A must be square, finite and non-negative; then
 * (I − A)⁻¹ is computed, and a singular I − A (ρ(A) = 1) or an entry of the inverse below
 * −1e-9 · max|L| (ρ(A) > 1) throws a {@link ChainError} with code `invalid_argument`. Entries of
 * L within that rounding tolerance of 0 are set to exactly 0.
 */
import { ChainError } from '../model/issues.js';

/** A dense matrix: row i, column j. */
export type Matrix = number[][];

/** Why a matrix was rejected, in the `details.reason` of the {@link ChainError}. */
export type MatrixProblem =
  | 'not-square'
  | 'non-finite'
  | 'negative-coefficient'
  | 'dimension-mismatch'
  | 'invalid-output'
  | 'invalid-share'
  | 'singular'
  | 'not-productive';

function fail(reason: MatrixProblem, message: string, details: Record<string, unknown> = {}): never {
  throw new ChainError('invalid_argument', message, { reason, ...details });
}

function checkSquare(M: readonly (readonly number[])[], name: string): number {
  const n = M.length;
  for (let i = 0; i < n; i++) {
    const row = M[i];
    if (!Array.isArray(row) || row.length !== n)
      fail('not-square', `${name} must be a square matrix: row ${i} has ${row?.length ?? 0} entries, expected ${n}`, {
        row: i,
        size: n,
      });
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v))
        fail('non-finite', `${name}[${i}][${j}] is not a finite number (${String(v)})`, { row: i, column: j });
    }
  }
  return n;
}

function checkNonNegative(A: readonly (readonly number[])[], name: string): void {
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < A.length; j++)
      if (A[i]![j]! < 0)
        fail('negative-coefficient', `${name}[${i}][${j}] = ${A[i]![j]} is negative; input coefficients are ≥ 0`, {
          row: i,
          column: j,
          value: A[i]![j],
        });
}

function checkVector(v: readonly number[], n: number, name: string): void {
  if (!Array.isArray(v) || v.length !== n)
    fail('dimension-mismatch', `${name} must have ${n} entries, got ${Array.isArray(v) ? v.length : 0}`, { size: n });
  for (let i = 0; i < n; i++)
    if (typeof v[i] !== 'number' || !Number.isFinite(v[i]))
      fail('non-finite', `${name}[${i}] is not a finite number (${String(v[i])})`, { index: i });
}

/** Gauss–Jordan inversion into a flat row-major Float64Array; throws on a singular matrix. */
function invertFlat(M: readonly (readonly number[])[], n: number, name: string): Float64Array {
  const w = 2 * n;
  const a = new Float64Array(n * w);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      a[i * w + j] = M[i]![j]!;
      rowSum += Math.abs(M[i]![j]!);
    }
    a[i * w + n + i] = 1;
    if (rowSum > norm) norm = rowSum;
  }
  const tolerance = n * Number.EPSILON * norm;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = Math.abs(a[col * w + col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r * w + col]!);
      if (v > best) {
        best = v;
        pivotRow = r;
      }
    }
    if (!(best > tolerance))
      fail('singular', `${name} is singular (no usable pivot in column ${col}; largest |pivot| ${best})`, {
        column: col,
        pivot: best,
        tolerance,
      });
    if (pivotRow !== col)
      for (let j = 0; j < w; j++) {
        const t = a[col * w + j]!;
        a[col * w + j] = a[pivotRow * w + j]!;
        a[pivotRow * w + j] = t;
      }
    const p = a[col * w + col]!;
    for (let j = 0; j < w; j++) a[col * w + j]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r * w + col]!;
      if (f === 0) continue;
      for (let j = 0; j < w; j++) a[r * w + j]! -= f * a[col * w + j]!;
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) inv[i * n + j] = a[i * w + n + j]!;
  return inv;
}

function toMatrix(flat: Float64Array, n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, i * n + n)));
}

/**
 * The inverse of a square matrix by Gauss–Jordan elimination with partial pivoting. Throws a
 * {@link ChainError} (`invalid_argument`, `details.reason` `'singular'`) when a pivot falls
 * below n · ε · ‖M‖∞.
 *
 * @example
 * invertMatrix([[2, 0], [0, 4]]); // → [[0.5, 0], [0, 0.25]]
 */
export function invertMatrix(M: readonly (readonly number[])[]): Matrix {
  const n = checkSquare(M, 'M');
  return toMatrix(invertFlat(M, n, 'M'), n);
}

/**
 * Technical coefficients A = Z x̂⁻¹ from inter-sector flows Z (row i supplies column j) and
 * total outputs x: a_ij = z_ij / x_j. A sector with zero output must have an all-zero column
 * (its coefficients are then 0).
 *
 * @example
 * technicalCoefficients([[150, 500], [200, 100]], [1000, 2000]); // → [[0.15, 0.25], [0.2, 0.05]]
 */
export function technicalCoefficients(Z: readonly (readonly number[])[], x: readonly number[]): Matrix {
  const n = checkSquare(Z, 'Z');
  checkVector(x, n, 'x');
  checkNonNegative(Z, 'Z');
  return Z.map((row, i) =>
    row.map((z, j) => {
      const xj = x[j]!;
      if (xj > 0) return z / xj;
      if (z === 0) return 0;
      return fail('invalid-output', `x[${j}] = ${xj} but column ${j} of Z has a flow of ${z} in row ${i}; outputs must be > 0`, {
        row: i,
        column: j,
      });
    }),
  );
}

/** (I − A)⁻¹ checked for productivity; see the module comment for the test. */
function leontiefFlat(A: readonly (readonly number[])[], name: string): { L: Float64Array; n: number } {
  const n = checkSquare(A, name);
  checkNonNegative(A, name);
  const IA = A.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - a));
  let L: Float64Array;
  try {
    L = invertFlat(IA, n, `I − ${name}`);
  } catch (error) {
    if (error instanceof ChainError && error.details.reason === 'singular')
      fail('singular', `I − ${name} is singular: the spectral radius of ${name} is 1, so ${name} is not productive`, {
        ...error.details,
        maxColumnSum: maxColumnSum(A),
      });
    throw error;
  }
  let scale = 0;
  for (let k = 0; k < L.length; k++) scale = Math.max(scale, Math.abs(L[k]!));
  const tolerance = 1e-9 * scale;
  for (let k = 0; k < L.length; k++) {
    const v = L[k]!;
    if (v >= 0) continue;
    if (v < -tolerance) {
      const row = Math.floor(k / n);
      const column = k % n;
      fail(
        'not-productive',
        `${name} is not productive: (I − ${name})⁻¹[${row}][${column}] = ${v} < 0, so the spectral radius of ${name} exceeds 1 (its largest column sum is ${maxColumnSum(A)})`,
        { row, column, value: v, maxColumnSum: maxColumnSum(A) },
      );
    }
    L[k] = 0;
  }
  return { L, n };
}

function maxColumnSum(A: readonly (readonly number[])[]): number {
  let best = 0;
  for (let j = 0; j < A.length; j++) {
    let s = 0;
    for (let i = 0; i < A.length; i++) s += A[i]![j]!;
    best = Math.max(best, s);
  }
  return best;
}

/**
 * The Leontief inverse L = (I − A)⁻¹ of a non-negative coefficient matrix A. Throws a
 * {@link ChainError} (`invalid_argument`) when A is not square, not finite, has a negative
 * entry, or is not productive (I − A singular, or (I − A)⁻¹ with a negative entry: spectral
 * radius ≥ 1); `details.reason` says which.
 *
 * @example
 * leontief([[0.15, 0.25], [0.2, 0.05]]);
 * // → [[1.2541, 0.3300], [0.2640, 1.1221]] (Miller & Blair, ch. 2; to 4 decimals)
 */
export function leontief(A: readonly (readonly number[])[]): Matrix {
  const { L, n } = leontiefFlat(A, 'A');
  return toMatrix(L, n);
}

/**
 * Whether a non-negative square matrix is productive (spectral radius < 1), by the same test
 * as {@link leontief}. Malformed input (not square, non-finite, negative) still throws.
 *
 * @example
 * isProductive([[0, 1.5], [0.1, 0]]); // true: ρ ≈ 0.39 although a column sums to 1.5
 * isProductive([[0.5, 2], [0.5, 0.5]]); // false: ρ = 1.5
 */
export function isProductive(A: readonly (readonly number[])[]): boolean {
  try {
    leontiefFlat(A, 'A');
    return true;
  } catch (error) {
    if (error instanceof ChainError && (error.details.reason === 'singular' || error.details.reason === 'not-productive'))
      return false;
    throw error;
  }
}

/**
 * Simple output multipliers m_j = Σ_i l_ij: the output of all sectors needed per unit of
 * final demand for sector j.
 *
 * @example
 * outputMultipliers(leontief([[0.15, 0.25], [0.2, 0.05]])); // → [1.15, 1.10] / 0.7575 ≈ [1.5182, 1.4521]
 */
export function outputMultipliers(L: readonly (readonly number[])[]): number[] {
  const n = checkSquare(L, 'L');
  const m = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[j]! += L[i]![j]!;
  return m;
}

/** Rasmussen's backward and forward linkages of each sector. */
export interface RasmussenLinkages {
  /** BL_j = n Σ_i l_ij / Σ l: above 1 when sector j draws more than the average on the others. */
  backward: number[];
  /** FL_i = n Σ_j l_ij / Σ l: above 1 when sector i is drawn on more than the average. */
  forward: number[];
  /** Key sectors: both linkages above 1. */
  key: boolean[];
}

/**
 * Rasmussen's (1956) normalised backward and forward linkages from a Leontief inverse, and the
 * key sectors (both above 1). Throws a {@link ChainError} if L sums to 0.
 *
 * @example
 * rasmussenLinkages(leontief([[0.15, 0.25], [0.2, 0.05]]));
 * // → { backward: [1.0222, 0.9778], forward: [1.0667, 0.9333], key: [true, false] }
 */
export function rasmussenLinkages(L: readonly (readonly number[])[]): RasmussenLinkages {
  const n = checkSquare(L, 'L');
  const columns = new Array<number>(n).fill(0);
  const rows = new Array<number>(n).fill(0);
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = L[i]![j]!;
      columns[j]! += v;
      rows[i]! += v;
      total += v;
    }
  if (!(total > 0)) fail('singular', 'L sums to 0: linkages are undefined', { total });
  const backward = columns.map((c) => (n * c) / total);
  const forward = rows.map((r) => (n * r) / total);
  return { backward, forward, key: backward.map((b, i) => b > 1 && forward[i]! > 1) };
}

/** Which links of the extracted sector are removed. */
export type ExtractionMode = 'complete' | 'backward' | 'forward';

/** Options of {@link hypotheticalExtraction}. */
export interface ExtractionOptions {
  /**
   * `'complete'` [default]: the sector's row, column and final demand are removed (Miller &
   * Blair §12.2); `'backward'`: its column is zeroed (it buys no inputs from the others);
   * `'forward'`: its row is zeroed (nobody uses its output as an input).
   */
  mode?: ExtractionMode;
}

/** Output before and after a hypothetical extraction. */
export interface Extraction {
  sector: number;
  mode: ExtractionMode;
  /** x = L y. */
  output: number[];
  /** x̄ after the extraction (0 for the extracted sector in `'complete'` mode). */
  extractedOutput: number[];
  /** Σ x − Σ x̄: the total linkage of the sector (T_j, B_j or F_j). */
  loss: number;
  /** loss / Σ x (null when Σ x is 0). */
  lossShare: number | null;
}

function multiply(L: Float64Array, n: number, y: readonly number[]): number[] {
  const x = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += L[i * n + j]! * y[j]!;
    x[i] = s;
  }
  return x;
}

/**
 * Hypothetical extraction of one sector: output x = (I − A)⁻¹ y with and without the sector's
 * links, and the loss Σ x − Σ x̄.
 *
 * @example
 * // Miller & Blair's two sectors, final demand y = x − Z i = [350, 1700]:
 * hypotheticalExtraction([[0.15, 0.25], [0.2, 0.05]], [350, 1700], 0).loss;
 * // → 1210.526 (= 3000 − 1700 / 0.95)
 */
export function hypotheticalExtraction(
  A: readonly (readonly number[])[],
  y: readonly number[],
  sector: number,
  options: ExtractionOptions = {},
): Extraction {
  const mode = options.mode ?? 'complete';
  if (mode !== 'complete' && mode !== 'backward' && mode !== 'forward')
    throw new ChainError('invalid_argument', `unknown extraction mode "${String(mode)}"`, {
      valid: ['complete', 'backward', 'forward'],
    });
  const { L, n } = leontiefFlat(A, 'A');
  checkVector(y, n, 'y');
  if (!Number.isInteger(sector) || sector < 0 || sector >= n)
    throw new ChainError('invalid_argument', `sector ${sector} is not in 0..${n - 1}`, { sector, size: n });
  const output = multiply(L, n, y);
  const Abar = A.map((row, i) =>
    row.map((a, j) => {
      if ((mode === 'complete' || mode === 'forward') && i === sector) return 0;
      if ((mode === 'complete' || mode === 'backward') && j === sector) return 0;
      return a;
    }),
  );
  const ybar = y.map((v, i) => (mode === 'complete' && i === sector ? 0 : v));
  const extractedOutput = multiply(leontiefFlat(Abar, 'A').L, n, ybar);
  const before = output.reduce((s, v) => s + v, 0);
  const after = extractedOutput.reduce((s, v) => s + v, 0);
  return {
    sector,
    mode,
    output,
    extractedOutput,
    loss: before - after,
    lossShare: before === 0 ? null : (before - after) / before,
  };
}

/**
 * Local coefficients (I − M̂) A: row i of A scaled by the local share d_i = 1 − m̂_i of sector
 * i's supply, the part of each input bought from local suppliers.
 *
 * @example
 * localCoefficients([[0.15, 0.25], [0.2, 0.05]], [0.5, 1]); // → [[0.075, 0.125], [0.2, 0.05]]
 */
export function localCoefficients(A: readonly (readonly number[])[], localShares: readonly number[]): Matrix {
  const n = checkSquare(A, 'A');
  checkNonNegative(A, 'A');
  checkVector(localShares, n, 'localShares');
  localShares.forEach((d, i) => {
    if (d < 0 || d > 1)
      fail('invalid-share', `localShares[${i}] = ${d} is not a share in [0, 1]`, { index: i, value: d });
  });
  return A.map((row, i) => row.map((a) => a * localShares[i]!));
}

/**
 * The local Leontief inverse L_d = (I − (I − M̂) A)⁻¹, where `localShares[i]` = 1 − m̂_i is the
 * share of sector i's inputs bought from local suppliers. Local output induced by final demand
 * y is L_d y; with all shares 1 it is the ordinary {@link leontief} inverse. Throws like
 * {@link leontief}.
 *
 * @example
 * localLeontief([[0.15, 0.25], [0.2, 0.05]], [0.5, 1]);
 * // → [[0.95, 0.125], [0.2, 0.925]] / 0.85375
 */
export function localLeontief(A: readonly (readonly number[])[], localShares: readonly number[]): Matrix {
  return leontief(localCoefficients(A, localShares));
}
