import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, scratchBytes, withScratch } from '../../src/internal/scratch.js';

describe('withScratch', () => {
  it('hands out zero-filled (or filled) arrays of the asked type and length', () => {
    const owner = {};
    withScratch(owner, (s) => {
      const a = s.int32(5);
      a.set([1, 2, 3, 4, 5]);
      const b = s.float64(3, -1);
      const c = s.uint8(7, 255);
      expect(a).toBeInstanceOf(Int32Array);
      expect([...a]).toEqual([1, 2, 3, 4, 5]);
      expect([...b]).toEqual([-1, -1, -1]);
      expect([...c]).toEqual([255, 255, 255, 255, 255, 255, 255]);
      expect(b.byteOffset % 8).toBe(0);
      const d = s.copy(Float64Array.of(1.5, 2.5));
      expect(d).toBeInstanceOf(Float64Array);
      expect([...d]).toEqual([1.5, 2.5]);
      expect(s.int32(0).length).toBe(0);
    });
    // the memory of the first scope is reused, zero-filled again
    withScratch(owner, (s) => {
      expect([...s.int32(5)]).toEqual([0, 0, 0, 0, 0]);
    });
    expect(scratchBytes(owner)).toBe(BLOCK_BYTES);
    expect(scratchBytes({})).toBe(0);
  });

  it('keeps only the largest amount in use at once, however many scopes run', () => {
    const owner = {};
    for (let k = 0; k < 20; k++) withScratch(owner, (s) => s.float64(3 * 2 ** 20)); // 24 MiB each
    expect(scratchBytes(owner)).toBe(3 * 2 ** 23);
    withScratch(owner, (s) => (s.uint8(10), s.float64(2 ** 20)));
    expect(scratchBytes(owner)).toBe(3 * 2 ** 23);
  });

  it('frees the arrays of a scope that throws, and refuses arrays after a scope ended', () => {
    const owner = {};
    let kept: { int32(n: number): Int32Array } | undefined;
    expect(() =>
      withScratch(owner, (s) => {
        kept = s;
        s.int32(100);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(() => kept!.int32(1)).toThrow(/after its scope ended/);
    const offset = withScratch(owner, (s) => s.int32(1).byteOffset);
    expect(offset).toBe(0);
    expect(() => withScratch(owner, (s) => s.int32(-1))).toThrow(RangeError);
    expect(() => withScratch(owner, (s) => s.int32(1.5))).toThrow(RangeError);
  });

  it('never lets two live arrays share memory; inner scopes do not disturb outer arrays (property)', () => {
    // a program: a tree of scopes, each asking for arrays of random types and lengths (some larger
    // than a block), writing a pattern into each and checking every live array still holds its own
    type Op = { kind: 'array'; type: 0 | 1 | 2; length: number } | { kind: 'scope'; ops: Op[] };
    const { op } = fc.letrec<{ op: Op; ops: Op[] }>((tie) => ({
      op: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({
          kind: fc.constant('array' as const),
          type: fc.constantFrom(0 as const, 1 as const, 2 as const),
          length: fc.oneof(fc.nat({ max: 50 }), fc.integer({ min: 2 ** 20, max: 2 ** 21 + 3 })),
        }),
        fc.record({ kind: fc.constant('scope' as const), ops: tie('ops') as fc.Arbitrary<Op[]> }),
      ),
      ops: fc.array(tie('op') as fc.Arbitrary<Op>, { maxLength: 4 }),
    }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 5 }), (program) => {
        const owner = {};
        let stamp = 0;
        const live: { array: Int32Array | Float64Array | Uint8Array; value: number }[] = [];
        const check = () => {
          for (const { array, value } of live) {
            expect(array[0]).toBe(value);
            expect(array[array.length - 1]).toBe(value);
          }
        };
        const run = (ops: Op[]) =>
          withScratch(owner, (s) => {
            const mine = live.length;
            for (const o of ops) {
              if (o.kind === 'scope') run(o.ops);
              else {
                const array = o.type === 0 ? s.int32(o.length) : o.type === 1 ? s.float64(o.length) : s.uint8(o.length);
                expect(array.length).toBe(o.length);
                let nonZero = 0;
                for (let k = 0; k < array.length; k++) if (array[k] !== 0) nonZero++;
                expect(nonZero).toBe(0);
                if (o.length > 0) {
                  const value = (stamp++ % 200) + 1;
                  array.fill(value);
                  live.push({ array, value });
                }
              }
              check();
            }
            live.length = mine;
          });
        run([{ kind: 'scope', ops: program }]);
        check();
      }),
      { numRuns: 60 },
    );
  });
});
