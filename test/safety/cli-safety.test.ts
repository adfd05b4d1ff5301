import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.js';
import { saveDataset } from '../../src/node.js';
import type { Dataset } from '../../src/index.js';
import { captureIo, tempDir, validDataset, writeFixture } from '../cli/fixtures.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const text = JSON.stringify(validDataset(), null, 2);

describe('report --out never writes over its input', () => {
  const dataset = writeFixture(tmp.dir, 'input.json', text);
  const cases: [string, () => string][] = [
    ['the dataset file itself', () => dataset],
    ['a relative path through ..', () => relative(process.cwd(), join(tmp.dir, 'sub', '..', 'input.json'))],
    [
      'a symlink to it',
      () => {
        const link = join(tmp.dir, 'link.json');
        symlinkSync(dataset, link);
        return link;
      },
    ],
  ];
  for (const [name, out] of cases) {
    it(`refuses ${name}, exit 1, the file unchanged`, async () => {
      const run = captureIo();
      expect(await runReport([dataset, '--out', out(), '--runs', '20'], run.io)).toBe(1);
      expect(run.stderr).toMatch(/拒绝将报告写入 .*输入文件/u);
      expect(readFileSync(dataset, 'utf8')).toBe(text);
    });
  }

  it('refuses any file of a CSV folder, and the folder itself', async () => {
    const folder = join(tmp.dir, 'csv');
    await saveDataset(JSON.parse(text) as Dataset, `${folder}/`);
    const links = readFileSync(join(folder, 'links.csv'), 'utf8');
    for (const out of [join(folder, 'links.csv'), join(folder, 'meta.csv'), folder]) {
      const run = captureIo();
      expect(await runReport([folder, '--out', out, '--runs', '20', '--locale', 'en'], run.io)).toBe(1);
      expect(run.stderr).toContain('refusing to write the report');
    }
    expect(readFileSync(join(folder, 'links.csv'), 'utf8')).toBe(links);
  });

  it('still writes a new file beside the input', async () => {
    const dataset = writeFixture(tmp.dir, 'other.json', text);
    mkdirSync(join(tmp.dir, 'out'), { recursive: true });
    const run = captureIo();
    expect(await runReport([dataset, '--out', join(tmp.dir, 'out', 'r.md'), '--runs', '20'], run.io)).toBe(0);
    expect(readFileSync(join(tmp.dir, 'out', 'r.md'), 'utf8').startsWith('# ')).toBe(true);
  });
});

describe('number options', () => {
  const dataset = writeFixture(tmp.dir, 'numbers.json', text);
  it('takes a negative --seed as a seed', async () => {
    const run = captureIo();
    expect(await runReport([dataset, '--seed', '-5', '--runs', '20', '--json'], run.io)).toBe(0);
    expect(JSON.parse(run.stdout).settings.seed).toBe(-5);
  });

  for (const [flag, value, range] of [
    ['--runs', '-1', '1 to 1000000'],
    ['--runs', '1e12', '1 to 1000000'],
    ['--runs', '2000000', '1 to 1000000'],
    ['--list-limit', '-5', '≥ 1 or all'],
    ['--resilience-limit', '0', '≥ 1 or all'],
  ] as const) {
    it(`${flag} ${value}: exit 2 naming the value and the range`, async () => {
      const run = captureIo();
      expect(await runReport([dataset, flag, value, '--locale', 'en'], run.io)).toBe(2);
      expect(run.stderr).toContain(JSON.stringify(value));
      expect(run.stderr).toContain(range);
      expect(run.stderr).not.toContain('needs a value');
    });
  }
});

describe('saving a CSV folder', () => {
  it('never replaces a file, nor a folder holding other files', async () => {
    const file = writeFixture(tmp.dir, 'plain.txt', 'mine');
    await expect(saveDataset(JSON.parse(text) as Dataset, file, { format: 'csv' })).rejects.toThrow(/not a folder/u);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const folder = join(tmp.dir, 'notes');
    mkdirSync(folder);
    writeFixture(folder, 'notes.docx', 'mine');
    await expect(saveDataset(JSON.parse(text) as Dataset, `${folder}/`)).rejects.toThrow(/notes\.docx/u);
    expect(readFileSync(join(folder, 'notes.docx'), 'utf8')).toBe('mine');
  });
});
