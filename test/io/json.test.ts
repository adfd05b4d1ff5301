import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonError, lineColumn, lineColumns, parseJson } from '../../src/io/json.js';

describe('locating JSON syntax errors', () => {
  it.each([
    ['', 1, 1, 'expected a value but found end of input'],
    ['{\n  "a": [1, 2\n', 3, 1, 'expected "," or "]" but found end of input'],
    ['{"a": 1,}', 1, 9, 'expected a property name in double quotes but found "}"'],
    ['[1, 2,]', 1, 7, 'expected a value but found "]"'],
    ['{"a" 1}', 1, 6, 'expected ":" after a property name but found "1"'],
    ['{"名称": "锂电池" "x"}', 1, 14, 'expected "," or "}" but found "\\""'],
    ['{"a": tru}', 1, 7, 'expected a value but found "t"'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape "\\x" in a string'],
    ['{"a": "line\nbreak"}', 1, 12, 'unescaped control character U+000A in a string'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['// comment\n{}', 1, 1, 'expected a value but found "/"'],
    ['{"a": -}', 1, 7, 'invalid number'],
  ])('finds the error in %j at %i:%i', (text, line, column, detail) => {
    expect(findJsonError(text)).toMatchObject({ line, column, detail });
  });

  it('counts columns in code points', () => {
    expect(lineColumn('"𠀀字"x', 4)).toEqual({ line: 1, column: 4 });
  });

  it('handles deep nesting without overflowing the stack', () => {
    expect(findJsonError('['.repeat(200_000))).toMatchObject({ line: 1, column: 200_001 });
    expect(findJsonError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });

  it('finds an error exactly when JSON.parse fails', () => {
    const texts = fc.oneof(
      fc.json(),
      fc.json().chain((json) => fc.nat(json.length).map((n) => json.slice(0, n))),
      fc.string({ unit: fc.constantFrom(...'{}[]":,0123456789.-eE truefalsn\\u\n'.split('')) }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonError(text) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses valid JSON and returns the position of invalid JSON instead of throwing', () => {
    expect(parseJson('{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJson('{"a": [1]')).toEqual({
      ok: false,
      error: { line: 1, column: 10, offset: 9, detail: 'expected "," or "}" but found end of input' },
    });
  });
});

describe('lineColumns', () => {
  it('gives for every offset what lineColumn gives, in one pass', () => {
    const text = '{\n  "名": "𠀀字",\r\n  "b": [1,\n 2]\n}';
    const offsets = [0, 1, 2, 5, 9, 12, 17, 25, text.length];
    const all = lineColumns(text, offsets);
    for (const offset of offsets) expect(all.get(offset)).toEqual(lineColumn(text, offset));
    expect(all.get(9)).toEqual({ line: 2, column: 8 });
  });
});
