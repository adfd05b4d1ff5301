import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { stringify as stringifyYaml } from 'yaml';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { DatasetError, formatIssue, type Dataset, type DatasetIssue } from '../../src/index.js';
import { loadDataset, readDatasetInput, safeLoadDataset, type LoadResult } from '../../src/node.js';
import { fixture, tempDir } from '../fixtures/io/fixtures.js';

const basicJson = () => JSON.parse(readFileSync(fixture('basic.json'), 'utf8')) as Dataset;

/** 1-based line and column of `needle` in `text` (found at or after `from`), moved on by `shift` characters. */
function positionOf(text: string, needle: string, shift = 0, from = 0): { line: number; column: number } {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`not in the text: ${needle}`);
  const before = [...text.slice(0, index + shift)].join('').split('\n');
  return { line: before.length, column: [...before[before.length - 1]!].length + 1 };
}

describe('loading JSON and YAML', () => {
  it('loads a JSON file to exactly its data', async () => {
    const data = await loadDataset(fixture('basic.json'));
    expect(data).toEqual(basicJson());
    expect(data.enterprises[0]).toEqual({
      id: 'alpha',
      name: '甲材料公司',
      region: 'demo-zone',
      segments: [{ chain: 'battery', segment: 'materials', products: ['磷酸铁锂'], basis: 'cited' }],
      role: 'leader',
      status: 'operating',
      output: 1234.5,
      outputYear: 2023,
      employees: 1200,
      aboveScale: true,
      extra: { 联系人: '张三' },
      sources: [{ source: 's1', locator: '表3' }],
    });
  });

  it('loads a YAML file written with Chinese terms to the same canonical data', async () => {
    const data = await loadDataset(fixture('basic.yaml'));
    expect(data).toEqual(basicJson());
    expect(data.chains[0]!.segments.map((s) => s.stage)).toEqual(['upstream', 'midstream', 'downstream']);
    // YAML 1.2: an unquoted date stays a string
    expect(data.meta.updated).toBe('2024-05-01');
  });

  it('reports the files it read', async () => {
    const result = await safeLoadDataset(fixture('basic.yaml'));
    expect(result.success && result.files).toEqual([fixture('basic.yaml')]);
  });

  it('reads a JSON file with a UTF-8 BOM', async () => {
    const file = join(tempDir(), 'bom.json');
    writeFileSync(file, `\uFEFF${readFileSync(fixture('basic.json'), 'utf8')}`);
    expect(await loadDataset(file)).toEqual(basicJson());
  });

  it('reads a GB18030 JSON file', async () => {
    const file = join(tempDir(), 'gbk.json');
    writeFileSync(file, iconv.encode(readFileSync(fixture('basic.json'), 'utf8'), 'gb18030'));
    expect(await loadDataset(file)).toEqual(basicJson());
  });
});

describe('reporting unreadable input as issues', () => {
  it('reports truncated JSON as invalid_json at its line and column, without throwing', async () => {
    const file = fixture('truncated.json');
    const result = await safeLoadDataset(file, { locale: 'en' });
    expect(result.success).toBe(false);
    const issues = (result as { issues: DatasetIssue[] }).issues;
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({
      code: 'invalid_json',
      severity: 'error',
      path: `${file}:12:25`,
      params: { file, line: 12, column: 25 },
    });
    expect(issue!.message).toBe(`invalid JSON in ${file}: unterminated string: expected '"' but found end of input`);
    expect(issue!.message).not.toMatch(/\n\s+at /u);
  });

  it('reports the position of a JSON syntax error inside the file', async () => {
    const file = join(tempDir(), 'comma.json');
    writeFileSync(file, '{\n  "meta": { "id": "x", "name": "y" },\n  "regions": [],,\n  "chains": []\n}\n');
    const result = await safeLoadDataset(file, { locale: 'en' });
    expect(!result.success && result.issues.map((i) => [i.path, i.params.detail])).toEqual([
      [`${file}:3:17`, 'expected a property name in double quotes but found ","'],
    ]);
  });

  it('throws a DatasetError with the issue from loadDataset', async () => {
    const error = await loadDataset(fixture('truncated.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues.map((i) => i.code)).toEqual(['invalid_json']);
  });

  it('reports invalid YAML as invalid_yaml with line and column', async () => {
    const file = fixture('invalid.yaml');
    const result = await safeLoadDataset(file, { locale: 'en' });
    expect(!result.success && result.issues.map((i) => [i.code, i.path, i.params.line, i.params.column])).toEqual([
      ['invalid_yaml', `${file}:4:1`, 4, 1],
    ]);
  });

  it('reports duplicate YAML keys', async () => {
    const file = join(tempDir(), 'dup.yaml');
    writeFileSync(file, 'meta:\n  id: a\n  id: b\n');
    const result = await safeLoadDataset(file, { locale: 'en' });
    expect(!result.success && result.issues.map((i) => [i.code, i.path])).toEqual([['invalid_yaml', `${file}:3:3`]]);
  });

  it('reports a missing path as file_not_found', async () => {
    const file = join(tempDir(), 'nowhere.json');
    const result = await safeLoadDataset(file, { locale: 'en' });
    expect(result).toEqual({
      success: false,
      issues: [
        {
          code: 'file_not_found',
          severity: 'error',
          path: file,
          pathSegments: [file],
          params: { file },
          message: `file not found: ${file}`,
        },
      ],
    });
  });

  it('reports other extensions as unsupported_format', async () => {
    const file = join(tempDir(), 'data.xlsx');
    writeFileSync(file, 'PK');
    const result = await readDatasetInput(file);
    expect(!result.success && result.issues.map((i) => i.code)).toEqual(['unsupported_format']);
  });

  it('reports a folder without CSV files as unsupported_format', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const result = await safeLoadDataset(dir);
    expect(!result.success && result.issues.map((i) => [i.code, i.path])).toEqual([['unsupported_format', dir]]);
  });

  it('reports bytes that are neither UTF-8 nor GB18030 as invalid_encoding', async () => {
    const file = join(tempDir(), 'binary.json');
    writeFileSync(file, Buffer.from([0x7b, 0x00, 0x01, 0xff, 0xfe, 0x0a, 0x7d]));
    const result = await safeLoadDataset(file);
    expect(!result.success && result.issues.map((i) => i.code)).toEqual(['invalid_encoding']);
  });

  it('reports UTF-16 text (Excel "Unicode text") as invalid_encoding', async () => {
    const file = join(tempDir(), 'utf16.json');
    writeFileSync(file, Buffer.from('\uFEFF{"meta": {}}', 'utf16le'));
    const result = await safeLoadDataset(file);
    expect(!result.success && result.issues.map((i) => i.code)).toEqual(['invalid_encoding']);
  });

  it('reads GB18030 bytes as invalid_encoding when told the file is UTF-8', async () => {
    const file = join(tempDir(), 'gbk.json');
    writeFileSync(file, iconv.encode('{"meta": {"id": "a", "name": "示例"}}', 'gb18030'));
    const result = await safeLoadDataset(file, { encoding: 'utf8' });
    expect(!result.success && result.issues.map((i) => i.code)).toEqual(['invalid_encoding']);
  });

  it('reports validation issues of JSON data at the line and column of the value, keeping the dataset path', async () => {
    const file = join(tempDir(), 'bad-link.json');
    const data = basicJson();
    data.links[1]!.to = 'jiuding';
    writeFileSync(file, JSON.stringify(data, null, 2));
    const result = await safeLoadDataset(file, { locale: 'en' });
    const issues = result.success ? [] : result.issues;
    const { line, column } = positionOf(readFileSync(file, 'utf8'), '"to": "jiuding"', 6);
    expect(issues.map((i) => formatIssue(i))).toEqual([`${file}:${line}:${column}: unknown enterprise "jiuding"`]);
    expect(issues[0]!.params).toMatchObject({ datasetPath: 'links[1].to', file, line, column });
  });

  it('points a missing field at its record, and a duplicate at the first record, in YAML too', async () => {
    const dir = tempDir();
    const data = basicJson() as unknown as { enterprises: Record<string, unknown>[] };
    delete data.enterprises[1]!.name;
    data.enterprises.push({ ...data.enterprises[0]! });
    const yamlFile = join(dir, 'bad.yaml');
    writeFileSync(yamlFile, stringifyYaml(data));
    const result = await safeLoadDataset(yamlFile);
    const issues = result.success ? [] : result.issues;
    const text = readFileSync(yamlFile, 'utf8');
    const second = positionOf(text, `- id: ${String(data.enterprises[1]!.id)}`, 2);
    const first = positionOf(text, `- id: ${String(data.enterprises[0]!.id)}`, 2);
    const last = positionOf(text, `- id: ${String(data.enterprises[0]!.id)}`, 2, text.lastIndexOf(`- id: ${String(data.enterprises[0]!.id)}`));
    expect(issues.map((i) => [i.code, i.path, i.params.datasetPath])).toEqual([
      ['missing_field', `${yamlFile}:${second.line}:${second.column}`, 'enterprises[1].name'],
      ['duplicate_id', `${yamlFile}:${last.line}:${last.column + 4}`, `enterprises[${data.enterprises.length - 1}].id`],
    ]);
    expect(issues[0]!.message).toBe('缺少必填字段“企业名称”（应为文本）');
    expect(issues[1]!.params.first).toBe(`${yamlFile}:${first.line}:${first.column}`);
  });
});

describe('readDatasetInput', () => {
  it('reads without validating', async () => {
    const file = join(tempDir(), 'invalid-but-readable.json');
    writeFileSync(file, '{"meta": 1}');
    expect(await readDatasetInput(file)).toEqual({ success: true, input: { meta: 1 }, files: [file] });
  });

  it('types its results as documented', () => {
    expectTypeOf(safeLoadDataset).returns.resolves.toEqualTypeOf<LoadResult>();
    expectTypeOf(loadDataset).returns.resolves.toEqualTypeOf<Dataset>();
  });
});
