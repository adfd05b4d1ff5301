import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { ChainError, parseDataset, type Dataset } from '../../src/index.js';
import { loadSeed, SEED_NAMES } from '../../src/io/seeds.js';
import { loadDataset, readDatasetInput, safeLoadDataset, saveDataset } from '../../src/node.js';
import { fixture, tempDir } from '../fixtures/io/fixtures.js';
import { datasetArbitrary } from './arbitraries.js';

/** Writes a hand-made Parquet table into a folder. */
function writeTable(dir: string, name: string, columns: ColumnSource[]): void {
  writeFileSync(join(dir, `${name}.parquet`), new Uint8Array(parquetWriteBuffer({ columnData: columns })));
}

const text = (name: string, data: (string | null)[]): ColumnSource => ({ name, data, type: 'STRING' });

/** A folder with meta.parquet and two enterprises; `links` columns as given. */
function folderWithLinks(links: ColumnSource[]): string {
  const dir = tempDir();
  writeTable(dir, 'meta', [text('key', ['id', 'name']), text('value', ['t', '测试'])]);
  writeTable(dir, 'regions', [text('id', ['r']), text('name', ['示范区']), text('kind', ['zone'])]);
  writeTable(dir, 'enterprises', [text('id', ['a', 'b']), text('name', ['甲', '乙']), text('region', ['r', 'r'])]);
  writeTable(dir, 'links', links);
  return dir;
}

const paths = (issues: readonly { path: string; code: string }[]) => issues.map((i) => `${i.code} ${i.path}`);

describe('Parquet folders: round trips', () => {
  it.each(SEED_NAMES)('saves the %s seed as Parquet and loads it back equal', async (name) => {
    const seed = await loadSeed(name);
    const dir = join(tempDir(), 'out');
    const written = await saveDataset(seed, dir, { format: 'parquet' }).then(() => readdirSync(dir).sort());
    expect(written).toContain('links.parquet');
    expect(written).toContain('meta.parquet');
    expect(await loadDataset(dir)).toEqual(seed);
  });

  it('loads back what it saved, and what CSV loads, for any small dataset the CSV form holds', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(datasetArbitrary({ csvSafe: true }), async (input) => {
        const data = parseDataset(input, { templates: [] });
        const folder = join(dir, `d${n++}`);
        await saveDataset(data, folder, { format: 'parquet' });
        await saveDataset(data, `${folder}-csv`, { format: 'csv' });
        const parquet = await readDatasetInput(folder);
        expect(await loadDataset(folder, { templates: [] })).toEqual(data);
        expect(parquet).toEqual({ ...(await readDatasetInput(`${folder}-csv`)), files: expect.any(Array) });
      }),
      { numRuns: 25 },
    );
  });

  it('replaces an earlier save whole, and leaves no temporary folder behind', async () => {
    const parent = tempDir();
    const dir = join(parent, 'out');
    const seed = await loadSeed('wuwei');
    await saveDataset(seed, dir, { format: 'parquet' });
    const smaller: Dataset = { ...seed, links: seed.links.slice(0, 1) };
    await saveDataset(smaller, dir, { format: 'parquet' });
    expect((await loadDataset(dir)).links).toEqual(smaller.links);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('refuses a folder holding other files, and values it cannot hold, before writing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const seed = await loadSeed('wuwei');
    await expect(saveDataset(seed, dir, { format: 'parquet' })).rejects.toThrow(/notes\.txt/u);
    expect(readdirSync(dir)).toEqual(['notes.txt']);

    const bad = { ...seed, links: [{ ...seed.links[0]!, value: '12' as unknown as number }] };
    const target = join(tempDir(), 'new');
    const error = await saveDataset(bad, target, { format: 'parquet' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainError);
    expect((error as ChainError).details).toMatchObject({ format: 'parquet', lost: ['links[0].value'] });
    expect(existsSync(target)).toBe(false);
  });
});

describe('Parquet folders written by an engine', () => {
  // written by DuckDB 1.5 (@duckdb/node-api) with COPY ... (FORMAT parquet, COMPRESSION zstd):
  // VARCHAR, VARCHAR[] (a LIST), DOUBLE, INTEGER, BIGINT, BOOLEAN and DATE columns
  it('reads a ZSTD-compressed folder DuckDB wrote', async () => {
    const data = await loadDataset(fixture('parquet-duckdb'));
    expect(data.meta).toEqual({ id: 'duckdb-demo', name: '示例园区', updated: '2025-06-30' });
    expect(data.enterprises).toEqual([
      expect.objectContaining({ id: 'e1', name: '甲材料有限公司', aliases: ['甲材料', 'JCL'], region: 'zone', output: 12.5, outputYear: 2024, employees: 300, aboveScale: true }),
      expect.objectContaining({ id: 'e2', name: '乙电池有限公司', region: 'zone', aboveScale: false }),
    ]);
    expect(data.enterprises[1]).not.toHaveProperty('output');
    expect(data.enterprises[1]).not.toHaveProperty('aliases');
    expect(data.links).toEqual([
      { from: 'e1', to: 'e2', value: 3.25, year: 2024, since: '2021-05-01', product: '正极材料', status: 'active' },
      { from: 'e2', to: 'e1', status: 'active' },
    ]);
  });
});

describe('Parquet folders: issues at table, row and column', () => {
  it('reports a column of the wrong type at its header cell and reads on', async () => {
    const dir = folderWithLinks([
      text('from', ['a', 'b']),
      text('to', ['b', 'a']),
      text('value', ['12', 'x']),
      { name: 'year', data: [true, false], type: 'BOOLEAN' },
    ]);
    const result = await safeLoadDataset(dir, { locale: 'en' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(paths(result.issues)).toEqual(['invalid_type links.parquet:1:3', 'invalid_type links.parquet:1:4']);
    expect(result.issues[0]!.params).toMatchObject({ table: 'links', columnName: 'value', expected: 'DOUBLE, FLOAT or INT', received: 'STRING' });
    expect(result.issues[1]!.message).toBe('expected DOUBLE, FLOAT or INT, got "BOOLEAN"');
  });

  it('moves validation issues to their row and column, rows numbered as in CSV (header = row 1)', async () => {
    const dir = folderWithLinks([
      text('from', ['a', 'a', null]),
      text('to', ['b', 'zz', 'b']),
      { name: 'value', data: [1.5, -2, 3], type: 'DOUBLE' },
    ]);
    const result = await safeLoadDataset(dir, { locale: 'en' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(paths(result.issues)).toEqual([
      'negative_amount links.parquet:3:3',
      'missing_field links.parquet:4:1',
      'unknown_enterprise links.parquet:3:2',
    ]);
  });

  it('warns about a file that is no table, and reports unknown columns and a missing meta.parquet', async () => {
    const dir = folderWithLinks([text('from', ['a']), text('to', ['b']), text('备注', ['x'])]);
    writeTable(dir, 'shipments', [text('id', ['s'])]);
    writeTable(dir, 'chains', [text('id', ['c']), text('name', ['链']), text('colour', ['red'])]);
    const result = await safeLoadDataset(dir, { locale: 'en' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(paths(result.issues)).toEqual(['unexpected_file shipments.parquet', 'unknown_field chains.parquet:1:3']);
    // links keep unknown columns in `extra`, as in CSV
    const read = await readDatasetInput(join(dir));
    expect(read.success).toBe(false);

    const noMeta = tempDir();
    writeTable(noMeta, 'links', [text('from', ['a'])]);
    const missing = await safeLoadDataset(noMeta);
    expect(missing.success ? [] : paths(missing.issues)).toEqual(['file_not_found meta.parquet']);
  });

  it('keeps unknown link columns in extra, numbers as numbers where CSV has only text', async () => {
    const dir = folderWithLinks([text('from', ['a']), text('to', ['b']), { name: '金额', data: [12], type: 'DOUBLE' }, text('合同号', [' HT-1 '])]);
    const data = await loadDataset(dir);
    expect(data.links).toEqual([{ from: 'a', to: 'b', status: 'active', extra: { 金额: 12, 合同号: 'HT-1' } }]);
  });

  it('reads INT64, INT32 and DATE columns as the numbers and dates they hold', async () => {
    const dir = tempDir();
    writeTable(dir, 'meta', [text('key', ['id', 'name']), text('value', ['t', '测试'])]);
    writeTable(dir, 'regions', [text('id', ['r']), text('name', ['示范区']), text('kind', ['zone'])]);
    writeTable(dir, 'enterprises', [text('id', ['a', 'b']), text('name', ['甲', '乙']), text('region', ['r', 'r']), { name: 'employees', data: [120, null], type: 'INT32' }]);
    const columnData: ColumnSource[] = [
      { name: 'from', data: ['a'] },
      { name: 'to', data: ['b'] },
      { name: 'year', data: [2024n] },
      { name: 'since', data: [new Date(Date.UTC(2021, 4, 1))] },
    ];
    const schema = [
      { name: 'root', num_children: 4 },
      { name: 'from', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'to', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      { name: 'year', type: 'INT64', repetition_type: 'OPTIONAL' },
      { name: 'since', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
    ] as const;
    writeFileSync(join(dir, 'links.parquet'), new Uint8Array(parquetWriteBuffer({ columnData, schema: [...schema] })));
    const data = await loadDataset(dir);
    expect(data.links).toEqual([{ from: 'a', to: 'b', year: 2024, since: '2021-05-01', status: 'active' }]);
    expect(data.enterprises.map((e) => e.employees)).toEqual([120, undefined]);
  });

  it('reads the object columns as JSON as well as CSV text', async () => {
    const dir = folderWithLinks([
      text('from', ['a', 'b']),
      text('to', ['b', 'a']),
      { name: 'sources', data: [[{ source: 'gov', locator: '第3段; 表2' }], null], type: 'JSON' },
    ]);
    writeTable(dir, 'sources', [text('id', ['gov']), text('title', ['公报'])]);
    const data = await loadDataset(dir);
    expect(data.links.map((link) => link.sources)).toEqual([[{ source: 'gov', locator: '第3段; 表2' }], undefined]);
  });

  it('reads a folder of both forms as CSV, naming the .parquet files it did not read', async () => {
    const dir = folderWithLinks([text('from', ['a']), text('to', ['b'])]);
    writeFileSync(join(dir, 'meta.csv'), 'key,value\nid,t\nname,测试\n');
    const result = await safeLoadDataset(dir, { locale: 'en' });
    expect(result.success ? result.warnings.map((w) => w.path) : []).toEqual(['enterprises.parquet', 'links.parquet', 'meta.parquet', 'regions.parquet']);
  });

  it('reports a file that is not Parquet, instead of crashing', async () => {
    const dir = folderWithLinks([text('from', ['a']), text('to', ['b'])]);
    writeFileSync(join(dir, 'regions.parquet'), 'id,name\nr,区\n');
    const result = await safeLoadDataset(dir, { locale: 'en' });
    expect(result.success ? [] : paths(result.issues)).toEqual(['unreadable_file regions.parquet']);
  });
});
