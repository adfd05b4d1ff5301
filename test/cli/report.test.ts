import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as reference from '../../src/reference/index.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOfPath, runReport } from '../../src/cli/report.js';
import { runCli } from '../../src/cli/run.js';
import { buildModel } from '../../src/graph/model.js';
import { parseDataset } from '../../src/model/parse.js';
import { renderReport } from '../../src/render/report/index.js';
import { captureIo, tempDir, validDataset, writeFixture } from './fixtures.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const dataset = writeFixture(tmp.dir, 'valid.json', JSON.stringify(validDataset(), null, 2));
const noRegion = writeFixture(
  tmp.dir,
  'no-region.json',
  JSON.stringify({ ...validDataset(), meta: { id: 'x', name: '无区域' }, regions: [...validDataset().regions, { id: 'xinjiang', name: '新疆', kind: '省' }] }),
);

/** Lines that look like a JavaScript stack frame. */
const STACK_LINE = /^\s+at /mu;

describe('runReport', () => {
  it('writes the Markdown report to stdout by default, quietly', async () => {
    const run = captureIo();
    expect(await runReport([dataset, '--runs', '50'], run.io)).toBe(0);
    expect(run.stdout.startsWith('# 命令行测试：产业链分析报告 · 图谱与清单\n')).toBe(true);
    expect(run.stdout).toContain('## 二.1 风电装备 · wind');
    expect(run.stdout).toContain('## 二.2 光伏 · pv');
    expect(run.stderr).toBe('');
  });

  it('writes to --out in the format its extension names', async () => {
    const out = join(tmp.dir, 'report.html');
    const run = captureIo();
    expect(await runReport([dataset, '--out', out, '--runs', '50'], run.io)).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/class="ic-chain-map"/gu)).toHaveLength(2);
  });

  it('takes --format over the extension, and --json as --format json', async () => {
    const out = join(tmp.dir, 'report.txt');
    expect(await runReport([dataset, '-o', out, '--format', 'json', '--runs', '50'], captureIo().io)).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).kind).toBe('industrial-chain-report');
    const json = captureIo();
    expect(await runReport([dataset, '--json', '--chain', 'pv', '--runs', '50'], json.io)).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.chains.map((c: { chain: string }) => c.chain)).toEqual(['pv']);
    expect(data.settings.runs).toBe(50);
  });

  it('is the same for the same --seed and differs for another', async () => {
    const a = captureIo();
    const b = captureIo();
    const c = captureIo();
    await runReport([dataset, '--json', '--runs', '100', '--seed', '7'], a.io);
    await runReport([dataset, '--json', '--runs', '100', '--seed', '7'], b.io);
    await runReport([dataset, '--json', '--runs', '100', '--seed', '8'], c.io);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(c.stdout).settings.seed).toBe(8);
  });

  it('passes --list-limit and --resilience-limit to the report (all: no limit)', async () => {
    const one = captureIo();
    expect(await runReport([dataset, '--json', '--runs', '20', '--list-limit', '1', '--resilience-limit', '3'], one.io)).toBe(0);
    expect(JSON.parse(one.stdout).settings).toMatchObject({ listLimit: 1, resilienceLimit: 3 });
    const all = captureIo();
    expect(await runReport([dataset, '--json', '--runs', '20', '--list-limit', 'all', '--resilience-limit', 'all'], all.io)).toBe(0);
    expect(JSON.parse(all.stdout).settings).toMatchObject({ listLimit: null, resilienceLimit: null });
  });

  it('writes JSON in pieces, byte for byte what renderReport returns, to a file and to io.write', async () => {
    const model = buildModel(parseDataset(validDataset()));
    // the CLI passes the reference directory to the recruitment list
    const expected = renderReport(model, { format: 'json', runs: 30, reference });
    const out = join(tmp.dir, 'pieces.json');
    expect(await runReport([dataset, '--out', out, '--runs', '30'], captureIo().io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);
    const written: string[] = [];
    const run = captureIo();
    expect(await runReport([dataset, '--json', '--runs', '30'], { ...run.io, write: (t) => written.push(t) })).toBe(0);
    expect(written.join('')).toBe(expected);
    expect(run.stdout).toBe('');
  });

  it('writes English with --locale en', async () => {
    const run = captureIo();
    expect(await runReport([dataset, '--locale', 'en', '--runs', '50'], run.io)).toBe(0);
    expect(run.stdout).toContain('### Chain leaders · 链主清单');
  });

  it('reports an unknown chain with the valid ones, exit 1, no stack trace', async () => {
    const run = captureIo();
    expect(await runReport([dataset, '--chain', 'solar'], run.io)).toBe(1);
    expect(run.stderr).toBe('industrial-chain: 未知产业链 "solar"；数据集中的产业链：wind（风电装备）、pv（光伏）');
    expect(run.stdout).toBe('');
    const en = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runReport([dataset, '--chain', 'solar'], en.io)).toBe(1);
    expect(en.stderr).toBe('industrial-chain: unknown chain "solar"; the dataset\'s chains: wind (风电装备), pv (光伏)');
  });

  it('says so when the dataset models no chain at all', async () => {
    const wuwei = fileURLToPath(new URL('../../seeds/wuwei.json', import.meta.url));
    const run = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runReport([wuwei, '--chain', 'wind'], run.io)).toBe(1);
    expect(run.stderr).toBe('industrial-chain: unknown chain "wind": the dataset models no chain');
    const report = captureIo();
    expect(await runReport([wuwei, '--runs', '50'], report.io)).toBe(0);
    expect(report.stdout).toContain('> 无数据：本数据集未建模任何产业链');
  });

  it('reports an unknown region with the valid ones, exit 1', async () => {
    const run = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runReport([dataset, '--region', 'mars'], run.io)).toBe(1);
    expect(run.stderr).toBe('industrial-chain: unknown region "mars"; the dataset\'s regions: gansu (甘肃省), jiuquan (酒泉市)');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('takes a chain and region by name, as a planner types them', async () => {
    const byName = captureIo();
    expect(await runReport([dataset, '--chain', '风电装备', '--region', '酒泉', '--runs', '50'], byName.io)).toBe(0);
    const byId = captureIo();
    expect(await runReport([dataset, '--chain', 'wind', '--region', 'jiuquan', '--runs', '50'], byId.io)).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
    const zh = captureIo();
    expect(await runReport([dataset, '--region', '火星'], zh.io)).toBe(1);
    expect(zh.stderr).toBe('industrial-chain: 未知地区 "火星"；数据集中的地区：gansu（甘肃省）、jiuquan（酒泉市）');
  });

  it('asks for --region when the dataset has no meta.region and several root regions', async () => {
    const run = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runReport([noRegion, '--runs', '50'], run.io)).toBe(1);
    expect(run.stderr).toBe(
      'industrial-chain: no region given and the dataset has no meta.region; the top-level regions: gansu (甘肃省), xinjiang (新疆) (give --region)',
    );
    expect(await runReport([noRegion, '--region', 'jiuquan', '--runs', '50'], captureIo().io)).toBe(0);
  });

  it('reports an invalid or missing dataset with its issues, exit 1', async () => {
    const run = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runReport([join(tmp.dir, 'missing.json')], run.io)).toBe(1);
    expect(run.stderr).toContain('missing.json');
    expect(run.stderr.split('\n').at(-1)).toMatch(/^industrial-chain: cannot report on .*missing\.json: the dataset is invalid or unreadable$/u);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('rejects bad usage with exit 2', async () => {
    const cases: [string[], string][] = [
      [[], 'industrial-chain: report 需要一个数据集文件或文件夹'],
      [[dataset, dataset], 'industrial-chain: report 只接受一个数据集，实际给出 2 个'],
      [[dataset, '--format', 'pdf'], 'industrial-chain: 未知格式 "pdf"（可选 md、html、json）'],
      [[dataset, '--runs', '0'], 'industrial-chain: --runs 应为 1 到 1000000 之间的整数，实际为 "0"'],
      [[dataset, '--runs', 'many'], 'industrial-chain: --runs 应为 1 到 1000000 之间的整数，实际为 "many"'],
      [[dataset, '--seed', '1.5'], 'industrial-chain: --seed 应为 -9007199254740991 到 9007199254740991 之间的整数，实际为 "1.5"'],
      [[dataset, '--json', '--format', 'md'], 'industrial-chain: --json 与 --format md 冲突'],
      [[dataset, '--list-limit', '0'], 'industrial-chain: --list-limit 应为不小于 1 的整数或 all，实际为 "0"'],
      [[dataset, '--resilience-limit', 'few'], 'industrial-chain: --resilience-limit 应为不小于 1 的整数或 all，实际为 "few"'],
      [[dataset, '--chain'], 'industrial-chain: 选项 --chain 缺少取值'],
    ];
    for (const [args, first] of cases) {
      const run = captureIo();
      expect(await runReport(args, run.io), args.join(' ')).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(first);
    }
  });

  it('shows progress only through io.progress, ending with a cleared line and where the file went', async () => {
    const lines: string[] = [];
    const run = captureIo();
    const out = join(tmp.dir, 'progress.md');
    expect(await runReport([dataset, '--runs', '50', '--out', out], { ...run.io, progress: (t) => lines.push(t) })).toBe(0);
    // 2 chains × 7 steps + the region-wide estimate
    expect(lines.slice(0, 15)).toEqual(expect.arrayContaining(['[1/15] 风电装备：缺链分析', '[4/15] 风电装备：产值测算（50 次模拟）', '[15/15] 酒泉市：区域产值测算（50 次模拟）']));
    expect(lines.slice(15)).toEqual(['', `已写入 ${out}\n`]);
    expect(run.stderr).toBe('');
  });
});

describe('runCli report', () => {
  it('dispatches report with its options before or after the command', async () => {
    const after = captureIo();
    expect(await runCli(['report', dataset, '--chain', 'wind', '--runs', '50'], after.io)).toBe(0);
    const before = captureIo();
    expect(await runCli(['--chain', 'wind', '--runs', '50', 'report', dataset], before.io)).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(after.stdout).not.toContain('## 二.2 光伏');
  });

  it('keeps report options out of validate', async () => {
    const run = captureIo();
    expect(await runCli(['validate', dataset, '--chain', 'wind'], run.io)).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('industrial-chain: 未知选项 --chain');
  });

  it('lists report in the usage', async () => {
    const run = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runCli(['--help'], run.io)).toBe(0);
    expect(run.stdout).toContain('report <file-or-folder>');
    expect(run.stdout).toContain('--format <md|html|json>');
  });
});

describe('formatOfPath', () => {
  it('knows .html, .htm, .md, .markdown and .json', () => {
    expect(['a.html', 'a.HTM', 'a.md', 'a.markdown', 'a.json', 'a.txt', 'a'].map(formatOfPath)).toEqual(['html', 'html', 'md', 'md', 'json', undefined, undefined]);
  });
});

describe('the built executable: report', () => {
  const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

  it('is quiet on stderr when it is not a terminal, and fails cleanly', () => {
    const env = { PATH: process.env.PATH, LANG: 'en_US.UTF-8' };
    const ok = spawnSync(process.execPath, [cli, 'report', dataset, '--runs', '50'], { encoding: 'utf8', env });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout.startsWith('# 命令行测试: industrial chain report')).toBe(true);
    const bad = spawnSync(process.execPath, [cli, 'report', dataset, '--chain', 'solar'], { encoding: 'utf8', env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('industrial-chain: unknown chain "solar"; the dataset\'s chains: wind (风电装备), pv (光伏)\n');
    expect(bad.stderr).not.toMatch(STACK_LINE);
  });
});
