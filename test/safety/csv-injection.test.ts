import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/index.js';
import { protectCell, unprotectCell } from '../../src/io/csv-format.js';
import { loadDataset, saveDataset } from '../../src/node.js';
import { fixture, tempDir } from '../fixtures/io/fixtures.js';

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1)', "'quoted", "''twice", '=', '-'];

/** Every cell of a CSV text, unquoted (enough for these files: no quote inside a hostile cell start). */
function cells(text: string): string[] {
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n/u)
    .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/gu) ?? [])
    .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/gu, '"') : cell));
}

describe('CSV written by saveDataset is safe to open in a spreadsheet and reads back exactly', () => {
  it('no cell begins with = + - @ (a leading quote guards them), and load gives the text back', async () => {
    const dataset = JSON.parse(readFileSync(fixture('basic.json'), 'utf8')) as Dataset;
    HOSTILE.forEach((text, i) => {
      const firm = dataset.enterprises[i % dataset.enterprises.length]!;
      if (i === 0) firm.name = text;
      firm.note = text;
      firm.extra = { ...firm.extra, [`列${i}`]: text, [text]: 'header' };
    });
    dataset.meta.note = '=1+1';
    const folder = join(tempDir(), 'csv');
    await saveDataset(dataset, `${folder}/`);
    for (const table of ['enterprises', 'meta']) {
      const all = cells(readFileSync(join(folder, `${table}.csv`), 'utf8'));
      const unsafe = all.filter((cell) => /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/u.test(cell));
      expect(unsafe, table).toEqual([]);
    }
    expect(readFileSync(join(folder, 'enterprises.csv'), 'utf8')).toContain(`'${HOSTILE[0]!.replace(/"/gu, '""')}`);
    expect(await loadDataset(folder)).toEqual(dataset);
  });

  it('leaves plain numbers, negative ones included, as they are', () => {
    expect(protectCell('-5')).toBe('-5');
    expect(protectCell('-1.5e3')).toBe('-1.5e3');
    expect(protectCell('-5 亿')).toBe("'-5 亿");
  });

  it('protect then unprotect is the identity on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => unprotectCell(protectCell(text)) === text));
    fc.assert(fc.property(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r'), fc.string(), (head, tail) => unprotectCell(protectCell(head + tail)) === head + tail));
  });
});
