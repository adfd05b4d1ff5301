import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { formatIssue, safeParseDataset, type DatasetIssue } from '../../src/index.js';
import { excerpt } from '../../src/model/issues.js';
import { safeLoadDataset, saveDataset } from '../../src/node.js';
import { captureIo, validDataset } from '../cli/fixtures.js';
import { tempDir } from '../fixtures/io/fixtures.js';

const codes = (issues: readonly DatasetIssue[]) => issues.map((issue) => issue.code);
const valid = () => JSON.parse(JSON.stringify(validDataset())) as Record<string, any>;

describe('safeParseDataset never throws, whatever the value', () => {
  const deep = () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    return { ...valid(), meta: { id: 'x', name: 'x', extra: value } };
  };
  const cyclic = () => {
    const data = valid();
    data.enterprises[0].self = data.enterprises[0];
    return data;
  };
  const getter = () => {
    const data = valid();
    Object.defineProperty(data.enterprises[0], 'name', { enumerable: true, get: () => { throw new Error('boom'); } });
    return data;
  };
  const proxy = () => ({ ...valid(), links: new Proxy([], { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } }) });
  const bigint = () => ({ ...valid(), enterprises: [{ ...valid().enterprises[0], output: 10n ** 400n }] });
  const cases: [string, () => unknown, string][] = [
    ['nesting 100 000 deep', deep, 'too_deep'],
    ['a cycle', cyclic, 'cyclic_value'],
    ['a throwing getter', getter, 'unreadable_value'],
    ['a throwing proxy', proxy, 'unreadable_value'],
    ['a BigInt too large to print', bigint, 'invalid_type'],
  ];
  for (const [name, make, code] of cases) {
    it(`${name}: an issue (${code}), no exception`, () => {
      const result = safeParseDataset(make(), { locale: 'en' });
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(codes(result.issues)).toContain(code);
      for (const issue of result.issues) expect(issue.message.length).toBeLessThan(400);
    });
  }

  it('quotes short excerpts and shows invisible characters', () => {
    expect(excerpt('e1\u200b')).toBe('"e1\\u200b"');
    expect(excerpt('a\u202eb')).toBe('"a\\u202eb"');
    expect(excerpt('x'.repeat(10_000)).length).toBeLessThan(100);
    const data = valid();
    data.links[0].from = 'jiuding\u200b';
    const result = safeParseDataset(data, { locale: 'en' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => formatIssue(i)).find((m) => m.startsWith('links[0].from:'))).toMatch(/^links\[0\]\.from: unknown enterprise "jiuding\\u200b"; did you mean "jiuding"/u);
  });
});

describe('free-form keys that would touch a prototype, and lone surrogates', () => {
  it('__proto__, constructor and prototype keys are reported, Object.prototype untouched', () => {
    const data = JSON.parse(JSON.stringify(valid()).replace('"name":"九鼎风电叶片"', '"name":"九鼎风电叶片","extra":{"__proto__":{"polluted":"yes"},"constructor":"c","prototype":"p"}'));
    const result = safeParseDataset(data, { locale: 'en' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.filter((i) => i.code === 'reserved_key').map((i) => i.path).sort()).toEqual(['enterprises[0].extra.__proto__', 'enterprises[0].extra.constructor', 'enterprises[0].extra.prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a CSV header __proto__ is reported at its cell', async () => {
    const folder = join(tempDir(), 'csv');
    await saveDataset(valid() as never, `${folder}/`);
    writeFileSync(join(folder, 'links.csv'), '\uFEFFfrom,to,__proto__\r\njiuding,yunfeng,x\r\n');
    const result = await safeLoadDataset(folder, { locale: 'en' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.some((i) => i.code === 'reserved_key' && i.path.startsWith('links.csv:2'))).toBe(true);
  });

  it('lone surrogates in names are refused with an issue', () => {
    const data = valid();
    data.enterprises[1].name = '云风\uD800智慧';
    const result = safeParseDataset(data, { locale: 'en' });
    expect(result.success).toBe(false);
    if (!result.success) {
      const issue = result.issues.find((i) => i.code === 'lone_surrogate')!;
      expect(issue.path).toBe('enterprises[1].name');
      expect(issue.message).toContain('\\ud800');
    }
  });
});

describe('files', () => {
  it('a duplicate JSON key is reported with its line and the object path', async () => {
    const dir = tempDir();
    const text = JSON.stringify(valid(), null, 2).replace('"name": "九鼎风电叶片",', '"name": "九鼎风电叶片",\n      "name": "又一个",');
    writeFileSync(join(dir, 'd.json'), `{"meta": {"id": "a", "name": "a"},\n${text.slice(1)}`);
    const result = await safeLoadDataset(join(dir, 'd.json'), { locale: 'en' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => [i.code, i.params.datasetPath])).toEqual([['duplicate_key', ''], ['duplicate_key', 'enterprises[0]']]);
  });

  it('YAML unknown tags are issues with line and column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'd.yaml'), 'meta:\n  id: a\n  name: !!js/function "function () {}"\n  note: !custom x\n');
    const result = await safeLoadDataset(join(dir, 'd.yaml'), { locale: 'en' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => [i.code, i.params.line])).toEqual([['invalid_yaml', 3], ['invalid_yaml', 4]]);
  });

  it('a FIFO, a socket, a device and a too-large file each give an issue and exit 1, never a hang', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    symlinkSync(fifo, join(dir, 'via-link.json'));
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    const socket = join(dir, 's.json');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 2 ** 29 + 1); // sparse: nothing is written
    const folder = join(dir, 'csv');
    await saveDataset(valid() as never, `${folder}/`);
    const { rmSync } = await import('node:fs');
    rmSync(join(folder, 'links.csv'));
    spawnSync('mkfifo', [join(folder, 'links.csv')]);
    try {
      for (const [path, code] of [
        [fifo, 'not_regular_file'],
        [join(dir, 'via-link.json'), 'not_regular_file'],
        [join(dir, 'zero.json'), 'not_regular_file'],
        [socket, 'not_regular_file'],
        [big, 'file_too_large'],
        [folder, 'not_regular_file'],
      ] as const) {
        const result = await safeLoadDataset(path, { locale: 'en' });
        expect(result.success, path).toBe(false);
        if (!result.success) expect(codes(result.issues), path).toEqual([code]);
        const run = captureIo();
        expect(await runCli(['validate', path, '--locale', 'en'], run.io)).toBe(1);
      }
    } finally {
      server.close();
    }
    mkdirSync(join(dir, 'unused'));
  });
});

describe('values the analyses cannot use', () => {
  it('amounts beyond 1e7 亿元, blank names, fullCapacityYear before startYear; -0 becomes 0', () => {
    const data = valid();
    data.enterprises[0].output = 5e7;
    data.enterprises[1].output = -0;
    data.enterprises[2].name = '  ';
    data.projects[0] = { ...data.projects[0], startYear: 2026, fullCapacityYear: 2024 };
    const result = safeParseDataset(data, { locale: 'en' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((i) => `${i.code} ${i.path}`)).toEqual(
        expect.arrayContaining(['implausible_amount enterprises[0].output', 'blank_name enterprises[2].name', 'production_before_start projects[0].fullCapacityYear']),
      );
    const ok = valid();
    ok.enterprises[1].output = -0;
    const parsed = safeParseDataset(ok);
    expect(parsed.success && Object.is(parsed.data.enterprises[1]!.output, 0)).toBe(true);
  });
});

describe('findDuplicateKeys', () => {
  it('finds repeats per object, with escaped keys, strings holding quotes and braces, and the path', async () => {
    const { findDuplicateKeys } = await import('../../src/io/json.js');
    const text = '{"a": "x\\"}{,", "l": [{"k": 1, "\\u006b": 2}, {"k": "[\\\\"}], "a": 3}';
    expect(findDuplicateKeys(text).map(({ key, path }) => [key, path])).toEqual([
      ['k', ['l', 0]],
      ['a', []],
    ]);
    const fc = (await import('fast-check')).default;
    fc.assert(fc.property(fc.jsonValue(), (value) => findDuplicateKeys(JSON.stringify(value, null, 1)).length === 0));
  });
});
