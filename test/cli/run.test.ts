import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeFromEnv } from '../../src/cli/locale.js';
import { runCli } from '../../src/cli/run.js';
import { captureIo } from './fixtures.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('runCli', () => {
  it('prints the usage with --help, exit 0', async () => {
    const run = captureIo();
    expect(await runCli(['--help'], run.io)).toBe(0);
    expect(run.stdout).toMatch(/^用法：industrial-chain <命令> \[选项\]/u);
    const en = captureIo();
    expect(await runCli(['-h', '--locale', 'en'], en.io)).toBe(0);
    expect(en.stdout).toMatch(/^Usage: industrial-chain <command> \[options\]/u);
    expect(en.stdout).toContain('validate <file-or-folder>');
  });

  it('prints the version of package.json with --version', async () => {
    const run = captureIo();
    expect(await runCli(['--version'], run.io)).toBe(0);
    expect(run.stdout).toBe(version);
  });

  it('rejects an unknown command with exit 2 and the usage on stderr', async () => {
    const run = captureIo({ LANG: 'en_US.UTF-8' });
    expect(await runCli(['check', 'seeds/x.json'], run.io)).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('industrial-chain: unknown command "check"');
    expect(run.stderr).toContain('Usage: industrial-chain');
  });

  it('rejects a missing command and an unknown option with exit 2', async () => {
    const none = captureIo();
    expect(await runCli([], none.io)).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('industrial-chain: 未指定命令');
    const option = captureIo();
    expect(await runCli(['validate', 'x.json', '--fast'], option.io)).toBe(2);
    expect(option.stderr.split('\n')[0]).toBe('industrial-chain: 未知选项 --fast');
  });

  it('turns an unexpected error into one line and exit 2', async () => {
    const err: string[] = [];
    const io = {
      stdout: () => {
        throw new Error('write failed\n    at somewhere (file.js:1:1)');
      },
      stderr: (text: string) => err.push(text),
    };
    expect(await runCli(['--help', '--locale', 'en'], io)).toBe(2);
    expect(err).toEqual(['industrial-chain: internal error: write failed']);
  });

  it('passes options given before the command to it', async () => {
    const run = captureIo();
    expect(await runCli(['--locale', 'en', 'validate'], run.io)).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('industrial-chain: validate needs a file or folder');
  });
});

describe('localeFromEnv', () => {
  it('is English only when the first locale variable set starts with en', () => {
    expect(localeFromEnv({})).toBe('zh-CN');
    expect(localeFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LANG: 'en' })).toBe('en');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LC_ALL: '', LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LANG: 'eno' })).toBe('zh-CN');
  });
});
