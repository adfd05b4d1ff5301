import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/internal/json-chunks.js';

describe('jsonChunks', () => {
  it('joins to JSON.stringify(value, null, indent)', () => {
    const value = { a: [1, { b: 'x\ny', c: [] }, [2, [3]]], d: {}, e: null, f: undefined, g: [undefined, NaN, Infinity], h: '中文' };
    for (const indent of [0, 2, 4])
      for (const depth of [0, 1, 2, 64])
        for (const pieceItems of [1, 2, 3, 4096]) expect([...jsonChunks(value, indent, depth, pieceItems)].join('')).toBe(JSON.stringify(value, null, indent));
    // small values are one piece; larger ones are descended into, consecutive items written whole go together
    expect([...jsonChunks({ a: [1, 2] }, 2)]).toEqual(['{\n  "a": [\n    1,\n    2\n  ]\n}']);
    expect([...jsonChunks({ a: [1, 2] }, 2, 64, 3)]).toEqual(['{\n  "a": ', '[\n    1,\n    2\n  ]', '\n}']);
    expect([...jsonChunks([[1, 2], 3, 4, [5]], 0, 64, 3)]).toEqual(['[[1,2],3,4', ',[5]]']);
  });

  it('honours toJSON and leaves out what JSON.stringify leaves out', () => {
    const value = { when: new Date(0), skip: () => 1, list: [() => 1, { toJSON: (k: string) => `at ${k}` }] };
    for (const pieceItems of [1, 2, 4096]) expect([...jsonChunks(value, 2, 64, pieceItems)].join('')).toBe(JSON.stringify(value, null, 2));
    expect([...jsonChunks(undefined)]).toEqual([]);
  });

  it('agrees with JSON.stringify on arbitrary JSON values (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 8 }), (value, indent, depth, pieceItems) => {
        expect([...jsonChunks(value, indent, depth, pieceItems)].join('')).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a long array of objects in pieces of a few rows, not one string', () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => ({ id: `firm-${k}`, expected: [k, k + 1] }));
    const chunks = [...jsonChunks({ rows }, 2)];
    expect(chunks.length).toBeGreaterThan(10_000 / 4096);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(2 ** 16 + 200);
    expect(chunks.join('')).toBe(JSON.stringify({ rows }, null, 2));
  });

  it('writes a long array of primitives in pieces of 4 096 items, each piece as JSON.stringify would', () => {
    const weird = [undefined, NaN, -Infinity, () => 1, Symbol('s'), '中\n"文', -0, 1e21, true, null];
    const ids = Array.from({ length: 10_000 }, (_, k) => (k % 97 === 0 ? weird[(k / 97) % weird.length] : k % 2 ? `firm-${k}` : k / 3));
    const sparse = new Array(5000);
    sparse[4999] = 'last';
    const value = { ids, nested: { list: [ids.slice(0, 4097), []] }, sparse };
    for (const indent of [0, 2, 3])
      for (const depth of [0, 1, 2, 3, 64]) expect([...jsonChunks(value, indent, depth)].join('')).toBe(JSON.stringify(value, null, indent));
    const chunks = [...jsonChunks({ ids }, 2)];
    // '{ "ids": ', three pieces of items (the first opening the array, the last closing it), '}'
    expect(chunks.length).toBe(5);
    expect(chunks[1]!.startsWith('[\n    ')).toBe(true);
    expect(chunks[2]!.startsWith(',\n    ')).toBe(true);
  });
});
