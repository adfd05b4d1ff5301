import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { countDataset, formatIssueCount, formatSummary, runValidate } from '../../src/cli/validate.js';
import { parseDataset } from '../../src/model/parse.js';
import { captureIo, latin1Bytes, tempDir, TRUNCATED_JSON, validDataset, writeFixture } from './fixtures.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const validFile = writeFixture(tmp.dir, 'valid.json', JSON.stringify(validDataset(), null, 2));
const truncatedFile = writeFixture(tmp.dir, 'truncated.json', TRUNCATED_JSON);
const latin1File = writeFixture(tmp.dir, 'latin1.json', latin1Bytes());
const missingFile = join(tmp.dir, 'does-not-exist.json');
const danglingFile = writeFixture(
  tmp.dir,
  'dangling.json',
  JSON.stringify({ ...validDataset(), links: [{ from: 'jiuding', to: 'jiuding-group' }] }, null, 2),
);

/** A string as a literal part of a regular expression. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Lines that look like a JavaScript stack frame. */
const STACK_LINE = /^\s+at /mu;

/** `file:line:column` of the first occurrence of `needle` in a file at or after `from` (columns count UTF-16 units; these fixtures are ASCII before it). */
function at(file: string, needle: string, from = 0): string {
  const text = readFileSync(file, 'utf8');
  const index = text.indexOf(needle, from);
  const before = text.slice(0, index).split('\n');
  return `${file}:${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('countDataset', () => {
  it('counts segments of chains resolved against their templates', () => {
    expect(countDataset(parseDataset(validDataset()))).toEqual({
      chains: 2,
      segments: 6,
      enterprises: 3,
      links: 2,
      projects: 1,
      regions: 2,
      templates: 1,
      targets: 0,
      indicators: 0,
      sources: 0,
    });
  });
});

describe('formatSummary', () => {
  const counts = { chains: 2, segments: 27, enterprises: 35, links: 8, projects: 12, regions: 0, templates: 0, targets: 0, indicators: 0, sources: 0 };

  it('writes the counts in Chinese', () => {
    expect(formatSummary(counts, 'zh-CN')).toBe('有效：2 条产业链、27 个环节、35 家企业、8 条供应关系、12 个项目');
  });

  it('writes the counts in English with singulars for one', () => {
    expect(formatSummary(counts, 'en')).toBe('valid: 2 chains, 27 segments, 35 enterprises, 8 links, 12 projects');
    expect(formatSummary({ ...counts, chains: 1, links: 1, projects: 0 }, 'en')).toBe(
      'valid: 1 chain, 27 segments, 35 enterprises, 1 link, 0 projects',
    );
  });

  it('counts issues', () => {
    expect(formatIssueCount(3, 1, 'en')).toBe('invalid: 3 errors, 1 warning');
    expect(formatIssueCount(1, 0, 'zh-CN')).toBe('无效：1 个错误');
  });
});

describe('runValidate', () => {
  it('prints the one-line summary of a valid dataset in Chinese by default and exits 0', async () => {
    const run = captureIo();
    expect(await runValidate([validFile], run.io)).toBe(0);
    expect(run.stdout).toBe('有效：2 条产业链、6 个环节、3 家企业、2 条供应关系、1 个项目');
    expect(run.stderr).toBe('');
  });

  it('reads a YAML dataset the same way', async () => {
    const file = writeFixture(tmp.dir, 'valid.yaml', stringifyYaml(validDataset()));
    const run = captureIo();
    expect(await runValidate([file, '--locale', 'en'], run.io)).toBe(0);
    expect(run.stdout).toBe('valid: 2 chains, 6 segments, 3 enterprises, 2 links, 1 project');
  });

  it('prints the summary in English with --locale en', async () => {
    const run = captureIo();
    expect(await runValidate([validFile, '--locale', 'en'], run.io)).toBe(0);
    expect(run.stdout).toBe('valid: 2 chains, 6 segments, 3 enterprises, 2 links, 1 project');
  });

  it('takes English from LANG or LC_ALL when no --locale is given', async () => {
    const lang = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runValidate([validFile], lang.io)).toBe(0);
    expect(lang.stdout).toBe('valid: 2 chains, 6 segments, 3 enterprises, 2 links, 1 project');

    const overridden = captureIo({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' });
    expect(await runValidate([validFile], overridden.io)).toBe(0);
    expect(overridden.stdout).toBe('有效：2 条产业链、6 个环节、3 家企业、2 条供应关系、1 个项目');

    const flag = captureIo({ LC_ALL: 'en_GB.UTF-8' });
    expect(await runValidate(['--locale=zh-CN', validFile], flag.io)).toBe(0);
    expect(flag.stdout).toMatch(/^有效：/u);
  });

  it('prints warnings after the summary', async () => {
    const data = validDataset();
    const text = JSON.stringify({ ...data, links: [...data.links!, data.links![1]] });
    const link = JSON.stringify(data.links![1]);
    const file = writeFixture(tmp.dir, 'duplicate-link.json', text);
    const run = captureIo();
    expect(await runValidate([file, '--locale', 'en'], run.io)).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'valid: 2 chains, 6 segments, 3 enterprises, 3 links, 1 project',
      `warning: ${at(file, link, text.lastIndexOf(link))}: duplicate link "yunfeng" → "zhengtai" (first at ${at(file, link)})`,
    ]);
  });

  it('prints every issue as path: message and a count line on an invalid dataset, exit 1', async () => {
    const run = captureIo();
    expect(await runValidate([danglingFile, '--locale', 'en'], run.io)).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([`${at(danglingFile, '"jiuding-group"')}: unknown enterprise "jiuding-group"`, 'invalid: 1 error']);
  });

  it('reports truncated JSON with the file and the line, without a stack trace, exit 1', async () => {
    const run = captureIo();
    expect(await runValidate([truncatedFile, '--locale', 'en'], run.io)).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines).toHaveLength(2);
    // path `file:line:column`, then the message naming the file
    expect(lines[0]).toMatch(new RegExp(`^${escape(truncatedFile)}:5:\\d+: invalid JSON in ${escape(truncatedFile)}: `, 'u'));
    expect(lines[1]).toBe('invalid: 1 error');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('reports a missing file, exit 1', async () => {
    const run = captureIo();
    expect(await runValidate([missingFile], run.io)).toBe(1);
    expect(run.stderr.split('\n')).toEqual([`${missingFile}: 找不到文件：${missingFile}`, '无效：1 个错误']);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('reports a file that is neither UTF-8 nor GB18030, exit 1', async () => {
    const run = captureIo();
    expect(await runValidate([latin1File, '--locale', 'en'], run.io)).toBe(1);
    expect(run.stderr.split('\n')).toEqual([`${latin1File}: ${latin1File} is not valid UTF-8 or GB18030 text`, 'invalid: 1 error']);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('prints the report as JSON with --json', async () => {
    const valid = captureIo();
    expect(await runValidate(['--json', validFile], valid.io)).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ valid: true, path: validFile, counts: { chains: 2, segments: 6 }, errors: 0, issues: [] });

    const invalid = captureIo();
    expect(await runValidate(['--json', danglingFile, '--locale', 'en'], invalid.io)).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({
      valid: false,
      errors: 1,
      warnings: 0,
      issues: [
        {
          code: 'unknown_enterprise',
          path: at(danglingFile, '"jiuding-group"'),
          params: { datasetPath: 'links[0].to' },
          message: 'unknown enterprise "jiuding-group"',
        },
      ],
    });
  });

  it('rejects bad usage with exit 2 and the usage on stderr', async () => {
    for (const args of [[], [validFile, validFile], [validFile, '--locale', 'fr'], [validFile, '--strict'], [validFile, '--locale']]) {
      const run = captureIo({ LANG: 'en_US.UTF-8' });
      expect(await runValidate(args, run.io), args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage: industrial-chain <command> [options]');
    }
  });
});
