import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvLine, protectCell } from '../../src/io/csv-format.js';
import { CsvTokenizer, NeedsFullParser } from '../../src/io/csv-tokenize.js';

/** The reader's csv-parse options (src/io/csv-read.ts). */
const reference = (text: string): string[][] => parse(text, { relax_quotes: true, relax_column_count: true }) as string[][];

/** Tokenizes `text` pushed in pieces cut at `cuts`; undefined when the tokenizer gives up. */
function tokenize(text: string, cuts: readonly number[] = []): string[][] | undefined {
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer((cells) => rows.push(cells));
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const cut of [...at, text.length]) {
      tokenizer.push(text.slice(from, cut));
      from = cut;
    }
    tokenizer.end();
  } catch (error) {
    if (error instanceof NeedsFullParser) return undefined;
    throw error;
  }
  return rows;
}

describe('CsvTokenizer', () => {
  it('reads quoted cells, doubled quotes, commas and line breaks inside quotes', () => {
    const text = 'id,name,note\r\ne1,"九鼎, 叶片","说""好""的\r\n第二行"\r\n,,\r\n\r\ne2,x,\r\n';
    expect(tokenize(text)).toEqual([
      ['id', 'name', 'note'],
      ['e1', '九鼎, 叶片', '说"好"的\r\n第二行'],
      ['', '', ''],
      [''],
      ['e2', 'x', ''],
    ]);
    expect(tokenize(text)).toEqual(reference(text));
  });

  it('reads a last line without a line ending, and an empty text as no record', () => {
    expect(tokenize('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(tokenize('')).toEqual([]);
  });

  it('gives up where csv-parse has rules of its own', () => {
    for (const text of ['a,b"c\n', 'a,"b"c\n', 'a,"b\n', 'a,b\rc,d\r', 'a,b\r\nc\nd\r\n', 'a,b\nc\r\n', '"a\nb",c\r\n'])
      expect(tokenize(text), JSON.stringify(text)).toBeUndefined();
  });

  it('shares the cells of a column with few distinct values', () => {
    const rows = tokenize('x,castings-forgings\ny,castings-forgings\n')!;
    expect(rows[0]![1]).toBe('castings-forgings');
    expect(rows[1]![1]).toBe(rows[0]![1]);
  });

  it('agrees with csv-parse on arbitrary text, cut into arbitrary chunks', () => {
    const piece = fc.constantFrom('a', 'bc', '中文', ' ', ',', '"', '""', '\n', '\r\n', '\r', 'castings-forgings-long', 'x,"y,z"', '"q\r\nr"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        const text = pieces.join('');
        const fast = tokenize(text, cuts);
        let expected: string[][] | Error;
        try {
          expected = reference(text);
        } catch (error) {
          expected = error as Error;
        }
        if (fast === undefined) return;
        // the tokenizer never accepts what csv-parse rejects
        expect(expected).not.toBeInstanceOf(Error);
        expect(fast).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles every file saveDataset writes without giving up, and reads back its cells', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', ' lead', 'trail ', '九鼎风电叶片有限公司', 'a,b', 'say "hi"', 'two\r\nlines', 'one\nline', 'castings-forgings'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\r\n', '\n'),
        fc.array(fc.nat(), { maxLength: 4 }),
        (rows, ending, cuts) => {
          // cells with a lone \r, or an \r under \n line endings, are csv-parse's to read
          fc.pre(rows.every((r) => r.every((c) => !/\r(?!\n)/u.test(c) && (ending === '\r\n' || !c.includes('\r')))));
          // a first record with a line break inside quotes decides nothing about line endings
          fc.pre(!rows[0]!.some((c) => /[\r\n]/u.test(c)));
          const text = rows.map((r) => formatCsvLine(r)).join(ending) + ending;
          const fast = tokenize(text, cuts);
          expect(fast).toEqual(reference(text));
          // the tokenizer gives the file's cells; the formula guard is undone above it (csv-read)
          expect(fast).toEqual(rows.map((r) => r.map(protectCell)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
