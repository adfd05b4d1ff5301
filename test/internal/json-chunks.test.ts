import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/internal/json-chunks.js';

describe('jsonChunks', () => {
  it('joins to JSON.stringify(value, null, indent)', () => {
    const value = { a: [1, { b: 'x\ny', c: [] }, [2, [3]]], d: {}, e: null, f: undefined, g: [undefined, NaN, Infinity], h: '中文' };
    for (const indent of [0, 2, 4])
      for (const depth of [0, 1, 2, 64]) expect([...jsonChunks(value, indent, depth)].join('')).toBe(JSON.stringify(value, null, indent));
    expect([...jsonChunks({ a: [1, 2] }, 2)]).toEqual(['{\n  "a": ', '[\n    1,\n    2\n  ]', '\n}']);
  });

  it('honours toJSON and leaves out what JSON.stringify leaves out', () => {
    const value = { when: new Date(0), skip: () => 1, list: [() => 1, { toJSON: (k: string) => `at ${k}` }] };
    expect([...jsonChunks(value, 2)].join('')).toBe(JSON.stringify(value, null, 2));
    expect([...jsonChunks(undefined)]).toEqual([]);
  });

  it('agrees with JSON.stringify on arbitrary JSON values (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }), (value, indent, depth) => {
        expect([...jsonChunks(value, indent, depth)].join('')).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a long array of objects as one piece per item, not one string', () => {
    const rows = Array.from({ length: 1000 }, (_, k) => ({ id: `firm-${k}`, expected: [k, k + 1] }));
    const chunks = [...jsonChunks({ rows }, 2)];
    expect(chunks.length).toBeGreaterThan(1000);
    expect(chunks.join('')).toBe(JSON.stringify({ rows }, null, 2));
  });
});
